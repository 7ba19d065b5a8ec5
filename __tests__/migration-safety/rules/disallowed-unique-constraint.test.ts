import { EXISTING, lintSql, positions } from '../lint-sql.js';

const RULE = 'disallowed-unique-constraint';
const history = [EXISTING];

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);', [[1, 23, 1, 64]]],
    ['ALTER TABLE users ADD UNIQUE (email, org_id);', [[1, 23, 1, 45]]],
    ['SELECT 1;\nALTER TABLE users ADD COLUMN handle text UNIQUE;', [[2, 30, 2, 48]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history })).toEqual(expected);
  });

  it.each([
    'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;',
    'CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON users (email);',
    'CREATE TABLE t (a int UNIQUE, b int, UNIQUE (b));'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history })).toEqual([]);
  });

  it('exempts a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT t_a UNIQUE (a);');
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 2, reason: 'table created in this change set' })
    );
  });
});
