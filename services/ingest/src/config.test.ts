import { ConfigError } from '@newsflow/shared';
import { describe, expect, it } from 'vitest';
import { loadIngestConfig } from './config.ts';

describe('loadIngestConfig', () => {
  it('defaults to ./inbox with processed/, failed/ and the ledger inside it', () => {
    const c = loadIngestConfig({}, '/srv/app');
    expect(c.paths).toEqual({
      inbox: '/srv/app/inbox',
      processed: '/srv/app/inbox/processed',
      failed: '/srv/app/inbox/failed',
      ledger: '/srv/app/inbox/.newsflow/ledger.jsonl',
    });
    expect(c.limits.maxFileBytes).toBe(16 * 1024 * 1024);
    expect(c.http).toMatchObject({ enabled: true, port: 8081, host: '127.0.0.1' });
  });

  it('reads sizes, durations, extensions and turns the ledger off', () => {
    const c = loadIngestConfig(
      {
        NEWSFLOW_INGEST_MAX_FILE_BYTES: '2MiB',
        NEWSFLOW_INGEST_STABLE_FOR: '250ms',
        NEWSFLOW_INGEST_EXTENSIONS: 'txt, .JSONL',
        NEWSFLOW_INGEST_LEDGER: 'off',
      },
      '/x',
    );
    expect(c.limits.maxFileBytes).toBe(2 * 1024 * 1024);
    expect(c.watch.stableForMs).toBe(250);
    expect(c.limits.extensions).toEqual(['.txt', '.jsonl']);
    expect(c.paths.ledger).toBeNull();
  });

  it('names the variable that is wrong', () => {
    expect(() => loadIngestConfig({ NEWSFLOW_INGEST_EXTENSIONS: '.pdf' }, '/x')).toThrow(ConfigError);
    expect(() => loadIngestConfig({ NEWSFLOW_INGEST_PORT: 'eighty' }, '/x')).toThrow(/NEWSFLOW_INGEST_PORT/);
  });
});
