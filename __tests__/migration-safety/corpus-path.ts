// Where the trigger.dev corpus is: shared reference material next to the repository (../shared), or next to
// the folder holding it when the repository is a worktree one level deeper (../../shared).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CANDIDATES = [resolve(repoRoot, '..'), resolve(repoRoot, '..', '..')].map((dir) =>
  resolve(dir, 'shared', 'reference', 'corpora', 'trigger.dev-migrations')
);

/** The corpus folder; the first candidate (for the error message) when none exists. */
export const CORPUS = CANDIDATES.find((dir) => existsSync(dir)) ?? CANDIDATES[0];
