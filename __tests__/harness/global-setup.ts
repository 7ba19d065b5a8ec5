/**
 * Jest globalSetup: starts the one PostgreSQL cluster of this run and publishes its address to the workers via
 * UBOS_TEST_PG_HOST/PORT/USER. When it cannot start (say, PostgreSQL is not installed) it does not throw, so the
 * other suites still run: it stores the reason in UBOS_TEST_PG_ERROR and createTestDatabase() throws it, which
 * fails exactly the tests that need PostgreSQL, with the install hint.
 *
 * Trap: Jest transforms this file with ts-jest but then hands it to Node's own ESM loader, which resolves its
 * imports natively, and `./postgres.js` does not exist (only postgres.ts does). So this file imports nothing
 * relative statically: it transpiles postgres.ts and its relative imports into a temp dir and imports that copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { PostgresCluster } from './postgres.js';

declare global {
  var __UBOS_TEST_PG_CLUSTER__: PostgresCluster | undefined;
}

type PostgresModule = typeof import('./postgres.js');
type ReaperModule = typeof import('./reaper.js');

/** Transpiles `entry` and every relative import it reaches into a temp dir, imports it, removes the dir. */
async function importTranspiled<T>(entry: string): Promise<T> {
  const sourceRoot = path.dirname(entry);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-harness-'));
  try {
    fs.writeFileSync(path.join(outDir, 'package.json'), '{"type":"module"}\n');
    const pending = [entry];
    const done = new Set<string>();
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (done.has(file)) continue;
      done.add(file);
      const relative = path.relative(sourceRoot, file);
      if (relative.startsWith('..')) throw new Error(`global setup: ${file} is outside ${sourceRoot}`);
      const source = fs.readFileSync(file, 'utf8');
      for (const imported of ts.preProcessFile(source, true, true).importedFiles) {
        if (imported.fileName.startsWith('.')) {
          pending.push(path.resolve(path.dirname(file), imported.fileName.replace(/\.js$/, '.ts')));
        }
      }
      const { outputText } = ts.transpileModule(source, {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false }
      });
      const target = path.join(outDir, relative.replace(/\.ts$/, '.js'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, outputText);
    }
    const relativeEntry = path.relative(sourceRoot, entry).replace(/\.ts$/, '.js');
    return (await import(pathToFileURL(path.join(outDir, relativeEntry)).href)) as T;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

export default async function globalSetup(): Promise<void> {
  delete process.env.UBOS_TEST_PG_ERROR;
  const here = path.dirname(fileURLToPath(import.meta.url));
  try {
    // Services left behind by an earlier run that died (Ctrl-C, killed worker) go first.
    const { reapStaleHarnessDirs } = await importTranspiled<ReaperModule>(path.join(here, 'reaper.ts'));
    for (const dir of reapStaleHarnessDirs()) console.warn(`[harness] removed ${dir} left by an earlier run`);
  } catch (error) {
    console.warn(`[harness] could not clean up earlier runs: ${String(error)}`);
  }
  try {
    const { PG_ENV, startPostgresCluster } = await importTranspiled<PostgresModule>(path.join(here, 'postgres.ts'));
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
