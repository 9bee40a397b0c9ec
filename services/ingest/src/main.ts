import { ConfigError, createLogger, createShutdown } from '@newsflow/shared';
import { loadIngestConfig } from './config.ts';
import { createIngestService } from './service.ts';

// The only module that reads process.env, installs signal handlers or exits.
let config: ReturnType<typeof loadIngestConfig>;
try {
  config = loadIngestConfig(process.env, process.cwd());
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`newsflow ingest: ${err.message}\n`);
  process.exit(2);
}
const log = createLogger({ name: 'ingest', level: config.env.LOG_LEVEL });
const service = createIngestService({ config, log });
const shutdown = createShutdown(log);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void shutdown.run(signal).then((clean) => process.exit(clean ? 0 : 1));
  });
}
try {
  await service.start();
  shutdown.add('ingest', () => service.stop());
} catch (err) {
  log.fatal({ err }, 'ingest failed to start');
  await service.stop().catch(() => {});
  process.exit(1);
}
