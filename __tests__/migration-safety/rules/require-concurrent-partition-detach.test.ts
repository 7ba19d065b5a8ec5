import { lintSql, positions } from '../lint-sql.js';

const RULE = 'require-concurrent-partition-detach';
const history = [
  `CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');`
];

describe(RULE, () => {
  it.each([
    ['ALTER TABLE events DETACH PARTITION events_2024;', [[1, 1, 1, 48]]],
    ['ALTER TABLE public.events DETACH PARTITION public.events_2024;', [[1, 1, 1, 62]]],
    ['SELECT 1;\nALTER TABLE events DETACH PARTITION events_2023;', [[2, 1, 2, 48]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history })).toEqual(expected);
  });

  it.each([
    'ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;',
    // Completes an interrupted concurrent detach: SHARE UPDATE EXCLUSIVE only.
    'ALTER TABLE events DETACH PARTITION events_2024 FINALIZE;',
    "ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history })).toEqual([]);
  });

  it('records why it is silent before PostgreSQL 14 (squawk flags it there)', async () => {
    const { exempted } = await lintSql('ALTER TABLE events DETACH PARTITION events_2024;', {
      history,
      pgVersion: 13
    });
    expect(exempted.filter((e) => e.rule === RULE).map((e) => [e.line, e.reason])).toEqual([
      [1, 'DETACH PARTITION CONCURRENTLY does not exist before PostgreSQL 14: nothing to ask for']
    ]);
  });

  it('is off before PostgreSQL 14, which has no concurrent detach', async () => {
    const sql = 'ALTER TABLE events DETACH PARTITION events_2024;';
    expect(await positions(RULE, sql, { history, pgVersion: 13 })).toEqual([]);
    expect(await positions(RULE, sql, { history, pgVersion: 14 })).toEqual([[1, 1, 1, 48]]);
  });

  it('exempts a partitioned table created in the same change set', async () => {
    const result = await lintSql(
      'CREATE TABLE p (a int) PARTITION BY LIST (a);\nCREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);\nALTER TABLE p DETACH PARTITION p1;'
    );
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 3, reason: 'table created in this change set' })
    );
  });
});
