// Which migration files exist, in what order they deploy, and which of them form the change set being linted.
// Globs and display paths come from shared/src/lib/glob.ts, git from shared/src/lib/git.ts.
//
// What a folder or a glob pulls in stays inside it: a symbolic link found there whose target lies outside the
// folder (for a glob, its leading folder without glob characters) is refused with one error naming the link,
// before anything is read, and so is a folder written relative to the working directory that is itself a link
// out of it. A file named explicitly is read where it is, except that with `workspace` set (the
// action) a path inside the workspace must not lead out of it. `..` in a pattern is resolved on the path as
// written, before any link, so it cannot climb out of a linked folder either.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import * as git from '../../../shared/src/lib/git.js';
import {
  displayPath,
  globToRegExp,
  hasExtension,
  isGlob,
  isInside,
  planGlobWalk,
  toPosix,
  walkFiles
} from '../../../shared/src/lib/glob.js';
import { decodeMigration } from './engine/encoding.js';
import {
  compareMigrationPaths,
  isDownMigration,
  orderMigrations,
  type FileHints,
  type Framework,
  type ProjectReader
} from './engine/framework.js';
import type { MigrationSource } from './engine/lint.js';

export { displayPath, globToRegExp };

export interface Expansion {
  /** Display paths, deduplicated, in migration order. */
  files: string[];
  /** Patterns (or plain paths) that matched nothing. */
  unmatched: string[];
}

export interface ExpandOptions {
  /**
   * The action's workspace: every file, named or found, must lie inside it, also once symbolic links are
   * followed. Without it (the CLI) a file named explicitly is read wherever it is.
   */
  workspace?: string;
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Expands files, folders (every .sql below, in any case) and globs relative to cwd. A pattern starting with `!`
 * excludes; so do the `exclude` globs (matched against the display path). Throws one ConfigurationError naming
 * the link when a symbolic link leads out of the folder (or workspace) it was found in; see the top of the file.
 */
export function expandPaths(
  patterns: readonly string[],
  cwd: string,
  exclude: readonly string[] = [],
  options: ExpandOptions = {}
): Expansion {
  // Display path -> why it may not be read (undefined: it may).
  const found = new Map<string, string | undefined>();
  const unmatched: string[] = [];
  const negations = [...exclude, ...patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1))].map((p) =>
    globToRegExp(p.replace(/^\.\//, ''))
  );
  const workspace = options.workspace === undefined ? undefined : resolve(cwd, options.workspace);
  const realWorkspace = workspace === undefined ? undefined : (realPath(workspace) ?? workspace);
  /** Why a path may not be read under the workspace rule, if it may not. */
  const outsideWorkspace = (absolute: string): string | undefined => {
    if (workspace === undefined || realWorkspace === undefined) return undefined;
    if (!isInside(workspace, absolute)) return 'is outside the workspace';
    const real = realPath(absolute);
    return real !== undefined && !isInside(realWorkspace, real)
      ? 'leads outside the workspace through a symbolic link'
      : undefined;
  };
  const add = (absolute: string, refusal: string | undefined) => {
    const display = displayPath(absolute, cwd);
    if (!found.has(display) || refusal !== undefined) found.set(display, refusal);
  };
  const base = resolve(cwd);
  const realBase = realPath(base) ?? base;
  /** Files found below `root` (a folder or a glob's leading folder): links must stay inside it. */
  const collect = (root: string, depth: number, test: (path: string) => boolean) => {
    let rootRefusal = outsideWorkspace(root);
    // A folder written relative to the working directory (a default folder, a config glob) that is itself a
    // link out of it pulls in files from elsewhere: refused like a link found inside it.
    const realRootPath = realPath(root);
    if (
      rootRefusal === undefined &&
      isInside(base, root) &&
      realRootPath !== undefined &&
      !isInside(realBase, realRootPath)
    )
      rootRefusal = 'is under a symbolic link that leads outside the working directory';
    const realRoot = realRootPath ?? root;
    const label = resolve(root) === resolve(cwd) ? '.' : displayPath(root, cwd);
    walkFiles(toPosix(root), depth, (path, entry) => {
      if (!test(path)) return;
      let refusal = rootRefusal;
      if (refusal === undefined && entry.isSymbolicLink()) {
        const real = realPath(path);
        // A dangling link is left to the read, which names it as missing.
        if (real !== undefined && !isInside(realRoot, real))
          refusal = `is a symbolic link that leads outside ${label === '.' ? 'the folder it was found in' : label}`;
      }
      add(path, refusal);
    });
  };
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
      if (stat.isDirectory()) collect(absolute, Infinity, (path) => hasExtension(path, 'sql'));
      else add(absolute, outsideWorkspace(absolute));
    } else {
      const plan = planGlobWalk(pattern, cwd);
      collect(plan.base, plan.depth, (path) => plan.test.test(path));
    }
    if (found.size === before) unmatched.push(pattern);
  }
  const kept = [...found].filter(([file]) => !negations.some((n) => n.test(file)));
  const refused = kept.find(([, refusal]) => refusal !== undefined);
  if (refused)
    throw new ConfigurationError(`${refused[0]} ${refused[1]}: refused, nothing was read (see Security in the README)`);
  const files = kept.map(([file]) => file).sort(compareMigrationPaths);
  return { files, unmatched };
}

/** Drops down (rollback) migrations, which are not what a deploy runs, and puts the rest in the tool's order. */
export function upMigrations(files: readonly string[], framework: Framework): string[] {
  return orderMigrations(
    files.filter((f) => !isDownMigration(f, framework)),
    framework
  );
}

/** Project files (journals, plans, sum files, metadata.toml) are small: a larger one is refused, not read. */
const PROJECT_FILE_LIMIT = 16 * 1024 * 1024;

/**
 * What a migration tool reads beside the migrations, for planMigrations (engine/framework.ts): a project file
 * found next to the files is pulled in by them, so with `workspace` set (the action) it must stay inside the
 * workspace, also once symbolic links are followed; one that leads out is refused with one line.
 */
export function projectReader(cwd: string, options: ExpandOptions = {}): ProjectReader {
  const workspace = options.workspace === undefined ? undefined : resolve(cwd, options.workspace);
  const realWorkspace = workspace === undefined ? undefined : (realPath(workspace) ?? workspace);
  /** The absolute path of a regular file, or undefined; `reading` applies the workspace rule and the size limit. */
  const check = (file: string, reading: boolean): string | undefined => {
    const path = resolve(cwd, file);
    let stat;
    try {
      // Framework detection asks for a project file beside each of hundreds of folders: most are missing, and a
      // thrown error per miss is measurable.
      stat = statSync(path, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!stat?.isFile()) return undefined;
    if (!reading) return path;
    if (workspace !== undefined && realWorkspace !== undefined) {
      const real = realPath(path);
      if (!isInside(workspace, path) || (real !== undefined && !isInside(realWorkspace, real)))
        throw new ConfigurationError(
          `${file} leads outside the workspace: refused, nothing was read (see Security in the README)`
        );
    }
    if (stat.size > PROJECT_FILE_LIMIT) throw new ConfigurationError(`${file} is larger than 16 MiB: refused`);
    return path;
  };
  return {
    exists: (file) => check(file, false) !== undefined,
    read(file) {
      if (check(file, true) === undefined) return undefined;
      const { text, encodingError } = decodeMigration(readBytes(file, cwd));
      if (encodingError) throw new ConfigurationError(`${file}: ${encodingError.message}`);
      return text;
    }
  };
}

function readBytes(file: string, cwd: string): Buffer {
  const path = resolve(cwd, file);
  const reason = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EISDIR' ? 'it is a directory' : code === 'ENOENT' ? 'no such file' : (code ?? String(error));
  };
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ConfigurationError(`cannot read ${file}: it is a directory`);
    // A FIFO or a device would block the read or never end.
    if (!stat.isFile()) throw new ConfigurationError(`cannot read ${file}: not a regular file`);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`cannot read ${file}: ${reason(error)}`);
  }
}

/** Reads and decodes a migration (see engine/encoding.ts); a failure to read is one line naming the file. */
export function readMigrationSource(file: string, cwd: string): Pick<MigrationSource, 'text' | 'encodingError'> {
  return decodeMigration(readBytes(file, cwd));
}

/** The text of a migration as the engine sees it. */
export function readMigration(file: string, cwd: string): string {
  return readMigrationSource(file, cwd).text;
}

/**
 * The engine's input. `changeSet` undefined lints every file as its own change set (a whole history, each
 * migration judged as it was deployed); a set lints only those files, together, after replaying the rest.
 * Files after the last linted one cannot influence anything, so they are not read at all.
 */
export function buildSources(
  files: readonly string[],
  cwd: string,
  changeSet?: ReadonlySet<string>,
  hints?: ReadonlyMap<string, FileHints>
): MigrationSource[] {
  const withHints = (source: MigrationSource): MigrationSource => {
    const framework = hints?.get(source.path);
    return framework ? { ...source, framework } : source;
  };
  if (changeSet === undefined)
    return files.map((path, i) => withHints({ path, ...readMigrationSource(path, cwd), lint: true, changeSet: i + 1 }));
  let last = -1;
  files.forEach((path, i) => {
    if (changeSet.has(path)) last = i;
  });
  return files.slice(0, last + 1).map((path, i) => {
    const lint = changeSet.has(path);
    return withHints({ path, ...readMigrationSource(path, cwd), lint, changeSet: lint ? 0 : i + 1 });
  });
}

// ---- git (shared/src/lib/git.ts: the same base and the same listings as every other action) ----

/** Maps repository-relative paths (as git lists them) to display paths relative to cwd. */
function fromRepo(paths: readonly string[], top: string, cwd: string): Set<string> {
  const realCwd = realPath(cwd) ?? cwd;
  return new Set(paths.map((p) => displayPath(join(top, p), realCwd)));
}

/**
 * Files added or modified on this branch since it left `baseRef`: the diff from the merge base of the base
 * branch and HEAD (the base every action uses, see shared/src/lib/git.ts) to HEAD.
 */
export function changedFiles(cwd: string, baseRef: string): Set<string> {
  const top = git.repositoryRoot(cwd);
  const base = git.baseCommit(cwd, baseRef, 'base branch');
  return fromRepo(git.changedFiles(cwd, base), top, cwd);
}

/**
 * Every file present where this branch left `ref` (the merge base of `ref` and HEAD, as for pull requests), so
 * `--since ref` can tell which ones the branch added. For an ancestor of HEAD (a tag, an earlier commit) that
 * is `ref` itself.
 */
export function filesAtRef(cwd: string, ref: string): Set<string> {
  git.checkRef(ref, '--since');
  const top = git.repositoryRoot(cwd);
  const commit = git.commitOf(cwd, ref);
  if (commit === undefined) throw new ConfigurationError(`--since: "${ref}" is not a commit in this repository`);
  return fromRepo(git.filesAtCommit(cwd, git.mergeBase(cwd, commit, ref, '--since ref')), top, cwd);
}
