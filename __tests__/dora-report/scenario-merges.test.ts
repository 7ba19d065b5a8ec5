// Squash, rebase and merge-commit PRs, a direct push, a failed deployment fixed by a retry and a redeploy of the
// live sha, through the adapter (GraphQL and plain REST) against the emulator. Expected numbers are worked out by
// hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { RepoBuilder } from './builder.js';
import { HOUR, metric, report } from './setup.js';

// Period 2026-03-02 .. 2026-03-09 (7 days); previous 2026-02-23 .. 2026-03-02.
const repo = new RepoBuilder('acme', 'shop', '2026-02-20T00:00:00Z');
const d0 = repo.deploy({ created: '2026-02-20T01:00:00Z', statuses: [['success', '2026-02-20T01:05:00Z']] }); // baseline
// PR #1, squash: first commit 08:00, opened 09:00, reviewed 10:00, merged 11:00; deployed (D1) 12:30.
//   lead 4h30m = coding 1h + pickup 1h + review 1h + deploy 1h30m
repo.squash({
  number: 1,
  title: 'Add cart',
  commits: ['2026-03-02T08:00:00Z', '2026-03-02T08:30:00Z'],
  opened: '2026-03-02T09:00:00Z',
  review: '2026-03-02T10:00:00Z',
  merged: '2026-03-02T11:00:00Z'
});
const d1 = repo.deploy({
  created: '2026-03-02T12:00:00Z',
  statuses: [
    ['in_progress', '2026-03-02T12:00:00Z'],
    ['success', '2026-03-02T12:30:00Z']
  ]
});
// PR #2, rebase of two commits authored 08:00 and 09:00: opened 10:00, reviewed 12:00, merged 13:00.
// D2 fails at 14:20; D3 (same sha) succeeds at 15:30. lead 7h30m = 2h + 2h + 1h + 2h30m. D2 recovers in 1h10m.
repo.rebase({
  number: 2,
  title: 'Search',
  commits: ['2026-03-03T08:00:00Z', '2026-03-03T09:00:00Z'],
  opened: '2026-03-03T10:00:00Z',
  review: '2026-03-03T12:00:00Z',
  merged: '2026-03-03T13:00:00Z'
});
const d2 = repo.deploy({
  created: '2026-03-03T14:00:00Z',
  statuses: [
    ['in_progress', '2026-03-03T14:00:00Z'],
    ['failure', '2026-03-03T14:20:00Z']
  ]
});
const d3 = repo.deploy({ created: '2026-03-03T15:00:00Z', statuses: [['success', '2026-03-03T15:30:00Z']] });
// D4 redeploys the live sha: not a deployment of a change.
const d4 = repo.deploy({ created: '2026-03-04T09:00:00Z', statuses: [['success', '2026-03-04T09:10:00Z']] });
// PR #3, merge commit: branch commits 10:00 and 11:00, opened 11:30, reviewed 12:00, merged 13:00;
// then a direct push at 14:00; D5 live at 16:00. PR #3 lead 6h = 1h30m + 30m + 1h + 3h; the push 2h (deploy 2h).
repo.merge({
  number: 3,
  title: 'Wishlist',
  commits: ['2026-03-04T10:00:00Z', '2026-03-04T11:00:00Z'],
  opened: '2026-03-04T11:30:00Z',
  review: '2026-03-04T12:00:00Z',
  merged: '2026-03-04T13:00:00Z'
});
repo.push('bump', '2026-03-04T14:00:00Z', 'Bump version');
const d5 = repo.deploy({ created: '2026-03-04T15:00:00Z', statuses: [['success', '2026-03-04T16:00:00Z']] });

const key = (id: number) => `acme/shop#${id}`;

describe.each([
  ['GraphQL', true],
  ['plain REST', false]
])('a week of squash, rebase and merge commits (%s)', (_label, graphql) => {
  let api: GitHubApi;
  let result: Awaited<ReturnType<typeof report>>;

  beforeAll(async () => {
    api = await startGitHubApi({ fixtures: { token: 't0ken', repos: [repo.fixture()] } });
    result = await report(api, { repositories: ['acme/shop'], since: '2026-03-02', until: '2026-03-09' }, graphql);
  });
  afterAll(async () => api.stop());

  it('counts deployments that shipped something: D1, D3, D5 (D2 failed, D4 redeployed the live sha)', () => {
    const df = metric(result.report, 'deployment-frequency');
    // 3 deployments / 7 days = 0.428571/day; deployment days 03-02, 03-03, 03-04 = 3 of 7 = 42.857%
    expect(df.current.value).toBeCloseTo(3 / 7, 6);
    expect(df.current.extra.daysWithDeploymentPercent).toBeCloseTo(42.857, 2);
    expect(df.current.evidence.deployments).toEqual([key(d1), key(d3), key(d5)]);
    expect(df.current.level).toBe('high'); // >= once a week, < once a day (2024)
    expect(df.previous.value).toBe(0);
    expect(df.trend).toBe('better');
    const views = result.report.repositories[0]!.deployments;
    expect(views.find((d) => d.key === key(d4))!.redeploy).toBe(true);
    expect(views.some((d) => d.key === key(d0))).toBe(false); // the baseline is only a compare base
  });

  it('measures lead time per change from the first commit, for squash, rebase, merge commit and push alike', () => {
    const lt = metric(result.report, 'change-lead-time');
    // lead times 4.5h (PR 1), 7.5h (PR 2), 6h (PR 3), 2h (push): median (4.5 + 6) / 2 = 5.25h
    expect(lt.current.value).toBeCloseTo(5.25, 6);
    // p90: rank (4 - 1) * 0.9 = 2.7 between 6h and 7.5h: 6 + 0.7 * 1.5 = 7.05h
    expect(lt.current.extra.p90).toBeCloseTo(7.05, 6);
    // medians over the three PRs: coding 1h, 2h, 1.5h -> 1.5h; pickup 1h, 2h, 0.5h -> 1h; review 1h each
    expect(lt.current.extra.codingHours).toBeCloseTo(1.5, 6);
    expect(lt.current.extra.pickupHours).toBeCloseTo(1, 6);
    expect(lt.current.extra.reviewHours).toBeCloseTo(1, 6);
    // deploy parts of all four changes: 1.5h, 2.5h, 3h, 2h -> 2.25h
    expect(lt.current.extra.deployHours).toBeCloseTo(2.25, 6);
    // four changes are too few to judge (five are needed): no level, but the numbers stand
    expect(lt.current.thin).toBe('4 changes in the period, at least 5 needed');
    expect(lt.current.level).toBeNull();
    const changes = result.report.repositories[0]!.changes;
    const byKey = new Map(changes.map((c) => [c.key, c]));
    expect(byKey.get('acme/shop#pr-1')).toMatchObject({
      deployment: key(d1),
      leadTimeMs: 4.5 * HOUR,
      commits: [expect.any(String)]
    });
    expect(byKey.get('acme/shop#pr-2')).toMatchObject({ deployment: key(d3), leadTimeMs: 7.5 * HOUR });
    expect(byKey.get('acme/shop#pr-2')!.commits).toHaveLength(2);
    // merge commit + two branch commits, one change
    expect(byKey.get('acme/shop#pr-3')).toMatchObject({ deployment: key(d5), leadTimeMs: 6 * HOUR });
    expect(byKey.get('acme/shop#pr-3')!.commits).toHaveLength(3);
    expect(changes.filter((c) => c.kind === 'commit').map((c) => [c.title, c.leadTimeMs])).toEqual([
      ['Bump version', 2 * HOUR]
    ]);
  });

  it('counts the failed deployment, and its recovery at the next success', () => {
    const cfr = metric(result.report, 'change-fail-rate');
    // counted: D1, D2, D3, D5 (D4 is a redeploy); failed: D2 -> 1 of 4 = 25%
    expect(cfr.current.value).toBe(25);
    expect(cfr.current.display).toBe('25% (1 of 4)');
    expect(cfr.current.thin).toBe('4 deployments in the period, at least 10 needed');
    expect(cfr.current.level).toBeNull();
    const failed = result.report.repositories[0]!.deployments.find((d) => d.key === key(d2))!;
    expect(failed.failure!.reasons).toEqual([{ kind: 'failed', detail: `deployment ${d2} ended in failure` }]);
    const recovery = metric(result.report, 'failed-deployment-recovery-time');
    // D2 failed 14:20, D3 live 15:30: 1h10m
    expect(recovery.current.value).toBeCloseTo(70 / 60, 6);
    expect(failed.failure!.recoveredBy).toBe(key(d3));
    expect(recovery.current.thin).toBe('1 recovery in the period, at least 3 needed');
  });

  it('reports the successful-deploys share over every attempt, and no rework', () => {
    // D1, D3, D4, D5 succeeded, D2 failed: 4 of 5
    expect(metric(result.report, 'successful-deploys').current.value).toBe(80);
    expect(metric(result.report, 'deployment-rework-rate').current.value).toBe(0);
  });
});
