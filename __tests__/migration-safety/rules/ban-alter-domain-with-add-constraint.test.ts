import { lintSql, positions } from '../lint-sql.js';

const RULE = 'ban-alter-domain-with-add-constraint';

describe(RULE, () => {
  it.each([
    ['ALTER DOMAIN positive ADD CONSTRAINT gt0 CHECK (VALUE > 0);', [[1, 1, 1, 59]]],
    ['SELECT 1;\n  alter domain d add check (value <> 0);', [[2, 3, 2, 40]]],
    ['ALTER DOMAIN public.code ADD CONSTRAINT nn NOT NULL;', [[1, 1, 1, 52]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql)).toEqual(expected);
  });

  it.each([
    'ALTER DOMAIN d SET NOT NULL;',
    'ALTER DOMAIN d DROP CONSTRAINT c;',
    'ALTER DOMAIN d VALIDATE CONSTRAINT c;',
    'ALTER DOMAIN d RENAME CONSTRAINT a TO b;',
    'ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql)).toEqual([]);
  });

  it('exempts NOT VALID, which checks no existing rows', async () => {
    const result = await lintSql('ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0) NOT VALID;');
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([expect.objectContaining({ line: 1 })]);
  });
});
