// The DoraReport as the family's ActionReport: the summary (metrics with level and trend, the chart, drill-down
// tables, hostile repository text kept as text), the verdict by min-level, the JSON envelope against the schema,
// the outputs and the CSV. Numbers are worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { doraActionReport } from '../../actions/dora-report/src/report.js';
import { sparkline } from '../../actions/dora-report/src/render/index.js';
import { csvCell } from '../../shared/src/lib/csv.js';
import { clipLine, markdownLink } from '../../shared/src/lib/markdown.js';
import { reportEnvelope } from '../../shared/src/lib/report.js';
import { renderReportMarkdown } from '../../shared/src/lib/report-markdown.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { reportSchemaProblems } from '../harness/report-schema.js';
import { RepoBuilder } from './builder.js';
import { report } from './setup.js';

const HOSTILE = 'Fix @octocat <img src=x onerror=alert(1)> [click](https://evil.example) #12 *bold* | pipe';
// acme/web, period 2026-03-02 .. 2026-03-16 (14 days): PR #1 (first commit 03-02 08:00) live 12:30 (lead 4h30m),
// a pushed commit whose deployment failed on 03-10. One shipped deployment in 14 days: 1/14 a day = 2.1/month,
// medium (at least monthly); 2 finished deployments (change fail rate 50%), too few to judge the rest.
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

describe('the dora-report ActionReport', () => {
  let api: GitHubApi;
  let both: Awaited<ReturnType<typeof report>>;
  let web: Awaited<ReturnType<typeof report>>;
  const OPTIONS = { since: '2026-03-02', until: '2026-03-16' };

  beforeAll(async () => {
    api = await startGitHubApi({ fixtures: { token: 't0ken', repos: [repo.fixture(), empty.fixture()] } });
    both = await report(api, { repositories: ['acme/web', 'acme/quiet'], ...OPTIONS });
    web = await report(api, { repositories: ['acme/web'], ...OPTIONS });
  });
  afterAll(async () => api.stop());

  it('keeps repository text as text in the summary', () => {
    const md = renderReportMarkdown(doraActionReport(web.report, { minLevel: 'medium' }));
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('](https://evil.example)');
    expect(md).not.toMatch(/@octocat|#12/);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('\\[click\\]');
    // The PR links to GitHub; the change's title is a cell, its pipe escaped.
    expect(md).toMatch(
      /\| \[PR 1\]\(https:\/\/github\.com\/acme\/web\/pull\/1\) \| Fix @\u200boctocat .*\\\| pipe \| mallory \|/
    );
    expect(clipLine('a\u0000b\u2028c\n' + 'x'.repeat(50), 10)).toBe('a b c xxx…');
    expect(markdownLink('log', 'https://evil.example/x', ['https://github.com'])).toBe('log');
    expect(markdownLink('log', 'javascript:alert(1)', ['https://github.com'])).toBe('log');
    expect(markdownLink('log', 'https://github.com/a/b', ['https://github.com'])).toBe('[log](https://github.com/a/b)');
  });

  it('has one row per metric with value, level, score and trend, the chart, and collapsible drill-down', () => {
    const action = doraActionReport(web.report, { minLevel: 'medium' });
    const md = renderReportMarkdown(action);
    // 1/14 a day: between the monthly (score 4) and weekly (6) anchors on a log scale: 4 + 2 * ln(30/14)/ln(30/7) = 5.0
    expect(md).toContain(
      '| Deployment frequency | 2.1/month (1 in 14 days, on 7.1% of days) | Medium | 5/10 | → same (was 2.1/month (1 in 14 days, on 7.1% of days)) |'
    );
    expect(md).toContain('| Change lead time | 4h 30m median, p90 4h 30m | too little data | - |');
    expect(md).toContain('### Metrics (6)');
    expect(md).toContain('**Throughput:**');
    expect(md).toContain('**Instability:**');
    expect(md).toContain('### Deployments and lead time per week');
    expect(md).toContain('```mermaid\nxychart-beta\n    title "Deployments per week"\n    x-axis ["03-02", "03-09"]');
    expect(md).toContain('    bar [1, 0]');
    expect(md).toMatch(/deployments per week {2}█▁ /);
    expect(md).toMatch(/<details>\n<summary>Deployments in the period \(2\)<\/summary>/);
    expect(md).toMatch(
      /\| \[\d+\]\(https:\/\/github\.com\/acme\/web\/actions\/runs\/\d+\) \| `[0-9a-f]{7}` \| 2026-03-10 09:10 \| failed \| - \| failed: /
    );
    expect(md).toMatch(/<summary>Changes in the period \(1\)<\/summary>/);
    expect(md).toMatch(/<summary>Evidence behind each number \(\d\)<\/summary>/);
    expect(md).toContain('**Change fail rate**: deployments ');
    expect(renderReportMarkdown(doraActionReport(web.report, { minLevel: 'medium', chart: 'text' }))).not.toContain(
      '```mermaid'
    );
  });

  it('passes when every judged metric reaches min-level, and says what was too thin to judge', () => {
    const action = doraActionReport(web.report, { minLevel: 'medium' });
    expect(action.verdict).toBe('pass');
    expect(action.findings.map((f) => `${f.level} ${f.id}`)).toEqual(['notice too-little-data', 'notice no-baseline']);
    expect(action.findings[0]!.message).toMatch(
      /^acme\/web: too little data to judge change lead time \(1 change in the period, at least 5 needed\), change fail rate \(2 deployments in the period, at least 10 needed\)/
    );
    expect(action.headline).toBe(
      'DORA report for acme/web, 2026-03-02 to 2026-03-15: deployments 2.1/month (medium), lead time 4h 30m, change fail rate 50%, recovery n/a'
    );
  });

  it('warns when a metric is below min-level', () => {
    const action = doraActionReport(web.report, { minLevel: 'high' });
    expect(action.verdict).toBe('warn');
    expect(action.findings.filter((f) => f.level === 'warning')).toEqual([
      {
        level: 'warning',
        id: 'below-level',
        message:
          'acme/web: Deployment frequency 2.1/month (1 in 14 days, on 7.1% of days) is at the medium level of the 2024 report, below high (min-level)'
      }
    ]);
    expect(action.headline).toMatch(/; 1 metric below high$/);
    const md = renderReportMarkdown(action);
    expect(md).toContain('### Warnings (1)');
    expect(md).toContain('| ⚠️ Medium, below high |');
  });

  it('warns when a repository has no deployments at all, and reports each repository and then all together', () => {
    const action = doraActionReport(both.report, { minLevel: 'medium' });
    expect(action.verdict).toBe('warn');
    expect(action.subject).toBe('2 repositories');
    expect(action.findings.find((f) => f.id === 'no-deployments')!.message).toBe(
      'acme/quiet: no deployments found at all (environment "production", source deployments): check the environment name and the source'
    );
    const titles = action.sections.map((s) => s.title);
    expect(titles).toEqual(
      expect.arrayContaining(['acme/web: metrics', 'acme/quiet: metrics', 'all repositories: metrics'])
    );
    // Outputs are of all repositories together.
    expect(action.outputs).toMatchObject({
      'deployment-frequency': String(Math.round(10000 / 14) / 10000),
      deployments: 1
    });
  });

  it('sets one output per metric and its level', () => {
    const action = doraActionReport(web.report, {
      minLevel: 'medium',
      api: { total: 7, rest: 3, graphql: 4 },
      csvFile: '/tmp/x.csv'
    });
    expect(action.outputs).toEqual({
      'deployment-frequency': '0.0714',
      'deployment-frequency-level': 'medium',
      'change-lead-time-hours': '4.5',
      'change-lead-time-level': '',
      'change-fail-rate': '50',
      'change-fail-rate-level': '',
      'recovery-time-hours': '',
      'recovery-time-level': '',
      'rework-rate': '0',
      'successful-deploys': '50',
      deployments: 1,
      'csv-file': '/tmp/x.csv',
      'api-calls': 7
    });
    // 2025 has no levels: the level outputs stay empty, min-level judges by the 2024 levels.
    const r2025 = { ...web.report, benchmarks: '2025' as const };
    const action2025 = doraActionReport(r2025, { minLevel: 'high' });
    expect(action2025.outputs!['deployment-frequency-level']).toBe('');
    expect(action2025.findings.map((f) => f.id)).toContain('below-level');
  });

  it('wraps the report in the shared JSON envelope, valid against the schema, with the evidence', () => {
    for (const r of [web, both]) {
      const envelope = reportEnvelope(
        doraActionReport(r.report, { minLevel: 'high', api: { total: 5, rest: 2, graphql: 3 } })
      );
      expect(reportSchemaProblems(JSON.parse(JSON.stringify(envelope)))).toEqual([]);
    }
    const json = JSON.parse(JSON.stringify(reportEnvelope(doraActionReport(web.report, { minLevel: 'medium' }))));
    expect(json).toMatchObject({
      tool: 'dora-report',
      verdict: 'pass',
      counts: { error: 0, warning: 0, notice: 2, repositories: 1, deployments: 2, changes: 1, failures: 1 },
      minLevel: 'medium'
    });
    const cfr = json.repositories[0].metrics.find((m: { id: string }) => m.id === 'change-fail-rate');
    expect(cfr).toMatchObject({
      value: 50,
      display: '50% (1 of 2)',
      belowMinLevel: false,
      evidence: { deployments: [expect.stringMatching(/^acme\/web#\d+$/)] }
    });
    expect(json.repositories[0].changes.find((c: { pull: number }) => c.pull === 1)).toMatchObject({ title: HOSTILE });
    // A broken envelope is caught.
    expect(reportSchemaProblems({ ...json, minLevel: 'great' })).not.toEqual([]);
  });

  it('writes CSV with formula injection defused', () => {
    const csv = doraActionReport(web.report, { minLevel: 'medium' }).csv();
    expect(csv.split('\r\n')[0]).toMatch(/^record,repo,period,metric,value/);
    expect(csv).toContain(`,${HOSTILE},`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(sparkline([0, 5, null, 10])).toBe('▁▅·█');
  });

  it('prints a text report with the headline', () => {
    const text = doraActionReport(both.report, { minLevel: 'medium', api: { total: 9, rest: 4, graphql: 5 } }).text!();
    expect(text).toContain('acme/quiet');
    expect(text).toContain('warning: acme/quiet: no deployments found at all');
    expect(text).toContain('GitHub API calls: 9 (5 GraphQL, 4 REST)');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^DORA report for 2 repositories, /);
  });
});
