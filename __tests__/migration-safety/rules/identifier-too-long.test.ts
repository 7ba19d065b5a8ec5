import { EXISTING, findingsOf, positions } from '../lint-sql.js';

const RULE = 'identifier-too-long';

describe(RULE, () => {
  it.each([
    ['CREATE TABLE a_table_name_that_goes_on_and_on_well_past_the_limit_of_sixty_three (id bigint);', [[1, 14, 1, 81]]],
    [
      'ALTER TABLE users ADD COLUMN "größenänderungsprotokoll_für_übermäßig_lange_spaltennamen_äöü" text;',
      [[1, 30, 1, 93]]
    ],
    [
      'CREATE INDEX index_on_users_email_and_name_and_age_and_org_id_with_a_long_name ON users (email);',
      [[1, 14, 1, 79]]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each([
    'CREATE TABLE exactly_sixty_three_bytes_long_name_xxxxxxxxxxxxxxxxxxxxxxxxxxx (id bigint);',
    "COMMENT ON TABLE users IS 'a comment that is much longer than sixty three bytes is not an identifier';"
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });

  it('finds an unquoted name of 16 four-byte characters (64 bytes)', async () => {
    expect(await positions(RULE, `CREATE TABLE ${'😀'.repeat(16)} (id bigint);`)).toEqual([[1, 14, 1, 46]]);
  });

  it('shows the name the server keeps, cut at a character boundary', async () => {
    const name = 'é'.repeat(32);
    const [finding] = await findingsOf(RULE, `CREATE TABLE "${name}" (id bigint);`);
    expect(finding.message).toBe(`${name} is 64 bytes: PostgreSQL silently truncates it to ${'é'.repeat(31)}`);
  });
});
