import { beforeAll, describe, expect, it } from '@jest/globals';
import { as } from '../../actions/migration-safety/src/engine/ast.js';
import { Catalog } from '../../actions/migration-safety/src/engine/catalog.js';
import {
  columnsRead,
  dataCopies,
  fromSources,
  scopeOf,
  type DataCopy
} from '../../actions/migration-safety/src/engine/column-reads.js';
import { parseFile } from '../../actions/migration-safety/src/engine/parse-file.js';
import { loadParser, parseMigration } from '../../actions/migration-safety/src/engine/parse.js';

beforeAll(() => loadParser());

const SCHEMA = `CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, age int);
CREATE TABLE orgs (id bigint PRIMARY KEY, title text, owner_id bigint);
CREATE TABLE audit (id bigint, who text);`;

function catalogOf(sql: string): Catalog {
  const catalog = new Catalog();
  for (const statement of parseMigration(sql).statements) catalog.apply(statement, 0);
  return catalog;
}

/** The copies of every statement of `sql` (DO bodies included), each judged against the schema before it. */
function copiesOf(sql: string, schema = SCHEMA): string[] {
  const catalog = catalogOf(schema);
  const found: string[] = [];
  for (const statement of parseFile(sql, { framework: 'plain' }).parsed.statements) {
    found.push(...dataCopies(statement, catalog).map(describeCopy));
    catalog.apply(statement, 1);
  }
  return found;
}

function describeCopy(copy: DataCopy): string {
  const target = copy.target === undefined ? '' : `.${copy.target}`;
  return `${copy.from.key}(${[...copy.sources].sort().join(',')}) -> ${copy.into.key}${target}`;
}

describe('dataCopies', () => {
  it.each([
    ['UPDATE users SET name = email;', ['public.users(email) -> public.users.name']],
    ['UPDATE users SET name = lower(email) || name;', ['public.users(email) -> public.users.name']],
    ['UPDATE users SET age = age + 1;', []],
    ['UPDATE users SET name = NULL, age = 0;', []],
    [
      'UPDATE users u SET name = o.title FROM orgs o WHERE o.owner_id = u.id;',
      ['public.orgs(title) -> public.users.name']
    ],
    [
      'UPDATE users SET name = (SELECT title FROM orgs WHERE orgs.owner_id = users.id);',
      ['public.orgs(owner_id,title) -> public.users.name', 'public.users(id) -> public.users.name']
    ],
    // A bare name belongs to the FROM entry the catalogue says has it.
    ['UPDATE users SET name = title FROM orgs WHERE owner_id = users.id;', ['public.orgs(title) -> public.users.name']]
  ])('UPDATE: %s', (sql, expected) => {
    expect(copiesOf(sql)).toEqual(expected);
  });

  it.each([
    [
      'INSERT INTO audit (id, who) SELECT id, email FROM users;',
      ['public.users(id) -> public.audit.id', 'public.users(email) -> public.audit.who']
    ],
    // Without a column list the target's columns (from the catalogue) fill the positions.
    [
      'INSERT INTO audit SELECT id, name FROM users;',
      ['public.users(id) -> public.audit.id', 'public.users(name) -> public.audit.who']
    ],
    // After a star, positions no longer say which column is filled.
    ['INSERT INTO audit SELECT * FROM users;', ['public.users(*) -> public.audit']],
    // Rows of a table appended to itself are new rows, not a move.
    ['INSERT INTO users (id, email) SELECT id + 1000, email FROM users;', []],
    [
      'INSERT INTO audit (id, who) SELECT id, email FROM users UNION ALL SELECT id, title FROM orgs;',
      [
        'public.users(id) -> public.audit.id',
        'public.users(email) -> public.audit.who',
        'public.orgs(id) -> public.audit.id',
        'public.orgs(title) -> public.audit.who'
      ]
    ],
    // A WITH query is no table: its column is read from no table.
    [
      'INSERT INTO audit (id, who) WITH u AS (SELECT 1 AS n) SELECT n, email FROM u, users;',
      ['public.users(email) -> public.audit.who']
    ]
  ])('INSERT ... SELECT: %s', (sql, expected) => {
    expect(copiesOf(sql)).toEqual(expected);
  });

  it.each([
    [
      'CREATE TABLE copy AS SELECT id, email AS address FROM users;',
      ['public.users(id) -> public.copy.id', 'public.users(email) -> public.copy.address']
    ],
    [
      'CREATE TABLE copy (a, b) AS SELECT id, email FROM users;',
      ['public.users(id) -> public.copy.a', 'public.users(email) -> public.copy.b']
    ],
    ['CREATE VIEW v AS SELECT email FROM users;', []]
  ])('CREATE TABLE AS: %s', (sql, expected) => {
    expect(copiesOf(sql)).toEqual(expected);
  });

  it('follows the loop row of a DO block: r.email reads the loop query column', () => {
    const sql = `DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT id, email FROM users LOOP
    UPDATE users SET name = r.email WHERE id = r.id;
  END LOOP;
END $$;`;
    expect(copiesOf(sql)).toEqual(['public.users(email) -> public.users.name']);
  });

  it('does not take a DO block variable for a column', () => {
    const sql = `DO $$ DECLARE email text := 'x'; BEGIN UPDATE users SET name = email; END $$;`;
    expect(copiesOf(sql)).toEqual([]);
  });

  it('copies nothing for statements that write no rows from columns', () => {
    expect(
      copiesOf('ALTER TABLE users ADD COLUMN nick text;\nDELETE FROM users WHERE age > 3;\nSELECT email FROM users;')
    ).toEqual([]);
  });
});

describe('columnsRead', () => {
  function readsOf(select: string): Record<string, string[]> {
    const catalog = catalogOf(SCHEMA);
    const [statement] = parseMigration(select).statements;
    const scope = scopeOf(statement, catalog);
    const body = statement.kind === 'SelectStmt' ? statement.body : undefined;
    const sources = fromSources(scope, body?.fromClause, new Set());
    const reads = columnsRead(body?.targetList, sources, scope);
    return Object.fromEntries([...reads].map(([key, read]) => [key, [...read.columns].sort()]));
  }

  it.each([
    ['SELECT email, u.name FROM users u', { 'public.users': ['email', 'name'] }],
    ['SELECT public.users.email FROM public.users', { 'public.users': ['email'] }],
    [
      'SELECT u.*, o.title FROM users u JOIN orgs o ON o.owner_id = u.id',
      { 'public.users': ['*'], 'public.orgs': ['title'] }
    ],
    ['SELECT * FROM users, orgs', { 'public.users': ['*'], 'public.orgs': ['*'] }],
    // A column no table of the catalogue has goes to one it cannot rule out (not modelled), else nowhere.
    ['SELECT nowhere FROM users', {}],
    ['SELECT x FROM users, elsewhere', { 'public.elsewhere': ['x'] }],
    ['SELECT (SELECT max(age) FROM users) AS oldest', { 'public.users': ['age'] }]
  ])('%s', (sql, expected) => {
    expect(readsOf(sql)).toEqual(expected);
  });

  it('reads an expression of any node type', () => {
    const catalog = catalogOf(SCHEMA);
    const [statement] = parseMigration('UPDATE users SET name = coalesce(name, email, title) FROM orgs;').statements;
    const scope = scopeOf(statement, catalog);
    const body = statement.kind === 'UpdateStmt' ? statement.body : undefined;
    const target = as(body?.targetList?.[0], 'ResTarget');
    const sources = fromSources(scope, [{ RangeVar: { relname: 'users' } }, ...(body?.fromClause ?? [])], new Set());
    const reads = columnsRead(target?.val, sources, scope);
    expect([...reads.keys()]).toEqual(['public.users', 'public.orgs']);
    expect([...reads.get('public.users')!.columns]).toEqual(['name', 'email']);
  });
});
