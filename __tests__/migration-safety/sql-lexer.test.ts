import { lexSql } from '../../actions/migration-safety/src/engine/sql-lexer.js';
import { lexerBoundaries, loadScanners, scannerBoundaries } from './pg-scanner.js';

beforeAll(loadScanners);

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
