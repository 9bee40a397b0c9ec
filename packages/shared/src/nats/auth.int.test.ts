import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '@nats-io/nkeys';
import { connect } from '@nats-io/transport-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, natsConfigSchema } from '../config.ts';
import { ConfigError } from '../errors.ts';
import { articleIdFor, sha256Hex } from '../ids.ts';
import { type ArticleRawV1, EXAMPLES, makeMessage, parseMessage } from '../messages/index.ts';
import { uniqueNamespace } from '../testing/namespace.ts';
import {
  type ConfiguredNatsServer,
  createOperatorSetup,
  createTlsFiles,
  startNatsServerWithConfig,
  type TlsFiles,
} from '../testing/nats-auth.ts';
import { silentLogger } from '../testing/silent-logger.ts';
import { waitFor } from '../testing/wait.ts';
import { openBus } from './bus.ts';
import { connectNats, natsConnectionOptions } from './connect.ts';

const silent = silentLogger();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(
  conf: string,
  dir?: string,
  env?: Record<string, string>,
): Promise<ConfiguredNatsServer> {
  const s = await startNatsServerWithConfig(conf, { ...(dir ? { dir } : {}), ...(env ? { env } : {}) });
  cleanups.push(() => s.stop());
  return s;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-auth-test-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const secret = () => randomBytes(12).toString('hex');

const configFrom = (env: Record<string, string>) =>
  loadConfig(natsConfigSchema, { NEWSFLOW_NAMESPACE: uniqueNamespace(), ...env });

function article(text: string): ArticleRawV1 {
  const id = articleIdFor(text);
  const base = EXAMPLES['news.article.raw.v1'];
  return makeMessage('news.article.raw.v1', {
    id,
    source: 'newsflow/test',
    subject: id,
    data: { ...base.data, id, text, contentHash: sha256Hex(text), byteSize: Buffer.byteLength(text) },
  });
}

/** Opens the bus (connect + provision), publishes one article and reads it back through a JetStream consumer. */
async function roundTrip(env: Record<string, string>): Promise<void> {
  const bus = await openBus(configFrom(env), 'auth-test', silent);
  try {
    const sent = article(`Authenticated round trip ${secret()}.`);
    await bus.publisher.publish(sent);
    const consumer = await bus.js.consumers.get(bus.catalogue.streams.articles.name);
    const msg = await consumer.next({ expires: 5_000 });
    expect(msg).not.toBeNull();
    msg?.ack();
    const parsed = parseMessage(msg?.json());
    expect(parsed.ok && parsed.message).toEqual(sent);
  } finally {
    await bus.close();
  }
}

/** Connects and returns the error the connection attempt failed with (fails the test if it connected). */
async function connectError(env: Record<string, string>): Promise<Error> {
  const nc = await connectNats(configFrom(env), 'auth-test', silent).catch((err: Error) => err);
  if (!(nc instanceof Error)) {
    await nc.close();
    throw new Error('expected the connection to be refused, but it was accepted');
  }
  return nc;
}

describe('NATS user/password', () => {
  it('connects, publishes and consumes with the right password', async () => {
    const password = secret();
    const s = await server(`authorization { users = [ { user: svc, password: "${password}" } ] }`);
    await roundTrip({ NATS_URL: s.url, NATS_USER: 'svc', NATS_PASSWORD: password });
  });

  it('rejects a wrong password with an authorization error that does not contain the password', async () => {
    const s = await server(`authorization { users = [ { user: svc, password: "${secret()}" } ] }`);
    const wrong = secret();
    const err = await connectError({ NATS_URL: s.url, NATS_USER: 'svc', NATS_PASSWORD: wrong });
    expect(err.message).toMatch(/authorization violation/i);
    expect(`${err.message} ${err.stack} ${String(err.cause)}`).not.toContain(wrong);
  });

  it('rejects a client without credentials when the server requires them', async () => {
    const s = await server(`authorization { users = [ { user: svc, password: "${secret()}" } ] }`);
    expect((await connectError({ NATS_URL: s.url })).message).toMatch(/authorization violation/i);
  });
});

describe('NATS credentials embedded in NATS_URL', () => {
  it('refuses user:password@host in NATS_URL with a ConfigError that does not echo the password', async () => {
    // NATS.js v3 ignores URL credentials and takes the first ":<digits>" as the port: a password starting with
    // digits sent the connection to a wrong port and put those digits in the error message.
    const password = `9933${secret()}`;
    const s = await server(`authorization { users = [ { user: svc, password: "${password}" } ] }`);
    const err = await connectError({ NATS_URL: `nats://svc:${password}@127.0.0.1:${s.port}` });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/NATS_URL must not contain credentials/);
    expect(err.message).not.toContain(password.slice(4));
  });
});

describe('NATS token', () => {
  it('connects, publishes and consumes with the token', async () => {
    const token = secret();
    const s = await server(`authorization { token: "${token}" }`);
    await roundTrip({ NATS_URL: s.url, NATS_TOKEN: token });
  });

  it('rejects a wrong token without echoing it', async () => {
    const s = await server(`authorization { token: "${secret()}" }`);
    const wrong = secret();
    const err = await connectError({ NATS_URL: s.url, NATS_TOKEN: wrong });
    expect(err.message).toMatch(/authorization violation/i);
    expect(`${err.message} ${err.stack}`).not.toContain(wrong);
  });
});

describe('NATS nkey', () => {
  it('connects, publishes and consumes with the user seed from NATS_NKEY_SEED', async () => {
    const user = createUser();
    const s = await server(`authorization { users = [ { nkey: ${user.getPublicKey()} } ] }`);
    const seed = new TextDecoder().decode(user.getSeed());
    await roundTrip({ NATS_URL: s.url, NATS_NKEY_SEED: seed });
  });

  it('rejects a seed whose public key the server does not know', async () => {
    const s = await server(`authorization { users = [ { nkey: ${createUser().getPublicKey()} } ] }`);
    const other = new TextDecoder().decode(createUser().getSeed());
    const err = await connectError({ NATS_URL: s.url, NATS_NKEY_SEED: other });
    expect(err.message).toMatch(/authorization violation/i);
    expect(`${err.message} ${err.stack}`).not.toContain(other);
  });

  it('reports a malformed seed as a ConfigError naming NATS_NKEY_SEED without printing it', async () => {
    const bad = `SU${secret()}`;
    const err = await connectError({ NATS_URL: 'nats://127.0.0.1:1', NATS_NKEY_SEED: bad });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/^NATS_NKEY_SEED is not a valid user nkey seed: nkeys: /);
    expect(err.message).not.toContain(bad);
  });
});

describe('NATS creds file (operator/account/user JWTs)', () => {
  it('connects, publishes and consumes with a creds file', async () => {
    const dir = tempDir();
    const setup = createOperatorSetup(dir);
    const credsFile = join(dir, 'svc.creds');
    writeFileSync(credsFile, setup.creds);
    const s = await server(setup.serverConf, mkdtempSync(join(dir, 'server-')));
    await roundTrip({ NATS_URL: s.url, NATS_CREDS_FILE: credsFile });
  });

  it('rejects a well-formed creds file whose account the server does not trust', async () => {
    const dir = tempDir();
    const trusted = createOperatorSetup(mkdtempSync(join(dir, 'trusted-')));
    const stranger = createOperatorSetup(mkdtempSync(join(dir, 'stranger-')));
    const credsFile = join(dir, 'stranger.creds');
    writeFileSync(credsFile, stranger.creds);
    const s = await server(trusted.serverConf, mkdtempSync(join(dir, 'server-')));
    const err = await connectError({ NATS_URL: s.url, NATS_CREDS_FILE: credsFile });
    expect(err.message).toMatch(/authorization violation/i);
  });

  it('reports a malformed creds file as a ConfigError naming the file', async () => {
    const dir = tempDir();
    const credsFile = join(dir, 'broken.creds');
    writeFileSync(credsFile, `not a creds file ${secret()}\n`);
    const err = await connectError({ NATS_URL: 'nats://127.0.0.1:1', NATS_CREDS_FILE: credsFile });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toContain(`NATS_CREDS_FILE (${credsFile})`);
    expect(err.message).toMatch(/unable to parse credentials/);
  });

  it('reports a missing creds file as a ConfigError naming the file', async () => {
    const missing = join(tempDir(), 'missing.creds');
    const err = await connectError({ NATS_URL: 'nats://127.0.0.1:1', NATS_CREDS_FILE: missing });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/NATS_CREDS_FILE .*ENOENT/);
  });
});

describe('NATS mutual TLS', () => {
  let pki: TlsFiles;
  let pkiDir: string;
  let tls: ConfiguredNatsServer;
  beforeAll(async () => {
    pkiDir = mkdtempSync(join(tmpdir(), 'newsflow-pki-'));
    pki = createTlsFiles(pkiDir);
    tls = await startNatsServerWithConfig(
      `tls { cert_file: "${pki.serverCert}", key_file: "${pki.serverKey}", ca_file: "${pki.ca}", verify: true }`,
    );
  });
  afterAll(async () => {
    await tls?.stop();
    rmSync(pkiDir, { recursive: true, force: true });
  });

  it('connects, publishes and consumes with the CA and a client certificate', async () => {
    await roundTrip({
      NATS_URL: tls.url,
      NATS_TLS_CA: pki.ca,
      NATS_TLS_CERT: pki.clientCert,
      NATS_TLS_KEY: pki.clientKey,
    });
  });

  it('is refused without a client certificate', async () => {
    // The server drops the connection after the handshake and NATS.js only notices at its connect timeout
    // (20 s by default), so this test shortens it.
    const options = natsConnectionOptions(
      configFrom({ NATS_URL: tls.url, NATS_TLS_CA: pki.ca }),
      'auth-test',
    );
    const attempt = connect({ ...options, timeout: 1_500 });
    await expect(attempt).rejects.toThrow(/timeout/);
    await waitFor(
      () => /client didn't provide a certificate/.test(tls.log()),
      'the server to log the refusal',
    );
  });

  it('does not trust the server without the CA', async () => {
    const err = await connectError({
      NATS_URL: tls.url,
      NATS_TLS_CERT: pki.clientCert,
      NATS_TLS_KEY: pki.clientKey,
    });
    expect(err.message).toMatch(/certificate/i);
  });

  it('refuses to talk plain text to a server without TLS once a CA is configured', async () => {
    const plain = await server('');
    const err = await connectError({ NATS_URL: plain.url, NATS_TLS_CA: pki.ca });
    expect(err.message).toMatch(/server does not support 'tls'/);
  });

  it('requires TLS for a tls:// URL even without TLS files', async () => {
    // NATS.js v3 ignores the URL scheme; without this rule a tls:// URL connected in plain text.
    const plain = await server('');
    const err = await connectError({ NATS_URL: plain.url.replace('nats://', 'tls://') });
    expect(err.message).toMatch(/server does not support 'tls'/);
  });

  it('upgrades to TLS when the server requires it and still refuses an unverifiable server', async () => {
    const err = await connectError({ NATS_URL: tls.url });
    expect(err.message).toMatch(/unable to verify the first certificate/);
  });
});

describe('NATS auth configuration', () => {
  it('refuses two auth methods at once with a ConfigError naming both', async () => {
    const err = await connectError({
      NATS_URL: 'nats://127.0.0.1:1',
      NATS_USER: 'svc',
      NATS_TOKEN: secret(),
    });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/NATS_USER\/NATS_PASSWORD and NATS_TOKEN/);
  });

  it('refuses a client certificate without its key', async () => {
    const err = await connectError({
      NATS_URL: 'nats://127.0.0.1:1',
      NATS_TLS_CERT: '/etc/newsflow/client.pem',
    });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/NATS_TLS_CERT and NATS_TLS_KEY must be set together/);
  });

  it('refuses a password without a user rather than connecting anonymously', async () => {
    const password = secret();
    const err = await connectError({ NATS_URL: 'nats://127.0.0.1:1', NATS_PASSWORD: password });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/NATS_PASSWORD is set but NATS_USER is not/);
    expect(err.message).not.toContain(password);
  });
});
