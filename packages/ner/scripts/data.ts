/** Locating and reading the evaluation corpora (never part of the repository). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NerSpan } from '../src/bilou.ts';
import { iobToSpans, parseConll } from '../src/conll.ts';
import type { NerTrainDoc } from '../src/ner-training.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Root of the shared evaluation data: $NEWSFLOW_EVAL_DATA, else ../shared/eval/data beside the repository. */
export function dataDir(): string {
  return process.env.NEWSFLOW_EVAL_DATA ?? resolve(REPO, '../shared/eval/data');
}

/** Default CoNLL-2003 file of a split ('eng.train', 'eng.testa'). */
export function conllPath(file: string): string {
  return resolve(dataDir(), 'conll2003', file);
}

/** Reads a file or exits with a message that says where the data was expected. */
export function readData(path: string): string {
  if (!existsSync(path)) {
    console.error(
      `data file not found: ${path}\n` +
        'The CoNLL-2003 files are not part of newsflow (Reuters licence). Pass a path as an argument or set ' +
        'NEWSFLOW_EVAL_DATA to the folder that holds conll2003/.',
    );
    process.exit(2);
  }
  return readFileSync(path, 'utf8');
}

/** Entity types CoNLL uses; other types in a corpus are dropped. */
const KNOWN = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** Reads a CoNLL-format NER file as training/evaluation documents. */
export function readConllDocs(path: string): NerTrainDoc[] {
  return parseConll(readData(path)).map((d) => ({
    tokens: d.map((s) => s.tokens),
    spans: d.map((s) => iobToSpans(s.ner).filter((x) => KNOWN.has(x.type)) as NerSpan[]),
  }));
}

/** Reads a CoNLL-format file as POS-tagged sentences. */
export function readConllPos(path: string): { tokens: string[]; tags: string[] }[] {
  return parseConll(readData(path)).flatMap((d) => d.map((s) => ({ tokens: s.tokens, tags: s.pos })));
}
