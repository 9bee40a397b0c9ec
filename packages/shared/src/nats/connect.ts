import { readFileSync } from 'node:fs';
import type { Authenticator, ConnectionOptions } from '@nats-io/nats-core';
import { connect, credsAuthenticator, type NatsConnection, nkeyAuthenticator } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { NatsConfig } from '../config.ts';
import { ConfigError } from '../errors.ts';

export type { NatsConnection } from '@nats-io/transport-node';

/** Turns the validated config into client options: servers, auth, TLS. Exported for tests. */
export function natsConnectionOptions(config: NatsConfig, name: string): ConnectionOptions {
  const servers = config.NATS_URL.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // NATS.js v3 ignores user:password@ in server URLs and would misread digits of the password as the port.
  if (servers.some((s) => s.includes('@'))) {
    throw new ConfigError(
      'NATS_URL must not contain credentials (user:password@host is not supported by the client); ' +
        'use NATS_USER/NATS_PASSWORD, NATS_TOKEN, NATS_NKEY_SEED or NATS_CREDS_FILE',
    );
  }
  const options: ConnectionOptions = {
    servers,
    name,
    // The client otherwise builds a stack trace for every request, halving publish throughput (DESIGN.md).
    noAsyncTraces: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  };
  const methods = [
    config.NATS_USER !== undefined && 'NATS_USER/NATS_PASSWORD',
    config.NATS_TOKEN !== undefined && 'NATS_TOKEN',
    config.NATS_NKEY_SEED !== undefined && 'NATS_NKEY_SEED',
    config.NATS_CREDS_FILE !== undefined && 'NATS_CREDS_FILE',
  ].filter((m): m is string => m !== false);
  if (methods.length > 1) {
    throw new ConfigError(
      `set only one of NATS_USER/NATS_PASSWORD, NATS_TOKEN, NATS_NKEY_SEED, NATS_CREDS_FILE; got ${methods.join(' and ')}`,
    );
  }
  // A password alone would otherwise be dropped silently and the service would connect anonymously.
  if (config.NATS_PASSWORD !== undefined && config.NATS_USER === undefined) {
    throw new ConfigError('NATS_PASSWORD is set but NATS_USER is not');
  }
  if (config.NATS_USER !== undefined) {
    options.user = config.NATS_USER;
    options.pass = config.NATS_PASSWORD ?? '';
  }
  if (config.NATS_TOKEN !== undefined) options.token = config.NATS_TOKEN;
  if (config.NATS_NKEY_SEED !== undefined) {
    options.authenticator = checkedAuthenticator(
      () => nkeyAuthenticator(new TextEncoder().encode(config.NATS_NKEY_SEED)),
      'NATS_NKEY_SEED is not a valid user nkey seed',
    );
  }
  if (config.NATS_CREDS_FILE !== undefined) {
    const file = config.NATS_CREDS_FILE;
    options.authenticator = checkedAuthenticator(
      () => credsAuthenticator(readFileSync(file)),
      `NATS_CREDS_FILE (${file}) is not a readable creds file`,
    );
  }
  if ((config.NATS_TLS_CERT === undefined) !== (config.NATS_TLS_KEY === undefined)) {
    throw new ConfigError(
      'NATS_TLS_CERT and NATS_TLS_KEY must be set together (client certificate and its key)',
    );
  }
  // NATS.js v3 ignores the scheme, so a tls:// URL must turn TLS on here or it would silently connect in plain text.
  const tlsUrl = servers.some((s) => /^tls:\/\//i.test(s));
  if (tlsUrl || config.NATS_TLS_CA || config.NATS_TLS_CERT || config.NATS_TLS_KEY) {
    options.tls = {
      ...(config.NATS_TLS_CA ? { caFile: config.NATS_TLS_CA } : {}),
      ...(config.NATS_TLS_CERT ? { certFile: config.NATS_TLS_CERT } : {}),
      ...(config.NATS_TLS_KEY ? { keyFile: config.NATS_TLS_KEY } : {}),
    };
  }
  return options;
}

/**
 * Builds an authenticator and exercises it once, so a bad seed or creds file fails at start-up with a ConfigError
 * (the client would otherwise parse it lazily during the handshake). The secret itself never enters the message.
 */
function checkedAuthenticator(build: () => Authenticator, problem: string): Authenticator {
  try {
    const auth = build();
    auth('start-up check');
    return auth;
  } catch (err) {
    const why = err instanceof Error && err.message ? `: ${err.message}` : '';
    throw new ConfigError(`${problem}${why}`, { cause: err });
  }
}

/** Connects to NATS and logs connection state changes. The caller owns the connection and drains it. */
export async function connectNats(config: NatsConfig, name: string, log: Logger): Promise<NatsConnection> {
  const nc = await connect(natsConnectionOptions(config, name));
  log.info({ server: nc.getServer() }, 'connected to NATS');
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect' || s.type === 'reconnect' || s.type === 'error') {
        log.warn({ status: s.type, server: 'server' in s ? s.server : undefined }, 'NATS connection status');
      }
    }
  })();
  return nc;
}
