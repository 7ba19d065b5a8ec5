import { EXISTING, lintSql, positions } from '../lint-sql.js';

const RULE = 'adding-serial-primary-key-field';
const history = [EXISTING, 'CREATE TABLE events (id bigint NOT NULL, at timestamptz);'];

describe(RULE, () => {
  it.each([
    ['ALTER TABLE events ADD PRIMARY KEY (id);', [[1, 24, 1, 40]]],
    ['ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id);', [[1, 24, 1, 63]]],
    ['SELECT 1;\nALTER TABLE events ADD COLUMN n bigserial PRIMARY KEY;', [[2, 31, 2, 54]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history })).toEqual(expected);
  });

  it.each([
    'ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;',
    'CREATE UNIQUE INDEX CONCURRENTLY events_id_idx ON events (id);',
    'CREATE TABLE t (id bigserial PRIMARY KEY);',
    'ALTER TABLE events ADD COLUMN n bigint;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history })).toEqual([]);
  });

  it('exempts a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (id int NOT NULL);\nALTER TABLE t ADD PRIMARY KEY (id);');
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 2, reason: 'table created in this change set' })
    );
  });
});
