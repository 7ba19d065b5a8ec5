// dist/dora-report run the way the GitHub runner runs it (and the bundled CLI), against the GitHub API emulator
// and the harness's real PostgreSQL. The history is histories.ts; the numbers for April 2026 are worked out by
// hand below. Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { freePort } from '../harness/ports.js';
import { createTestDatabase, runSql, type TestDatabase } from '../harness/postgres.js';
import { reportSchemaProblems } from '../harness/report-schema.js';
import { repoRoot, runAction, runnerNode, type RunResult } from '../harness/runner.js';
import { pay } from './histories.js';

const TOKEN = 'ghs_doraE2eToken0042';
const PG_PASSWORD = 'dora-Secret-9931';
let api: GitHubApi;
let db: TestDatabase;

beforeAll(async () => {
  api = await startGitHubApi({ fixtures: { token: TOKEN, repos: [pay.fixture()] } });
  db = await createTestDatabase('dora_e2e');
}, 60_000);
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

/** The password as it reaches the database: trust auth accepts any, so the URL can carry a secret to leak. */
const pgUrl = () => db.connectionString.replace('postgresql://postgres@', `postgresql://postgres:${PG_PASSWORD}@`);

function run(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction('dora-report', {
    inputs: { 'github-token': TOKEN, repositories: 'acme/pay', period: '2026-04', ...inputs },
    env: { GITHUB_API_URL: api.url, GITHUB_GRAPHQL_URL: api.graphqlUrl, ...env }
  });
}

function expectNoLeak(result: RunResult, ...secrets: string[]): void {
  const visible = result.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  for (const secret of secrets) {
    expect(visible).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
    expect(result.summary).not.toContain(secret);
    expect(JSON.stringify(result.outputs)).not.toContain(secret);
    expect(JSON.stringify(result.outputFiles)).not.toContain(secret);
    expect(result.masked).toContain(secret);
  }
}

/** A failed step with one error line and no stack trace. */
function expectOneLine(result: RunResult, message: string | RegExp): void {
  expect(result.exitCode).toBe(1);
  const errors = result.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  if (typeof message === 'string') expect(errors[0]!.message).toBe(message);
  else expect(errors[0]!.message).toMatch(message);
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/\n\s+at .*\.js:\d+/);
}

// April 2026 (30 days), compared with March. Seven deployments shipped in April: 7/30 a day = 0.2333 (high: at
// least weekly, not daily). Lead times PR 10 25h10m, PR 11 3h10m, PR 12 1h10m, PR 13 1h10m, PR 14 2h30m: median
// 2.5 h (elite). Change failures D1 (rolled back), D4 (reverted), D5 (incident and hotfix): 3 of 7 = 42.86%,
// too few deployments (10 needed) to judge. Recovery 1h55m, 4h, 18h50m: median 4 h (high). Rework D2, D5, D6:
// 3 of 7. Every attempt succeeded: 100%.
const APRIL = {
  'deployment-frequency': '0.2333',
  'deployment-frequency-level': 'high',
  'change-lead-time-hours': '2.5',
  'change-lead-time-level': 'elite',
  'change-fail-rate': '42.86',
  'change-fail-rate-level': '',
  'recovery-time-hours': '4',
  'recovery-time-level': 'high',
  'rework-rate': '42.86',
  'successful-deploys': '100',
  deployments: '7'
};

describe('dist/dora-report under the runner emulator', () => {
  let result: RunResult;
  let calls: number;

  beforeAll(async () => {
    const before = api.requests.length;
    result = await run({ 'min-level': 'elite' });
    calls = api.requestCounts(before).total;
  }, 60_000);

  it('sets one output per metric and its level, the counts and the files', () => {
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ ...APRIL, verdict: 'warn', 'api-calls': String(calls) });
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(10);
    expect(result.stdout).toContain(`GitHub API calls: ${calls} (`);
    expectNoLeak(result, TOKEN);
  });

  it('warns for each metric below min-level, and notes what was too thin', () => {
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toEqual([
      'acme/pay: Deployment frequency 1.6/week (7 in 30 days, on 13% of days) is at the high level of the 2024 report, below elite (min-level)',
      'acme/pay: Failed deployment recovery time 4h median over 3 recoveries is at the high level of the 2024 report, below elite (min-level)'
    ]);
    const notices = result.annotations.filter((a) => a.level === 'notice').map((a) => a.message);
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^acme\/pay: too little data to judge change fail rate \(7 deployments in the period, at least 10 needed\)/
        ),
        expect.stringMatching(/^acme\/pay: incident #21 is not counted as a change failure: no deployment in the 24h/)
      ])
    );
  });

  it('writes a summary with the metrics, the Mermaid chart, the sparkline and collapsible drill-down', () => {
    const s = result.summary;
    expect(s).toContain('## DORA report · `acme/pay`');
    expect(s).toContain(
      '⚠️ **DORA report for acme/pay, 2026-04-01 to 2026-04-30: deployments 1.6/week (high), lead time 2h 30m (elite), change fail rate 43%, recovery 4h (high); 2 metrics below elite**'
    );
    expect(s).toContain('### Warnings (2)');
    expect(s).toContain('| Change lead time | 2h 30m median, p90 16h 22m | Elite | 8.4/10 |');
    expect(s).toContain('| Failed deployment recovery time | 4h median over 3 recoveries | ⚠️ High, below elite |');
    expect(s).toContain('```mermaid\nxychart-beta\n    title "Deployments per week"');
    expect(s).toContain('    bar [0, 7, 0, 0, 0]');
    expect(s).toMatch(/```text\ndeployments per week {2}▁█▁▁▁ /);
    expect(s).toMatch(/<details>\n<summary>Deployments in the period \(7\)<\/summary>/);
    expect(s).toMatch(/<details>\n<summary>Changes in the period \(5\)<\/summary>/);
    expect(s).toMatch(/<details>\n<summary>Incidents \(2\)<\/summary>/);
    expect(s).toMatch(/\| rollback \| none \| +\| +\| rollback: /);
    expect(s).toContain('| [PR 12](https://github.com/acme/pay/pull/12) | Revert "Add search" |');
  });

  it('writes the JSON envelope (valid against the schema) and the CSV', () => {
    const envelope = JSON.parse(result.outputFiles['report-file']!);
    expect(reportSchemaProblems(envelope)).toEqual([]);
    expect(JSON.parse(result.outputs['result-json']!)).toEqual(envelope);
    expect(envelope).toMatchObject({
      tool: 'dora-report',
      verdict: 'warn',
      counts: { error: 0, warning: 2, repositories: 1, deployments: 7, changes: 5, failures: 3, incidents: 2 },
      period: { start: '2026-04-01T00:00:00.000Z', end: '2026-05-01T00:00:00.000Z' },
      minLevel: 'elite',
      api: { total: calls }
    });
    const cfr = envelope.repositories[0].metrics.find((m: { id: string }) => m.id === 'change-fail-rate');
    expect(cfr.evidence.deployments).toHaveLength(3);
    const csv = result.outputFiles['csv-file']!;
    expect(result.outputs['csv-file']).toMatch(/\/dora-report-[^/]+\/dora-report\.csv$/);
    expect(csv.split('\r\n')[0]).toMatch(/^record,repo,period,metric,value,/);
    expect(csv.split('\r\n').filter((l) => l.startsWith('change,acme/pay,'))).toHaveLength(5);
  });

  it('fails the step below min-level only with fail-on: warning', async () => {
    const strict = await run({ 'min-level': 'elite', 'fail-on': 'warning' });
    expect(strict.exitCode).toBe(1);
    expect(strict.outputs.verdict).toBe('warn');
    expect(strict.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringMatching(/^DORA report for acme\/pay, .*; 2 metrics below elite$/)
    ]);
    // Defaults: min-level medium, so nothing is below it; the repository is the one the workflow runs in.
    const plain = await run({ repositories: '' }, { GITHUB_REPOSITORY: 'acme/pay' });
    expect(plain.exitCode).toBe(0);
    expect(plain.outputs).toMatchObject({ ...APRIL, verdict: 'pass' });
  }, 60_000);
});

describe('bad inputs and a failing API', () => {
  it.each([
    [
      { period: 'quater' },
      'Input "period" must look like 30d, 12w, month, quarter, year, 2026-Q1, 2026-03 or 2026; got "quater" (did you mean "quarter"?)'
    ],
    [
      { source: 'deployment' },
      'Input "source" must be one of deployments, workflow-runs, releases, tags; got "deployment" (did you mean "deployments"?)'
    ],
    [
      { repositories: 'acme/missing' },
      /^Input "repositories": acme\/missing cannot be read: GitHub GraphQL: deployments of acme\/missing to production: .+/
    ],
    [{ 'github-token': '' }, 'Input "github-token" is empty: give a token that can read the repositories'],
    [{ 'hotfix-window': '5' }, /^Input "hotfix-window": Duration "5" has no unit/],
    [{ 'min-level': 'great' }, /^Input "min-level" must be one of elite, high, medium, low; got "great"/],
    [
      { 'csv-file': '/etc/hostname/dora.csv' },
      /^Input "csv-file": cannot write \/etc\/hostname\/dora\.csv \(E[A-Z]+\)$/
    ]
  ])('%j fails the step in one line', async (inputs, message) => {
    expectOneLine(await run(inputs), message);
  });

  it('retries a 502 and reports the same numbers', async () => {
    const before = api.requests.length;
    api.failNext(1, 502);
    const result = await run({});
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ ...APRIL, verdict: 'pass' });
    const counts = api.requestCounts(before);
    expect(counts.failed).toBe(1);
    expect(result.outputs['api-calls']).toBe(String(counts.total - 1));
    expect(api.pendingFaults()).toBe(0);
  }, 60_000);

  it('writes the CSV where csv-file says, relative to the workspace', async () => {
    const result = await run({ 'csv-file': 'out/dora.csv' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['csv-file']).toMatch(/\/workspace\/out\/dora\.csv$/);
  });
});

describe('the store through database-url', () => {
  const count = async (table: string) =>
    Number(await runSql(db.connectionString, `SELECT count(*) FROM dora.${table}`));

  it('syncs the deployments, changes and incidents, finds its migration beside the bundle, and a rerun adds nothing', async () => {
    const first = await run({ 'database-url': pgUrl() });
    expect(first.exitCode).toBe(0);
    // March's deployment and April's seven; April's five changes; incidents #20 and #21.
    expect(first.stdout).toContain('store: acme/pay: deployments +8 ~0, changes +5 ~0, incidents +2 ~0');
    expect(await count('deployments')).toBe(8);
    expect(await count('changes')).toBe(5);
    expect(await count('incidents')).toBe(2);
    expect(await runSql(db.connectionString, 'SELECT version FROM dora.schema_migrations')).toBe('0001_init.sql');
    expectNoLeak(first, TOKEN, PG_PASSWORD, pgUrl());
    const again = await run({ 'database-url': pgUrl() });
    expect(again.stdout).toContain('store: acme/pay: deployments +0 ~0, changes +0 ~0, incidents +0 ~0');
    expect(await count('sync_runs')).toBe(2);
  }, 60_000);

  it('publishes the report before the store, and a store it cannot reach fails the step in one line', async () => {
    const port = await freePort();
    const url = `postgresql://dora:${PG_PASSWORD}@127.0.0.1:${port}/dora`;
    const result = await run({ 'database-url': url });
    expectOneLine(result, /^database postgresql:\/\/dora:\*\*\*@127\.0\.0\.1:\d+\/dora: cannot connect: /);
    expect(result.outputs).toMatchObject({ ...APRIL, verdict: 'pass' });
    expect(result.summary).toContain('## DORA report');
    expectNoLeak(result, PG_PASSWORD, url);
  }, 60_000);
});

describe('the bundled CLI', () => {
  function cli(args: string[], env: Record<string, string> = {}) {
    return new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(runnerNode(), [join(repoRoot, 'dist/cli/index.js'), 'dora-report', ...args], {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          GITHUB_API_URL: api.url,
          GITHUB_GRAPHQL_URL: api.graphqlUrl,
          ...env
        }
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', fail);
      child.on('close', (status) => done({ status, stdout, stderr }));
    });
  }
  const APRIL_ARGS = ['--repo', 'acme/pay', '--period', '2026-04'];

  it('prints JSON and CSV with GITHUB_TOKEN from the environment, and syncs the store from its own bundle', async () => {
    const json = await cli([...APRIL_ARGS, '--format', 'json', '--database-url', pgUrl()], { GITHUB_TOKEN: TOKEN });
    expect(json.status).toBe(0);
    const envelope = JSON.parse(json.stdout);
    expect(reportSchemaProblems(envelope)).toEqual([]);
    expect(envelope.counts).toMatchObject({ deployments: 7, changes: 5, failures: 3 });
    expect(json.stderr).toMatch(/GitHub API calls: \d+ \(\d+ GraphQL, \d+ REST\)/);
    expect(json.stderr).toContain('store: acme/pay: deployments +0 ~0');
    expect(json.stderr).not.toContain(PG_PASSWORD);
    const csv = await cli([...APRIL_ARGS, '--format', 'csv'], { GITHUB_TOKEN: TOKEN });
    expect(csv.status).toBe(0);
    expect(csv.stdout).toMatch(/^record,repo,period,metric,/);
    const strict = await cli([...APRIL_ARGS, '--min-level', 'elite', '--fail-on', 'warning'], { GITHUB_TOKEN: TOKEN });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('warning: acme/pay: Deployment frequency');
  }, 60_000);

  it('says in one line when GITHUB_TOKEN is missing, and exits 2', async () => {
    const result = await cli(APRIL_ARGS);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'ubos-actions dora-report: GITHUB_TOKEN is not set: export a token that can read the repositories\n'
    );
    expect(result.stdout).toBe('');
    const help = await cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('ubos-actions dora-report: The DORA metrics');
    expect(help.stdout).toMatch(
      /--min-level <elite\|high\|medium\|low> +A metric below this level is a warning \(default: medium\)/
    );
  });
});
