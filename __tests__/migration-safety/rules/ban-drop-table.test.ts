import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'ban-drop-table';

describe(RULE, () => {
  it.each([
    ['DROP TABLE users;', [[1, 1, 1, 17]]],
    ['DROP TABLE IF EXISTS orgs, users CASCADE;', [[1, 1, 1, 41]]],
    ['SELECT 1;\nDROP TABLE public.orgs', [[2, 1, 2, 23]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['DROP VIEW users_view;', 'DROP INDEX users_email;'])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });

  it('records the exemption for a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a bigint);\nDROP TABLE t;', { history: [EXISTING] });
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([
      expect.objectContaining({ rule: RULE, line: 2, column: 1, reason: 'table created in this change set' })
    ]);
  });

  it('names only the tables that were not created in the same change set', async () => {
    const [finding] = await findingsOf(RULE, 'CREATE TABLE t (a bigint);\nDROP TABLE t, users;', {
      history: [EXISTING]
    });
    expect(finding.message).toBe(
      'Dropping users breaks the running release while it still uses the table, and loses its data'
    );
  });
});
