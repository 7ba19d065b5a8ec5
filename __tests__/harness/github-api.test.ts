import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi, type GitHubFixtures } from './github-api.js';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

const fixtures: GitHubFixtures = {
  token: 'ghs_emulator_token',
  repos: [
    {
      owner: 'acme',
      name: 'shop',
      defaultBranch: 'main',
      branches: { main: SHA_B },
      comments: Array.from({ length: 45 }, (_, i) => ({ issueNumber: 7, body: `comment ${i + 1}` })),
      deployments: [
        { sha: SHA_A, environment: 'production', statuses: [{ state: 'in_progress' }, { state: 'success' }] },
        { sha: SHA_B, environment: 'staging', statuses: [{ state: 'failure' }] },
        { sha: SHA_B, environment: 'production', statuses: [] }
      ],
      pulls: [
        {
          number: 1,
          state: 'closed',
          base: 'main',
          mergedAt: '2024-02-01T10:00:00Z',
          createdAt: '2024-01-30T10:00:00Z'
        },
        { number: 2, state: 'open', base: 'main', createdAt: '2024-02-02T10:00:00Z' },
        { number: 3, state: 'open', base: 'release', createdAt: '2024-02-03T10:00:00Z' },
        {
          number: 4,
          state: 'closed',
          base: 'main',
          closedAt: '2024-02-05T10:00:00Z',
          createdAt: '2024-02-04T10:00:00Z'
        }
      ],
      workflowRuns: Array.from({ length: 25 }, (_, i) => ({
        path: '.github/workflows/deploy.yml',
        headBranch: i % 5 === 0 ? 'feature' : 'main',
        conclusion: i % 4 === 0 ? ('failure' as const) : ('success' as const),
        createdAt: new Date(Date.parse('2024-03-01T00:00:00Z') + i * 3_600_000).toISOString()
      })),
      commits: [{ sha: SHA_A, message: 'Add checkout', authorDate: '2024-01-29T09:00:00Z', parents: [SHA_B] }]
    }
  ],
  graphql: [
    { match: 'viewer', data: { viewer: { login: 'github-actions[bot]' } } },
    {
      match: /query\s+Pulls/,
      data: (request) => ({ repository: { pullRequests: { totalCount: 2, owner: request.variables.owner } } })
    },
    { match: 'broken', errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] }
  ]
};

describe('GitHub API emulator', () => {
  let api: GitHubApi;
  const call = async (path: string, init: RequestInit = {}, token = 'ghs_emulator_token') => {
    const res = await fetch(`${api.url}${path}`, {
      ...init,
      headers: { authorization: `token ${token}`, 'content-type': 'application/json', ...init.headers }
    });
    const text = await res.text();
    // Responses are read loosely here; the shapes are what the assertions check.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const body: any = text === '' ? undefined : JSON.parse(text);
    return { status: res.status, headers: res.headers, body };
  };

  beforeAll(async () => {
    api = await startGitHubApi({ fixtures });
  });

  afterAll(async () => {
    await api.stop();
  });

  it('exposes REST and GraphQL URLs and the repo basics', async () => {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(api.graphqlUrl).toBe(`${api.url}/graphql`);
    const res = await call('/repos/acme/shop');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ full_name: 'acme/shop', default_branch: 'main', private: false });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect((await call('/repos/acme/missing')).status).toBe(404);
    expect((await call('/nope')).status).toBe(404);
  });

  it('checks the Authorization header (token or Bearer), 401 otherwise', async () => {
    expect((await call('/repos/acme/shop', {}, 'wrong')).status).toBe(401);
    expect((await call('/repos/acme/shop', {}, 'wrong')).body.message).toBe('Bad credentials');
    const bearer = await fetch(`${api.url}/repos/acme/shop`, {
      headers: { authorization: 'Bearer ghs_emulator_token' }
    });
    expect(bearer.status).toBe(200);
    const none = await fetch(`${api.url}/repos/acme/shop`);
    expect(none.status).toBe(401);
  });

  it('paginates issue comments with per_page/page and Link headers', async () => {
    const first = await call('/repos/acme/shop/issues/7/comments?per_page=20');
    expect(first.body).toHaveLength(20);
    expect(first.body[0].body).toBe('comment 1');
    const link = first.headers.get('link')!;
    expect(link).toContain(`<${api.url}/repos/acme/shop/issues/7/comments?per_page=20&page=2>; rel="next"`);
    expect(link).toContain('page=3>; rel="last"');
    const last = await call('/repos/acme/shop/issues/7/comments?per_page=20&page=3');
    expect(last.body.map((c: { body: string }) => c.body)).toEqual([
      'comment 41',
      'comment 42',
      'comment 43',
      'comment 44',
      'comment 45'
    ]);
    expect(last.headers.get('link')).toContain('rel="prev"');
    expect(last.headers.get('link')).not.toContain('rel="next"');
    const defaults = await call('/repos/acme/shop/issues/7/comments');
    expect(defaults.body).toHaveLength(30);
    expect((await call('/repos/acme/shop/issues/8/comments')).body).toEqual([]);
  });

  it('creates and updates comments', async () => {
    const created = await call('/repos/acme/shop/issues/9/comments', {
      method: 'POST',
      body: JSON.stringify({ body: 'hello' })
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ body: 'hello', user: { login: 'github-actions[bot]', type: 'Bot' } });
    expect(created.body.issue_url).toBe(`${api.url}/repos/acme/shop/issues/9`);
    const id = created.body.id as number;
    const updated = await call(`/repos/acme/shop/issues/comments/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ body: 'edited' })
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, body: 'edited' });
    expect(api.state.comments('acme', 'shop', 9).map((c) => c.body)).toEqual(['edited']);
    expect(
      (await call('/repos/acme/shop/issues/comments/999999', { method: 'PATCH', body: '{"body":"x"}' })).status
    ).toBe(404);
    expect((await call('/repos/acme/shop/issues/9/comments', { method: 'POST', body: '{}' })).status).toBe(422);
  });

  it('lists deployments newest first with filters, and their statuses', async () => {
    const all = await call('/repos/acme/shop/deployments');
    expect(all.body.map((d: { sha: string; environment: string }) => `${d.environment}@${d.sha[0]}`)).toEqual([
      'production@b',
      'staging@b',
      'production@a'
    ]);
    const prod = await call('/repos/acme/shop/deployments?environment=production&per_page=1');
    expect(prod.body).toHaveLength(1);
    expect(prod.headers.get('link')).toContain('rel="next"');
    const bySha = await call(`/repos/acme/shop/deployments?sha=${SHA_A}`);
    expect(bySha.body).toHaveLength(1);
    const statuses = await call(`/repos/acme/shop/deployments/${bySha.body[0].id}/statuses`);
    expect(statuses.body.map((s: { state: string }) => s.state)).toEqual(['success', 'in_progress']);
    expect((await call('/repos/acme/shop/deployments/1/statuses')).status).toBe(404);
  });

  it('creates deployments (resolving refs) and statuses, marking older successes inactive', async () => {
    const created = await call('/repos/acme/shop/deployments', {
      method: 'POST',
      body: JSON.stringify({ ref: 'main', environment: 'production', description: 'deploy v2', payload: { v: 2 } })
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      sha: SHA_B,
      ref: 'main',
      environment: 'production',
      task: 'deploy',
      payload: { v: 2 }
    });
    const status = await call(`/repos/acme/shop/deployments/${created.body.id}/statuses`, {
      method: 'POST',
      body: JSON.stringify({ state: 'success', environment_url: 'https://shop.example' })
    });
    expect(status.status).toBe(201);
    expect(status.body).toMatchObject({
      state: 'success',
      environment: 'production',
      environment_url: 'https://shop.example'
    });
    const older = api.state.repo('acme', 'shop').deployments.find((d) => d.sha === SHA_A)!;
    const olderStatuses = await call(`/repos/acme/shop/deployments/${older.id}/statuses`);
    expect(olderStatuses.body[0].state).toBe('inactive');
    expect(
      (await call('/repos/acme/shop/deployments', { method: 'POST', body: JSON.stringify({ ref: 'nope' }) })).status
    ).toBe(422);
  });

  it('lists pull requests by state and base, newest first, paginated', async () => {
    const numbers = async (query: string) =>
      (await call(`/repos/acme/shop/pulls${query}`)).body.map((p: { number: number }) => p.number);
    expect(await numbers('')).toEqual([3, 2]);
    expect(await numbers('?state=closed')).toEqual([4, 1]);
    expect(await numbers('?state=all&base=main')).toEqual([4, 2, 1]);
    expect(await numbers('?state=all&base=main&direction=asc')).toEqual([1, 2, 4]);
    const paged = await call('/repos/acme/shop/pulls?state=all&per_page=2&page=2');
    expect(paged.body.map((p: { number: number }) => p.number)).toEqual([2, 1]);
    expect(paged.headers.get('link')).toContain('rel="first"');
    const merged = (await call('/repos/acme/shop/pulls/1')).body;
    expect(merged).toMatchObject({ state: 'closed', merged_at: '2024-02-01T10:00:00Z', base: { ref: 'main' } });
    expect(merged.merge_commit_sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('lists workflow runs with total_count, filters and pagination', async () => {
    const page = await call('/repos/acme/shop/actions/runs?per_page=10');
    expect(page.body.total_count).toBe(25);
    expect(page.body.workflow_runs).toHaveLength(10);
    expect(page.body.workflow_runs[0].created_at).toBe('2024-03-02T00:00:00.000Z');
    expect(page.headers.get('link')).toContain('page=3>; rel="last"');
    const main = await call('/repos/acme/shop/actions/runs?branch=main&status=failure');
    expect(main.body.total_count).toBe(main.body.workflow_runs.length);
    expect(
      main.body.workflow_runs.every(
        (r: { head_branch: string; conclusion: string }) => r.head_branch === 'main' && r.conclusion === 'failure'
      )
    ).toBe(true);
    const dated = await call('/repos/acme/shop/actions/runs?created=2024-03-01T05:00:00Z..2024-03-01T09:00:00Z');
    expect(dated.body.total_count).toBe(5);
    const byFile = await call('/repos/acme/shop/actions/workflows/deploy.yml/runs?per_page=1');
    expect(byFile.body.total_count).toBe(25);
  });

  it('returns commits by sha, short sha or branch; 422 for unknown', async () => {
    const commit = await call(`/repos/acme/shop/commits/${SHA_A}`);
    expect(commit.body).toMatchObject({
      sha: SHA_A,
      commit: { message: 'Add checkout', author: { date: '2024-01-29T09:00:00Z' } }
    });
    expect(commit.body.parents).toEqual([{ sha: SHA_B, url: `${api.url}/repos/acme/shop/commits/${SHA_B}` }]);
    expect((await call('/repos/acme/shop/commits/aaaaaaa')).body.sha).toBe(SHA_A);
    expect((await call('/repos/acme/shop/commits/cafebabe')).status).toBe(422);
  });

  it('answers GraphQL from fixtures matched on the query text', async () => {
    const viewer = await call('/graphql', { method: 'POST', body: JSON.stringify({ query: '{ viewer { login } }' }) });
    expect(viewer.body).toEqual({ data: { viewer: { login: 'github-actions[bot]' } } });
    const pulls = await call('/graphql', {
      method: 'POST',
      body: JSON.stringify({
        query: 'query Pulls($owner: String!) { repository { id } }',
        variables: { owner: 'acme' }
      })
    });
    expect(pulls.body.data.repository.pullRequests).toEqual({ totalCount: 2, owner: 'acme' });
    const broken = await call('/graphql', { method: 'POST', body: JSON.stringify({ query: '{ broken }' }) });
    expect(broken.body.errors[0].type).toBe('RATE_LIMITED');
    const unknown = await call('/graphql', { method: 'POST', body: JSON.stringify({ query: '{ nothing }' }) });
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors[0].message).toMatch(/no GraphQL fixture/);
    expect(api.requests.at(-1)!.graphql).toEqual({ query: '{ nothing }', variables: {}, operationName: undefined });
  });

  it('injects faults for the next N requests, then recovers', async () => {
    api.failNext(2, 502);
    expect((await call('/repos/acme/shop')).status).toBe(502);
    expect(api.pendingFaults()).toBe(1);
    expect((await call('/repos/acme/shop')).status).toBe(502);
    expect((await call('/repos/acme/shop')).status).toBe(200);

    api.failNextWithSecondaryRateLimit(1, 3);
    const limited = await call('/repos/acme/shop');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.body.message).toMatch(/secondary rate limit/);

    api.failNextWithRateLimit(1, 30);
    const primary = await call('/repos/acme/shop');
    expect(primary.status).toBe(403);
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0');

    api.failNext(1, 500, {}, { match: (request) => request.method === 'POST' });
    expect((await call('/repos/acme/shop')).status).toBe(200);
    expect((await call('/repos/acme/shop/issues/1/comments', { method: 'POST', body: '{"body":"x"}' })).status).toBe(
      500
    );
    expect(api.pendingFaults()).toBe(0);
  });

  it('records every request with method, path, query, headers, body and status', async () => {
    const before = api.requests.length;
    await call('/repos/acme/shop/issues/5/comments?per_page=2', {
      method: 'POST',
      body: JSON.stringify({ body: 'logged' })
    });
    const recorded = api.requests.slice(before);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      method: 'POST',
      path: '/repos/acme/shop/issues/5/comments',
      query: { per_page: '2' },
      body: { body: 'logged' },
      status: 201
    });
    expect(recorded[0]!.headers.authorization).toBe('token ghs_emulator_token');
  });
});

describe('GitHub API emulator: history, compare, issues, releases and the built-in GraphQL operations', () => {
  let api: GitHubApi;
  const c = (n: number) => String(n).repeat(40).slice(0, 40);
  const commits = Array.from({ length: 300 }, (_, i) => ({
    sha: `${i.toString(16).padStart(8, '0')}${'0'.repeat(32)}`,
    authorDate: new Date(Date.parse('2024-05-01T00:00:00Z') + i * 60_000).toISOString(),
    parents: i === 0 ? [] : [`${(i - 1).toString(16).padStart(8, '0')}${'0'.repeat(32)}`]
  }));
  const sha = (i: number) => commits[i]!.sha;
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${api.url}${path}`, {
      ...init,
      headers: { authorization: 'token t', 'content-type': 'application/json' }
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };
  const gql = (query: string, variables: Record<string, unknown>) =>
    call('/graphql', { method: 'POST', body: JSON.stringify({ query, variables }) });

  beforeAll(async () => {
    api = await startGitHubApi({
      fixtures: {
        token: 't',
        repos: [
          {
            owner: 'acme',
            name: 'log',
            commits,
            branches: { main: sha(299) },
            pulls: [
              {
                number: 9,
                mergedAt: '2024-05-01T05:00:00Z',
                mergeCommitSha: sha(299),
                commits: [sha(298), sha(299)],
                reviews: [{ submittedAt: '2024-05-01T04:00:00Z', user: { login: 'rev' } }],
                closesIssues: [3],
                labels: ['hotfix']
              }
            ],
            deployments: [
              { sha: sha(10), createdAt: '2024-05-01T01:00:00Z', statuses: [{ state: 'success' }] },
              {
                sha: sha(299),
                createdAt: '2024-05-01T06:00:00Z',
                payload: { rollback: true },
                statuses: [{ state: 'failure' }]
              }
            ],
            issues: [
              {
                number: 3,
                title: 'Down',
                labels: ['incident'],
                createdAt: '2024-05-02T00:00:00Z',
                closedAt: '2024-05-02T01:00:00Z'
              },
              { number: 4, title: 'Other', labels: ['bug'], createdAt: '2024-05-03T00:00:00Z' }
            ],
            releases: [
              { tagName: 'v1', publishedAt: '2024-05-04T00:00:00Z' },
              { tagName: 'v2', draft: true }
            ],
            tags: [{ name: 'v1', sha: sha(5) }]
          }
        ]
      }
    });
  });
  afterAll(async () => api.stop());

  it('compares: 250 most recent commits unpaged, every commit by Link pages, status and counts', async () => {
    const unpaged = await call(`/repos/acme/log/compare/${sha(0)}...${sha(299)}`);
    expect(unpaged.body).toMatchObject({ status: 'ahead', ahead_by: 299, behind_by: 0, total_commits: 299 });
    expect(unpaged.body.commits).toHaveLength(250);
    expect(unpaged.body.commits.at(-1).sha).toBe(sha(299));
    const page1 = await call(`/repos/acme/log/compare/${sha(0)}...${sha(299)}?per_page=100`);
    expect(page1.body.commits[0].sha).toBe(sha(1));
    expect(page1.headers.get('link')).toContain('page=3>; rel="last"');
    const behind = await call(`/repos/acme/log/compare/${sha(20)}...${sha(10)}`);
    expect(behind.body).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 10 });
    expect((await call(`/repos/acme/log/compare/${c(1)}...${sha(1)}`)).status).toBe(404);
  });

  it('lists PR reviews and commits, finds a PR by any of its commits', async () => {
    expect((await call('/repos/acme/log/pulls/9/reviews')).body[0]).toMatchObject({
      submitted_at: '2024-05-01T04:00:00Z',
      user: { login: 'rev' }
    });
    expect((await call('/repos/acme/log/pulls/9/commits')).body.map((x: { sha: string }) => x.sha)).toEqual([
      sha(298),
      sha(299)
    ]);
    expect(
      (await call(`/repos/acme/log/commits/${sha(298)}/pulls`)).body.map((p: { number: number }) => p.number)
    ).toEqual([9]);
  });

  it('lists issues by label and state with close times; releases without drafts; tags', async () => {
    const incidents = await call('/repos/acme/log/issues?labels=incident&state=all');
    expect(incidents.body.map((i: { number: number; closed_at: string }) => [i.number, i.closed_at])).toEqual([
      [3, '2024-05-02T01:00:00Z']
    ]);
    expect((await call('/repos/acme/log/issues')).body.map((i: { number: number }) => i.number)).toEqual([4]);
    const releases = (await call('/repos/acme/log/releases')).body;
    expect(releases.map((r: { tag_name: string; draft: boolean }) => [r.tag_name, r.draft])).toEqual([
      ['v2', true],
      ['v1', false]
    ]);
    expect((await call('/repos/acme/log/tags')).body[0]).toMatchObject({ name: 'v1', commit: { sha: sha(5) } });
  });

  it('answers the named GraphQL operations from the repository state', async () => {
    const deployments = await gql('query DoraDeployments($owner: String!) { ... }', {
      owner: 'acme',
      name: 'log',
      environments: ['production'],
      first: 1,
      historyDepth: 3
    });
    const page = deployments.body.data.repository.deployments;
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.nodes[0]).toMatchObject({
      commitOid: sha(299),
      payload: '{"rollback":true}',
      statuses: { nodes: [{ state: 'FAILURE' }] }
    });
    expect(page.nodes[0].commit.history.nodes.map((n: { oid: string }) => n.oid)).toEqual([
      sha(299),
      sha(298),
      sha(297)
    ]);
    expect(page.nodes[0].commit.history.nodes[0].associatedPullRequests.nodes[0].number).toBe(9);
    const next = await gql('query DoraDeployments { }', {
      owner: 'acme',
      name: 'log',
      first: 1,
      after: page.pageInfo.endCursor
    });
    expect(next.body.data.repository.deployments.nodes[0].commitOid).toBe(sha(10));
    const pulls = await gql('query DoraPullRequests { }', {
      ids: [page.nodes[0].commit.history.nodes[0].associatedPullRequests.nodes[0].id]
    });
    expect(pulls.body.data.nodes[0]).toMatchObject({
      number: 9,
      labels: { nodes: [{ name: 'hotfix' }] },
      closingIssuesReferences: { nodes: [{ number: 3 }] }
    });
    const history = await gql('query DoraCommitHistory { }', { ids: [page.nodes[0].commit.id], depth: 100 });
    expect(history.body.data.nodes[0].history.nodes).toHaveLength(100);
    const missing = await gql('query DoraTags { }', { owner: 'acme', name: 'nope' });
    expect(missing.body.errors[0].type).toBe('NOT_FOUND');
  });

  it('counts requests per route, including faulted ones', async () => {
    const from = api.requests.length;
    api.failNextWithTooManyRequests(1, 1);
    expect((await call('/repos/acme/log/tags')).status).toBe(429);
    await call('/repos/acme/log/tags');
    await gql('query DoraTags { }', { owner: 'acme', name: 'log' });
    expect(api.requestCounts(from)).toEqual({
      total: 3,
      rest: 2,
      graphql: 1,
      failed: 1,
      byRoute: { 'GET /repos/:owner/:repo/tags': 2, 'POST /graphql DoraTags': 1 }
    });
  });
});
