import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'multiple-alter-table';

describe(RULE, () => {
  it.each([
    [
      'ALTER TABLE users ALTER COLUMN name SET NOT NULL;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      [[2, 1, 2, 50]]
    ],
    [
      'ALTER TABLE users ADD COLUMN a int;\nSET lock_timeout = 1000;\nALTER TABLE public.users ADD COLUMN b int;\nALTER TABLE orgs ADD COLUMN c int;\nALTER TABLE users DROP COLUMN age;',
      [
        [3, 1, 3, 42],
        [5, 1, 5, 34]
      ]
    ],
    [
      // Inside one transaction: two passes over the table.
      'BEGIN;\nALTER TABLE "users" ALTER COLUMN age TYPE bigint;\nALTER TABLE users ADD PRIMARY KEY (id, org_id);\nCOMMIT;',
      [[3, 1, 3, 47]]
    ],
    [
      // A statement on another table does not end the run.
      'ALTER TABLE users ADD COLUMN a int;\nCREATE INDEX CONCURRENTLY orgs_name ON orgs (name);\nALTER TABLE users ADD COLUMN b int;',
      [[3, 1, 3, 35]]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each([
    'ALTER TABLE users ADD COLUMN a int, ADD COLUMN b int;',
    'ALTER TABLE users ADD COLUMN a int;\nALTER TABLE orgs ADD COLUMN a int;',
    // The UPDATE in between needs the column the first ALTER added.
    'ALTER TABLE users ADD COLUMN a int;\nUPDATE users SET a = age;\nALTER TABLE users ALTER COLUMN a SET NOT NULL;',
    // NOT VALID then VALIDATE is split on purpose, and what follows the validation depends on it.
    'ALTER TABLE users ADD CONSTRAINT c CHECK (age IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT c;\nALTER TABLE users ALTER COLUMN age SET NOT NULL;',
    // Separate transactions keep each lock short.
    'BEGIN;\nALTER TABLE users ADD COLUMN a int;\nCOMMIT;\nBEGIN;\nALTER TABLE users ADD COLUMN b int;\nCOMMIT;',
    // A rename cannot be combined with other actions.
    'ALTER TABLE users ADD COLUMN a int;\nALTER TABLE users RENAME COLUMN name TO full_name;',
    // Inside one transaction the lock is already held and dropping constraints makes no pass over the table.
    'BEGIN;\nALTER TABLE users DROP CONSTRAINT a;\nALTER TABLE users DROP CONSTRAINT b;\nALTER TABLE users ADD COLUMN c int;\nCOMMIT;',
    'ALTER TABLE users ADD COLUMN a int;\nDO $$ BEGIN PERFORM 1; END $$;\nALTER TABLE users ADD COLUMN b int;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });

  it('names the table and the first statement', async () => {
    const [finding] = await findingsOf(
      RULE,
      'ALTER TABLE users ADD COLUMN a int;\n\nALTER TABLE users ADD COLUMN b int;',
      {
        history: [EXISTING]
      }
    );
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe(
      'users is altered again (first ALTER TABLE at line 1) and waits for its lock again: combine the actions into one ALTER TABLE'
    );
  });

  it('counts passes over the table inside a framework transaction', async () => {
    const sql =
      'ALTER TABLE users DROP CONSTRAINT a;\nALTER TABLE users ALTER COLUMN age SET NOT NULL;\nALTER TABLE users ADD CONSTRAINT c CHECK (age > 0);';
    const findings = await findingsOf(RULE, sql, { history: [EXISTING], framework: 'prisma' });
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [
        3,
        'users is altered again (first ALTER TABLE at line 1) and makes another pass over it: combine the actions into one ALTER TABLE'
      ]
    ]);
  });

  it('exempts a table created in the same change set', async () => {
    const result = await lintSql(
      'CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN a int;\nALTER TABLE t ADD COLUMN b int;'
    );
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 3, reason: 'table created in this change set' })
    );
  });
});
