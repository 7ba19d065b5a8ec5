// Rollback recorded by blue-green-switch, a revert PR within the window, a hotfix that closes an incident, an
// incident with a deployment in the window and one without, and a deployment with no changes. Expected numbers
// are worked out by hand in the comments (window 24h).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { RepoBuilder } from './builder.js';
import { metric, report } from './setup.js';

// Period 2026-04-06 .. 2026-04-13 (7 days).
const repo = new RepoBuilder('acme', 'pay', '2026-03-01T00:00:00Z');
const root = repo.head;
repo.deploy({ created: '2026-03-01T01:00:00Z', statuses: [['success', '2026-03-01T01:10:00Z']] }); // baseline
// D1 ships PR #10 (first commit 04-05 09:00, live 04-06 10:10: lead 25h10m).
repo.squash({
  number: 10,
  title: 'New checkout',
  commits: ['2026-04-05T09:00:00Z'],
  opened: '2026-04-05T10:00:00Z',
  merged: '2026-04-06T09:00:00Z'
});
const s10 = repo.head;
const d1 = repo.deploy({ created: '2026-04-06T10:00:00Z', statuses: [['success', '2026-04-06T10:10:00Z']] });
// D2: blue-green-switch switches back to the previous version; a deployment with no changes.
// D1 is rolled back: failed, recovered when D2 went live (10:10 -> 12:05 = 1h55m). D2 is rework.
const d2 = repo.deploy({
  sha: root,
  created: '2026-04-06T12:00:00Z',
  payload: { color: 'blue', previous: 'green', weights: { blue: 100, green: 0 }, rollback: true },
  statuses: [['success', '2026-04-06T12:05:00Z']]
});
// D3 ships s10 again after the fix of the environment: it reships PR #10's commit, no new change.
const d3 = repo.deploy({ sha: s10, created: '2026-04-07T09:00:00Z', statuses: [['success', '2026-04-07T09:10:00Z']] });
// D4 ships PR #11 (first commit 08:00, live 11:10: lead 3h10m) ...
repo.squash({
  number: 11,
  title: 'Add search',
  commits: ['2026-04-07T08:00:00Z'],
  opened: '2026-04-07T08:30:00Z',
  review: '2026-04-07T09:00:00Z',
  merged: '2026-04-07T10:00:00Z'
});
const d4 = repo.deploy({ created: '2026-04-07T11:00:00Z', statuses: [['success', '2026-04-07T11:10:00Z']] });
// ... which PR #12 reverts (GitHub's revert button: title, branch and body), live with D5 at 15:10, 4h after D4:
// D4 failed (revert), recovered in 4h; D5 is rework. PR #12 lead 1h10m.
repo.squash({
  number: 12,
  title: 'Revert "Add search"',
  head: 'revert-11-add-search',
  body: 'Reverts acme/pay#11',
  commits: ['2026-04-07T14:00:00Z'],
  opened: '2026-04-07T14:00:00Z',
  merged: '2026-04-07T14:30:00Z'
});
const d5 = repo.deploy({ created: '2026-04-07T15:00:00Z', statuses: [['success', '2026-04-07T15:10:00Z']] });
// Incident #20 opens 04-08 08:00, 16h50m after D5 went live: linked to D5 by the window; closed 10:00.
repo.incident({ number: 20, title: 'Checkout errors', opened: '2026-04-08T08:00:00Z', closed: '2026-04-08T10:00:00Z' });
// PR #13, a hotfix closing #20, live with D6 at 09:40 (18h30m after D5): D5 also counts as hotfixed. D5's
// recovery uses the incident: 04-07 15:10 -> 04-08 10:00 = 18h50m. D6 is rework. PR #13 lead 1h10m.
repo.squash({
  number: 13,
  title: 'Fix checkout',
  head: 'hotfix/checkout',
  labels: ['hotfix'],
  closes: [20],
  commits: ['2026-04-08T08:30:00Z'],
  opened: '2026-04-08T08:40:00Z',
  merged: '2026-04-08T09:00:00Z'
});
const d6 = repo.deploy({ created: '2026-04-08T09:30:00Z', statuses: [['success', '2026-04-08T09:40:00Z']] });
// D7 ships PR #14 (lead 2h30m), nothing follows it.
repo.squash({
  number: 14,
  title: 'Receipts',
  commits: ['2026-04-09T09:00:00Z'],
  opened: '2026-04-09T09:15:00Z',
  review: '2026-04-09T09:30:00Z',
  merged: '2026-04-09T10:00:00Z'
});
const d7 = repo.deploy({ created: '2026-04-09T11:00:00Z', statuses: [['success', '2026-04-09T11:30:00Z']] });
// Incident #21 opens 04-11 12:00, 2 days after the last deployment: not linked, not a change failure.
repo.incident({ number: 21, title: 'Slow page', opened: '2026-04-11T12:00:00Z', closed: '2026-04-11T13:00:00Z' });

const key = (id: number) => `acme/pay#${id}`;

describe('rollbacks, reverts, hotfixes and incidents', () => {
  let api: GitHubApi;
  let result: Awaited<ReturnType<typeof report>>;
  const deployment = (id: number) => result.report.repositories[0]!.deployments.find((d) => d.key === key(id))!;

  beforeAll(async () => {
    api = await startGitHubApi({ fixtures: { token: 't0ken', repos: [repo.fixture()] } });
    result = await report(api, { repositories: ['acme/pay'], since: '2026-04-06', until: '2026-04-13' });
  });
  afterAll(async () => api.stop());

  it('counts every deployment: seven in seven days, one a day', () => {
    const df = metric(result.report, 'deployment-frequency');
    expect(df.current.value).toBe(1);
    // days with a deployment: 04-06, 04-07, 04-08, 04-09 -> 4 of 7
    expect(df.current.extra.daysWithDeploymentPercent).toBeCloseTo(400 / 7, 6);
    expect(df.current.level).toBe('elite');
  });

  it('says why each failure counted', () => {
    const cfr = metric(result.report, 'change-fail-rate');
    // failed: D1 (rolled back), D4 (reverted), D5 (incident, hotfix) -> 3 of 7 = 42.857%
    expect(cfr.current.value).toBeCloseTo(300 / 7, 6);
    expect(cfr.current.evidence.deployments).toEqual([key(d1), key(d4), key(d5)]);
    expect(cfr.current.extra).toMatchObject({
      'rolled-back': 1,
      revert: 1,
      hotfix: 1,
      incident: 1,
      failures: 3,
      deployments: 7
    });
    expect(deployment(d1).failure!.reasons).toEqual([
      {
        kind: 'rolled-back',
        detail: `rolled back by deployment ${d2} 1h 55m later (payload rollback: true (back to green))`,
        remedy: key(d2)
      }
    ]);
    expect(deployment(d4).failure!.reasons).toEqual([
      { kind: 'revert', detail: `reverted by PR #12 deployed by ${d5} 4h later`, remedy: key(d5), pull: 12 }
    ]);
    expect(
      deployment(d5)
        .failure!.reasons.map((r) => r.kind)
        .sort()
    ).toEqual(['hotfix', 'incident']);
    expect(deployment(d5).failure!.reasons.find((r) => r.kind === 'incident')!.detail).toBe(
      `incident #20 (opened 16h 50m after deployment ${d5})`
    );
    for (const id of [d2, d3, d6, d7]) expect(deployment(id).failure).toBeNull();
  });

  it('treats the rollback as a deployment with no changes, and the re-ship as no new change', () => {
    expect(deployment(d2)).toMatchObject({ changes: [], rollback: { how: 'payload' } });
    expect(deployment(d3)).toMatchObject({ changes: [], reshipped: 1, rollback: null, redeploy: false });
  });

  it('links incidents only within the window', () => {
    const incidents = result.report.repositories[0]!.incidents;
    expect(incidents.map((i) => [i.number, i.cause, i.link, i.fixedBy])).toEqual([
      [20, key(d5), 'window', key(d6)],
      [21, null, null, null]
    ]);
    expect(incidents[1]!.linkDetail).toMatch(/^no deployment in the 24h before it opened \(last: \d+, 2d 1h before\)$/);
    expect(result.report.findings.map((f) => f.id)).toContain('incident-unlinked');
  });

  it('measures recovery from each failure: rollback, revert fix, incident close', () => {
    const recovery = metric(result.report, 'failed-deployment-recovery-time');
    // D1 1h55m (rollback live), D4 4h (revert live), D5 18h50m (incident #20 closed): median 4h
    expect(recovery.current.value).toBeCloseTo(4, 6);
    // p90: rank 1.8 between 4h and 18.8333h: 4 + 0.8 * 14.8333 = 15.8667h
    expect(recovery.current.extra.p90).toBeCloseTo(4 + 0.8 * (18 + 50 / 60 - 4), 6);
    expect(deployment(d5).failure).toMatchObject({
      recoveredAt: '2026-04-08T10:00:00Z',
      recoveryBasis: 'incident #20 closed'
    });
    expect(deployment(d1).failure).toMatchObject({ recoveredBy: key(d2), recoveryMs: 6_900_000 });
    expect(recovery.current.level).toBe('high'); // < one day
  });

  it('counts rework: the rollback, the revert and the hotfix deployments', () => {
    const rework = metric(result.report, 'deployment-rework-rate');
    // 3 of 7
    expect(rework.current.value).toBeCloseTo(300 / 7, 6);
    expect(rework.current.evidence.deployments).toEqual([key(d2), key(d5), key(d6)]);
    expect(deployment(d6).rework!.reasons.map((r) => r.kind)).toEqual(['hotfix', 'incident-fix']);
  });

  it('measures lead time for the changes first shipped in the period', () => {
    const lt = metric(result.report, 'change-lead-time');
    // PR 10 25h10m, PR 11 3h10m, PR 12 1h10m, PR 13 1h10m, PR 14 2h30m: median 2h30m
    expect(lt.current.value).toBeCloseTo(2.5, 6);
    expect(lt.current.sample).toBe(5);
    expect(lt.current.level).toBe('elite');
  });
});
