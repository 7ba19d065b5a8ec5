import { EXISTING, positions } from '../lint-sql.js';

const RULE = 'prefer-identity';

describe(RULE, () => {
  it.each([
    ['CREATE TABLE t (id serial PRIMARY KEY);', [[1, 20, 1, 26]]],
    ['ALTER TABLE users ADD COLUMN n bigserial;', [[1, 32, 1, 41]]],
    [
      'CREATE TABLE t (a smallserial, b serial8);',
      [
        [1, 19, 1, 30],
        [1, 34, 1, 41]
      ]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each([
    'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);',
    "CREATE TABLE t (id bigint DEFAULT nextval('s'));"
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });
});
