import { lintMigrations } from '../../../actions/migration-safety/src/engine/lint.js';
import { ALL_RULES } from '../../../actions/migration-safety/src/rules/index.js';
import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'expand-contract-same-change-set';

describe(RULE, () => {
  it.each([
    [
      // A rename done as expand, migrate and contract at once.
      'ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = name;\nALTER TABLE users DROP COLUMN name;',
      [[3, 1, 3, 35]]
    ],
    [
      'ALTER TABLE users ADD COLUMN years int;\nUPDATE users u SET years = coalesce(u.age, 0) WHERE true;\nALTER TABLE users DROP COLUMN IF EXISTS age, ADD COLUMN z int;',
      [[3, 1, 3, 62]]
    ],
    [
      // A type change by copy and swap.
      'ALTER TABLE users ADD COLUMN age_new bigint;\nUPDATE users SET age_new = age;\nALTER TABLE users DROP COLUMN age;\nALTER TABLE users RENAME COLUMN age_new TO age;',
      [[3, 1, 3, 34]]
    ],
    [
      // A table rename with a compatibility view that the same change set drops again.
      'ALTER TABLE orgs RENAME TO organizations;\nCREATE VIEW orgs AS SELECT * FROM organizations;\nDROP VIEW orgs;',
      [[3, 1, 3, 15]]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each([
    // Expand and migrate only: the contract comes in a later deploy.
    'ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = name;',
    // Not a contract.
    "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\nUPDATE users SET email = '' WHERE email IS NULL;\nALTER TABLE users VALIDATE CONSTRAINT email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT email_nn;",
    // A drop with a plausible replacement but no copy: the drop rules judge it, not this one.
    'ALTER TABLE users ADD COLUMN full_name text;\nALTER TABLE users DROP COLUMN name;',
    // The copy does not read the dropped column.
    "ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = 'x' WHERE name IS NULL;\nALTER TABLE users DROP COLUMN name;",
    // Rename with a view, the view kept for the next deploy.
    'ALTER TABLE orgs RENAME TO organizations;\nCREATE VIEW orgs AS SELECT * FROM organizations;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });

  it('accepts the contract in a later change set', async () => {
    const history = [EXISTING, 'ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = name;'];
    expect(await positions(RULE, 'ALTER TABLE users DROP COLUMN name;', { history })).toEqual([]);
  });

  it('follows the change set across its files', async () => {
    const result = await lintMigrations(
      [
        { path: 'a.sql', text: EXISTING, lint: false, changeSet: 0 },
        { path: 'b.sql', text: 'ALTER TABLE users ADD COLUMN full_name text;', lint: true, changeSet: 1 },
        { path: 'c.sql', text: 'UPDATE users SET full_name = name;', lint: true, changeSet: 1 },
        { path: 'd.sql', text: 'ALTER TABLE users DROP COLUMN name;', lint: true, changeSet: 1 }
      ],
      { pgVersion: 16, framework: 'plain' },
      ALL_RULES
    );
    expect(result.findings.filter((f) => f.rule === RULE).map((f) => f.file)).toEqual(['d.sql']);
  });

  it('explains and attaches the rename recipe', async () => {
    const [finding] = await findingsOf(
      RULE,
      'ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = name;\nALTER TABLE users DROP COLUMN name;',
      { history: [EXISTING] }
    );
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe(
      'This change set adds users.full_name, copies name into it and drops name: expand and contract in one deploy break the release still running, which reads and writes name'
    );
    expect(finding.recipe?.title).toBe('Rename users.name to full_name without breaking the running release');
    expect(finding.recipe?.steps[0].sql).toContain('ADD COLUMN full_name text');
  });

  it('attaches the type-change recipe to a copy and swap', async () => {
    const [finding] = await findingsOf(
      RULE,
      'ALTER TABLE users ADD COLUMN age_new bigint;\nUPDATE users SET age_new = age;\nALTER TABLE users DROP COLUMN age;\nALTER TABLE users RENAME COLUMN age_new TO age;',
      { history: [EXISTING] }
    );
    expect(finding.recipe?.title).toBe('Change users.age to bigint without a table rewrite under lock');
  });

  it('exempts tables created in the same change set', async () => {
    const result = await lintSql(
      'CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nUPDATE t SET b = a;\nALTER TABLE t DROP COLUMN a;'
    );
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(expect.objectContaining({ rule: RULE, line: 4 }));
  });
});
