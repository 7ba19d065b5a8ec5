import { EXISTING, positions } from '../lint-sql.js';

const RULE = 'prefer-bigint-over-int';

describe(RULE, () => {
  it.each([
    [
      'CREATE TABLE t (id integer PRIMARY KEY, n int4);',
      [
        [1, 20, 1, 27],
        [1, 43, 1, 47]
      ]
    ],
    ['ALTER TABLE users ADD COLUMN visits int;', [[1, 37, 1, 40]]],
    ['ALTER TABLE users ALTER COLUMN org_id TYPE integer[];', [[1, 44, 1, 53]]],
    ['CREATE TABLE t (id serial PRIMARY KEY);', [[1, 20, 1, 26]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['CREATE TABLE t (id bigint, n int8, r int4range);', 'CREATE TABLE t AS SELECT 1::int AS n;'])(
    'accepts %s',
    async (sql) => {
      expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
    }
  );
});
