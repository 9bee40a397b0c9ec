import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTarget, loadCompose, newsflowServices, repoRoot } from './compose-file.ts';
import { ancestry, envNames, parseDockerfile } from './dockerfile.ts';
import {
  baseProblems,
  contextCopyProblems,
  dependencyProblems,
  ignoreProblems,
  targetProblems,
  userProblems,
} from './dockerfile-checks.ts';
import { envReadBy } from './service-env.ts';

const text = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
const stages = parseDockerfile(text);
const dockerignore = readFileSync(join(repoRoot, '.dockerignore'), 'utf8');
const compose = loadCompose();
/** Dockerfile target -> service it must run, from docker-compose.yml. */
const serviceByTarget = Object.fromEntries(
  newsflowServices(compose).map((name) => [buildTarget(compose.services[name] as never), name]),
);
const targets = Object.keys(serviceByTarget);

/** The Dockerfile with one textual change, parsed, to show a check catches that mistake. */
const edited = (from: string | RegExp, to: string) => {
  const changed = text.replace(from, to);
  expect(changed, `edit ${String(from)} did not apply`).not.toBe(text);
  return parseDockerfile(changed);
};

describe('Dockerfile', () => {
  it('builds on the official Node 24 slim image, in several stages', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(baseProblems(stages)).toEqual([]);
    expect(baseProblems(edited(/FROM node:24-slim AS runtime/, 'FROM node:22 AS runtime'))).toEqual([
      'base image node:22 is not node:24-slim',
    ]);
  });

  it('installs production dependencies from the lockfile in a stage the service images copy from', () => {
    expect(dependencyProblems(stages, targets)).toEqual([]);
    expect(dependencyProblems(edited('npm ci --omit=dev', 'npm ci'), targets)).toContain(
      'no `npm ci --omit=dev`',
    );
  });

  it('has a stage for every compose build target, running that service with node', () => {
    expect(targets.sort()).toEqual(['extract', 'ingest', 'store']);
    expect(targetProblems(stages, serviceByTarget)).toEqual([]);
    expect(
      targetProblems(edited('services/store/src/main.ts', 'services/store/src/index.ts'), serviceByTarget),
    ).toHaveLength(1);
  });

  it('runs every service as a non-root user', () => {
    expect(userProblems(stages, targets)).toEqual([]);
    expect(userProblems(edited(/^USER node$/m, 'USER root'), targets)).toHaveLength(3);
  });

  it('sets only environment variables the target service reads (NODE_ENV aside)', async () => {
    for (const [target, service] of Object.entries(serviceByTarget)) {
      const reads = await envReadBy(service);
      const unread = envNames(stages, target).filter((n) => n !== 'NODE_ENV' && !reads.names.has(n));
      expect(unread, `${target}: ${reads.sources.join('; ')}`).toEqual([]);
    }
    expect(envNames(edited('ENV NEWSFLOW_INBOX=', 'ENV NEWSFLOW_INBOX_DIR='), 'ingest')).toContain(
      'NEWSFLOW_INBOX_DIR',
    );
  });

  it('keeps every service stage on the same runtime stage, so the three images share their layers', () => {
    const runtimes = targets.map((t) => ancestry(stages, t)[1]?.name);
    expect(new Set(runtimes).size).toBe(1);
  });

  it('never copies the whole build context, and .dockerignore keeps node_modules, .git and data out', () => {
    expect(contextCopyProblems(stages)).toEqual([]);
    expect(contextCopyProblems(edited('COPY services ./services', 'COPY . .'))).toHaveLength(1);
    expect(ignoreProblems(dockerignore)).toEqual([]);
    expect(ignoreProblems(dockerignore.replace('**/node_modules', ''))).toEqual([
      '**/node_modules not ignored',
    ]);
  });
});
