import { EXISTING, findingsOf, positions } from '../lint-sql.js';

const RULE = 'concurrent-index-pg14-bug';
const opts = { history: [EXISTING], pgVersion: 14 };

describe(RULE, () => {
  it.each([
    ['CREATE INDEX CONCURRENTLY users_age ON users (age);', 0, [[1, 1, 1, 51]]],
    ['SELECT 1;\nREINDEX INDEX CONCURRENTLY users_age;', 3, [[2, 1, 2, 37]]],
    ['CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email ON users (email);', 2, [[1, 1, 1, 76]]]
  ])('flags %s on 14.%d', async (sql, pgMinor, expected) => {
    expect(await positions(RULE, sql, { ...opts, pgMinor })).toEqual(expected);
  });

  it('asks for an error when the minor is known to be affected', async () => {
    const [finding] = await findingsOf(RULE, 'CREATE INDEX CONCURRENTLY users_age ON users (age);', {
      ...opts,
      pgMinor: 3
    });
    expect(finding.message).toBe(
      'CREATE INDEX CONCURRENTLY on users on PostgreSQL 14.3: concurrent builds can corrupt the index (fixed in 14.4); upgrade first'
    );
  });

  it('warns when the minor is unknown', async () => {
    const [finding] = await findingsOf(RULE, 'CREATE INDEX CONCURRENTLY users_age ON users (age);', opts);
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('make sure the server runs 14.4 or later');
  });

  it.each([
    ['CREATE INDEX CONCURRENTLY users_age ON users (age);', { pgVersion: 14, pgMinor: 4 }],
    ['CREATE INDEX CONCURRENTLY users_age ON users (age);', { pgVersion: 15 }],
    ['CREATE INDEX CONCURRENTLY users_age ON users (age);', { pgVersion: 13, pgMinor: 2 }],
    ['CREATE INDEX users_age ON users (age);\nREINDEX INDEX users_age;', { pgVersion: 14, pgMinor: 1 }]
  ])('accepts %s with %o', async (sql, version) => {
    expect(await positions(RULE, sql, { history: [EXISTING], ...version })).toEqual([]);
  });
});
