import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

/** The repository root (tests/compose/ is two levels down). */
export const repoRoot = join(import.meta.dirname, '..', '..');

/** The parts of a Compose service these checks look at; everything else passes through untyped. */
export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; target?: string };
  command?: string | string[];
  container_name?: string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | number | { target: number | string; published?: string | number; host_ip?: string }>;
  volumes?: Array<string | { type: string; source?: string; target: string; read_only?: boolean }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
  [key: string]: unknown;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * Compose variable interpolation for `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$$`, with the
 * given variables (the checks use none, i.e. every default). Applied to every string in the document.
 */
export function interpolate<T>(value: T, vars: Record<string, string | undefined> = {}): T {
  if (typeof value === 'string') {
    return value.replace(
      /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (whole, braced?: string, colon?: string, def?: string, bare?: string) => {
        if (whole === '$$') return '$';
        const name = (braced ?? bare) as string;
        const v = vars[name];
        if (def !== undefined && (v === undefined || (colon === ':' && v === ''))) return def;
        return v ?? '';
      },
    ) as T;
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, vars)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, vars)])) as T;
  }
  return value;
}

/** Parses Compose YAML as Compose does: YAML merge keys (`<<: *anchor`) resolved. */
export function parseCompose(text: string): ComposeFile {
  return YAML.parse(text, { merge: true }) as ComposeFile;
}

/** The repository's docker-compose.yml, parsed, with every variable at its default. */
export function loadCompose(): ComposeFile {
  return interpolate(parseCompose(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8')));
}

/** A service's environment as a name -> value map (list form `NAME=value` included). */
export function envOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((line) => {
        const i = line.indexOf('=');
        return i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** Container ports a service publishes on the host (short `[ip:]host:container[/proto]` and long syntax). */
export function publishedContainerPorts(service: ComposeService): number[] {
  return (service.ports ?? []).map((p) => {
    if (typeof p === 'object') return Number(p.target);
    const spec = String(p).split('/')[0] as string;
    return Number(spec.split(':').at(-1));
  });
}

/** Names of the services this one depends on, with the condition each waits for. */
export function dependencies(service: ComposeService): Array<{ name: string; condition: string }> {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return deps.map((name) => ({ name, condition: 'service_started' }));
  return Object.entries(deps).map(([name, d]) => ({ name, condition: d.condition ?? 'service_started' }));
}

/** Volume mounts in long form (short `source:target[:mode]` strings converted). */
export function mounts(service: ComposeService): Array<{ type: string; source: string; target: string }> {
  return (service.volumes ?? []).map((v) => {
    if (typeof v === 'object') return { type: v.type, source: v.source ?? '', target: v.target };
    const [source = '', target = ''] = v.split(':');
    const type = /^[./~]/.test(source) ? 'bind' : 'volume';
    return { type, source, target };
  });
}

/** The healthcheck command as one string ('' when there is none or it is disabled). */
export function healthcheckCommand(service: ComposeService): string {
  const hc = service.healthcheck;
  if (!hc || hc.disable || hc.test === undefined) return '';
  const test = Array.isArray(hc.test) ? hc.test : ['CMD-SHELL', hc.test];
  if (test[0] === 'NONE') return '';
  return test.slice(1).join(' ');
}

/** Services built from this repository (the newsflow services), as opposed to third-party images. */
export function newsflowServices(doc: ComposeFile): string[] {
  return Object.entries(doc.services)
    .filter(([, s]) => s.build !== undefined)
    .map(([name]) => name);
}

/** The Dockerfile target a service builds ('' when none is named). */
export function buildTarget(service: ComposeService): string {
  return typeof service.build === 'object' ? (service.build.target ?? '') : '';
}
