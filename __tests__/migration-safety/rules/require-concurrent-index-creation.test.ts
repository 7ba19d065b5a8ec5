import { EXISTING, lintSql, positions } from '../lint-sql.js';

const RULE = 'require-concurrent-index-creation';

describe(RULE, () => {
  it.each([
    ['CREATE INDEX users_email ON users (email);', [[1, 1, 1, 42]]],
    ['SELECT 1;\n  CREATE UNIQUE INDEX users_email ON users (email);', [[2, 3, 2, 51]]],
    ['CREATE INDEX IF NOT EXISTS users_name ON public.users USING btree (name) WHERE age > 3', [[1, 1, 1, 87]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each([
    'CREATE INDEX CONCURRENTLY users_email ON users (email);',
    'CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });

  it('records the exemption for a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);');
    expect(result.exempted.filter((e) => e.rule === RULE)).toEqual([
      expect.objectContaining({ rule: RULE, line: 2, column: 1, reason: 'table created in this change set' })
    ]);
  });
});
