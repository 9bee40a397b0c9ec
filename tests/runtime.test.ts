import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('project runtime', () => {
  it('npm scripts run on the Node 24 the project brings, even when the machine has another node first on PATH', () => {
    const out = execFileSync('npm', ['run', '--silent', 'node:version'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PATH: `/usr/bin:/usr/local/bin:${process.env.PATH}` },
    });
    expect(out.trim()).toMatch(/^v24\./);
  });
});
