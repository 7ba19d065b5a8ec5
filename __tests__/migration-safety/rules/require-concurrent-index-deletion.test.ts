import { EXISTING, lintSql, positions } from '../lint-sql.js';

const RULE = 'require-concurrent-index-deletion';
const history = [
  EXISTING,
  'CREATE INDEX users_email_idx ON users (email);\nCREATE INDEX users_age_idx ON users (age);'
];

describe(RULE, () => {
  it.each([
    ['DROP INDEX users_email_idx;', [[1, 1, 1, 27]]],
    ['DROP INDEX IF EXISTS users_email_idx, users_age_idx;', [[1, 1, 1, 52]]],
    ['SELECT 1;\n  DROP INDEX public.unknown_idx;', [[2, 3, 2, 32]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history })).toEqual(expected);
  });

  it.each([
    'DROP INDEX CONCURRENTLY users_email_idx;',
    'DROP INDEX CONCURRENTLY IF EXISTS users_age_idx;',
    'DROP TABLE users;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history })).toEqual([]);
  });

  it('exempts an index of a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nDROP INDEX t_a;', { history });
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 3, reason: 'table created in this change set' })
    );
  });

  it('still flags an index created in this change set on an existing table', async () => {
    const sql = 'CREATE INDEX CONCURRENTLY users_name_idx ON users (name);\nDROP INDEX users_name_idx;';
    expect(await positions(RULE, sql, { history })).toEqual([[2, 1, 2, 26]]);
  });
});
