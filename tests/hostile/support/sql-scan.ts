/** One `${...}` inside a template literal whose text looks like SQL. */
export interface SqlInterpolation {
  line: number;
  expression: string;
  /** The template's static text, for messages. */
  sql: string;
}

const SQL_WORDS =
  /\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|LIMIT|ORDER BY|GROUP BY|JOIN|LIKE|EXISTS|IN|AND|OR)\b/;
/** A `$${...}` placeholder: the template builds a SQL fragment even when it holds no keyword (`c.type = $1`). */
const PLACEHOLDER = /\$\ue000/;

/**
 * Finds every interpolation inside SQL-looking template literals of a TypeScript source (a small lexer: it skips
 * comments, quoted strings and regex-free code well enough for this codebase, and follows nested templates).
 * Nested templates are reported on their own, so `${where.length ? `WHERE ${x}` : ''}` yields both levels.
 */
export function findSqlInterpolations(source: string): SqlInterpolation[] {
  const out: SqlInterpolation[] = [];
  const lineAt = (pos: number) => source.slice(0, pos).split('\n').length;

  /** Reads a template starting after its opening backtick; returns the index after the closing one. */
  function template(start: number): number {
    let j = start;
    let text = '';
    const exprs: { at: number; code: string }[] = [];
    while (j < source.length && source[j] !== '`') {
      if (source[j] === '\\') {
        text += source.slice(j, j + 2);
        j += 2;
      } else if (source[j] === '$' && source[j + 1] === '{') {
        const begin = j + 2;
        j = code(begin, '}');
        exprs.push({ at: begin, code: source.slice(begin, j).trim() });
        text += '\ue000'; // marks where an interpolation was
        j++;
      } else text += source[j++];
    }
    if (SQL_WORDS.test(text) || PLACEHOLDER.test(text)) {
      for (const e of exprs)
        out.push({ line: lineAt(e.at), expression: e.code, sql: text.replace(/\s+/g, ' ').slice(0, 160) });
    }
    return j + 1;
  }

  /** Skips code until the unmatched `close` brace (or the end); returns its index. */
  function code(start: number, close: '}' | null): number {
    let j = start;
    let depth = 0;
    while (j < source.length) {
      const c = source[j] as string;
      const next = source[j + 1];
      if (c === '/' && next === '/')
        j = source.indexOf('\n', j) === -1 ? source.length : source.indexOf('\n', j);
      else if (c === '/' && next === '*') j = source.indexOf('*/', j + 2) + 2;
      else if (c === "'" || c === '"') {
        j++;
        while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
        j++;
      } else if (c === '`') j = template(j + 1);
      else if (c === '{') {
        depth++;
        j++;
      } else if (c === '}') {
        if (depth === 0 && close === '}') return j;
        depth--;
        j++;
      } else j++;
    }
    return j;
  }

  code(0, null);
  return out;
}

/**
 * Expressions that may be interpolated into SQL in the query API: placeholder numbers (`$${params.push(v)}`,
 * `$${n}`, `$${i + 1}`), placeholder lists, upper-case constants, the validated integer limit, WHERE clauses
 * joined from such fragments, and conditionals between string literals.
 */
const SAFE_IN_API: RegExp[] = [
  /^params\.push\([\s\S]*\)$/,
  /^(n|i \+ 1)$/,
  /^[A-Z][A-Z0-9_]*$/,
  /^[A-Z][A-Z0-9_]*\.replace\('[^']*', '[^']*'\)$/,
  /^q\.limit \+ 1$/,
  /^where\.length \? `WHERE \$\{where\.join\(' AND '\)\}` : ''$/,
  /^where\.join\(' AND '\)$/,
  /^[a-z]+ \? '[^']*' : ''$/,
  /^ids\.map\(\(_, i\) => `\$\$\{i \+ 1\}`\)\.join\(', '\)$/,
];

/** Names that hold request values in route handlers; none may appear in SQL text outside a placeholder call. */
const REQUEST_VALUES = /\b(req|request|reply|query|body|cursor|q|p)\s*(\.|\[)/;

/** Why an interpolation is unsafe, or null. `inApi` applies the strict allow-list of the query API. */
export function unsafeReason(e: SqlInterpolation, inApi: boolean): string | null {
  const expr = e.expression.replace(/^params\.push\([\s\S]*\)$/, 'params.push(...)');
  if (expr !== 'q.limit + 1' && REQUEST_VALUES.test(expr))
    return `request value interpolated into SQL: \${${e.expression}}`;
  if (inApi && !SAFE_IN_API.some((re) => re.test(e.expression)))
    return `not a known-safe SQL fragment: \${${e.expression}}`;
  return null;
}

/** SQL text glued to a request value with `+` (`'... WHERE x = ' + q.x`), which templates would not show. */
export function findSqlConcatenations(source: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  const re =
    /(['"])[^'"\n]*\b(SELECT|WHERE|AND|OR|LIKE|LIMIT|VALUES|SET)\b[^'"\n]*\1\s*\+\s*(req|request|query|body|cursor|after|q|p)\b/g;
  for (const m of source.matchAll(re))
    out.push({ line: source.slice(0, m.index).split('\n').length, code: m[0] });
  return out;
}
