import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** Default and largest page sizes. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export const limitParam = z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT);
export const cursorParam = z.string().max(500).optional();
export const idParam = (prefix: string) =>
  z.object({ id: z.string().regex(new RegExp(`^${prefix}_[0-9a-f]{24}$`), `must be a ${prefix}_ id`) });

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Free text in a query parameter: no control characters (a NUL would truncate the search in SQLite). */
export const textParam = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !CONTROL.test(v), 'must not contain control characters');

/** An opaque cursor: the sort key and id of the last item of the previous page. */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    // Control characters never occur in keys or ids we issue; a NUL would cut SQLite strings short and make
    // PostgreSQL fail, so such a cursor is refused like any other forged one.
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((x) => typeof x === 'string' && !CONTROL.test(x))
    ) {
      return value as [string, string];
    }
  } catch {
    // fall through: not a cursor we issued
  }
  return undefined;
}

/** Parses request input with a zod schema; on failure sends 400 with every issue and resolves undefined. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  input: unknown,
  reply: FastifyReply,
): z.infer<S> | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  void reply.code(400).send({
    error: 'bad_request',
    message: 'invalid request parameters',
    issues: result.error.issues.map((i) => ({ param: i.path.join('.'), message: i.message })),
  });
  return undefined;
}

/** The cursor's position, or a 400 when it is not one this API issued. */
export function cursorOr400(
  cursor: string | undefined,
  reply: FastifyReply,
): [string, string] | null | undefined {
  if (cursor === undefined) return null;
  const decoded = decodeCursor(cursor);
  if (!decoded) {
    void reply.code(400).send({
      error: 'bad_request',
      message: 'invalid cursor',
      issues: [{ param: 'cursor', message: 'not a cursor issued by this API' }],
    });
    return undefined;
  }
  return decoded;
}

/** A page of items and the cursor of the next page (absent on the last page). */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => [string, string]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, ...(rows.length > limit && last ? { nextCursor: encodeCursor(...keyOf(last)) } : {}) };
}

export const notFound = (reply: FastifyReply, what: string) =>
  reply.code(404).send({ error: 'not_found', message: `${what} not found` });

/** Escapes LIKE wildcards so a search for `50%` matches the text `50%`. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const json = <T>(text: string | null): T | undefined => (text ? (JSON.parse(text) as T) : undefined);
