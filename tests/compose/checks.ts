import {
  type ComposeFile,
  type ComposeService,
  dependencies,
  envOf,
  healthcheckCommand,
  mounts,
  newsflowServices,
  publishedContainerPorts,
} from './compose-file.ts';
import { type NatsConf, parseNatsConf } from './nats-conf.ts';

// Each check returns the problems it found ([] when the file is right), so tests can show that a broken
// document is caught as well as that the real one passes.

/** Oldest acceptable 2.12 patch: 2.12.3 is the first release after Jepsen's report on acknowledged-write loss. */
const MIN_NATS = [2, 12, 3] as const;

/** The nats image must be a pinned or minor-floating release >= 2.12 (>= 2.12.3 when a patch is named). */
export function natsImageProblems(doc: ComposeFile): string[] {
  const image = doc.services.nats?.image ?? '';
  const m =
    /^(?:docker\.io\/)?(?:library\/)?nats:(\d+)\.(\d+)(?:\.(\d+))?(?:-[a-z0-9.]+)?(?:@sha256:[0-9a-f]{64})?$/.exec(
      image,
    );
  if (!m) return [`nats image '${image}' is not nats:<major>.<minor>[.<patch>][-variant]`];
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  if (major < MIN_NATS[0] || (major === MIN_NATS[0] && minor < MIN_NATS[1])) {
    return [`nats image '${image}' is older than 2.12`];
  }
  if (major === MIN_NATS[0] && minor === MIN_NATS[1] && patch !== undefined && patch < MIN_NATS[2]) {
    return [`nats image '${image}' is older than 2.12.3 (acknowledged writes can be lost)`];
  }
  return [];
}

/** The nats service runs the mounted config file, whose JetStream block fsyncs every write into a named volume. */
export function natsConfigProblems(
  doc: ComposeFile,
  readRepoFile: (path: string) => string | undefined,
): string[] {
  const nats = doc.services.nats;
  if (!nats) return ['no nats service'];
  const command = Array.isArray(nats.command) ? nats.command : String(nats.command ?? '').split(/\s+/);
  const flag = command.findIndex((a) => a === '-c' || a === '--config');
  const configPath = flag >= 0 ? command[flag + 1] : undefined;
  if (!configPath) return ['nats is not started with --config <file>'];
  const mount = mounts(nats).find((m) => m.target === configPath && m.type === 'bind');
  if (!mount) return [`nats config ${configPath} is not bind-mounted from the repository`];
  const text = readRepoFile(mount.source);
  if (text === undefined) return [`nats config source ${mount.source} does not exist`];
  return natsConfProblems(nats, doc, parseNatsConf(text));
}

function natsConfProblems(nats: ComposeService, doc: ComposeFile, conf: NatsConf): string[] {
  const problems: string[] = [];
  const js = conf.block('jetstream');
  if (!js) return ['nats config has no jetstream block'];
  if (js.get('sync_interval') !== 'always') problems.push('jetstream sync_interval is not "always"');
  const storeDir = js.get('store_dir') ?? '';
  const named = mounts(nats).find(
    (m) => m.type === 'volume' && (storeDir === m.target || storeDir.startsWith(`${m.target}/`)),
  );
  if (!named) problems.push(`jetstream store_dir '${storeDir}' is not inside a named volume`);
  else if (!(named.source in (doc.volumes ?? {}))) problems.push(`volume ${named.source} is not declared`);
  const monitor = Number(conf.get('http_port') ?? conf.get('http') ?? Number.NaN);
  if (!publishedContainerPorts(nats).includes(monitor)) problems.push('the monitoring port is not published');
  if (!healthcheckCommand(nats).includes(`:${monitor}/healthz`)) {
    problems.push('the nats healthcheck does not call /healthz on the monitoring port');
  }
  return problems;
}

/** Services others depend on have a healthcheck, and every dependency waits for `service_healthy`. */
export function dependencyProblems(doc: ComposeFile): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(doc.services)) {
    for (const dep of dependencies(service)) {
      const target = doc.services[dep.name];
      if (!target) problems.push(`${name} depends on unknown service ${dep.name}`);
      else if (!healthcheckCommand(target))
        problems.push(`${dep.name} (needed by ${name}) has no healthcheck`);
      if (dep.condition !== 'service_healthy') {
        problems.push(`${name} waits for ${dep.name} with ${dep.condition}, not service_healthy`);
      }
    }
  }
  return problems;
}

/** Every service restarts on failure and has a healthcheck. */
export function lifecycleProblems(doc: ComposeFile): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(doc.services)) {
    if (
      !['always', 'unless-stopped', 'on-failure'].includes(
        String(service.restart ?? '').split(':')[0] as string,
      )
    ) {
      problems.push(`${name} has no restart policy`);
    }
    if (!healthcheckCommand(service)) problems.push(`${name} has no healthcheck`);
  }
  return problems;
}

/** A service keeps its data in a declared named volume mounted at `target`. */
export function namedVolumeProblems(doc: ComposeFile, service: string, target: string): string[] {
  const s = doc.services[service];
  if (!s) return [`no ${service} service`];
  const m = mounts(s).find((v) => v.target === target);
  if (m?.type !== 'volume') return [`${service} has no named volume at ${target}`];
  return m.source in (doc.volumes ?? {}) ? [] : [`volume ${m.source} is not declared under volumes:`];
}

/** A replica set that `--scale` can grow: no fixed container name, no host ports. */
export function scalableProblems(doc: ComposeFile, service: string): string[] {
  const s = doc.services[service];
  if (!s) return [`no ${service} service`];
  const problems: string[] = [];
  if (s.container_name !== undefined) problems.push(`${service} has a fixed container_name`);
  if ((s.ports ?? []).length > 0) problems.push(`${service} publishes host ports`);
  if (s.network_mode === 'host') problems.push(`${service} uses the host network`);
  return problems;
}

/**
 * A newsflow service listening on HTTP: its `*_PORT` variable, the port its healthcheck calls and (when
 * `published`) a published container port agree, and its `*_HOST` variable, if set, listens on every interface.
 */
export function httpProblems(doc: ComposeFile, service: string, published: boolean): string[] {
  const s = doc.services[service];
  if (!s) return [`no ${service} service`];
  const env = envOf(s);
  const portVars = Object.keys(env).filter((k) => k.endsWith('_PORT'));
  if (portVars.length !== 1)
    return [`${service} should set exactly one *_PORT variable, sets ${portVars.length}`];
  const port = Number(env[portVars[0] as string]);
  const problems: string[] = [];
  if (!healthcheckCommand(s).includes(`127.0.0.1:${port}/healthz`)) {
    problems.push(`${service} healthcheck does not call 127.0.0.1:${port}/healthz`);
  }
  if (!/^node\s+(-e|--eval)\s/.test(healthcheckCommand(s))) {
    problems.push(`${service} healthcheck does not use node`);
  }
  if (published && !publishedContainerPorts(s).includes(port))
    problems.push(`${service} does not publish ${port}`);
  for (const [k, v] of Object.entries(env)) {
    if (k.endsWith('_HOST') && v !== '0.0.0.0' && v !== '::') {
      problems.push(`${service} listens on ${k}=${v}: unreachable from outside the container`);
    }
  }
  return problems;
}

/** Variables set on a newsflow service that it does not read (typos, stale names, guesses). */
export function unreadEnvProblems(
  service: string,
  set: Record<string, string>,
  reads: Set<string>,
): string[] {
  return Object.keys(set)
    .filter((k) => !reads.has(k))
    .map((k) => `${service} sets ${k}, which it does not read`);
}

/** Newsflow services reach NATS (and the store PostgreSQL) by service name and container port. */
export function wiringProblems(doc: ComposeFile): string[] {
  const problems: string[] = [];
  for (const name of newsflowServices(doc)) {
    const env = envOf(doc.services[name] as ComposeService);
    if (env.NATS_URL !== 'nats://nats:4222') problems.push(`${name} NATS_URL is '${env.NATS_URL}'`);
    if (!dependencies(doc.services[name] as ComposeService).some((d) => d.name === 'nats')) {
      problems.push(`${name} does not wait for nats`);
    }
    if (env.DATABASE_URL !== undefined) {
      const pg = envOf(doc.services.postgres ?? {});
      const want = `postgres://${pg.POSTGRES_USER}:${pg.POSTGRES_PASSWORD}@postgres:5432/${pg.POSTGRES_DB}`;
      if (env.DATABASE_URL !== want)
        problems.push(`${name} DATABASE_URL does not match the postgres service`);
    }
  }
  return problems;
}
