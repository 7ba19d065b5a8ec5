// The fallback sources: runs of a deploy workflow, releases and tags; and the option parsing around them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseOptions, resolvePeriod } from '../../actions/dora-report/src/engine/index.js';
import { climb, CHANGE_FAIL_RATE, interpolate, SCORE_ANCHORS } from '../../actions/dora-report/src/engine/levels.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { RepoBuilder } from './builder.js';
import { metric, report } from './setup.js';

// Period 2026-03-02 .. 03-09. Three squash PRs: #1 merged 03-02 10:00, #2 03-03 10:00, #3 03-04 10:00.
const repo = new RepoBuilder('acme', 'rel', '2026-02-20T00:00:00Z');
const root = repo.head;
const s1 = repo.squash({
  number: 1,
  commits: ['2026-03-02T08:00:00Z'],
  opened: '2026-03-02T09:00:00Z',
  merged: '2026-03-02T10:00:00Z'
});
const s2 = repo.squash({
  number: 2,
  commits: ['2026-03-03T08:00:00Z'],
  opened: '2026-03-03T09:00:00Z',
  merged: '2026-03-03T10:00:00Z'
});
const s3 = repo.squash({
  number: 3,
  commits: ['2026-03-04T08:00:00Z'],
  opened: '2026-03-04T09:00:00Z',
  merged: '2026-03-04T10:00:00Z'
});
const fixture = {
  ...repo.fixture(),
  workflowRuns: [
    {
      id: 1,
      path: '.github/workflows/deploy.yml',
      headSha: root,
      conclusion: 'success' as const,
      createdAt: '2026-02-20T01:00:00Z',
      updatedAt: '2026-02-20T01:10:00Z'
    },
    {
      id: 2,
      path: '.github/workflows/deploy.yml',
      headSha: s1,
      conclusion: 'success' as const,
      createdAt: '2026-03-02T11:00:00Z',
      updatedAt: '2026-03-02T11:30:00Z'
    },
    {
      id: 3,
      path: '.github/workflows/deploy.yml',
      headSha: s2,
      conclusion: 'failure' as const,
      createdAt: '2026-03-03T11:00:00Z',
      updatedAt: '2026-03-03T11:20:00Z'
    },
    {
      id: 4,
      path: '.github/workflows/deploy.yml',
      headSha: s2,
      conclusion: 'cancelled' as const,
      createdAt: '2026-03-03T11:30:00Z',
      updatedAt: '2026-03-03T11:31:00Z'
    },
    {
      id: 5,
      path: '.github/workflows/deploy.yml',
      headSha: s2,
      conclusion: 'success' as const,
      createdAt: '2026-03-03T12:00:00Z',
      updatedAt: '2026-03-03T12:30:00Z'
    },
    {
      id: 6,
      path: '.github/workflows/ci.yml',
      headSha: s3,
      conclusion: 'success' as const,
      createdAt: '2026-03-04T11:00:00Z',
      updatedAt: '2026-03-04T11:10:00Z'
    }
  ],
  releases: [
    { id: 11, tagName: 'v1', publishedAt: '2026-02-20T02:00:00Z', createdAt: '2026-02-20T02:00:00Z' },
    { id: 12, tagName: 'v2', publishedAt: '2026-03-02T12:00:00Z', createdAt: '2026-03-02T12:00:00Z' },
    { id: 13, tagName: 'v3', publishedAt: '2026-03-04T12:00:00Z', createdAt: '2026-03-04T12:00:00Z' },
    { id: 14, tagName: 'v4', draft: true, createdAt: '2026-03-05T12:00:00Z' }
  ],
  tags: [
    { name: 'v1', sha: root },
    { name: 'v2', sha: s1 },
    { name: 'v3', sha: s3 },
    { name: 'v4', sha: s3 }
  ]
};

describe('fallback deployment sources', () => {
  let api: GitHubApi;
  beforeAll(async () => {
    api = await startGitHubApi({ fixtures: { token: 't0ken', repos: [fixture] } });
  });
  afterAll(async () => api.stop());
  const base = { repositories: ['acme/rel'], since: '2026-03-02', until: '2026-03-09' };

  it('reads runs of the deploy workflow: success and failure count, cancelled runs and other workflows do not', async () => {
    const { report: r } = await report(api, { ...base, source: 'workflow-runs', workflow: 'deploy.yml' });
    // runs 2 (s1) and 5 (s2) shipped; run 3 failed: 1 of 3 counted = 33.3%
    expect(metric(r, 'deployment-frequency').current.evidence.deployments).toEqual(['acme/rel#2', 'acme/rel#5']);
    expect(metric(r, 'change-fail-rate').current.value).toBeCloseTo(100 / 3, 9);
    // PR 1: 08:00 -> 11:30 = 3.5h; PR 2: 08:00 -> 12:30 = 4.5h; median 4h
    expect(metric(r, 'change-lead-time').current.value).toBeCloseTo(4, 9);
  });

  it('reads published releases at their tag, without drafts', async () => {
    const { report: r } = await report(api, { ...base, source: 'releases' });
    expect(metric(r, 'deployment-frequency').current.evidence.deployments).toEqual(['acme/rel#12', 'acme/rel#13']);
    // v2 ships PR 1 (08:00 -> 03-02 12:00: 4h); v3 ships PRs 2 and 3 (03-03 08:00 -> 03-04 12:00: 28h; 4h)
    const changes = r.repositories[0]!.changes.map((c) => [c.pull, c.leadTimeMs / 3_600_000]);
    expect(changes).toEqual([
      [1, 4],
      [2, 28],
      [3, 4]
    ]);
  });

  it.each([true, false])('reads tags at their commit date (GraphQL %s)', async (graphql) => {
    const { report: r } = await report(api, { ...base, source: 'tags' }, graphql);
    // v2 at s1's date (03-02 10:00), v3 and v4 both at s3's (03-04 10:00): v4 redeploys the live sha
    const deployments = r.repositories[0]!.deployments;
    expect(deployments.map((d) => [d.id, d.at, d.redeploy])).toEqual([
      ['v2', '2026-03-02T10:00:00Z', false],
      ['v3', '2026-03-04T10:00:00Z', false],
      ['v4', '2026-03-04T10:00:00Z', true]
    ]);
    expect(metric(r, 'deployment-frequency').current.sample).toBe(2);
  });
});

describe('options', () => {
  const now = new Date('2026-05-15T12:00:00Z');
  it('resolves periods and the one before', () => {
    expect(resolvePeriod({ period: '30d', now })).toEqual({
      period: { start: '2026-04-15T12:00:00.000Z', end: '2026-05-15T12:00:00.000Z' },
      previous: { start: '2026-03-16T12:00:00.000Z', end: '2026-04-15T12:00:00.000Z' }
    });
    expect(resolvePeriod({ period: '2026-Q1', now })).toEqual({
      period: { start: '2026-01-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' },
      previous: { start: '2025-10-01T00:00:00.000Z', end: '2026-01-01T00:00:00.000Z' }
    });
    expect(resolvePeriod({ period: 'quarter', now }).period.start).toBe('2026-02-15T12:00:00.000Z');
    expect(resolvePeriod({ since: '2026-05-01', until: '2026-05-08', now }).previous).toEqual({
      start: '2026-04-24T00:00:00.000Z',
      end: '2026-05-01T00:00:00.000Z'
    });
    expect(() => resolvePeriod({ since: '2026-05-08', until: '2026-05-01', now })).toThrow('the period is empty');
    expect(() => resolvePeriod({ since: 'yesterday', now })).toThrow('since must be a date');
  });

  it('defaults and refuses', () => {
    const o = parseOptions({ repositories: ['acme/a, acme/b\nacme/a'], now });
    expect(o).toMatchObject({
      environment: 'production',
      source: 'deployments',
      benchmarks: '2024',
      incidentLabels: ['incident'],
      hotfixWindowMs: 86_400_000
    });
    expect(o.repositories).toEqual([
      { owner: 'acme', name: 'a' },
      { owner: 'acme', name: 'b' }
    ]);
    expect(parseOptions({ repositories: ['a/b'], hotfixWindow: '2d', now }).hotfixWindowMs).toBe(2 * 86_400_000);
    expect(() => parseOptions({ repositories: [], now })).toThrow('name at least one repository');
    expect(() => parseOptions({ repositories: ['a/b'], source: 'workflow-runs', now })).toThrow(
      "source workflow-runs needs workflow: the deploy workflow's file name, e.g. deploy.yml"
    );
    expect(() => parseOptions({ repositories: ['a/b'], benchmarks: '2022', now })).toThrow(
      'benchmarks must be one of 2023, 2024, 2025'
    );
    expect(() => parseOptions({ repositories: ['../x'], now })).toThrow('repository must look like owner/name');
  });

  it('reads the level ladders from elite down', () => {
    // 2024: 8% meets high's 20% first; medium (10%) is never reached for this metric
    expect(climb(8, CHANGE_FAIL_RATE['2024'], 'lower')).toBe('high');
    expect(climb(8, CHANGE_FAIL_RATE['2023'], 'lower')).toBe('high');
    expect(climb(12, CHANGE_FAIL_RATE['2023'], 'lower')).toBe('medium');
    expect(climb(30, CHANGE_FAIL_RATE['2024'], 'lower')).toBe('low');
    // scores: 1 deployment a day is 8; 1 day of lead time is 7; 15% change fail rate is 5
    expect(interpolate(1, SCORE_ANCHORS.deploymentFrequency, true)).toBe(8);
    expect(interpolate(24, SCORE_ANCHORS.duration, true)).toBe(7);
    expect(interpolate(15, SCORE_ANCHORS.rate, false)).toBe(5);
  });
});
