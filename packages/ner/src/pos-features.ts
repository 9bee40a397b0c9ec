import type { DocInfo, SentInfo } from './doc-info.ts';
import { hash1, hash2 } from './hash.ts';
import type { KeyBuffer } from './key-buffer.ts';

let t = 100;
/** Feature template numbers (each template seeds its own hash). */
export const POS_TEMPLATES = {
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
  sufm1: t++,
  sufp1: t++,
  biL: t++,
  biR: t++,
  first: t++,
  shm1: t++,
  shp1: t++,
};
const T = POS_TEMPLATES;
const BIAS = hash1(T.bias, '');

function at(a: readonly string[], i: number): string {
  return i < 0 ? '<s>' : i >= a.length ? '</s>' : (a[i] as string);
}

/** Part-of-speech feature keys of every token of sentence `si`, appended to `out`. */
export function posFeatures(doc: DocInfo, si: number, out: KeyBuffer): void {
  const s = doc.sents[si] as SentInfo;
  const { norm, fold, shape, sshape } = s;
  for (let i = 0; i < norm.length; i++) {
    const lw = fold[i] as string;
    out.push(BIAS);
    out.push(hash1(T.w, norm[i] as string));
    out.push(hash1(T.lw, lw));
    out.push(hash1(T.shape, shape[i] as string));
    out.push(hash1(T.sshape, sshape[i] as string));
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
    out.push(hash1(T.sufm1, lm1.slice(-3)));
    out.push(hash1(T.sufp1, lp1.slice(-3)));
    out.push(hash1(T.shm1, at(sshape, i - 1)));
    out.push(hash1(T.shp1, at(sshape, i + 1)));
    out.push(hash2(T.biL, lm1, lw));
    out.push(hash2(T.biR, lw, lp1));
    if (i === 0) out.push(hash1(T.first, sshape[i] as string));
    out.endToken();
  }
}
