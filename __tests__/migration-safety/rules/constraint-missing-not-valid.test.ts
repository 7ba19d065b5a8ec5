import { EXISTING, lintSql, positions } from '../lint-sql.js';

const RULE = 'constraint-missing-not-valid';
const history = [EXISTING];

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users ADD CONSTRAINT users_age CHECK (age > 0);', [[1, 23, 1, 59]]],
    ["ALTER TABLE users ADD CHECK (email <> '');", [[1, 23, 1, 42]]],
    [
      'BEGIN;\nALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT c;\nCOMMIT;',
      [[3, 1, 3, 40]]
    ],
    [
      'BEGIN;\nALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT fk;\nCOMMIT;',
      [[3, 1, 3, 41]]
    ],
    ['ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID, VALIDATE CONSTRAINT c;', [[1, 1, 1, 84]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history })).toEqual(expected);
  });

  it.each([
    'ALTER TABLE users ADD CONSTRAINT users_age CHECK (age > 0) NOT VALID;',
    'ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT c;',
    'BEGIN;\nALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID;\nCOMMIT;\nBEGIN;\nALTER TABLE users VALIDATE CONSTRAINT c;\nCOMMIT;',
    'ALTER TABLE users VALIDATE CONSTRAINT c;',
    'CREATE TABLE t (a int CHECK (a > 0));'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history })).toEqual([]);
  });

  it('flags VALIDATE in the implicit transaction of a framework that wraps each file', async () => {
    const sql =
      'ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT c;';
    expect(await positions(RULE, sql, { history, assumeInTransaction: true })).toEqual([[2, 1, 2, 40]]);
  });

  it('exempts a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);');
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 2, reason: 'table created in this change set' })
    );
  });
});
