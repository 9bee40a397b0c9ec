import type { DocInfo, SentInfo } from './doc-info.ts';
import { addInt, addStr, finish, hash1, hash2, hash3, seed } from './hash.ts';
import type { KeyBuffer } from './key-buffer.ts';

/**
 * First-pass labels of a whole document, used by the second pass for document-level consistency:
 * per sentence the BILOU tags, and per folded form the count of each type (index 0 = O) over the document.
 */
export interface DocLabels {
  tags: Uint8Array[];
  votes: Map<string, Int32Array>;
  /** Per folded form, the count of each BILOU tag over the document (where in an entity the word stood). */
  tagVotes: Map<string, Int32Array>;
}

let t = 0;
/** Feature template numbers (each template seeds its own hash). */
export const NER_TEMPLATES = {
  bias: t++,
  w: t++,
  lw: t++,
  shape: t++,
  sshape: t++,
  pre: t++,
  suf: t++,
  lwm1: t++,
  lwp1: t++,
  lwm2: t++,
  lwp2: t++,
  shm1: t++,
  shp1: t++,
  shm2: t++,
  shp2: t++,
  biL: t++,
  biR: t++,
  sh3: t++,
  shL: t++,
  shR: t++,
  lwm1sh: t++,
  shlwp1: t++,
  ctx: t++,
  ctxw: t++,
  dateline: t++,
  gaz: t++,
  gazCap: t++,
  gazm1: t++,
  gazp1: t++,
  doc: t++,
  self: t++,
  selfL: t++,
  selfR: t++,
  vote: t++,
  voteMaj: t++,
  len: t++,
  lwm1lwp1: t++,
  voteTag: t++,
  dom: t++,
};
const T = NER_TEMPLATES;
const BIAS = hash1(T.bias, '');
/** Word and shape of the positions before and after a sentence. */
export const BOS = '<s>';
export const EOS = '</s>';

function at(a: readonly string[], i: number): string {
  return i < 0 ? BOS : i >= a.length ? EOS : (a[i] as string);
}

function gazFeatures(out: KeyBuffer, s: SentInfo, i: number, cap: string): void {
  for (const code of s.gaz[i] as number[]) {
    out.push(finish(addInt(seed(T.gaz), code)));
    out.push(finish(addStr(addInt(seed(T.gazCap), code), cap)));
  }
  if (i > 0) for (const code of s.gaz[i - 1] as number[]) out.push(finish(addInt(seed(T.gazm1), code)));
  if (i + 1 < s.gaz.length)
    for (const code of s.gaz[i + 1] as number[]) out.push(finish(addInt(seed(T.gazp1), code)));
}

function labelFeatures(out: KeyBuffer, s: SentInfo, i: number, tags: Uint8Array, labels: DocLabels): void {
  out.push(finish(addInt(seed(T.self), tags[i] as number)));
  out.push(finish(addInt(seed(T.selfL), i > 0 ? (tags[i - 1] as number) : 255)));
  out.push(finish(addInt(seed(T.selfR), i + 1 < tags.length ? (tags[i + 1] as number) : 255)));
  const votes = labels.votes.get(s.fold[i] as string);
  if (!votes || !/[a-z]/.test(s.fold[i] as string)) return;
  const own = tags[i] === 0 ? 0 : 1 + Math.floor(((tags[i] as number) - 1) / 4);
  let best = -1;
  let bestN = 0;
  let total = 0;
  for (let k = 0; k < votes.length; k++) {
    const n = (votes[k] as number) - (k === own ? 1 : 0);
    if (n <= 0) continue;
    total += n;
    out.push(finish(addInt(seed(T.vote), k)));
    if (n > bestN) {
      bestN = n;
      best = k;
    }
  }
  if (best >= 0) out.push(finish(addInt(addInt(seed(T.voteMaj), best), bestN === total ? 1 : 0)));
  const tagVotes = labels.tagVotes.get(s.fold[i] as string);
  if (!tagVotes) return;
  for (let k = 1; k < tagVotes.length; k++) {
    if ((tagVotes[k] as number) - (k === tags[i] ? 1 : 0) > 0) out.push(finish(addInt(seed(T.voteTag), k)));
  }
}

/**
 * Domain-specific copies of a few features (Daume 2007, "frustratingly easy" adaptation, on a subset to keep
 * tagging fast): the shared features learn from every corpus, these copies absorb each corpus's conventions.
 */
function domainFeatures(
  out: KeyBuffer,
  domain: number,
  w: string,
  lw: string,
  sh: string,
  ctx: string,
  gaz: number[],
): void {
  const d = String(domain);
  out.push(hash2(T.dom, d, ''));
  out.push(hash3(T.dom, d, 'w', w));
  out.push(hash3(T.dom, d, 'lw', lw));
  out.push(hash3(T.dom, d, ctx, sh));
  for (const code of gaz) out.push(hash3(T.dom, d, 'g', String(code)));
}

/**
 * Feature keys of every token of sentence `si`, appended to `out` (one `endToken` per token).
 * With `labels`, adds the second-pass document-consistency features.
 */
export function nerFeatures(doc: DocInfo, si: number, out: KeyBuffer, labels?: DocLabels): void {
  const s = doc.sents[si] as SentInfo;
  const { norm, fold, shape, sshape } = s;
  const n = norm.length;
  for (let i = 0; i < n; i++) {
    const w = norm[i] as string;
    const lw = fold[i] as string;
    const sh = sshape[i] as string;
    const ctx = s.ctx[i] as string;
    out.push(BIAS);
    out.push(hash1(T.w, w));
    out.push(hash1(T.lw, lw));
    out.push(hash1(T.shape, shape[i] as string));
    out.push(hash1(T.sshape, sh));
    out.push(hash1(T.len, lw.length > 6 ? '7' : String(lw.length)));
    for (let k = 1; k <= 4 && k <= lw.length; k++) {
      out.push(hash2(T.pre, String(k), lw.slice(0, k)));
      out.push(hash2(T.suf, String(k), lw.slice(-k)));
    }
    const lm1 = at(fold, i - 1);
    const lp1 = at(fold, i + 1);
    out.push(hash1(T.lwm1, lm1));
    out.push(hash1(T.lwp1, lp1));
    out.push(hash1(T.lwm2, at(fold, i - 2)));
    out.push(hash1(T.lwp2, at(fold, i + 2)));
    const sm1 = at(sshape, i - 1);
    const sp1 = at(sshape, i + 1);
    out.push(hash1(T.shm1, sm1));
    out.push(hash1(T.shp1, sp1));
    out.push(hash1(T.shm2, at(sshape, i - 2)));
    out.push(hash1(T.shp2, at(sshape, i + 2)));
    out.push(hash2(T.biL, lm1, lw));
    out.push(hash2(T.biR, lw, lp1));
    out.push(hash2(T.lwm1lwp1, lm1, lp1));
    out.push(hash3(T.sh3, sm1, sh, sp1));
    out.push(hash2(T.shL, sm1, sh));
    out.push(hash2(T.shR, sh, sp1));
    out.push(hash2(T.lwm1sh, lm1, sh));
    out.push(hash2(T.shlwp1, sh, lp1));
    out.push(hash2(T.ctx, ctx, sh));
    if (ctx !== 'mid') out.push(hash2(T.ctxw, ctx, lw));
    if (s.dateline) out.push(hash2(T.dateline, i === n - 1 ? 'date' : i === 0 ? 'first' : 'mid', sh));
    const cap = w !== lw && w.charAt(0) !== lw.charAt(0) ? 'C' : 'c';
    gazFeatures(out, s, i, cap);
    if (lw !== w || ctx !== 'mid') {
      const mc = doc.midCap.has(lw) ? 'M' : 'm';
      const lo = doc.lower.has(lw) ? 'L' : 'l';
      out.push(hash3(T.doc, ctx, mc, lo));
    }
    if (labels) labelFeatures(out, s, i, labels.tags[si] as Uint8Array, labels);
    if (doc.domain >= 0) domainFeatures(out, doc.domain, w, lw, sh, ctx, s.gaz[i] as number[]);
    out.endToken();
  }
}

/** Counts first-pass types per folded form over a document (index 0 = O, then 1 + type index). */
export function voteCounts(
  doc: DocInfo,
  tags: readonly Uint8Array[],
  nTypes: number,
): Map<string, Int32Array> {
  const votes = new Map<string, Int32Array>();
  doc.sents.forEach((s, si) => {
    const tg = tags[si] as Uint8Array;
    for (let i = 0; i < s.fold.length; i++) {
      const f = s.fold[i] as string;
      let v = votes.get(f);
      if (!v) {
        v = new Int32Array(nTypes + 1);
        votes.set(f, v);
      }
      const tag = tg[i] as number;
      const k = tag === 0 ? 0 : 1 + Math.floor((tag - 1) / 4);
      v[k] = (v[k] as number) + 1;
    }
  });
  return votes;
}

/** Counts first-pass BILOU tags per folded form over a document. */
export function tagVoteCounts(
  doc: DocInfo,
  tags: readonly Uint8Array[],
  nTags: number,
): Map<string, Int32Array> {
  const votes = new Map<string, Int32Array>();
  doc.sents.forEach((s, si) => {
    const tg = tags[si] as Uint8Array;
    for (let i = 0; i < s.fold.length; i++) {
      const tag = tg[i] as number;
      if (tag === 0) continue;
      const f = s.fold[i] as string;
      let v = votes.get(f);
      if (!v) {
        v = new Int32Array(nTags);
        votes.set(f, v);
      }
      v[tag] = (v[tag] as number) + 1;
    }
  });
  return votes;
}
