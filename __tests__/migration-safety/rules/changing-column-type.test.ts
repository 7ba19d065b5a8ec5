import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'changing-column-type';
const TYPES = `CREATE TABLE items (id int PRIMARY KEY, code varchar(20), price numeric(10,2), net cidr, seen timestamp(3),
  bits varbit(8), label text, flag char(3));`;
const history = [EXISTING, TYPES];

describe(RULE, () => {
  it.each([
    ['ALTER TABLE items ALTER COLUMN id TYPE bigint;', [[1, 32, 1, 46]]],
    ['ALTER TABLE items ALTER COLUMN code TYPE varchar(10);', [[1, 32, 1, 53]]],
    ['ALTER TABLE items ALTER COLUMN label TYPE varchar(50);', [[1, 32, 1, 54]]],
    ['ALTER TABLE items ALTER COLUMN price TYPE numeric(12,3);', [[1, 32, 1, 56]]],
    ['ALTER TABLE items ALTER COLUMN id TYPE text;', [[1, 32, 1, 44]]],
    ['ALTER TABLE items ALTER COLUMN flag TYPE text;', [[1, 32, 1, 46]]],
    ['SELECT 1;\nALTER TABLE items ALTER COLUMN code TYPE text USING upper(code);', [[2, 32, 2, 64]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history })).toEqual(expected);
  });

  it.each([
    'ALTER TABLE items ALTER COLUMN code TYPE varchar(255);',
    'ALTER TABLE items ALTER COLUMN code TYPE varchar;',
    'ALTER TABLE items ALTER COLUMN code TYPE text;',
    'ALTER TABLE items ALTER COLUMN code SET DATA TYPE text USING code::text;',
    'ALTER TABLE items ALTER COLUMN label TYPE varchar;',
    'ALTER TABLE items ALTER COLUMN price TYPE numeric(12,2);',
    'ALTER TABLE items ALTER COLUMN price TYPE numeric;',
    'ALTER TABLE items ALTER COLUMN net TYPE inet;',
    'ALTER TABLE items ALTER COLUMN bits TYPE varbit(16);',
    'ALTER TABLE items ALTER COLUMN seen TYPE timestamp(6);',
    "SET TimeZone = 'UTC';\nALTER TABLE items ALTER COLUMN seen TYPE timestamptz;"
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history })).toEqual([]);
  });

  // squawk flags every type change: each change let through records why.
  it.each([
    ['ALTER TABLE items ALTER COLUMN code TYPE varchar(255);', 'varchar limit grows'],
    ['ALTER TABLE items ALTER COLUMN code TYPE text;', 'varchar to text is binary compatible'],
    [
      'ALTER TABLE items ALTER COLUMN code SET DATA TYPE text USING code::text;',
      'varchar to text is binary compatible'
    ],
    ['ALTER TABLE items ALTER COLUMN price TYPE numeric(12,2);', 'numeric precision grows with the same scale'],
    ['ALTER TABLE items ALTER COLUMN net TYPE inet;', 'cidr to inet is binary compatible']
  ])('records why %s is not flagged', async (sql, reason) => {
    const { exempted } = await lintSql(sql, { history });
    expect(exempted.filter((e) => e.rule === RULE).map((e) => [e.line, e.column, e.reason])).toEqual([
      [1, 32, `no rewrite, only a brief catalogue change: ${reason}`]
    ]);
  });

  it('records the UTC session as the reason a timestamptz change is not flagged on PostgreSQL 12+', async () => {
    const sql = "SET TimeZone = 'UTC';\nALTER TABLE items ALTER COLUMN seen TYPE timestamptz;";
    const { exempted } = await lintSql(sql, { history });
    expect(exempted.filter((e) => e.rule === RULE).map((e) => [e.line, e.reason])).toEqual([
      [2, 'timestamp to timestamptz with the session TimeZone set to UTC: no rewrite on PostgreSQL 12+']
    ]);
    // Before 12 it rewrites whatever the time zone: a finding, no exemption.
    const old = await lintSql(sql, { history, pgVersion: 11 });
    expect(old.findings.filter((f) => f.rule === RULE)).toHaveLength(1);
    expect(old.exempted.filter((e) => e.rule === RULE)).toEqual([]);
  });

  it('records no exemption for a change it reports', async () => {
    const { exempted } = await lintSql('ALTER TABLE items ALTER COLUMN id TYPE bigint;', { history });
    expect(exempted.filter((e) => e.rule === RULE)).toEqual([]);
  });

  it('warns that timestamp -> timestamptz rewrites unless the TimeZone is UTC', async () => {
    const sql = 'ALTER TABLE items ALTER COLUMN seen TYPE timestamptz;';
    const [finding] = await findingsOf(RULE, sql, { history });
    expect(finding.message).toContain('unless the session TimeZone is UTC');
    expect(finding.severity).toBe('warning');
    const [old] = await findingsOf(RULE, sql, { history, pgVersion: 11 });
    expect(old.message).toContain('before PostgreSQL 12');
    expect(old.severity).toBe('error');
  });

  it('says it may rewrite when the old type is unknown, and attaches the recipe', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE unknown_table ALTER COLUMN c TYPE text;', { history });
    expect(finding.message).toContain('old type is unknown');
    expect(finding.recipe?.title).toBe('Change unknown_table.c to text without a table rewrite under lock');
  });

  it('writes the new type as SQL in the message and the recipe', async () => {
    const [finding] = await findingsOf(RULE, 'ALTER TABLE items ALTER COLUMN seen TYPE interval(3) USING NULL;', {
      history
    });
    expect(finding.message).toContain('items.seen to interval(3):');
    expect(finding.recipe?.steps[0].sql).toContain('ADD COLUMN seen_new interval(3);');
  });

  it('exempts a table created in the same change set', async () => {
    const result = await lintSql('CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a TYPE bigint;');
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(
      expect.objectContaining({ rule: RULE, line: 2, reason: 'table created in this change set' })
    );
  });
});
