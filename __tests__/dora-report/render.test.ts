// Renderers and the CLI: markdown with the chart and the drill-down, hostile repository text kept as text, the
// JSON envelope, CSV, an empty history, and the command's flags.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createDoraCommand } from '../../actions/dora-report/src/cli.js';
import { mdText, csvCell, sparkline } from '../../actions/dora-report/src/render/index.js';
import { renderCsv, renderJson, renderMarkdown, renderText } from '../../actions/dora-report/src/render/index.js';
import { DORA_REPORT_VERSION } from '../../actions/dora-report/src/version.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { RepoBuilder } from './builder.js';
import { report } from './setup.js';

const HOSTILE = 'Fix @octocat <img src=x onerror=alert(1)> [click](https://evil.example) #12 *bold* | pipe';
const repo = new RepoBuilder('acme', 'web', '2026-02-20T00:00:00Z');
repo.deploy({ created: '2026-02-20T01:00:00Z', statuses: [['success', '2026-02-20T01:05:00Z']] });
repo.squash({
  number: 1,
  title: HOSTILE,
  head: 'feature/<script>',
  user: 'mallory',
  commits: ['2026-03-02T08:00:00Z'],
  opened: '2026-03-02T09:00:00Z',
  merged: '2026-03-02T11:00:00Z'
});
repo.deploy({
  created: '2026-03-02T12:00:00Z',
  statuses: [['success', '2026-03-02T12:30:00Z']],
  payload: { rollback: false }
});
repo.push('p', '2026-03-10T08:00:00Z', 'Direct push');
repo.deploy({ created: '2026-03-10T09:00:00Z', statuses: [['failure', '2026-03-10T09:10:00Z']] });
const empty = new RepoBuilder('acme', 'quiet', '2026-01-01T00:00:00Z');

describe('dora-report renderers', () => {
  let api: GitHubApi;
  let result: Awaited<ReturnType<typeof report>>;

  beforeAll(async () => {
    api = await startGitHubApi({ fixtures: { token: 't0ken', repos: [repo.fixture(), empty.fixture()] } });
    result = await report(api, { repositories: ['acme/web', 'acme/quiet'], since: '2026-03-02', until: '2026-03-16' });
  });
  afterAll(async () => api.stop());

  it('keeps repository text as text in markdown', () => {
    const md = renderMarkdown(result.report);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('](https://evil.example)');
    expect(md).not.toMatch(/@octocat|@mallory/);
    expect(md).toContain('@\u2060octocat');
    expect(md).toContain('\\#\u206012');
    expect(mdText('a|b\nc')).toBe('a\\|b c');
    expect(mdText('x'.repeat(300), 10)).toHaveLength(10);
  });

  it('has one line per metric, the charts and a drill-down per deployment', () => {
    const md = renderMarkdown(result.report);
    expect(md).toContain('| Deployment frequency | 2.1/month (1 in 14 days, on 7.1% of days) | Medium | 5/10 |');
    expect(md).toContain('```mermaid\nxychart-beta\n    title "Deployments per week"\n    x-axis ["03-02", "03-09"]');
    expect(md).toContain('    bar [1, 0]');
    expect(md).toMatch(/deployments per week {2}█▁ /);
    expect(md).toMatch(
      /<summary>\d+ · [0-9a-f]{7} · 2026-03-10 09:10 · failed · 0 changes · failure: failed<\/summary>/
    );
    expect(md).toContain('**Throughput:**');
    expect(renderMarkdown(result.report, { chart: 'text' })).not.toContain('```mermaid');
  });

  it('says clearly when there is nothing to judge', () => {
    const quiet = result.report.repositories[1]!;
    for (const m of quiet.metrics) expect(m.current.level).toBeNull();
    expect(quiet.metrics[0]!.current.thin).toMatch(/^no deployments were found at all/);
    expect(renderMarkdown(result.report)).toContain(
      'Deployment frequency: no deployments were found at all for this environment and source'
    );
    expect(renderText(result.report)).toContain('acme/quiet');
  });

  it('wraps the report in the shared JSON envelope with the evidence', () => {
    const json = JSON.parse(renderJson(result.report, { version: '9.9.9', api: { calls: 5, rest: 2, graphql: 3 } }));
    expect(json).toMatchObject({
      tool: 'dora-report',
      version: '9.9.9',
      verdict: 'pass',
      counts: { error: 0, repositories: 2 },
      api: { calls: 5 }
    });
    const cfr = json.repositories[0].metrics.find((m: { id: string }) => m.id === 'change-fail-rate');
    // 2 counted (D1 success, D3 failed): 50%
    expect(cfr).toMatchObject({
      value: 50,
      display: '50% (1 of 2)',
      evidence: { deployments: [expect.stringMatching(/^acme\/web#\d+$/)] }
    });
    expect(json.repositories[0].changes[0]).toMatchObject({ title: HOSTILE, pull: 1 });
  });

  it('writes CSV with formula injection defused', () => {
    const csv = renderCsv(result.report);
    expect(csv.split('\r\n')[0]).toMatch(/^record,repo,period,metric,value/);
    expect(csv).toContain(`,${HOSTILE},`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(sparkline([0, 5, null, 10])).toBe('▁▅·█');
  });
});

describe('ubos-actions dora-report', () => {
  let api: GitHubApi;
  const run = async (argv: string[], env: NodeJS.ProcessEnv = { GITHUB_TOKEN: api.token, GITHUB_API_URL: api.url }) => {
    let stdout = '';
    let stderr = '';
    const command = createDoraCommand({
      env,
      now: () => new Date('2026-06-01T00:00:00Z'),
      octokitOverrides: { retryAfterBaseValue: 10, requestSpacing: false }
    });
    const code = await command.run(argv, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      cwd: process.cwd()
    });
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    api = await startGitHubApi({ fixtures: { token: 't0ken', repos: [repo.fixture()] } });
  });
  afterAll(async () => api.stop());

  it('prints JSON, CSV, markdown and text from the same engine', async () => {
    const args = ['--repo', 'acme/web', '--since', '2026-03-02', '--until', '2026-03-16'];
    const json = await run([...args, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      tool: 'dora-report',
      version: DORA_REPORT_VERSION,
      period: { start: '2026-03-02T00:00:00.000Z' }
    });
    expect(json.stderr).toMatch(/GitHub API calls: \d+ \(\d+ GraphQL, \d+ REST\)/);
    expect((await run([...args, '--format', 'csv'])).stdout).toMatch(/^record,repo,/);
    expect((await run([...args, '--format', 'markdown'])).stdout).toContain('## DORA report: acme/web');
    expect((await run([...args, '--rest-only'])).stdout).toContain('Deployment frequency');
  });

  it('refuses bad input in one line', async () => {
    await expect(run(['--repo', 'acme/web', '--format', 'yaml'])).rejects.toThrow(
      '--format must be one of text, json, csv, markdown; got "yaml"'
    );
    await expect(run(['--repo', 'not a repo'])).rejects.toThrow(
      'repository must look like owner/name; got "not a repo"'
    );
    await expect(run(['--repo', 'acme/web'], {})).rejects.toThrow('set GITHUB_TOKEN');
    await expect(run(['--repo', 'acme/web', '--period', 'fortnight'])).rejects.toThrow(/^period must look like 30d/);
    await expect(run(['--repo', 'acme/web', '--hotfix-window', '5'])).rejects.toThrow(
      /^hotfix-window: Duration "5" has no unit/
    );
    await expect(run(['--nope'])).rejects.toThrow(/Unknown option '--nope'/);
  });

  it('exits 1 when a repository cannot be read', async () => {
    const result = await run(['--repo', 'acme/missing', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).verdict).toBe('fail');
  });

  it('keeps the envelope version equal to package.json', () => {
    expect(DORA_REPORT_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
