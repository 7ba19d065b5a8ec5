import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'adding-not-nullable-field';
const history = [EXISTING];

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users ALTER COLUMN email SET NOT NULL;', [[1, 1, 1, 50]]],
    [
      'SELECT 1;\nALTER TABLE users ALTER email SET NOT NULL, ALTER name SET NOT NULL;',
      [
        [2, 1, 2, 68],
        [2, 1, 2, 68]
      ]
    ],
    [
      // The check proves something else: SET NOT NULL still scans.
      'ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT c;\nALTER TABLE users ALTER COLUMN age SET NOT NULL;',
      [[3, 1, 3, 48]]
    ],
    [
      // Not validated yet.
      'ALTER TABLE users ADD CONSTRAINT c CHECK (age IS NOT NULL) NOT VALID;\nALTER TABLE users ALTER COLUMN age SET NOT NULL;',
      [[2, 1, 2, 48]]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history })).toEqual(expected);
  });

  it.each([
    'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;',
    'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;',
    'ALTER TABLE users ADD CONSTRAINT c CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT c;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history })).toEqual([]);
  });

  it('recognises a validated check from an earlier deploy by its conventional name', async () => {
    const earlier =
      'ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;';
    const sql = 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;';
    expect(await positions(RULE, sql, { history: [EXISTING, earlier] })).toEqual([]);
    // Before PostgreSQL 12 SET NOT NULL ignores the check and scans anyway.
    expect(await positions(RULE, sql, { history: [EXISTING, earlier], pgVersion: 11 })).toEqual([[1, 1, 1, 50]]);
  });

  it('attaches the expand-migrate-contract recipe', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;', { history });
    expect(finding.recipe?.steps.map((s) => s.sql).join('\n')).toContain(
      'ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID'
    );
  });

  it('exempts a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a SET NOT NULL;');
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 2, reason: 'table created in this change set' })
    );
  });
});
