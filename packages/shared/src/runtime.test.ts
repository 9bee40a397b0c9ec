import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  it('runs on Node 24 (brought by the `node` devDependency, whatever Node the machine has)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(24);
  });

  it('can run TypeScript directly (type stripping), which the services rely on', () => {
    expect((process.features as { typescript?: string }).typescript).toBeTruthy();
  });
});
