/**
 * A throwaway PostgreSQL cluster (initdb + pg_ctl on a free port in a temp dir) and per-test-file databases.
 *
 * One cluster serves a whole Jest run: global-setup.ts starts it and hands its address to the workers through
 * UBOS_TEST_PG_* environment variables; a test file calls createTestDatabase() for a fresh database of its own.
 * initdb and postgres refuse to run as root, so as root they run as the `postgres` OS user.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBinaries, findPsql } from './binaries.js';
import { isProcessAlive, runChecked, runProcess, serviceUser } from './exec.js';
import { freePort } from './ports.js';
import { writeOwner } from './reaper.js';

export const PG_ENV = {
  host: 'UBOS_TEST_PG_HOST',
  port: 'UBOS_TEST_PG_PORT',
  user: 'UBOS_TEST_PG_USER',
  error: 'UBOS_TEST_PG_ERROR'
} as const;

export interface PostgresCluster {
  host: string;
  port: number;
  user: string;
  /** The cluster's data directory (inside `dir`). */
  dataDir: string;
  /** The temp dir holding data, socket and log; removed by stop(). */
  dir: string;
  /** `postgresql://postgres@127.0.0.1:<port>/<db>` */
  connectionString(database?: string): string;
  /** pg_ctl stop -m immediate, then removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
  /** The same as stop() but synchronous, for process 'exit' handlers. */
  stopSync(): void;
}

/** Environment for PostgreSQL tools with any inherited PG* settings removed, so only our flags count. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('PG')) env[key] = value;
  }
  return { ...env, LC_ALL: 'C', LANG: 'C', ...extra };
}

function connectionStringFor(host: string, port: number, user: string, database: string): string {
  return `postgresql://${encodeURIComponent(user)}@${host}:${port}/${encodeURIComponent(database)}`;
}

/** Starts a fresh cluster: initdb -A trust -U postgres into a `ubos-pg-*` temp dir, pg_ctl start -w on a free port. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bins = findPostgresBinaries();
  const owner = serviceUser('postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-pg-'));
  const dataDir = path.join(dir, 'data');
  const socketDir = path.join(dir, 'sock');
  const logFile = path.join(dir, 'postgres.log');
  const host = '127.0.0.1';
  const user = 'postgres';
  const asOwner = { uid: owner?.uid, gid: owner?.gid, cwd: dir, env: cleanEnv() };

  const removeDir = (): void => fs.rmSync(dir, { recursive: true, force: true });
  let port = 0;
  let stopped = false;

  try {
    writeOwner(dir);
    fs.mkdirSync(socketDir);
    if (owner) {
      fs.chownSync(dir, owner.uid, owner.gid);
      fs.chownSync(socketDir, owner.uid, owner.gid);
    }
    await runChecked(
      bins.initdb,
      ['-D', dataDir, '-A', 'trust', '-U', user, '-E', 'UTF8', '--no-locale', '--no-sync'],
      { ...asOwner, timeoutMs: 120_000 }
    );

    // A free port can be taken between freePort() and the bind: try a few.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        `-k ${socketDir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
        '-c shared_buffers=32MB'
      ].join(' ');
      const started = await runProcess(
        bins.pgCtl,
        ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', serverOptions],
        { ...asOwner, timeoutMs: 90_000 }
      );
      if (started.code === 0) {
        lastError = undefined;
        break;
      }
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      lastError = new Error(`pg_ctl start failed (${started.code}): ${started.stderr}${started.stdout}\n${log}`.trim());
      // Make sure a half-started postmaster is gone before the next try.
      await runProcess(bins.pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '10'], asOwner);
      if (!/could not bind|address already in use/i.test(log)) break;
    }
    if (lastError) throw lastError;
  } catch (error) {
    removeDir();
    throw error;
  }

  const postmasterPid = (): number | undefined => {
    try {
      const first = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0];
      const pid = Number(first);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  };
  const stopArgs = ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'];
  const killLeftover = (pid: number | undefined): void => {
    if (pid !== undefined && isProcessAlive(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };

  return {
    host,
    port,
    user,
    dataDir,
    dir,
    connectionString: (database = 'postgres') => connectionStringFor(host, port, user, database),
    async stop() {
      if (stopped) return;
      stopped = true;
      const pid = postmasterPid();
      await runProcess(bins.pgCtl, stopArgs, { ...asOwner, timeoutMs: 60_000 }).catch(() => undefined);
      killLeftover(pid);
      removeDir();
    },
    stopSync() {
      if (stopped) return;
      stopped = true;
      const pid = postmasterPid();
      spawnSync(bins.pgCtl, stopArgs, { ...asOwner, stdio: 'ignore', timeout: 60_000 });
      killLeftover(pid);
      removeDir();
    }
  };
}

export interface RunSqlOptions {
  /** Milliseconds before psql is killed (default 60 s). */
  timeoutMs?: number;
}

/**
 * Runs SQL through psql (`-X -v ON_ERROR_STOP=1 -A -t`: unaligned, tuples only) and resolves with its stdout
 * without the final newline; rejects with psql's error text when a statement fails.
 */
export async function runSql(connectionString: string, sql: string, options: RunSqlOptions = {}): Promise<string> {
  const psql = findPsql();
  const result = await runProcess(
    psql,
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-A', '-t', '-d', connectionString, '-f', '-'],
    { input: sql, env: cleanEnv({ PGCONNECT_TIMEOUT: '10' }), timeoutMs: options.timeoutMs ?? 60_000 }
  );
  if (result.code !== 0) {
    throw new Error(`psql failed (exit ${result.code ?? result.signal}): ${result.stderr.trim()}`);
  }
  return result.stdout.replace(/\n$/, '');
}

export interface TestClusterInfo {
  host: string;
  port: number;
  user: string;
  connectionString(database?: string): string;
}

/** The cluster global-setup.ts started, from UBOS_TEST_PG_*; throws the setup's error when it could not start. */
export function testCluster(env: NodeJS.ProcessEnv = process.env): TestClusterInfo {
  const failure = env[PG_ENV.error];
  if (failure) {
    throw new Error(`PostgreSQL test cluster unavailable: ${failure}`);
  }
  const host = env[PG_ENV.host];
  const port = Number(env[PG_ENV.port]);
  const user = env[PG_ENV.user] ?? 'postgres';
  if (!host || !Number.isInteger(port) || port <= 0) {
    throw new Error(
      `PostgreSQL test cluster not started: ${PG_ENV.host}/${PG_ENV.port} are unset ` +
        '(jest.config.js must use __tests__/harness/global-setup.ts as globalSetup)'
    );
  }
  return {
    host,
    port,
    user,
    connectionString: (database = 'postgres') => connectionStringFor(host, port, user, database)
  };
}

export interface TestDatabase {
  name: string;
  connectionString: string;
  /** DROP DATABASE ... WITH (FORCE); safe to call twice. */
  drop(): Promise<void>;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** CREATE DATABASE with a unique name on the run's test cluster (call in beforeAll, drop() in afterAll). */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const cluster = testCluster();
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .slice(0, 30);
  const name = `t_${slug}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = cluster.connectionString('postgres');
  await runSql(admin, `CREATE DATABASE ${quoteIdent(name)};`);
  let dropped = false;
  return {
    name,
    connectionString: cluster.connectionString(name),
    async drop() {
      if (dropped) return;
      dropped = true;
      await runSql(admin, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE);`);
    }
  };
}
