/** Entity spans, BILOU tag sets and the transitions BILOU allows. */

/** The four CoNLL-2003 entity types. */
export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** An entity within one sentence: token indices, `end` exclusive. */
export interface NerSpan {
  type: NerType;
  start: number;
  end: number;
}

/** BILOU tag names for `types`: index 0 is O, then B-, I-, L-, U- for each type in order. */
export function bilouTags(types: readonly string[]): string[] {
  const tags = ['O'];
  for (const t of types) tags.push(`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`);
  return tags;
}

/** Position letter (B, I, L, U) of a tag index, or 'O'. */
export function tagPos(tag: number): string {
  return tag === 0 ? 'O' : ('BILU'[(tag - 1) % 4] as string);
}

/** Type index (0-based) of a tag index, or -1 for O. */
export function tagType(tag: number): number {
  return tag === 0 ? -1 : Math.floor((tag - 1) / 4);
}

/** Encodes spans as BILOU tag indices over a sentence of `n` tokens. */
export function spansToBilou<T extends string>(
  spans: readonly { type: T; start: number; end: number }[],
  n: number,
  types: readonly T[],
): Uint8Array {
  const out = new Uint8Array(n);
  for (const s of spans) {
    const base = 1 + 4 * types.indexOf(s.type);
    if (base < 1) continue;
    if (s.end - s.start === 1) out[s.start] = base + 3;
    else {
      out[s.start] = base;
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = base + 1;
      out[s.end - 1] = base + 2;
    }
  }
  return out;
}

/** Decodes BILOU tag indices into spans; tolerant of ill-formed sequences (an I or L without B opens a span). */
export function bilouToSpans<T extends string>(
  tags: ArrayLike<number>,
  types: readonly T[],
): { type: T; start: number; end: number }[] {
  const spans: { type: T; start: number; end: number }[] = [];
  let open = -1;
  let openType = -1;
  const close = (end: number): void => {
    if (open >= 0) spans.push({ type: types[openType] as T, start: open, end });
    open = -1;
    openType = -1;
  };
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as number;
    const type = tagType(tag);
    const pos = tagPos(tag);
    if (pos === 'O') close(i);
    else if (pos === 'B' || pos === 'U' || type !== openType) {
      close(i);
      open = i;
      openType = type;
    }
    if (pos === 'U' || pos === 'L') close(i + 1);
  }
  close(tags.length);
  return spans;
}

/**
 * Transition mask for BILOU: `allowed[prev * T + cur]`, with prev = T standing for the sentence start;
 * `final[tag]` says whether a sentence may end on `tag`.
 */
export function bilouConstraints(nTags: number): { allowed: Uint8Array; final: Uint8Array } {
  const allowed = new Uint8Array((nTags + 1) * nTags);
  const final = new Uint8Array(nTags);
  const opens = (cur: number) => tagPos(cur) === 'O' || tagPos(cur) === 'B' || tagPos(cur) === 'U';
  for (let cur = 0; cur < nTags; cur++) {
    final[cur] = tagPos(cur) === 'B' || tagPos(cur) === 'I' ? 0 : 1;
    allowed[nTags * nTags + cur] = opens(cur) ? 1 : 0;
    for (let prev = 0; prev < nTags; prev++) {
      const pp = tagPos(prev);
      const inside = pp === 'B' || pp === 'I';
      const ok = inside
        ? tagType(cur) === tagType(prev) && (tagPos(cur) === 'I' || tagPos(cur) === 'L')
        : opens(cur);
      allowed[prev * nTags + cur] = ok ? 1 : 0;
    }
  }
  return { allowed, final };
}

/** A mask that allows every transition (for tag sets such as POS). */
export function freeConstraints(nTags: number): { allowed: Uint8Array; final: Uint8Array } {
  return { allowed: new Uint8Array((nTags + 1) * nTags).fill(1), final: new Uint8Array(nTags).fill(1) };
}
