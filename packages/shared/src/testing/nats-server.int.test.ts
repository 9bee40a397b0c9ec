import { createServer, type Server } from 'node:net';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';
import { type LocalNatsServer, startNatsServer } from './nats-server.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A plain TCP listener holding a loopback port, as another test suite's server would. */
async function occupiedPort(): Promise<number> {
  const server: Server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return address.port;
}

describe('the throwaway nats-server of the tests', () => {
  it('moves to another port when the one picked was taken before it could bind, and serves JetStream there', async () => {
    const taken = await occupiedPort();
    const picks = [taken];
    const server: LocalNatsServer = await startNatsServer({
      ports: async () => {
        const port = picks.length > 0 ? (picks.shift() as number) : await freePort();
        picks.length = 0;
        return port;
      },
    });
    cleanups.push(() => server.stop());
    expect(server.port).not.toBe(taken);
    const nc = await connect({ servers: server.url });
    cleanups.push(() => nc.close());
    const info = await (await jetstreamManager(nc)).getAccountInfo();
    expect(info.streams).toBe(0);
  });

  it('fails with the reason when a fixed port is taken, instead of using whatever answers there', async () => {
    const taken = await occupiedPort();
    await expect(startNatsServer({ port: taken })).rejects.toThrow(/address already in use/i);
  });
});
