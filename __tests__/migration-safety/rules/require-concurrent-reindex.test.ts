import { EXISTING, lintSql, positions } from '../lint-sql.js';

const RULE = 'require-concurrent-reindex';
const history = [EXISTING, 'CREATE INDEX users_email_idx ON users (email);'];

describe(RULE, () => {
  it.each([
    ['REINDEX INDEX users_email_idx;', [[1, 1, 1, 30]]],
    ['REINDEX TABLE users;', [[1, 1, 1, 20]]],
    ['SELECT 1;\nREINDEX (VERBOSE) SCHEMA public;', [[2, 1, 2, 32]]],
    ['REINDEX (CONCURRENTLY false) TABLE users;', [[1, 1, 1, 41]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history })).toEqual(expected);
  });

  it.each([
    'REINDEX INDEX CONCURRENTLY users_email_idx;',
    'REINDEX (VERBOSE) TABLE CONCURRENTLY users;',
    'REINDEX (CONCURRENTLY) TABLE users;',
    'REINDEX SYSTEM;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history })).toEqual([]);
  });

  it('is off before PostgreSQL 12, which has no REINDEX CONCURRENTLY', async () => {
    expect(await positions(RULE, 'REINDEX TABLE users;', { history, pgVersion: 11 })).toEqual([]);
    expect(await positions(RULE, 'REINDEX TABLE users;', { history, pgVersion: 12 })).toEqual([[1, 1, 1, 20]]);
  });

  it('records why it is silent before PostgreSQL 12 (squawk flags it there)', async () => {
    const old = await lintSql('REINDEX TABLE users;', { history, pgVersion: 11 });
    expect(old.exempted.filter((e) => e.rule === RULE).map((e) => [e.line, e.column, e.reason])).toEqual([
      [1, 1, 'REINDEX CONCURRENTLY does not exist before PostgreSQL 12: nothing to ask for']
    ]);
    const off = await lintSql('REINDEX TABLE users;', {
      history,
      pgVersion: 11,
      rules: { [RULE]: { enabled: false } }
    });
    expect(off.exempted.filter((e) => e.rule === RULE)).toEqual([]);
    const current = await lintSql('REINDEX TABLE users;', { history });
    expect(current.exempted.filter((e) => e.rule === RULE)).toEqual([]);
  });

  it('exempts a table (or its index) created in the same change set', async () => {
    const result = await lintSql(
      'CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nREINDEX INDEX t_a;\nREINDEX TABLE t;'
    );
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE).map((e) => e.line)).toEqual([3, 4]);
  });
});
