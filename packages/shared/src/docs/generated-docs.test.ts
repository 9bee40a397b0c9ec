import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES } from '../messages/examples.ts';
import { asyncApiDocument, messageJsonSchemas } from './generate.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;

describe('generated message documentation', () => {
  it('docs/schemas holds exactly the current JSON Schemas (run `npm run schemas` when this fails)', () => {
    const expected = messageJsonSchemas();
    const dir = join(root, 'docs', 'schemas');
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, text] of Object.entries(expected))
      expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
  });

  it('docs/asyncapi.yaml is current (run `npm run schemas` when this fails)', () => {
    expect(readFileSync(join(root, 'docs', 'asyncapi.yaml'), 'utf8')).toBe(asyncApiDocument(version));
  });

  it('every checked-in JSON Schema accepts its example, so other languages can validate the same way', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const [name, text] of Object.entries(messageJsonSchemas())) {
      const type = name.replace('.schema.json', '') as keyof typeof EXAMPLES;
      const validate = ajv.compile(JSON.parse(text));
      expect(validate(EXAMPLES[type]), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(validate({ ...EXAMPLES[type], specversion: '0.3' })).toBe(false);
    }
  });

  it('the AsyncAPI document is version 3.0 with a channel and receive operation per subject family', () => {
    const doc = parse(asyncApiDocument(version));
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.values(doc.channels).map((c) => (c as { address: string }).address)).toContain(
      'news.events.{category}.{eventType}',
    );
    for (const op of Object.values(doc.operations)) expect((op as { action: string }).action).toBe('receive');
  });
});
