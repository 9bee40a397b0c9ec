import type { Queryable, SqlValue } from './types.ts';

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

/** One parameterised write statement. */
export interface Statement {
  sql: string;
  params: readonly SqlValue[];
}

/**
 * Runs independent writes (none reads what another writes; constraints may link them) in order. On PostgreSQL
 * they travel as ONE statement, every write but the last a data-modifying CTE, which saves a network round trip
 * per write: the store's per-message cost there is mostly round trips. Foreign keys are checked at the end of
 * that statement, so a row may reference one inserted beside it. SQLite runs them one by one (no round trips).
 * Resolves to the number of rows the last statement changed.
 */
export async function runAll(tx: Queryable, statements: readonly Statement[]): Promise<number> {
  if (tx.dialect !== 'postgres' || statements.length < 2) {
    let changed = 0;
    for (const s of statements) changed = await tx.run(s.sql, s.params);
    return changed;
  }
  const params: SqlValue[] = [];
  const parts = statements.map((s) => {
    const offset = params.length;
    params.push(...s.params);
    return s.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = parts.pop() as string;
  return tx.run(`WITH ${parts.map((p, i) => `w${i} AS (${p})`).join(', ')} ${last}`, params);
}
