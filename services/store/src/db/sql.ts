import type { SqlValue } from './types.ts';

/** `$from, $from+1, ...` for `n` parameters: for IN lists and multi-row VALUES built from bound values. */
export function placeholders(n: number, from = 1): string {
  return Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');
}

/** `($1, $2), ($3, $4)` for rows of `width` values each. */
export function rowsPlaceholders(rows: number, width: number): string {
  return Array.from({ length: rows }, (_, r) => `(${placeholders(width, r * width + 1)})`).join(', ');
}

/** Splits a list into chunks, so a statement never binds more parameters than an engine allows. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `undefined` becomes NULL; booleans 0/1. */
export const v = (x: string | number | boolean | null | undefined): SqlValue =>
  x === undefined ? null : typeof x === 'boolean' ? (x ? 1 : 0) : x;
