// Hostile and careless input, class by class (issue 12): each class through the engine and through the CLI.
// Every case here gave a silent pass, a dropped finding or a leak before the hardening.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../cli/src/main.js';
import { parseConfig } from '../../actions/migration-safety/src/config.js';
import { decodeMigration } from '../../actions/migration-safety/src/engine/encoding.js';
import { lintMigrations, type LintResult } from '../../actions/migration-safety/src/engine/lint.js';
import type { Finding } from '../../actions/migration-safety/src/engine/types.js';
import { expandPaths } from '../../actions/migration-safety/src/files.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
import { EXISTING, lintSql } from './lint-sql.js';

const DROP = 'ban-drop-table';
const at = (findings: Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule).map((f) => [f.line, f.column]);
const rulesOf = (result: LintResult) => [...new Set(result.findings.map((f) => f.rule))].sort();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ms-hardening-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder with these files (text or bytes), for the CLI. */
function project(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(dir, 'p-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['migration-safety', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd
  });
  return { code, stdout, stderr };
}

async function cliJson(args: string[], cwd: string) {
  const run = await cli([...args, '--format', 'json', '--fail-on', 'never'], cwd);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as {
    findings: { id: string; level: Finding['severity']; message: string; location: Finding }[];
    files: { path: string; parsed: string; syntaxError: boolean }[];
    counts: { error: number; warning: number; files: number };
  };
  // The envelope's findings, flattened to the engine's field names the assertions below share.
  const findings = report.findings.map((f) => ({ ...f.location, rule: f.id, severity: f.level, message: f.message }));
  return { ...report, findings };
}

/** Lints bytes as a file is read: decoded, validated, BOM stripped. */
async function lintBytes(bytes: Buffer): Promise<LintResult> {
  return lintMigrations(
    [
      { path: 'history.sql', text: EXISTING, lint: false, changeSet: 0 },
      { path: 'm.sql', ...decodeMigration(bytes), lint: true, changeSet: 1 }
    ],
    { pgVersion: 16, framework: 'plain' },
    ALL_RULES
  );
}

// ---------------------------------------------------------------------------------------------------------------
describe('class 1: what a DO block runs is linted', () => {
  const brief = (result: LintResult) => result.findings.map((f) => `${f.rule} ${f.severity} ${f.message}`).sort();

  it.each([
    ['plain (no transaction)', { framework: 'plain' as const }],
    ['in a transaction', { framework: 'flyway' as const }]
  ])('the IF NOT EXISTS idiom gives the same findings as the bare ALTER TABLE, %s', async (_label, options) => {
    const alter = 'ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id)';
    const bare = await lintSql(`${alter};`, { history: [EXISTING], ...options });
    const idiom = await lintSql(
      `DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'users_org_fk') THEN\n    ${alter};\n  END IF;\nEND $$;`,
      { history: [EXISTING], ...options }
    );
    expect(bare.findings.length).toBeGreaterThanOrEqual(3);
    expect(brief(idiom)).toEqual(brief(bare));
    expect(rulesOf(idiom)).toContain('adding-foreign-key-constraint');
    // Positions are inside the DO body: the ALTER TABLE is on line 4, column 5.
    expect(idiom.findings.every((f) => f.line === 4)).toBe(true);
    expect(at(idiom.findings, 'foreign-key-without-index')).toEqual([[4, 5]]);
  });

  it.each([
    ['IF', 'DO $$\nBEGIN\n  IF true THEN\n    DROP TABLE orgs;\n  END IF;\nEND $$;', [4, 5]],
    ['ELSIF', 'DO $$ BEGIN IF false THEN NULL;\nELSIF true THEN\n  DROP TABLE orgs; END IF; END $$;', [3, 3]],
    ['ELSE', 'DO $$ BEGIN IF false THEN NULL; ELSE\n DROP TABLE orgs; END IF; END $$;', [2, 2]],
    ['searched CASE', 'DO $$ BEGIN CASE WHEN true THEN\n  DROP TABLE orgs; END CASE; END $$;', [2, 3]],
    [
      'simple CASE ELSE',
      'DO $$ DECLARE n int := 1; BEGIN CASE n WHEN 2 THEN NULL; ELSE\n DROP TABLE orgs; END CASE; END $$;',
      [2, 2]
    ],
    ['LOOP', 'DO $$ BEGIN LOOP\n  DROP TABLE orgs; EXIT; END LOOP; END $$;', [2, 3]],
    ['WHILE', 'DO $$ BEGIN WHILE false LOOP\n   DROP TABLE orgs; END LOOP; END $$;', [2, 4]],
    ['FOR over integers', 'DO $$ BEGIN FOR i IN 1..2 LOOP\nDROP TABLE orgs; END LOOP; END $$;', [2, 1]],
    [
      'FOR over a query',
      'DO $$ DECLARE r record; BEGIN FOR r IN SELECT 1 LOOP\n  DROP TABLE orgs; END LOOP; END $$;',
      [2, 3]
    ],
    [
      'FOREACH',
      'DO $$ DECLARE x int; BEGIN FOREACH x IN ARRAY ARRAY[1] LOOP\n DROP TABLE orgs; END LOOP; END $$;',
      [2, 2]
    ],
    [
      'an EXCEPTION block',
      'DO $$ BEGIN\n  BEGIN\n    DROP TABLE orgs;\n  EXCEPTION WHEN others THEN NULL;\n  END;\nEND $$;',
      [3, 5]
    ],
    ['an EXCEPTION handler', 'DO $$ BEGIN PERFORM 1; EXCEPTION WHEN others THEN\n  DROP TABLE orgs; END $$;', [2, 3]],
    [
      'a nested labelled block',
      'DO $$ BEGIN <<inner>> DECLARE y int; BEGIN\n  DROP TABLE orgs; END inner; END $$;',
      [2, 3]
    ],
    ['a nested DO block', 'DO $outer$ BEGIN\n  DO $inner$ BEGIN DROP TABLE orgs; END $inner$;\nEND $outer$;', [2, 20]],
    ['DO LANGUAGE plpgsql $body$', 'DO LANGUAGE plpgsql $body$\nBEGIN\n  DROP TABLE orgs;\nEND\n$body$;', [3, 3]],
    ['DO $body$ ... LANGUAGE plpgsql', 'DO $body$ BEGIN\n DROP TABLE orgs; END $body$ LANGUAGE plpgsql;', [2, 2]],
    ['a body in a single-quoted string', "DO 'BEGIN\n  PERFORM ''x'';\n  DROP TABLE orgs;\nEND';", [3, 3]],
    ['EXECUTE of a literal', "DO $$ BEGIN\n  EXECUTE 'DROP TABLE orgs';\nEND $$;", [2, 12]],
    ['EXECUTE of a nested dollar quote', 'DO $$ BEGIN\n  EXECUTE $sql$ DROP TABLE orgs $sql$;\nEND $$;', [2, 17]],
    [
      'EXECUTE of a literal with quotes',
      "DO $$ BEGIN EXECUTE 'COMMENT ON TABLE users IS ''x''; DROP TABLE orgs'; END $$;",
      [1, 55]
    ],
    ['EXECUTE of literals joined by ||', "DO $$ BEGIN\n  EXECUTE 'DROP ' || 'TABLE ' || 'orgs';\nEND $$;", [2, 11]],
    ['EXECUTE format() of literals', "DO $$ BEGIN\n  EXECUTE format('DROP TABLE %I', 'orgs');\nEND $$;", [2, 11]],
    [
      'a DO block in an EXECUTE in a DO block',
      "DO $$ BEGIN EXECUTE 'DO ''BEGIN EXECUTE ''''DROP TABLE orgs''''; END'''; END $$;",
      [1, 45]
    ]
  ])('in %s, at its line and column', async (_label, sql, position) => {
    const result = await lintSql(sql, { history: [EXISTING] });
    expect(at(result.findings, DROP)).toEqual([position]);
    expect(rulesOf(result)).not.toContain('syntax-error');
    expect(rulesOf(result)).not.toContain('internal-error');
  });

  it('EXECUTE of a string built at run time is a dynamic-sql warning, ignorable like any rule', async () => {
    const sql = "DO $$\nDECLARE t text := 'orgs';\nBEGIN\n  EXECUTE 'DROP TABLE ' || quote_ident(t);\nEND $$;";
    const result = await lintSql(sql, { history: [EXISTING] });
    const dynamic = result.findings.filter((f) => f.rule === 'dynamic-sql');
    expect(dynamic.map((f) => [f.severity, f.line, f.column])).toEqual([['warning', 4, 11]]);
    expect(dynamic[0].message).toContain("'DROP TABLE ' || quote_ident(t)");
    expect(at((await lintSql(`-- ubos-ignore: dynamic-sql\n${sql}`)).findings, 'dynamic-sql')).toEqual([]);
    const off = await lintSql(sql, { rules: { 'dynamic-sql': { enabled: false } } });
    expect(at(off.findings, 'dynamic-sql')).toEqual([]);
    // Also FOR ... IN EXECUTE and OPEN ... FOR EXECUTE of a variable.
    const loops = await lintSql(
      'DO $$ DECLARE r record; q text := $q$SELECT 1$q$; c refcursor; BEGIN\n  FOR r IN EXECUTE q LOOP NULL; END LOOP;\n  OPEN c FOR EXECUTE q;\nEND $$;'
    );
    expect(at(loops.findings, 'dynamic-sql')).toEqual([
      [2, 20],
      [3, 22]
    ]);
  });

  it('a DO block in another language cannot be read: a dynamic-sql warning, not silence', async () => {
    const result = await lintSql("DO LANGUAGE plpython3u $$ plpy.execute('DROP TABLE orgs') $$;", {
      history: [EXISTING]
    });
    expect(result.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['dynamic-sql', 1, 1]]);
    expect(result.findings[0].message).toMatch(/LANGUAGE plpython3u/);
  });

  it('a body too deep for the parser is one syntax error; the next file is still linted', async () => {
    const deep = `DO $$ BEGIN ${'IF true THEN '.repeat(5000)} DROP TABLE orgs; ${'END IF; '.repeat(5000)} END $$;`;
    const result = await lintMigrations(
      [
        { path: 'history.sql', text: EXISTING, lint: false, changeSet: 0 },
        { path: 'deep.sql', text: deep, lint: true, changeSet: 1 },
        { path: 'after.sql', text: 'DROP TABLE orgs;', lint: true, changeSet: 2 }
      ],
      { pgVersion: 16, framework: 'plain' },
      ALL_RULES
    );
    expect(result.findings.filter((f) => f.file === 'deep.sql').map((f) => f.rule)).toEqual(['syntax-error']);
    expect(
      at(
        result.findings.filter((f) => f.file === 'after.sql'),
        DROP
      )
    ).toEqual([[1, 1]]);
  });

  it('runs the statements in the transaction around the block, and a DO block as one transaction of its own', async () => {
    const concurrent = await lintSql('DO $$ BEGIN CREATE INDEX CONCURRENTLY i ON users (email); END $$;', {
      history: [EXISTING]
    });
    expect(concurrent.findings.find((f) => f.rule === 'ban-concurrent-index-creation-in-transaction')).toMatchObject({
      severity: 'error',
      line: 1,
      column: 13
    });
    // Outside a transaction block the DO block still holds its locks until it ends.
    const held = await lintSql(
      'DO $$ BEGIN\n  ALTER TABLE users DROP COLUMN age;\n  UPDATE users SET name = email;\nEND $$;',
      {
        history: [EXISTING]
      }
    );
    expect(at(held.findings, 'lock-held-across-statements')).toEqual([[3, 3]]);
    // ... and releases them when it ends: the next statement of the file runs alone.
    const after = await lintSql(
      'DO $$ BEGIN ALTER TABLE users DROP COLUMN age; END $$;\nUPDATE users SET name = email;',
      {
        history: [EXISTING]
      }
    );
    expect(at(after.findings, 'lock-held-across-statements')).toEqual([]);
    // In an explicit transaction the block's statements are part of it.
    const inside = await lintSql(
      'BEGIN;\nDROP TABLE orgs;\nDO $$ BEGIN UPDATE users SET name = email; END $$;\nCOMMIT;',
      {
        history: [EXISTING]
      }
    );
    expect(at(inside.findings, 'lock-held-across-statements')).toEqual([
      [3, 1],
      [3, 13]
    ]);
  });

  it('replays the DDL of a DO block, guarded or not, into the catalogue', async () => {
    const sql = [
      'DO $$ BEGIN',
      "  IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'people') THEN",
      '    CREATE TABLE people (id bigint PRIMARY KEY, email text);',
      '  END IF;',
      'END $$;',
      'CREATE INDEX people_email ON people (email);'
    ].join('\n');
    const result = await lintSql(sql, { history: [EXISTING] });
    // people is created in this change set, so its index is harmless: exempted, not flagged.
    expect(at(result.findings, 'require-concurrent-index-creation')).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === 'require-concurrent-index-creation').map((e) => e.line)).toEqual([
      6
    ]);
  });

  it('a body PostgreSQL would not compile is a syntax error at its statement, and the file not fully checked', async () => {
    const result = await lintSql('DO $$ BEGIN\n  UPDATE users SET name = ;\nEND $$;', {
      history: [EXISTING],
      rules: { 'syntax-error': { enabled: false } }
    });
    expect(result.findings.filter((f) => f.rule === 'syntax-error').map((f) => [f.line, f.column])).toEqual([[2, 27]]);
    expect(result.files.at(-1)).toMatchObject({ syntaxError: true, parsed: 'partial' });
    const undeclared = await lintSql('DO $$ BEGIN FOR r IN SELECT 1 LOOP NULL; END LOOP; END $$;');
    expect(undeclared.findings.map((f) => f.rule)).toEqual(['syntax-error']);
  });

  it('through the CLI: a DO block finding at its line in the file', async () => {
    const root = project({
      'db/001.sql': EXISTING,
      'db/002.sql': "-- idempotent\nDO $$ BEGIN\n  IF true THEN\n    EXECUTE 'DROP TABLE orgs';\n  END IF;\nEND $$;\n"
    });
    const report = await cliJson(['db'], root);
    expect(report.findings.filter((f) => f.rule === DROP).map((f) => [f.file, f.line, f.column])).toEqual([
      ['db/002.sql', 4, 14]
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('class 4: only real ignore comments with the exact grammar count', () => {
  it.each([
    ['a string literal', "SELECT '-- ubos-ignore-file';\nDROP TABLE orgs;"],
    ['an E string', "SELECT E'\\n-- ubos-ignore-file\\n';\nDROP TABLE orgs;"],
    [
      'a dollar-quoted body',
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n-- ubos-ignore-file\nSELECT 1 $$;\nDROP TABLE orgs;'
    ],
    ['a quoted identifier', 'CREATE TABLE "\n-- ubos-ignore-file\n" (id bigint);\nDROP TABLE orgs;'],
    ['a block comment', '/* -- ubos-ignore-file */\nDROP TABLE orgs;'],
    ['a nested block comment', '/* outer /* -- ubos-ignore */ still comment\n-- ubos-ignore-file */\nDROP TABLE orgs;'],
    [
      'a DO body (file-level markers there have no effect)',
      'DO $$ BEGIN\n-- ubos-ignore-file\nPERFORM 1; END $$;\nDROP TABLE orgs;'
    ]
  ])('a marker inside %s suppresses nothing', async (_label, sql) => {
    const result = await lintSql(sql, { history: [EXISTING] });
    expect(result.findings.filter((f) => f.rule === DROP)).toHaveLength(1);
  });

  it.each([
    ['-- ubos-ignore-filex', /"ubos-ignore-filex" is not an ignore marker/],
    ['--ubos-ignoreall', /"ubos-ignoreall" is not an ignore marker/],
    ['-- ubos-ignore-file-all', /"ubos-ignore-file-all" is not an ignore marker/],
    ['-- ubos-ignore: ban-drop-tabel', /"ban-drop-tabel" in ubos-ignore is not a rule/],
    ['-- ubos-ignore-file: prefer-robust-stmts, no-such-rule', /"no-such-rule" in ubos-ignore-file is not a rule/],
    ['-- ubos-ignore ban-drop-table-typo', /"ban-drop-table-typo" in ubos-ignore is not a rule/],
    ['-- ubos-ignore:', /"ubos-ignore:" names no rule/],
    ['-- ubos-ignore: syntax-error', /syntax-error cannot be ignored/],
    ['-- squawk-ignore ban-drop-tables', /"ban-drop-tables" in squawk-ignore is not a squawk rule/],
    ['/* ubos-ignore-file */', /must be -- line comments/]
  ])('%s suppresses nothing and is reported at the comment', async (comment, message) => {
    const result = await lintSql(`${comment}\nDROP TABLE orgs;`, { history: [EXISTING] });
    expect(result.findings.filter((f) => f.rule === DROP)).toHaveLength(1);
    const problems = result.findings.filter((f) => f.rule === 'unknown-suppression');
    expect(problems.map((f) => [f.severity, f.line, f.column])).toEqual([['warning', 1, 1]]);
    expect(problems[0].message).toMatch(message);
  });

  it('valid comments keep working, squawk-ignore included; a reason may follow a second --', async () => {
    for (const comment of [
      '-- ubos-ignore: ban-drop-table -- orgs has been unused since v3',
      '-- ubos-ignore ban-drop-table',
      '-- UBOS-IGNORE: BAN-DROP-TABLE',
      '-- ubos-ignore-file: ban-drop-table',
      '-- squawk-ignore ban-drop-table',
      '-- squawk-ignore-file ban-drop-table'
    ]) {
      const result = await lintSql(`${comment}\nDROP TABLE orgs;`, { history: [EXISTING] });
      expect([comment, result.findings.filter((f) => [DROP, 'unknown-suppression'].includes(f.rule))]).toEqual([
        comment,
        []
      ]);
    }
    // A marker inside the DO body covers the body's next statement only.
    const body = await lintSql(
      'DO $$ BEGIN\n  -- ubos-ignore: ban-drop-table\n  DROP TABLE orgs;\n  DROP TABLE users;\nEND $$;',
      { history: [EXISTING] }
    );
    expect(at(body.findings, DROP)).toEqual([[4, 3]]);
  });

  it('unknown-suppression is off only through the config', async () => {
    const result = await lintSql('-- ubos-ignore-filex\nDROP TABLE orgs;', {
      history: [EXISTING],
      rules: { 'unknown-suppression': { enabled: false } }
    });
    expect(at(result.findings, 'unknown-suppression')).toEqual([]);
    const commented = await lintSql('-- ubos-ignore-file: unknown-suppression\n-- ubos-ignore: typo\nSELECT 1;');
    expect(at(commented.findings, 'unknown-suppression')).toEqual([
      [1, 1],
      [2, 1]
    ]);
  });

  it('through the CLI: a marker in a string does not switch the linter off', async () => {
    const root = project({ 'm/001.sql': EXISTING, 'm/002.sql': "SELECT '-- ubos-ignore-file';\nDROP TABLE orgs;\n" });
    const { code, stdout } = await cli(['m'], root);
    expect(code).toBe(1);
    expect(stdout).toContain('m/002.sql:2:1: error ban-drop-table');
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('class 5: a file that was not parsed is always reported, and not counted as checked', () => {
  it('rules: { syntax-error: off } (or warning) in the config is refused in one line', async () => {
    for (const value of ['off', 'warning', 'false', '{ enabled: false }', '{ severity: warning }']) {
      await expect(parseConfig(`rules:\n  syntax-error: ${value}\n`, 'c.yml', ['syntax-error'])).rejects.toThrow(
        /c\.yml:2: rule "syntax-error" cannot be turned off or downgraded/
      );
    }
    // Saying what it already is stays accepted.
    for (const value of ['error', 'on', '{ enabled: true, severity: error }'])
      expect((await parseConfig(`rules:\n  syntax-error: ${value}\n`, 'c.yml', ['syntax-error'])).rules).toBeDefined();
  });

  it('the engine reports it whatever the settings and comments say', async () => {
    for (const options of [
      { rules: { 'syntax-error': { enabled: false } } },
      { rules: { 'syntax-error': { severity: 'warning' as const } } }
    ]) {
      const result = await lintSql('-- ubos-ignore-file\nCREATE INDEX a ON users (email);\nSELEC 1;', {
        history: [EXISTING],
        ...options
      });
      expect(result.findings.filter((f) => f.rule === 'syntax-error').map((f) => [f.severity, f.line])).toEqual([
        ['error', 3]
      ]);
      expect(result.files.at(-1)).toMatchObject({ syntaxError: true, parsed: 'partial' });
    }
  });

  it('through the CLI: the config cannot switch it off, and an unparsed file is not counted as checked', async () => {
    const root = project({
      '.github/migration-safety.yml': 'rules:\n  syntax-error: off\n',
      'm/001.sql': 'SELEC 1;\n'
    });
    const refused = await cli(['m'], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/rule "syntax-error" cannot be turned off/);
    const counted = project({
      'm/001.sql': 'SELECT 1;\n',
      'm/002.sql': 'SELECT 1;\nSELEC 2;\n',
      'm/003.sql': 'SELEC 3;\n'
    });
    const report = await cliJson(['m'], counted);
    expect(report.counts.files).toBe(1);
    expect(report.files.map((f) => f.parsed)).toEqual(['full', 'partial', 'none']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('class 6: bytes PostgreSQL rejects, and a byte order mark it accepts', () => {
  const prefix = Buffer.from('CREATE INDEX a ON users (email);\nSELECT 1 AS "ok";\nSELECT ');
  it.each([
    ['a lone continuation byte', [0x80], '0x80'],
    ['a truncated two-byte sequence', [0xc3, 0x28], '0xc3 0x28'],
    ['an overlong encoding', [0xc0, 0xaf], '0xc0'],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], '0xed 0xa0 0x80'],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '0xf4 0x90 0x80 0x80'],
    ['a byte never valid in UTF-8', [0xff], '0xff'],
    ['Latin-1 text', Buffer.from('é', 'latin1'), '0xe9']
  ])('%s is an error at its line and column; statements before it are linted', async (_label, bad, hex) => {
    const result = await lintBytes(Buffer.concat([prefix, Buffer.from(bad), Buffer.from(';\nDROP TABLE orgs;\n')]));
    const errors = result.findings.filter((f) => f.rule === 'syntax-error');
    expect(errors.map((f) => [f.line, f.column])).toEqual([[3, 8]]);
    expect(errors[0].message).toContain(`invalid byte sequence for encoding "UTF8": ${hex}`);
    expect(at(result.findings, 'require-concurrent-index-creation')).toEqual([[1, 1]]);
    expect(at(result.findings, DROP)).toEqual([]);
    expect(result.files.at(-1)).toMatchObject({ parsed: 'partial' });
  });

  it('a UTF-8 byte order mark is skipped: no syntax error, positions as an editor shows them', async () => {
    const result = await lintBytes(Buffer.from('\ufeffDROP TABLE orgs; DROP TABLE users;\n', 'utf8'));
    expect(rulesOf(result)).not.toContain('syntax-error');
    expect(at(result.findings, DROP)).toEqual([
      [1, 1],
      [1, 18]
    ]);
  });

  it.each([
    ['UTF-16 LE with a byte order mark', Buffer.from('\ufeffDROP TABLE orgs;', 'utf16le'), /UTF-16 little-endian/],
    [
      'UTF-16 BE with a byte order mark',
      Buffer.from('\ufeffDROP TABLE orgs;', 'utf16le').swap16(),
      /UTF-16 big-endian/
    ],
    ['UTF-16 LE without one', Buffer.from('DROP TABLE orgs;', 'utf16le'), /UTF-16 little-endian/],
    ['UTF-32 LE', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('D\0\0\0')]), /UTF-32/]
  ])('%s: one clear error, no crash', async (_label, bytes, message) => {
    const result = await lintBytes(bytes);
    expect(result.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['syntax-error', 1, 1]]);
    expect(result.findings[0].message).toMatch(message);
    expect(result.files.at(-1)).toMatchObject({ parsed: 'none' });
  });

  it('a NUL byte is an error at its position, and the file is not counted as fully parsed', async () => {
    const result = await lintBytes(Buffer.from('SELECT 1;\nSELECT \u0000;', 'utf8'));
    expect(result.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['syntax-error', 2, 8]]);
    expect(result.files.at(-1)).toMatchObject({ parsed: 'partial' });
  });

  it('through the CLI: invalid UTF-8 fails the run, a BOM does not', async () => {
    const root = project({
      'm/001.sql': Buffer.concat([Buffer.from("SELECT 1;\nSELECT '"), Buffer.from([0xe9]), Buffer.from("';\n")]),
      'm/002.sql': Buffer.from('\ufeffSELECT 1;\n', 'utf8')
    });
    const { code, stdout } = await cli(['m'], root);
    expect(code).toBe(1);
    expect(stdout).toContain('m/001.sql:2:9: error syntax-error: invalid byte sequence for encoding "UTF8": 0xe9');
    expect(stdout).not.toContain('m/002.sql');
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('class 7: syntax the declared server version does not have', () => {
  it.each([
    ['MERGE INTO users u USING orgs o ON u.org_id = o.id WHEN MATCHED THEN DELETE;', 14, 15, 'MERGE'],
    [
      'MERGE INTO users u USING orgs o ON u.org_id = o.id WHEN NOT MATCHED BY SOURCE THEN DELETE;',
      16,
      17,
      'WHEN NOT MATCHED BY SOURCE'
    ],
    ['MERGE INTO users u USING orgs o ON u.org_id = o.id WHEN MATCHED THEN DELETE RETURNING *;', 16, 17, 'RETURNING'],
    ['CREATE UNIQUE INDEX CONCURRENTLY u ON users (email) NULLS NOT DISTINCT;', 14, 15, 'NULLS NOT DISTINCT'],
    ['ALTER TABLE users ADD CONSTRAINT u UNIQUE NULLS NOT DISTINCT (email);', 14, 15, 'NULLS NOT DISTINCT'],
    ['REINDEX INDEX CONCURRENTLY users_pkey;', 11, 12, 'REINDEX CONCURRENTLY'],
    ['ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS (age + 1) STORED;', 11, 12, 'generated columns'],
    ['CREATE TABLE g (a int, b int GENERATED ALWAYS AS (a) VIRTUAL);', 17, 18, 'virtual generated columns'],
    ['CREATE INDEX CONCURRENTLY i ON users (email) INCLUDE (name);', 10, 11, 'INCLUDE'],
    ["CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';", 10, 11, 'procedures'],
    ['CALL p();', 10, 11, 'CALL'],
    ['CREATE OR REPLACE TRIGGER t AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION f();', 13, 14, 'OR REPLACE'],
    ["SELECT '{[1,2)}'::int4multirange;", 13, 14, 'multirange'],
    ["SELECT JSON_OBJECT('a': 1);", 15, 16, 'JSON_OBJECT'],
    ["SELECT '{}' IS JSON;", 15, 16, 'IS JSON'],
    ["SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (v int PATH '$')) j;", 16, 17, 'JSON_TABLE'],
    ["SELECT JSON_VALUE('1', '$');", 16, 17, 'JSON_VALUE'],
    ['ALTER TABLE users DETACH PARTITION users_old CONCURRENTLY;', 13, 14, 'DETACH PARTITION'],
    ["COPY users FROM '/tmp/u.csv' WHERE age > 1;", 11, 12, 'COPY ... WHERE'],
    ['ALTER TABLE users ALTER COLUMN name SET COMPRESSION lz4;', 13, 14, 'COMPRESSION'],
    ['ALTER TABLE users SET ACCESS METHOD heap;', 14, 15, 'ACCESS METHOD'],
    ['DROP DATABASE old WITH (FORCE);', 12, 13, 'FORCE'],
    ['CREATE TABLE p (a int) PARTITION BY HASH (a);', 10, 11, 'hash partitioning'],
    ['ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT ENFORCED;', 17, 18, 'NOT ENFORCED'],
    ['CREATE STATISTICS s ON age, org_id FROM users;', 9, 10, 'CREATE STATISTICS'],
    ['CREATE TABLE users_2024 PARTITION OF users FOR VALUES FROM (1) TO (2);', 9, 10, 'PARTITION OF'],
    ['CREATE VIEW v WITH (security_invoker) AS SELECT 1;', 14, 15, 'security_invoker'],
    ['SELECT * FROM users ORDER BY age FETCH FIRST 1 ROWS WITH TIES;', 12, 13, 'WITH TIES'],
    ["COPY users FROM '/tmp/u.csv' WITH (ON_ERROR ignore);", 16, 17, 'ON_ERROR'],
    [
      'DO $$ BEGIN MERGE INTO users u USING orgs o ON u.org_id = o.id WHEN MATCHED THEN DELETE; END $$;',
      14,
      15,
      'MERGE'
    ]
  ])('%s is an error on %i, accepted on %i', async (sql, older, since, what) => {
    const before = await lintSql(sql, { pgVersion: older, history: [EXISTING] });
    const unsupported = before.findings.filter((f) => f.rule === 'unsupported-syntax');
    expect(unsupported.length).toBeGreaterThanOrEqual(1);
    expect(unsupported.every((f) => f.severity === 'error')).toBe(true);
    expect(unsupported.map((f) => f.message).join(' ')).toContain(what);
    expect(unsupported.map((f) => f.message).join(' ')).toContain(`arrived in PostgreSQL ${since}`);
    const after = await lintSql(sql, { pgVersion: since, history: [EXISTING] });
    expect(at(after.findings, 'unsupported-syntax')).toEqual([]);
  });

  it('ALTER TYPE ... ADD VALUE inside a transaction (or a DO block) before 12', async () => {
    const history = [EXISTING, "CREATE TYPE mood AS ENUM ('a');"];
    const sql = "ALTER TYPE mood ADD VALUE 'b' AFTER 'a';";
    expect(
      at((await lintSql(sql, { pgVersion: 11, history, framework: 'flyway' })).findings, 'unsupported-syntax')
    ).toEqual([[1, 1]]);
    expect(at((await lintSql(sql, { pgVersion: 11, history })).findings, 'unsupported-syntax')).toEqual([]);
    expect(
      at((await lintSql(`DO $$ BEGIN ${sql} END $$;`, { pgVersion: 11, history })).findings, 'unsupported-syntax')
    ).toEqual([[1, 13]]);
    expect(
      at((await lintSql(sql, { pgVersion: 12, history, framework: 'flyway' })).findings, 'unsupported-syntax')
    ).toEqual([]);
  });

  it('through the CLI with --pg-version and with the config pg-version', async () => {
    const root = project({ 'm/001.sql': 'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;\n' });
    const flag = await cli(['m', '--pg-version', '14'], root);
    expect(flag.code).toBe(1);
    expect(flag.stdout).toContain('m/001.sql:1:1: error unsupported-syntax: PostgreSQL 14 (pg-version) rejects');
    const configured = project({
      '.github/migration-safety.yml': 'pg-version: 13\n',
      'm/001.sql': 'REINDEX TABLE CONCURRENTLY t;\nCREATE INDEX i ON t (a) INCLUDE (b);\n'
    });
    const report = await cliJson(['m'], configured);
    expect(report.findings.filter((f) => f.rule === 'unsupported-syntax')).toEqual([]);
    const old = await cliJson(['m', '--pg-version', '10'], configured);
    expect(at(old.findings, 'unsupported-syntax')).toEqual([
      [1, 1],
      [2, 1]
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('class 8: links out of the folder or workspace are refused; messages quote at most a short excerpt', () => {
  const SECRET = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';
  let outside: string;
  beforeAll(() => {
    outside = mkdtempSync(join(dir, 'outside-'));
    writeFileSync(join(outside, 'secret.sql'), `${SECRET}\nsecond line of the secret\n`);
    mkdirSync(join(outside, 'folder'));
    writeFileSync(join(outside, 'folder', 'x.sql'), `${SECRET};\n`);
  });

  function linked(): string {
    const root = project({ 'migrations/001.sql': 'SELECT 1;\n', 'shared/ok.sql': 'SELECT 2;\n' });
    symlinkSync(join(outside, 'secret.sql'), join(root, 'migrations', '002_evil.sql'));
    return root;
  }

  it.each([
    ['a folder', ['migrations']],
    ['a glob', ['migrations/*.sql']],
    ['the default folders', []],
    ['a ** glob from the root', ['**/*.sql']]
  ])('a link found through %s is refused with one error naming it, nothing read', async (_label, args) => {
    const root = linked();
    const { code, stdout, stderr } = await cli(args, root);
    expect(code).toBe(2);
    expect(stderr).toMatch(/migrations\/002_evil\.sql is a symbolic link that leads outside/);
    expect(stdout + stderr).not.toContain(SECRET.slice(0, 12));
  });

  it('a default folder that is itself a link out of the working directory is refused; an absolute folder is not', async () => {
    const root = project({ 'README.md': 'x\n' });
    symlinkSync(join(outside, 'folder'), join(root, 'migrations'));
    const refused = await cli([], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /migrations\/x\.sql is under a symbolic link that leads outside the working directory/
    );
    expect(refused.stdout + refused.stderr).not.toContain(SECRET.slice(0, 12));
    expect(expandPaths([join(outside, 'folder')], root).files).toEqual([join(outside, 'folder', 'x.sql')]);
  });

  it('a link to a file inside the same folder is fine; a file named on the command line is read where it is', async () => {
    const root = project({ 'migrations/001.sql': 'SELECT 1;\n', 'migrations/sub/002.sql': 'SELECT 2;\n' });
    symlinkSync(join(root, 'migrations', 'sub', '002.sql'), join(root, 'migrations', '003.sql'));
    expect(expandPaths(['migrations'], root).files).toEqual([
      'migrations/001.sql',
      'migrations/003.sql',
      'migrations/sub/002.sql'
    ]);
    expect(expandPaths([join(outside, 'folder', 'x.sql')], root).files).toEqual([join(outside, 'folder', 'x.sql')]);
    // ... but not once a link in the folder leads out of it.
    symlinkSync(join(outside, 'folder', 'x.sql'), join(root, 'migrations', '004.sql'));
    expect(() => expandPaths(['migrations'], root)).toThrow(
      /migrations\/004\.sql is a symbolic link that leads outside/
    );
  });

  it('a link leading back out through .. of a linked folder, or to a sibling folder, is refused', async () => {
    const root = project({ 'migrations/001.sql': 'SELECT 1;\n', 'other/x.sql': 'SELECT 2;\n' });
    symlinkSync('../other/x.sql', join(root, 'migrations', '002.sql'));
    expect(() => expandPaths(['migrations'], root)).toThrow(
      /migrations\/002\.sql is a symbolic link that leads outside migrations/
    );
    symlinkSync(join(outside, 'folder'), join(root, 'linked'));
    expect(() => expandPaths(['linked/../linked/x.sql', 'linked/*.sql'], root, [], { workspace: root })).toThrow(
      /leads outside the workspace/
    );
  });

  it('the action (workspace set): even a file named explicitly may not lead outside the workspace', () => {
    const root = linked();
    expect(() => expandPaths(['migrations/002_evil.sql'], root, [], { workspace: root })).toThrow(
      /migrations\/002_evil\.sql leads outside the workspace through a symbolic link/
    );
    expect(() => expandPaths([join(outside, 'secret.sql')], root, [], { workspace: root })).toThrow(
      /is outside the workspace/
    );
    // Excluded, it is not read and not refused.
    expect(expandPaths(['migrations'], root, ['**/002_evil.sql'], { workspace: root }).files).toEqual([
      'migrations/001.sql'
    ]);
  });

  it('config include globs may not leave the repository', async () => {
    for (const glob of ['../outside/*.sql', '/etc/*.sql', 'db/../../x.sql', '!../x.sql']) {
      await expect(parseConfig(`include: ["${glob}"]\n`, 'c.yml', [])).rejects.toThrow(/leaves the repository/);
    }
  });

  it.each([
    ['an unterminated dollar quote', `CREATE FUNCTION f() AS $$ ${SECRET} ${SECRET}`],
    ['an unterminated string', `SELECT '${SECRET}\n${SECRET}`],
    ['an unterminated comment', `/* ${SECRET}\n${SECRET}`],
    ['an unterminated quoted identifier', `SELECT "${SECRET}${SECRET}`],
    ['a long bare token', `${SECRET}${SECRET}${SECRET} x;`],
    ['control characters', `SELECT '\u0007\u001b[31m${SECRET}`]
  ])('%s: the syntax error quotes at most 40 characters, control characters escaped', async (_label, text) => {
    const result = await lintSql(text);
    const [error] = result.findings.filter((f) => f.rule === 'syntax-error');
    expect(error).toBeDefined();
    // Each escaped control character stands for one character of the file.
    const quoted = (/"([\s\S]*)"/.exec(error.message)?.[1] ?? '').replace(/\\x[0-9a-f]{2}|\\[nrt]/g, '.');
    expect(Array.from(quoted.replace(/…$/, '')).length).toBeLessThanOrEqual(40);
    expect(error.message).not.toContain(SECRET + SECRET.slice(0, 5));
    expect([...error.message].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
  });

  it('through the CLI: a file that is not SQL leaks at most an excerpt into any output format', async () => {
    const root = project({ 'm/001.sql': `-- a key\n${SECRET}${SECRET}\n${SECRET}\n` });
    for (const format of ['text', 'json', 'sarif']) {
      const { stdout } = await cli(['m', '--format', format, '--fail-on', 'never'], root);
      expect(stdout).toContain(SECRET.slice(0, 20));
      expect(stdout).not.toContain(`${SECRET}${SECRET.slice(0, 10)}`);
      expect(stdout).not.toContain(SECRET.slice(30));
    }
  });
});
