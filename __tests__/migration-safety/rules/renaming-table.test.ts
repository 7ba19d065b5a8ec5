import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'renaming-table';

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users RENAME TO people;', [[1, 1, 1, 35]]],
    ['ALTER TABLE IF EXISTS public.orgs RENAME TO organisations;', [[1, 1, 1, 58]]],
    ['SELECT 1;\nALTER TABLE "users" RENAME TO "People"', [[2, 1, 2, 39]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['ALTER INDEX users_pkey RENAME TO people_pkey;', 'ALTER TABLE users RENAME COLUMN name TO full_name;'])(
    'accepts %s',
    async (sql) => {
      expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
    }
  );

  it('records the exemption for a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a bigint);\nALTER TABLE t RENAME TO u;', { history: [EXISTING] });
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([
      expect.objectContaining({ rule: RULE, line: 2, column: 1, reason: 'table created in this change set' })
    ]);
  });

  it('attaches the rename-with-view recipe', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE users RENAME TO people;', { history: [EXISTING] });
    expect(finding.recipe?.steps[0].sql).toContain('CREATE VIEW users AS SELECT * FROM people;');
  });
});
