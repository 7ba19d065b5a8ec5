import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { createOctokit, type GitHubClient } from '../../shared/src/actions/octokit.js';
import {
  MAX_COMMENT_LENGTH,
  isStickyComment,
  stickyCommentBody,
  stickyMarker,
  upsertStickyComment
} from '../../shared/src/actions/sticky-comment.js';

const TOKEN = 'ghs_sticky_test_token';
const MARKER = '<!-- ubos-actions:migration-safety -->';

describe('sticky comment helpers', () => {
  it('builds the hidden marker and prepends it', () => {
    expect(stickyMarker('migration-safety')).toBe(MARKER);
    expect(stickyCommentBody('migration-safety', 'Report')).toBe(`${MARKER}\nReport`);
    expect(() => stickyMarker('bad marker')).toThrow(/invalid sticky comment marker/);
    expect(() => stickyMarker('a--b')).toThrow(/invalid/);
    expect(() => stickyMarker('x-->')).toThrow(/invalid/);
  });

  it('recognises only comments that start with the marker', () => {
    expect(isStickyComment(`${MARKER}\nbody`, 'migration-safety')).toBe(true);
    expect(isStickyComment(`\n  ${MARKER}\nbody`, 'migration-safety')).toBe(true);
    expect(isStickyComment(`> ${MARKER}\n> body\n\nThanks!`, 'migration-safety')).toBe(false);
    expect(isStickyComment(`${MARKER}\nbody`, 'contract-test')).toBe(false);
    expect(isStickyComment(null, 'migration-safety')).toBe(false);
  });

  it("truncates bodies over GitHub's limit with a note", () => {
    const body = stickyCommentBody('big', 'x'.repeat(MAX_COMMENT_LENGTH));
    expect(body.length).toBe(MAX_COMMENT_LENGTH);
    expect(body.startsWith('<!-- ubos-actions:big -->\n')).toBe(true);
    expect(body).toMatch(/truncated/);
  });
});

describe('upsertStickyComment against the GitHub API emulator', () => {
  let api: GitHubApi;
  let octokit: GitHubClient;
  const warnings: string[] = [];

  beforeAll(async () => {
    api = await startGitHubApi({
      fixtures: {
        token: TOKEN,
        repos: [
          {
            owner: 'acme',
            name: 'shop',
            comments: [
              // PR 20: 150 comments from people; the sticky one is on the third page (per_page 100 => page 2).
              ...Array.from({ length: 150 }, (_, i) => ({
                issueNumber: 20,
                body: `review comment ${i}`,
                user: { login: 'alice' }
              })),
              { issueNumber: 20, body: `${MARKER}\nold report` },
              { issueNumber: 20, body: `> ${MARKER}\n> old report\n\nI disagree`, user: { login: 'bob' } },
              { issueNumber: 21, body: `${MARKER}\nsame report` },
              { issueNumber: 23, body: '<!-- ubos-actions:contract-test -->\nother action' }
            ]
          }
        ]
      }
    });
    octokit = createOctokit({
      token: TOKEN,
      baseUrl: api.url,
      retryAfterBaseValue: 20,
      requestSpacing: false,
      logger: { debug: () => undefined, info: () => undefined, warning: (message) => warnings.push(message) }
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  const since = (count: number) =>
    api.requests.slice(count).map((r) => `${r.method} ${r.path}${r.query.page ? `?page=${r.query.page}` : ''}`);

  it('creates the comment with the marker when there is none', async () => {
    const before = api.requests.length;
    const result = await upsertStickyComment(octokit, {
      owner: 'acme',
      repo: 'shop',
      issueNumber: 22,
      marker: 'migration-safety',
      body: '## Migration safety\nAll good'
    });
    expect(result.action).toBe('created');
    expect(result.url).toContain('/pull/22#issuecomment-');
    const comments = api.state.comments('acme', 'shop', 22);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ id: result.id, body: `${MARKER}\n## Migration safety\nAll good` });
    expect(since(before)).toEqual([
      'GET /repos/acme/shop/issues/22/comments',
      'POST /repos/acme/shop/issues/22/comments'
    ]);
  });

  it("ignores another action's sticky comment", async () => {
    const result = await upsertStickyComment(octokit, {
      owner: 'acme',
      repo: 'shop',
      issueNumber: 23,
      marker: 'migration-safety',
      body: 'mine'
    });
    expect(result.action).toBe('created');
    expect(api.state.comments('acme', 'shop', 23).map((c) => c.body)).toEqual([
      '<!-- ubos-actions:contract-test -->\nother action',
      `${MARKER}\nmine`
    ]);
  });

  it('finds the existing comment on a later page and updates it in place, not the quote-reply', async () => {
    const before = api.requests.length;
    const existing = api.state.comments('acme', 'shop', 20).find((c) => c.body === `${MARKER}\nold report`)!;
    const quote = api.state.comments('acme', 'shop', 20).find((c) => c.user.login === 'bob')!;
    const result = await upsertStickyComment(octokit, {
      owner: 'acme',
      repo: 'shop',
      issueNumber: 20,
      marker: 'migration-safety',
      body: 'new report'
    });
    expect(result).toMatchObject({ id: existing.id, action: 'updated' });
    expect(since(before)).toEqual([
      'GET /repos/acme/shop/issues/20/comments',
      'GET /repos/acme/shop/issues/20/comments?page=2',
      `PATCH /repos/acme/shop/issues/comments/${existing.id}`
    ]);
    const comments = api.state.comments('acme', 'shop', 20);
    expect(comments).toHaveLength(152);
    expect(comments.find((c) => c.id === existing.id)!.body).toBe(`${MARKER}\nnew report`);
    expect(comments.find((c) => c.id === quote.id)!.body).toContain('I disagree');
  });

  it('leaves the comment alone when the body is unchanged (line endings and trailing space aside)', async () => {
    const before = api.requests.length;
    const result = await upsertStickyComment(octokit, {
      owner: 'acme',
      repo: 'shop',
      issueNumber: 21,
      marker: 'migration-safety',
      body: 'same report\r\n'
    });
    expect(result.action).toBe('unchanged');
    expect(result.id).toBe(api.state.comments('acme', 'shop', 21)[0]!.id);
    expect(since(before)).toEqual(['GET /repos/acme/shop/issues/21/comments']);
  });

  it('is idempotent: a second run with the same body changes nothing', async () => {
    const options = { owner: 'acme', repo: 'shop', issueNumber: 24, marker: 'health-gate', body: 'healthy' };
    const first = await upsertStickyComment(octokit, options);
    const second = await upsertStickyComment(octokit, options);
    const third = await upsertStickyComment(octokit, { ...options, body: 'degraded' });
    expect([first.action, second.action, third.action]).toEqual(['created', 'unchanged', 'updated']);
    expect(new Set([first.id, second.id, third.id]).size).toBe(1);
    expect(api.state.comments('acme', 'shop', 24)).toHaveLength(1);
  });

  it('retries through 5xx errors on listing and on the write', async () => {
    api.failNext(1, 502, {}, { match: (r) => r.method === 'GET' });
    api.failNext(1, 500, {}, { match: (r) => r.method === 'POST' });
    const before = api.requests.length;
    const result = await upsertStickyComment(octokit, {
      owner: 'acme',
      repo: 'shop',
      issueNumber: 25,
      marker: 'canary',
      body: 'ok'
    });
    expect(result.action).toBe('created');
    expect(api.requests.slice(before).map((r) => `${r.method} ${r.status}`)).toEqual([
      'GET 502',
      'GET 200',
      'POST 500',
      'POST 201'
    ]);
    expect(api.state.comments('acme', 'shop', 25)).toHaveLength(1);
  });

  it('retries through a secondary rate limit with retry-after', async () => {
    api.failNextWithSecondaryRateLimit(1, 1);
    const before = api.requests.length;
    const result = await upsertStickyComment(octokit, {
      owner: 'acme',
      repo: 'shop',
      issueNumber: 20,
      marker: 'migration-safety',
      body: 'third report'
    });
    expect(result.action).toBe('updated');
    expect(api.requests.slice(before).map((r) => r.status)).toEqual([403, 200, 200, 200]);
    expect(warnings).toEqual([
      'GitHub secondary rate limit for GET /repos/acme/shop/issues/20/comments?per_page=100; retrying in 1 s (retry 1 of 2)'
    ]);
  });

  it('fails with the API error after the retries run out', async () => {
    api.failNext(10, 503);
    await expect(
      upsertStickyComment(octokit, { owner: 'acme', repo: 'shop', issueNumber: 26, marker: 'canary', body: 'x' })
    ).rejects.toMatchObject({ status: 503 });
    api.clearFaults();
  });
});
