import { EXISTING, positions } from '../lint-sql.js';

const RULE = 'require-enum-value-ordering';

describe(RULE, () => {
  it.each([
    ["ALTER TYPE mood ADD VALUE 'meh';", [[1, 1, 1, 32]]],
    ["ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'meh';", [[1, 1, 1, 53]]],
    ['SELECT 1;\n  ALTER TYPE "Mood" ADD VALUE \'x\'', [[2, 3, 2, 34]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each(["ALTER TYPE mood ADD VALUE 'meh' AFTER 'ok';", "ALTER TYPE mood RENAME VALUE 'meh' TO 'fine';"])(
    'accepts %s',
    async (sql) => {
      expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
    }
  );
});
