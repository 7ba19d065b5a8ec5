import { findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'ban-create-domain-with-constraint';

describe(RULE, () => {
  it.each([
    ['CREATE DOMAIN positive AS numeric(15,5) CHECK (VALUE > 0);', [[1, 41, 1, 58]]],
    ['create domain d as int check (value > 0) not null;', [[1, 24, 1, 50]]],
    ['SELECT 1;\nCREATE DOMAIN email AS text NOT NULL;', [[2, 29, 2, 37]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql)).toEqual(expected);
  });

  it('names the domain', async () => {
    const [finding] = await findingsOf(RULE, 'CREATE DOMAIN positive AS int CHECK (VALUE > 0);');
    expect(finding.message).toBe(
      'Domain positive is created with a constraint: later changes to it lock every table that uses the domain'
    );
  });

  it.each([
    'CREATE DOMAIN email AS text;',
    'CREATE DOMAIN code AS varchar(10) COLLATE "C" DEFAULT \'x\';',
    'CREATE TABLE t (a int CHECK (a > 0));'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql)).toEqual([]);
  });

  it('records why DEFAULT, NULL and COLLATE clauses are not flagged (squawk flags them)', async () => {
    const reasons = async (sql: string) =>
      (await lintSql(sql)).exempted.filter((e) => e.rule === RULE).map((e) => [e.line, e.reason]);
    const reason = 'DEFAULT, NULL and COLLATE check nothing: changing them later scans no table';
    expect(await reasons('CREATE DOMAIN code AS varchar(10) COLLATE "C" DEFAULT \'x\';')).toEqual([[1, reason]]);
    expect(await reasons('CREATE DOMAIN maybe AS text NULL;')).toEqual([[1, reason]]);
    expect(await reasons('CREATE DOMAIN email AS text;')).toEqual([]);
    expect(await reasons('CREATE DOMAIN positive AS int CHECK (VALUE > 0);')).toEqual([]);
  });
});
