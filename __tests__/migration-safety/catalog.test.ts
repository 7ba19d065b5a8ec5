import { Catalog } from '../../actions/migration-safety/src/engine/catalog.js';
import { loadParser, parseMigration } from '../../actions/migration-safety/src/engine/parse.js';
import { findingsOf } from './lint-sql.js';

beforeAll(() => loadParser());

function replay(sql: string): { catalog: Catalog; problems: string[] } {
  const catalog = new Catalog();
  const problems = parseMigration(sql).statements.flatMap((s) => catalog.apply(s, 0).map((p) => p.message));
  return { catalog, problems };
}

describe('catalogue replay', () => {
  it('names constraints as PostgreSQL does, so a later DROP CONSTRAINT finds them', () => {
    const { catalog, problems } = replay(`CREATE TABLE t (id int PRIMARY KEY, org_id int UNIQUE, n int CHECK (n > 0));
      ALTER TABLE t ADD FOREIGN KEY (org_id) REFERENCES t (id);
      ALTER TABLE t DROP CONSTRAINT t_org_id_key;`);
    expect(problems).toEqual([]);
    expect([...catalog.table('public.t')!.constraints.keys()].sort()).toEqual(['t_n_check', 't_org_id_fkey', 't_pkey']);
  });

  it('keeps expression elements of an index in place', () => {
    const { catalog } = replay('CREATE TABLE u (email text, org_id int);\nCREATE INDEX ON u (lower(email), org_id);');
    expect(catalog.hasIndexLeadingWith('public.u', ['org_id'])).toBe(false);
    expect(catalog.indexesOf('public.u')[0].columns).toEqual(['(expression)', 'org_id']);
  });

  it('copies columns for LIKE and inheritance, and does not guess those of CREATE TABLE AS', () => {
    const { catalog, problems } = replay(`CREATE TABLE a (x int NOT NULL, y text);
      CREATE TABLE b (LIKE a INCLUDING ALL);
      ALTER TABLE b DROP COLUMN x;
      CREATE TABLE c AS SELECT * FROM a;
      ALTER TABLE c DROP COLUMN y;
      ALTER TABLE c RENAME COLUMN x TO z;`);
    expect(problems).toEqual([]);
    expect([...catalog.table('public.b')!.columns.keys()]).toEqual(['y']);
  });

  it('follows SET SCHEMA and search_path', () => {
    const { catalog, problems } = replay(`CREATE SCHEMA app;
      CREATE TABLE a (x int);
      ALTER TABLE a SET SCHEMA app;
      ALTER TABLE app.a DROP COLUMN x;
      SET search_path TO app, public;
      CREATE TABLE b (y int);
      ALTER TABLE app.b ADD COLUMN z int;
      ALTER TABLE b DROP COLUMN y;`);
    expect(problems).toEqual([]);
    expect(catalog.table('app.b')!.columns.has('z')).toBe(true);
    expect(catalog.table('public.b')?.key).toBe('app.b');
  });

  it('records which columns a CHECK proves NOT NULL', () => {
    const { catalog } = replay(
      'CREATE TABLE t (a int, b int);\nALTER TABLE t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL AND b > 0) NOT VALID;'
    );
    expect(catalog.table('public.t')!.constraints.get('a_nn')).toMatchObject({
      kind: 'check',
      validated: false,
      provesNotNull: ['a'],
      columns: ['a', 'b']
    });
  });

  it('reports a drop of a missing column once the history created the table', async () => {
    const history = ['CREATE TABLE t (a int);'];
    expect(await findingsOf('missing-object', 'ALTER TABLE t DROP COLUMN b;', { history })).toHaveLength(1);
    expect(await findingsOf('missing-object', 'ALTER TABLE t DROP COLUMN IF EXISTS b;', { history })).toEqual([]);
  });
});
