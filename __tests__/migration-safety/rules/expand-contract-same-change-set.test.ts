import { lintMigrations } from '../../../actions/migration-safety/src/engine/lint.js';
import { ALL_RULES } from '../../../actions/migration-safety/src/rules/index.js';
import { EXISTING, findingsOf, lintSql, positions } from '../lint-sql.js';

const RULE = 'expand-contract-same-change-set';

describe(RULE, () => {
  it.each([
    [
      // A rename done as expand, migrate and contract at once.
      'ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = name;\nALTER TABLE users DROP COLUMN name;',
      [[3, 1, 3, 35]]
    ],
    [
      'ALTER TABLE users ADD COLUMN years int;\nUPDATE users u SET years = coalesce(u.age, 0) WHERE true;\nALTER TABLE users DROP COLUMN IF EXISTS age, ADD COLUMN z int;',
      [[3, 1, 3, 62]]
    ],
    [
      // A type change by copy and swap.
      'ALTER TABLE users ADD COLUMN age_new bigint;\nUPDATE users SET age_new = age;\nALTER TABLE users DROP COLUMN age;\nALTER TABLE users RENAME COLUMN age_new TO age;',
      [[3, 1, 3, 34]]
    ],
    [
      // A table rename with a compatibility view that the same change set drops again.
      'ALTER TABLE orgs RENAME TO organizations;\nCREATE VIEW orgs AS SELECT * FROM organizations;\nDROP VIEW orgs;',
      [[3, 1, 3, 15]]
    ],
    [
      // A column moved into another table by INSERT ... SELECT.
      'CREATE TABLE profiles (user_id bigint PRIMARY KEY, display_name text);\nINSERT INTO profiles (user_id, display_name) SELECT u.id, u.name FROM users u;\nALTER TABLE users DROP COLUMN name;',
      [[3, 1, 3, 35]]
    ],
    [
      // A table rename done as create, copy and drop.
      'CREATE TABLE organizations (id bigint PRIMARY KEY, name text NOT NULL);\nINSERT INTO organizations SELECT * FROM orgs;\nDROP TABLE orgs;',
      [[3, 1, 3, 16]]
    ],
    [
      // The same with CREATE TABLE AS, and the drop listing an unrelated table first.
      'CREATE TABLE members AS SELECT id, name AS full_name FROM users;\nDROP TABLE IF EXISTS orgs, users;',
      [[2, 1, 2, 33]]
    ],
    [
      // A batched backfill in a DO block.
      'ALTER TABLE users ADD COLUMN full_name text;\nDO $$\nDECLARE moved int;\nBEGIN\n  LOOP\n    UPDATE users SET full_name = name\n    WHERE id IN (SELECT id FROM users WHERE full_name IS NULL AND name IS NOT NULL LIMIT 1000);\n    GET DIAGNOSTICS moved = ROW_COUNT;\n    EXIT WHEN moved = 0;\n  END LOOP;\nEND $$;\nALTER TABLE users DROP COLUMN name;',
      [[12, 1, 12, 35]]
    ],
    [
      // A row-by-row backfill through a loop variable, nested in an IF.
      "ALTER TABLE users ADD COLUMN years int;\nDO $body$\nDECLARE r record;\nBEGIN\n  IF current_setting('app.backfill', true) IS DISTINCT FROM 'off' THEN\n    FOR r IN SELECT id, age AS a FROM users LOOP\n      UPDATE users SET years = r.a WHERE id = r.id;\n    END LOOP;\n  END IF;\nEND $body$;\nALTER TABLE users DROP COLUMN age;",
      [[11, 1, 11, 34]]
    ],
    [
      // A copy into another table inside a DO block, by a correlated UPDATE ... FROM.
      'ALTER TABLE orgs ADD COLUMN owner_email text;\nDO $$ BEGIN UPDATE orgs o SET owner_email = u.email FROM users u WHERE u.org_id = o.id; END $$;\nALTER TABLE users DROP COLUMN email;',
      [[3, 1, 3, 36]]
    ],
    [
      // A rebuilt table swapped in under the old name.
      'CREATE TABLE orgs_new (id bigint PRIMARY KEY, name text NOT NULL, slug text);\nINSERT INTO orgs_new (id, name) SELECT id, name FROM orgs;\nDROP TABLE orgs;\nALTER TABLE orgs_new RENAME TO orgs;',
      [[3, 1, 3, 16]]
    ]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual(expected);
  });

  it.each([
    // Expand and migrate only: the contract comes in a later deploy.
    'ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = name;',
    // Not a contract.
    "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\nUPDATE users SET email = '' WHERE email IS NULL;\nALTER TABLE users VALIDATE CONSTRAINT email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT email_nn;",
    // A drop with a plausible replacement but no copy: the drop rules judge it, not this one.
    'ALTER TABLE users ADD COLUMN full_name text;\nALTER TABLE users DROP COLUMN name;',
    // The copy does not read the dropped column.
    "ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = 'x' WHERE name IS NULL;\nALTER TABLE users DROP COLUMN name;",
    // Rename with a view, the view kept for the next deploy.
    'ALTER TABLE orgs RENAME TO organizations;\nCREATE VIEW orgs AS SELECT * FROM organizations;',
    // The INSERT ... SELECT copies another table's column of the same name.
    'CREATE TABLE names (name text);\nINSERT INTO names (name) SELECT name FROM orgs;\nALTER TABLE users DROP COLUMN name;\nDROP TABLE users;',
    // A backup of every column is no evidence that this one moved.
    'CREATE TABLE users_backup AS SELECT * FROM users;\nALTER TABLE users DROP COLUMN name;',
    // The DO block only reads the column.
    "ALTER TABLE users ADD COLUMN full_name text;\nDO $$\nBEGIN\n  IF EXISTS (SELECT 1 FROM users WHERE name IS NOT NULL) THEN\n    RAISE NOTICE 'names left: %', (SELECT count(name) FROM users);\n  END IF;\n  PERFORM name FROM users LIMIT 1;\nEND $$;\nALTER TABLE users DROP COLUMN name;",
    // SELECT ... INTO in PL/pgSQL fills a variable, not a table; dynamic SQL is not read.
    "ALTER TABLE users ADD COLUMN full_name text;\nDO $$ DECLARE n text; BEGIN SELECT name INTO n FROM users LIMIT 1; EXECUTE 'SELECT 1'; RAISE NOTICE '%', n; END $$;\nALTER TABLE users DROP COLUMN name;",
    // Tables created in the same change set: exempted, not flagged.
    'CREATE TABLE a (x int);\nCREATE TABLE b (x int);\nINSERT INTO b (x) SELECT x FROM a;\nDROP TABLE a;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql, { history: [EXISTING] })).toEqual([]);
  });

  it('accepts rows archived into a table that already existed', async () => {
    const history = [EXISTING, 'CREATE TABLE orgs_archive (id bigint, name text);'];
    const sql = 'INSERT INTO orgs_archive SELECT * FROM orgs;\nDROP TABLE orgs;';
    expect(await positions(RULE, sql, { history })).toEqual([]);
  });

  it.each([
    // Bodies the server rejects: they must neither count as a copy nor fail the lint.
    'ALTER TABLE users ADD COLUMN full_name text;\nDO $$ BEGIN UPDATE users SET full_name = ; END $$;\nALTER TABLE users DROP COLUMN name;',
    'DO $$ BEGIN LOOP UPDATE users $$;\nALTER TABLE users DROP COLUMN name;',
    'DO $$ $$;\nALTER TABLE users DROP COLUMN name;',
    "DO $$ BEGIN UPDATE users SET email = 'unterminated; END $$;\nALTER TABLE users DROP COLUMN name;",
    // Another language: its body is not PL/pgSQL.
    "DO LANGUAGE plpython3u $$ plpy.execute('UPDATE users SET email = name') $$;\nALTER TABLE users DROP COLUMN name;"
  ])('neither flags nor fails on the DO block of %s', async (sql) => {
    const result = await lintSql(sql, { history: [EXISTING] });
    expect(result.findings.filter((f) => f.rule === RULE || f.rule === 'internal-error')).toEqual([]);
  });

  it('accepts the contract in a later change set', async () => {
    const history = [EXISTING, 'ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = name;'];
    expect(await positions(RULE, 'ALTER TABLE users DROP COLUMN name;', { history })).toEqual([]);
  });

  it('follows the change set across its files', async () => {
    const result = await lintMigrations(
      [
        { path: 'a.sql', text: EXISTING, lint: false, changeSet: 0 },
        { path: 'b.sql', text: 'ALTER TABLE users ADD COLUMN full_name text;', lint: true, changeSet: 1 },
        { path: 'c.sql', text: 'UPDATE users SET full_name = name;', lint: true, changeSet: 1 },
        { path: 'd.sql', text: 'ALTER TABLE users DROP COLUMN name;', lint: true, changeSet: 1 }
      ],
      { pgVersion: 16, framework: 'plain' },
      ALL_RULES
    );
    expect(result.findings.filter((f) => f.rule === RULE).map((f) => f.file)).toEqual(['d.sql']);
  });

  it('explains and attaches the rename recipe', async () => {
    const [finding] = await findingsOf(
      RULE,
      'ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = name;\nALTER TABLE users DROP COLUMN name;',
      { history: [EXISTING] }
    );
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe(
      'This change set adds users.full_name, copies name into it and drops name: expand and contract in one deploy break the release still running, which reads and writes name'
    );
    expect(finding.recipe?.title).toBe('Rename users.name to full_name without breaking the running release');
    expect(finding.recipe?.steps[0].sql).toContain('ADD COLUMN full_name text');
  });

  it('attaches the type-change recipe to a copy and swap', async () => {
    const [finding] = await findingsOf(
      RULE,
      'ALTER TABLE users ADD COLUMN age_new bigint;\nUPDATE users SET age_new = age;\nALTER TABLE users DROP COLUMN age;\nALTER TABLE users RENAME COLUMN age_new TO age;',
      { history: [EXISTING] }
    );
    expect(finding.recipe?.title).toBe('Change users.age to bigint without a table rewrite under lock');
  });

  it('explains a column moved into another table', async () => {
    const [finding] = await findingsOf(
      RULE,
      'CREATE TABLE profiles (user_id bigint PRIMARY KEY, display_name text);\nINSERT INTO profiles (user_id, display_name) SELECT id, name FROM users;\nALTER TABLE users DROP COLUMN name;',
      { history: [EXISTING] }
    );
    expect(finding.message).toBe(
      'This change set copies users.name into profiles.display_name and drops name: expand and contract in one deploy break the release still running, which reads and writes users.name'
    );
    expect(finding.recipe?.title).toBe('Drop users.name without breaking the running release');
  });

  it('explains a table copied and dropped, with the rename recipe', async () => {
    const [finding] = await findingsOf(
      RULE,
      'CREATE TABLE organizations (id bigint PRIMARY KEY, name text NOT NULL);\nINSERT INTO organizations SELECT * FROM orgs;\nDROP TABLE orgs;',
      { history: [EXISTING] }
    );
    expect(finding.message).toBe(
      'This change set creates organizations, copies orgs into it and drops orgs: expand and contract in one deploy break the release still running, which reads and writes orgs'
    );
    expect(finding.recipe?.title).toBe('Rename table orgs to organizations without breaking the running release');
  });

  it('explains a table rebuilt under its own name, without a rename recipe', async () => {
    const [finding] = await findingsOf(
      RULE,
      'CREATE TABLE orgs_new (id bigint PRIMARY KEY, name text NOT NULL, slug text);\nINSERT INTO orgs_new (id, name) SELECT id, name FROM orgs;\nDROP TABLE orgs;\nALTER TABLE orgs_new RENAME TO orgs;',
      { history: [EXISTING] }
    );
    expect(finding.message).toBe(
      'This change set rebuilds table orgs as a copy (orgs_new, then renamed to orgs) in one deploy: rows the release still running writes to orgs after the copy are lost with the drop, and its queries fail or wait until the rename'
    );
    expect(finding.recipe).toBeUndefined();
  });

  it('follows a DO block copy across the files of the change set', async () => {
    const result = await lintMigrations(
      [
        { path: 'a.sql', text: EXISTING, lint: false, changeSet: 0 },
        {
          path: 'b.sql',
          text: 'ALTER TABLE users ADD COLUMN full_name text;\nDO $$ BEGIN UPDATE users SET full_name = name; END $$;',
          lint: true,
          changeSet: 1
        },
        { path: 'c.sql', text: 'ALTER TABLE users DROP COLUMN name;', lint: true, changeSet: 1 }
      ],
      { pgVersion: 16, framework: 'plain' },
      ALL_RULES
    );
    const findings = result.findings.filter((f) => f.rule === RULE);
    expect(findings.map((f) => f.file)).toEqual(['c.sql']);
    expect(findings[0].recipe?.title).toBe('Rename users.name to full_name without breaking the running release');
  });

  it('exempts tables created in the same change set', async () => {
    const result = await lintSql(
      'CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nUPDATE t SET b = a;\nALTER TABLE t DROP COLUMN a;'
    );
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
    expect(result.exempted).toContainEqual(expect.objectContaining({ rule: RULE, line: 4 }));
  });
});
