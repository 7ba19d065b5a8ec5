import { EXISTING, positions } from '../lint-sql.js';

const RULE = 'ban-drop-database';

describe(RULE, () => {
  it.each([
    ['DROP DATABASE app;', [[1, 1, 1, 18]]],
    ['DROP DATABASE IF EXISTS app WITH (FORCE);', [[1, 1, 1, 41]]],
    ['SELECT 1;\n  DROP DATABASE "App"', [[2, 3, 2, 22]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['DROP SCHEMA app;', 'CREATE DATABASE app;'])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });
});
