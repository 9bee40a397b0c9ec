import type { AliasLink } from './aliases.ts';
import type { Mention } from './mention.ts';
import { initialsOf, nameWords, normalizeName } from './normalize.ts';

/** Union-find over mention indices. */
class Partition {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    while (this.parent[i] !== r) {
      const next = this.parent[i] as number;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The earlier mention stays the root, so clusters are ordered by first mention.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Grouping key of a mention: equal keys corefer. Organisations and MISC names share a key space. */
export function mentionKey(m: Mention): string {
  switch (m.kind) {
    case 'date':
      return `date:${m.time?.value ?? normalizeName(m.text)}`;
    case 'nationality':
      return `nationality:${normalizeName(m.country ?? m.canonical ?? m.text)}`;
    case 'location':
      return `location:${normalizeName(m.canonical ?? m.text)}`;
    case 'person':
      return `person:${nameWords(m.text).join(' ')}`;
    default:
      if (m.ruleKey) return `name:${m.ruleKey}`;
      return `name:${normalizeName(m.canonical ?? m.text)}`;
  }
}

const ACRONYM_RE = /^[\p{Lu}][\p{Lu}\d&.]{1,7}$/u;

/** True when `short` is the name `full` with words left out, keeping order and the last word ("al-Rifai"). */
function isPartialName(short: string[], full: string[]): boolean {
  if (short.length >= full.length || short.length === 0) return false;
  if (short[short.length - 1] !== full[full.length - 1]) return false;
  let j = 0;
  for (const w of full) if (w === short[j]) j += 1;
  return j === short.length;
}

/**
 * Cluster mentions that refer to the same entity: equal normalised keys, stated aliases and appositions
 * (`links`), acronyms that spell a multi-word organisation in the document ("HTS"), and partial person names
 * ("al-Rifai", "Assad") joined to the nearest full name that contains them, preferring an earlier one (a
 * tagger-only organisation or MISC span that matches a person's name this way is retyped as a person).
 * Returns clusters of mentions in document order.
 */
export function clusterMentions(mentions: readonly Mention[], links: readonly AliasLink[]): Mention[][] {
  const p = new Partition(mentions.length);
  const index = new Map<Mention, number>();
  mentions.forEach((m, i) => {
    index.set(m, i);
  });
  const byKey = new Map<string, number>();
  mentions.forEach((m, i) => {
    // Descriptions join only through their stated link; their words are not a name.
    if (m.source === 'nominal') return;
    // A bare surname is not enough to merge: "Assad" may be Hafez or Bashar. linkPartialNames decides.
    if (m.kind === 'person' && nameWords(m.text).length < 2) return;
    const key = mentionKey(m);
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, i);
    else p.union(first, i);
  });
  for (const { of, alias } of links) {
    const a = index.get(of);
    const b = index.get(alias);
    if (a !== undefined && b !== undefined) p.union(a, b);
  }
  linkAcronyms(mentions, p);
  linkOrganisationShortNames(mentions, p);
  linkPartialNames(mentions, p);
  const clusters = new Map<number, Mention[]>();
  mentions.forEach((m, i) => {
    const root = p.find(i);
    const list = clusters.get(root);
    if (list) list.push(m);
    else clusters.set(root, [m]);
  });
  return [...clusters.entries()].sort((a, b) => a[0] - b[0]).map(([, ms]) => ms);
}

function linkAcronyms(mentions: readonly Mention[], p: Partition): void {
  const longForms = new Map<string, number>();
  mentions.forEach((m, i) => {
    if ((m.kind === 'organization' || m.kind === 'misc') && /\s/.test(m.text)) {
      for (const ini of initialsOf(m.canonical ?? m.text)) if (!longForms.has(ini)) longForms.set(ini, i);
    }
  });
  mentions.forEach((m, i) => {
    if (m.kind !== 'organization' && m.kind !== 'misc') return;
    if (!ACRONYM_RE.test(m.text)) return;
    const long = longForms.get(m.text.replace(/\./g, ''));
    if (long !== undefined) p.union(long, i);
  });
}

/** Words that only say what kind of organisation a name is: "Labour Party" is "Labour", "Cairn Energy" "Cairn". */
const ORG_KIND_WORDS = new Set(
  (
    'party group motors airlines airline airways energy resources communications corporation corp inc plc ' +
    'ltd limited holdings company co entertainment pictures finance telecom industries international ' +
    'systems technologies networks petroleum pharmaceuticals records studios bank'
  ).split(' '),
);

/**
 * A one-word organisation name that is a longer one of the document without its words of kind ("Labour" and
 * "Labour Party", "Baikal" and "Baikal Finance Group") is that organisation, when no other longer organisation
 * name of the document starts with the same word ("Mitsubishi" beside "Mitsubishi Motors" and "Mitsubishi Tokyo
 * Financial Group" stays apart).
 */
function linkOrganisationShortNames(mentions: readonly Mention[], p: Partition): void {
  const longByShort = new Map<string, { i: number; name: string } | null>();
  mentions.forEach((m, i) => {
    if (m.kind !== 'organization' || m.source === 'nominal') return;
    const words = nameWords(m.text);
    if (words.length < 2) return;
    let k = words.length;
    while (k > 1 && ORG_KIND_WORDS.has(words[k - 1] as string)) k--;
    const short = words[0] as string;
    const name = words.join(' ');
    const seen = longByShort.get(short);
    // A second longer name with the same first word makes the short one ambiguous.
    if (seen === undefined) longByShort.set(short, k === 1 ? { i, name } : null);
    else if (seen === null || seen.name !== name) longByShort.set(short, null);
  });
  mentions.forEach((m, i) => {
    if (m.kind !== 'organization' || m.source === 'nominal') return;
    const words = nameWords(m.text);
    if (words.length !== 1) return;
    const long = longByShort.get(words[0] as string);
    if (long) p.union(long.i, i);
  });
}

/** An organisation or MISC name that no lexicon or rule backs: the tagger may have mistyped a person. */
function isTaggerOnlyName(m: Mention): boolean {
  return (
    (m.kind === 'organization' || m.kind === 'misc') && m.source === 'tagger' && !m.confirmed && !m.canonical
  );
}

function linkPartialNames(mentions: readonly Mention[], p: Partition): void {
  // Candidates share the last name word, so comparisons stay within small groups.
  const byLast = new Map<string, { i: number; words: string[] }[]>();
  mentions.forEach((m, i) => {
    if (m.source === 'nominal' || (m.kind !== 'person' && !isTaggerOnlyName(m))) return;
    const words = nameWords(m.text);
    const last = words[words.length - 1];
    if (last === undefined) return;
    const group = byLast.get(last);
    if (group) group.push({ i, words });
    else byLast.set(last, [{ i, words }]);
  });
  for (const group of byLast.values()) {
    const lastSingle = new Map<string, number>();
    for (const short of group) {
      let before = -1;
      let after = -1;
      for (const full of group) {
        if (mentions[full.i]?.kind !== 'person' || !isPartialName(short.words, full.words)) continue;
        if (full.i < short.i) before = Math.max(before, full.i);
        else if (after === -1) after = full.i;
      }
      const isPerson = mentions[short.i]?.kind === 'person';
      const best = before >= 0 ? before : after;
      if (best >= 0) {
        p.union(best, short.i);
        const m = mentions[short.i];
        if (m && !isPerson) m.kind = 'person';
        continue;
      }
      // With no full name to join, repeats of one single-word person name corefer with each other.
      if (!isPerson || short.words.length !== 1) continue;
      const single = short.words[0] as string;
      const prev = lastSingle.get(single);
      if (prev === undefined) lastSingle.set(single, short.i);
      else p.union(prev, short.i);
    }
  }
}
