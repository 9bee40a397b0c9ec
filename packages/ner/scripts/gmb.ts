/**
 * Reader for the GMB extract (`ner_dataset.csv`: Windows-1252 CSV, IOB2 tags geo/gpe/org/per/tim/art/eve/nat)
 * with a mapping to CoNLL conventions: per -> PER without leading titles ("President", "Mr."), org -> ORG,
 * geo -> LOC, gpe -> MISC (mostly demonyms) or LOC when the span is a country name, art/eve/nat -> MISC,
 * tim dropped. The file has no document boundaries: consecutive sentences are grouped into pseudo-documents.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { NerSpan, NerType } from '../src/bilou.ts';
import { iobToSpans } from '../src/conll.ts';
import type { Gazetteer } from '../src/gazetteer.ts';
import type { NerTrainDoc } from '../src/ner-training.ts';
import { foldToken, normalizeToken } from '../src/text.ts';
import { PERSON_TITLES } from './gazetteer-lists.ts';

const TITLE_WORDS = new Set([
  ...PERSON_TITLES,
  ...[
    'prime',
    'foreign',
    'defense',
    'defence',
    'interior',
    'finance',
    'vice',
    'deputy',
    'former',
    'state',
    'u.n.',
  ],
  ...[
    'ambassador',
    'envoy',
    'leader',
    'opposition',
    'senior',
    'commander',
    'lieutenant',
    'sergeant',
    'secretary-general',
  ],
  ...[
    'minister',
    'president-elect',
    'supreme',
    'crown',
    'emperor',
    'grand',
    'ayatollah',
    'cleric',
    'rebel',
    'militant',
  ],
]);
const MAP: Record<string, NerType | undefined> = {
  per: 'PER',
  org: 'ORG',
  geo: 'LOC',
  gpe: 'MISC',
  art: 'MISC',
  eve: 'MISC',
  nat: 'MISC',
};

function mapSpans(tokens: string[], tags: string[], gazetteer: Gazetteer | undefined): NerSpan[] {
  const folds = tokens.map((t) => foldToken(normalizeToken(t)));
  const gaz = gazetteer?.match(folds);
  const country = gazetteer ? gazetteer.categories.indexOf('country') : -1;
  const out: NerSpan[] = [];
  for (const s of iobToSpans(tags)) {
    let type = MAP[s.type];
    if (!type) continue;
    let start = s.start;
    if (type === 'PER') while (s.end - start > 1 && TITLE_WORDS.has(folds[start] as string)) start++;
    if (s.type === 'gpe' && gaz && country >= 0) {
      const whole = s.end - start === 1 ? [country * 4 + 3] : [country * 4, country * 4 + 2];
      const first = gaz[start] ?? [];
      const last = gaz[s.end - 1] ?? [];
      if (first.includes(whole[0] as number) && last.includes(whole[whole.length - 1] as number))
        type = 'LOC';
    }
    out.push({ type, start, end: s.end });
  }
  return out;
}

/**
 * Reads the GMB extract as pseudo-documents of `docSize` consecutive sentences, keeping `fraction` of them
 * (every document whose index falls in the first `fraction` of each block of 10), tagged with domain 1.
 */
export function readGmbDocs(
  path: string,
  gazetteer: Gazetteer | undefined,
  fraction = 1,
  docSize = 10,
): NerTrainDoc[] {
  if (!existsSync(path)) throw new Error(`GMB file not found: ${path}`);
  const text = new TextDecoder('windows-1252').decode(readFileSync(path));
  const sentences: { tokens: string[]; tags: string[] }[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line === '') continue;
    const m = /^([^,]*),("(?:[^"]|"")*"|[^,]*),("(?:[^"]|"")*"|[^,]*),(.*)$/.exec(line);
    if (!m) continue;
    const unq = (v: string) => (v.startsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v);
    if (m[1] !== '' || sentences.length === 0) sentences.push({ tokens: [], tags: [] });
    const s = sentences[sentences.length - 1] as { tokens: string[]; tags: string[] };
    s.tokens.push(unq(m[2] as string));
    s.tags.push(unq(m[4] as string));
  }
  const docs: NerTrainDoc[] = [];
  for (let i = 0; i < sentences.length; i += docSize) {
    if ((i / docSize) % 10 >= fraction * 10) continue;
    const group = sentences.slice(i, i + docSize);
    docs.push({
      tokens: group.map((s) => s.tokens),
      spans: group.map((s) => mapSpans(s.tokens, s.tags, gazetteer)),
      domain: 1,
    });
  }
  return docs;
}
