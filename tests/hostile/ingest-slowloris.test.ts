import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningIngest, startIngest } from './support/ingest.ts';

// Slow-loris: a client that sends the headers and then trickles the body one byte at a time must not hold a
// connection (and its buffered body) forever. Fastify's timeouts default to 0 (disabled); ingest sets a request
// timeout (NEWSFLOW_INGEST_REQUEST_TIMEOUT) and checks it often. Before that fix this test hung to its bound.

let ing: RunningIngest;
beforeAll(async () => {
  ing = await startIngest(inject('natsUrl'), {
    NEWSFLOW_INGEST_WATCH: 'false',
    NEWSFLOW_INGEST_REQUEST_TIMEOUT: '2s',
  });
});
afterAll(async () => {
  await ing?.close();
});

/**
 * Sends the headers, then one body byte every `everyMs`; resolves with how long the server kept the connection
 * open and what it answered, or with `held: true` when it was still open after `giveUpMs`.
 */
function trickle(url: string, everyMs: number, giveUpMs: number) {
  const { hostname, port } = new URL(url);
  return new Promise<{ held: boolean; ms: number; response: string }>((resolve) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let response = '';
    let timer: NodeJS.Timeout | undefined;
    const done = (held: boolean) => {
      clearInterval(timer);
      socket.destroy();
      resolve({ held, ms: Date.now() - started, response });
    };
    socket.on('connect', () => {
      socket.write(
        'POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"text":"',
      );
      timer = setInterval(() => socket.write('a'), everyMs);
    });
    socket.on('data', (d) => (response += d.toString()));
    socket.on('close', () => done(false));
    socket.on('error', () => done(false));
    setTimeout(() => done(true), giveUpMs).unref();
  });
}

describe('slow-loris requests', () => {
  it('cuts a request whose body trickles in slower than the request timeout allows', async () => {
    const r = await trickle(ing.url, 200, 15_000);
    expect(r.held).toBe(false);
    expect(r.ms).toBeLessThan(15_000);
  });
});
