import { findingsOf, positions } from '../lint-sql.js';

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
});
