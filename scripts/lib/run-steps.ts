import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface Step {
  name: string;
  script: string;
  args?: string[];
}

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Runs each step as its own Node process (so one step's memory and JIT state do not colour the next), printing
 * its output as it goes. Returns the names of failed steps.
 */
export function runSteps(title: string, steps: readonly Step[], only: readonly string[]): string[] {
  const failed: string[] = [];
  for (const step of steps) {
    if (only.length && !only.includes(step.name)) continue;
    process.stdout.write(
      `\n=== ${title}: ${step.name} (node ${step.script} ${(step.args ?? []).join(' ')})\n`,
    );
    const r = spawnSync(process.execPath, [join(ROOT, step.script), ...(step.args ?? [])], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (r.status !== 0) failed.push(step.name);
  }
  return failed;
}
