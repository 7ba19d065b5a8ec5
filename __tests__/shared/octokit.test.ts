import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import {
  DEFAULT_GITHUB_API_URL,
  createOctokit,
  githubApiUrlFromEnv,
  githubGraphqlUrlFromEnv,
  redactToken,
  type OctokitLogger
} from '../../shared/src/actions/octokit.js';

const TOKEN = 'ghs_SuperSecretToken123';

function recordingLogger(): OctokitLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`)
  };
}

describe('githubApiUrlFromEnv', () => {
  it('reads GITHUB_API_URL, defaulting to api.github.com', () => {
    expect(githubApiUrlFromEnv({})).toBe(DEFAULT_GITHUB_API_URL);
    expect(githubApiUrlFromEnv({ GITHUB_API_URL: '' })).toBe('https://api.github.com');
    expect(githubApiUrlFromEnv({ GITHUB_API_URL: 'https://ghe.example/api/v3/' })).toBe('https://ghe.example/api/v3');
  });

  it('derives the GraphQL URL when GITHUB_GRAPHQL_URL is unset', () => {
    expect(githubGraphqlUrlFromEnv({})).toBe('https://api.github.com/graphql');
    expect(githubGraphqlUrlFromEnv({ GITHUB_API_URL: 'https://ghe.example/api/v3' })).toBe(
      'https://ghe.example/api/graphql'
    );
    expect(githubGraphqlUrlFromEnv({ GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql' })).toBe(
      'http://127.0.0.1:9/graphql'
    );
  });
});

describe('createOctokit against the GitHub API emulator', () => {
  let api: GitHubApi;
  let logger: ReturnType<typeof recordingLogger>;

  beforeAll(async () => {
    api = await startGitHubApi({
      fixtures: {
        token: TOKEN,
        repos: [
          {
            owner: 'acme',
            name: 'shop',
            comments: Array.from({ length: 45 }, (_, i) => ({ issueNumber: 3, body: `c${i}` }))
          }
        ],
        graphql: [{ match: 'viewer', data: { viewer: { login: 'github-actions[bot]' } } }]
      }
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  beforeEach(() => {
    logger = recordingLogger();
  });

  const client = (extra: Partial<Parameters<typeof createOctokit>[0]> = {}) =>
    createOctokit({
      token: TOKEN,
      baseUrl: githubApiUrlFromEnv({ GITHUB_API_URL: api.url }),
      logger,
      retryAfterBaseValue: 10,
      ...extra
    });

  it('talks to the configured base URL with the token and a user agent', async () => {
    const before = api.requests.length;
    const { data } = await client().rest.repos.get({ owner: 'acme', repo: 'shop' });
    expect(data.full_name).toBe('acme/shop');
    const request = api.requests[before]!;
    expect(request.headers.authorization).toBe(`token ${TOKEN}`);
    expect(request.headers['user-agent']).toMatch(/^ubos-actions /);
    expect(createOctokit({ token: TOKEN, baseUrl: api.url, userAgent: 'dora-report/1' })).toBeDefined();
  });

  it('requires a token', () => {
    expect(() => createOctokit({ token: '' })).toThrow(/token is required/);
  });

  it('paginates through Link headers', async () => {
    const before = api.requests.length;
    const comments = await client().paginate(client().rest.issues.listComments, {
      owner: 'acme',
      repo: 'shop',
      issue_number: 3,
      per_page: 20
    });
    expect(comments).toHaveLength(45);
    expect(api.requests.slice(before).map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
  });

  it('runs GraphQL queries against <baseUrl>/graphql', async () => {
    const result = await client().graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    expect(result.viewer.login).toBe('github-actions[bot]');
  });

  it('retries a 5xx and succeeds', async () => {
    api.failNext(2, 502);
    const before = api.requests.length;
    const { data } = await client().rest.repos.get({ owner: 'acme', repo: 'shop' });
    expect(data.name).toBe('shop');
    expect(api.requests.slice(before).map((r) => r.status)).toEqual([502, 502, 200]);
    expect(logger.lines).toEqual([
      'info: retrying GET /repos/acme/shop (retry 1)',
      'info: retrying GET /repos/acme/shop (retry 2)'
    ]);
  });

  it('gives up after the configured number of 5xx retries', async () => {
    api.failNext(5, 503);
    const before = api.requests.length;
    await expect(client({ retries: 1 }).rest.repos.get({ owner: 'acme', repo: 'shop' })).rejects.toMatchObject({
      status: 503
    });
    expect(api.requests.length - before).toBe(2);
    api.clearFaults();
  });

  it('does not retry a 404', async () => {
    const before = api.requests.length;
    await expect(client().rest.repos.get({ owner: 'acme', repo: 'nope' })).rejects.toMatchObject({ status: 404 });
    expect(api.requests.length - before).toBe(1);
  });

  it('waits out a secondary rate limit (retry-after 1 s, real time) and logs it through the logger', async () => {
    api.failNextWithSecondaryRateLimit(1, 1);
    const before = api.requests.length;
    const started = Date.now();
    const { data } = await client({ retryAfterBaseValue: undefined }).rest.repos.get({ owner: 'acme', repo: 'shop' });
    expect(data.name).toBe('shop');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(api.requests.slice(before).map((r) => r.status)).toEqual([403, 200]);
    expect(logger.lines).toContain(
      'warning: GitHub secondary rate limit for GET /repos/acme/shop; retrying in 1 s (retry 1 of 2)'
    );
  }, 20_000);

  it('retries a secondary rate limit on a write', async () => {
    api.failNextWithSecondaryRateLimit(1, 1);
    const before = api.requests.length;
    const { data } = await client({ requestSpacing: false }).rest.issues.createComment({
      owner: 'acme',
      repo: 'shop',
      issue_number: 11,
      body: 'after limit'
    });
    expect(data.body).toBe('after limit');
    expect(api.requests.slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 403', 'POST 201']);
  }, 20_000);

  it('spaces comment writes 3 s apart by default (GitHub asks for it), and not with requestSpacing: false', async () => {
    const post = (octokit: ReturnType<typeof client>, body: string) =>
      octokit.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 12, body });
    const gap = async (octokit: ReturnType<typeof client>): Promise<number> => {
      const before = api.requests.length;
      await post(octokit, 'one');
      await post(octokit, 'two');
      const [first, second] = api.requests.slice(before);
      return second!.receivedAt - first!.receivedAt;
    };
    expect(await gap(client({ requestSpacing: false }))).toBeLessThan(1000);
    expect(await gap(client())).toBeGreaterThanOrEqual(2500);
  }, 30_000);

  it("treats retry-after: 0 like a missing header: the plugin falls back to 60 s (GitHub's advice)", async () => {
    api.failNextWithSecondaryRateLimit(1, 0);
    await client({ retryAfterBaseValue: 5 }).rest.repos.get({ owner: 'acme', repo: 'shop' });
    expect(logger.lines).toContain(
      'warning: GitHub secondary rate limit for GET /repos/acme/shop; retrying in 60 s (retry 1 of 2)'
    );
  });

  it('waits out a primary rate limit until x-ratelimit-reset', async () => {
    api.failNextWithRateLimit(1, 1);
    const before = api.requests.length;
    await client().rest.repos.get({ owner: 'acme', repo: 'shop' });
    expect(api.requests.slice(before).map((r) => r.status)).toEqual([403, 200]);
    expect(logger.lines.some((l) => l.startsWith('warning: GitHub primary rate limit'))).toBe(true);
  });

  it('gives up on a rate limit after N retries, or at once when the wait is too long', async () => {
    api.failNextWithSecondaryRateLimit(3, 1);
    const before = api.requests.length;
    await expect(client().rest.repos.get({ owner: 'acme', repo: 'shop' })).rejects.toMatchObject({ status: 403 });
    expect(api.requests.length - before).toBe(3);
    expect(logger.lines.at(-1)).toMatch(/giving up after 2 retries/);

    api.failNextWithSecondaryRateLimit(1, 3600);
    const again = api.requests.length;
    await expect(client().rest.repos.get({ owner: 'acme', repo: 'shop' })).rejects.toMatchObject({ status: 403 });
    expect(api.requests.length - again).toBe(1);
    expect(logger.lines.at(-1)).toMatch(/lifts in 3600 s, longer than 60 s: giving up/);
  });

  it('never puts the token in errors (bad credentials, echoed token, network failure)', async () => {
    const badClient = createOctokit({ token: 'ghs_wrong_token_value', baseUrl: api.url, logger, retries: 0 });
    const unauthorized = await badClient.rest.repos.get({ owner: 'acme', repo: 'shop' }).catch((e: unknown) => e);
    expect(unauthorized).toMatchObject({ status: 401 });
    expect(JSON.stringify(unauthorized)).not.toContain('ghs_wrong_token_value');
    expect(String((unauthorized as Error).stack)).not.toContain('ghs_wrong_token_value');

    api.failNext(1, 400, {}, { body: { message: `token ${TOKEN} is not allowed here` } });
    const echoed = (await client()
      .rest.repos.get({ owner: 'acme', repo: 'shop' })
      .catch((e: unknown) => e)) as Error & {
      request: { headers: Record<string, string> };
    };
    expect(echoed.message).toContain('token *** is not allowed here');
    expect(echoed.message).not.toContain(TOKEN);
    expect(echoed.stack).not.toContain(TOKEN);
    expect(echoed.request.headers.authorization).toBe('[REDACTED]');
    expect(JSON.stringify(echoed)).not.toContain(TOKEN);

    // Nothing listens on port 9 (discard): a connection failure, retried, then reported without the token.
    const offline = createOctokit({
      token: TOKEN,
      baseUrl: 'http://127.0.0.1:9',
      logger,
      retries: 1,
      retryAfterBaseValue: 1
    });
    const failure = (await offline.rest.repos.get({ owner: 'acme', repo: 'shop' }).catch((e: unknown) => e)) as Error;
    expect(failure).toBeInstanceOf(Error);
    expect(`${failure.message}\n${failure.stack}\n${JSON.stringify(failure)}`).not.toContain(TOKEN);
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
  });

  it('redactToken scrubs message, stack and headers of any error', () => {
    const error = Object.assign(new Error('leaked abc123 here'), {
      request: { headers: { Authorization: 'token abc123', 'x-other': 'abc123' } }
    });
    redactToken(error, 'abc123');
    expect(error.message).toBe('leaked *** here');
    expect(error.stack).not.toContain('abc123');
    expect(error.request.headers).toEqual({ Authorization: '[REDACTED]', 'x-other': '***' });
    expect(redactToken('plain', 'abc123')).toBe('plain');
  });
});
