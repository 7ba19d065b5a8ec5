import { EXISTING, positions } from '../lint-sql.js';

const RULE = 'ban-truncate-cascade';

describe(RULE, () => {
  it.each([
    ['TRUNCATE users CASCADE;', [[1, 16, 1, 23]]],
    ['TRUNCATE TABLE orgs, users RESTART IDENTITY CASCADE;', [[1, 45, 1, 52]]],
    ['TRUNCATE ONLY "users"\n  CASCADE', [[2, 3, 2, 10]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['TRUNCATE users;', 'TRUNCATE users RESTRICT;'])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });
});
