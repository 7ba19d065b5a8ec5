// jest project: integration (runs the bundled CLI, dist/cli: npm run build first)
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './harness/runner.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ubos-cli-pipe-'));
  mkdirSync(join(dir, 'migrations'));
  // Enough findings for a report far larger than a pipe's buffer.
  for (let i = 0; i < 400; i++)
    writeFileSync(
      join(dir, 'migrations', `${String(i).padStart(4, '0')}.sql`),
      `ALTER TABLE t${i} ADD COLUMN c int NOT NULL;\nCREATE INDEX i${i} ON t${i} (c);\n`
    );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('stops quietly when the reader of its output goes away (`| head`), with no stack trace', async () => {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bin/ubos-actions.js'), 'migration-safety', 'migrations', '--format', 'json'],
    { cwd: dir }
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Read the first piece, then close the pipe, as `head -c` does.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
  expect(code).not.toBeNull();
  expect([0, 1]).toContain(code);
});
