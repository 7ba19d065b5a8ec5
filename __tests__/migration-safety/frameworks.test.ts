// The frameworks with project files and sections (diesel, drizzle, sqitch, Atlas, Liquibase formatted SQL,
// node-pg-migrate, Supabase): each gets a small project on disk, run through runMigrationCheck as the action and
// the CLI run it, for its order, its transaction mode and opt-out, the parts that are not the up migration, the
// positions of findings, and a hostile project file that must fail in one line. The registry is checked too.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { runMigrationCheck, type MigrationCheck } from '../../actions/migration-safety/src/check.js';
import { FRAMEWORKS, prepareFile } from '../../actions/migration-safety/src/engine/framework.js';
import { FRAMEWORK_MODULES } from '../../actions/migration-safety/src/engine/frameworks/index.js';
import { INPUTS } from '../../actions/migration-safety/src/inputs.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const USERS = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);\n';
const CONCURRENT_IN_TX = 'ban-concurrent-index-creation-in-transaction';
const NOT_CONCURRENT = 'require-concurrent-index-creation';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ms-frameworks-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(files: Record<string, string>, framework: string, patterns: string[] = []): Promise<MigrationCheck> {
  return runMigrationCheck({
    cwd: project(files),
    patterns,
    framework,
    label: (setting) => `--${setting}`,
    ifNoFilesFound: 'error'
  });
}

const order = (c: MigrationCheck) => c.result.files.map((f) => f.path);
const modes = (c: MigrationCheck) => c.result.files.map((f) => [f.path, f.inTransaction, f.transactionReason]);
const hits = (c: MigrationCheck, rule: string) =>
  c.result.findings.filter((f) => f.rule === rule).map((f) => [f.file, f.line, f.column, f.endLine, f.endColumn]);
const rulesHit = (c: MigrationCheck) => [...new Set(c.result.findings.map((f) => f.rule))].sort();

/** The one-line ConfigurationError the check fails with. */
async function failure(run: Promise<unknown>): Promise<string> {
  let caught: unknown;
  try {
    await run;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigurationError);
  const message = (caught as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('registry', () => {
  it('has one module per framework, named by its key, each with a source', () => {
    expect(Object.keys(FRAMEWORK_MODULES)).toEqual([...FRAMEWORKS]);
    for (const [name, module] of Object.entries(FRAMEWORK_MODULES)) {
      expect(module.name).toBe(name);
      expect(module.source.length).toBeGreaterThan(10);
    }
  });

  it('lists every framework in the input, the README and the docs page', () => {
    const readme = readFileSync('migration-safety/README.md', 'utf8');
    const docs = readFileSync('actions/migration-safety/docs/frameworks.md', 'utf8');
    for (const name of FRAMEWORKS) {
      expect(INPUTS.framework.description).toContain(name);
      expect(readme).toContain(`- \`${name}\``);
      expect(docs).toContain(`| \`${name}\``);
    }
  });
});

describe('prepare keeps positions', () => {
  const samples = [
    '-- +goose Up\nCREATE INDEX a ON t (x);\n-- +goose Down\nDROP INDEX a;\n',
    '-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n',
    '-- Down Migration\r\nSELECT 2;\r\n-- Up Migration\r\nSELECT 1;\r\n',
    'CREATE TABLE a (x int)\n--> statement-breakpoint\nCREATE TABLE b (y int);--> statement-breakpoint\n',
    '--liquibase formatted sql\nSELECT 0;\n--changeset a:1\nSELECT 1; -- é ü\n--rollback SELECT 2;\n/* liquibase rollback\nSELECT 3;\n*/\n'
  ];
  const newlines = (text: string) => [...text.matchAll(/\n/g)].map((m) => m.index);

  it.each([...FRAMEWORKS])('%s: the prepared text has the length and the line breaks of the file', (framework) => {
    for (const text of samples) {
      const prepared = prepareFile(text, framework, undefined, { path: 'x.sql' });
      expect(prepared.text.length).toBe(text.length);
      expect(newlines(prepared.text)).toEqual(newlines(text));
    }
  });
});

describe('diesel', () => {
  const files = {
    'migrations/2024-01-01-000000_users/up.sql': USERS,
    'migrations/2024-01-01-000000_users/down.sql': 'DROP TABLE users;\nCREATE INDEX d ON users (email);\n',
    // Version 20240101000001 comes before 20240102000000, though the folder name sorts after it.
    'migrations/20240101000001_concurrent/up.sql': 'CREATE INDEX CONCURRENTLY users_email ON users (email);\n',
    'migrations/20240101000001_concurrent/metadata.toml': '# no transaction\nrun_in_transaction = false # needed\n',
    'migrations/2024-01-02-000000_plain_index/up.sql': '\n  CREATE INDEX users_name ON users (name);\n',
    'migrations/2024-01-03-000000_empty_metadata/up.sql': 'CREATE INDEX CONCURRENTLY users_id ON users (id);\n',
    'migrations/2024-01-03-000000_empty_metadata/metadata.toml': '# only a comment\n',
    'migrations/2024-01-04-000000_explicit/up.sql': 'CREATE INDEX CONCURRENTLY users_both ON users (id, email);\n',
    'migrations/2024-01-04-000000_explicit/metadata.toml': 'run_in_transaction = true\n'
  };

  it('runs up.sql by version, never down.sql, with metadata.toml deciding the transaction', async () => {
    const c = await check(files, 'diesel', ['migrations']);
    expect(modes(c)).toEqual([
      ['migrations/2024-01-01-000000_users/up.sql', true, 'diesel runs each migration in its own transaction'],
      ['migrations/20240101000001_concurrent/up.sql', false, 'diesel: run_in_transaction = false in metadata.toml'],
      ['migrations/2024-01-02-000000_plain_index/up.sql', true, 'diesel runs each migration in its own transaction'],
      [
        'migrations/2024-01-03-000000_empty_metadata/up.sql',
        false,
        'diesel: metadata.toml without run_in_transaction means false'
      ],
      [
        'migrations/2024-01-04-000000_explicit/up.sql',
        true,
        'diesel runs each migration in its own transaction (metadata.toml: run_in_transaction = true)'
      ]
    ]);
    expect(hits(c, NOT_CONCURRENT)).toEqual([['migrations/2024-01-02-000000_plain_index/up.sql', 2, 3, 2, 42]]);
    expect(hits(c, CONCURRENT_IN_TX)).toEqual([['migrations/2024-01-04-000000_explicit/up.sql', 1, 1, 1, 58]]);
    expect(rulesHit(c)).not.toContain('ban-drop-table');
  });

  it('refuses a metadata.toml it cannot read, in one line', async () => {
    const bad = { ...files, 'migrations/20240101000001_concurrent/metadata.toml': 'run_in_transaction = maybe\n' };
    expect(await failure(check(bad, 'diesel'))).toMatch(
      /^migrations\/20240101000001_concurrent\/metadata\.toml:1: not valid TOML here: "run_in_transaction = maybe"$/
    );
    const text = { ...files, 'migrations/20240101000001_concurrent/metadata.toml': 'run_in_transaction = "no"\n' };
    expect(await failure(check(text, 'diesel'))).toMatch(/run_in_transaction must be true or false$/);
    const garbage = { ...files, 'migrations/20240101000001_concurrent/metadata.toml': 'ok = true\n\u0001{{{' };
    expect(await failure(check(garbage, 'diesel'))).toMatch(/metadata\.toml:2: not valid TOML here: "\\x01\{\{\{"$/);
  });
});

describe('drizzle', () => {
  const journal = (tags: string[], when = (i: number) => 1700000000000 + i) =>
    JSON.stringify({
      version: '7',
      dialect: 'postgresql',
      entries: tags.map((tag, idx) => ({ idx, version: '7', when: when(idx), tag, breakpoints: true }))
    });
  const files = {
    // By name, add_index would run before init (and find no table).
    'drizzle/zz_init.sql':
      'CREATE TABLE users (id bigint PRIMARY KEY, email text, name text)\n--> statement-breakpoint\nCREATE TABLE orgs (id bigint)\n',
    'drizzle/add_index.sql':
      'CREATE INDEX CONCURRENTLY users_email ON users (email);--> statement-breakpoint\nCREATE INDEX users_name ON users (name);\n',
    'drizzle/stray.sql': 'DROP TABLE users;\n',
    'drizzle/meta/_journal.json': journal(['zz_init', 'add_index'])
  };

  it('follows the journal, splits at breakpoints, and runs every migration in a transaction', async () => {
    const c = await check(files, 'drizzle');
    expect(order(c)).toEqual(['drizzle/zz_init.sql', 'drizzle/add_index.sql']);
    expect(modes(c).map(([, tx, why]) => [tx, why])).toEqual([
      [true, 'drizzle-kit migrate runs every pending migration in one transaction (PostgreSQL)'],
      [true, 'drizzle-kit migrate runs every pending migration in one transaction (PostgreSQL)']
    ]);
    expect(c.result.files[0]).toMatchObject({ statements: 2, syntaxError: false });
    expect(hits(c, CONCURRENT_IN_TX)).toEqual([['drizzle/add_index.sql', 1, 1, 1, 55]]);
    expect(hits(c, NOT_CONCURRENT)).toEqual([['drizzle/add_index.sql', 2, 1, 2, 40]]);
    expect(rulesHit(c)).not.toContain('missing-object');
    expect(c.notices).toEqual([
      'drizzle/stray.sql: not in drizzle/meta/_journal.json, so drizzle-kit migrate never runs it; not linted'
    ]);
  });

  it('reads drizzle-kit 1.0 folders (no journal) in folder-name order', async () => {
    const c = await check(
      {
        'drizzle/20240102000000_index/migration.sql': 'CREATE INDEX CONCURRENTLY users_email ON users (email);\n',
        'drizzle/20240101000000_init/migration.sql': USERS
      },
      'drizzle'
    );
    expect(order(c)).toEqual([
      'drizzle/20240101000000_init/migration.sql',
      'drizzle/20240102000000_index/migration.sql'
    ]);
    expect(hits(c, CONCURRENT_IN_TX)).toEqual([['drizzle/20240102000000_index/migration.sql', 1, 1, 1, 55]]);
  });

  it('says when an entry is not newer than the one before (drizzle skips it)', async () => {
    const c = await check(
      { ...files, 'drizzle/meta/_journal.json': journal(['zz_init', 'add_index'], () => 5) },
      'drizzle'
    );
    expect(c.notices[0]).toMatch(/entries\[1\] \(add_index\) is not newer than the entry before it/);
  });

  it('refuses a malformed journal, a missing file, and a tag that climbs out, in one line', async () => {
    const broken = { ...files, 'drizzle/meta/_journal.json': '{ "entries": [ { "tag": ' };
    expect(await failure(check(broken, 'drizzle'))).toMatch(/^drizzle\/meta\/_journal\.json: not valid JSON \(/);
    const shape = { ...files, 'drizzle/meta/_journal.json': '{"entries": [{"tag": 7}]}' };
    expect(await failure(check(shape, 'drizzle'))).toMatch(/entries\[0\]\.tag must be/);
    const missing = { ...files, 'drizzle/meta/_journal.json': journal(['zz_init', 'gone', 'add_index']) };
    expect(await failure(check(missing, 'drizzle'))).toBe(
      'drizzle/meta/_journal.json: entries[1] names drizzle/gone.sql, which does not exist (drizzle-kit migrate would stop there)'
    );
    const escape = { ...files, 'drizzle/meta/_journal.json': journal(['../../etc/passwd']) };
    expect(await failure(check(escape, 'drizzle'))).toMatch(
      /entries\[0\]\.tag "\.\.\/\.\.\/etc\/passwd" is not a file in drizzle$/
    );
    const { ['drizzle/meta/_journal.json']: _journal, ...without } = files;
    expect(await failure(check(without, 'drizzle'))).toMatch(/no drizzle\/meta\/_journal\.json beside it/);
  });

  it('refuses, in the action, a journal that is a link out of the workspace', async () => {
    const outside = project({ 'journal.json': journal(['zz_init', 'add_index']) });
    const { ['drizzle/meta/_journal.json']: _journal, ...rest } = files;
    const root = project(rest);
    mkdirSync(join(root, 'drizzle/meta'));
    symlinkSync(join(outside, 'journal.json'), join(root, 'drizzle/meta/_journal.json'));
    const run = (workspace?: string) =>
      runMigrationCheck({
        cwd: root,
        patterns: [],
        framework: 'drizzle',
        label: (setting) => `--${setting}`,
        ifNoFilesFound: 'error',
        workspace
      });
    expect(await failure(run(root))).toBe(
      'drizzle/meta/_journal.json leads outside the workspace: refused, nothing was read (see Security in the README)'
    );
    expect(order(await run())).toEqual(['drizzle/zz_init.sql', 'drizzle/add_index.sql']);
  });

  it('is detected under framework: plain', async () => {
    const c = await check(files, 'plain', ['drizzle']);
    expect(c.notices.at(-1)).toBe(
      "drizzle/meta/_journal.json is a drizzle-kit journal: set framework: drizzle to lint these files in drizzle's order and transaction mode"
    );
  });
});

describe('sqitch', () => {
  const plan = `%syntax-version=1.0.0
%project=flipr

users 2024-01-01T00:00:00Z Ann <ann@example.com> # the users table
index [users] 2024-01-02T00:00:00Z Ann <ann@example.com>
@v1 2024-01-03T00:00:00Z Ann <ann@example.com> # first release
index [index@v1] 2024-01-04T00:00:00Z Ann <ann@example.com> # reworked
`;
  const files = {
    'sqitch.plan': plan,
    'deploy/users.sql': `-- Deploy flipr:users\nBEGIN;\n${USERS}COMMIT;\n`,
    'deploy/index@v1.sql': '-- Deploy flipr:index\nBEGIN;\n  CREATE INDEX users_email ON users (email);\nCOMMIT;\n',
    'deploy/index.sql': '-- Deploy flipr:index (reworked)\nCREATE INDEX CONCURRENTLY users_name ON users (name);\n',
    'deploy/stray.sql': 'DROP TABLE users;\n',
    'revert/users.sql': 'DROP TABLE users;\n',
    'verify/users.sql': 'SELECT id FROM users WHERE false;\n'
  };

  it('deploys in plan order, reworked scripts by tag, without a transaction of its own', async () => {
    const c = await check(files, 'sqitch', ['.']);
    expect(order(c)).toEqual(['deploy/users.sql', 'deploy/index@v1.sql', 'deploy/index.sql']);
    expect(new Set(modes(c).map(([, tx, why]) => `${tx} ${why}`))).toEqual(
      new Set(['false sqitch runs the deploy script as written (its BEGIN/COMMIT, if any)'])
    );
    expect(hits(c, NOT_CONCURRENT)).toEqual([['deploy/index@v1.sql', 3, 3, 3, 44]]);
    expect(hits(c, CONCURRENT_IN_TX)).toEqual([]);
    expect(rulesHit(c)).not.toContain('ban-drop-table');
    expect(c.notices).toEqual(['deploy/stray.sql: not in sqitch.plan, so sqitch never deploys it; not linted']);
  });

  it('reads the explicit BEGIN of a deploy script', async () => {
    const c = await check(
      { ...files, 'deploy/index.sql': 'BEGIN;\nCREATE INDEX CONCURRENTLY users_name ON users (name);\nCOMMIT;\n' },
      'sqitch'
    );
    expect(hits(c, CONCURRENT_IN_TX)).toEqual([['deploy/index.sql', 2, 1, 2, 53]]);
  });

  it('refuses a malformed plan and a plan naming a missing script, in one line', async () => {
    const badLine = { ...files, 'sqitch.plan': plan.replace('2024-01-02T00:00:00Z', '2024-01-02') };
    expect(await failure(check(badLine, 'sqitch'))).toMatch(/^sqitch\.plan:5: not a change or tag line/);
    const noProject = { ...files, 'sqitch.plan': plan.replace('%project=flipr\n', '') };
    expect(await failure(check(noProject, 'sqitch'))).toBe('sqitch.plan: no %project pragma (sqitch refuses the plan)');
    const missing = { ...files, 'sqitch.plan': `${plan}orgs 2024-01-05T00:00:00Z Ann <ann@example.com>\n` };
    expect(await failure(check(missing, 'sqitch'))).toBe(
      'sqitch.plan:8: the deploy script deploy/orgs.sql does not exist (sqitch deploy would fail)'
    );
    const climb = { ...files, 'sqitch.plan': `${plan}a/../../x 2024-01-05T00:00:00Z Ann <ann@example.com>\n` };
    expect(await failure(check(climb, 'sqitch'))).toMatch(
      /^sqitch\.plan:8: change "a\/\.\.\/\.\.\/x" names a script outside deploy$/
    );
    const { ['sqitch.plan']: _plan, ...noPlan } = files;
    expect(await failure(check(noPlan, 'sqitch'))).toMatch(/no sqitch\.plan above its deploy\/ folder/);
  });
});

describe('atlas', () => {
  const sum = (names: string[]) => `h1:total=\n${names.map((n) => `${n} h1:x=`).join('\n')}\n`;
  const files = {
    'migrations/20240101000000_users.sql': USERS,
    'migrations/20240102000000_none.sql':
      '-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY users_email ON users (email);\n',
    // Not a file directive: no empty line between it and the statement.
    'migrations/20240103000000_attached.sql':
      '-- atlas:txmode none\nCREATE INDEX CONCURRENTLY users_name ON users (name);\n',
    'migrations/20240104000000_default.sql': '-- a comment\n\n  CREATE INDEX users_id ON users (id);\n',
    'migrations/atlas.sum': sum([
      '20240101000000_users.sql',
      '20240102000000_none.sql',
      '20240103000000_attached.sql',
      '20240104000000_default.sql'
    ])
  };

  it('follows atlas.sum, a transaction per file unless the header says txmode none', async () => {
    const c = await check(files, 'atlas');
    expect(modes(c)).toEqual([
      ['migrations/20240101000000_users.sql', true, 'Atlas runs each file in its own transaction (--tx-mode file)'],
      ['migrations/20240102000000_none.sql', false, 'Atlas: -- atlas:txmode none'],
      ['migrations/20240103000000_attached.sql', true, 'Atlas runs each file in its own transaction (--tx-mode file)'],
      ['migrations/20240104000000_default.sql', true, 'Atlas runs each file in its own transaction (--tx-mode file)']
    ]);
    expect(hits(c, CONCURRENT_IN_TX)).toEqual([['migrations/20240103000000_attached.sql', 2, 1, 2, 53]]);
    expect(hits(c, NOT_CONCURRENT)).toEqual([['migrations/20240104000000_default.sql', 3, 3, 3, 38]]);
  });

  it('refuses what Atlas refuses, in one line', async () => {
    const badSum = { ...files, 'migrations/atlas.sum': 'h1:total=\n20240101000000_users.sql\n' };
    expect(await failure(check(badSum, 'atlas'))).toBe(
      'migrations/atlas.sum:2: not a "<file> h1:<hash>" line: "20240101000000_users.sql"'
    );
    const notSum = { ...files, 'migrations/atlas.sum': '{"not": "a sum"}' };
    expect(await failure(check(notSum, 'atlas'))).toMatch(/^migrations\/atlas\.sum:1: not an atlas\.sum/);
    const unlisted = { ...files, 'migrations/atlas.sum': sum(['20240101000000_users.sql', '20240102000000_none.sql']) };
    expect(await failure(check(unlisted, 'atlas'))).toMatch(
      /^migrations\/20240103000000_attached\.sql: not in migrations\/atlas\.sum, so Atlas refuses the directory/
    );
    const gone = {
      ...files,
      'migrations/atlas.sum': sum([
        ...Object.keys(files)
          .slice(0, 4)
          .map((p) => p.slice(11)),
        'x.sql'
      ])
    };
    expect(await failure(check(gone, 'atlas'))).toMatch(/^migrations\/atlas\.sum:6: migrations\/x\.sql does not exist/);
    const all = { ...files, 'migrations/20240102000000_none.sql': '-- atlas:txmode all\n\nSELECT 1;\n' };
    expect(await failure(check(all, 'atlas'))).toBe(
      'migrations/20240102000000_none.sql: atlas:txmode all is not allowed in a file (Atlas refuses it); use file'
    );
    const twice = {
      ...files,
      'migrations/20240102000000_none.sql': '-- atlas:txmode none\n-- atlas:txmode file\n\nSELECT 1;\n'
    };
    expect(await failure(check(twice, 'atlas'))).toMatch(/more than one atlas:txmode directive/);
  });
});

describe('liquibase-sql', () => {
  const changelog = `--liquibase formatted sql
CREATE INDEX before_any_changeset ON users (email);

--changeset ann:1
ALTER TABLE users ADD COLUMN age int;
--rollback ALTER TABLE users DROP COLUMN age;

--changeset ann:2 runInTransaction:false
CREATE INDEX CONCURRENTLY users_email ON users (email);
--rollback DROP INDEX users_email;

--changeset "ann b":3 labels:x
  CREATE INDEX CONCURRENTLY users_name ON users (name);
/* liquibase rollback
CREATE INDEX rolled_back ON users (email);
*/
`;
  const files = { 'db/changelog/000_users.sql': USERS, 'db/changelog/001_changes.sql': changelog };

  it('runs each changeset as its own unit, honours runInTransaction:false, and skips rollbacks', async () => {
    const c = await check(files, 'liquibase-sql');
    expect(modes(c)).toEqual([
      [
        'db/changelog/000_users.sql',
        true,
        'Liquibase runs a SQL file without the formatted-SQL header as one changeset, in a transaction'
      ],
      [
        'db/changelog/001_changes.sql',
        true,
        'Liquibase runs each changeset in its own transaction; 1 of 3 have runInTransaction:false'
      ]
    ]);
    expect(hits(c, CONCURRENT_IN_TX)).toEqual([['db/changelog/001_changes.sql', 13, 3, 13, 55]]);
    expect(hits(c, NOT_CONCURRENT)).toEqual([]);
    expect(c.result.files[1].statements).toBe(3);
  });

  it('ends the transaction at each changeset: a lock is not held into the next one', async () => {
    const text = `--liquibase formatted sql
--changeset ann:1
ALTER TABLE users ADD COLUMN age int;
--changeset ann:2
UPDATE users SET age = 1 WHERE id = 1;
`;
    const c = await check({ ...files, 'db/changelog/001_changes.sql': text }, 'liquibase-sql');
    expect(hits(c, 'lock-held-across-statements')).toEqual([]);
    const one = text.replace('--changeset ann:2\n', '');
    const d = await check({ ...files, 'db/changelog/001_changes.sql': one }, 'liquibase-sql');
    expect(hits(d, 'lock-held-across-statements').length).toBeGreaterThan(0);
  });

  it('refuses a changeset line without author:id, and a runInTransaction that is not a boolean', async () => {
    const noId = {
      ...files,
      'db/changelog/001_changes.sql': changelog.replace('--changeset ann:1', '--changeset ann')
    };
    expect(await failure(check(noId, 'liquibase-sql'))).toBe(
      'db/changelog/001_changes.sql:4: --changeset needs author:id (Liquibase refuses the file): "--changeset ann"'
    );
    const maybe = { ...files, 'db/changelog/001_changes.sql': changelog.replace(':false', ':maybe') };
    expect(await failure(check(maybe, 'liquibase-sql'))).toMatch(
      /:8: runInTransaction must be true or false, got "maybe"$/
    );
  });

  it('finds the header after empty lines, as Liquibase does', () => {
    expect(prepareFile(`\n\r\n${changelog}`, 'liquibase-sql').units?.length).toBe(3);
  });

  it('overrides every changeset with assume-in-transaction', () => {
    const prepared = prepareFile(changelog, 'liquibase-sql', true);
    expect(prepared.units?.map((u) => u.implicitTransaction)).toEqual([true, true, true]);
  });
});

describe('node-pg-migrate', () => {
  const files = {
    'migrations/9_users.sql': `-- Up Migration\n${USERS}\n-- Down Migration\nDROP TABLE users;\n`,
    'migrations/10_index.sql':
      '-- Up Migration\nCREATE INDEX CONCURRENTLY users_email ON users (email);\n\n-- Down Migration\nCREATE INDEX d ON users (email);\n',
    // The down section first, as the tool allows: the up migration runs from its comment to the end.
    'migrations/11_reversed.sql':
      '-- Down Migration\nDROP TABLE users;\n--- up   MIGRATION\n   CREATE INDEX users_name ON users (name);\n'
  };

  it('lints only the up sections, in numeric order, always in a transaction', async () => {
    const c = await check(files, 'node-pg-migrate');
    expect(order(c)).toEqual(['migrations/9_users.sql', 'migrations/10_index.sql', 'migrations/11_reversed.sql']);
    expect(new Set(c.result.files.map((f) => `${f.inTransaction} ${f.transactionReason}`))).toEqual(
      new Set(['true node-pg-migrate runs a SQL migration in a transaction (with the others by default)'])
    );
    expect(hits(c, CONCURRENT_IN_TX)).toEqual([['migrations/10_index.sql', 2, 1, 2, 55]]);
    expect(hits(c, NOT_CONCURRENT)).toEqual([['migrations/11_reversed.sql', 4, 4, 4, 43]]);
    expect(rulesHit(c)).not.toContain('ban-drop-table');
  });

  it('lints the whole file when it has no up comment', async () => {
    const c = await check(
      { ...files, 'migrations/11_reversed.sql': 'DROP TABLE users;\n-- Down Migration\n' },
      'node-pg-migrate'
    );
    expect(rulesHit(c)).toContain('ban-drop-table');
  });
});

describe('supabase', () => {
  const files = {
    // Name order as text: 10_ before 9_, so the table exists when the index is built.
    'supabase/migrations/10_users.sql': USERS,
    'supabase/migrations/9_index.sql': 'CREATE INDEX CONCURRENTLY users_email ON users (email);\n',
    'supabase/migrations/README.sql': 'DROP TABLE users;\n',
    'supabase/migrations/20240101_upper.SQL': 'DROP TABLE users;\n'
  };

  it('runs timestamped files in name order, each as one batch, and skips the others', async () => {
    const c = await check(files, 'supabase');
    expect(order(c)).toEqual(['supabase/migrations/10_users.sql', 'supabase/migrations/9_index.sql']);
    expect(c.result.files[1]).toMatchObject({
      inTransaction: true,
      transactionReason: 'the Supabase CLI sends a migration as one batch: it runs in one transaction'
    });
    expect(hits(c, CONCURRENT_IN_TX)).toEqual([['supabase/migrations/9_index.sql', 1, 1, 1, 55]]);
    expect(rulesHit(c)).not.toContain('missing-object');
    expect(rulesHit(c)).not.toContain('ban-drop-table');
    expect(c.notices).toEqual([
      'supabase/migrations/20240101_upper.SQL: the Supabase CLI skips a file not named <timestamp>_<name>.sql; not linted',
      'supabase/migrations/README.sql: the Supabase CLI skips a file not named <timestamp>_<name>.sql; not linted'
    ]);
  });
});
