import { type Lexicon, lexKey } from './lexicon/index.ts';
import { coverage, type Mention, mentionAt } from './mention.ts';
import type { Doc } from './types.ts';

/** Heads of national bodies ("Iraq's national intelligence service") -> the canonical head. */
const AGENCY_HEADS = new Map<string, string>(
  [
    ['intelligence service', 'intelligence service'],
    ['intelligence services', 'intelligence service'],
    ['intelligence agency', 'intelligence service'],
    ['intelligence forces', 'intelligence service'],
    ['intelligence apparatus', 'intelligence service'],
    ['counter-terrorism service', 'counter-terrorism service'],
    ['counterterrorism service', 'counter-terrorism service'],
    ['security forces', 'security forces'],
    ['army', 'army'],
    ['armed forces', 'armed forces'],
    ['military', 'military'],
    ['navy', 'navy'],
    ['air force', 'air force'],
    ['police', 'police'],
    ['police force', 'police'],
    ['government', 'government'],
    ['parliament', 'parliament'],
    ['cabinet', 'cabinet'],
    ['foreign ministry', 'foreign ministry'],
    ['defense ministry', 'defense ministry'],
    ['defence ministry', 'defense ministry'],
    ['interior ministry', 'interior ministry'],
    ['justice ministry', 'justice ministry'],
    ['health ministry', 'health ministry'],
    ['finance ministry', 'finance ministry'],
    ['oil ministry', 'oil ministry'],
    ['central bank', 'central bank'],
    ['coast guard', 'coast guard'],
    ['national guard', 'national guard'],
    ['special forces', 'special forces'],
    ['judiciary', 'judiciary'],
    ['presidency', 'presidency'],
    ['embassy', 'embassy'],
    ['state media', 'state media'],
  ].map(([k, v]) => [k as string, v as string]),
);
const MAX_HEAD = 2;
/** Adjectives allowed between the country and the head. */
const AGENCY_ADJS = new Set([
  'national',
  'federal',
  'state',
  'central',
  'main',
  'top',
  'elite',
  'regional',
  'transitional',
  'interim',
  'new',
  'own',
  'military',
  'security',
]);
const POSSESSIVE = new Set(["'s", '’s']);
const LED_RE = /^(.+)-led$/i;
const LED_HEADS = new Set([
  'coalition',
  'alliance',
  'mission',
  'force',
  'forces',
  'bloc',
  'government',
  'administration',
]);

function headAt(words: string[], i: number): [string, number] | undefined {
  for (let n = MAX_HEAD; n >= 1; n--) {
    const canon = AGENCY_HEADS.get(words.slice(i, i + n).join(' '));
    if (canon) return [canon, n];
  }
  return undefined;
}

/**
 * Recognise organisations the tagger cannot see because they are written in lower case: national bodies
 * ("Iraq’s national intelligence service", "the Iraqi army") grouped by country and head, and "X-led" coalitions
 * ("the U.S.-led coalition"). Returns the new mentions; callers drop the mentions they overlap.
 */
export function compositeOrganizations(doc: Doc, mentions: readonly Mention[], lex: Lexicon): Mention[] {
  const cov = coverage(doc, mentions);
  const out: Mention[] = [];
  doc.sentences.forEach((sentence, si) => {
    const words = sentence.tokens.map((t) => t.text.toLowerCase());
    const row = cov[si] as Int32Array;
    for (let i = 0; i < words.length; i++) {
      const led = LED_RE.exec(sentence.tokens[i]?.text ?? '');
      if (led?.[1] && LED_HEADS.has(words[i + 1] ?? '')) {
        const leader = lex.entries.get(lexKey([led[1]]));
        const name = leader?.name ?? led[1];
        const m = mentionAt(doc, si, i, i + 2, 'organization', 'rule', {
          ruleKey: `${name.toLowerCase()}-led ${words[i + 1] === 'forces' ? 'coalition' : words[i + 1]}`,
        });
        if (m) out.push(m);
        continue;
      }
      const owner = mentions[row[i] ?? -1];
      if (!owner?.country || owner.tokenStart !== i || (owner.kind === 'location' && !owner.isCountry))
        continue;
      if (owner.kind !== 'nationality' && owner.kind !== 'location') continue;
      let j = owner.tokenEnd;
      if (owner.kind === 'location') {
        if (!POSSESSIVE.has(words[j] ?? '')) continue;
        j += 1;
      }
      while (AGENCY_ADJS.has(words[j] ?? '') && !headAt(words, j)) j += 1;
      const head = headAt(words, j);
      if (!head) continue;
      const m = mentionAt(doc, si, i, j + head[1], 'organization', 'rule', {
        ruleKey: `${owner.country.toLowerCase()}|${head[0]}`,
        country: owner.country,
      });
      if (m) out.push(m);
      i = j + head[1] - 1;
    }
  });
  return out;
}
