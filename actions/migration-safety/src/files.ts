// Which migration files exist, in what order they deploy, and which of them form the change set being linted.
// A small glob matcher of our own: the CLI must start fast, and the patterns needed are simple.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { compareMigrationPaths, isDownMigration, orderMigrations, type Framework } from './engine/framework.js';
import type { MigrationSource } from './engine/lint.js';

const GLOB_CHARS = /[*?[{]/;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** A glob as an anchored regular expression over `/`-separated paths: `**`, `*`, `?`, `[...]`, `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        if (atSegmentStart && slashAfter) {
          out += '(?:[^/]*/)*';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '\\' && i + 1 < glob.length) out += `\\${glob[++i]}`;
    else out += /[.+^$()|\\/\]{}]/.test(c) ? `\\${c}` : c;
  }
  if (braces > 0) throw new ConfigurationError(`glob "${glob}" has an unclosed {`);
  return new RegExp(`^${out}$`);
}

function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

interface Walk {
  base: string;
  depth: number;
  test: RegExp;
}

/** Splits a glob into the folder to start walking from and how deep the rest of the pattern can reach. */
function planWalk(pattern: string, cwd: string): Walk {
  const absolute = toPosix(resolve(cwd, pattern));
  const segments = absolute.split('/');
  const firstGlob = segments.findIndex((s) => isGlob(s));
  const base = segments.slice(0, firstGlob).join('/') || '/';
  const rest = segments.slice(firstGlob);
  return {
    base,
    depth: rest.some((s) => s.includes('**')) ? Infinity : rest.length,
    test: globToRegExp(absolute)
  };
}

function walk(dir: string, depth: number, visit: (path: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = dir === '/' ? `/${entry.name}` : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (depth > 1 && !SKIPPED_DIRS.has(entry.name)) walk(path, depth - 1, visit);
    } else if (entry.isFile() || entry.isSymbolicLink()) visit(path);
  }
}

/** How a file is named in reports: relative to cwd with `/`, or absolute when it lies outside. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = toPosix(relative(cwd, absolute));
  return rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel) ? toPosix(absolute) : rel;
}

export interface Expansion {
  /** Display paths, deduplicated, in migration order. */
  files: string[];
  /** Patterns (or plain paths) that matched nothing. */
  unmatched: string[];
}

/**
 * Expands files, folders (every .sql below) and globs relative to cwd. A pattern starting with `!` excludes;
 * so do the `exclude` globs (matched against the display path).
 */
export function expandPaths(patterns: readonly string[], cwd: string, exclude: readonly string[] = []): Expansion {
  const found = new Set<string>();
  const unmatched: string[] = [];
  const negations = [...exclude, ...patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1))].map((p) =>
    globToRegExp(p.replace(/^\.\//, ''))
  );
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    const before = found.size;
    if (!isGlob(pattern)) {
      const absolute = resolve(cwd, pattern);
      let stat;
      try {
        stat = statSync(absolute);
      } catch {
        unmatched.push(pattern);
        continue;
      }
      if (stat.isDirectory()) {
        const test = /\.sql$/i;
        walk(toPosix(absolute), Infinity, (path) => {
          if (test.test(path)) found.add(displayPath(path, cwd));
        });
      } else found.add(displayPath(absolute, cwd));
    } else {
      const plan = planWalk(pattern, cwd);
      walk(plan.base, plan.depth, (path) => {
        if (plan.test.test(path)) found.add(displayPath(path, cwd));
      });
    }
    if (found.size === before) unmatched.push(pattern);
  }
  const files = [...found].filter((f) => !negations.some((n) => n.test(f))).sort(compareMigrationPaths);
  return { files, unmatched };
}

/** Drops down (rollback) migrations, which are not what a deploy runs, and puts the rest in the tool's order. */
export function upMigrations(files: readonly string[], framework: Framework): string[] {
  return orderMigrations(
    files.filter((f) => !isDownMigration(f, framework)),
    framework
  );
}

/** Reads a migration; a failure is one line naming the file. */
export function readMigration(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EISDIR' ? 'it is a directory' : code === 'ENOENT' ? 'no such file' : (code ?? error);
    throw new ConfigurationError(`cannot read ${file}: ${reason}`);
  }
}

/**
 * The engine's input. `changeSet` undefined lints every file as its own change set (a whole history, each
 * migration judged as it was deployed); a set lints only those files, together, after replaying the rest.
 * Files after the last linted one cannot influence anything, so they are not read at all.
 */
export function buildSources(
  files: readonly string[],
  cwd: string,
  changeSet?: ReadonlySet<string>
): MigrationSource[] {
  if (changeSet === undefined)
    return files.map((path, i) => ({ path, text: readMigration(path, cwd), lint: true, changeSet: i + 1 }));
  let last = -1;
  files.forEach((path, i) => {
    if (changeSet.has(path)) last = i;
  });
  return files.slice(0, last + 1).map((path, i) => {
    const lint = changeSet.has(path);
    return { path, text: readMigration(path, cwd), lint, changeSet: lint ? 0 : i + 1 };
  });
}

// ---- git ----

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024
  });
}

function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch {
    return undefined;
  }
}

function gitFailure(error: unknown): string {
  return (error as { stderr?: string }).stderr?.trim().split('\n').pop() || String(error);
}

function checkRef(ref: string, what: string): void {
  if (!/^[\w./@^~-]+$/.test(ref) || ref.startsWith('-'))
    throw new ConfigurationError(`${what} "${ref}" is not a git ref`);
}

function topLevel(cwd: string): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch (error) {
    throw new ConfigurationError(`${cwd} is not in a git repository: ${gitFailure(error)}`);
  }
}

/** Maps repository-relative paths (as git prints them) to display paths relative to cwd. */
function fromRepo(paths: string, top: string, cwd: string): Set<string> {
  const realCwd = realpathSync(cwd);
  return new Set(
    paths
      .split('\n')
      .filter((p) => p !== '')
      .map((p) => displayPath(join(top, p), realCwd))
  );
}

/** The commit-ish for a branch name: itself, origin/<name>, or fetched from origin (shallow clones lack it). */
export function resolveBaseRef(cwd: string, ref: string): string {
  checkRef(ref, 'base branch');
  for (const candidate of [ref, `origin/${ref}`])
    if (tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]) !== undefined) return candidate;
  try {
    git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', ref]);
  } catch (error) {
    throw new ConfigurationError(
      `base branch "${ref}" is not in the clone and could not be fetched: ${gitFailure(error)}`
    );
  }
  return git(cwd, ['rev-parse', 'FETCH_HEAD']).trim();
}

/**
 * The merge base of base and HEAD. actions/checkout clones one commit deep, so there is none at first: deepen
 * the history a little, then fully, before giving up.
 */
function mergeBase(cwd: string, base: string, ref: string): string {
  const attempt = () => tryGit(cwd, ['merge-base', base, 'HEAD'])?.trim();
  let found = attempt();
  if (found) return found;
  // On pull requests actions/checkout checks out the merge commit, whose first parent is the base branch tip:
  // the commit object names its parents even when they were not fetched.
  const baseCommit = tryGit(cwd, ['rev-parse', `${base}^{commit}`])?.trim();
  const parents = [...(tryGit(cwd, ['cat-file', 'commit', 'HEAD']) ?? '').matchAll(/^parent ([0-9a-f]+)$/gm)].map(
    (m) => m[1]
  );
  if (baseCommit && parents.includes(baseCommit)) return baseCommit;
  const shallow = tryGit(cwd, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
  if (shallow) {
    for (const args of [
      ['fetch', '--no-tags', '--deepen=100', 'origin', ref],
      ['fetch', '--no-tags', '--unshallow', 'origin', ref]
    ]) {
      if (tryGit(cwd, args) === undefined) continue;
      found = attempt();
      if (found) return found;
    }
  }
  throw new ConfigurationError(
    `no common history between HEAD and the base branch "${ref}"; use actions/checkout with fetch-depth: 0`
  );
}

/** Files added or modified on this branch since it left `baseRef` (git diff --diff-filter=AM base...HEAD). */
export function changedFiles(cwd: string, baseRef: string): Set<string> {
  const top = topLevel(cwd);
  const base = resolveBaseRef(cwd, baseRef);
  const from = mergeBase(cwd, base, baseRef);
  const names = git(cwd, ['diff', '--name-only', '--no-renames', '--diff-filter=AM', from, 'HEAD']);
  return fromRepo(names, top, cwd);
}

/** Every file present at `ref` (so `--since ref` can tell which ones were added after it). */
export function filesAtRef(cwd: string, ref: string): Set<string> {
  checkRef(ref, '--since');
  const top = topLevel(cwd);
  if (tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) === undefined)
    throw new ConfigurationError(`--since: "${ref}" is not a commit in this repository`);
  return fromRepo(git(cwd, ['ls-tree', '-r', '--name-only', '--full-tree', ref]), top, cwd);
}
