/* Sums over the integer score vectors of the fast taggers (int32 partial sums of int16 weights). */

/** `acc[off + k] += src[so + k]` for `k < n`. */
export function addVec(acc: Int32Array, off: number, src: Int32Array, so: number, n: number): void {
  for (let k = 0; k < n; k++) acc[off + k] = (acc[off + k] as number) + (src[so + k] as number);
}

/**
 * `acc[off + k] = a[ao + k] + b[bo + k] + c[co + k] + d[do_ + k] + e[eo + k]` for `k < n`: the five cached
 * single-word vectors of a token in one pass, which stores each sum once instead of adding five times in place.
 */
export function sum5(
  acc: Int32Array,
  off: number,
  a: Int32Array,
  ao: number,
  b: Int32Array,
  bo: number,
  c: Int32Array,
  co: number,
  d: Int32Array,
  do_: number,
  e: Int32Array,
  eo: number,
  n: number,
): void {
  for (let k = 0; k < n; k++)
    acc[off + k] =
      (a[ao + k] as number) +
      (b[bo + k] as number) +
      (c[co + k] as number) +
      (d[do_ + k] as number) +
      (e[eo + k] as number);
}
