import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { NatsConfig } from '../config.ts';
import { type Catalogue, createCatalogue } from '../subjects.ts';
import { connectNats, type NatsConnection } from './connect.ts';
import { provisionStreams, type StreamSettings } from './provision.ts';
import { createPublisher, type Publisher } from './publish.ts';

/** A connected service's view of NATS: connection, JetStream handles, catalogue and publisher. */
export interface Bus {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  catalogue: Catalogue;
  publisher: Publisher;
  /** Drains the connection: in-flight publishes and acks are flushed before it closes. */
  close(): Promise<void>;
}

export function streamSettingsFrom(config: NatsConfig): StreamSettings {
  return {
    replicas: config.NEWSFLOW_STREAM_REPLICAS,
    maxAgeMs: config.NEWSFLOW_STREAM_MAX_AGE,
    duplicateWindowMs: config.NEWSFLOW_DUPLICATE_WINDOW,
    maxMessageBytes: config.NEWSFLOW_MAX_MESSAGE_BYTES,
  };
}

/** Connects, provisions the streams (idempotent) and returns the bus. The caller closes it. */
export async function openBus(config: NatsConfig, name: string, log: Logger): Promise<Bus> {
  const nc = await connectNats(config, name, log);
  try {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    const catalogue = createCatalogue(config.NEWSFLOW_NAMESPACE);
    await provisionStreams(jsm, catalogue, streamSettingsFrom(config), log);
    return {
      nc,
      js,
      jsm,
      catalogue,
      publisher: createPublisher({ js, catalogue }),
      close: async () => {
        if (!nc.isClosed()) await nc.drain();
      },
    };
  } catch (err) {
    await nc.close();
    throw err;
  }
}
