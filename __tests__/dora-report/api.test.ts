// The API side: pagination past 100 deployments and 250 commits, several repositories in one run, the call
// budget, and recovery from 403/429 rate limits, a primary rate limit and a 502.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { RepoBuilder } from './builder.js';
import { metric, report } from './setup.js';

const MIN = 60_000;
// acme/many: 130 deployments in May 2026 (30 days), one pushed commit each, live 20 minutes after the commit.
const many = new RepoBuilder('acme', 'many', '2026-04-01T00:00:00Z');
many.deploy({ created: '2026-04-01T01:00:00Z', statuses: [['success', '2026-04-01T01:05:00Z']] });
const start = Date.parse('2026-05-01T00:00:00Z');
const iso = (t: number) => new Date(t).toISOString();
for (let i = 0; i < 130; i++) {
  const t = start + i * 5 * 60 * MIN;
  many.push(`c${i}`, iso(t));
  many.deploy({
    created: iso(t + 10 * MIN),
    statuses: [
      ['in_progress', iso(t + 10 * MIN)],
      ['success', iso(t + 20 * MIN)]
    ]
  });
}
// acme/big: one deployment of 300 pushed commits, authored 2026-05-10 00:00 + k minutes (k = 0..299), live 06:00.
const big = new RepoBuilder('acme', 'big', '2026-04-01T00:00:00Z');
big.deploy({ created: '2026-04-01T01:00:00Z', statuses: [['success', '2026-04-01T01:05:00Z']] });
for (let k = 0; k < 300; k++) big.push(`b${k}`, iso(Date.parse('2026-05-10T00:00:00Z') + k * MIN));
big.deploy({ created: '2026-05-10T05:50:00Z', statuses: [['success', '2026-05-10T06:00:00Z']] });

const OPTIONS = { repositories: ['acme/many', 'acme/big'], since: '2026-05-01', until: '2026-05-31' };

describe('pagination, several repositories and the call budget', () => {
  let api: GitHubApi;
  let result: Awaited<ReturnType<typeof report>>;

  beforeAll(async () => {
    api = await startGitHubApi({ fixtures: { token: 't0ken', repos: [many.fixture(), big.fixture()] } });
    result = await report(api, OPTIONS);
  });
  afterAll(async () => api.stop());

  it('reads all 130 deployments across GraphQL pages', () => {
    const df = metric(result.report, 'deployment-frequency', 0);
    // 130 / 30 days
    expect(df.current.value).toBeCloseTo(130 / 30, 9);
    expect(df.current.sample).toBe(130);
    const lt = metric(result.report, 'change-lead-time', 0);
    expect(lt.current.value).toBeCloseTo(20 / 60, 9);
    expect(api.requestCounts().byRoute['POST /graphql DoraDeployments']).toBe(2 + 1); // two pages for many, one for big
  });

  it('follows the compare past 250 commits by the link header', () => {
    const changes = result.report.repositories[1]!.changes;
    expect(changes).toHaveLength(300);
    const compares = api.requests.filter((r) => r.route === 'GET /repos/:owner/:repo/compare/:basehead');
    expect(compares.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    const lt = metric(result.report, 'change-lead-time', 1);
    // lead times 6h - k min = 61..360 min; the median of 300 is between the 150th (210) and 151st (211): 210.5 min
    expect(lt.current.value).toBeCloseTo(210.5 / 60, 9);
  });

  it('combines the repositories', () => {
    const combined = result.report.combined!;
    const df = combined.metrics.find((m) => m.id === 'deployment-frequency')!;
    expect(df.current.value).toBeCloseTo(131 / 30, 9);
    expect(combined.repo).toBe('all repositories');
  });

  it('stays within a small call budget', () => {
    const counts = api.requestCounts();
    // many: 2 deployment pages + 1 incident list; big: 1 deployment page, 1 deeper history, 3 compare pages,
    // 3 PR look-ups (100 commits each), 1 incident list
    expect(counts.total).toBe(12);
    expect(result.client.stats.total).toBe(12);
  });
});

describe('rate limits and server errors', () => {
  let api: GitHubApi;
  let clean: Awaited<ReturnType<typeof report>>;

  beforeAll(async () => {
    api = await startGitHubApi({ fixtures: { token: 't0ken', repos: [many.fixture(), big.fixture()] } });
    clean = await report(api, OPTIONS);
  });
  afterAll(async () => api.stop());

  it('waits out 403 and 429 with retry-after, a primary limit and a 502, and gets the same report', async () => {
    const from = api.requests.length;
    const route = (name: string) => (r: { route?: string }) => r.route === name;
    api.failNext(1, 403, { 'retry-after': '1' }, { match: route('POST /graphql DoraDeployments') });
    api.failNext(1, 429, { 'retry-after': '1' }, { match: route('GET /repos/:owner/:repo/issues') });
    api.failNext(
      1,
      502,
      {},
      { match: (r) => r.route === 'GET /repos/:owner/:repo/compare/:basehead' && r.query.page === '2' }
    );
    api.failNextWithRateLimit(1, 1);
    const started = Date.now();
    const faulted = await report(api, OPTIONS);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(api.pendingFaults()).toBe(0);
    const counts = api.requestCounts(from);
    expect(counts.failed).toBe(4);
    expect(counts.total).toBe(12 + 4);
    // the adapter counts calls, not attempts
    expect(faulted.client.stats.total).toBe(12);
    const values = (r: typeof clean) =>
      r.report.repositories.map((repo) => repo.metrics.map((m) => [m.id, m.current.value]));
    expect(values(faulted)).toEqual(values(clean));
  });

  it('turns an error that outlasts the retries into one line', async () => {
    api.failNext(10, 502, {}, { match: (r) => r.route === 'POST /graphql DoraDeployments' });
    const failed = await report(api, { ...OPTIONS, repositories: ['acme/many'] });
    api.clearFaults();
    expect(failed.report.findings).toEqual([
      expect.objectContaining({
        id: 'repository-unreadable',
        level: 'error',
        repo: 'acme/many',
        message: expect.stringMatching(/^GitHub GraphQL: deployments of acme\/many to production: 502\b/)
      })
    ]);
    expect(failed.report.findings[0]!.message).not.toMatch(/\n/);
  });

  it('reports a repository it cannot read and goes on with the others', async () => {
    const r = await report(api, { ...OPTIONS, repositories: ['acme/missing', 'acme/many'] });
    expect(r.report.findings[0]).toMatchObject({ id: 'repository-unreadable', repo: 'acme/missing' });
    expect(metric(r.report, 'deployment-frequency', 1).current.sample).toBe(130);
  });
});
