// dist/migration-safety under the runner emulator with mode lint+trace: the URL's password is masked, the summary
// has the trace table, result-json its trace object; start-postgres leaves nothing behind, even when cancelled.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../harness/postgres.js';
import { runAction } from '../harness/runner.js';
import { BASELINE } from './trace-helpers.js';

const PASSWORD = 'tr4ceS3cret';
let db: TestDatabase;
let workspace: string;
let temp: string;

beforeAll(async () => {
  db = await createTestDatabase('trace_action');
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-action-ws-'));
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-action-tmp-'));
  // As root the started server runs as the postgres user, which must be able to enter RUNNER_TEMP.
  fs.chmodSync(temp, 0o755);
  fs.mkdirSync(path.join(workspace, 'migrations'));
  fs.writeFileSync(path.join(workspace, 'migrations/001_base.sql'), BASELINE);
  fs.writeFileSync(
    path.join(workspace, 'migrations/002_change.sql'),
    'ALTER TABLE users ALTER COLUMN id TYPE bigint;\n'
  );
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd: workspace, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', 'migrations/001_base.sql');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'feature');
  git('add', '.');
  git('commit', '-qm', 'change');
});
afterAll(async () => {
  await db.drop();
  for (const dir of [workspace, temp]) fs.rmSync(dir, { recursive: true, force: true });
});

/** Processes (the postmaster and its children) whose command line names a folder under RUNNER_TEMP. */
const servers = () =>
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

const pullRequest = (inputs: Record<string, string>, extra: Parameters<typeof runAction>[1] = {}) =>
  runAction('migration-safety', {
    workspace,
    inputs: { comment: 'false', ...inputs },
    event: { name: 'pull_request', payload: { pull_request: { number: 3, base: { ref: 'main' } } } },
    env: { GITHUB_BASE_REF: 'main', RUNNER_TEMP: temp },
    ...extra
  });

it('traces on database-url, masks its password, and reports the trace', async () => {
  // The harness's cluster trusts local connections, so the password is sent nowhere but it is in the URL.
  const url = db.connectionString.replace('postgres@', `postgres:${PASSWORD}@`);
  const result = await pullRequest({ mode: 'lint+trace', 'database-url': url, 'fail-on': 'never' });
  expect(result.exitCode).toBe(0);
  expect(result.masked).toContain(PASSWORD);
  expect(result.log).not.toContain(PASSWORD);
  expect(result.summary).not.toContain(PASSWORD);
  expect(result.summary).toContain('Live lock trace');
  const report = JSON.parse(result.outputs['result-json']) as {
    trace: { baselineFiles: number; server: string; statements: { sql: string; rewrites: { relation: string }[] }[] };
  };
  expect(report.trace.baselineFiles).toBe(1);
  expect(report.trace.server).not.toContain(PASSWORD);
  expect(report.trace.statements[0].rewrites.map((r) => r.relation)).toContain('public.users');
});

it('refuses trace without a server in one line', async () => {
  const result = await pullRequest({ mode: 'trace' });
  expect(result.exitCode).toBe(1);
  expect(result.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
    'mode trace needs a server: set database-url (a scratch database) or start-postgres: true'
  ]);
});

it('start-postgres: the cluster is gone after the step, and after a cancelled one', async () => {
  const done = await pullRequest({ mode: 'trace', 'start-postgres': 'true', 'fail-on': 'never' });
  expect(done.exitCode).toBe(0);
  expect(done.summary).toContain('a cluster started from the local PostgreSQL binaries');
  expect(fs.readdirSync(temp).filter((f) => f.startsWith('ubos-trace-pg-'))).toEqual([]);

  fs.writeFileSync(path.join(workspace, 'migrations/003_slow.sql'), 'SELECT pg_sleep(60);\n');
  execFileSync('git', ['add', 'migrations/003_slow.sql'], { cwd: workspace });
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-qm', 'slow'], { cwd: workspace });
  // The cancel must come while the server runs (the trace sleeps in it): watch for its processes meanwhile.
  let sawServer = false;
  const watch = setInterval(() => (sawServer ||= servers().length > 0), 100);
  const cancelled = await pullRequest({ mode: 'trace', 'start-postgres': 'true' }, { cancelAfterMs: 8000 });
  clearInterval(watch);
  expect(cancelled.cancelled).toBe(true);
  expect(sawServer).toBe(true);
  expect(fs.readdirSync(temp).filter((f) => f.startsWith('ubos-trace-pg-'))).toEqual([]);
  expect(servers()).toEqual([]);
});
