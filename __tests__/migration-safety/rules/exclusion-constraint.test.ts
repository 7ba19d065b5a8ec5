import { EXISTING, lintSql, positions } from '../lint-sql.js';

const RULE = 'exclusion-constraint';

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users ADD CONSTRAINT no_overlap EXCLUDE USING gist (org_id WITH =);', [[1, 19, 1, 79]]],
    ['ALTER TABLE users ADD COLUMN x text, ADD EXCLUDE (email WITH =);', [[1, 38, 1, 64]]],
    [
      'SELECT 1;\nALTER TABLE public.orgs ADD CONSTRAINT c EXCLUDE USING gist (name WITH =) WHERE (id > 0)',
      [[2, 25, 2, 89]]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each([
    'CREATE TABLE t (a int4range, EXCLUDE USING gist (a WITH &&));',
    'ALTER TABLE users ADD CONSTRAINT u UNIQUE (email);'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });

  it('records the exemption for a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a int4range);\nALTER TABLE t ADD EXCLUDE USING gist (a WITH &&);', {
      history: [EXISTING]
    });
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([
      expect.objectContaining({ rule: RULE, line: 2, column: 15, reason: 'table created in this change set' })
    ]);
  });
});
