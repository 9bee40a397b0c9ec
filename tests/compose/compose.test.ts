import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../packages/shared/src/config.ts';
import {
  dependencyProblems,
  httpProblems,
  lifecycleProblems,
  namedVolumeProblems,
  natsConfigProblems,
  natsImageProblems,
  scalableProblems,
  unreadEnvProblems,
  wiringProblems,
} from './checks.ts';
import {
  type ComposeFile,
  type ComposeService,
  envOf,
  interpolate,
  loadCompose,
  mounts,
  newsflowServices,
  parseCompose,
  repoRoot,
} from './compose-file.ts';
import { parseNatsConf } from './nats-conf.ts';
import { envReadBy } from './service-env.ts';

const doc = loadCompose();
const schema = JSON.parse(
  readFileSync(join(repoRoot, 'tests/vendor/compose-spec/compose-spec.json'), 'utf8'),
);
// strictTypes off: the upstream schema uses union types, which Ajv's strict mode only warns about.
const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true, strictTypes: false }).compile(schema);

const readRepoFile = (path: string): string | undefined => {
  const file = resolve(repoRoot, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

/** A deep copy of the real compose file with one change, to show a check catches that mistake. */
function broken(
  change: (d: ComposeFile & { services: Record<string, ComposeService> }) => void,
): ComposeFile {
  const copy = structuredClone(doc);
  change(copy as ComposeFile & { services: Record<string, ComposeService> });
  return copy;
}

const svc = (d: ComposeFile, name: string) => d.services[name] as ComposeService;

describe('docker-compose.yml', () => {
  it('is valid against the vendored Compose Specification schema', () => {
    const ok = validate(doc);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('fails schema validation when a field has the wrong shape', () => {
    expect(validate(broken((d) => Object.assign(svc(d, 'nats').healthcheck ?? {}, { interval: 5 })))).toBe(
      false,
    );
    expect(validate(broken((d) => Object.assign(svc(d, 'extract'), { replica: 3 })))).toBe(false);
  });

  it('runs nats, postgres, ingest, extract and store', () => {
    expect(Object.keys(doc.services).sort()).toEqual(['extract', 'ingest', 'nats', 'postgres', 'store']);
    expect(newsflowServices(doc).sort()).toEqual(['extract', 'ingest', 'store']);
  });

  it('runs a NATS release of 2.12.3 or newer', () => {
    expect(natsImageProblems(doc)).toEqual([]);
    for (const old of ['nats:2.12.1-alpine', 'nats:2.10-alpine', 'nats:latest', 'nats']) {
      expect(
        natsImageProblems(broken((d) => Object.assign(svc(d, 'nats'), { image: old }))),
        old,
      ).toHaveLength(1);
    }
    expect(
      natsImageProblems(broken((d) => Object.assign(svc(d, 'nats'), { image: 'nats:2.14.0-alpine' }))),
    ).toEqual([]);
  });

  it('starts NATS from deploy/nats/nats.conf with JetStream fsyncing every write into a named volume', () => {
    expect(natsConfigProblems(doc, readRepoFile)).toEqual([]);
    const real = readRepoFile('deploy/nats/nats.conf') as string;
    const commentedOut = real.replace(/^(\s*)sync_interval/m, '$1# sync_interval');
    expect(natsConfigProblems(doc, () => commentedOut)).toContain('jetstream sync_interval is not "always"');
    const noVolume = broken((d) =>
      Object.assign(svc(d, 'nats'), { volumes: svc(d, 'nats').volumes?.slice(0, 1) }),
    );
    expect(natsConfigProblems(noVolume, readRepoFile).join()).toMatch(/not inside a named volume/);
  });

  it('lets NATS carry the largest message a stream accepts', () => {
    const conf = parseNatsConf(readRepoFile('deploy/nats/nats.conf') as string);
    const maxPayload = Number(conf.get('max_payload') ?? 1024 * 1024);
    for (const name of newsflowServices(doc)) {
      const limit = parseBytes(envOf(svc(doc, name)).NEWSFLOW_MAX_MESSAGE_BYTES ?? '1MiB') as number;
      expect(maxPayload, name).toBeGreaterThanOrEqual(limit);
    }
  });

  it('keeps NATS and PostgreSQL data in declared named volumes', () => {
    expect(namedVolumeProblems(doc, 'nats', '/data')).toEqual([]);
    expect(namedVolumeProblems(doc, 'postgres', '/var/lib/postgresql/data')).toEqual([]);
    const undeclared = broken((d) => {
      d.volumes = {};
    });
    expect(namedVolumeProblems(undeclared, 'postgres', '/var/lib/postgresql/data')).toHaveLength(1);
  });

  it('makes every dependency wait for a healthy service that has a healthcheck', () => {
    expect(dependencyProblems(doc)).toEqual([]);
    const started = broken((d) => {
      d.services.store = { ...svc(d, 'store'), depends_on: { postgres: { condition: 'service_started' } } };
    });
    expect(dependencyProblems(started)).toEqual([
      'store waits for postgres with service_started, not service_healthy',
    ]);
    const unchecked = broken((d) => {
      delete svc(d, 'postgres').healthcheck;
    });
    expect(dependencyProblems(unchecked)).toEqual(['postgres (needed by store) has no healthcheck']);
  });

  it('gives every service a restart policy and a healthcheck', () => {
    expect(lifecycleProblems(doc)).toEqual([]);
    expect(lifecycleProblems(broken((d) => delete svc(d, 'extract').restart))).toEqual([
      'extract has no restart policy',
    ]);
  });

  it('bind-mounts ./inbox where ingest watches', () => {
    const inbox = envOf(svc(doc, 'ingest')).NEWSFLOW_INBOX;
    expect(mounts(svc(doc, 'ingest'))).toContainEqual({ type: 'bind', source: './inbox', target: inbox });
  });

  it('lets extract scale with --scale: no container_name and no host ports', () => {
    expect(scalableProblems(doc, 'extract')).toEqual([]);
    const named = broken((d) =>
      Object.assign(svc(d, 'extract'), { container_name: 'extract', ports: ['9000:9000'] }),
    );
    expect(scalableProblems(named, 'extract')).toHaveLength(2);
  });

  it('publishes the ingest push port and the store API port, and health-checks every service with node', () => {
    expect(httpProblems(doc, 'ingest', true)).toEqual([]);
    expect(httpProblems(doc, 'store', true)).toEqual([]);
    expect(httpProblems(doc, 'extract', false)).toEqual([]);
    const loopback = broken((d) =>
      Object.assign(svc(d, 'ingest').environment ?? {}, { NEWSFLOW_INGEST_HOST: '127.0.0.1' }),
    );
    expect(httpProblems(loopback, 'ingest', true).join()).toMatch(/unreachable from outside the container/);
    const unpublished = broken((d) => delete svc(d, 'store').ports);
    expect(httpProblems(unpublished, 'store', true).join()).toMatch(/does not publish/);
  });

  it('points every service at nats and postgres by service name, with matching credentials', () => {
    expect(wiringProblems(doc)).toEqual([]);
    const wrong = broken((d) =>
      Object.assign(svc(d, 'postgres').environment ?? {}, { POSTGRES_PASSWORD: 'something-else' }),
    );
    expect(wiringProblems(wrong)).toEqual(['store DATABASE_URL does not match the postgres service']);
  });

  it('uses the variable defaults when interpolating, as Compose does with an empty environment', () => {
    const raw = parseCompose(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'));
    const ports = svc(raw, 'ingest').ports as string[];
    expect(interpolate(ports[0])).toBe('127.0.0.1:8081:8081');
    expect(interpolate(ports[0], { INGEST_PORT: '9999' })).toBe('127.0.0.1:9999:8081');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose interpolation syntax, not a JS template.
    expect(interpolate('$${KEEP} ${A-x} ${B:-y}', { A: '', B: '' })).toBe('${KEEP}  y');
  });
});

describe('environment of the newsflow services', () => {
  it.for(['ingest', 'extract', 'store'])('sets only variables that %s reads', async (name, {
    skip,
    annotate,
  }) => {
    const reads = await envReadBy(name);
    // A service whose source does not exist yet reads nothing: nothing to compare against.
    skip(!reads.serviceSpecific, `services/${name} has no config schema or env reads yet`);
    await annotate(`names from: ${reads.sources.join('; ')}`);
    expect(unreadEnvProblems(name, envOf(svc(doc, name)), reads.names)).toEqual([]);
  });

  it('reports a variable that the service does not read', async () => {
    const reads = await envReadBy('ingest');
    expect(reads.names.has('NEWSFLOW_INGEST_PORT')).toBe(true);
    expect(unreadEnvProblems('ingest', { NEWSFLOW_INGEST_PROT: '8081', NATS_URL: 'x' }, reads.names)).toEqual(
      ['ingest sets NEWSFLOW_INGEST_PROT, which it does not read'],
    );
  });
});
