import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEXICON_DATA } from './lexicon-data.ts';
import { RULES } from './rules.ts';
import { EVENT_TYPES, eventType, matchesKairos, typeForKairos } from './taxonomy.ts';

describe('taxonomy', () => {
  it('keeps to a few dozen ACE/KAIROS-style category.type names', () => {
    expect(EVENT_TYPES.length).toBeGreaterThan(10);
    expect(EVENT_TYPES.length).toBeLessThanOrEqual(40);
    for (const t of EVENT_TYPES) expect(t.type).toMatch(/^[a-z]+\.[a-z_]+$/);
  });

  it('maps each KAIROS type to at most one of its types, and only to roles the type has', () => {
    const seen = new Set<string>();
    for (const t of EVENT_TYPES) {
      for (const k of t.kairos) {
        expect(seen.has(k), k).toBe(false);
        seen.add(k);
        expect(typeForKairos(k)).toBe(t.type);
      }
      for (const role of Object.keys(t.kairosRoles)) expect(['place', 'time', ...t.roles]).toContain(role);
    }
  });

  it('lets every communication type match any KAIROS Contact.Contact subtype, which names only the medium', () => {
    for (const t of ['contact.statement', 'contact.meet', 'contact.accuse']) {
      for (const k of ['Broadcast', 'Correspondence', 'Meet', 'Unspecified'])
        expect(matchesKairos(t, `Contact.Contact.${k}`), `${t} ${k}`).toBe(true);
    }
    expect(matchesKairos('contact.request', 'Contact.Contact.Meet')).toBe(false);
    expect(matchesKairos('contact.statement', 'Contact.RequestCommand.Unspecified')).toBe(false);
    expect(matchesKairos('conflict.attack', 'Conflict.Attack.DetonateExplode')).toBe(true);
  });

  it('gives every type a PLOVER category and a CAMEO code or an explicit blank', () => {
    const plover = new Set(
      'AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT ACCUSE REQUEST REJECT THREATEN PROTEST CRIME SANCTION MOBILIZE COERCE ASSAULT NONE'.split(
        ' ',
      ),
    );
    for (const t of EVENT_TYPES) {
      expect(plover.has(t.plover.event), t.type).toBe(true);
      expect(t.cameo).toMatch(/^(?:\d{3,4})?$/);
    }
  });

  it('uses only known types and rules in the trigger lexicon', () => {
    for (const [type, , , opts] of LEXICON_DATA) {
      expect(() => eventType(type)).not.toThrow();
      for (const rule of [opts?.rule ?? []].flat()) expect(RULES[rule], rule).toBeDefined();
    }
  });

  it('is documented type by type in docs/event-taxonomy.md', () => {
    const doc = readFileSync(new URL('../../../../../docs/event-taxonomy.md', import.meta.url), 'utf8');
    for (const t of EVENT_TYPES) expect(doc).toContain(`| \`${t.type}\` |`);
  });
});
