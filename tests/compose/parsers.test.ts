import { describe, expect, it } from 'vitest';
import { execForm, inherited, parseDockerfile } from './dockerfile.ts';
import { parseNatsConf } from './nats-conf.ts';
import { namesInSource } from './service-env.ts';

describe('the helpers the deployment checks rely on', () => {
  it('reads nats.conf settings but never ones in comments, and keeps URLs whole', () => {
    const conf = parseNatsConf(
      [
        'http_port = 8222 // monitoring',
        'routes: nats://a:6222',
        'jetstream {',
        '  # sync_interval: always',
        '  store_dir: "/data/js"',
        '  limits { sync_interval: always }',
        '}',
      ].join('\n'),
    );
    expect(conf.get('http_port')).toBe('8222');
    expect(conf.get('routes')).toBe('nats://a:6222');
    expect(conf.get('store_dir')).toBeUndefined();
    expect(conf.block('jetstream')?.get('store_dir')).toBe('/data/js');
    expect(conf.block('jetstream')?.get('sync_interval')).toBeUndefined();
  });

  it('splits a Dockerfile into stages, joining continuations and following stage inheritance', () => {
    const stages = parseDockerfile(
      [
        '# syntax=docker/dockerfile:1',
        'FROM --platform=$BUILDPLATFORM node:24-slim AS base',
        'USER node',
        'RUN npm ci \\',
        '  # a comment inside a continuation',
        '  --omit=dev',
        'from base as app',
        'CMD ["node", "main.ts"]',
      ].join('\n'),
    );
    expect(stages.map((s) => [s.base, s.name])).toEqual([
      ['node:24-slim', 'base'],
      ['base', 'app'],
    ]);
    expect(stages[0]?.instructions[1]?.args).toMatch(/^npm ci\s+--omit=dev$/);
    expect(inherited(stages, 'app', 'USER')).toBe('node');
    expect(execForm(inherited(stages, 'app', 'CMD') ?? '')).toEqual(['node', 'main.ts']);
  });

  it('finds the variables a source reads through a config schema or env directly', () => {
    const names = namesInSource(
      [
        'export const s = natsConfigSchema.extend({',
        '  NEWSFLOW_STORE_PORT: intVar(8080, 0),',
        '  DATABASE_URL: z.string().optional(),',
        '});',
        "const home = process.env.HOME_DIR ?? env['NEWSFLOW_X'];",
        'const notAVar = { TOTAL_COUNT: 3 };',
      ].join('\n'),
    );
    expect([...names].sort()).toEqual(['DATABASE_URL', 'HOME_DIR', 'NEWSFLOW_STORE_PORT', 'NEWSFLOW_X']);
  });
});
