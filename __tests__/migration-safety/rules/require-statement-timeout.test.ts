import { EXISTING, lintSql, positions } from '../lint-sql.js';

const RULE = 'require-statement-timeout';
const opts = { history: [EXISTING] };

describe(RULE, () => {
  it.each([
    ['CREATE UNIQUE INDEX users_email ON users (email);', [[1, 1, 1, 49]]],
    ["SET lock_timeout = '1s';\nALTER TABLE users ALTER COLUMN age TYPE bigint;", [[2, 1, 2, 47]]],
    ['SELECT 1;\nLOCK TABLE orgs;\nLOCK TABLE users;', [[2, 1, 2, 16]]],
    ["SET statement_timeout = '5s';\nRESET statement_timeout;\nDROP TABLE orgs;", [[3, 1, 3, 16]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, opts)).toEqual(expected);
  });

  it.each([
    "SET statement_timeout = '10min';\nCREATE INDEX users_age ON users (age);",
    'LOCK TABLE users IN ACCESS SHARE MODE;',
    'CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, opts)).toEqual([]);
  });

  it('records why a file of new objects is silent', async () => {
    const result = await lintSql("CREATE TYPE mood AS ENUM ('a');", opts);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([expect.objectContaining({ line: 1 })]);
  });
});
