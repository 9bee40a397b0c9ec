/**
 * 32-bit hashing of feature strings. Features are identified only by these hashes, so the model file holds
 * numbers, never the words of the training text. Collisions among ~10^6 features in 2^32 are rare and harmless.
 */

/** Final avalanche (MurmurHash3 fmix32) so that the low bits are usable as a hash-table index. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Seed of a feature template: every template starts from its own state. */
export function seed(template: number): number {
  return mix32(Math.imul(template + 1, 0x9e3779b1));
}

/** Continues hash state `h` with the UTF-16 code units of `s` (FNV-1a), then a separator. */
export function addStr(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return Math.imul(h ^ 0x1f, 16777619);
}

/** Continues hash state `h` with a small integer. */
export function addInt(h: number, n: number): number {
  return Math.imul((h ^ n) + 0x7f4a7c15, 16777619);
}

/** Turns a hash state into a final non-zero key (0 marks an empty slot in the tables). */
export function finish(h: number): number {
  const k = mix32(h);
  return k === 0 ? 1 : k;
}

/** Hash of a template with one string value. */
export function hash1(template: number, a: string): number {
  return finish(addStr(seed(template), a));
}

/** Hash of a template with two string values. */
export function hash2(template: number, a: string, b: string): number {
  return finish(addStr(addStr(seed(template), a), b));
}

/** Hash of a template with three string values. */
export function hash3(template: number, a: string, b: string, c: string): number {
  return finish(addStr(addStr(addStr(seed(template), a), b), c));
}
