// `ubos-actions dora-report` in process: every format from the same report, --fail-on and --min-level, and bad
// input as one line (the dispatcher prints a ConfigurationError's message and exits 2).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDoraCommand } from '../../actions/dora-report/src/cli.js';
import { VERSION } from '../../shared/src/lib/version.generated.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { reportSchemaProblems } from '../harness/report-schema.js';
import { pay } from './histories.js';

describe('ubos-actions dora-report', () => {
  let api: GitHubApi;
  const run = async (argv: string[], env?: NodeJS.ProcessEnv) => {
    let stdout = '';
    let stderr = '';
    const command = createDoraCommand({
      now: () => new Date('2026-06-01T00:00:00Z'),
      octokitOverrides: { retryAfterBaseValue: 10, requestSpacing: false }
    });
    const code = await command.run(argv, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      cwd: process.cwd(),
      env: env ?? { GITHUB_TOKEN: api.token, GITHUB_API_URL: api.url, GITHUB_GRAPHQL_URL: api.graphqlUrl }
    });
    return { code, stdout, stderr };
  };
  // The week of histories.ts: 7 deployments in 7 days (1/day, elite), lead time median 2h30m (elite), recovery
  // median 4h (high); change fail rate 3 of 7 (too few deployments to judge).
  const WEEK = ['--repo', 'acme/pay', '--since', '2026-04-06', '--until', '2026-04-13'];

  beforeAll(async () => {
    api = await startGitHubApi({ fixtures: { token: 't0ken', repos: [pay.fixture()] } });
  });
  afterAll(async () => api.stop());

  it('prints the JSON envelope, CSV, markdown and text from the same engine', async () => {
    const json = await run([...WEEK, '--format', 'json']);
    expect(json.code).toBe(0);
    const envelope = JSON.parse(json.stdout);
    expect(reportSchemaProblems(envelope)).toEqual([]);
    expect(envelope).toMatchObject({
      tool: 'dora-report',
      version: VERSION,
      verdict: 'pass',
      period: { start: '2026-04-06T00:00:00.000Z', end: '2026-04-13T00:00:00.000Z' },
      counts: { deployments: 7, changes: 5, failures: 3 }
    });
    const lead = envelope.repositories[0].metrics.find((m: { id: string }) => m.id === 'change-lead-time');
    expect(lead).toMatchObject({ value: 2.5, level: 'elite', sample: 5 });
    expect(json.stderr).toMatch(/GitHub API calls: \d+ \(\d+ GraphQL, \d+ REST\)/);
    const csv = await run([...WEEK, '--format', 'csv']);
    expect(csv.stdout).toMatch(/^record,repo,/);
    expect(csv.stdout.split('\r\n').filter((l) => l.startsWith('change,')).length).toBe(5);
    const md = await run([...WEEK, '--format', 'markdown']);
    expect(md.stdout).toMatch(
      /^## DORA report · `acme\/pay`\n\n✅ \*\*DORA report for acme\/pay, 2026-04-06 to 2026-04-12: deployments 1\/day \(elite\), lead time 2h 30m \(elite\), change fail rate 43%, recovery 4h \(high\)\*\*/
    );
    expect(md.stdout).toContain('```mermaid');
    const text = await run(WEEK);
    expect(text.stdout).toContain('Deployment frequency');
    expect(text.stdout.trimEnd().split('\n').at(-1)).toMatch(/^DORA report for acme\/pay, /);
  });

  it('warns below --min-level and fails with --fail-on warning', async () => {
    const elite = await run([...WEEK, '--min-level', 'elite', '--format', 'json']);
    expect(elite.code).toBe(0);
    expect(JSON.parse(elite.stdout).findings.filter((f: { level: string }) => f.level === 'warning')).toEqual([
      {
        id: 'below-level',
        level: 'warning',
        repo: 'acme/pay',
        message:
          'Failed deployment recovery time 4h median over 3 recoveries is at the high level of the 2024 report, below elite (min-level)'
      }
    ]);
    expect((await run([...WEEK, '--min-level', 'elite', '--fail-on', 'warning'])).code).toBe(1);
    expect((await run([...WEEK, '--min-level', 'elite', '--fail-on', 'warning', '--format', 'csv'])).code).toBe(1);
  });

  it.each([
    [['--format', 'yaml'], '--format must be one of text, json, csv, markdown; got "yaml"'],
    [['--repo', 'not a repo'], '--repo: a repository must look like owner/name; got "not a repo"'],
    [
      ['--period', 'quater'],
      '--period must look like 30d, 12w, month, quarter, year, 2026-Q1, 2026-03 or 2026; got "quater" (did you mean "quarter"?)'
    ],
    [
      ['--source', 'deployment'],
      '--source must be one of deployments, workflow-runs, releases, tags; got "deployment" (did you mean "deployments"?)'
    ],
    [['--hotfix-window', '5'], /^--hotfix-window: Duration "5" has no unit/],
    [['--min-level', 'hig'], '--min-level must be one of elite, high, medium, low; got "hig" (did you mean "high"?)'],
    [['--nope'], /Unknown option '--nope'/],
    [
      ['--repo', 'acme/missing'],
      /^--repo: acme\/missing cannot be read: GitHub GraphQL: deployments of acme\/missing to production: /
    ]
  ])('refuses %j in one line', async (args, message) => {
    const argv = args[0] === '--repo' ? args : ['--repo', 'acme/pay', ...args];
    const error = await run(argv).then(
      () => undefined,
      (e: Error) => e
    );
    expect(error?.name).toBe('ConfigurationError');
    expect(error!.message).not.toContain('\n');
    if (typeof message === 'string') expect(error!.message).toBe(message);
    else expect(error!.message).toMatch(message);
  });

  it('needs GITHUB_TOKEN', async () => {
    await expect(run(WEEK, { GITHUB_API_URL: api.url })).rejects.toThrow(
      'GITHUB_TOKEN is not set: export a token that can read the repositories'
    );
  });
});
