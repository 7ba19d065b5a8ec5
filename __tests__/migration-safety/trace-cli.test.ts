// `ubos-actions migration-safety --mode ...` on the harness's PostgreSQL: the JSON report's trace object, the
// findings of each mode, the summary table, and one-line refusals of bad flags.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../cli/src/main.js';
import { runMigrationCheck } from '../../actions/migration-safety/src/check.js';
import { createTestDatabase, type TestDatabase } from '../harness/postgres.js';
import { reportSchemaProblems } from '../harness/report-schema.js';
import { officialSchemaProblems } from '../harness/sarif-schema.js';
import { BASELINE } from './trace-helpers.js';

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase('trace_cli');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-cli-'));
  fs.mkdirSync(path.join(dir, 'migrations'));
  fs.writeFileSync(path.join(dir, 'migrations/001_base.sql'), BASELINE);
  fs.writeFileSync(
    path.join(dir, 'migrations/002_change.sql'),
    `COMMENT ON TABLE users IS 'people';\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n`
  );
  for (const command of [
    ['init', '-q'],
    ['add', 'migrations/001_base.sql'],
    ['-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'base']
  ])
    await runGit(command);
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function runGit(args: string[]) {
  const { execFile } = await import('node:child_process');
  await new Promise<void>((resolve, reject) =>
    execFile('git', args, { cwd: dir }, (error) => (error ? reject(error) : resolve()))
  );
}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['migration-safety', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: dir
  });
  return { code, stdout, stderr };
}

interface Report {
  verdict: string;
  findings: { id: string; level: string; location: { file: string; line: number } }[];
  trace?: {
    statements: { sql: string; disagreements: unknown[]; hazards: { eugene?: string }[] }[];
    baselineFiles: number;
  };
}

it('lint+trace: the lint findings, the disagreements, and the trace object', async () => {
  const run = await cli([
    'migrations',
    '--since',
    'HEAD',
    '--mode',
    'lint+trace',
    '--database-url',
    db.connectionString,
    '--format',
    'json',
    '--fail-on',
    'never'
  ]);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as Report;
  expect(reportSchemaProblems(report)).toEqual([]);
  expect(report.trace?.baselineFiles).toBe(1);
  expect(report.trace?.statements.map((s) => s.sql)).toEqual([
    "COMMENT ON TABLE users IS 'people'",
    'ALTER TABLE users ALTER COLUMN email SET NOT NULL'
  ]);
  const ids = report.findings.map((f) => `${f.id}@${f.location.line}`);
  expect(ids).toContain('trace-mismatch@1');
  expect(ids).toContain('adding-not-nullable-field@2');
  // Beside the lint the trace's hazards are not repeated as findings.
  expect(ids.some((id) => id.startsWith('trace-hazard'))).toBe(false);
});

it('trace: the hazards the server showed are the findings', async () => {
  const run = await cli([
    'migrations',
    '--since',
    'HEAD',
    '--mode',
    'trace',
    '--database-url',
    db.connectionString,
    '--format',
    'json',
    '--fail-on',
    'never'
  ]);
  const report = JSON.parse(run.stdout) as Report;
  expect(report.findings.filter((f) => f.id === 'trace-hazard').map((f) => f.location.line)).toEqual([2, 2]);
  expect(report.findings.some((f) => f.id === 'adding-not-nullable-field')).toBe(false);
});

it('sarif: the trace findings are results, their rules described with the trace docs', async () => {
  const run = await cli([
    'migrations',
    '--since',
    'HEAD',
    '--mode',
    'trace',
    '--database-url',
    db.connectionString,
    '--format',
    'sarif',
    '--fail-on',
    'never'
  ]);
  const log = JSON.parse(run.stdout) as {
    runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string }[] }[];
  };
  expect(officialSchemaProblems(log)).toEqual([]);
  const [only] = log.runs;
  expect(only.results.filter((r) => r.ruleId === 'trace-hazard')).toHaveLength(2);
  expect(only.tool.driver.rules.find((r) => r.id === 'trace-hazard')?.helpUri).toMatch(/README\.md#live-lock-trace$/);
});

it('markdown: prediction and observation side by side, disagreements first', async () => {
  const run = await cli([
    'migrations',
    '--since',
    'HEAD',
    '--mode',
    'lint+trace',
    '--database-url',
    db.connectionString,
    '--format',
    'markdown',
    '--fail-on',
    'never'
  ]);
  const table = run.stdout.slice(run.stdout.indexOf('Live lock trace'));
  expect(table).toMatch(
    /\| where \| statement \| predicted \| observed \| ms \| lock_timeout \| disagreement \/ hazards \|/
  );
  const rows = table.split('\n').filter((line) => line.startsWith('| `migrations/'));
  expect(rows[0]).toMatch(/002_change\.sql`:1 .*no table lock .*ShareUpdateExclusive .*\*\*trace-only\*\*/);
  expect(rows[1]).toMatch(/002_change\.sql`:2 .*AccessExclusive `public\.users`.*E2/);
});

it('max-lock-ms fails the run; bad flags are one line', async () => {
  const slow = await cli([
    'migrations',
    '--since',
    'HEAD',
    '--mode',
    'trace',
    '--database-url',
    db.connectionString,
    '--max-lock-ms',
    '0'
  ]);
  expect(slow.code).toBe(1);
  expect(slow.stdout).toMatch(
    /error max-lock-ms: AccessExclusive on public\.users held [\d.]+ ms, over max-lock-ms \(0 ms\)/
  );
  for (const [args, message] of [
    [['--mode', 'trace'], 'mode trace needs a server: set database-url (a scratch database) or start-postgres: true'],
    [['--mode', 'tracing'], '--mode must be one of lint, trace, lint+trace; got "tracing"'],
    [
      ['--mode', 'trace', '--database-url', db.connectionString, '--max-lock-ms', '5s'],
      '--max-lock-ms must be a whole number of milliseconds; got "5s"'
    ]
  ] as const) {
    const run = await cli(['migrations', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  }
});

it('mode lint with trace settings traces nothing and says so', async () => {
  const check = await runMigrationCheck({
    cwd: dir,
    patterns: ['migrations'],
    label: (setting) => `--${setting}`,
    ifNoFilesFound: 'error',
    mode: 'lint',
    trace: { databaseUrl: db.connectionString, startPostgres: false, allowNonempty: false }
  });
  expect(check.trace).toBeUndefined();
  expect(check.notices).toContain(
    'database-url, start-postgres and max-lock-ms only apply to mode trace or lint+trace: nothing was traced'
  );
});
