// shared/src/lib/git.ts against real git repositories: NUL-separated listings (no name is quoted or lost), one
// base for every action (the merge base of the base branch and HEAD), shallow clones deepened on demand.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileReaderAt, resolveBaseRef } from '../../actions/contract-test/src/git-base.js';
import { changedFiles as migrationChanges, expandPaths } from '../../actions/migration-safety/src/files.js';
import {
  baseCommit,
  changedFiles,
  checkRef,
  commitOf,
  fileAtCommit,
  filesAtCommit,
  mergeBase,
  repositoryRoot,
  resolveRef
} from '../../shared/src/lib/git.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e'
    }
  });

/** Names git quotes in its default output (core.quotePath), or that break a line-based reading. */
const AWKWARD = [
  'db/with space.sql',
  'db/quote"d.sql',
  "db/apos'trophe.sql",
  'db/back\\slash.sql',
  'db/new\nline.sql',
  'db/tab\there.sql',
  'db/ünïcødé.sql',
  'db/日本語.sql',
  'db/ctl\u0001char.sql',
  'db/-leading-dash.sql',
  'db/ trailing space .sql'
];

let origin: string;
let clone: string;

function write(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

beforeAll(() => {
  origin = mkdtempSync(join(tmpdir(), 'shared-git-origin-'));
  git(origin, 'init', '-q', '-b', 'main');
  write(origin, { 'db/001.sql': 'SELECT 1;\n', 'openapi.yaml': 'version: base\n' });
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'base');
  git(origin, 'checkout', '-q', '-b', 'feature');
  write(origin, Object.fromEntries(AWKWARD.map((name) => [name, `-- ${name}\nSELECT 2;\n`])));
  write(origin, { 'db/001.sql': 'SELECT 11;\n' });
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'awkward names');
  // The base branch moves on after the feature left it: neither its file nor its spec are the feature's.
  git(origin, 'checkout', '-q', 'main');
  write(origin, { 'db/900_main_only.sql': 'SELECT 9;\n', 'openapi.yaml': 'version: main moved on\n' });
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'main moves');
  git(origin, 'checkout', '-q', 'feature');
  clone = mkdtempSync(join(tmpdir(), 'shared-git-clone-'));
  git(tmpdir(), 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin}`, clone);
});

afterAll(() => {
  rmSync(origin, { recursive: true, force: true });
  rmSync(clone, { recursive: true, force: true });
});

describe('listings are read NUL-separated', () => {
  it('changedFiles lists every awkward name exactly, from a shallow clone', () => {
    const base = baseCommit(clone, 'main', 'base branch');
    expect(changedFiles(clone, base).sort()).toEqual([...AWKWARD, 'db/001.sql'].sort());
  });

  it('filesAtCommit and fileAtCommit read names as they are', () => {
    const head = commitOf(clone, 'HEAD')!;
    expect(filesAtCommit(clone, head)).toEqual(expect.arrayContaining([...AWKWARD, 'openapi.yaml']));
    expect(fileAtCommit(clone, head, 'db/new\nline.sql')).toBe('-- db/new\nline.sql\nSELECT 2;\n');
    expect(fileAtCommit(clone, head, 'db/quote"d.sql')).toContain('SELECT 2;');
    expect(fileAtCommit(clone, head, 'db/none.sql')).toBeUndefined();
  });

  it('migration-safety: the changed names match the files the folder walk finds, so none is lost', () => {
    const changed = migrationChanges(clone, 'main');
    const found = expandPaths(['db'], clone).files;
    expect(found.filter((f) => changed.has(f)).sort()).toEqual([...AWKWARD, 'db/001.sql'].sort());
    // Relative to a subfolder, as the action's working directory may be.
    expect([...migrationChanges(join(clone, 'db'), 'main')]).toContain('new\nline.sql');
  });
});

describe('one base for every action: the merge base of the base branch and HEAD', () => {
  it('is where the branch left main, not main tip: main moving on is not part of the change', () => {
    const tip = resolveRef(clone, 'main', 'base branch');
    const base = mergeBase(clone, tip, 'main', 'base branch');
    expect(base).not.toBe(tip);
    expect(filesAtCommit(clone, base)).toEqual(['db/001.sql', 'openapi.yaml']);
    expect(changedFiles(clone, base)).not.toContain('db/900_main_only.sql');
  });

  it('contract-test reads the base spec at the same commit', () => {
    const commit = resolveBaseRef(clone, 'main');
    expect(commit).toBe(baseCommit(clone, 'main', 'base branch'));
    expect(fileReaderAt(clone, commit)(join(repositoryRoot(clone), 'openapi.yaml'))).toBe('version: base\n');
  });

  it('on a pull request merge checkout it is the base tip, found without deepening', () => {
    const merged = mkdtempSync(join(tmpdir(), 'shared-git-merge-'));
    try {
      git(origin, 'checkout', '-q', '--detach', 'main');
      git(origin, 'merge', '-q', '--no-ff', 'feature', '-m', 'merge');
      git(origin, 'update-ref', 'refs/pull/3/merge', 'HEAD');
      git(origin, 'checkout', '-q', 'feature');
      git(merged, 'init', '-q');
      git(merged, 'remote', 'add', 'origin', `file://${origin}`);
      git(merged, 'fetch', '-q', '--depth=1', 'origin', '+refs/pull/3/merge:refs/remotes/pull/3/merge');
      git(merged, 'checkout', '-q', '--detach', 'refs/remotes/pull/3/merge');
      const tip = git(origin, 'rev-parse', 'main').trim();
      expect(baseCommit(merged, 'main', 'base branch')).toBe(tip);
      expect(git(merged, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
      expect(changedFiles(merged, tip).sort()).toEqual([...AWKWARD, 'db/001.sql'].sort());
    } finally {
      rmSync(merged, { recursive: true, force: true });
    }
  });

  it('refuses what is not a ref, and names a missing branch in one line', () => {
    expect(() => checkRef('--upload-pack=x', 'base branch')).toThrow(/is not a git ref/);
    expect(() => checkRef('main;rm', 'base-ref')).toThrow(/base-ref "main;rm" is not a git ref/);
    expect(() => baseCommit(clone, 'no-such-branch', 'base branch')).toThrow(
      /base branch "no-such-branch" is not in the clone and could not be fetched/
    );
    expect(() => repositoryRoot(tmpdir())).toThrow(/is not in a git repository/);
  });
});
