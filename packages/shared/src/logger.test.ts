import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isSecretName, loadConfig, natsConfigSchema } from './config.ts';
import { ConfigError } from './errors.ts';
import { createLogger, type Logger, redactUrl } from './logger.ts';
import { natsConnectionOptions } from './nats/connect.ts';

/** A logger writing JSON lines into memory: `text()` is everything written so far. */
function capture(): { log: Logger; text: () => string; lines: () => Record<string, unknown>[] } {
  let out = '';
  const destination = new Writable({
    write(chunk, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  const log = createLogger({ name: 'test', level: 'debug', destination });
  const lines = () =>
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log, text: () => out, lines };
}

const secret = (label: string) => `${label}-${randomBytes(8).toString('hex')}`;

/** Environment with a distinct random value for every secret a service may hold. */
function secretEnv() {
  const s = {
    password: secret('pw'),
    token: secret('tok'),
    apiToken: secret('api'),
    dbPassword: secret('dbpw'),
  };
  const env = {
    NATS_URL: 'nats://nats.internal:4222',
    NATS_USER: 'extract',
    NATS_PASSWORD: s.password,
    NATS_TOKEN: s.token,
    NATS_NKEY_SEED: `SUA${secret('seed').toUpperCase()}`,
    NEWSFLOW_API_TOKEN: s.apiToken,
    DATABASE_URL: `postgres://newsflow:${s.dbPassword}@db.internal:5432/news`,
  };
  return { env, values: [...Object.values(s), env.NATS_NKEY_SEED] };
}

const serviceSchema = natsConfigSchema.extend({
  DATABASE_URL: z.string(),
  NEWSFLOW_API_TOKEN: z.string(),
});

function expectNoSecrets(text: string, values: string[]) {
  expect(text.length).toBeGreaterThan(0);
  for (const v of values) expect(text).not.toContain(v);
}

describe('log redaction', () => {
  it('hides every secret of a config object logged at the top level', () => {
    const { env, values } = secretEnv();
    const { log, text, lines } = capture();
    log.info(loadConfig(serviceSchema, env), 'config');
    expectNoSecrets(text(), values);
    expect(lines()[0]).toMatchObject({
      NATS_PASSWORD: '[redacted]',
      NATS_TOKEN: '[redacted]',
      NATS_NKEY_SEED: '[redacted]',
      NEWSFLOW_API_TOKEN: '[redacted]',
      NATS_USER: 'extract',
    });
  });

  it('hides secrets of a config nested at any depth, in arrays and in child bindings', () => {
    const { env, values } = secretEnv();
    const { log, text } = capture();
    const config = loadConfig(serviceSchema, env);
    log.info({ config }, 'nested once');
    log.info({ svc: { config } }, 'nested twice');
    log.info({ a: { b: { c: { d: [{ config }] } } } }, 'deep, in an array');
    log.child({ config }).info('child');
    log.child({ svc: 'x' }).child({ nested: { config } }).info('grandchild');
    expect(text().split('\n').filter(Boolean)).toHaveLength(5);
    expectNoSecrets(text(), values);
  });

  it('does not change the logged object and leaves errors and ordinary fields alone', () => {
    const { log, lines } = capture();
    const config = { NATS_USER: 'svc', NATS_PASSWORD: 'kept-in-the-object', nested: { token: 't' } };
    const err = new Error('broker unavailable');
    log.error({ err, config, tokens: 42, tokenCount: 7, passes: 2 }, 'failed');
    expect(config).toEqual({ NATS_USER: 'svc', NATS_PASSWORD: 'kept-in-the-object', nested: { token: 't' } });
    expect(lines()[0]).toMatchObject({
      err: { type: 'Error', message: 'broker unavailable', stack: expect.stringContaining('logger.test.ts') },
      config: { NATS_USER: 'svc', NATS_PASSWORD: '[redacted]', nested: { token: '[redacted]' } },
      tokens: 42,
      tokenCount: 7,
      passes: 2,
    });
  });

  it('keeps the host of DATABASE_URL but masks its password', () => {
    const { env, values } = secretEnv();
    const { log, text, lines } = capture();
    log.info({ DATABASE_URL: env.DATABASE_URL }, 'top');
    log.info({ config: { DATABASE_URL: env.DATABASE_URL } }, 'nested');
    expectNoSecrets(text(), values);
    for (const line of lines()) {
      expect(JSON.stringify(line)).toContain('postgres://newsflow:***@db.internal:5432/news');
    }
  });

  it('hides the Authorization header and a token in the URL of a logged request', () => {
    const bearer = secret('bearer');
    const query = secret('query');
    const { log, text, lines } = capture();
    const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
    log.info({ req: { method: 'POST', url: `/v1/articles?token=${query}`, headers } }, 'request');
    log.info({ headers: { Authorization: `Bearer ${bearer}` } }, 'outgoing');
    log.info({ component: 'http', req: { headers: { cookie: `session=${bearer}` } } }, 'cookie');
    expectNoSecrets(text(), [bearer, query]);
    const [first] = lines();
    expect(first).toMatchObject({
      req: {
        url: '/v1/articles?token=***',
        headers: { authorization: '[redacted]', 'content-type': 'application/json' },
      },
    });
  });

  it('hides NEWSFLOW_API_TOKEN, passwords and tokens under their usual field names', () => {
    const values = [secret('a'), secret('b'), secret('c'), secret('d'), secret('e')];
    const [a, b, c, d, e] = values;
    const { log, text } = capture();
    log.info({ NEWSFLOW_API_TOKEN: a, apiToken: b }, 'api');
    log.info({ client: { token: c, password: d } }, 'client');
    log.warn({ opts: { http: { token: e } } }, 'deep');
    expectNoSecrets(text(), values);
  });

  it('hides the password and token of NATS connection options built from the config', () => {
    const password = secret('natspw');
    const token = secret('natstok');
    const { log, text } = capture();
    const userPass = natsConnectionOptions(
      loadConfig(natsConfigSchema, { NATS_USER: 'svc', NATS_PASSWORD: password }),
      'svc',
    );
    const withToken = natsConnectionOptions(loadConfig(natsConfigSchema, { NATS_TOKEN: token }), 'svc');
    log.info({ options: userPass }, 'user/password options');
    log.info({ options: withToken }, 'token options');
    expectNoSecrets(text(), [password, token]);
  });
});

describe('redactUrl', () => {
  it.each([
    ['postgres://app:s3cret@db:5432/news', 'postgres://app:***@db:5432/news'],
    ['postgresql://:only-pw@db/news?sslmode=require', 'postgresql://:***@db/news?sslmode=require'],
    ['postgres://app:p%40ss@db/news', 'postgres://app:***@db/news'],
    ['postgres://app:p@ss@db/news', 'postgres://app:***@db/news'],
    ['nats://a:pw1@n1:4222,nats://b:pw2@n2:4222', 'nats://a:***@n1:4222,nats://b:***@n2:4222'],
    ['postgres://db/news?user=app&password=s3cret', 'postgres://db/news?user=app&password=***'],
    ['host=db user=app password=s3cret dbname=news', 'host=db user=app password=*** dbname=news'],
    ['/v1/articles?limit=5&token=abc&q=x', '/v1/articles?limit=5&token=***&q=x'],
  ])('masks the credentials in %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it.each([
    'nats://127.0.0.1:4222',
    'postgres://app@db:5432/news',
    'https://example.org/a@b',
    '/v1/articles?q=password',
  ])('leaves %s without credentials unchanged', (input) => {
    expect(redactUrl(input)).toBe(input);
  });
});

describe('configuration errors never carry secrets', () => {
  const secretNames = [
    'NATS_PASSWORD',
    'NATS_TOKEN',
    'NATS_NKEY_SEED',
    'NATS_CREDS_FILE',
    'NATS_TLS_KEY',
    'NEWSFLOW_API_TOKEN',
    'NEWSFLOW_WEBHOOK_SECRET',
  ];

  it.each(secretNames)('counts %s as a secret name', (name) => expect(isSecretName(name)).toBe(true));

  it.each(secretNames)('names %s but hides its value when it is invalid', (name) => {
    const value = secret('v');
    const schema = z.object({ [name]: z.string().min(200, 'too short') });
    let err: unknown;
    try {
      loadConfig(schema, { [name]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    expect(message).toContain(`${name}: too short (got a value (hidden))`);
    expect(message).not.toContain(value);
  });

  it('masks the password of an invalid DATABASE_URL but shows its host', () => {
    const password = secret('dbpw');
    const schema = z.object({ DATABASE_URL: z.string().startsWith('postgresql://') });
    const run = () => loadConfig(schema, { DATABASE_URL: `postgres://app:${password}@db.internal/news` });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/DATABASE_URL: .*got 'postgres:\/\/app:\*\*\*@db\.internal\/news'/);
    expect(run).not.toThrow(password);
  });

  it('does not echo secrets when NATS auth settings conflict', () => {
    const password = secret('pw');
    const token = secret('tok');
    const config = loadConfig(natsConfigSchema, {
      NATS_USER: 'svc',
      NATS_PASSWORD: password,
      NATS_TOKEN: token,
    });
    const run = () => natsConnectionOptions(config, 'svc');
    expect(run).toThrow(/got NATS_USER\/NATS_PASSWORD and NATS_TOKEN/);
    expect(run).not.toThrow(password);
    expect(run).not.toThrow(token);
  });
});
