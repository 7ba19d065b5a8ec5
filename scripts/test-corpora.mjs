#!/usr/bin/env node
// `npm run test:corpora`: the suites that read the workspace's shared reference corpora. They live beside the
// repository (../shared/reference/corpora; ../../shared when the repository is a worktree one level deeper), not
// in it, so a clone from GitHub has none: this says so in one line instead of a wall of failed tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REQUIRED = ['trigger.dev-migrations'];
const candidates = [resolve(root, '..'), resolve(root, '..', '..')].map((dir) =>
  join(dir, 'shared', 'reference', 'corpora')
);
const found = process.env.UBOS_CORPORA_DIR ?? candidates.find((dir) => existsSync(dir));
const missing = found ? REQUIRED.filter((name) => !existsSync(join(found, name))) : REQUIRED;
if (!found || missing.length > 0) {
  console.error(
    `test:corpora: the shared corpora are missing: expected ${missing.join(', ')} in ${found ?? candidates[0]} ` +
      '(the workspace folder shared/ beside the repository; or set UBOS_CORPORA_DIR)'
  );
  process.exit(1);
}

const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, '-c', 'jest.corpora.config.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    UBOS_CORPORA_DIR: found,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ')
  }
});
process.exit(result.status ?? 1);
