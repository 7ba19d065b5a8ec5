import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_PATHS } from '../../actions/migration-safety/src/config.js';
import {
  buildSources,
  changedFiles,
  expandPaths,
  filesAtRef,
  globToRegExp,
  readMigration,
  upMigrations
} from '../../actions/migration-safety/src/files.js';

let root: string;

function touch(...paths: string[]) {
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `-- ${path}\n`);
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ms-files-'));
  touch(
    'migrations/V1__a.sql',
    'migrations/V2__b.sql',
    'migrations/V10__c.sql',
    'migrations/V3__d.down.sql',
    'migrations/notes.md',
    'db/migrate/sub/001_x.sql',
    'prisma/migrations/20240101_init/migration.sql',
    'prisma/migrations/20240102_more/migration.sql',
    'prisma/migrations/migration_lock.toml',
    'supabase/migrations/20240101000000_a.sql',
    'supabase/migrations/nested/ignored.sql',
    'src/main/resources/db/migration/V1__init.sql',
    'node_modules/pkg/migrations/V1__x.sql',
    'weird name/#1 x.sql'
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('globToRegExp', () => {
  it.each([
    ['migrations/*.sql', 'migrations/V1.sql', true],
    ['migrations/*.sql', 'migrations/sub/V1.sql', false],
    ['migrations/**/*.sql', 'migrations/V1.sql', true],
    ['migrations/**/*.sql', 'migrations/a/b/V1.sql', true],
    ['**/*.down.sql', 'db/x/1.down.sql', true],
    ['**/*.down.sql', '1.down.sql', true],
    ['db/{migrate,migrations}/*.sql', 'db/migrations/1.sql', true],
    ['db/{migrate,migrations}/*.sql', 'db/seeds/1.sql', false],
    ['V?__*.sql', 'V1__a.sql', true],
    ['V?__*.sql', 'V10__a.sql', false],
    ['[0-9]*.sql', '7_a.sql', true],
    ['[!0-9]*.sql', '7_a.sql', false],
    ['a.sql', 'aXsql', false],
    ['a+(b).sql', 'a+(b).sql', true]
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it('refuses an unclosed brace', () => {
    expect(() => globToRegExp('db/{a,b/*.sql')).toThrow(/unclosed/);
  });
});

describe('expandPaths', () => {
  it('finds the default migration folders in migration order, skipping node_modules', () => {
    const { files } = expandPaths(DEFAULT_PATHS, root);
    expect(files).toEqual([
      'db/migrate/sub/001_x.sql',
      'migrations/V1__a.sql',
      'migrations/V2__b.sql',
      'migrations/V3__d.down.sql',
      'migrations/V10__c.sql',
      'prisma/migrations/20240101_init/migration.sql',
      'prisma/migrations/20240102_more/migration.sql',
      'src/main/resources/db/migration/V1__init.sql',
      'supabase/migrations/20240101000000_a.sql'
    ]);
  });

  it('takes folders (every .sql below), files, absolute paths and exclusions', () => {
    expect(expandPaths(['migrations'], root).files).toEqual([
      'migrations/V1__a.sql',
      'migrations/V2__b.sql',
      'migrations/V3__d.down.sql',
      'migrations/V10__c.sql'
    ]);
    expect(expandPaths([join(root, 'weird name/#1 x.sql')], root).files).toEqual(['weird name/#1 x.sql']);
    expect(expandPaths(['migrations/*.sql', '!**/*.down.sql'], root).files).toHaveLength(3);
    expect(expandPaths(['migrations/*.sql'], root, ['migrations/V1__*']).files).toEqual([
      'migrations/V2__b.sql',
      'migrations/V3__d.down.sql',
      'migrations/V10__c.sql'
    ]);
  });

  it('names the patterns that match nothing', () => {
    expect(expandPaths(['migrations/*.sql', 'nope/*.sql', 'missing.sql'], root).unmatched).toEqual([
      'nope/*.sql',
      'missing.sql'
    ]);
  });

  it('shows files outside the folder as absolute paths', () => {
    const inside = join(root, 'migrations');
    expect(expandPaths(['../db/migrate/**/*.sql'], inside).files).toEqual([join(root, 'db/migrate/sub/001_x.sql')]);
  });
});

describe('sources', () => {
  it('drops down migrations', () => {
    // Flyway applies versioned files first; a file outside its naming scheme goes last.
    expect(upMigrations(['a/1.sql', 'a/1.down.sql', 'V2__x.sql', 'U2__x.sql'], 'flyway')).toEqual([
      'V2__x.sql',
      'a/1.sql'
    ]);
    expect(upMigrations(['U2__x.sql'], 'plain')).toEqual(['U2__x.sql']);
  });

  it('makes each file its own change set for a whole history', () => {
    const files = ['migrations/V1__a.sql', 'migrations/V2__b.sql'];
    const sources = buildSources(files, root);
    expect(sources.map((s) => [s.path, s.lint, s.changeSet])).toEqual([
      ['migrations/V1__a.sql', true, 1],
      ['migrations/V2__b.sql', true, 2]
    ]);
    expect(sources[0].text).toBe('-- migrations/V1__a.sql\n');
  });

  it('lints a change set together after replaying the earlier files, and skips the later ones', () => {
    const files = ['migrations/V1__a.sql', 'migrations/V2__b.sql', 'migrations/V10__c.sql'];
    const sources = buildSources(files, root, new Set(['migrations/V2__b.sql']));
    expect(sources.map((s) => [s.path, s.lint, s.changeSet])).toEqual([
      ['migrations/V1__a.sql', false, 1],
      ['migrations/V2__b.sql', true, 0]
    ]);
    expect(buildSources(files, root, new Set())).toEqual([]);
  });

  it('reports an unreadable file in one line', () => {
    expect(() => readMigration('migrations/gone.sql', root)).toThrow('cannot read migrations/gone.sql: no such file');
    expect(() => readMigration('migrations', root)).toThrow('cannot read migrations: it is a directory');
  });
});

describe('git change sets', () => {
  let origin: string;
  let clone: string;
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

  beforeAll(() => {
    origin = mkdtempSync(join(tmpdir(), 'ms-files-origin-'));
    git(origin, 'init', '-q', '-b', 'main');
    mkdirSync(join(origin, 'app/db'), { recursive: true });
    writeFileSync(join(origin, 'app/db/001.sql'), 'SELECT 1;\n');
    writeFileSync(join(origin, 'app/db/002.sql'), 'SELECT 2;\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'base');
    git(origin, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(origin, 'app/db/002.sql'), 'SELECT 22;\n');
    writeFileSync(join(origin, 'app/db/003.sql'), 'SELECT 3;\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'one');
    writeFileSync(join(origin, 'app/readme.txt'), 'x\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'two');
    // The base branch moves on after the feature branched: its new file is not part of the change.
    git(origin, 'checkout', '-q', 'main');
    writeFileSync(join(origin, 'app/db/004.sql'), 'SELECT 4;\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'main moves');
    git(origin, 'checkout', '-q', 'feature');
    clone = mkdtempSync(join(tmpdir(), 'ms-files-clone-'));
    git(tmpdir(), 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin}`, clone);
  });
  afterAll(() => {
    rmSync(origin, { recursive: true, force: true });
    rmSync(clone, { recursive: true, force: true });
  });

  it('lists the files added or modified since the branch left its base, from a shallow clone, relative to cwd', () => {
    expect([...changedFiles(join(clone, 'app'), 'main')].sort()).toEqual(['db/002.sql', 'db/003.sql', 'readme.txt']);
  });

  it('reads the change from the merge commit a pull request checkout has, without deepening', () => {
    git(origin, 'checkout', '-q', '--detach', 'main');
    git(origin, 'merge', '-q', '--no-ff', 'feature', '-m', 'merge');
    git(origin, 'update-ref', 'refs/pull/9/merge', 'HEAD');
    git(origin, 'checkout', '-q', 'feature');
    const merged = mkdtempSync(join(tmpdir(), 'ms-files-merge-'));
    try {
      git(merged, 'init', '-q');
      git(merged, 'remote', 'add', 'origin', `file://${origin}`);
      git(merged, 'fetch', '-q', '--depth=1', 'origin', '+refs/pull/9/merge:refs/remotes/pull/9/merge');
      git(merged, 'checkout', '-q', '--detach', 'refs/remotes/pull/9/merge');
      expect([...changedFiles(merged, 'main')].sort()).toEqual(['app/db/002.sql', 'app/db/003.sql', 'app/readme.txt']);
      expect(git(merged, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    } finally {
      rmSync(merged, { recursive: true, force: true });
    }
  });

  it('fails clearly on a base branch that does not exist', () => {
    expect(() => changedFiles(clone, 'no-such-branch')).toThrow(/base branch "no-such-branch" is not in the clone/);
    expect(() => changedFiles(clone, '--upload-pack=x')).toThrow(/is not a git ref/);
  });

  it('lists the files present where the branch left a ref (the merge base, as for pull requests)', () => {
    // main moved on (004) after feature left it: --since main on feature means what feature added since then.
    expect([...filesAtRef(origin, 'main')].sort()).toEqual(['app/db/001.sql', 'app/db/002.sql']);
    const base = execFileSync('git', ['merge-base', 'main', 'feature'], { cwd: origin, encoding: 'utf8' }).trim();
    expect([...filesAtRef(origin, base)].sort()).toEqual(['app/db/001.sql', 'app/db/002.sql']);
  });
});
