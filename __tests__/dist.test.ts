import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './harness/runner.js';

// The runner executes dist/, not the sources: a stale bundle would ship code nobody tested.
describe('dist/', () => {
  it('is byte-identical to a fresh build and committed', () => {
    const check = spawnSync(process.execPath, [join(repoRoot, 'scripts/check-dist.mjs')], {
      cwd: repoRoot,
      encoding: 'utf8'
    });
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/dist\/ matches a fresh build \(\d+ files\)/);
    expect(check.status).toBe(0);
  }, 180_000);
});
