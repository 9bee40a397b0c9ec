import type { Gazetteer } from './gazetteer.ts';
import {
  foldToken,
  hasLetter,
  isAllCaps,
  isCapitalized,
  normalizeToken,
  shortShape,
  wordShape,
} from './text.ts';

/** Where a token stands: sentence-initial, inside an all-caps sentence (headline, dateline), or elsewhere. */
export type CaseContext = 'first' | 'caps' | 'mid';

/** Per-token views of one sentence, computed once and shared by every feature template. */
export interface SentInfo {
  norm: string[];
  fold: string[];
  shape: string[];
  sshape: string[];
  ctx: CaseContext[];
  /** Sentence looks like a dateline: capitalised place name(s) then a date, nothing else. */
  dateline: boolean;
  /** Gazetteer match codes per token (empty without a gazetteer). */
  gaz: number[][];
}

/** A document: its sentences plus document-wide facts about each folded word form. */
export interface DocInfo {
  sents: SentInfo[];
  /** Folded forms seen capitalised in mid-sentence position (trustworthy capitalisation). */
  midCap: Set<string>;
  /** Folded forms seen entirely in lower case. */
  lower: Set<string>;
  /**
   * Corpus the document comes from: 0 for CoNLL-like gold data and for all text at run time, 1+ for extra training
   * corpora whose annotation conventions differ (their domain-specific feature copies absorb the differences);
   * -1 for a model trained without domain adaptation (no domain features at all).
   */
  domain: number;
}

const DATE_SHAPE = /^d+[-/]d+[-/]d+$/;

function sentInfo(tokens: readonly string[], gazetteer: Gazetteer | undefined): SentInfo {
  const norm = tokens.map(normalizeToken);
  const fold = norm.map(foldToken);
  const shape = norm.map(wordShape);
  const sshape = shape.map(shortShape);
  let letters = 0;
  let caps = 0;
  for (const w of norm) {
    if (!hasLetter(w)) continue;
    letters++;
    if (isAllCaps(w)) caps++;
  }
  const allCaps = letters >= 2 && caps === letters;
  const ctx = norm.map((_, i): CaseContext => (allCaps ? 'caps' : i === 0 ? 'first' : 'mid'));
  const n = norm.length;
  const dateline =
    n >= 2 &&
    n <= 8 &&
    DATE_SHAPE.test(shape[n - 1] as string) &&
    norm.slice(0, n - 1).every((w) => !hasLetter(w) || isCapitalized(w));
  return {
    norm,
    fold,
    shape,
    sshape,
    ctx,
    dateline,
    gaz: gazetteer ? gazetteer.match(fold) : fold.map(() => []),
  };
}

/** Builds the per-document views used by feature extraction. */
export function docInfo(
  sentences: readonly (readonly string[])[],
  gazetteer?: Gazetteer,
  domain = -1,
): DocInfo {
  const sents = sentences.map((s) => sentInfo(s, gazetteer));
  const midCap = new Set<string>();
  const lower = new Set<string>();
  for (const s of sents) {
    for (let i = 0; i < s.norm.length; i++) {
      const w = s.norm[i] as string;
      if (!hasLetter(w)) continue;
      if (w === w.toLowerCase()) lower.add(s.fold[i] as string);
      else if (s.ctx[i] === 'mid' && isCapitalized(w)) {
        const prev = i > 0 ? (s.norm[i - 1] as string) : '';
        if (prev !== '"' && prev !== ':' && prev !== "'") midCap.add(s.fold[i] as string);
      }
    }
  }
  return { sents, midCap, lower, domain };
}
