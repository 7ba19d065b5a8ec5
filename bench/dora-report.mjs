#!/usr/bin/env node
// dora-report's API budget on a synthetic year (1,000 deployments, 5,000 commits, 1,500 PRs, 40 incidents) in
// the GitHub emulator, side by side with the naive REST approach (a call per deployment for its statuses, a
// call per commit for its PR), both counted from the emulator's request log. Target: <= 50 calls, < 10 s.
// It bundles bench/dora-report-run.ts with ncc into a temporary folder and runs it (the emulator in a child
// process, so the timing is the client's).
// Usage: node bench/dora-report.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = mkdtempSync(join(tmpdir(), 'ubos-dora-bench-'));
let status;
try {
  const ncc = spawnSync(
    process.execPath,
    [require.resolve('@vercel/ncc/dist/ncc/cli.js'), 'build', 'bench/dora-report-run.ts', '-o', out, '-q'],
    { cwd: root, stdio: 'inherit' }
  );
  if (ncc.status !== 0) throw new Error('ncc could not bundle bench/dora-report-run.ts');
  status = spawnSync(process.execPath, [join(out, 'index.js')], { cwd: root, stdio: 'inherit' }).status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(status);
