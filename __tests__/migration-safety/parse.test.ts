// A file that does not parse: one syntax-error finding where PostgreSQL stops, the statements before it still
// linted, and every other file still linted.
import { lintMigrations, type MigrationSource } from '../../actions/migration-safety/src/engine/lint.js';
import { loadParser, parseMigration } from '../../actions/migration-safety/src/engine/parse.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
import { EXISTING, lintSql } from './lint-sql.js';

const INDEX = 'require-concurrent-index-creation';
const history = [EXISTING];

beforeAll(() => loadParser());

// Only the two rules these tests are about, so rules added later do not change the expectations.
const WATCHED = new Set([INDEX, 'syntax-error']);

function brief(findings: { rule: string; line: number; column: number; endLine: number; endColumn: number }[]) {
  return findings.filter((f) => WATCHED.has(f.rule)).map((f) => [f.rule, f.line, f.column, f.endLine, f.endColumn]);
}

describe('syntax errors', () => {
  it('reports the position where the parser stopped', async () => {
    const result = await lintSql('SELECT 1;\n\nALTER TABLE users ADD COLUMN x int NOT NUL;', { history });
    const errors = result.findings.filter((f) => f.rule === 'syntax-error');
    expect(brief(errors)).toEqual([['syntax-error', 3, 40, 3, 41]]);
    expect(errors[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('syntax error at or near') });
    expect(result.files.find((f) => f.path === 'migration.sql')).toMatchObject({ syntaxError: true, statements: 1 });
  });

  it('still lints the statements before the error', async () => {
    const sql = 'CREATE INDEX a ON users (email);\nCREATE INDEX b ON users (name);\nCREATE INDX c ON users (age);';
    const result = await lintSql(sql, { history });
    expect(brief(result.findings)).toEqual([
      [INDEX, 1, 1, 1, 32],
      [INDEX, 2, 1, 2, 31],
      ['syntax-error', 3, 8, 3, 9]
    ]);
    const error = result.findings.find((f) => f.rule === 'syntax-error');
    expect(error!.message).toContain('statements after it were not linted');
  });

  it('still lints the statements before an unterminated string (the scanner itself fails)', async () => {
    const result = await lintSql("CREATE INDEX a ON users (email);\nSELECT 'oops", { history });
    expect(brief(result.findings)).toEqual([
      [INDEX, 1, 1, 1, 32],
      ['syntax-error', 2, 8, 2, 9]
    ]);
  });

  it('keeps the statements before the error on the same line', async () => {
    const result = await lintSql('CREATE INDEX a ON users (email); SELEC 1; CREATE INDEX b ON users (name);', {
      history
    });
    expect(brief(result.findings)).toEqual([
      [INDEX, 1, 1, 1, 32],
      ['syntax-error', 1, 34, 1, 35]
    ]);
  });

  it('reports an error in the first statement with no statements linted', async () => {
    const result = await lintSql('CREAT INDEX a ON users (email);\nCREATE INDEX b ON users (name);', { history });
    expect(brief(result.findings)).toEqual([['syntax-error', 1, 1, 1, 2]]);
    expect(result.findings.find((f) => f.rule === 'syntax-error')!.message).not.toContain('statements after it');
  });

  it('stops at a NUL character (the C parser would silently end the file there), linting what is before it', async () => {
    const result = await lintSql('CREATE INDEX a ON users (email);\nSELECT 1;\u0000\nCREATE INDEX b ON users (name);', {
      history
    });
    expect(brief(result.findings)).toEqual([
      [INDEX, 1, 1, 1, 32],
      ['syntax-error', 2, 10, 2, 11]
    ]);
    expect(result.findings.find((f) => f.rule === 'syntax-error')!.message).toContain('0x00');
  });

  it('lints the files after a broken file, against the schema built before it', async () => {
    const sources: MigrationSource[] = [
      { path: '001.sql', text: EXISTING, lint: true, changeSet: 0 },
      { path: '002.sql', text: 'CREATE TABLE broken (;\nCREATE INDEX x ON users (email);', lint: true, changeSet: 1 },
      { path: '003.sql', text: 'CREATE INDEX y ON users (name);', lint: true, changeSet: 2 },
      { path: '004.sql', text: 'CREATE INDEX z ON orgs (name);', lint: true, changeSet: 3 }
    ];
    const result = await lintMigrations(sources, { pgVersion: 16, framework: 'plain' }, ALL_RULES);
    const watched = result.findings.filter((f) => WATCHED.has(f.rule));
    expect(watched.map((f) => [f.file, f.rule, f.line])).toEqual([
      ['002.sql', 'syntax-error', 1],
      ['003.sql', INDEX, 1],
      ['004.sql', INDEX, 1]
    ]);
    expect(result.files.map((f) => [f.path, f.syntaxError])).toEqual([
      ['001.sql', false],
      ['002.sql', true],
      ['003.sql', false],
      ['004.sql', false]
    ]);
  });

  it('does not report a syntax error in a file that only builds the catalogue', async () => {
    const result = await lintSql('CREATE INDEX y ON users (name);', { history: [EXISTING, 'NOT SQL AT ALL;'] });
    expect(brief(result.findings)).toEqual([[INDEX, 1, 1, 1, 31]]);
  });

  it('cannot be switched off or downgraded: a file that does not parse is never passed off as checked', async () => {
    for (const setting of [{ enabled: false }, { severity: 'warning' as const }]) {
      const result = await lintSql('SELEC 1;', { rules: { 'syntax-error': setting } });
      expect(brief(result.findings)).toEqual([['syntax-error', 1, 1, 1, 2]]);
      expect(result.findings[0].severity).toBe('error');
      expect(result.files.at(-1)).toMatchObject({ syntaxError: true, parsed: 'none' });
    }
  });
});

describe('parseMigration', () => {
  it('returns every statement of a valid file with its node kind', () => {
    const parsed = parseMigration('BEGIN;\nCREATE TABLE t (a int);\nALTER TABLE t ADD b int;\nCOMMIT;');
    expect(parsed.syntaxError).toBeUndefined();
    expect(parsed.statements.map((s) => [s.index, s.kind])).toEqual([
      [0, 'TransactionStmt'],
      [1, 'CreateStmt'],
      [2, 'AlterTableStmt'],
      [3, 'TransactionStmt']
    ]);
  });

  it('ends a statement before a trailing -- comment in a file with CR-only line ends', () => {
    const sql =
      'ALTER TABLE users -- widen\r  ALTER COLUMN name TYPE varchar(100);\rCREATE INDEX i ON t (a) -- why\r;\r';
    expect(parseMigration(sql).statements.map((s) => s.sql)).toEqual([
      'ALTER TABLE users -- widen\r  ALTER COLUMN name TYPE varchar(100)',
      'CREATE INDEX i ON t (a)'
    ]);
  });

  it('keeps dollar-quoted bodies with semicolons inside one statement', () => {
    const sql = 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; SELECT 2; $$ LANGUAGE sql;\nSELECT 3;';
    expect(parseMigration(sql).statements.map((s) => s.kind)).toEqual(['CreateFunctionStmt', 'SelectStmt']);
  });
});
