/**
 * Test helper process: runs the ingest service and kills itself with SIGKILL right after the first file's
 * articles were acknowledged by JetStream and before the file is moved, the worst moment for a crash.
 * Usage: node crash-child.ts <natsUrl> <namespace> <inbox> [ledger=on|off]
 */
import { createLogger } from '@newsflow/shared';
import { loadIngestConfig } from '../config.ts';
import { createIngestService } from '../service.ts';
import { testEnv } from './harness.ts';

const [natsUrl, namespace, inbox, ledger = 'on'] = process.argv.slice(2);
if (!natsUrl || !namespace || !inbox)
  throw new Error('usage: crash-child.ts <natsUrl> <namespace> <inbox> [ledger]');
const extra: Record<string, string> = {
  NEWSFLOW_INGEST_HTTP: 'false',
  NEWSFLOW_INGEST_CONCURRENCY: '1',
  ...(ledger === 'off' ? { NEWSFLOW_INGEST_LEDGER: 'off' } : {}),
};
const config = loadIngestConfig(testEnv(natsUrl, namespace, inbox, extra), process.cwd());
const log = createLogger({ name: 'crash-child', level: 'warn', pretty: false });
const service = createIngestService({
  config,
  log,
  hooks: {
    afterPublish: () => {
      process.stdout.write('published\n');
      process.kill(process.pid, 'SIGKILL');
    },
  },
});
await service.start();
