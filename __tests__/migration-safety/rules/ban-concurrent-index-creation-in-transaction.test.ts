import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'ban-concurrent-index-creation-in-transaction';
const opts = { history: [EXISTING] };

describe(RULE, () => {
  it.each([
    ['BEGIN;\nCREATE INDEX CONCURRENTLY users_age ON users (age);\nCOMMIT;', [[2, 1, 2, 51]]],
    ['START TRANSACTION;\n  DROP INDEX CONCURRENTLY users_age;\nCOMMIT;', [[2, 3, 2, 36]]],
    ['BEGIN;\nREINDEX INDEX CONCURRENTLY users_age;\nCOMMIT;', [[2, 1, 2, 37]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, opts)).toEqual(expected);
  });

  it('flags CONCURRENTLY in the transaction the migration tool opens', async () => {
    const sql =
      'CREATE INDEX CONCURRENTLY users_age ON users (age);\nCREATE INDEX CONCURRENTLY users_name ON users (name);';
    const findings = await findingsOf(RULE, sql, { ...opts, framework: 'sqlx' });
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [1, 'error'],
      [2, 'error']
    ]);
    expect(findings[0].message).toBe(
      'CREATE INDEX CONCURRENTLY runs inside the transaction the migration tool opens for this file: PostgreSQL refuses it and the deploy fails'
    );
  });

  it.each([
    ['CREATE INDEX CONCURRENTLY users_age ON users (age);\nSELECT 1;', 'plain'],
    [
      'BEGIN;\nCREATE INDEX users_age ON users (age);\nCOMMIT;\nCREATE INDEX CONCURRENTLY users_name ON users (name);',
      'plain'
    ],
    ['-- no-transaction\nCREATE INDEX CONCURRENTLY users_age ON users (age);\nSELECT 1;', 'sqlx']
  ] as const)('accepts %s (%s)', async (sql, framework) => {
    expect(await positions(RULE, sql, { ...opts, framework })).toEqual([]);
  });

  it('accepts a file whose only statement is the concurrent build (sent alone, no transaction block)', async () => {
    const result = await lintSql('CREATE INDEX CONCURRENTLY users_age ON users (age);', {
      ...opts,
      framework: 'prisma'
    });
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.files.at(-1)).toMatchObject({ inTransaction: false });
  });
});
