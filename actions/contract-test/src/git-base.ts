// Reads the base branch's spec straight from git, so a pull request is compared with what its base has
// without a second checkout. A shallow clone (actions/checkout's default) lacks the base ref: fetch it once.
import { execFileSync } from 'node:child_process';
import { relative, sep } from 'node:path';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024
  });
}

function canResolve(cwd: string, ref: string): boolean {
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The commit-ish to read from: the ref itself, origin/<ref>, or the ref fetched from origin. */
export function resolveBaseRef(repoDir: string, ref: string): string {
  if (!/^[\w./@^~-]+$/.test(ref) || ref.startsWith('-'))
    throw new ConfigurationError(`base-ref "${ref}" is not a git ref`);
  for (const candidate of [ref, `origin/${ref}`]) if (canResolve(repoDir, candidate)) return candidate;
  try {
    git(repoDir, ['fetch', '--no-tags', '--depth=1', 'origin', ref]);
  } catch (error) {
    const reason = (error as { stderr?: string }).stderr?.trim().split('\n').pop() ?? String(error);
    throw new ConfigurationError(`base-ref "${ref}" is not in the clone and could not be fetched: ${reason}`);
  }
  return 'FETCH_HEAD';
}

/** A readFile for the spec loader that serves files as they are at `commit` (paths absolute, inside repoDir). */
export function fileReaderAt(repoDir: string, commit: string): (path: string) => string {
  const top = git(repoDir, ['rev-parse', '--show-toplevel']).trim();
  return (path: string) => {
    const inRepo = relative(top, path).split(sep).join('/');
    if (inRepo.startsWith('..')) throw new ConfigurationError(`${path} is outside the git repository`);
    try {
      return git(top, ['show', `${commit}:${inRepo}`]);
    } catch {
      throw new ConfigurationError(`${inRepo} does not exist at ${commit}`);
    }
  };
}
