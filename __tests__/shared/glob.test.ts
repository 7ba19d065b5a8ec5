// shared/src/lib/glob.ts: one case rule for file extensions everywhere, the rest of the matcher unchanged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../cli/src/main.js';
import { DEFAULT_PATHS } from '../../actions/migration-safety/src/config.js';
import { expandPaths } from '../../actions/migration-safety/src/files.js';
import { displayPath, globToRegExp, hasExtension, isInside } from '../../shared/src/lib/glob.js';

describe('globToRegExp', () => {
  it.each([
    ['migrations/**/*.sql', 'migrations/V2__x.SQL', true],
    ['migrations/**/*.sql', 'migrations/a/b/V3__y.Sql', true],
    ['prisma/migrations/**/migration.sql', 'prisma/migrations/20240101_a/migration.SQL', true],
    ['*.sql', 'V1.sQl', true],
    ['*.SQL', 'V1.sql', true],
    ['db/*.yaml', 'db/spec.YAML', true],
    ['*.sql', 'V1.sql.bak', false],
    ['*.sql', 'V1.sqlx', false],
    ['*.sql', 'dir/V1.sql', false]
  ])('%s matches %s: %s (the extension in any case)', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it.each([
    // Everything but the trailing extension keeps its case and meaning.
    ['Migrations/*.sql', 'migrations/a.sql', false],
    ['migrations/V*.sql', 'migrations/v1.sql', false],
    ['**/*.sql', 'a/b/c.sql', true],
    ['db/{a,b}/*.sql', 'db/b/x.SQL', true],
    ['db/[!x]*.sql', 'db/xa.sql', false],
    ['db/?.sql', 'db/ab.sql', false],
    ['db/\\*.sql', 'db/*.SQL', true],
    ['db/\\*.sql', 'db/a.sql', false],
    ['db/x.down.sql', 'db/x.DOWN.sql', false]
  ])('%s matches %s: %s (unchanged semantics)', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it('hasExtension, isInside and displayPath', () => {
    expect(hasExtension('a/V1.SQL', 'sql')).toBe(true);
    expect(hasExtension('a/.sql', 'sql')).toBe(true);
    expect(hasExtension('a/sql', 'sql')).toBe(false);
    expect(isInside('/w', '/w/a/b')).toBe(true);
    expect(isInside('/w', '/w')).toBe(true);
    expect(isInside('/w', '/wx/a')).toBe(false);
    expect(isInside('/w', '/w/../x')).toBe(false);
    expect(displayPath('/w/db/a.sql', '/w')).toBe('db/a.sql');
    expect(displayPath('/x/a.sql', '/w')).toBe('/x/a.sql');
  });
});

describe('migration files with an upper-case extension', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'glob-case-'));
    for (const path of [
      'migrations/V1__a.sql',
      'migrations/V2__x.SQL',
      'migrations/V3__y.Sql',
      'prisma/migrations/20240101_init/migration.SQL',
      'supabase/migrations/20240101_a.SQL',
      'db/V4__z.SQL'
    ]) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), 'CREATE TABLE t (id bigint PRIMARY KEY);\n');
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('are found by the default globs, by a folder and by a glob alike', () => {
    expect(expandPaths(DEFAULT_PATHS, root).files).toEqual([
      'migrations/V1__a.sql',
      'migrations/V2__x.SQL',
      'migrations/V3__y.Sql',
      'prisma/migrations/20240101_init/migration.SQL',
      'supabase/migrations/20240101_a.SQL'
    ]);
    expect(expandPaths(['db'], root).files).toEqual(['db/V4__z.SQL']);
    expect(expandPaths(['db/*.sql'], root).files).toEqual(['db/V4__z.SQL']);
  });

  it('through the CLI: the default folders lint V2__x.SQL', async () => {
    let stdout = '';
    const code = await runCli(['migration-safety', '--format', 'json'], {
      stdout: (t) => (stdout += t),
      stderr: () => {},
      cwd: root
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { files: { path: string }[] };
    expect(report.files.map((f) => f.path)).toContain('migrations/V2__x.SQL');
    expect(report.files).toHaveLength(5);
  });
});
