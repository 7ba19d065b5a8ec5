import { EXISTING, positions } from '../lint-sql.js';

const RULE = 'prefer-timestamptz';

describe(RULE, () => {
  it.each([
    ['CREATE TABLE t (created_at timestamp NOT NULL);', [[1, 28, 1, 37]]],
    ['ALTER TABLE users ADD COLUMN seen_at timestamp(3) without time zone DEFAULT now();', [[1, 38, 1, 68]]],
    ['ALTER TABLE users ALTER COLUMN seen_at SET DATA TYPE timestamp[];', [[1, 54, 1, 65]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each([
    'CREATE TABLE t (created_at timestamptz, d date, t time);',
    'CREATE TABLE t (created_at timestamp(3) with time zone);'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });

  it("honours squawk-ignore comments under both of squawk's spellings", async () => {
    for (const id of ['prefer-timestamptz', 'prefer-timestamp-tz']) {
      expect(await positions(RULE, `-- squawk-ignore ${id}\nCREATE TABLE t (a timestamp);`)).toEqual([]);
    }
  });
});
