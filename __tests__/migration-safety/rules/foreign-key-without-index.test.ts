import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'foreign-key-without-index';

describe(RULE, () => {
  it.each([
    ['ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);', [[1, 1, 1, 88]]],
    ['ALTER TABLE users ADD COLUMN team_id bigint REFERENCES orgs;', [[1, 1, 1, 60]]],
    [
      'CREATE TABLE posts (\n  id bigint PRIMARY KEY,\n  author_id bigint NOT NULL REFERENCES users (id),\n  org_id bigint,\n  CONSTRAINT posts_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id)\n);',
      [
        [3, 3, 3, 50],
        [5, 3, 5, 68]
      ]
    ],
    [
      // The composite key covers (a, b) but not b alone.
      'CREATE TABLE pairs (a bigint REFERENCES users, b bigint REFERENCES orgs, PRIMARY KEY (a, b));',
      [[1, 48, 1, 72]]
    ],
    [
      // An index on another table, or with the column second, does not help.
      'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id);\nCREATE INDEX orgs_idx ON orgs (id);\nCREATE INDEX users_x ON users (email, org_id);',
      [[1, 1, 1, 78]]
    ],
    [
      'ALTER TABLE users ADD COLUMN a int, ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE;',
      [[1, 41, 1, 114]]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each([
    // Prisma writes the index after the foreign key.
    'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id);\nCREATE INDEX CONCURRENTLY users_org ON users (org_id);',
    'CREATE INDEX users_org ON users (org_id, email);\nALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id);',
    'CREATE TABLE members (user_id bigint REFERENCES users, org_id bigint REFERENCES orgs, PRIMARY KEY (user_id, org_id));\nCREATE INDEX ON members (org_id);',
    'CREATE TABLE profile (user_id bigint PRIMARY KEY REFERENCES users);',
    'CREATE TABLE profile (user_id bigint UNIQUE REFERENCES users);',
    'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id);\nALTER TABLE users ADD CONSTRAINT u UNIQUE (org_id, email);',
    // A table the replay never saw may have indexes we do not know about.
    'ALTER TABLE unknown ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id);'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });

  it('sees indexes created by earlier migrations', async () => {
    const history = [EXISTING, 'CREATE INDEX users_org ON users (org_id);'];
    expect(await positions(RULE, 'ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs;', { history })).toEqual(
      []
    );
  });

  it('names the tables and gives the CREATE INDEX statement', async () => {
    const [finding] = await findingsOf(
      RULE,
      'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id);',
      { history: [EXISTING] }
    );
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe(
      'Foreign key users(org_id) references orgs but no index on users leads with org_id: deleting or updating a orgs row scans users'
    );
    expect(finding.recipe?.steps[0].sql).toBe('CREATE INDEX CONCURRENTLY users_org_id_idx ON users (org_id);');
  });

  it('suggests a plain CREATE INDEX for a table created in the change set', async () => {
    const [finding] = await findingsOf(RULE, 'CREATE TABLE "Post" ("authorId" bigint REFERENCES users);', {
      history: [EXISTING]
    });
    expect(finding.recipe?.steps[0].sql).toBe('CREATE INDEX "Post_authorId_idx" ON "Post" ("authorId");');
  });

  it('also flags foreign keys on tables created in the change set: they grow', async () => {
    const result = await lintSql('CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (a_id int REFERENCES a);');
    expect(result.findings.filter((f) => f.rule === RULE)).toHaveLength(1);
  });
});
