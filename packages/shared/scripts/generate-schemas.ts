// Writes docs/schemas/*.schema.json and docs/asyncapi.yaml from the zod schemas. `--check` fails when stale.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument, messageJsonSchemas } from '../src/docs/generate.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const files: Record<string, string> = {};
for (const [name, text] of Object.entries(messageJsonSchemas())) files[join('docs', 'schemas', name)] = text;
files[join('docs', 'asyncapi.yaml')] = asyncApiDocument(version);

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const [rel, text] of Object.entries(files)) {
  const path = join(root, rel);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === text) continue;
  if (check) stale.push(rel);
  else {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    process.stdout.write(`wrote ${rel}\n`);
  }
}
if (stale.length) {
  process.stderr.write(`stale generated files (run \`npm run schemas\`): ${stale.join(', ')}\n`);
  process.exit(1);
}
