import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './harness/runner.js';

// The README's first contributor command: it must keep working from a clean clone.
describe('npm run demo', () => {
  it('starts the sample service, gates it, lints its migrations and spec, validates its pipeline and stops it', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/demo.mjs')], { cwd: repoRoot });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise((done) => child.on('close', done));
    expect(output).toContain('Health gate passed: 4/4 checks healthy');
    expect(output).toContain('Migration safety check passed with warnings: 0 errors, 1 warning in 2 files checked');
    expect(output).toContain('Contract check passed with warnings: 0 lint errors, 7 lint warnings');
    expect(output).toContain('1 file(s) checked, 0 finding(s)');
    expect(output).toContain('demo: every step passed');
    expect(code).toBe(0);
  }, 60_000);
});
