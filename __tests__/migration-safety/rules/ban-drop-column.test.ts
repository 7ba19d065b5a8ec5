import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'ban-drop-column';

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users DROP COLUMN email;', [[1, 19, 1, 36]]],
    ['ALTER TABLE users ADD COLUMN x text,\n  DROP COLUMN IF EXISTS name CASCADE;', [[2, 3, 2, 37]]],
    [
      'ALTER TABLE public.users DROP age, DROP COLUMN org_id;',
      [
        [1, 26, 1, 34],
        [1, 36, 1, 54]
      ]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['ALTER TABLE users DROP CONSTRAINT users_pkey;', 'ALTER TABLE users ALTER COLUMN email DROP DEFAULT;'])(
    'accepts %s',
    async (sql) => {
      expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
    }
  );

  it('records the exemption for a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a bigint, b text);\nALTER TABLE t DROP COLUMN b;', {
      history: [EXISTING]
    });
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([
      expect.objectContaining({ rule: RULE, line: 2, column: 15, reason: 'table created in this change set' })
    ]);
  });

  it('records the exemption for a column added in the same change set', async () => {
    const result = await lintSql('ALTER TABLE users ADD COLUMN tmp text;\nALTER TABLE users DROP COLUMN tmp;', {
      history: [EXISTING]
    });
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([
      expect.objectContaining({ rule: RULE, line: 2, column: 19, reason: 'column added in this change set' })
    ]);
  });

  it('attaches the drop-column recipe', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE users DROP COLUMN email;', { history: [EXISTING] });
    expect(finding.message).toBe(
      'Dropping users.email breaks the running release while it still reads or writes the column'
    );
    expect(finding.recipe?.steps.map((s) => s.sql).join('\n')).toContain('ALTER TABLE users DROP COLUMN email;');
  });
});
