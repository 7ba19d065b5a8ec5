import { EXISTING, positions } from '../lint-sql.js';

const RULE = 'prefer-jsonb';

describe(RULE, () => {
  it.each([
    ['CREATE TABLE t (payload json);', [[1, 25, 1, 29]]],
    ["ALTER TABLE users ADD COLUMN meta json NOT NULL DEFAULT '{}';", [[1, 35, 1, 39]]],
    ['ALTER TABLE users ALTER COLUMN name TYPE json USING name::json;', [[1, 42, 1, 46]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['CREATE TABLE t (payload jsonb);', "SELECT '{}'::json;"])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });
});
