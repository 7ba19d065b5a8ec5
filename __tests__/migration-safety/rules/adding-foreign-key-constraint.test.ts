import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'adding-foreign-key-constraint';
const history = [EXISTING];

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);', [[1, 23, 1, 88]]],
    ['ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs;', [[1, 23, 1, 59]]],
    ['SELECT 1;\nALTER TABLE users ADD COLUMN team_id bigint REFERENCES orgs (id);', [[2, 30, 2, 65]]],
    [
      'ALTER TABLE "users" ADD CONSTRAINT a FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE;',
      [[1, 25, 1, 97]]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history })).toEqual(expected);
  });

  it.each([
    'ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;',
    'ALTER TABLE users VALIDATE CONSTRAINT users_org_fk;',
    'ALTER TABLE users ADD CONSTRAINT users_age CHECK (age > 0);',
    'CREATE TABLE t (id bigint PRIMARY KEY, org_id bigint REFERENCES orgs (id));'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history })).toEqual([]);
  });

  it('names both tables in the message', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs;', {
      history
    });
    expect(finding.message).toContain('users (org_id) -> orgs');
    expect(finding.severity).toBe('error');
  });

  it('exempts a referencing table created in the same change set', async () => {
    const result = await lintSql(
      'CREATE TABLE t (id bigint, org_id bigint);\nALTER TABLE t ADD CONSTRAINT t_org FOREIGN KEY (org_id) REFERENCES orgs (id);',
      { history }
    );
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 2, reason: 'table created in this change set' })
    );
  });
});
