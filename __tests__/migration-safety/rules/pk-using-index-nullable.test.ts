import { findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'pk-using-index-nullable';

const HISTORY = [
  `CREATE TABLE events (id bigint, tenant_id bigint, ts timestamptz NOT NULL, note text);
CREATE UNIQUE INDEX CONCURRENTLY events_id_key ON events (id);
CREATE UNIQUE INDEX CONCURRENTLY events_tenant_ts ON events (tenant_id, ts);`
];

describe(RULE, () => {
  it.each([
    ['ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_key;', [[1, 1, 1, 84]]],
    ['ALTER TABLE events ADD PRIMARY KEY (id);', [[1, 1, 1, 40]]],
    ['ALTER TABLE events ADD COLUMN x int,\n  ADD PRIMARY KEY USING INDEX events_tenant_ts;', [[2, 7, 2, 47]]],
    // The check proves NOT NULL only from PostgreSQL 12, and only once validated.
    [
      'ALTER TABLE events ADD CONSTRAINT id_nn CHECK (id IS NOT NULL) NOT VALID;\nALTER TABLE events ADD PRIMARY KEY USING INDEX events_id_key;',
      [[2, 1, 2, 61]]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: HISTORY })).toEqual(expected);
  });

  it.each([
    // UNIQUE does not need NOT NULL.
    'ALTER TABLE events ADD CONSTRAINT events_id_unique UNIQUE USING INDEX events_id_key;',
    'ALTER TABLE events ALTER COLUMN ts SET NOT NULL;\nCREATE UNIQUE INDEX CONCURRENTLY ts_key ON events (ts);\nALTER TABLE events ADD PRIMARY KEY USING INDEX ts_key;',
    'ALTER TABLE events ALTER COLUMN id SET NOT NULL;\nALTER TABLE events ADD PRIMARY KEY USING INDEX events_id_key;',
    'ALTER TABLE events ADD CONSTRAINT id_nn CHECK (id IS NOT NULL) NOT VALID;\nALTER TABLE events VALIDATE CONSTRAINT id_nn;\nALTER TABLE events ADD PRIMARY KEY USING INDEX events_id_key;',
    // An index the replay does not know: no evidence either way.
    'ALTER TABLE events ADD PRIMARY KEY USING INDEX somewhere_else;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: HISTORY })).toEqual([]);
  });

  it('does not trust the CHECK before PostgreSQL 12', async () => {
    const sql =
      'ALTER TABLE events ADD CONSTRAINT id_nn CHECK (id IS NOT NULL) NOT VALID;\nALTER TABLE events VALIDATE CONSTRAINT id_nn;\nALTER TABLE events ADD PRIMARY KEY USING INDEX events_id_key;';
    expect(await positions(RULE, sql, { history: HISTORY, pgVersion: 11 })).toEqual([[3, 1, 3, 61]]);
  });

  it('names the nullable columns and attaches the SET NOT NULL recipe', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE events ADD PRIMARY KEY USING INDEX events_tenant_ts;', {
      history: HISTORY
    });
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe(
      'ADD PRIMARY KEY USING INDEX events_tenant_ts on events: column tenant_id is nullable, so PostgreSQL runs SET NOT NULL and scans events under ACCESS EXCLUSIVE'
    );
    expect(finding.recipe?.steps[1].sql).toContain('CHECK (tenant_id IS NOT NULL) NOT VALID');
  });

  it('exempts a table created in the same change set', async () => {
    const result = await lintSql(
      'CREATE TABLE t (id int);\nCREATE UNIQUE INDEX t_id ON t (id);\nALTER TABLE t ADD PRIMARY KEY USING INDEX t_id;'
    );
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 3, reason: 'table created in this change set' })
    );
  });
});
