import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'prefer-robust-stmts';
const opts = { history: [EXISTING] };

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users ADD COLUMN a text;', [[1, 1, 1, 36]]],
    [
      'CREATE TABLE t (a int);\nDROP TABLE t;\nDROP TYPE mood;',
      [
        [1, 1, 1, 23],
        [2, 1, 2, 13],
        [3, 1, 3, 15]
      ]
    ],
    [
      'CREATE INDEX CONCURRENTLY users_age ON users (age);\nDROP INDEX CONCURRENTLY users_age;',
      [
        [1, 1, 1, 51],
        [2, 1, 2, 34]
      ]
    ],
    [
      'ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0);\nALTER TABLE users RENAME COLUMN age TO years;',
      [
        [1, 1, 1, 62],
        [2, 1, 2, 45]
      ]
    ],
    [
      'ALTER TABLE users RENAME TO people;\nALTER TABLE orgs RENAME CONSTRAINT orgs_pkey TO orgs_pk;',
      [
        [1, 1, 1, 35],
        [2, 1, 2, 56]
      ]
    ],
    // CONCURRENTLY is flagged even in a transaction: it cannot stay there.
    ['BEGIN;\nCREATE INDEX CONCURRENTLY users_age ON users (age);\nCOMMIT;', [[2, 1, 2, 51]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, opts)).toEqual(expected);
  });

  it('says which actions cannot be rerun', async () => {
    const sql = 'ALTER TABLE users ADD COLUMN a text, DROP COLUMN IF EXISTS b, DROP CONSTRAINT c;';
    const [finding] = await findingsOf(RULE, sql, opts);
    expect(finding.message).toBe(
      'ALTER TABLE users ADD COLUMN a without IF NOT EXISTS; DROP CONSTRAINT c without IF EXISTS: the file cannot be rerun after a partial failure'
    );
  });

  it.each([
    'ALTER TABLE users ADD COLUMN IF NOT EXISTS a text, DROP COLUMN IF EXISTS age;',
    'CREATE TABLE IF NOT EXISTS t (a int);\nDROP TABLE IF EXISTS t;\nDROP INDEX IF EXISTS i;\nDROP TYPE IF EXISTS mood;',
    'CREATE INDEX CONCURRENTLY ON users (age);',
    'CREATE TEMP TABLE scratch (a int) ON COMMIT DROP;',
    'ALTER TABLE users DROP CONSTRAINT IF EXISTS u;\nALTER TABLE users ADD CONSTRAINT u UNIQUE (email);\nALTER TABLE users VALIDATE CONSTRAINT u;',
    'BEGIN;\nALTER TABLE users ADD COLUMN a text;\nCREATE TABLE t (a int);\nCREATE INDEX users_age ON users (age);\nCOMMIT;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, opts)).toEqual([]);
  });

  it('accepts a file run in the migration tool transaction', async () => {
    expect(
      await positions(RULE, 'ALTER TABLE users ADD COLUMN a text;\nDROP TABLE orgs;', { ...opts, framework: 'dbmate' })
    ).toEqual([]);
  });

  it('records actions that succeed when run again as exempt', async () => {
    const sql =
      'ALTER TABLE users ALTER COLUMN age SET NOT NULL, ALTER COLUMN age SET DEFAULT 0;\nALTER TABLE users VALIDATE CONSTRAINT c;';
    const result = await lintSql(sql, opts);
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE).map((e) => [e.line, e.reason])).toEqual([
      [1, 'SET NOT NULL, SET / DROP DEFAULT succeeds when run again: nothing to make rerunnable'],
      [2, 'VALIDATE CONSTRAINT succeeds when run again: nothing to make rerunnable']
    ]);
  });

  it('flags statements after a COMMIT that ended the migration tool transaction', async () => {
    const sql = 'BEGIN;\nSELECT 1;\nCOMMIT;\nALTER TABLE users ADD COLUMN a text;';
    expect(await positions(RULE, sql, { ...opts, framework: 'goose' })).toEqual([[4, 1, 4, 36]]);
  });

  it('flags a second ADD of a constraint dropped once', async () => {
    const sql =
      'ALTER TABLE users DROP CONSTRAINT IF EXISTS u;\nALTER TABLE users ADD CONSTRAINT u UNIQUE (email);\nALTER TABLE users ADD CONSTRAINT u UNIQUE (email);';
    expect(await positions(RULE, sql, opts)).toEqual([[3, 1, 3, 50]]);
  });
});
