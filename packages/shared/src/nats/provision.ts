import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { Logger } from 'pino';
import type { Catalogue, StreamKey } from '../subjects.ts';

/** Stream settings from configuration (DESIGN.md: limits retention, max age, duplicate window, size, replicas). */
export interface StreamSettings {
  replicas: number;
  maxAgeMs: number;
  duplicateWindowMs: number;
  maxMessageBytes: number;
}

/** Durable consumer settings. The server's max_deliver is one above ours so the consume loop sees the last try. */
export interface ConsumerSettings {
  maxDeliver: number;
  ackWaitMs: number;
  maxAckPending: number;
}

export const DEFAULT_CONSUMER_SETTINGS: ConsumerSettings = {
  maxDeliver: 5,
  ackWaitMs: 30_000,
  maxAckPending: 1000,
};

function streamConfig(
  spec: Catalogue['streams'][StreamKey],
  s: StreamSettings,
): Partial<StreamConfig> & { name: string } {
  return {
    name: spec.name,
    subjects: spec.subjects,
    description: spec.description,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(s.maxAgeMs),
    duplicate_window: nanos(Math.min(s.duplicateWindowMs, s.maxAgeMs)),
    max_msg_size: s.maxMessageBytes,
    num_replicas: s.replicas,
  };
}

function isNotFound(err: unknown): boolean {
  return /not found/i.test(String((err as Error)?.message ?? err));
}

/**
 * Creates or updates every stream of the catalogue. Safe to run from every replica of every service at once:
 * an add that loses a race to another process falls back to an update with the same settings.
 */
export async function provisionStreams(
  jsm: JetStreamManager,
  catalogue: Catalogue,
  settings: StreamSettings,
  log: Logger,
): Promise<void> {
  for (const spec of Object.values(catalogue.streams)) {
    const config = streamConfig(spec, settings);
    const exists = await jsm.streams.info(spec.name).then(
      () => true,
      (err: unknown) => {
        if (isNotFound(err)) return false;
        throw err;
      },
    );
    if (!exists) {
      try {
        await jsm.streams.add(config);
        log.info({ stream: spec.name }, 'stream created');
        continue;
      } catch (err) {
        // Another process created it between our info and add: update below converges the settings.
        log.debug({ err, stream: spec.name }, 'stream add raced; updating instead');
      }
    }
    await jsm.streams.update(spec.name, config);
  }
}

/** Creates or updates a durable pull consumer shared by all replicas of a service. */
export async function provisionConsumer(
  jsm: JetStreamManager,
  stream: string,
  durable: string,
  filterSubject: string,
  settings: ConsumerSettings = DEFAULT_CONSUMER_SETTINGS,
): Promise<void> {
  const config = {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(settings.ackWaitMs),
    max_deliver: settings.maxDeliver + 1,
    max_ack_pending: settings.maxAckPending,
    ...(filterSubject ? { filter_subject: filterSubject } : {}),
  };
  try {
    await jsm.consumers.add(stream, config);
  } catch (err) {
    const current = await jsm.consumers.info(stream, durable).catch(() => undefined);
    if (!current) throw err;
    await jsm.consumers.update(stream, durable, {
      ack_wait: config.ack_wait,
      max_deliver: config.max_deliver,
      max_ack_pending: config.max_ack_pending,
    });
  }
}
