import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'lock-held-across-statements';
const opts = { history: [EXISTING] };

describe(RULE, () => {
  it.each([
    ["BEGIN;\nALTER TABLE users ADD COLUMN a text;\nUPDATE orgs SET name = 'x';\nCOMMIT;", [[3, 1, 3, 27]]],
    [
      'BEGIN;\nALTER TABLE users ADD COLUMN a text;\nSET lock_timeout = 0;\nALTER TABLE orgs ADD COLUMN b text;\nCREATE INDEX users_age ON users (age);\nCOMMIT;',
      [
        [4, 1, 4, 35],
        [5, 1, 5, 38]
      ]
    ],
    ['BEGIN;\nDROP TABLE orgs;\n  SELECT count(*) FROM users;\nCOMMIT;', [[3, 3, 3, 29]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, opts)).toEqual(expected);
  });

  it('names the locked table and the line that took the lock', async () => {
    const sql = "BEGIN;\nALTER TABLE users ADD COLUMN a text;\nLOCK TABLE orgs;\nUPDATE users SET a = 'x';\nCOMMIT;";
    const findings = await findingsOf(RULE, sql, opts);
    expect(findings.map((f) => f.message)).toEqual([
      'Runs while ACCESS EXCLUSIVE is held on table users (locked at line 2): reads and writes of it wait until COMMIT',
      'Runs while ACCESS EXCLUSIVE is held on table users (locked at line 2), table orgs (locked at line 3): reads and writes of them wait until COMMIT'
    ]);
  });

  it('uses the transaction the migration tool opens', async () => {
    const sql = 'ALTER TABLE users ADD COLUMN a text;\nUPDATE orgs SET name = name;';
    expect(await positions(RULE, sql, { ...opts, framework: 'flyway' })).toEqual([[2, 1, 2, 28]]);
    expect(await positions(RULE, sql, opts)).toEqual([]);
  });

  it.each([
    // Autocommit: each statement releases its locks.
    'ALTER TABLE users ADD COLUMN a text;\nUPDATE orgs SET name = name;',
    // COMMIT and SET do not extend the lock.
    "BEGIN;\nALTER TABLE users ADD COLUMN a text;\nSET lock_timeout = '1s';\nCOMMIT;\nUPDATE orgs SET name = name;",
    // A table created in the change set is not in use.
    'BEGIN;\nCREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nUPDATE t SET a = 1;\nCOMMIT;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, opts)).toEqual([]);
  });

  it('records schema changes of new or already locked objects as exempt', async () => {
    const sql =
      'BEGIN;\nALTER TABLE users ADD COLUMN a text;\nCREATE TABLE t (a int);\nALTER TABLE users ADD COLUMN b text;\nCOMMIT;';
    const result = await lintSql(sql, opts);
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE).map((e) => e.line)).toEqual([3, 4]);
  });
});
