// jest project: integration (start-postgres runs initdb and pg_ctl)
// start-postgres: the trace starts its own cluster from the local binaries and removes it afterwards, also when
// the trace fails; without the binaries it fails with one line naming the package.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { startCluster } from '../../actions/migration-safety/src/engine/trace/index.js';
import { BASELINE, statementOf, traceSql } from './trace-helpers.js';

let temp: string;
beforeEach(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-start-'));
  // As root the server runs as the postgres user, which must be able to enter the folder (as it can RUNNER_TEMP).
  fs.chmodSync(temp, 0o755);
});
afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

const postmasters = () =>
  fs
    .readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(temp);
      } catch {
        return false;
      }
    });

it('traces on a cluster it starts, then stops it and removes its folder', async () => {
  const { trace } = await traceSql('', 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;', {
    history: [BASELINE],
    settings: { databaseUrl: undefined, startPostgres: true, tempDir: temp, searchPath: process.env.PATH }
  });
  expect(trace.source).toBe('start-postgres');
  expect(statementOf(trace, 'ALTER TABLE').columns).toEqual([
    { table: 'public.users', column: 'email', change: 'set-not-null' }
  ]);
  expect(fs.readdirSync(temp)).toEqual([]);
  expect(postmasters()).toEqual([]);
});

it('removes the cluster when the baseline fails', async () => {
  await expect(
    traceSql('', 'SELECT 1;', {
      history: ['CREATE TABLE broken (id int REFERENCES nowhere (id));'],
      settings: { databaseUrl: undefined, startPostgres: true, tempDir: temp, searchPath: process.env.PATH }
    })
  ).rejects.toThrow(/^Baseline migration history\/000\.sql:1 failed on PostgreSQL: relation "nowhere" does not exist$/);
  expect(fs.readdirSync(temp)).toEqual([]);
  expect(postmasters()).toEqual([]);
});

it('names the package when initdb and pg_ctl are missing', async () => {
  const error = await startCluster({ searchPath: '', postgresRoot: path.join(temp, 'none'), tempDir: temp }).catch(
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  expect((error as Error).message).toBe(
    'start-postgres: initdb and pg_ctl were not found on PATH or under /usr/lib/postgresql/<version>/bin; install the postgresql package (apt-get install postgresql)'
  );
  expect(fs.readdirSync(temp)).toEqual([]);
});
