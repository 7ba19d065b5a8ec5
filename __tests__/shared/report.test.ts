import { describe, expect, it } from '@jest/globals';
import { codeSpan, escapeMarkdown } from '../../shared/src/lib/markdown.js';
import {
  countFindings,
  failsStep,
  parseFailOn,
  reportEnvelope,
  verdictOf,
  type ActionReport
} from '../../shared/src/lib/report.js';
import { renderReportMarkdown } from '../../shared/src/lib/report-markdown.js';
import { closestName } from '../../shared/src/lib/suggest.js';
import { VERSION } from '../../shared/src/lib/version.generated.js';
import { reportSchemaProblems } from '../harness/report-schema.js';

function report(overrides: Partial<ActionReport> = {}): ActionReport {
  return {
    tool: 'demo-tool',
    title: 'Demo',
    verdict: 'fail',
    headline: 'Demo failed: 1 error, 1 warning',
    counts: { error: 1, warning: 1, notice: 0 },
    findings: [],
    sections: [
      { level: 'info', title: 'Timeline', extra: 'a long timeline' },
      { level: 'warning', title: 'Warnings', table: { headers: ['where', 'message'], rows: [['a.sql:1', 'slow']] } },
      { level: 'error', title: 'Errors', table: { headers: ['where', 'message'], rows: [['b.sql:2', 'locks']] } }
    ],
    json: { findings: [] },
    ...overrides
  };
}

describe('verdict and fail-on', () => {
  it('reads the verdict from the counts, and fail-on decides the step', () => {
    expect(verdictOf({ error: 1, warning: 0 })).toBe('fail');
    expect(verdictOf({ error: 0, warning: 2 })).toBe('warn');
    expect(verdictOf({ error: 0, warning: 0 })).toBe('pass');
    expect([failsStep('fail', 'error'), failsStep('warn', 'error'), failsStep('warn', 'warning')]).toEqual([
      true,
      false,
      true
    ]);
    expect(failsStep('fail', 'never')).toBe(false);
    expect(() => parseFailOn('always', '--fail-on')).toThrow('--fail-on must be one of error, warning, never');
    expect(countFindings([{ level: 'error' }, { level: 'notice' }, { level: 'error' }])).toEqual({
      error: 2,
      warning: 0,
      notice: 1
    });
  });

  it('puts tool, version, verdict and counts first in the envelope, and the schema accepts it', () => {
    const envelope = reportEnvelope(report());
    expect(Object.keys(envelope)).toEqual(['tool', 'version', 'verdict', 'counts', 'findings']);
    expect(envelope.version).toBe(VERSION);
    expect(reportSchemaProblems(envelope)).toEqual([]);
    expect(reportSchemaProblems({ ...envelope, verdict: 'ok' })).toEqual([expect.stringMatching(/verdict/)]);
  });
});

describe('renderReportMarkdown', () => {
  it('opens with the heading and verdict, then errors, warnings and the rest', () => {
    const text = renderReportMarkdown(report({ subject: 'api/openapi.yaml' }));
    const lines = text.split('\n');
    expect(lines[0]).toBe('## Demo · `api/openapi.yaml`');
    expect(lines[2]).toBe('❌ **Demo failed: 1 error, 1 warning**');
    expect(text.indexOf('### Errors (1)')).toBeLessThan(text.indexOf('<summary>Warnings (1)</summary>'));
    expect(text.indexOf('<summary>Warnings (1)</summary>')).toBeLessThan(text.indexOf('<summary>Timeline</summary>'));
  });

  it('cuts whole rows when over the limit, least important first, keeping every error and a link to the run', () => {
    const rows = (n: number, word: string) =>
      Array.from({ length: n }, (_, i) => [`f${i}.sql:${i + 1}`, `${word} ${i}`]);
    const big = report({
      sections: [
        { level: 'error', title: 'Errors', table: { headers: ['where', 'message'], rows: rows(50, 'error') } },
        { level: 'warning', title: 'Warnings', table: { headers: ['where', 'message'], rows: rows(2000, 'warning') } },
        { level: 'info', title: 'Help', extra: 'x'.repeat(20_000) }
      ]
    });
    const text = renderReportMarkdown(big, {
      limit: { size: 8_000, unit: 'chars' },
      fullReportUrl: 'https://github.com/o/r/actions/runs/7'
    });
    expect(text.length).toBeLessThanOrEqual(8_000);
    for (let i = 0; i < 50; i++) expect(text).toContain(`| error ${i} |`);
    expect(text).not.toContain('xxxxxxxxxx');
    expect(text).toContain('<summary>Warnings (2000)</summary>');
    expect(text).toMatch(
      /_… \d+ more not shown here: see the \[workflow run\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/7\)\._/
    );
    // Every table row that is there is whole, and every block is closed.
    for (const line of text.split('\n').filter((l) => l.startsWith('|'))) expect(line.endsWith('|')).toBe(true);
    expect(text.match(/<details>/g)?.length).toBe(text.match(/<\/details>/g)?.length);
  });

  it('escapes text from the repository: no HTML, mentions, links or emphasis', () => {
    const hostile = '<img src=x onerror=alert(1)> @admin see [here](https://evil.example) *bold* #12 www.x.io';
    const safe = escapeMarkdown(hostile);
    expect(safe).not.toMatch(/<img/);
    expect(safe).not.toMatch(/@admin/);
    expect(safe).not.toMatch(/https:\/\//);
    expect(safe).not.toMatch(/(^|[^\\])\[here\]/);
    expect(safe).not.toMatch(/(^|[^\\])\*bold/);
    expect(safe).not.toMatch(/#12/);
    expect(safe).not.toMatch(/www\./);
    expect(codeSpan('a `tick` b')).toBe('``a `tick` b``');
    const text = renderReportMarkdown(report({ subject: '@team/<b>spec</b>.yaml', headline: 'ping @team <b>now</b>' }));
    // The subject is a code span, where GitHub renders nothing; the headline is escaped text.
    expect(text.split('\n')[0]).toBe('## Demo · `@team/<b>spec</b>.yaml`');
    expect(text).not.toMatch(/<b>now/);
    expect(text).not.toMatch(/\*\*ping @team/);
  });
});

describe('closestName', () => {
  it('suggests a near miss and nothing for an unrelated word', () => {
    expect(closestName('fail_on', ['fail-on', 'comment'])).toBe('fail-on');
    expect(closestName('warnings', ['error', 'warning', 'never'])).toBe('warning');
    expect(closestName('database', ['fail-on', 'comment'])).toBeUndefined();
  });
});
