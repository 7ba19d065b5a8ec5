// The catalogue replay across files: what earlier migrations and change sets built is what rules see.
import { lintMigrations, type MigrationSource } from '../../actions/migration-safety/src/engine/lint.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
import { EXISTING, lintSql, positions } from './lint-sql.js';

const INDEX_RULE = 'require-concurrent-index-creation';
const MISSING = 'missing-object';

async function lint(sources: MigrationSource[]) {
  return lintMigrations(sources, { pgVersion: 16, framework: 'plain' }, ALL_RULES);
}

describe('catalogue replay: new tables', () => {
  it('exempts a table created earlier in the same file', async () => {
    const result = await lintSql('CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);');
    expect(result.findings.filter((f) => f.rule === INDEX_RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === INDEX_RULE)).toEqual([expect.objectContaining({ line: 2 })]);
  });

  it('exempts a table created by another file of the same change set', async () => {
    const result = await lint([
      { path: '1/create.sql', text: 'CREATE TABLE t (a int);', lint: true, changeSet: 7 },
      { path: '1/index.sql', text: 'CREATE INDEX t_a ON t (a);', lint: true, changeSet: 7 }
    ]);
    expect(result.findings.filter((f) => f.rule === INDEX_RULE)).toEqual([]);
    expect(result.exempted.filter((e) => e.rule === INDEX_RULE)).toEqual([
      expect.objectContaining({ file: '1/index.sql', reason: 'table created in this change set' })
    ]);
  });

  it('flags the same SQL when the table came from an earlier change set', async () => {
    expect(await positions(INDEX_RULE, 'CREATE INDEX t_a ON t (a);', { history: ['CREATE TABLE t (a int);'] })).toEqual(
      [[1, 1, 1, 26]]
    );
    const result = await lint([
      { path: '1/create.sql', text: 'CREATE TABLE t (a int);', lint: true, changeSet: 1 },
      { path: '2/index.sql', text: 'CREATE INDEX t_a ON t (a);', lint: true, changeSet: 2 }
    ]);
    expect(result.findings.filter((f) => f.rule === INDEX_RULE).map((f) => f.file)).toEqual(['2/index.sql']);
  });

  it('treats a table dropped earlier and created again in this change set as new', async () => {
    const history = ['CREATE TABLE t (a int);', 'DROP TABLE t;'];
    expect(await positions(INDEX_RULE, 'CREATE TABLE t (a int);\nCREATE INDEX ON t (a);', { history })).toEqual([]);
  });
});

describe('catalogue replay: missing objects', () => {
  it.each([
    ['ALTER TABLE users RENAME COLUMN nickname TO handle;', 'column nickname does not exist in table users'],
    ['ALTER TABLE users DROP COLUMN nickname;', 'column nickname does not exist in table users'],
    ['ALTER TABLE people RENAME TO persons;', 'table people does not exist in the schema built so far'],
    ['DROP TABLE people;', 'table people does not exist in the schema built so far'],
    ['ALTER TABLE people ADD COLUMN a int;', 'table people does not exist in the schema built so far'],
    ['ALTER TABLE users ALTER COLUMN nickname SET NOT NULL;', 'column nickname does not exist in table users']
  ])('reports %s', async (sql, message) => {
    const result = await lintSql(sql, { history: [EXISTING] });
    expect(result.findings.filter((f) => f.rule === MISSING).map((f) => f.message)).toEqual([
      `${message}: a rename or drop of something that is not there fails the deploy`
    ]);
  });

  it.each([
    'ALTER TABLE users DROP COLUMN IF EXISTS nickname;',
    'DROP TABLE IF EXISTS people;',
    'ALTER TABLE IF EXISTS people RENAME COLUMN a TO b;',
    'ALTER TABLE IF EXISTS people ADD COLUMN a int;'
  ])('accepts %s (IF EXISTS)', async (sql) => {
    expect(await positions(MISSING, sql, { history: [EXISTING] })).toEqual([]);
  });

  it('does not judge when the history never created a table', async () => {
    const history = ['CREATE INDEX x ON users (email);', 'ALTER TABLE users ADD COLUMN a int;'];
    for (const sql of ['ALTER TABLE users RENAME COLUMN nickname TO handle;', 'DROP TABLE people;'])
      expect(await positions(MISSING, sql, { history })).toEqual([]);
    expect(await positions(MISSING, 'DROP TABLE people;')).toEqual([]);
  });

  it('does not judge names a DO block may have created', async () => {
    const history = [
      EXISTING,
      `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'people') THEN
    EXECUTE 'CREATE TABLE people (id int)';
  END IF;
  ALTER TABLE users ADD COLUMN "nickName" text;
END $$;`
    ];
    expect(await positions(MISSING, 'DROP TABLE people;', { history })).toEqual([]);
    expect(await positions(MISSING, 'ALTER TABLE users RENAME COLUMN "nickName" TO nick;', { history })).toEqual([]);
    // The block names users, so any column of users may have been made there; orgs is not named.
    expect(await positions(MISSING, 'ALTER TABLE users DROP COLUMN other;', { history })).toEqual([]);
    expect(await positions(MISSING, 'ALTER TABLE orgs DROP COLUMN other;', { history })).toEqual([[1, 13, 1, 35]]);
  });

  it('points at the table name of the statement', async () => {
    expect(
      await positions(MISSING, 'SELECT 1;\nALTER TABLE users DROP COLUMN nickname;', { history: [EXISTING] })
    ).toEqual([[2, 13, 2, 39]]);
  });
});

describe('catalogue replay: renames', () => {
  it('follows a renamed column', async () => {
    const sql =
      'ALTER TABLE users RENAME COLUMN email TO mail;\nALTER TABLE users ALTER COLUMN mail SET NOT NULL;\nALTER TABLE users DROP COLUMN email;';
    expect(await positions(MISSING, sql, { history: [EXISTING] })).toEqual([[3, 13, 3, 36]]);
  });

  it('follows a renamed table, in the same file and across change sets', async () => {
    const sql = 'ALTER TABLE users RENAME TO members;\nALTER TABLE members DROP COLUMN age;\nDROP TABLE users;';
    expect(await positions(MISSING, sql, { history: [EXISTING] })).toEqual([[3, 1, 3, 17]]);
    const history = [EXISTING, 'ALTER TABLE users RENAME TO members;'];
    expect(await positions(MISSING, 'ALTER TABLE members RENAME COLUMN age TO years;', { history })).toEqual([]);
    expect(await positions(INDEX_RULE, 'CREATE INDEX ON members (age);', { history })).toEqual([[1, 1, 1, 30]]);
  });

  it('keeps indexes on a renamed column usable by the rules', async () => {
    const history = [
      EXISTING,
      'CREATE INDEX users_org ON users (org_id);',
      'ALTER TABLE users RENAME COLUMN org_id TO team_id;'
    ];
    const sql = 'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (team_id) REFERENCES orgs (id);';
    expect(await positions('foreign-key-without-index', sql, { history })).toEqual([]);
  });
});

describe('catalogue replay: changed-files mode', () => {
  const sources = (lintEarlier: boolean): MigrationSource[] => [
    { path: '001/migration.sql', text: EXISTING, lint: lintEarlier, changeSet: 0 },
    // A problem in an earlier file is not reported when only later files are linted.
    { path: '002/migration.sql', text: 'CREATE INDEX users_age ON users (age);', lint: lintEarlier, changeSet: 1 },
    {
      path: '003/migration.sql',
      text: 'CREATE INDEX users_name ON users (name);\nALTER TABLE orgs DROP COLUMN missing;',
      lint: true,
      changeSet: 2
    }
  ];

  it('builds the catalogue from files that are not linted', async () => {
    const result = await lint(sources(false));
    const mine = result.findings.filter((f) => f.rule === INDEX_RULE || f.rule === MISSING);
    expect(result.findings.every((f) => f.file === '003/migration.sql')).toBe(true);
    expect(mine.map((f) => [f.file, f.rule, f.line])).toEqual([
      ['003/migration.sql', INDEX_RULE, 1],
      ['003/migration.sql', MISSING, 2]
    ]);
    expect(result.files.map((f) => [f.path, f.linted, f.statements])).toEqual([
      ['001/migration.sql', false, 2],
      ['002/migration.sql', false, 1],
      ['003/migration.sql', true, 2]
    ]);
  });

  it('reports the earlier files too when they are linted', async () => {
    const result = await lint(sources(true));
    expect(result.findings.filter((f) => f.rule === INDEX_RULE).map((f) => f.file)).toEqual([
      '002/migration.sql',
      '003/migration.sql'
    ]);
  });
});

describe('looking ahead in the change set', () => {
  const base =
    'CREATE TABLE accounts (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint);';
  const fk =
    'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;';
  const index = 'CREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);';
  const fkFindings = async (sources: { path: string; text: string; lint: boolean; changeSet: number }[]) =>
    (await lintMigrations(sources, { pgVersion: 16, framework: 'plain' }, ALL_RULES)).findings.filter(
      (f) => f.rule === 'foreign-key-without-index'
    );

  it('sees an index a later file of the same change set creates', async () => {
    const findings = await fkFindings([
      { path: '001.sql', text: base, lint: false, changeSet: 0 },
      { path: '002.sql', text: fk, lint: true, changeSet: 1 },
      { path: '003.sql', text: index, lint: true, changeSet: 1 }
    ]);
    expect(findings).toEqual([]);
  });

  it('does not count an index that ships in a later change set', async () => {
    const findings = await fkFindings([
      { path: '001.sql', text: base, lint: false, changeSet: 0 },
      { path: '002.sql', text: fk, lint: true, changeSet: 1 },
      { path: '003.sql', text: index, lint: true, changeSet: 2 }
    ]);
    expect(findings.map((f) => f.file)).toEqual(['002.sql']);
  });
});
