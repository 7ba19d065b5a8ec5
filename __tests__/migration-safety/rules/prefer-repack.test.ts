import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'prefer-repack';
const history = [EXISTING, 'CREATE INDEX users_email_idx ON users (email);'];

describe(RULE, () => {
  it.each([
    ['VACUUM FULL users;', [[1, 1, 1, 18]]],
    ['VACUUM (FULL, ANALYZE) users, orgs;', [[1, 1, 1, 35]]],
    ['SELECT 1;\nCLUSTER users USING users_email_idx;', [[2, 1, 2, 36]]],
    ['CLUSTER;', [[1, 1, 1, 8]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history })).toEqual(expected);
  });

  it.each(['VACUUM users;', 'VACUUM (ANALYZE) users;', 'VACUUM (FULL false) users;', 'ANALYZE users;'])(
    'accepts %s',
    async (sql) => {
      expect(await positions(RULE, sql, { history })).toEqual([]);
    }
  );

  it('suggests REPACK (CONCURRENTLY) from PostgreSQL 19, pg_repack before', async () => {
    const [now] = await findingsOf(RULE, 'VACUUM FULL users;', { history });
    expect(now.message).toContain('pg_repack');
    const [later] = await findingsOf(RULE, 'VACUUM FULL users;', { history, pgVersion: 19 });
    expect(later.message).toContain('REPACK (CONCURRENTLY)');
  });

  it('exempts a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a int);\nVACUUM FULL t;');
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 2, reason: 'table created in this change set' })
    );
  });
});
