// Byte offsets from the parser turned into 1-based line/column (UTF-16 code units, end exclusive) on text where
// bytes, code points and UTF-16 units all differ.
import { parseMigration, loadParser } from '../../actions/migration-safety/src/engine/parse.js';
import { SourceText } from '../../actions/migration-safety/src/engine/source-text.js';
import { EXISTING, positions } from './lint-sql.js';

const INDEX = 'require-concurrent-index-creation';
const history = [EXISTING];

beforeAll(() => loadParser());

describe('statement ranges', () => {
  it.each([
    ['ASCII', 'CREATE INDEX i ON users (email);', [[1, 1, 1, 32]]],
    ['é before the statement', "SELECT 'é';\nCREATE INDEX i ON users (email);", [[2, 1, 2, 32]]],
    ['é on the same line', "SELECT 'é'; CREATE INDEX i ON users (email);", [[1, 13, 1, 44]]],
    ['CJK inside the statement', 'CREATE INDEX "索引_日本" ON users (email);', [[1, 1, 1, 38]]],
    ['CJK before it on the line', "SELECT '日本'; CREATE INDEX i ON users (email);", [[1, 14, 1, 45]]],
    // An emoji is one code point, 4 UTF-8 bytes and 2 UTF-16 units: columns count the 2 units.
    ['emoji surrogate pairs', 'SELECT \'😀😀\'; CREATE INDEX "😀" ON users (email);', [[1, 16, 1, 50]]],
    ['CRLF line endings', "SELECT 'é';\r\n\r\nCREATE INDEX i\r\n  ON users (email);\r\n", [[3, 1, 4, 19]]],
    [
      'a statement spanning lines with emoji',
      'CREATE INDEX "😀"\nON users\n(email) WHERE name = \'日本\';',
      [[1, 1, 3, 26]]
    ]
  ])('%s', async (_label, sql, expected) => {
    expect(await positions(INDEX, sql, { history })).toEqual(expected);
  });

  it('starts after leading comments, not where the parser starts the statement', async () => {
    const sql = '-- a comment with é\n/* 日本\n   😀 */ -- more\n  CREATE INDEX i ON users (email);';
    expect(await positions(INDEX, sql, { history })).toEqual([[4, 3, 4, 34]]);
  });

  it('ends before the semicolon and the comments before it', async () => {
    const sql = 'CREATE INDEX i ON users (email) -- trailing é\n /* 😀 */ ;\nCREATE INDEX j ON users (name)/**/;';
    expect(await positions(INDEX, sql, { history })).toEqual([
      [1, 1, 1, 32],
      [3, 1, 3, 31]
    ]);
  });

  it('covers the last statement of a file without a semicolon', async () => {
    expect(await positions(INDEX, "SELECT '日本';\nCREATE INDEX i ON users (email)\n", { history })).toEqual([
      [2, 1, 2, 32]
    ]);
  });

  it('gives each statement its own text and leading comments', () => {
    const parsed = parseMigration("-- é\nSELECT 1;\r\n/* 😀 */ SELECT '日本' ;");
    expect(parsed.statements.map((s) => [s.sql, s.leading])).toEqual([
      ['SELECT 1', '-- é\n'],
      ["SELECT '日本'", ';\r\n/* 😀 */ ']
    ]);
    expect(parsed.statements.map((s) => parsed.source.span(s.range))).toEqual([
      { line: 2, column: 1, endLine: 2, endColumn: 9 },
      { line: 3, column: 10, endLine: 3, endColumn: 21 }
    ]);
  });
});

describe('syntax error positions', () => {
  it.each([
    ['ASCII', 'SELECT 1;\nSELECT x FRM t;', [[2, 14, 2, 15]]],
    ['é before the error', "SELECT 'ééé' FRM t;", [[1, 18, 1, 19]]],
    ['CJK on an earlier CRLF line', "SELECT '日本';\r\nSELECT 'a' FRM t;", [[2, 16, 2, 17]]],
    ['emoji on an earlier line', "SELECT '😀';\nSELEC 'é' x;", [[2, 1, 2, 2]]],
    ['emoji earlier on the same line', "SELECT '😀😀' FRM t;", [[1, 19, 1, 20]]],
    // Non-ASCII letters are identifier characters: `SELECT 1 FRM 日本` only fails at the second alias.
    ['the error at a multi-byte character', 'SELECT 1 FRM 日本 x;', [[1, 14, 1, 15]]],
    ['an emoji at the error', 'SELECT 1 FRM 😀 x;', [[1, 14, 1, 16]]],
    ['an unterminated string', "SELECT 'é';\nSELECT 'unterminated", [[2, 8, 2, 9]]],
    // Only from a string built in memory, not decoded from a file: still one column each.
    ['a lone surrogate before the error', "SELECT '\uD800x';\nSELECT '\uDC00' FRM t;", [[2, 16, 2, 17]]],
    ['an unterminated comment after CRLF', 'SELECT 1;\r\n/* 日本', [[2, 1, 2, 2]]]
  ])('%s', async (_label, sql, expected) => {
    expect(await positions('syntax-error', sql)).toEqual(expected);
  });
});

describe('SourceText', () => {
  it('maps byte offsets inside a multi-byte character to its start', () => {
    const source = new SourceText('a😀b');
    expect([0, 1, 2, 3, 4, 5, 6].map((b) => source.charIndex(b))).toEqual([0, 1, 1, 1, 1, 3, 4]);
    expect(source.byteLength).toBe(6);
  });

  it('maps code points to bytes', () => {
    const source = new SourceText('é日😀x');
    expect([0, 1, 2, 3, 4].map((c) => source.byteOfCodePoint(c))).toEqual([0, 2, 5, 9, 10]);
  });

  it('counts CR as part of the line it ends', () => {
    const source = new SourceText('ab\r\ncd');
    expect(source.span({ start: 4, end: 6 })).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 3 });
    expect(source.span({ start: 2, end: 3 })).toEqual({ line: 1, column: 3, endLine: 1, endColumn: 4 });
  });
});
