import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { isPermanent, isRetryable } from '../errors.ts';
import { type MessageOf, type MessageType, parseMessage } from '../messages/registry.ts';
import type { ServiceName } from '../subjects.ts';
import { deadLetterFor } from './deadletter.ts';
import type { Publisher } from './publish.ts';

export interface HandlerContext {
  subject: string;
  deliveryCount: number;
  streamSequence: number;
  /** Tells the server the handler is still busy, postponing redelivery (called automatically, too). */
  working(): void;
}

export type Handler<T extends MessageType> = (message: MessageOf<T>, ctx: HandlerContext) => Promise<void>;

export interface ConsumeLoopOptions<T extends MessageType> {
  js: JetStreamClient;
  stream: string;
  durable: string;
  service: ServiceName;
  /** Message types this consumer handles; anything else is dead-lettered. */
  accept: readonly T[];
  handler: Handler<T>;
  /** Publishes dead letters. */
  publisher: Publisher;
  log: Logger;
  /** Messages handled at once (default 8). */
  concurrency?: number;
  /** Deliveries before a failing message is dead-lettered (default 5; match the consumer's setting). */
  maxDeliver?: number;
  /** Delay before redelivery after the n-th failed delivery (default 500 ms doubling, at most 30 s). */
  backoffMs?: (deliveryCount: number) => number;
  /** How often to signal `working()` during long handlers (default 10 s; keep below the ack wait). */
  workingIntervalMs?: number;
  /**
   * How long a handler failing with a RetryableError is retried in place, with backoff, before the message is
   * nak'ed (default 60 s). The message keeps its concurrency slot meanwhile, so the consumer stops fetching while
   * a dependency (the database) is down, and in-place retries do not use up deliveries.
   */
  retryInPlaceMs?: number;
}

export interface ConsumeStats {
  handled: number;
  retried: number;
  deadLettered: number;
}

export interface RunningConsumer {
  readonly stats: ConsumeStats;
  /** Stops taking messages, waits for in-flight handlers to finish and ack. Drain the connection after. */
  stop(): Promise<void>;
  /** Settles when the loop ends (after stop, or if the consumer fails). */
  done: Promise<void>;
}

const defaultBackoff = (n: number) => Math.min(500 * 2 ** (n - 1), 30_000);

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The typed consume loop every service uses: parse and validate at the edge, hand valid messages to the handler
 * with bounded concurrency, ack after it resolves, nak with backoff on failure, and terminate + dead-letter
 * invalid messages, permanent failures and messages out of deliveries.
 */
export async function startConsumer<T extends MessageType>(
  opts: ConsumeLoopOptions<T>,
): Promise<RunningConsumer> {
  const concurrency = opts.concurrency ?? 8;
  const maxDeliver = opts.maxDeliver ?? 5;
  const backoff = opts.backoffMs ?? defaultBackoff;
  const log = opts.log.child({ consumer: opts.durable });
  const stats: ConsumeStats = { handled: 0, retried: 0, deadLettered: 0 };
  const consumer = await opts.js.consumers.get(opts.stream, opts.durable);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: Math.max(concurrency, 1) * 2 });

  const retryInPlaceMs = opts.retryInPlaceMs ?? 60_000;
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let wake: (() => void) | undefined;

  async function deadLetter(msg: JsMsg, reason: string, error?: string): Promise<void> {
    try {
      const dl = deadLetterFor(msg, {
        service: opts.service,
        consumer: opts.durable,
        reason,
        ...(error ? { error } : {}),
      });
      await opts.publisher.publish(dl);
      // No reason argument: nats-server 2.9 ignores `+TERM <reason>`, leaving the message pending until ack_wait.
      // The reason travels in the dead letter instead.
      msg.term();
      stats.deadLettered++;
      log.warn({ seq: msg.seq, subject: msg.subject, reason }, 'message dead-lettered');
    } catch (err) {
      // Could not record the dead letter: keep the message and try again later rather than lose it.
      log.error({ err, seq: msg.seq }, 'dead-letter publish failed; will retry');
      msg.nak(backoff(msg.info.deliveryCount));
    }
  }

  async function handle(msg: JsMsg): Promise<void> {
    const deliveryCount = msg.info.deliveryCount;
    if (deliveryCount > maxDeliver) {
      return deadLetter(
        msg,
        `delivered ${deliveryCount} times without being acknowledged (crash or timeout?)`,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(strictUtf8.decode(msg.data));
    } catch (err) {
      return deadLetter(msg, `payload is not UTF-8 JSON: ${(err as Error).message}`, 'InvalidMessageError');
    }
    const parsed = parseMessage(value, opts.accept);
    if (!parsed.ok) return deadLetter(msg, parsed.reason, 'InvalidMessageError');

    const timer = setInterval(() => msg.working(), opts.workingIntervalMs ?? 10_000);
    const context: HandlerContext = {
      subject: msg.subject,
      deliveryCount,
      streamSequence: msg.seq,
      working: () => msg.working(),
    };
    try {
      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        try {
          await opts.handler(parsed.message as MessageOf<T>, context);
          break;
        } catch (err) {
          const wait = backoff(attempt);
          const inBudget = Date.now() - started + wait <= retryInPlaceMs;
          if (!isRetryable(err) || !inBudget || stopping.signal.aborted) throw err;
          stats.retried++;
          log.warn({ err, seq: msg.seq, attempt }, 'transient failure; retrying in place');
          await pause(wait, stopping.signal);
          msg.working();
        }
      }
      msg.ack();
      stats.handled++;
    } catch (err) {
      const e = err as Error;
      if (isPermanent(err) || deliveryCount >= maxDeliver) {
        const why = isPermanent(err) ? e.message : `failed ${deliveryCount} times; last error: ${e.message}`;
        await deadLetter(msg, why, e.name);
      } else {
        stats.retried++;
        log.warn({ err, seq: msg.seq, deliveryCount }, 'handler failed; will redeliver');
        msg.nak(backoff(deliveryCount));
      }
    } finally {
      clearInterval(timer);
    }
  }

  const done = (async () => {
    for await (const msg of messages) {
      while (inFlight.size >= concurrency) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      const p: Promise<void> = handle(msg)
        .catch((err) => log.error({ err }, 'unexpected consume error'))
        .finally(() => {
          inFlight.delete(p);
          wake?.();
        });
      inFlight.add(p);
    }
    await Promise.all(inFlight);
  })();

  return {
    stats,
    async stop() {
      stopping.abort();
      await messages.close();
      await done;
    },
    done,
  };
}
