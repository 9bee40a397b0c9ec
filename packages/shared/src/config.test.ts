import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { intVar, loadConfig, natsConfigSchema, parseBytes, parseDuration } from './config.ts';
import { ConfigError } from './errors.ts';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig(natsConfigSchema, {});
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.NEWSFLOW_STREAM_MAX_AGE).toBe(30 * 86_400_000);
    expect(config.NEWSFLOW_MAX_MESSAGE_BYTES).toBe(1024 * 1024);
  });

  it('names every bad variable and what it got', () => {
    const run = () =>
      loadConfig(natsConfigSchema, { NEWSFLOW_STREAM_REPLICAS: 'three', NEWSFLOW_STREAM_MAX_AGE: '1 week' });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/NEWSFLOW_STREAM_REPLICAS: .*got 'three'/);
    expect(run).toThrow(/NEWSFLOW_STREAM_MAX_AGE: must be a duration/);
  });

  it('never prints a secret value', () => {
    const schema = z.object({ NATS_PASSWORD: z.string().min(12) });
    expect(() => loadConfig(schema, { NATS_PASSWORD: 'hunter2' })).toThrow(/a value \(hidden\)/);
    expect(() => loadConfig(schema, { NATS_PASSWORD: 'hunter2' })).not.toThrow(/hunter2/);
  });

  it('coerces integers', () => {
    expect(loadConfig(z.object({ N: intVar(3) }), { N: '7' }).N).toBe(7);
  });
});

describe('units', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['2h', 7_200_000],
    ['7d', 604_800_000],
  ])('parses duration %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it('rejects a duration without unit', () => expect(parseDuration('30')).toBeUndefined());
  it.each([
    ['1024', 1024],
    ['64KB', 64_000],
    ['4MiB', 4 * 1024 * 1024],
  ])('parses size %s', (text, n) => expect(parseBytes(text)).toBe(n));
});
