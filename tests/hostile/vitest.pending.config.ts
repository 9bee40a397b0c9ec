import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Runs the hostile tests that document open bugs (`*.pending.ts`, which the main config never picks up):
//   npx vitest run -c tests/hostile/vitest.pending.config.ts [file]
// Each is expected to fail until its bug is fixed; then rename it to `*.test.ts`.
export default defineConfig({
  root: join(import.meta.dirname, '..', '..'),
  test: {
    name: 'hostile-pending',
    include: ['tests/hostile/**/*.pending.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
