import { tokenize } from '../tokenize.ts';
import { loadCountries } from './countries.ts';
import { loadGroups } from './groups.ts';
import { loadOrganizations } from './organizations.ts';
import { loadPlaces } from './places.ts';
import { loadRoles } from './roles.ts';

export { RANKS, ROLE_PREFIXES, ROLE_QUALIFIERS } from './roles.ts';

/** What a lexicon entry says about a surface form. */
export interface LexEntry {
  kind: 'location' | 'organization' | 'nationality';
  /** Canonical name: the country, place, organisation or group. */
  name: string;
  /** Country a place, demonym or group belongs to (the country itself for country names). */
  country?: string;
  /** Whether the entry is a country (as opposed to a city or region). */
  isCountry?: boolean;
}

/** Indexes over the hand-written lexicons, built once per extractor. */
export interface Lexicon {
  /** Exact surface form (tokens joined by single spaces, curly apostrophes folded) -> entry. */
  entries: Map<string, LexEntry>;
  /** Longest entry, in tokens. */
  maxTokens: number;
  /** First token of every entry, to skip lookups that cannot match. */
  firstTokens: Set<string>;
  /** Lower-cased title form (tokens joined by spaces) -> canonical title. */
  roles: Map<string, string>;
  maxRoleTokens: number;
  /** Country -> its first demonym ("Iraq" -> "Iraqi"). */
  demonymOf: Map<string, string>;
}

/** Join token texts the way lexicon keys are built. */
export function lexKey(tokens: readonly string[]): string {
  return tokens.join(' ').replace(/’/g, "'");
}

function keyOf(form: string): [string, number] {
  const toks = tokenize(form).map((t) => t.text);
  return [lexKey(toks), toks.length];
}

/** Build the lexicon indexes. Pure and deterministic; call once and share. */
export function createLexicon(): Lexicon {
  const entries = new Map<string, LexEntry>();
  const demonymOf = new Map<string, string>();
  const firstTokens = new Set<string>();
  let maxTokens = 1;
  const add = (form: string, entry: LexEntry): void => {
    const [key, n] = keyOf(form);
    firstTokens.add(key.split(' ')[0] ?? key);
    if (!entries.has(key)) entries.set(key, entry);
    maxTokens = Math.max(maxTokens, n);
  };
  for (const c of loadCountries()) {
    for (const f of [c.name, ...c.aliases])
      add(f, { kind: 'location', name: c.name, country: c.name, isCountry: true });
    for (const d of c.demonyms) add(d, { kind: 'nationality', name: c.demonyms[0] ?? d, country: c.name });
    if (c.demonyms[0]) demonymOf.set(c.name, c.demonyms[0]);
  }
  for (const p of loadPlaces()) {
    for (const f of [p.name, ...p.aliases])
      add(
        f,
        p.country
          ? { kind: 'location', name: p.name, country: p.country }
          : { kind: 'location', name: p.name },
      );
  }
  for (const g of loadGroups()) {
    for (const f of g.forms) add(f, { kind: 'nationality', name: g.forms[0] ?? g.name });
  }
  for (const o of loadOrganizations()) {
    for (const f of [o.name, ...o.aliases]) add(f, { kind: 'organization', name: o.name });
  }
  const roles = loadRoles();
  let maxRoleTokens = 1;
  const roleMap = new Map<string, string>();
  for (const [form, title] of roles) {
    const [key, n] = keyOf(form);
    roleMap.set(key.toLowerCase(), title);
    maxRoleTokens = Math.max(maxRoleTokens, n);
  }
  return { entries, maxTokens, firstTokens, roles: roleMap, maxRoleTokens, demonymOf };
}
