// Entry of the extract service: read the environment, wire, start, stop cleanly on SIGINT/SIGTERM.
import { createLogger, createShutdown, loadConfig, openBus } from '@newsflow/shared';
import { extractConfigSchema } from './config.ts';
import { createExtractService } from './service.ts';

const config = loadConfig(extractConfigSchema, process.env);
const log = createLogger({ name: 'extract', level: config.LOG_LEVEL });
const shutdown = createShutdown(log);
try {
  const bus = await openBus(config, 'newsflow-extract', log);
  shutdown.add('nats', () => bus.close());
  const service = await createExtractService({ config, bus, log });
  shutdown.add('consumer', () => service.stop());
  await service.start();
} catch (err) {
  log.fatal({ err }, 'extract failed to start');
  await shutdown.run('start-up failure');
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    const clean = await shutdown.run(signal);
    log.flush();
    process.exit(clean ? 0 : 1);
  });
}
