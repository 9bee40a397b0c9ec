import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from '@nats-io/nats-core';
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
  const options: ConnectionOptions = {
    servers,
    name,
    // The client otherwise builds a stack trace for every request, halving publish throughput (DESIGN.md).
    noAsyncTraces: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  };
  const methods = [
    config.NATS_USER !== undefined,
    config.NATS_TOKEN !== undefined,
    config.NATS_NKEY_SEED !== undefined,
    config.NATS_CREDS_FILE !== undefined,
  ].filter(Boolean).length;
  if (methods > 1) {
    throw new ConfigError(
      'set only one of NATS_USER/NATS_PASSWORD, NATS_TOKEN, NATS_NKEY_SEED, NATS_CREDS_FILE',
    );
  }
  if (config.NATS_USER !== undefined) {
    options.user = config.NATS_USER;
    options.pass = config.NATS_PASSWORD ?? '';
  }
  if (config.NATS_TOKEN !== undefined) options.token = config.NATS_TOKEN;
  if (config.NATS_NKEY_SEED !== undefined) {
    options.authenticator = nkeyAuthenticator(new TextEncoder().encode(config.NATS_NKEY_SEED));
  }
  if (config.NATS_CREDS_FILE !== undefined) {
    options.authenticator = credsAuthenticator(readFileSync(config.NATS_CREDS_FILE));
  }
  if (config.NATS_TLS_CA || config.NATS_TLS_CERT || config.NATS_TLS_KEY) {
    options.tls = {
      ...(config.NATS_TLS_CA ? { caFile: config.NATS_TLS_CA } : {}),
      ...(config.NATS_TLS_CERT ? { certFile: config.NATS_TLS_CERT } : {}),
      ...(config.NATS_TLS_KEY ? { keyFile: config.NATS_TLS_KEY } : {}),
    };
  }
  return options;
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
