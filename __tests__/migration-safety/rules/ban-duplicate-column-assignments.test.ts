import { EXISTING, positions } from '../lint-sql.js';

const RULE = 'ban-duplicate-column-assignments';

describe(RULE, () => {
  it.each([
    ['UPDATE users SET name = 1, age = 2, name = 3;', [[1, 37, 1, 41]]],
    ['INSERT INTO users (id, email, ID) VALUES (1, 2, 3);', [[1, 31, 1, 33]]],
    ["INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET email = 'a', email = 'b';", [[1, 79, 1, 84]]],
    ['CREATE TABLE t (a bigint, b text, a text);', [[1, 35, 1, 36]]],
    ['WITH moved AS (UPDATE users SET age = 1, age = 2 RETURNING id) SELECT * FROM moved;', [[1, 42, 1, 45]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(['UPDATE users SET name = 1, "Name" = 2;', 'UPDATE t SET arr[1] = 1, arr[2] = 2;'])(
    'accepts %s',
    async (sql) => {
      expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
    }
  );

  it('compares names after truncation to 63 bytes, as the server does', async () => {
    const sql = `CREATE TABLE t ("${'é'.repeat(31)}" text, "${'é'.repeat(32)}" text);`;
    expect(await positions(RULE, sql)).toEqual([[1, 57, 1, 91]]);
  });
});
