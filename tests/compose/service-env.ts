import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { natsConfigSchema } from '../../packages/shared/src/config.ts';
import { repoRoot } from './compose-file.ts';

/** The environment variables one service reads, and how each source of names was found. */
export interface EnvReads {
  names: Set<string>;
  /** e.g. `schema ingestConfigSchema (services/ingest/src/config.ts)`, `source scan (12 files)`. */
  sources: string[];
  /** False while the service has neither a config module nor any variable in its source (not written yet). */
  serviceSpecific: boolean;
}

/** Variables of the shared NATS/JetStream schema that every service reads. */
export const sharedNames: readonly string[] = Object.keys(natsConfigSchema.shape);

/**
 * Which variables `services/<name>` reads. Primary source: every zod object schema exported by
 * `services/<name>/src/config.ts`, imported for real (its keys are exactly what `loadConfig` parses). Second source,
 * which also covers services whose config module is missing or does not load: a scan of the service's non-test
 * sources for schema keys (`NAME: z.…`, `NAME: intVar(…)`) and direct reads (`env.NAME`, `env['NAME']`).
 * The shared schema's names are always included.
 */
export async function envReadBy(service: string, root = repoRoot): Promise<EnvReads> {
  const names = new Set<string>(sharedNames);
  const sources = ['schema natsConfigSchema (packages/shared/src/config.ts)'];
  let serviceSpecific = false;
  const configFile = join(root, 'services', service, 'src', 'config.ts');
  if (existsSync(configFile)) {
    try {
      const mod = (await import(pathToFileURL(configFile).href)) as Record<string, unknown>;
      for (const [exportName, value] of Object.entries(mod)) {
        const keys = zodObjectKeys(value);
        if (!keys) continue;
        for (const k of keys) names.add(k);
        sources.push(`schema ${exportName} (services/${service}/src/config.ts)`);
        serviceSpecific = true;
      }
    } catch (err) {
      sources.push(`services/${service}/src/config.ts did not load: ${(err as Error).message}`);
    }
  }
  const files = sourceFiles(join(root, 'services', service, 'src'));
  const scanned = new Set<string>();
  for (const file of files) for (const name of namesInSource(readFileSync(file, 'utf8'))) scanned.add(name);
  if (scanned.size > 0) {
    for (const n of scanned) names.add(n);
    sources.push(`source scan (${files.length} files)`);
    serviceSpecific = true;
  }
  return { names, sources, serviceSpecific };
}

/** Variable names a TypeScript source reads: keys of config schemas and direct `env` reads. */
export function namesInSource(text: string): Set<string> {
  const found = new Set<string>();
  const patterns = [
    // NAME: z.string() / NAME: intVar(1) — keys of z.object config schemas.
    /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s*:\s*(?:z\.|[a-z]\w*Var\b)/g,
    // process.env.NAME, env.NAME, env['NAME'], env["NAME"].
    /\benv(?:\?)?(?:\.|\[['"])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\b/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) found.add(m[1] as string);
  return found;
}

function zodObjectKeys(value: unknown): string[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const candidate = value as { shape?: unknown; safeParse?: unknown };
  if (
    typeof candidate.safeParse !== 'function' ||
    candidate.shape === null ||
    typeof candidate.shape !== 'object'
  ) {
    return undefined;
  }
  return Object.keys(candidate.shape as object);
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => join(dir, f));
}
