import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'adding-required-field';

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users ADD COLUMN tier text NOT NULL;', [[1, 19, 1, 48]]],
    ['ALTER TABLE users ADD COLUMN a bigint, ADD COLUMN IF NOT EXISTS b bigint NOT NULL;', [[1, 40, 1, 82]]],
    ['ALTER TABLE users ADD COLUMN code bigint PRIMARY KEY;', [[1, 19, 1, 53]]],
    ['ALTER TABLE users ADD COLUMN tier text NOT NULL DEFAULT NULL;', [[1, 19, 1, 61]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each([
    "ALTER TABLE users ADD COLUMN tier text NOT NULL DEFAULT 'free';",
    'ALTER TABLE users ADD COLUMN tier text;',
    'ALTER TABLE users ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL;',
    'ALTER TABLE users ADD COLUMN n bigserial NOT NULL;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });

  it('records the exemption for a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a bigint);\nALTER TABLE t ADD COLUMN b text NOT NULL;', {
      history: [EXISTING]
    });
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([
      expect.objectContaining({ rule: RULE, line: 2, column: 15, reason: 'table created in this change set' })
    ]);
  });

  it('records why a serial NOT NULL column is not flagged (squawk flags it: no DEFAULT written)', async () => {
    const { exempted } = await lintSql('ALTER TABLE users ADD COLUMN n bigserial NOT NULL;', { history: [EXISTING] });
    expect(exempted.filter((e) => e.rule === RULE).map((e) => [e.line, e.column, e.reason])).toEqual([
      [1, 19, 'a serial column is filled from its sequence (its default is nextval())']
    ]);
  });

  it('names the table and column', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE users ADD COLUMN tier text NOT NULL;', {
      history: [EXISTING]
    });
    expect(finding.message).toContain('users.tier');
    expect(finding.severity).toBe('error');
  });
});
