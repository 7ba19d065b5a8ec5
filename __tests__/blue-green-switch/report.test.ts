import { describe, expect, it } from '@jest/globals';
import type { OperationResult } from '../../actions/blue-green-switch/src/engine/types.js';
import { switchReport } from '../../actions/blue-green-switch/src/report.js';
import { reportEnvelope } from '../../shared/src/lib/report.js';
import { renderReportMarkdown } from '../../shared/src/lib/report-markdown.js';
import { reportSchemaProblems } from '../harness/report-schema.js';

const base: OperationResult = {
  operation: 'canary',
  verdict: 'pass',
  message: 'green is live after canary 50 → 100% in 2.1s, verified',
  router: { type: 'haproxy', description: 'HAProxy backend app (/run/haproxy.sock)' },
  live: 'green',
  previous: 'blue',
  weights: { blue: 0, green: 100 },
  rolledBack: false,
  canary: null,
  timeline: [
    {
      phase: 'apply',
      step: 1,
      weights: { blue: 50, green: 50 },
      ok: true,
      message: 'weights set',
      at: 10,
      durationMs: 5
    },
    {
      phase: 'judge',
      step: 1,
      weights: { blue: 50, green: 50 },
      ok: true,
      message: 'judge pass: errors and latency within bounds',
      at: 900,
      durationMs: 3,
      judge: {
        verdict: 'pass',
        reason: 'errors and latency within bounds',
        source: 'HAProxy show stat',
        perColor: {
          blue: { requests: 120, errors: 0, errorRate: 0, p50Ms: 1.2, p95Ms: 3.4 },
          green: { requests: 118, errors: 1, errorRate: 1 / 118, p50Ms: 1.3, p95Ms: null }
        },
        errorRate: {
          verdict: 'pass',
          oldRate: 0,
          newRate: 1 / 118,
          pValue: 0.16,
          z: 1,
          reason: 'error rate 0.85% vs 0.00%'
        },
        latency: {
          verdict: 'pass',
          oldMedianMs: 1.2,
          newMedianMs: 1.3,
          shiftMs: 0.1,
          pValue: 0.4,
          u: 7000,
          reason: 'median 1.30ms vs 1.20ms'
        }
      }
    }
  ],
  warnings: [],
  durationMs: 2100
};

describe('the blue-green report', () => {
  it('a passed canary: outputs, counts, the timeline and the judge per colour and step', () => {
    const report = switchReport(base);
    expect(report).toMatchObject({
      tool: 'blue-green-switch',
      title: 'Blue-green canary',
      verdict: 'pass',
      headline: 'Blue-green canary done: green is live after canary 50 → 100% in 2.1s, verified',
      counts: { error: 0, warning: 0, notice: 0, changes: 1 },
      findings: [],
      outputs: {
        'live-color': 'green',
        'previous-color': 'blue',
        weights: '{"blue":0,"green":100}',
        'rolled-back': 'false',
        'deployment-id': ''
      }
    });
    const envelope = reportEnvelope(report);
    expect(reportSchemaProblems(envelope)).toEqual([]);
    expect(envelope).toMatchObject({ operation: 'canary', live: 'green', timeline: base.timeline, findings: [] });
    expect(envelope).not.toHaveProperty('json');
    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain('### Timeline (2)');
    expect(markdown).toContain('<summary>Canary judge: pass (2)</summary>');
    expect(markdown).toContain('| 1 | green | 118 | 1 | 0.85% | 1.3 ms | — | pass |');
    expect(report.text!()).toMatch(/^PASS: green is live .*\n.*\n\n\+10ms +ok {3}apply 1 /);
  });

  it('a failed gate is an error at its file, a warning stays a warning, and the verdict keeps its counts', () => {
    const failed: OperationResult = {
      ...base,
      verdict: 'fail',
      message:
        'canary step 2 of 3 failed: gate failed on green (router): app: 503; traffic back on blue 100 / green 0 (verified)',
      rolledBack: true,
      live: 'blue',
      weights: { blue: 100, green: 0 },
      warnings: ['could not record a GitHub deployment: 500'],
      timeline: [
        ...base.timeline,
        {
          phase: 'gate',
          step: 2,
          weights: { blue: 50, green: 50 },
          ok: false,
          message: 'gate failed on green (router): app: 503',
          at: 1500,
          durationMs: 200,
          gate: { verdict: 'fail', target: 'router', failedChecks: ['app'], durationMs: 200, message: 'x' }
        },
        { phase: 'drain', ok: false, message: 'green still has 2 sessions', at: 1800, durationMs: 5000 }
      ]
    };
    const report = switchReport(failed, { gateFile: '.github/gate.yml' });
    expect(report.verdict).toBe('fail');
    expect(report.counts).toMatchObject({ error: 1, warning: 1 });
    expect(report.findings).toEqual([
      {
        level: 'error',
        id: 'gate',
        title: 'blue-green-switch gate failed',
        message: 'step 2 (blue 50 / green 50): gate failed on green (router): app: 503',
        location: { file: '.github/gate.yml' }
      },
      { level: 'warning', id: 'deployment', message: 'could not record a GitHub deployment: 500' }
    ]);
    expect(report.headline).toMatch(/^Blue-green canary failed: canary step 2 of 3 failed: gate failed/);
    expect(report.outputs).toMatchObject({ 'rolled-back': 'true', 'live-color': 'blue' });
    expect(renderReportMarkdown(report)).toMatch(/### Failed \(1\)\n\n- step 2 \(blue 50 \/ green 50\): gate failed/);
  });

  it('a fail without a failed step (a cancel) and a half-done canary in status still count', () => {
    const cancelled = switchReport({
      ...base,
      verdict: 'fail',
      message: 'canary step 1 of 2 failed: the run was cancelled; traffic back on blue 100 / green 0 (verified)',
      timeline: []
    });
    expect(cancelled.findings).toEqual([expect.objectContaining({ level: 'error', id: 'cancelled' })]);
    const paused = switchReport({
      ...base,
      operation: 'status',
      verdict: 'warn',
      message: 'a canary blue → green is half done: run promote, abort or rollback',
      live: null,
      weights: { blue: 50, green: 50 },
      canary: {
        from: 'blue',
        to: 'green',
        steps: [50],
        stepIndex: 0,
        fromWeights: { blue: 100, green: 0 },
        startedAt: 'x',
        runId: 'r'
      },
      timeline: []
    });
    expect(paused.headline).toBe(
      'Blue-green status: a canary blue → green is half done: run promote, abort or rollback'
    );
    expect(paused.findings).toEqual([expect.objectContaining({ level: 'warning', id: 'canary' })]);
    expect(paused.outputs).toMatchObject({ 'live-color': '', weights: '{"blue":50,"green":50}' });
    expect(paused.context!.join('\n')).toContain('Canary blue → green at step 1 of 1 (50%)');
  });

  it('text from the router config and the services is inert in the summary', () => {
    const hostile = switchReport({
      ...base,
      verdict: 'fail',
      router: { type: 'command', description: 'command `x` <img src=x>' },
      timeline: [
        { phase: 'verify', ok: false, message: '@admin see https://evil.example/<script>', at: 1, durationMs: 1 }
      ]
    });
    const markdown = renderReportMarkdown(hostile);
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('``command `x` <img src=x>``');
    expect(markdown.replace(/``command `x` <img src=x>``/, '')).not.toContain('<img');
    expect(markdown).not.toContain('@admin');
    expect(markdown).not.toContain('https://evil');
  });
});
