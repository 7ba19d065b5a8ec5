import { EXISTING, lintSql, positions } from '../lint-sql.js';

const RULE = 'ban-drop-not-null';

describe(RULE, () => {
  it.each([
    ['ALTER TABLE orgs ALTER COLUMN name DROP NOT NULL;', [[1, 18, 1, 49]]],
    ['ALTER TABLE orgs ALTER name DROP NOT NULL, ALTER COLUMN id SET DEFAULT 1;', [[1, 18, 1, 42]]],
    ['ALTER TABLE users ALTER COLUMN id SET DEFAULT 1, ALTER COLUMN id DROP NOT NULL;', [[1, 50, 1, 79]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['ALTER TABLE orgs ALTER COLUMN name SET NOT NULL;', 'ALTER TABLE orgs ALTER COLUMN name DROP DEFAULT;'])(
    'accepts %s',
    async (sql) => {
      expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
    }
  );

  it('records the exemption for a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a bigint NOT NULL);\nALTER TABLE t ALTER COLUMN a DROP NOT NULL;', {
      history: [EXISTING]
    });
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([
      expect.objectContaining({ rule: RULE, line: 2, column: 15, reason: 'table created in this change set' })
    ]);
  });
});
