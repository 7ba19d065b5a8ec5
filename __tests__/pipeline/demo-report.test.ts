import { describe, expect, it } from '@jest/globals';
import { finalReport, wrap, type DemoSummary, type StepRecord } from '../../devtools/demo/report.js';

// The demo's one-screen report from recorded steps (the demo itself runs in __tests__/demo.test.ts).
const step = (
  release: string,
  stage: StepRecord['stage'],
  name: string,
  outcome: StepRecord['outcome'],
  summary: string
) => ({ release, stage, step: name, outcome, summary, ms: 1200 }) satisfies StepRecord;

const summary = (steps: StepRecord[], ok = true): DemoSummary => ({
  steps,
  deployments: [
    {
      id: 7,
      environment: 'production',
      version: '1.2.0',
      sha: 'abcdef0123',
      task: 'deploy',
      state: 'failure',
      color: 'blue'
    }
  ],
  dora: ['DORA report for production (deployments), 2026-11-02 to 2026-12-02', 'Change fail rate 50% (1 of 2)'],
  wallMs: 41_500,
  cleanedUp: ['PostgreSQL', 'nginx'],
  ok
});

describe('finalReport', () => {
  it('names each stage once per release, with the step that decided it', () => {
    const text = finalReport(
      summary([
        step('release 1.2.0', 'ci', 'tests', 'pass', 'node --test: 3 passed, 0 failed'),
        step('release 1.2.0', 'ci', 'spec lint', 'warn', 'Contract check passed with warnings'),
        step('release 1.2.0', 'production', 'health-gate blue', 'pass', 'Health gate passed'),
        step('release 1.2.0', 'production', 'canary 10→50→100', 'rolled-back', 'judge FAIL; rolled back to green'),
        step('release 1.2.0', 'production', 'after', 'pass', 'not the decisive one')
      ])
    );
    expect(text).toContain('Every stage did what it should');
    expect(text).toMatch(/^ {4}✓ ci {9}tests · spec lint !\n {17}Contract check passed with warnings$/m);
    expect(text).toMatch(
      /^ {4}↩ production health-gate blue · canary 10→50→100 ↩ · after\n {17}judge FAIL; rolled back to green$/m
    );
    expect(text).toMatch(/^ {2}DORA report for production .*\n {4}Change fail rate 50% \(1 of 2\)$/m);
    expect(text).toMatch(/^ {4}#7 production 1\.2\.0 {2}abcdef0 deploy {10}blue {2}failure$/m);
    expect(text).toContain('Wall time 41.5 s; cleaned up: PostgreSQL, nginx.');
  });

  it('says so when a stage failed, and marks the stage failed', () => {
    const text = finalReport(
      summary([step('release 1.1.0', 'staging', 'health-gate green', 'fail', 'Health gate failed')], false)
    );
    expect(text).toContain('The demo did NOT go as it should');
    expect(text).toMatch(/^ {4}✗ staging {4}health-gate green ✗$/m);
  });
});

describe('wrap', () => {
  it('breaks at spaces into at most maxLines, the last cut with an ellipsis', () => {
    expect(wrap('aaa bbb ccc ddd', 8, 2)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(wrap('aaa bbb ccc ddd eee', 8, 2)).toEqual(['aaa bbb', 'ccc ddd…']);
    expect(wrap('short', 8, 2)).toEqual(['short']);
  });
});
