// acme/pay, a week of deployments with a rollback recorded by blue-green-switch, a revert PR within the window,
// a hotfix that closes an incident, an incident with a deployment in the window and one without, and a deployment
// with no changes. scenario-failures.test.ts works out every metric by hand (window 24h); the action's e2e test
// reads the same history through the bundle.
import { RepoBuilder } from './builder.js';
// Period 2026-04-06 .. 2026-04-13 (7 days).
export const pay = new RepoBuilder('acme', 'pay', '2026-03-01T00:00:00Z');
export const root = pay.head;
pay.deploy({ created: '2026-03-01T01:00:00Z', statuses: [['success', '2026-03-01T01:10:00Z']] }); // baseline
// D1 ships PR #10 (first commit 04-05 09:00, live 04-06 10:10: lead 25h10m).
pay.squash({
  number: 10,
  title: 'New checkout',
  commits: ['2026-04-05T09:00:00Z'],
  opened: '2026-04-05T10:00:00Z',
  merged: '2026-04-06T09:00:00Z'
});
export const s10 = pay.head;
export const d1 = pay.deploy({ created: '2026-04-06T10:00:00Z', statuses: [['success', '2026-04-06T10:10:00Z']] });
// D2: blue-green-switch switches back to the previous version; a deployment with no changes.
// D1 is rolled back: failed, recovered when D2 went live (10:10 -> 12:05 = 1h55m). D2 is rework.
export const d2 = pay.deploy({
  sha: root,
  created: '2026-04-06T12:00:00Z',
  payload: { color: 'blue', previous: 'green', weights: { blue: 100, green: 0 }, rollback: true },
  statuses: [['success', '2026-04-06T12:05:00Z']]
});
// D3 ships s10 again after the fix of the environment: it reships PR #10's commit, no new change.
export const d3 = pay.deploy({
  sha: s10,
  created: '2026-04-07T09:00:00Z',
  statuses: [['success', '2026-04-07T09:10:00Z']]
});
// D4 ships PR #11 (first commit 08:00, live 11:10: lead 3h10m) ...
pay.squash({
  number: 11,
  title: 'Add search',
  commits: ['2026-04-07T08:00:00Z'],
  opened: '2026-04-07T08:30:00Z',
  review: '2026-04-07T09:00:00Z',
  merged: '2026-04-07T10:00:00Z'
});
export const d4 = pay.deploy({ created: '2026-04-07T11:00:00Z', statuses: [['success', '2026-04-07T11:10:00Z']] });
// ... which PR #12 reverts (GitHub's revert button: title, branch and body), live with D5 at 15:10, 4h after D4:
// D4 failed (revert), recovered in 4h; D5 is rework. PR #12 lead 1h10m.
pay.squash({
  number: 12,
  title: 'Revert "Add search"',
  head: 'revert-11-add-search',
  body: 'Reverts acme/pay#11',
  commits: ['2026-04-07T14:00:00Z'],
  opened: '2026-04-07T14:00:00Z',
  merged: '2026-04-07T14:30:00Z'
});
export const d5 = pay.deploy({ created: '2026-04-07T15:00:00Z', statuses: [['success', '2026-04-07T15:10:00Z']] });
// Incident #20 opens 04-08 08:00, 16h50m after D5 went live: linked to D5 by the window; closed 10:00.
pay.incident({ number: 20, title: 'Checkout errors', opened: '2026-04-08T08:00:00Z', closed: '2026-04-08T10:00:00Z' });
// PR #13, a hotfix closing #20, live with D6 at 09:40 (18h30m after D5): D5 also counts as hotfixed. D5's
// recovery uses the incident: 04-07 15:10 -> 04-08 10:00 = 18h50m. D6 is rework. PR #13 lead 1h10m.
pay.squash({
  number: 13,
  title: 'Fix checkout',
  head: 'hotfix/checkout',
  labels: ['hotfix'],
  closes: [20],
  commits: ['2026-04-08T08:30:00Z'],
  opened: '2026-04-08T08:40:00Z',
  merged: '2026-04-08T09:00:00Z'
});
export const d6 = pay.deploy({ created: '2026-04-08T09:30:00Z', statuses: [['success', '2026-04-08T09:40:00Z']] });
// D7 ships PR #14 (lead 2h30m), nothing follows it.
pay.squash({
  number: 14,
  title: 'Receipts',
  commits: ['2026-04-09T09:00:00Z'],
  opened: '2026-04-09T09:15:00Z',
  review: '2026-04-09T09:30:00Z',
  merged: '2026-04-09T10:00:00Z'
});
export const d7 = pay.deploy({ created: '2026-04-09T11:00:00Z', statuses: [['success', '2026-04-09T11:30:00Z']] });
// Incident #21 opens 04-11 12:00, 2 days after the last deployment: not linked, not a change failure.
pay.incident({ number: 21, title: 'Slow page', opened: '2026-04-11T12:00:00Z', closed: '2026-04-11T13:00:00Z' });
