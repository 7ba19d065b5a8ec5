// What the actions ask git: the base a pull request is compared with, the files it changed, and files as they
// are at a commit. One implementation for every action, so they all compare against the same commit.
//
// The base is the MERGE BASE of the base branch and HEAD, everywhere: what the branch started from, as GitHub's
// own "Files changed" tab (a three-dot diff) shows it. On a pull request checkout (actions/checkout's default
// refs/pull/N/merge) HEAD is the merge commit whose first parent is the base branch tip, so the merge base is
// that tip; on a branch checkout it is where the branch left its base, so commits the base branch received
// since are not mistaken for changes of the branch.
//
// Every listing is read NUL-separated (`-z`): git then prints names as they are, never quoted or escaped, so
// names with spaces, quotes, backslashes, newlines, control characters or non-ASCII letters are not lost.
import { execFileSync } from 'node:child_process';
import { ConfigurationError } from './errors.js';

/** Local commands answer in well under a second; the limit only stops a hang (a lock, a broken repository). */
const LOCAL_TIMEOUT_MS = 60_000;
/** Fetches from origin: a shallow clone of a large repository may need minutes to deepen. */
const FETCH_TIMEOUT_MS = 10 * 60_000;

function run(cwd: string, args: string[], timeout = LOCAL_TIMEOUT_MS): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
    timeout,
    killSignal: 'SIGKILL',
    // A fetch that needs credentials fails at once instead of waiting for a prompt nobody answers.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' }
  });
}

function tryRun(cwd: string, args: string[], timeout?: number): string | undefined {
  try {
    return run(cwd, args, timeout);
  } catch {
    return undefined;
  }
}

/** git's last line of stderr, or why the command did not run (not installed, timed out). */
export function gitFailure(error: unknown): string {
  const failure = error as { stderr?: string; code?: string; signal?: string; message?: string };
  if (failure.code === 'ENOENT') return 'git is not installed (apt-get install git)';
  if (failure.code === 'ETIMEDOUT' || failure.signal === 'SIGKILL') return 'git did not answer in time';
  return failure.stderr?.trim().split('\n').pop() || failure.message || String(error);
}

/** NUL-separated output as a list, without the empty entry after the last NUL. */
function nulSeparated(output: string): string[] {
  return output.split('\0').filter((name) => name !== '');
}

/** One line of output without its line break (a path may end in spaces: trim() would change it). */
function line(output: string): string {
  return output.replace(/\r?\n$/, '');
}

/** Refuses anything git could take for an option or a revision expression it should not evaluate. */
export function checkRef(ref: string, what: string): void {
  if (!/^[\w./@^~-]+$/.test(ref) || ref.startsWith('-'))
    throw new ConfigurationError(`${what} "${ref}" is not a git ref`);
}

/** The repository's top-level folder (as git reports it: the real path). */
export function repositoryRoot(cwd: string): string {
  try {
    return line(run(cwd, ['rev-parse', '--show-toplevel']));
  } catch (error) {
    throw new ConfigurationError(`${cwd} is not in a git repository: ${gitFailure(error)}`);
  }
}

/** The commit a ref names, or undefined when the clone does not have it. */
export function commitOf(cwd: string, ref: string): string | undefined {
  const sha = tryRun(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return sha === undefined ? undefined : line(sha);
}

/**
 * The commit of a branch (or tag, or commit): itself, `origin/<name>`, or fetched from origin once, one commit
 * deep (a shallow clone holds only HEAD). `what` names the setting in messages, e.g. `base branch`.
 */
export function resolveRef(cwd: string, ref: string, what: string): string {
  checkRef(ref, what);
  for (const candidate of [ref, `origin/${ref}`]) {
    const sha = commitOf(cwd, candidate);
    if (sha) return sha;
  }
  try {
    run(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', ref], FETCH_TIMEOUT_MS);
  } catch (error) {
    throw new ConfigurationError(`${what} "${ref}" is not in the clone and could not be fetched: ${gitFailure(error)}`);
  }
  // Read at once: the deepening fetches below overwrite FETCH_HEAD.
  const sha = commitOf(cwd, 'FETCH_HEAD');
  if (!sha) throw new ConfigurationError(`${what} "${ref}" was fetched but names no commit`);
  return sha;
}

/**
 * The merge base of `baseCommit` and HEAD. actions/checkout clones one commit deep, so there is none at first:
 * a pull request's merge commit names the base tip as a parent (no fetch needed); otherwise the history is
 * deepened a little, then fully, before giving up. `ref` is what to fetch from origin when deepening.
 */
export function mergeBase(cwd: string, baseCommit: string, ref: string, what: string): string {
  const attempt = () => {
    const found = tryRun(cwd, ['merge-base', baseCommit, 'HEAD']);
    return found === undefined ? undefined : line(found);
  };
  let found = attempt();
  if (found) return found;
  // The commit object names its parents even when they were not fetched.
  const parents = [...(tryRun(cwd, ['cat-file', 'commit', 'HEAD']) ?? '').matchAll(/^parent ([0-9a-f]+)$/gm)].map(
    (m) => m[1]
  );
  if (parents.includes(baseCommit)) return baseCommit;
  if (tryRun(cwd, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true') {
    for (const args of [
      ['fetch', '--no-tags', '--deepen=100', 'origin', ref],
      ['fetch', '--no-tags', '--unshallow', 'origin', ref]
    ]) {
      if (tryRun(cwd, args, FETCH_TIMEOUT_MS) === undefined) continue;
      found = attempt();
      if (found) return found;
    }
  }
  throw new ConfigurationError(
    `no common history between HEAD and the ${what} "${ref}"; use actions/checkout with fetch-depth: 0`
  );
}

/** The commit a branch is compared with: the merge base of `ref` and HEAD (see the top of this file). */
export function baseCommit(cwd: string, ref: string, what: string): string {
  return mergeBase(cwd, resolveRef(cwd, ref, what), ref, what);
}

/**
 * Files added, modified or changed in type (a file turned into a symbolic link) between `from` and HEAD, as
 * paths relative to the repository root. Renames count as additions.
 */
export function changedFiles(cwd: string, from: string): string[] {
  try {
    return nulSeparated(run(cwd, ['diff', '-z', '--name-only', '--no-renames', '--diff-filter=AMT', from, 'HEAD']));
  } catch (error) {
    throw new ConfigurationError(`cannot list the files changed since ${from}: ${gitFailure(error)}`);
  }
}

/** Every file present at a commit, as paths relative to the repository root. */
export function filesAtCommit(cwd: string, commit: string): string[] {
  try {
    return nulSeparated(run(cwd, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit]));
  } catch (error) {
    throw new ConfigurationError(`cannot list the files at ${commit}: ${gitFailure(error)}`);
  }
}

/** A file's content at a commit (path relative to the repository root), or undefined when it is not there. */
export function fileAtCommit(cwd: string, commit: string, path: string): string | undefined {
  // `commit:path` takes the path literally up to the end; a path git could read as a pathspec magic is fine.
  return tryRun(cwd, ['cat-file', 'blob', `${commit}:${path}`]);
}
