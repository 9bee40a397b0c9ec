import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig, natsConfigSchema, openBus } from '@newsflow/shared';
import { type LocalNatsServer, startNatsServer, waitFor } from '@newsflow/shared/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadIngestConfig } from '../config.ts';
import type { FileSummary } from '../files/summary.ts';
import { createIngestService, type IngestService } from '../service.ts';
import { SEEDS, seedPath } from '../testing/fixtures.ts';
import { testEnv, uniqueNamespace } from '../testing/harness.ts';

// A private nats-server, since this test kills it.
let server: LocalNatsServer;
let dir: string;
let service: IngestService | undefined;
beforeEach(async () => {
  server = await startNatsServer();
  dir = await mkdtemp(join(tmpdir(), 'ingest-down-'));
  await mkdir(join(dir, 'inbox'));
});
afterEach(async () => {
  await service?.stop();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('when the broker is down', () => {
  it('keeps the file in the inbox, never in failed/, and publishes it once the broker is back', async () => {
    const log = createLogger({ name: 'ingest-test', level: 'silent', pretty: false });
    const namespace = uniqueNamespace();
    const inbox = join(dir, 'inbox');
    const files: FileSummary[] = [];
    service = createIngestService({
      config: loadIngestConfig(testEnv(server.url, namespace, inbox, { NEWSFLOW_INGEST_HTTP: 'false' }), dir),
      log,
      onFile: (s) => files.push(s),
    });
    await service.start();
    await server.kill('SIGKILL');

    await copyFile(seedPath(SEEDS[0]), join(inbox, 'during-outage.txt'));
    await waitFor(async () => (await service?.metrics.filesSeen.get())?.values[0]?.value === 1, 'file seen');
    expect(files).toEqual([]);

    await server.restart();
    await waitFor(() => files.length === 1, 'file processed after the broker came back', {
      timeoutMs: 45_000,
    });
    expect(files[0]).toMatchObject({ status: 'processed', articleCount: 1 });

    const bus = await openBus(
      loadConfig(natsConfigSchema, { NATS_URL: server.url, NEWSFLOW_NAMESPACE: namespace }),
      'check',
      log,
    );
    try {
      const subject = bus.catalogue.articlesRaw;
      const info = await bus.jsm.streams.info(bus.catalogue.streams.articles.name, {
        subjects_filter: subject,
      });
      expect(info.state.subjects?.[subject]).toBe(1);
    } finally {
      await bus.close();
    }
    await expect(readdir(join(inbox, 'failed'))).rejects.toThrow(/ENOENT/);
  });
});
