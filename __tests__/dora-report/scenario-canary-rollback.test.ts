// A canary that fails and rolls itself back, as blue-green-switch records it: the release's deployment fails,
// then a rollback deployment (payload rollback: true) whose ref is still the failed release's commit. That
// rollback restores service (the recovery) and is rework, but ships none of the release's commits: they are
// first shipped by the next release that succeeds, and their lead time runs to it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { RepoBuilder } from './builder.js';
import { metric, report } from './setup.js';

const shop = new RepoBuilder('acme', 'shop', '2026-05-01T00:00:00Z');
shop.deploy({ created: '2026-05-01T01:00:00Z', statuses: [['success', '2026-05-01T01:10:00Z']] }); // baseline
shop.squash({
  number: 1,
  title: 'Faster cart',
  commits: ['2026-05-04T08:00:00Z'],
  opened: '2026-05-04T08:30:00Z',
  merged: '2026-05-04T09:00:00Z'
});
const failed = shop.deploy({ created: '2026-05-04T10:00:00Z', statuses: [['failure', '2026-05-04T10:06:00Z']] });
const rollback = shop.deploy({
  created: '2026-05-04T10:06:00Z',
  payload: { color: 'blue', previous: 'green', weights: { blue: 100, green: 0 }, rollback: true },
  statuses: [['success', '2026-05-04T10:07:00Z']]
});
shop.squash({
  number: 2,
  title: 'Fix the cart',
  commits: ['2026-05-04T12:00:00Z'],
  opened: '2026-05-04T12:30:00Z',
  merged: '2026-05-04T13:00:00Z'
});
const fixed = shop.deploy({ created: '2026-05-04T14:00:00Z', statuses: [['success', '2026-05-04T14:10:00Z']] });

const key = (id: number) => `acme/shop#${id}`;

describe('a canary rolled back by blue-green-switch', () => {
  let api: GitHubApi;
  let result: Awaited<ReturnType<typeof report>>;
  const deployment = (id: number) => result.report.repositories[0]!.deployments.find((d) => d.key === key(id))!;

  beforeAll(async () => {
    api = await startGitHubApi({ fixtures: { token: 't0ken', repos: [shop.fixture()] } });
    result = await report(api, { repositories: ['acme/shop'], since: '2026-05-04', until: '2026-05-05' });
  });
  afterAll(async () => api.stop());

  it('counts the rollback as the recovery and as rework, shipping nothing', () => {
    expect(deployment(rollback)).toMatchObject({ changes: [], rollback: { how: 'payload' } });
    expect(deployment(failed).failure).toMatchObject({ recoveredBy: key(rollback) });
    expect(metric(result.report, 'failed-deployment-recovery-time').current.value).toBeCloseTo(1 / 60, 6);
    expect(metric(result.report, 'deployment-rework-rate').current.evidence.deployments).toEqual([key(rollback)]);
  });

  it('credits the failed release’s change to the release that shipped it, with its lead time', () => {
    expect(deployment(fixed).changes).toHaveLength(2);
    // PR #1: first commit 05-04 08:00, live with the fix at 14:10: 6h10m (not 2h07m, to the rollback).
    const lead = metric(result.report, 'change-lead-time').current;
    expect(lead.extra).toMatchObject({ changes: 2 });
    expect(lead.value).toBeCloseTo((6 + 10 / 60 + 2 + 10 / 60) / 2, 6);
  });
});
