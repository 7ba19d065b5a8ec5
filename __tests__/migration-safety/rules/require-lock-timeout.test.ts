import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'require-lock-timeout';
const opts = { history: [EXISTING] };

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users ADD COLUMN a text;', [[1, 1, 1, 36]]],
    // Reported once per file, on the first statement that needs it.
    ['CREATE TABLE t (a int);\nCREATE INDEX users_age ON users (age);\nDROP TABLE orgs;', [[2, 1, 2, 38]]],
    ['SET lock_timeout = 0;\nCREATE TABLE t (a int REFERENCES orgs (id));', [[2, 1, 2, 44]]],
    // SET LOCAL ends with the transaction.
    [
      "BEGIN;\nSET LOCAL lock_timeout = '1s';\nALTER TABLE users DROP COLUMN age;\nCOMMIT;\nTRUNCATE users;",
      [[5, 1, 5, 15]]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, opts)).toEqual(expected);
  });

  it('names the lock and the table', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE users ADD COLUMN a text;', opts);
    expect(finding.message).toBe(
      'No lock_timeout is set before this statement takes an ACCESS EXCLUSIVE lock on users: while it waits for the lock, every query on the table queues behind it'
    );
  });

  it.each([
    "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a text;",
    "SET statement_timeout = '1min';\nSET lock_timeout TO '1s';\nDROP TABLE users;",
    // CONCURRENTLY and VALIDATE wait without blocking reads or writes.
    'CREATE INDEX CONCURRENTLY users_age ON users (age);\nALTER TABLE users VALIDATE CONSTRAINT c;',
    "CREATE TYPE mood AS ENUM ('a');\nSELECT 1;"
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, opts)).toEqual([]);
  });

  it('exempts tables created in the same change set, where squawk reports', async () => {
    const result = await lintSql(
      'CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nALTER TABLE t ADD COLUMN b int;',
      opts
    );
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([
      expect.objectContaining({ line: 2, reason: 'takes no lock that blocks reads or writes of a table in use' })
    ]);
  });

  it('maps squawk-ignore require-timeout-settings to both timeout rules', async () => {
    const sql = '-- squawk-ignore require-timeout-settings\nALTER TABLE users ADD COLUMN a text;';
    const rules = (await lintSql(sql, opts)).findings.map((f) => f.rule);
    expect(rules).not.toContain(RULE);
    expect(rules).not.toContain('require-statement-timeout');
  });
});
