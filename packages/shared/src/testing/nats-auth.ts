import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount, createOperator, createUser, type KeyPair } from '@nats-io/nkeys';
import { findNatsServer, NATS_INSTALL_HINT } from '../process/nats-binary.ts';
import { freePort, waitForPort } from './free-port.ts';

/** A nats-server started from a generated config file; `dir` holds the config and the JetStream store. */
export interface ConfiguredNatsServer {
  url: string;
  port: number;
  dir: string;
  /** The server's recent log output (stderr, last 16 KB): tests wait on lines such as auth failures. */
  log(): string;
  /** Stops the server (SIGTERM) and deletes `dir`. */
  stop(): Promise<void>;
}

/**
 * Starts nats-server with `confText` (authorization, tls, operator blocks ...) appended to a config that listens on
 * a free loopback port with JetStream in a temporary directory. `{{dir}}` in `confText` is replaced by that directory;
 * `env` is added to the server's environment (for `$VARIABLE` references in the config).
 */
export async function startNatsServerWithConfig(
  confText: string,
  opts: { dir?: string; env?: Record<string, string> } = {},
): Promise<ConfiguredNatsServer> {
  const bin = findNatsServer();
  if (!bin) throw new Error(NATS_INSTALL_HINT);
  const port = await freePort();
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'newsflow-nats-auth-'));
  const confFile = join(dir, 'nats.conf');
  const base = `listen: "127.0.0.1:${port}"\njetstream { store_dir: "${join(dir, 'js')}" }\n`;
  writeFileSync(confFile, base + confText.replaceAll('{{dir}}', dir));
  const child: ChildProcess = spawn(bin, ['-c', confFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-16_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failed = exited.then(() => {
    throw new Error(`nats-server exited during start-up: ${stderr}`);
  });
  failed.catch(() => undefined);
  try {
    await Promise.race([waitForPort(port), failed]);
  } catch (err) {
    child.kill('SIGKILL');
    if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    dir,
    log: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Paths of a throwaway PKI: a CA, a server certificate for 127.0.0.1/localhost and a client certificate. */
export interface TlsFiles {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

/** Generates a throwaway CA, server and client certificates (EC P-256, one day) in `dir` with `openssl`. */
export function createTlsFiles(dir: string): TlsFiles {
  const p = (f: string) => join(dir, f);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    p('ca.key'),
    '-out',
    p('ca.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=newsflow test CA',
  );
  const leaf = (name: string, ext: string) => {
    writeFileSync(p(`${name}.ext`), ext);
    ssl('req', ...ec, '-keyout', p(`${name}.key`), '-out', p(`${name}.csr`), '-subj', `/CN=newsflow ${name}`);
    const sign = ['-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial', '-days', '1'];
    ssl(
      'x509',
      '-req',
      '-in',
      p(`${name}.csr`),
      ...sign,
      '-out',
      p(`${name}.pem`),
      '-extfile',
      p(`${name}.ext`),
    );
  };
  leaf('server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  leaf('client', 'extendedKeyUsage=clientAuth\n');
  return {
    ca: p('ca.pem'),
    serverCert: p('server.pem'),
    serverKey: p('server.key'),
    clientCert: p('client.pem'),
    clientKey: p('client.key'),
  };
}

const b64url = (data: string | Uint8Array) => Buffer.from(data).toString('base64url');

/** Encodes and signs a NATS v2 JWT (header `ed25519-nkey`) for `subject`, issued by `issuer`. */
function signJwt(issuer: KeyPair, subject: string, name: string, nats: Record<string, unknown>): string {
  const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'ed25519-nkey' }));
  const claims = {
    jti: randomBytes(16).toString('hex').toUpperCase(),
    iat: Math.floor(Date.now() / 1000),
    iss: issuer.getPublicKey(),
    name,
    sub: subject,
    nats: { ...nats, version: 2 },
  };
  const body = `${header}.${b64url(JSON.stringify(claims))}`;
  return `${body}.${b64url(issuer.sign(new TextEncoder().encode(body)))}`;
}

/** An operator, one JetStream-enabled account and one user: a server config block and the user's creds file text. */
export interface OperatorSetup {
  /** `operator`, `resolver: MEMORY` and `resolver_preload` lines for the server config. */
  serverConf: string;
  /** The user's creds file content (JWT + seed). */
  creds: string;
}

/** Builds decentralised (JWT) auth for one user: writes the operator JWT into `dir`, returns config and creds. */
export function createOperatorSetup(dir: string): OperatorSetup {
  const operator = createOperator();
  const account = createAccount();
  // JetStream in operator mode needs a system account.
  const system = createAccount();
  const user = createUser();
  const unlimited = {
    subs: -1,
    data: -1,
    payload: -1,
    imports: -1,
    exports: -1,
    wildcards: true,
    conn: -1,
    leaf: -1,
  };
  const js = { mem_storage: -1, disk_storage: -1, streams: -1, consumer: -1 };
  const operatorJwt = signJwt(operator, operator.getPublicKey(), 'newsflow-test', { type: 'operator' });
  const accountJwt = signJwt(operator, account.getPublicKey(), 'NEWSFLOW', {
    type: 'account',
    limits: { ...unlimited, ...js },
    default_permissions: { pub: {}, sub: {} },
  });
  const systemJwt = signJwt(operator, system.getPublicKey(), 'SYS', {
    type: 'account',
    limits: unlimited,
    default_permissions: { pub: {}, sub: {} },
  });
  const userJwt = signJwt(account, user.getPublicKey(), 'svc', {
    type: 'user',
    pub: {},
    sub: {},
    subs: -1,
    data: -1,
    payload: -1,
  });
  writeFileSync(join(dir, 'operator.jwt'), operatorJwt);
  const serverConf =
    `operator: "${join(dir, 'operator.jwt')}"\nresolver: MEMORY\n` +
    `system_account: ${system.getPublicKey()}\n` +
    `resolver_preload: {\n  ${account.getPublicKey()}: "${accountJwt}"\n  ${system.getPublicKey()}: "${systemJwt}"\n}\n`;
  const seed = new TextDecoder().decode(user.getSeed());
  const creds =
    `-----BEGIN NATS USER JWT-----\n${userJwt}\n------END NATS USER JWT------\n\n` +
    `************************* IMPORTANT *************************\n` +
    `NKEY Seed printed below can be used to sign and prove identity.\n\n` +
    `-----BEGIN USER NKEY SEED-----\n${seed}\n------END USER NKEY SEED------\n`;
  return { serverConf, creds };
}
