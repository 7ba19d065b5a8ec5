import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'renaming-column';

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users RENAME COLUMN email TO email_address;', [[1, 1, 1, 55]]],
    ['ALTER TABLE users RENAME name TO full_name;', [[1, 1, 1, 43]]],
    ['ALTER TABLE IF EXISTS public.users RENAME COLUMN "age" TO years;', [[1, 1, 1, 64]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['ALTER TABLE users RENAME TO people;', 'ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk;'])(
    'accepts %s',
    async (sql) => {
      expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
    }
  );

  it('records the exemption for a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a bigint);\nALTER TABLE t RENAME COLUMN a TO b;', {
      history: [EXISTING]
    });
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([
      expect.objectContaining({ rule: RULE, line: 2, column: 1, reason: 'table created in this change set' })
    ]);
  });

  it('records the exemption for a column added in the same change set', async () => {
    const result = await lintSql(
      'ALTER TABLE users ADD COLUMN tmp text;\nALTER TABLE users RENAME COLUMN tmp TO nick;',
      { history: [EXISTING] }
    );
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([
      expect.objectContaining({ rule: RULE, line: 2, column: 1, reason: 'column added in this change set' })
    ]);
  });

  it('attaches the expand-migrate-contract recipe with the column type from the catalogue', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE users RENAME COLUMN name TO full_name;', {
      history: [EXISTING]
    });
    expect(finding.message).toBe(
      'Renaming users.name to full_name breaks the running release, which still uses the old name'
    );
    expect(finding.recipe?.steps).toHaveLength(3);
    expect(finding.recipe?.steps[0].sql).toContain('ALTER TABLE users ADD COLUMN full_name varchar(100);');
    expect(finding.recipe?.steps[2].sql).toContain('ALTER TABLE users DROP COLUMN name;');
  });

  it('falls back to a placeholder type when the catalogue does not know the column', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE legacy RENAME COLUMN a TO b;');
    expect(finding.recipe?.steps[0].sql).toContain('ADD COLUMN b <type>;');
  });
});
