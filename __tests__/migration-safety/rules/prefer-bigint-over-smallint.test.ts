import { EXISTING, positions } from '../lint-sql.js';

const RULE = 'prefer-bigint-over-smallint';

describe(RULE, () => {
  it.each([
    ['CREATE TABLE t (rank smallint);', [[1, 22, 1, 30]]],
    ['ALTER TABLE users ADD COLUMN level int2;', [[1, 36, 1, 40]]],
    [
      'CREATE TABLE t (id smallserial, n serial2);',
      [
        [1, 20, 1, 31],
        [1, 35, 1, 42]
      ]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['CREATE TABLE t (n bigint, v int2vector);', 'ALTER TABLE users ALTER COLUMN age TYPE bigint;'])(
    'accepts %s',
    async (sql) => {
      expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
    }
  );
});
