import { EXISTING, lintSql, positions } from '../lint-sql.js';

const RULE = 'ban-char-field';

describe(RULE, () => {
  it.each([
    ['CREATE TABLE t (code char(2), name text);', [[1, 22, 1, 29]]],
    ['ALTER TABLE users ADD COLUMN country character(2)[];', [[1, 38, 1, 52]]],
    ['ALTER TABLE users ALTER COLUMN name TYPE bpchar;', [[1, 42, 1, 48]]],
    [
      'CREATE TABLE t (a national character(3), b character)',
      [
        [1, 19, 1, 40],
        [1, 44, 1, 53]
      ]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['CREATE TABLE t (code varchar(2), flag "char");', 'CREATE TABLE t (name character varying, c text);'])(
    'accepts %s',
    async (sql) => {
      expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
    }
  );

  it('records why the internal "char" type is not flagged (squawk flags it)', async () => {
    const { exempted } = await lintSql('CREATE TABLE t (flag "char", code char(2));');
    expect(exempted.filter((e) => e.rule === RULE).map((e) => [e.line, e.column, e.endColumn, e.reason])).toEqual([
      [1, 22, 28, '"char" is the internal one-byte type, not char(n): it does not pad']
    ]);
  });
});
