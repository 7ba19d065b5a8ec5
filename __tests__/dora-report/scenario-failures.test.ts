// Rollback recorded by blue-green-switch, a revert PR within the window, a hotfix that closes an incident, an
// incident with a deployment in the window and one without, and a deployment with no changes. Expected numbers
// are worked out by hand in the comments (window 24h).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { d1, d2, d3, d4, d5, d6, d7, pay as repo } from './histories.js';
import { metric, report } from './setup.js';

// The history and its timeline are in histories.ts (period 2026-04-06 .. 2026-04-13, 7 days).
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
