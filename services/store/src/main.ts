import { ConfigError, createLogger, createShutdown } from '@newsflow/shared';
import { loadStoreConfig } from './config.ts';
import { startStore } from './service.ts';

// The only module that reads process.env, installs signal handlers and exits.
let config: ReturnType<typeof loadStoreConfig>;
try {
  config = loadStoreConfig(process.env);
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
  process.exit(2);
}
const log = createLogger({ name: 'newsflow-store', level: config.LOG_LEVEL });
const shutdown = createShutdown(log);
try {
  const store = await startStore(config, log);
  shutdown.add('store', () => store.stop());
} catch (err) {
  log.fatal({ err }, 'store failed to start');
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void shutdown.run(signal).then((clean) => process.exit(clean ? 0 : 1));
  });
}
