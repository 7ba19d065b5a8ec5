import { EXISTING, positions } from '../lint-sql.js';

const ON = { rules: { 'require-table-schema': { enabled: true } } };

const RULE = 'require-table-schema';

describe(RULE, () => {
  it.each([
    ['CREATE TABLE t (a bigint);', [[1, 14, 1, 15]]],
    ['ALTER TABLE "users" ADD COLUMN b text;', [[1, 13, 1, 20]]],
    ['DROP TABLE public.a, b;', [[1, 22, 1, 23]]],
    ['ALTER TABLE users RENAME TO people;', [[1, 13, 1, 18]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING], ...ON })).toEqual(expected);
  });

  it.each(['CREATE TABLE public.t (a bigint);', 'CREATE INDEX i ON t (a);'])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING], ...ON })).toEqual([]);
  });

  it('is off unless the configuration turns it on', async () => {
    expect(await positions(RULE, 'CREATE TABLE t (a bigint);')).toEqual([]);
    expect(
      await positions(RULE, 'CREATE TABLE t (a bigint);', { rules: { [RULE]: { severity: 'error' } } })
    ).toHaveLength(1);
  });
});
