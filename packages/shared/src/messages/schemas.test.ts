import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EXAMPLES } from './examples.ts';
import { MESSAGE_SCHEMAS, type MessageType, parseMessage } from './registry.ts';

const types = Object.keys(MESSAGE_SCHEMAS) as MessageType[];

/** The names of the required keys of a zod object (fields that are neither optional nor defaulted). */
function requiredKeys(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { required?: string[] };
  return json.required ?? [];
}

describe.each(types)('%s', (type) => {
  const schema = MESSAGE_SCHEMAS[type];
  const example = EXAMPLES[type];

  it('accepts the documented example', () => {
    expect(schema.safeParse(example).success).toBe(true);
    expect(parseMessage(JSON.parse(JSON.stringify(example)))).toMatchObject({ ok: true });
  });

  it.each(requiredKeys(schema))('rejects the envelope without %s, naming the field', (key) => {
    const copy = structuredClone(example) as Record<string, unknown>;
    delete copy[key];
    const result = parseMessage(copy);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(key);
  });

  it.each(
    requiredKeys((schema as unknown as z.ZodObject).shape.data as z.ZodType),
  )('rejects data without %s, naming the field', (key) => {
    const copy = structuredClone(example) as { data: Record<string, unknown> };
    delete copy.data[key];
    const result = parseMessage(copy);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(`data.${key}`);
  });

  it('describes every field (the description is the field documentation in JSON Schema)', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as { properties?: Record<string, { description?: string }>; items?: unknown };
      for (const [key, child] of Object.entries(n.properties ?? {})) {
        if (!child.description && !(child as { $ref?: string }).$ref) undocumented.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      if (n.items) walk(n.items, `${path}[]`);
    };
    walk(z.toJSONSchema(schema, { unrepresentable: 'any' }), type);
    expect(undocumented).toEqual([]);
  });
});

describe('parseMessage', () => {
  it('rejects a value that is no envelope with a reason', () => {
    const result = parseMessage({ hello: 'world' });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.reason).toMatch(/not a newsflow envelope/);
  });

  it('rejects an unknown message type', () => {
    const result = parseMessage({ ...EXAMPLES['news.article.raw.v1'], type: 'news.article.raw.v9' });
    expect(result).toEqual({ ok: false, reason: "unknown message type 'news.article.raw.v9'" });
  });

  it('rejects a type that the consumer does not accept', () => {
    const result = parseMessage(EXAMPLES['news.entity.v1'], ['news.article.raw.v1']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/not accepted here/);
  });

  it('rejects offsets where end comes before start', () => {
    const bad = structuredClone(EXAMPLES['news.event.v1']);
    bad.data.trigger = { text: 'killed', start: 90, end: 80 };
    expect(parseMessage(bad).ok).toBe(false);
  });

  it('rejects a completion whose counts do not match its id lists', () => {
    const bad = structuredClone(EXAMPLES['news.article.extracted.v1']);
    bad.data.entityCount = 3;
    expect(parseMessage(bad).ok).toBe(false);
  });
});
