import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'adding-field-with-default';
const history = [EXISTING];

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();', [[1, 30, 1, 66]]],
    ['ALTER TABLE users ADD COLUMN seen timestamptz DEFAULT clock_timestamp();', [[1, 30, 1, 72]]],
    ['ALTER TABLE users\n  ADD COLUMN n float8 NOT NULL DEFAULT random() * 10;', [[2, 14, 2, 53]]],
    ['ALTER TABLE users ADD COLUMN seq bigserial;', [[1, 30, 1, 43]]],
    ['ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS IDENTITY;', [[1, 30, 1, 64]]],
    ['ALTER TABLE users ADD COLUMN twice int GENERATED ALWAYS AS (age * 2) STORED;', [[1, 30, 1, 76]]],
    ["ALTER TABLE users ADD COLUMN n int DEFAULT nextval('users_n_seq');", [[1, 30, 1, 66]]],
    ['ALTER TABLE users ADD COLUMN a int DEFAULT 1, ADD COLUMN b uuid DEFAULT uuid_generate_v4();', [[1, 58, 1, 91]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history })).toEqual(expected);
  });

  it.each([
    'ALTER TABLE users ADD COLUMN created timestamptz NOT NULL DEFAULT now();',
    'ALTER TABLE users ADD COLUMN created timestamptz DEFAULT CURRENT_TIMESTAMP;',
    'ALTER TABLE users ADD COLUMN created timestamp(3) DEFAULT CURRENT_TIMESTAMP(3);',
    'ALTER TABLE users ADD COLUMN d date DEFAULT CURRENT_DATE;',
    'ALTER TABLE users ADD COLUMN n int NOT NULL DEFAULT -1;',
    "ALTER TABLE users ADD COLUMN meta jsonb NOT NULL DEFAULT '{}'::jsonb;",
    'ALTER TABLE users ADD COLUMN tags text[] DEFAULT ARRAY[]::text[];',
    "ALTER TABLE users ADD COLUMN code text DEFAULT lower('ABC') || 'x';",
    'ALTER TABLE users ADD COLUMN note text DEFAULT NULL;',
    'ALTER TABLE users ADD COLUMN note text;',
    'ALTER TABLE users ADD COLUMN lower_email text GENERATED ALWAYS AS (lower(email)) VIRTUAL;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history })).toEqual([]);
  });

  it('says when a function is only presumed volatile', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE users ADD COLUMN n int DEFAULT my_counter();', { history });
    expect(finding.message).toContain('my_counter');
    expect(finding.message).toContain('volatility is unknown');
  });

  it('flags every non-null default before PostgreSQL 11, and none after', async () => {
    const sql = 'ALTER TABLE users ADD COLUMN n int NOT NULL DEFAULT 0;';
    expect(await positions(RULE, sql, { history, pgVersion: 10 })).toEqual([[1, 30, 1, 54]]);
    expect(await positions(RULE, sql, { history, pgVersion: 11 })).toEqual([]);
    expect(
      await positions(RULE, 'ALTER TABLE users ADD COLUMN n int DEFAULT NULL;', { history, pgVersion: 10 })
    ).toEqual([]);
  });

  // squawk flags defaults it does not know to be safe (-1, lower(...)) and virtual columns: each records why not here.
  it.each([
    ['ALTER TABLE users ADD COLUMN n int NOT NULL DEFAULT -1;', 'non-volatile (immutable) default'],
    ['ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT false;', 'non-volatile (immutable) default'],
    ['ALTER TABLE users ADD COLUMN created timestamptz NOT NULL DEFAULT now();', 'non-volatile (stable) default'],
    [
      'ALTER TABLE users ADD COLUMN lower_email text GENERATED ALWAYS AS (lower(email)) VIRTUAL;',
      'a virtual generated column is computed when read: nothing is written to the rows'
    ]
  ])('records why %s is not flagged', async (sql, reason) => {
    const { exempted } = await lintSql(sql, { history });
    const mine = exempted.filter((e) => e.rule === RULE);
    expect(mine.map((e) => [e.line, e.column])).toEqual([[1, 30]]);
    expect(mine[0].reason).toContain(reason);
  });

  it('says a constant default is stored once on PostgreSQL 11+, and flags it before', async () => {
    const sql = 'ALTER TABLE users ADD COLUMN n int NOT NULL DEFAULT 0;';
    const on11 = await lintSql(sql, { history, pgVersion: 11 });
    expect(on11.exempted.filter((e) => e.rule === RULE).map((e) => e.reason)).toEqual([
      'non-volatile (immutable) default on PostgreSQL 11+: stored once in the catalogue, no rewrite'
    ]);
    const on10 = await lintSql(sql, { history, pgVersion: 10 });
    expect(on10.exempted.filter((e) => e.rule === RULE)).toEqual([]);
  });

  it('records nothing for a column without a default', async () => {
    for (const sql of [
      'ALTER TABLE users ADD COLUMN note text;',
      'ALTER TABLE users ADD COLUMN note text DEFAULT NULL;'
    ])
      expect((await lintSql(sql, { history })).exempted.filter((e) => e.rule === RULE)).toEqual([]);
  });

  it('exempts a table created in the same change set', async () => {
    const result = await lintSql(
      'CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid();'
    );
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 2, reason: 'table created in this change set' })
    );
  });
});
