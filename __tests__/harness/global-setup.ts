/**
 * Jest globalSetup: starts the one PostgreSQL cluster of this run and publishes its address to the workers via
 * UBOS_TEST_PG_HOST/PORT/USER. When it cannot start (say, PostgreSQL is not installed) it does not throw, so the
 * other suites still run: it stores the reason in UBOS_TEST_PG_ERROR and createTestDatabase() throws it, which
 * fails exactly the tests that need PostgreSQL, with the install hint.
 *
 * Trap: Jest transforms this file with ts-jest but then hands it to Node's own ESM loader, which resolves its
 * imports natively, and `devtools/postgres.js` does not exist (only postgres.ts does). So this file imports the
 * modules it needs through devtools/transpile.mjs (plain JS, loadable natively), which transpiles them into a
 * temp dir first; the demo runs devtools/ the same way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTranspiled } from '../../devtools/transpile.mjs';
import type { PostgresCluster } from '../../devtools/postgres.js';

declare global {
  var __UBOS_TEST_PG_CLUSTER__: PostgresCluster | undefined;
}

type PostgresModule = typeof import('../../devtools/postgres.js');
type ReaperModule = typeof import('../../devtools/reaper.js');

/** Imports a devtools/ module (which uses only node: builtins) from a transpiled copy in a temp dir. */
async function importDevtool<T>(name: string): Promise<T> {
  const devtools = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'devtools');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-harness-'));
  try {
    return (await importTranspiled(path.join(devtools, `${name}.ts`), { root: devtools, outDir })) as T;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

export default async function globalSetup(): Promise<void> {
  delete process.env.UBOS_TEST_PG_ERROR;
  try {
    // Services left behind by an earlier run that died (Ctrl-C, killed worker) go first.
    const { reapStaleHarnessDirs } = await importDevtool<ReaperModule>('reaper');
    for (const dir of reapStaleHarnessDirs()) console.warn(`[harness] removed ${dir} left by an earlier run`);
  } catch (error) {
    console.warn(`[harness] could not clean up earlier runs: ${String(error)}`);
  }
  try {
    const { PG_ENV, startPostgresCluster } = await importDevtool<PostgresModule>('postgres');
    const cluster = await startPostgresCluster();
    globalThis.__UBOS_TEST_PG_CLUSTER__ = cluster;
    process.env[PG_ENV.host] = cluster.host;
    process.env[PG_ENV.port] = String(cluster.port);
    process.env[PG_ENV.user] = cluster.user;
    // Safety net: if Jest dies before globalTeardown, do not leave a postmaster behind.
    process.once('exit', () => cluster.stopSync());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.env.UBOS_TEST_PG_ERROR = message;
    delete process.env.UBOS_TEST_PG_HOST;
    delete process.env.UBOS_TEST_PG_PORT;
    console.warn(`[harness] PostgreSQL test cluster not started; PostgreSQL tests will fail: ${message}`);
  }
}
