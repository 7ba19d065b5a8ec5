import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from './corpus-path.js';
import * as libpgQuery from 'libpg-query';
import { cjsExports } from '../../shared/src/lib/cjs-interop.js';
import { loadParser, parseMigration } from '../../actions/migration-safety/src/engine/parse.js';
import { lexSql } from '../../actions/migration-safety/src/engine/sql-lexer.js';

interface ScanToken {
  start: number;
  end: number;
  tokenName: string;
}
const pg = cjsExports<{ loadModule(): Promise<void>; scanSync(sql: string): { tokens: ScanToken[] } }>(
  libpgQuery,
  'scanSync'
);

/** Token boundaries as the server's scanner sees them, comments left out. */
function scannerBoundaries(sql: string): string[] {
  return pg
    .scanSync(sql)
    .tokens.filter((t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT')
    .map((t) => `${t.start}-${t.end}`);
}

function lexerBoundaries(sql: string): string[] {
  return lexSql(sql, 0).map((t) => `${t.start}-${t.end}`);
}

// The engine loads its own parser instance; the package's scanner (the reference here) is a separate one.
beforeAll(() => Promise.all([loadParser(), pg.loadModule()]));

describe('sql-lexer', () => {
  it.each([
    "SELECT E'it\\'s', 'a''b', $$x;y$$, $tag$ $$ $tag$, $1 FROM \"Ta\"\"ble\" -- c\n/* a /* nested */ b */ WHERE a::int >= 1.5e3",
    'ALTER TABLE "Ü" ADD COLUMN "größe" varchar(10)[] NOT NULL, ALTER COLUMN a TYPE numeric(10,2)',
    "CREATE TABLE t (a int DEFAULT -1, b text DEFAULT U&'d\\0061t', c bytea DEFAULT X'FF', d int[] DEFAULT '{1,2}')",
    'SELECT 😀x, a<->b, c||d, 1..2',
    // A -- comment ends at a carriage return too (files with CR-only line ends); \v is white space.
    'SELECT a -- c\rFROM t\v WHERE b -- d\r\n= 1'
  ])('splits tokens where the PostgreSQL scanner does: %s', (sql) => {
    expect(lexerBoundaries(sql)).toEqual(scannerBoundaries(sql));
  });

  it('agrees with the scanner on every statement of the trigger.dev corpus', () => {
    const corpus = CORPUS;
    const mismatches: string[] = [];
    for (const dir of readdirSync(corpus).filter((d) => /^\d/.test(d))) {
      const text = readFileSync(join(corpus, dir, 'migration.sql'), 'utf8');
      for (const statement of parseMigration(text).statements) {
        if (lexerBoundaries(statement.sql).join() !== scannerBoundaries(statement.sql).join()) {
          mismatches.push(`${dir}: ${statement.sql.slice(0, 80)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('folds unquoted words to lower case (ASCII only) and unquotes quoted ones', () => {
    expect(lexSql('SELECT Ab, "Ab", ÀB', 10).map((t) => t.word)).toEqual([
      'select',
      'ab',
      undefined,
      'Ab',
      undefined,
      'Àb'
    ]);
    expect(lexSql('é x', 100).map((t) => [t.start, t.end])).toEqual([
      [100, 102],
      [103, 104]
    ]);
  });
});
