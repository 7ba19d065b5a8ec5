// Table-size awareness against a real PostgreSQL: the stats database holds the tables the migrations change, with
// rows and ANALYZE; the thresholds are set low (1,000 rows) so that a few thousand rows make a table big.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../cli/src/main.js';
import { runMigrationCheck, type MigrationCheck } from '../../actions/migration-safety/src/check.js';
import { migrationReport } from '../../actions/migration-safety/src/report.js';
import { openStatsSession, readTableStats } from '../../actions/migration-safety/src/table-stats.js';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { freePort, silentServer, sleep } from '../harness/ports.js';
import {
  createTestDatabase,
  runSql,
  startPostgresCluster,
  type PostgresCluster,
  type TestDatabase
} from '../harness/postgres.js';
import { reportSchemaProblems } from '../harness/report-schema.js';

const SCHEMA = `CREATE TABLE orders (id int PRIMARY KEY, total int, note text);
CREATE TABLE flags (id int PRIMARY KEY, name text);
CREATE TABLE mid (id int PRIMARY KEY, v int);
CREATE TABLE ghost (id int PRIMARY KEY, v int);
CREATE TABLE unanalysed (id int, v int);
CREATE TABLE events (id int, at date, v int) PARTITION BY RANGE (at);
`;

const CHANGES = `ALTER TABLE orders ALTER COLUMN total TYPE bigint;
CREATE INDEX orders_total ON orders (total);
ALTER TABLE flags ALTER COLUMN id TYPE bigint;
CREATE INDEX flags_name ON flags (name);
CREATE INDEX mid_v ON mid (v);
CREATE INDEX ghost_v ON ghost (v);
CREATE INDEX unanalysed_v ON unanalysed (v);
CREATE INDEX events_v ON events (v);
`;

// The change set creates `fresh`, which the stats database (a staging copy that already ran it) has with rows.
const FRESH = `CREATE TABLE fresh (id int, v int);
CREATE INDEX fresh_v ON fresh (v);
`;

const STATS_DATA = `${SCHEMA.replace('CREATE TABLE ghost (id int PRIMARY KEY, v int);\n', '')}
CREATE TABLE events_a PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE events_b PARTITION OF events FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE TABLE fresh (id int, v int);
INSERT INTO orders SELECT g, g, repeat('x', 100) FROM generate_series(1, 5000) g;
INSERT INTO flags VALUES (1, 'a'), (2, 'b'), (3, 'c');
INSERT INTO mid SELECT g, g FROM generate_series(1, 500) g;
INSERT INTO events SELECT g, DATE '2020-01-01' + (g % 700), g FROM generate_series(1, 4000) g;
INSERT INTO fresh SELECT g, g FROM generate_series(1, 5000) g;
ANALYZE orders, flags, mid, events, fresh;
`;

let db: TestDatabase;
let dir: string;
const reader = `ms_stats_${process.pid}`;

function urlAs(user: string, password?: string): string {
  const url = new URL(db.connectionString);
  url.username = user;
  if (password !== undefined) url.password = password;
  return url.toString();
}

function check(
  statsDatabaseUrl: string,
  extra: { bigTableRows?: string; bigTableSize?: string; patterns?: string[] } = {}
) {
  return runMigrationCheck({
    cwd: dir,
    patterns: ['migrations'],
    label: (setting) => `--${setting}`,
    ifNoFilesFound: 'error',
    statsDatabaseUrl,
    bigTableRows: '1000',
    ...extra
  });
}

beforeAll(async () => {
  db = await createTestDatabase('table_size');
  await runSql(db.connectionString, STATS_DATA);
  // A role with no privilege on any table: the catalogue is all it can read.
  await runSql(
    db.connectionString,
    `CREATE ROLE ${reader} LOGIN; REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;`
  );
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-table-size-'));
  fs.mkdirSync(path.join(dir, 'migrations'));
  fs.writeFileSync(path.join(dir, 'migrations', 'V1__schema.sql'), SCHEMA);
  fs.writeFileSync(path.join(dir, 'migrations', 'V2__changes.sql'), CHANGES);
  fs.writeFileSync(path.join(dir, 'migrations', 'V3__fresh.sql'), FRESH);
  // Only the rules whose findings depend on the size: the others would bury them.
  fs.mkdirSync(path.join(dir, '.github'));
  fs.writeFileSync(
    path.join(dir, '.github', 'migration-safety.yml'),
    'rules:\n  prefer-robust-stmts: off\n  prefer-bigint-over-int: off\n  require-lock-timeout: off\n  require-statement-timeout: off\n'
  );
}, 60_000);

afterAll(async () => {
  await db?.drop();
  await runSql(db.connectionString.replace(/\/[^/]*$/, '/postgres'), `DROP ROLE IF EXISTS ${reader};`).catch(() => {});
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('table-size awareness with a stats database', () => {
  let result: MigrationCheck;
  const on = (rule: string, line: number) =>
    result.result.findings.find((f) => f.rule === rule && f.file.endsWith('V2__changes.sql') && f.line === line)!;

  beforeAll(async () => {
    // As the role that may not read a single row: sizes come from the catalogue only.
    result = await check(urlAs(reader));
  });

  it('confirms a rewrite of a big table as an error, with its size and estimate', () => {
    const rewrite = on('changing-column-type', 1);
    expect(rewrite.severity).toBe('error');
    expect(rewrite.size).toMatchObject({ originalLevel: 'error', change: 'confirmed' });
    expect(rewrite.message).toMatch(
      /\[table public\.orders has ~5000 rows \(\d+ kB\), the rewrite takes under a second \(at 25 MB\/s\)\]$/
    );
  });

  it('raises a plain CREATE INDEX on a big table from warning to error', () => {
    const index = on('require-concurrent-index-creation', 2);
    expect(index.table).toBe('public.orders');
    expect(index.severity).toBe('error');
    expect(index.message).toContain('the index build takes under a second (at 40 MB/s): raised from warning to error]');
  });

  it('lowers the findings on a tiny table one level', () => {
    const rewrite = on('changing-column-type', 3);
    expect(rewrite.severity).toBe('warning');
    expect(rewrite.message).toContain('[table public.flags has ~3 rows (');
    expect(rewrite.message).toContain('lowered from error to warning]');
    const index = on('require-concurrent-index-creation', 4);
    expect([index.severity, index.size?.originalLevel]).toEqual(['notice', 'warning']);
  });

  it('leaves a medium table alone, and judges a never-analysed one by its size', () => {
    const mid = on('require-concurrent-index-creation', 5);
    expect([mid.table, mid.severity, mid.size]).toEqual(['public.mid', 'warning', undefined]);
    const unanalysed = on('require-concurrent-index-creation', 7);
    expect(unanalysed.severity).toBe('notice');
    expect(unanalysed.message).toContain('[table public.unanalysed is 0 bytes (never analysed: rows unknown)');
  });

  it('sums a partitioned table over its partitions', () => {
    const events = result.tableSizes!.tables.find((t) => t.key === 'public.events')!;
    expect(events).toMatchObject({ rows: 4000, class: 'big' });
    expect(events.heapBytes).toBeGreaterThan(0);
    expect(on('require-concurrent-index-creation', 8).severity).toBe('error');
  });

  it('names tables the stats database does not have once, and never looks up a table the change set creates', () => {
    expect(result.tableSizes!.unknown).toEqual(['public.ghost']);
    expect(on('require-concurrent-index-creation', 6).severity).toBe('warning');
    expect(result.notices.filter((n) => n.includes('public.ghost'))).toEqual([
      'stats-database-url: 1 table not in the stats database (public.ghost): their findings keep their level'
    ]);
    // fresh has 5,000 rows there: looked up, it would be big.
    expect(result.tableSizes!.tables.map((t) => t.key).sort()).toEqual([
      'public.events',
      'public.flags',
      'public.mid',
      'public.orders',
      'public.unanalysed'
    ]);
    expect(result.result.findings.some((f) => f.file.endsWith('V3__fresh.sql'))).toBe(false);
  });

  it('shows the sizes in the summary and the JSON report, with each finding’s original level', () => {
    const report = migrationReport(result);
    const section = report.sections.find((s) => s.title === 'Table sizes')!;
    expect(section.table!.headers).toEqual(['table', 'rows', 'size', 'class', 'estimate']);
    expect(section.table!.rows.map((row) => [row[0], row[1], row[3]])).toEqual([
      ['`public.orders`', '~5000', 'big'],
      ['`public.flags`', '~3', 'tiny'],
      ['`public.mid`', '~500', 'medium'],
      ['`public.unanalysed`', 'never analysed', 'tiny'],
      ['`public.events`', '~4000', 'big'],
      ['`public.ghost`', '-', 'not in the stats database']
    ]);
    expect(report.sections.find((s) => s.title === 'Notices')?.table?.rows).toHaveLength(2);
    expect(report.counts).toMatchObject({ error: 3, warning: 3, notice: 2 });
    const json = report.json as {
      findings: { id: string; level: string; originalLevel?: string; table?: string }[];
      tableSizes: { thresholds: object; tables: { table: string; rows: number | null }[]; unknown: string[] };
    };
    expect(json.findings.filter((f) => f.originalLevel).map((f) => [f.table, f.originalLevel, f.level])).toEqual([
      ['public.orders', 'error', 'error'],
      ['public.orders', 'warning', 'error'],
      ['public.flags', 'error', 'warning'],
      ['public.flags', 'warning', 'notice'],
      ['public.unanalysed', 'warning', 'notice'],
      ['public.events', 'warning', 'error']
    ]);
    expect(json.tableSizes.thresholds).toEqual({ bigRows: 1000, bigBytes: 1024 ** 3 });
    expect(json.tableSizes.tables.find((t) => t.table === 'public.unanalysed')?.rows).toBeNull();
    expect(
      reportSchemaProblems({
        tool: 'migration-safety',
        version: '1.0.0',
        verdict: report.verdict,
        counts: report.counts,
        ...json
      })
    ).toEqual([]);
  });

  it('reads with a role that may not read the tables themselves', async () => {
    await expect(runSql(urlAs(reader), 'SELECT count(*) FROM orders;')).rejects.toThrow(/permission denied/);
    const stats = await readTableStats(urlAs(reader), [{ key: 'public.orders', schema: 'public', name: 'orders' }], {
      label: 'x'
    });
    expect(stats).toEqual([
      { key: 'public.orders', rows: 5000, totalBytes: expect.any(Number), heapBytes: expect.any(Number) }
    ]);
  });
});

describe('the stats session', () => {
  it('is read-only, even when the connection string asks otherwise', async () => {
    const url = `${db.connectionString}?options=${encodeURIComponent('-c default_transaction_read_only=off')}`;
    const session = await openStatsSession(url, { label: 'x' });
    try {
      expect(await session.query('SHOW default_transaction_read_only')).toEqual([
        { default_transaction_read_only: 'on' }
      ]);
      await expect(session.query('CREATE TABLE written (id int)')).rejects.toThrow(
        /cannot execute CREATE TABLE in a read-only transaction/
      );
      expect(await session.query("SELECT current_setting('statement_timeout') AS t")).toEqual([{ t: '10s' }]);
    } finally {
      await session.close();
    }
    expect(await runSql(db.connectionString, "SELECT to_regclass('written') IS NULL;")).toBe('t');
  });

  it('fails in one line, without the password, when nothing listens', async () => {
    const port = await freePort();
    const error = await check(`postgresql://app:Hunter2-secret@127.0.0.1:${port}/app`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      `--stats-database-url: cannot read table sizes from postgresql://app:***@127.0.0.1:${port}/app: connection refused`
    );
  });

  it('refuses a URL that is not PostgreSQL, and a threshold that is not a size, before connecting', async () => {
    await expect(check('mysql://app:Hunter2-secret@db/app')).rejects.toThrow(
      /^--stats-database-url: cannot read table sizes from mysql:\/\/app:\*\*\*@db\/app: a postgres:\/\/ or postgresql:\/\/ URL is expected$/
    );
    await expect(check(db.connectionString, { bigTableSize: '1 PB' })).rejects.toThrow(
      '--big-table-size must be a size such as 1GB or 500MB; got "1 PB"'
    );
    await expect(check(db.connectionString, { bigTableRows: 'many' })).rejects.toThrow(
      '--big-table-rows must be a whole number of rows, e.g. 1000000; got "many"'
    );
  });

  it('stops a statement at its timeout, and a wait for a locked table at the lock timeout', async () => {
    const session = await openStatsSession(db.connectionString, { label: 'x', statementTimeoutMs: 300 });
    try {
      await expect(session.query('SELECT pg_sleep(5)')).rejects.toThrow(
        /: the catalogue query took longer than 0\.3 s$/
      );
    } finally {
      await session.close();
    }
    // A migration running on staging holds its table ACCESS EXCLUSIVE: the size functions wait for it.
    const locker = runSql(
      db.connectionString,
      'BEGIN; LOCK TABLE orders IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(2); COMMIT;'
    );
    for (let i = 0; i < 100; i++) {
      const held = await runSql(
        db.connectionString,
        "SELECT count(*) FROM pg_locks WHERE relation = 'orders'::regclass AND mode = 'AccessExclusiveLock';"
      );
      if (held === '1') break;
      await sleep(20);
    }
    const started = Date.now();
    await expect(
      readTableStats(db.connectionString, [{ key: 'public.orders', schema: 'public', name: 'orders' }], {
        label: 'x',
        statementTimeoutMs: 400
      })
    ).rejects.toThrow(/: (a table stayed locked for|the catalogue query took) longer than 0\.4 s$/);
    expect(Date.now() - started).toBeLessThan(1_500);
    await locker;
  });

  it('connects to nothing when no finding rewrites or scans an existing table', async () => {
    const port = await freePort();
    const quiet = await check(`postgresql://app:Hunter2-secret@127.0.0.1:${port}/app`, {
      patterns: ['migrations/V1__schema.sql', 'migrations/V3__fresh.sql']
    });
    expect(quiet.tableSizes).toMatchObject({ tables: [], unknown: [] });
    expect(quiet.notices).toContain(
      'stats-database-url: no finding rewrites or scans a table that exists before the change set; nothing was looked up'
    );
  });

  it('gives up on a server that never answers after the connect timeout', async () => {
    const server = await silentServer();
    const started = Date.now();
    try {
      await expect(
        openStatsSession(`postgresql://app:Hunter2-secret@127.0.0.1:${server.port}/app`, {
          label: 'x',
          connectTimeoutMs: 500
        })
      ).rejects.toThrow(
        `x: cannot read table sizes from postgresql://app:***@127.0.0.1:${server.port}/app: no connection within 0.5 s`
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await server.close();
    }
  });
});

describe('the stats session with password authentication', () => {
  let cluster: PostgresCluster;
  const password = 'St4ts-S3cret:with@chars';

  beforeAll(async () => {
    // The shared cluster trusts every local connection, so a wrong password needs a cluster of its own.
    cluster = await startPostgresCluster();
    await runSql(cluster.connectionString(), `CREATE ROLE app LOGIN PASSWORD '${password}';`);
    fs.writeFileSync(
      path.join(cluster.dataDir, 'pg_hba.conf'),
      'local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n'
    );
    await runSql(cluster.connectionString(), 'SELECT pg_reload_conf();');
    // The postmaster rereads pg_hba.conf asynchronously: wait until a password-less login is refused.
    for (let i = 0; i < 100; i++) {
      const refused = await openStatsSession(`postgresql://app@127.0.0.1:${cluster.port}/postgres`, { label: 'x' })
        .then((s) => s.close().then(() => false))
        .catch(() => true);
      if (refused) break;
      await sleep(50);
    }
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('reads with the right password and fails in one line, password hidden, with a wrong one', async () => {
    const good = `postgresql://app:${encodeURIComponent(password)}@127.0.0.1:${cluster.port}/postgres`;
    const session = await openStatsSession(good, { label: 'x' });
    await session.close();
    const wrong = 'Wr0ng-pa55word!';
    const url = `postgresql://app:${encodeURIComponent(wrong)}@127.0.0.1:${cluster.port}/postgres`;
    const error = await openStatsSession(url, { label: '--stats-database-url' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toBe(
      `--stats-database-url: cannot read table sizes from postgresql://app:***@127.0.0.1:${cluster.port}/postgres: authentication failed: password authentication failed for user "app"`
    );
    expect(message).not.toContain(wrong);
    expect(message).not.toContain(encodeURIComponent(wrong));
  });
});

describe('ubos-actions migration-safety --stats-database-url', () => {
  it('prints the sizes and the adjusted levels in the JSON report', async () => {
    let stdout = '';
    let stderr = '';
    const args = ['migrations', '--stats-database-url', db.connectionString, '--big-table-rows', '1000'];
    const code = await runCli(['migration-safety', ...args, '--format', 'json'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      cwd: dir
    });
    expect([code, stderr]).toEqual([1, '']);
    const report = JSON.parse(stdout) as {
      counts: Record<string, number>;
      tableSizes: { tables: { table: string; class: string }[]; unknown: string[] };
    };
    expect(report.counts).toMatchObject({ error: 3, warning: 3, notice: 2 });
    expect(report.tableSizes.tables.map((t) => `${t.table} ${t.class}`)).toContain('public.orders big');
    expect(report.tableSizes.unknown).toEqual(['public.ghost']);
  });
});
