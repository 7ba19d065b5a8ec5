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
