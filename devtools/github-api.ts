/**
 * A GitHub API emulator on node:http for the actions that talk to GitHub (PR comments, deployment records,
 * DORA reports): a REST subset with GitHub's JSON shapes and Link-header pagination, a GraphQL endpoint that
 * answers from fixtures matched on the query text (and, for a few named operations, from the repository state:
 * see BUILTIN_GRAPHQL_OPERATIONS), bearer/token auth, fault injection (secondary rate limits, 429, 5xx) and a log of
 * every request with per-route counts.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';

// ---------------------------------------------------------------------------------------------- fixtures

export interface UserFixture {
  login: string;
  id?: number;
  type?: 'User' | 'Bot' | 'Organization';
}

export interface CommentFixture {
  issueNumber: number;
  body: string;
  id?: number;
  user?: UserFixture;
  createdAt?: string;
  updatedAt?: string;
}

export interface DeploymentStatusFixture {
  state: DeploymentState;
  id?: number;
  description?: string;
  environmentUrl?: string;
  logUrl?: string;
  createdAt?: string;
}

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface DeploymentFixture {
  sha: string;
  id?: number;
  ref?: string;
  task?: string;
  environment?: string;
  description?: string | null;
  payload?: unknown;
  createdAt?: string;
  updatedAt?: string;
  creator?: UserFixture;
  productionEnvironment?: boolean;
  transientEnvironment?: boolean;
  /** Oldest first. */
  statuses?: DeploymentStatusFixture[];
}

export interface PullFixture {
  number: number;
  title?: string;
  state?: 'open' | 'closed';
  base?: string;
  head?: string;
  headSha?: string;
  mergeCommitSha?: string | null;
  createdAt?: string;
  updatedAt?: string;
  closedAt?: string | null;
  mergedAt?: string | null;
  user?: UserFixture;
  draft?: boolean;
  labels?: string[];
  body?: string | null;
  /** The PR's commits (shas of CommitFixtures), oldest first: `pulls/{n}/commits`, and `commits/{sha}/pulls` finds them. */
  commits?: string[];
  /** Oldest first. */
  reviews?: ReviewFixture[];
  /** Issue numbers the PR closes (GraphQL `closingIssuesReferences`). */
  closesIssues?: number[];
}

export interface ReviewFixture {
  id?: number;
  user?: UserFixture;
  state?: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  body?: string;
  submittedAt?: string;
}

export interface IssueFixture {
  number: number;
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  labels?: string[];
  createdAt?: string;
  updatedAt?: string;
  closedAt?: string | null;
  user?: UserFixture;
}

export interface ReleaseFixture {
  tagName: string;
  id?: number;
  name?: string | null;
  body?: string | null;
  targetCommitish?: string;
  draft?: boolean;
  prerelease?: boolean;
  createdAt?: string;
  publishedAt?: string | null;
  author?: UserFixture;
}

export interface TagFixture {
  name: string;
  sha: string;
}

export interface WorkflowRunFixture {
  id?: number;
  name?: string;
  workflowId?: number;
  /** e.g. `.github/workflows/deploy.yml` */
  path?: string;
  headBranch?: string;
  headSha?: string;
  event?: string;
  status?: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion?: 'success' | 'failure' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | 'neutral' | null;
  createdAt?: string;
  updatedAt?: string;
  runStartedAt?: string;
  runAttempt?: number;
  runNumber?: number;
  actor?: UserFixture;
}

export interface CommitFixture {
  sha: string;
  message?: string;
  authorName?: string;
  authorEmail?: string;
  authorDate?: string;
  committerName?: string;
  committerEmail?: string;
  committerDate?: string;
  parents?: string[];
  files?: { filename: string; status?: string; additions?: number; deletions?: number }[];
}

export interface RepoFixture {
  owner: string;
  name: string;
  id?: number;
  defaultBranch?: string;
  private?: boolean;
  description?: string | null;
  /** Branch name -> head sha (used to resolve refs). */
  branches?: Record<string, string>;
  comments?: CommentFixture[];
  deployments?: DeploymentFixture[];
  pulls?: PullFixture[];
  workflowRuns?: WorkflowRunFixture[];
  commits?: CommitFixture[];
  /** Issues (not pull requests; the REST list here never mixes pulls in). */
  issues?: IssueFixture[];
  releases?: ReleaseFixture[];
  /** Lightweight tags. */
  tags?: TagFixture[];
}

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

export interface GraphqlFixture {
  /** Substring of the query text, a RegExp tested on it, or a predicate. */
  match: string | RegExp | ((request: GraphqlRequest) => boolean);
  /** The `data` of the response (or a function of the request computing it). */
  data?: Record<string, unknown> | null | ((request: GraphqlRequest, state: GitHubState) => unknown);
  /** GraphQL `errors` to include. */
  errors?: unknown[];
  /** Full control: the whole response body. */
  body?: (request: GraphqlRequest, state: GitHubState) => unknown;
  status?: number;
}

export interface GitHubFixtures {
  /** The token clients must send (`Authorization: token X` or `Bearer X`). Default `test-token`. */
  token?: string;
  /** The authenticated user (author of created comments and deployments). */
  user?: UserFixture;
  repos?: RepoFixture[];
  graphql?: GraphqlFixture[];
}

// ---------------------------------------------------------------------------------------------- records

export interface SimpleUser {
  login: string;
  id: number;
  node_id: string;
  type: string;
  site_admin: boolean;
  html_url: string;
}

export interface IssueComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: SimpleUser;
  created_at: string;
  updated_at: string;
  author_association: string;
}

export interface Deployment {
  id: number;
  node_id: string;
  url: string;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  original_environment: string;
  environment: string;
  description: string | null;
  creator: SimpleUser;
  created_at: string;
  updated_at: string;
  statuses_url: string;
  repository_url: string;
  transient_environment: boolean;
  production_environment: boolean;
}

export interface DeploymentStatus {
  id: number;
  node_id: string;
  url: string;
  state: DeploymentState;
  creator: SimpleUser;
  description: string;
  environment: string;
  target_url: string;
  log_url: string;
  environment_url: string;
  created_at: string;
  updated_at: string;
  deployment_url: string;
  repository_url: string;
}

export interface PullRequest {
  id: number;
  node_id: string;
  number: number;
  url: string;
  html_url: string;
  state: 'open' | 'closed';
  title: string;
  user: SimpleUser;
  draft: boolean;
  labels: { name: string }[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { ref: string; sha: string; label: string };
  base: { ref: string; sha: string; label: string };
}

export interface WorkflowRun {
  id: number;
  node_id: string;
  name: string;
  display_title: string;
  workflow_id: number;
  path: string;
  head_branch: string;
  head_sha: string;
  event: string;
  status: string;
  conclusion: string | null;
  run_number: number;
  run_attempt: number;
  created_at: string;
  updated_at: string;
  run_started_at: string;
  url: string;
  html_url: string;
  actor: SimpleUser;
  triggering_actor: SimpleUser;
}

export interface Commit {
  sha: string;
  node_id: string;
  url: string;
  html_url: string;
  commit: {
    message: string;
    author: { name: string; email: string; date: string };
    committer: { name: string; email: string; date: string };
  };
  author: SimpleUser | null;
  committer: SimpleUser | null;
  parents: { sha: string; url: string }[];
  files: { filename: string; status: string; additions: number; deletions: number; changes: number }[];
  stats: { additions: number; deletions: number; total: number };
}

export interface Issue {
  id: number;
  node_id: string;
  number: number;
  url: string;
  html_url: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: { id: number; name: string; color: string }[];
  user: SimpleUser;
  comments: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface Review {
  id: number;
  node_id: string;
  user: SimpleUser;
  body: string;
  state: string;
  html_url: string;
  pull_request_url: string;
  submitted_at: string;
  commit_id: string;
}

export interface Release {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  published_at: string | null;
  author: SimpleUser;
}

export interface Tag {
  name: string;
  node_id: string;
  commit: { sha: string; url: string };
  zipball_url: string;
  tarball_url: string;
}

export interface RepoState {
  owner: string;
  name: string;
  info: Record<string, unknown>;
  branches: Record<string, string>;
  /** Per issue/PR number, oldest first. */
  comments: Map<number, IssueComment[]>;
  /** Oldest first (listed newest first). */
  deployments: Deployment[];
  /** Per deployment id, oldest first (listed newest first). */
  deploymentStatuses: Map<number, DeploymentStatus[]>;
  pulls: PullRequest[];
  workflowRuns: WorkflowRun[];
  commits: Commit[];
  /** The same commits by sha. */
  commitsBySha: Map<string, Commit>;
  issues: Issue[];
  /** Per PR number, oldest first. */
  reviews: Map<number, Review[]>;
  /** Per PR number, the PR's commit shas, oldest first. */
  pullCommits: Map<number, string[]>;
  /** Per PR number, the issues it closes. */
  pullClosesIssues: Map<number, number[]>;
  /** Per PR number, the PR body. */
  pullBodies: Map<number, string | null>;
  releases: Release[];
  tags: Tag[];
}

export interface GitHubState {
  repos: Map<string, RepoState>;
  /** Throws when the repo is not in the fixtures. */
  repo(owner: string, name: string): RepoState;
  /** Comments on one issue/PR, oldest first (the live array). */
  comments(owner: string, name: string, issueNumber: number): IssueComment[];
  user: SimpleUser;
  nextId(): number;
}

export interface RecordedRequest {
  method: string;
  /** Path with query string. */
  url: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON when the body was JSON, else the raw text ('' when empty). */
  body: unknown;
  /** The status the emulator answered with. */
  status?: number;
  /** For POST /graphql, the parsed request. */
  graphql?: GraphqlRequest;
  /**
   * What was asked for, e.g. `GET /repos/:owner/:repo/compare/:basehead` or `POST /graphql DoraDeployments`
   * (`UNMATCHED` when no route matches); set for faulted requests too.
   */
  route?: string;
  /** Date.now() when the request was complete. */
  receivedAt: number;
}

export interface FailNextOptions {
  body?: unknown;
  /** Only requests for which this returns true consume the fault (default: every request). */
  match?: (request: RecordedRequest) => boolean;
}

export interface GitHubApi {
  /** Base URL for REST (`baseUrl` of Octokit, `GITHUB_API_URL`). */
  url: string;
  /** `GITHUB_GRAPHQL_URL`. */
  graphqlUrl: string;
  port: number;
  token: string;
  state: GitHubState;
  /** Every request, oldest first. */
  requests: RecordedRequest[];
  /**
   * The next n matching requests get `status` with `headers`. 403/429 default to GitHub's secondary rate limit
   * message (add `retry-after`), others to `{ message: 'Server Error' }`.
   */
  failNext(n: number, status?: number, headers?: Record<string, string>, options?: FailNextOptions): void;
  /** failNext(n, 403, { 'retry-after': seconds }) with the secondary rate limit message. */
  failNextWithSecondaryRateLimit(n: number, retryAfterSeconds?: number): void;
  /** 403 with x-ratelimit-remaining: 0 and a reset `resetInSeconds` from now (primary rate limit). */
  failNextWithRateLimit(n: number, resetInSeconds?: number): void;
  /** failNext(n, 429, { 'retry-after': seconds }) (GitHub's "too many requests"). */
  failNextWithTooManyRequests(n: number, retryAfterSeconds?: number): void;
  /** Requests (from index `from` of `requests` on) counted in total, REST, GraphQL and per route. */
  requestCounts(from?: number): RequestCounts;
  /** Faults not yet consumed. */
  pendingFaults(): number;
  /** Drops the faults not yet consumed. */
  clearFaults(): void;
  stop(): Promise<void>;
}

export interface RequestCounts {
  total: number;
  rest: number;
  graphql: number;
  /** Requests answered with a fault or an error status (>= 400). */
  failed: number;
  byRoute: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------- helpers

const FIXED_EPOCH = Date.parse('2024-01-01T00:00:00Z');
const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';

function fakeSha(seed: string): string {
  return crypto.createHash('sha1').update(seed).digest('hex');
}

function nodeId(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`).toString('base64').replace(/=+$/, '');
}

/** Commits are addressed by sha, so their node ids are too (a 7-digit prefix collides in big fixtures). */
export function commitNodeId(sha: string): string {
  return Buffer.from(`Commit:${sha}`).toString('base64').replace(/=+$/, '');
}

function cursorOf(offset: number): string {
  return Buffer.from(`cursor:${offset}`).toString('base64');
}

function offsetOf(cursor: unknown): number {
  if (typeof cursor !== 'string' || cursor === '') return 0;
  const match = /^cursor:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) + 1 : 0;
}

/** A binary max-heap, for git's date-ordered walk over big fixture histories. */
class MaxHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.before(items[l]!, items[best]!)) best = l;
        if (r < items.length && this.before(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {}
  ) {
    super(message);
  }
}

function notFound(): HttpError {
  return new HttpError(404, 'Not Found');
}

function toInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

interface Page<T> {
  items: T[];
  link?: string;
}

function paginate<T>(items: readonly T[], query: Record<string, string>, selfUrl: URL): Page<T> {
  const perPage = Math.min(Math.max(toInt(query.per_page, 30), 1), 100);
  const page = Math.max(toInt(query.page, 1), 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const pageUrl = (n: number): string => {
    const url = new URL(selfUrl.href);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return url.href;
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${pageUrl(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) links.push(`<${pageUrl(page + 1)}>; rel="next"`);
  if (page < lastPage) links.push(`<${pageUrl(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    link: links.length > 0 ? links.join(', ') : undefined
  };
}

function byNewest<T extends { created_at: string; id: number }>(a: T, b: T): number {
  return Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id;
}

/** GitHub's `created` filter: `>=date`, `<=date`, `>date`, `<date`, `a..b`, or a plain date. */
function matchesDateFilter(value: string, filter: string): boolean {
  const t = Date.parse(value);
  const range = /^(.+)\.\.(.+)$/.exec(filter);
  if (range) {
    const from = range[1] === '*' ? -Infinity : Date.parse(range[1]!);
    const to = range[2] === '*' ? Infinity : endOfDay(range[2]!);
    return t >= from && t <= to;
  }
  const op = /^(>=|<=|>|<)?(.+)$/.exec(filter)!;
  const bound = op[2]!;
  switch (op[1]) {
    case '>=':
      return t >= Date.parse(bound);
    case '<=':
      return t <= endOfDay(bound);
    case '>':
      return t > endOfDay(bound);
    case '<':
      return t < Date.parse(bound);
    default:
      return t >= Date.parse(bound) && t <= endOfDay(bound);
  }
}

function endOfDay(bound: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(bound) ? Date.parse(bound) + 86_399_999 : Date.parse(bound);
}

// ---------------------------------------------------------------------------------------------- server

export interface StartGitHubApiOptions {
  fixtures?: GitHubFixtures;
  host?: string;
}

export async function startGitHubApi(options: StartGitHubApiOptions = {}): Promise<GitHubApi> {
  const fixtures = options.fixtures ?? {};
  const token = fixtures.token ?? 'test-token';
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  const faults: { remaining: number; status: number; headers: Record<string, string>; options: FailNextOptions }[] = [];
  let baseUrl = ''; // set once listening
  let lastId = 1000;
  let clock = 0;
  const nextId = (): number => ++lastId;
  const seenId = (id: number | undefined): number => {
    if (id === undefined) return nextId();
    lastId = Math.max(lastId, id);
    return id;
  };
  /** Fixture timestamps default to a fixed, increasing clock so listings are deterministic. */
  const fixtureTime = (given: string | undefined): string =>
    given ?? new Date(FIXED_EPOCH + ++clock * 60_000).toISOString();
  const now = (): string => new Date().toISOString();

  const toUser = (user: UserFixture | undefined, fallback?: SimpleUser): SimpleUser => {
    if (!user && fallback) return fallback;
    const login = user?.login ?? 'octocat';
    const id = user?.id ?? Number.parseInt(fakeSha(login).slice(0, 7), 16) % 10_000_000;
    return {
      login,
      id,
      node_id: nodeId('User', id),
      type: user?.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
      site_admin: false,
      html_url: `https://github.com/${login.replace(/\[bot\]$/, '')}`
    };
  };
  const authenticatedUser = toUser(fixtures.user ?? { login: 'github-actions[bot]', id: 41898282, type: 'Bot' });

  const repos = new Map<string, RepoState>();
  const repoKey = (owner: string, name: string): string => `${owner}/${name}`.toLowerCase();
  const apiRepoUrl = (repo: RepoState): string => `${baseUrl}/repos/${repo.owner}/${repo.name}`;
  const htmlRepoUrl = (repo: RepoState): string => `https://github.com/${repo.owner}/${repo.name}`;

  const makeComment = (
    repo: RepoState,
    issueNumber: number,
    body: string,
    user: SimpleUser,
    id: number,
    createdAt: string,
    updatedAt = createdAt
  ): IssueComment => ({
    id,
    node_id: nodeId('IssueComment', id),
    url: `${apiRepoUrl(repo)}/issues/comments/${id}`,
    html_url: `${htmlRepoUrl(repo)}/pull/${issueNumber}#issuecomment-${id}`,
    issue_url: `${apiRepoUrl(repo)}/issues/${issueNumber}`,
    body,
    user,
    created_at: createdAt,
    updated_at: updatedAt,
    author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER'
  });

  const makeStatus = (
    repo: RepoState,
    deployment: Deployment,
    fixture: DeploymentStatusFixture & { targetUrl?: string; environment?: string },
    id: number,
    createdAt: string
  ): DeploymentStatus => ({
    id,
    node_id: nodeId('DeploymentStatus', id),
    url: `${apiRepoUrl(repo)}/deployments/${deployment.id}/statuses/${id}`,
    state: fixture.state,
    creator: authenticatedUser,
    description: fixture.description ?? '',
    environment: fixture.environment ?? deployment.environment,
    target_url: fixture.targetUrl ?? fixture.logUrl ?? '',
    log_url: fixture.logUrl ?? fixture.targetUrl ?? '',
    environment_url: fixture.environmentUrl ?? '',
    created_at: createdAt,
    updated_at: createdAt,
    deployment_url: `${apiRepoUrl(repo)}/deployments/${deployment.id}`,
    repository_url: apiRepoUrl(repo)
  });

  const makeDeployment = (repo: RepoState, fixture: DeploymentFixture, id: number, createdAt: string): Deployment => ({
    id,
    node_id: nodeId('Deployment', id),
    url: `${apiRepoUrl(repo)}/deployments/${id}`,
    sha: fixture.sha,
    ref: fixture.ref ?? fixture.sha,
    task: fixture.task ?? 'deploy',
    payload: fixture.payload ?? {},
    original_environment: fixture.environment ?? 'production',
    environment: fixture.environment ?? 'production',
    description: fixture.description ?? null,
    creator: toUser(fixture.creator, authenticatedUser),
    created_at: createdAt,
    updated_at: fixture.updatedAt ?? createdAt,
    statuses_url: `${apiRepoUrl(repo)}/deployments/${id}/statuses`,
    repository_url: apiRepoUrl(repo),
    transient_environment: fixture.transientEnvironment ?? false,
    production_environment: fixture.productionEnvironment ?? (fixture.environment ?? 'production') === 'production'
  });

  const makePull = (repo: RepoState, f: PullFixture): PullRequest => {
    const id = nextId();
    const createdAt = fixtureTime(f.createdAt);
    const state = f.state ?? (f.mergedAt || f.closedAt ? 'closed' : 'open');
    const mergedAt = f.mergedAt ?? null;
    const closedAt = f.closedAt ?? mergedAt;
    const base = f.base ?? String(repo.info.default_branch);
    const head = f.head ?? `feature-${f.number}`;
    return {
      id,
      node_id: nodeId('PullRequest', id),
      number: f.number,
      url: `${apiRepoUrl(repo)}/pulls/${f.number}`,
      html_url: `${htmlRepoUrl(repo)}/pull/${f.number}`,
      state,
      title: f.title ?? `Pull request #${f.number}`,
      user: toUser(f.user),
      draft: f.draft ?? false,
      labels: (f.labels ?? []).map((name) => ({ name })),
      created_at: createdAt,
      updated_at: f.updatedAt ?? closedAt ?? createdAt,
      closed_at: state === 'closed' ? (closedAt ?? createdAt) : null,
      merged_at: mergedAt,
      merge_commit_sha: f.mergeCommitSha ?? (mergedAt ? fakeSha(`merge-${repo.owner}/${repo.name}#${f.number}`) : null),
      head: {
        ref: head,
        sha: f.headSha ?? fakeSha(`head-${repo.owner}/${repo.name}#${f.number}`),
        label: `${repo.owner}:${head}`
      },
      base: { ref: base, sha: repo.branches[base] ?? fakeSha(`base-${base}`), label: `${repo.owner}:${base}` }
    };
  };

  const makeReview = (repo: RepoState, pull: PullRequest, f: ReviewFixture): Review => {
    const id = seenId(f.id);
    return {
      id,
      node_id: nodeId('PullRequestReview', id),
      user: toUser(f.user ?? { login: 'reviewer' }),
      body: f.body ?? '',
      state: f.state ?? 'APPROVED',
      html_url: `${pull.html_url}#pullrequestreview-${id}`,
      pull_request_url: pull.url,
      submitted_at: fixtureTime(f.submittedAt),
      commit_id: pull.head.sha
    };
  };

  const makeIssue = (repo: RepoState, f: IssueFixture): Issue => {
    const id = nextId();
    const createdAt = fixtureTime(f.createdAt);
    const state = f.state ?? (f.closedAt ? 'closed' : 'open');
    const closedAt = state === 'closed' ? (f.closedAt ?? createdAt) : null;
    return {
      id,
      node_id: nodeId('Issue', id),
      number: f.number,
      url: `${apiRepoUrl(repo)}/issues/${f.number}`,
      html_url: `${htmlRepoUrl(repo)}/issues/${f.number}`,
      title: f.title ?? `Issue #${f.number}`,
      body: f.body ?? null,
      state,
      labels: (f.labels ?? []).map((name) => ({
        id: Number.parseInt(fakeSha(`label-${name}`).slice(0, 7), 16),
        name,
        color: 'd73a4a'
      })),
      user: toUser(f.user),
      comments: 0,
      created_at: createdAt,
      updated_at: f.updatedAt ?? closedAt ?? createdAt,
      closed_at: closedAt
    };
  };

  const makeRelease = (repo: RepoState, f: ReleaseFixture): Release => {
    const id = seenId(f.id);
    const createdAt = fixtureTime(f.createdAt);
    const draft = f.draft ?? false;
    return {
      id,
      node_id: nodeId('Release', id),
      url: `${apiRepoUrl(repo)}/releases/${id}`,
      html_url: `${htmlRepoUrl(repo)}/releases/tag/${encodeURIComponent(f.tagName)}`,
      tag_name: f.tagName,
      target_commitish: f.targetCommitish ?? String(repo.info.default_branch),
      name: f.name ?? f.tagName,
      body: f.body ?? null,
      draft,
      prerelease: f.prerelease ?? false,
      created_at: createdAt,
      published_at: draft ? null : (f.publishedAt ?? createdAt),
      author: toUser(f.author, authenticatedUser)
    };
  };

  const makeRun = (repo: RepoState, f: WorkflowRunFixture, index: number): WorkflowRun => {
    const id = seenId(f.id);
    const createdAt = fixtureTime(f.createdAt);
    const path = f.path ?? '.github/workflows/ci.yml';
    const name = f.name ?? path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    const actor = toUser(f.actor);
    return {
      id,
      node_id: nodeId('WorkflowRun', id),
      name,
      display_title: name,
      workflow_id: f.workflowId ?? Number.parseInt(fakeSha(path).slice(0, 6), 16),
      path,
      head_branch: f.headBranch ?? String(repo.info.default_branch),
      head_sha: f.headSha ?? fakeSha(`run-${id}`),
      event: f.event ?? 'push',
      status: f.status ?? 'completed',
      conclusion:
        f.conclusion === undefined ? ((f.status ?? 'completed') === 'completed' ? 'success' : null) : f.conclusion,
      run_number: f.runNumber ?? index + 1,
      run_attempt: f.runAttempt ?? 1,
      created_at: createdAt,
      updated_at: f.updatedAt ?? createdAt,
      run_started_at: f.runStartedAt ?? createdAt,
      url: `${apiRepoUrl(repo)}/actions/runs/${id}`,
      html_url: `${htmlRepoUrl(repo)}/actions/runs/${id}`,
      actor,
      triggering_actor: actor
    };
  };

  const makeCommit = (repo: RepoState, f: CommitFixture): Commit => {
    const authorDate = fixtureTime(f.authorDate);
    const files = (f.files ?? []).map((file) => ({
      filename: file.filename,
      status: file.status ?? 'modified',
      additions: file.additions ?? 0,
      deletions: file.deletions ?? 0,
      changes: (file.additions ?? 0) + (file.deletions ?? 0)
    }));
    const additions = files.reduce((sum, file) => sum + file.additions, 0);
    const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
    return {
      sha: f.sha,
      node_id: commitNodeId(f.sha),
      url: `${apiRepoUrl(repo)}/commits/${f.sha}`,
      html_url: `${htmlRepoUrl(repo)}/commit/${f.sha}`,
      commit: {
        message: f.message ?? `commit ${f.sha.slice(0, 7)}`,
        author: { name: f.authorName ?? 'Octo Cat', email: f.authorEmail ?? 'octocat@example.com', date: authorDate },
        committer: {
          name: f.committerName ?? f.authorName ?? 'Octo Cat',
          email: f.committerEmail ?? f.authorEmail ?? 'octocat@example.com',
          date: f.committerDate ?? authorDate
        }
      },
      author: null,
      committer: null,
      parents: (f.parents ?? []).map((sha) => ({ sha, url: `${apiRepoUrl(repo)}/commits/${sha}` })),
      files,
      stats: { additions, deletions, total: additions + deletions }
    };
  };

  const loadRepo = (fixture: RepoFixture): void => {
    const id = seenId(fixture.id);
    const defaultBranch = fixture.defaultBranch ?? 'main';
    const repo: RepoState = {
      owner: fixture.owner,
      name: fixture.name,
      info: {},
      branches: { [defaultBranch]: fakeSha(`branch-${defaultBranch}`), ...fixture.branches },
      comments: new Map(),
      deployments: [],
      deploymentStatuses: new Map(),
      pulls: [],
      workflowRuns: [],
      commits: [],
      commitsBySha: new Map(),
      issues: [],
      reviews: new Map(),
      pullCommits: new Map(),
      pullClosesIssues: new Map(),
      pullBodies: new Map(),
      releases: [],
      tags: []
    };
    repos.set(repoKey(fixture.owner, fixture.name), repo);
    repo.info = {
      id,
      node_id: nodeId('Repository', id),
      name: fixture.name,
      full_name: `${fixture.owner}/${fixture.name}`,
      owner: toUser({ login: fixture.owner, type: 'Organization' }),
      private: fixture.private ?? false,
      visibility: fixture.private ? 'private' : 'public',
      description: fixture.description ?? null,
      fork: false,
      archived: false,
      default_branch: defaultBranch,
      html_url: htmlRepoUrl(repo),
      url: apiRepoUrl(repo),
      clone_url: `${htmlRepoUrl(repo)}.git`,
      created_at: new Date(FIXED_EPOCH).toISOString(),
      updated_at: new Date(FIXED_EPOCH).toISOString(),
      pushed_at: new Date(FIXED_EPOCH).toISOString(),
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true }
    };
    for (const c of fixture.comments ?? []) {
      const createdAt = fixtureTime(c.createdAt);
      const list = repo.comments.get(c.issueNumber) ?? [];
      list.push(
        makeComment(
          repo,
          c.issueNumber,
          c.body,
          toUser(c.user, authenticatedUser),
          seenId(c.id),
          createdAt,
          c.updatedAt ?? createdAt
        )
      );
      repo.comments.set(c.issueNumber, list);
    }
    for (const d of fixture.deployments ?? []) {
      const deployment = makeDeployment(repo, d, seenId(d.id), fixtureTime(d.createdAt));
      repo.deployments.push(deployment);
      repo.deploymentStatuses.set(
        deployment.id,
        (d.statuses ?? []).map((s) => makeStatus(repo, deployment, s, seenId(s.id), fixtureTime(s.createdAt)))
      );
    }
    repo.pulls = (fixture.pulls ?? []).map((p) => makePull(repo, p));
    for (const [i, p] of (fixture.pulls ?? []).entries()) {
      const pull = repo.pulls[i]!;
      repo.reviews.set(
        p.number,
        (p.reviews ?? []).map((r) => makeReview(repo, pull, r))
      );
      repo.pullCommits.set(p.number, [...(p.commits ?? [])]);
      repo.pullClosesIssues.set(p.number, [...(p.closesIssues ?? [])]);
      repo.pullBodies.set(p.number, p.body ?? null);
    }
    repo.workflowRuns = (fixture.workflowRuns ?? []).map((r, i) => makeRun(repo, r, i));
    repo.commits = (fixture.commits ?? []).map((c) => makeCommit(repo, c));
    for (const commit of repo.commits) repo.commitsBySha.set(commit.sha, commit);
    repo.issues = (fixture.issues ?? []).map((i) => makeIssue(repo, i));
    repo.releases = (fixture.releases ?? []).map((r) => makeRelease(repo, r));
    repo.tags = (fixture.tags ?? []).map((t) => ({
      name: t.name,
      node_id: nodeId('Ref', Number.parseInt(fakeSha(`tag-${t.name}`).slice(0, 7), 16)),
      commit: { sha: t.sha, url: `${apiRepoUrl(repo)}/commits/${t.sha}` },
      zipball_url: `${apiRepoUrl(repo)}/zipball/refs/tags/${encodeURIComponent(t.name)}`,
      tarball_url: `${apiRepoUrl(repo)}/tarball/refs/tags/${encodeURIComponent(t.name)}`
    }));
  };

  const state: GitHubState = {
    repos,
    repo(owner, name) {
      const repo = repos.get(repoKey(owner, name));
      if (!repo) throw new Error(`GitHub emulator: no fixture for repo ${owner}/${name}`);
      return repo;
    },
    comments(owner, name, issueNumber) {
      const repo = state.repo(owner, name);
      let list = repo.comments.get(issueNumber);
      if (!list) {
        list = [];
        repo.comments.set(issueNumber, list);
      }
      return list;
    },
    user: authenticatedUser,
    nextId
  };

  // ------------------------------------------------------------------------------------------ routes

  interface Context {
    request: RecordedRequest;
    params: Record<string, string>;
    query: Record<string, string>;
    selfUrl: URL;
    repo: RepoState;
  }
  interface Reply {
    status?: number;
    body?: unknown;
    headers?: Record<string, string>;
  }
  type Handler = (ctx: Context) => Reply;

  const routes: { method: string; template: string; pattern: RegExp; keys: string[]; handler: Handler }[] = [];
  const route = (method: string, template: string, handler: Handler): void => {
    const keys: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/:([a-z_]+)/g, (_m, key: string) => {
        keys.push(key);
        return '([^/]+)';
      })}/?$`
    );
    routes.push({ method, template, pattern, keys, handler });
  };
  const listed = <T>(ctx: Context, items: readonly T[]): Reply => {
    const page = paginate(items, ctx.query, ctx.selfUrl);
    return { body: page.items, headers: page.link ? { link: page.link } : {} };
  };
  const bodyObject = (ctx: Context): Record<string, unknown> => {
    const body = ctx.request.body;
    if (body === '' || body === undefined) return {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new HttpError(400, 'Problems parsing JSON');
    }
    return body as Record<string, unknown>;
  };
  const requireString = (body: Record<string, unknown>, field: string): string => {
    const value = body[field];
    if (typeof value !== 'string') {
      throw new HttpError(422, 'Invalid request.', { errors: [{ resource: 'Request', field, code: 'missing_field' }] });
    }
    return value;
  };
  const findComment = (repo: RepoState, id: number): { list: IssueComment[]; index: number } => {
    for (const list of repo.comments.values()) {
      const index = list.findIndex((comment) => comment.id === id);
      if (index >= 0) return { list, index };
    }
    throw notFound();
  };
  const findDeployment = (repo: RepoState, id: string): Deployment => {
    const deployment = repo.deployments.find((d) => d.id === Number(id));
    if (!deployment) throw notFound();
    return deployment;
  };
  const resolveRef = (repo: RepoState, ref: string): string | undefined => {
    if (repo.commitsBySha.has(ref)) return ref;
    if (repo.branches[ref]) return repo.branches[ref];
    const tag = repo.tags.find((t) => t.name === ref || `refs/tags/${t.name}` === ref);
    if (tag) return tag.commit.sha;
    const tagless = ref.replace(/^refs\/heads\//, '');
    if (repo.branches[tagless]) return repo.branches[tagless];
    const commit = repo.commits.find((c) => c.sha === ref || (ref.length >= 7 && c.sha.startsWith(ref)));
    if (commit) return commit.sha;
    if (/^[0-9a-f]{40}$/.test(ref)) return ref;
    return undefined;
  };

  route('GET', '/repos/:owner/:repo', (ctx) => ({ body: ctx.repo.info }));

  route('GET', '/repos/:owner/:repo/issues/:number/comments', (ctx) => {
    const list = ctx.repo.comments.get(Number(ctx.params.number)) ?? [];
    const since = ctx.query.since;
    return listed(ctx, since ? list.filter((c) => Date.parse(c.updated_at) >= Date.parse(since)) : list);
  });
  route('POST', '/repos/:owner/:repo/issues/:number/comments', (ctx) => {
    const body = requireString(bodyObject(ctx), 'body');
    const issueNumber = Number(ctx.params.number);
    const comment = makeComment(ctx.repo, issueNumber, body, authenticatedUser, nextId(), now());
    state.comments(ctx.repo.owner, ctx.repo.name, issueNumber).push(comment);
    return { status: 201, body: comment, headers: { location: comment.url } };
  });
  route('GET', '/repos/:owner/:repo/issues/comments/:id', (ctx) => {
    const { list, index } = findComment(ctx.repo, Number(ctx.params.id));
    return { body: list[index] };
  });
  route('PATCH', '/repos/:owner/:repo/issues/comments/:id', (ctx) => {
    const body = requireString(bodyObject(ctx), 'body');
    const { list, index } = findComment(ctx.repo, Number(ctx.params.id));
    const updated: IssueComment = { ...list[index]!, body, updated_at: now() };
    list[index] = updated;
    return { body: updated };
  });
  route('DELETE', '/repos/:owner/:repo/issues/comments/:id', (ctx) => {
    const { list, index } = findComment(ctx.repo, Number(ctx.params.id));
    list.splice(index, 1);
    return { status: 204 };
  });

  route('GET', '/repos/:owner/:repo/deployments', (ctx) => {
    const { sha, ref, task, environment } = ctx.query;
    const matching = ctx.repo.deployments
      .filter((d) => (sha === undefined || d.sha === sha) && (ref === undefined || d.ref === ref))
      .filter(
        (d) => (task === undefined || d.task === task) && (environment === undefined || d.environment === environment)
      )
      .sort(byNewest);
    return listed(ctx, matching);
  });
  route('GET', '/repos/:owner/:repo/deployments/:id', (ctx) => ({ body: findDeployment(ctx.repo, ctx.params.id!) }));
  route('POST', '/repos/:owner/:repo/deployments', (ctx) => {
    const body = bodyObject(ctx);
    const ref = requireString(body, 'ref');
    const sha = resolveRef(ctx.repo, ref);
    if (!sha) throw new HttpError(422, `No ref found for: ${ref}`);
    const environment = typeof body.environment === 'string' ? body.environment : 'production';
    const deployment = makeDeployment(
      ctx.repo,
      {
        sha,
        ref,
        task: typeof body.task === 'string' ? body.task : 'deploy',
        environment,
        description: typeof body.description === 'string' ? body.description : null,
        payload: typeof body.payload === 'string' ? safeJson(body.payload) : (body.payload ?? {}),
        transientEnvironment: body.transient_environment === true,
        productionEnvironment:
          typeof body.production_environment === 'boolean' ? body.production_environment : environment === 'production'
      },
      nextId(),
      now()
    );
    ctx.repo.deployments.push(deployment);
    ctx.repo.deploymentStatuses.set(deployment.id, []);
    return { status: 201, body: deployment };
  });
  route('GET', '/repos/:owner/:repo/deployments/:id/statuses', (ctx) => {
    const deployment = findDeployment(ctx.repo, ctx.params.id!);
    return listed(ctx, [...(ctx.repo.deploymentStatuses.get(deployment.id) ?? [])].sort(byNewest));
  });
  route('POST', '/repos/:owner/:repo/deployments/:id/statuses', (ctx) => {
    const deployment = findDeployment(ctx.repo, ctx.params.id!);
    const body = bodyObject(ctx);
    const stateValue = requireString(body, 'state') as DeploymentState;
    const allowed: DeploymentState[] = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];
    if (!allowed.includes(stateValue)) throw new HttpError(422, `Invalid state: ${stateValue}`);
    const str = (field: string): string | undefined =>
      typeof body[field] === 'string' ? (body[field] as string) : undefined;
    const status = makeStatus(
      ctx.repo,
      deployment,
      {
        state: stateValue,
        description: str('description'),
        environmentUrl: str('environment_url'),
        logUrl: str('log_url'),
        targetUrl: str('target_url'),
        environment: str('environment')
      },
      nextId(),
      now()
    );
    const list = ctx.repo.deploymentStatuses.get(deployment.id) ?? [];
    // auto_inactive (default true): earlier successful deployments to the same environment become inactive.
    if (stateValue === 'success' && body.auto_inactive !== false) {
      for (const other of ctx.repo.deployments) {
        if (other.id === deployment.id || other.environment !== status.environment) continue;
        const statuses = ctx.repo.deploymentStatuses.get(other.id) ?? [];
        const latest = [...statuses].sort(byNewest)[0];
        if (latest?.state === 'success') {
          statuses.push(makeStatus(ctx.repo, other, { state: 'inactive' }, nextId(), now()));
        }
      }
    }
    list.push(status);
    ctx.repo.deploymentStatuses.set(deployment.id, list);
    return { status: 201, body: status };
  });

  route('GET', '/repos/:owner/:repo/pulls', (ctx) => {
    const wanted = ctx.query.state ?? 'open';
    if (!['open', 'closed', 'all'].includes(wanted)) throw new HttpError(422, `Invalid state: ${wanted}`);
    const { base, head } = ctx.query;
    const sort = ctx.query.sort ?? 'created';
    const direction = ctx.query.direction ?? 'desc';
    const key = (p: PullRequest): number => Date.parse(sort === 'updated' ? p.updated_at : p.created_at);
    const matching = ctx.repo.pulls
      .filter((p) => wanted === 'all' || p.state === wanted)
      .filter((p) => base === undefined || p.base.ref === base)
      .filter((p) => head === undefined || p.head.label === head || p.head.ref === head)
      .sort((a, b) =>
        direction === 'asc' ? key(a) - key(b) || a.number - b.number : key(b) - key(a) || b.number - a.number
      );
    return listed(ctx, matching);
  });
  route('GET', '/repos/:owner/:repo/pulls/:number', (ctx) => {
    const pull = ctx.repo.pulls.find((p) => p.number === Number(ctx.params.number));
    if (!pull) throw notFound();
    return { body: pull };
  });
  route('GET', '/repos/:owner/:repo/commits/:sha/pulls', (ctx) => {
    const sha = resolveRef(ctx.repo, ctx.params.sha!) ?? ctx.params.sha!;
    return listed(
      ctx,
      pullsOfCommit(ctx.repo, sha).sort((a, b) => ctx.repo.pulls.indexOf(a) - ctx.repo.pulls.indexOf(b))
    );
  });

  const listRuns = (ctx: Context, runs: readonly WorkflowRun[]): Reply => {
    const q = ctx.query;
    const matching = runs
      .filter((r) => q.branch === undefined || r.head_branch === q.branch)
      .filter((r) => q.event === undefined || r.event === q.event)
      .filter((r) => q.status === undefined || r.status === q.status || r.conclusion === q.status)
      .filter((r) => q.head_sha === undefined || r.head_sha === q.head_sha)
      .filter((r) => q.actor === undefined || r.actor.login === q.actor)
      .filter((r) => q.created === undefined || matchesDateFilter(r.created_at, q.created))
      .sort(byNewest);
    const page = paginate(matching, q, ctx.selfUrl);
    return {
      body: { total_count: matching.length, workflow_runs: page.items },
      headers: page.link ? { link: page.link } : {}
    };
  };
  route('GET', '/repos/:owner/:repo/actions/runs', (ctx) => listRuns(ctx, ctx.repo.workflowRuns));
  route('GET', '/repos/:owner/:repo/actions/workflows/:workflow/runs', (ctx) => {
    const workflow = decodeURIComponent(ctx.params.workflow!);
    return listRuns(
      ctx,
      ctx.repo.workflowRuns.filter(
        (r) => String(r.workflow_id) === workflow || r.path.replace(/^.*\//, '') === workflow
      )
    );
  });
  route('GET', '/repos/:owner/:repo/actions/runs/:id', (ctx) => {
    const run = ctx.repo.workflowRuns.find((r) => r.id === Number(ctx.params.id));
    if (!run) throw notFound();
    return { body: run };
  });

  route('GET', '/repos/:owner/:repo/commits/:sha', (ctx) => {
    const sha = resolveRef(ctx.repo, decodeURIComponent(ctx.params.sha!));
    const commit = ctx.repo.commits.find((c) => c.sha === sha);
    if (!commit) throw new HttpError(422, `No commit found for SHA: ${ctx.params.sha}`);
    return { body: commit };
  });

  // ---------------------------------------------------------------------------- commit graph, compare, PRs

  const commitTime = (c: Commit): number => Date.parse(c.commit.committer.date);
  /** `git log <sha>` order: newest committer date first, over every parent (skips `skip`, returns `limit`). */
  const dateWalk = (repo: RepoState, sha: string, limit: number, skip = 0): Commit[] => {
    const start = repo.commitsBySha.get(sha);
    if (!start || limit <= 0) return [];
    const seen = new Set([sha]);
    const heap = new MaxHeap<Commit>(
      (a, b) => commitTime(a) > commitTime(b) || (commitTime(a) === commitTime(b) && a.sha > b.sha)
    );
    heap.push(start);
    const out: Commit[] = [];
    let index = 0;
    while (heap.size > 0 && out.length < limit) {
      const commit = heap.pop()!;
      if (index++ >= skip) out.push(commit);
      for (const parent of commit.parents) {
        if (seen.has(parent.sha)) continue;
        seen.add(parent.sha);
        const found = repo.commitsBySha.get(parent.sha);
        if (found) heap.push(found);
      }
    }
    return out;
  };
  const reachable = (repo: RepoState, sha: string): Set<string> => {
    const seen = new Set([sha]);
    const stack = [sha];
    while (stack.length > 0) {
      const commit = repo.commitsBySha.get(stack.pop()!);
      for (const parent of commit?.parents ?? []) {
        if (!seen.has(parent.sha)) {
          seen.add(parent.sha);
          stack.push(parent.sha);
        }
      }
    }
    return seen;
  };
  // Big fixtures (a year of history) ask for the PRs of thousands of commits: index them once per repo.
  const pullIndex = new WeakMap<RepoState, { size: number; bySha: Map<string, PullRequest[]> }>();
  /** The PRs GitHub associates with a commit: the one it was merged by, or whose branch carried it. */
  const pullsOfCommit = (repo: RepoState, sha: string): PullRequest[] => {
    let index = pullIndex.get(repo);
    if (!index || index.size !== repo.pulls.length) {
      const bySha = new Map<string, PullRequest[]>();
      for (const p of repo.pulls) {
        const shas = new Set([p.merge_commit_sha, p.head.sha, ...(repo.pullCommits.get(p.number) ?? [])]);
        for (const s of shas) if (s) bySha.set(s, [...(bySha.get(s) ?? []), p]);
      }
      index = { size: repo.pulls.length, bySha };
      pullIndex.set(repo, index);
    }
    return [...(index.bySha.get(sha) ?? [])].sort(
      (a, b) => Number(b.merged_at !== null) - Number(a.merged_at !== null) || a.number - b.number
    );
  };

  route('GET', '/repos/:owner/:repo/compare/:basehead', (ctx) => {
    const parts = /^(.+?)\.\.\.(.+)$/.exec(ctx.params.basehead!);
    if (!parts) throw notFound();
    const base = resolveRef(ctx.repo, parts[1]!);
    const head = resolveRef(ctx.repo, parts[2]!);
    if (!base || !head || !ctx.repo.commitsBySha.has(head) || !ctx.repo.commitsBySha.has(base)) throw notFound();
    const fromBase = reachable(ctx.repo, base);
    const fromHead = reachable(ctx.repo, head);
    // Chronological, as the API returns them (git log base..head, reversed).
    const ahead = dateWalk(ctx.repo, head, Number.POSITIVE_INFINITY)
      .filter((c) => !fromBase.has(c.sha))
      .reverse();
    const behindBy = [...fromBase].filter((sha) => !fromHead.has(sha) && ctx.repo.commitsBySha.has(sha)).length;
    const status =
      ahead.length > 0 && behindBy > 0
        ? 'diverged'
        : ahead.length > 0
          ? 'ahead'
          : behindBy > 0
            ? 'behind'
            : 'identical';
    // Without paging parameters GitHub returns at most 250 commits, ending with the most recent one.
    const paged = ctx.query.per_page !== undefined || ctx.query.page !== undefined;
    const page: Page<Commit> = paged ? paginate(ahead, ctx.query, ctx.selfUrl) : { items: ahead.slice(-250) };
    return {
      body: {
        url: `${apiRepoUrl(ctx.repo)}/compare/${base}...${head}`,
        html_url: `${htmlRepoUrl(ctx.repo)}/compare/${base}...${head}`,
        permalink_url: `${htmlRepoUrl(ctx.repo)}/compare/${base}...${head}`,
        status,
        ahead_by: ahead.length,
        behind_by: behindBy,
        total_commits: ahead.length,
        base_commit: ctx.repo.commitsBySha.get(base),
        commits: page.items,
        files: []
      },
      headers: page.link ? { link: page.link } : undefined
    };
  });
  route('GET', '/repos/:owner/:repo/pulls/:number/reviews', (ctx) =>
    listed(ctx, ctx.repo.reviews.get(Number(ctx.params.number)) ?? [])
  );
  route('GET', '/repos/:owner/:repo/pulls/:number/commits', (ctx) => {
    const pull = ctx.repo.pulls.find((p) => p.number === Number(ctx.params.number));
    if (!pull) throw notFound();
    const shas = ctx.repo.pullCommits.get(pull.number) ?? [];
    return listed(
      ctx,
      shas.map((sha) => ctx.repo.commitsBySha.get(sha) ?? makeCommit(ctx.repo, { sha }))
    );
  });

  route('GET', '/repos/:owner/:repo/issues', (ctx) => {
    const q = ctx.query;
    const wanted = q.state ?? 'open';
    if (!['open', 'closed', 'all'].includes(wanted)) throw new HttpError(422, `Invalid state: ${wanted}`);
    const labels = (q.labels ?? '')
      .split(',')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l !== '');
    const sort = q.sort ?? 'created';
    const key = (i: Issue): number => Date.parse(sort === 'updated' ? i.updated_at : i.created_at);
    const matching = ctx.repo.issues
      .filter((i) => wanted === 'all' || i.state === wanted)
      .filter((i) => labels.every((l) => i.labels.some((label) => label.name.toLowerCase() === l)))
      .filter((i) => q.since === undefined || Date.parse(i.updated_at) >= Date.parse(q.since))
      .sort((a, b) =>
        (q.direction ?? 'desc') === 'asc'
          ? key(a) - key(b) || a.number - b.number
          : key(b) - key(a) || b.number - a.number
      );
    return listed(ctx, matching);
  });
  route('GET', '/repos/:owner/:repo/issues/:number', (ctx) => {
    const issue = ctx.repo.issues.find((i) => i.number === Number(ctx.params.number));
    if (!issue) throw notFound();
    return { body: issue };
  });
  route('GET', '/repos/:owner/:repo/releases', (ctx) => listed(ctx, [...ctx.repo.releases].sort(byNewest)));
  route('GET', '/repos/:owner/:repo/tags', (ctx) => listed(ctx, ctx.repo.tags));

  // ---------------------------------------------------------------------------- built-in GraphQL operations

  const upper = (state: string): string => state.toUpperCase();
  const connection = <T>(items: readonly T[], first: number, after: unknown) => {
    const start = offsetOf(after);
    const nodes = items.slice(start, start + first);
    return {
      totalCount: items.length,
      pageInfo: {
        hasNextPage: start + first < items.length,
        endCursor: nodes.length > 0 ? cursorOf(start + nodes.length - 1) : null
      },
      nodes
    };
  };
  const intVar = (request: GraphqlRequest, name: string, fallback: number): number => {
    const value = request.variables[name];
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, 100) : fallback;
  };
  const commitGqlNode = (repo: RepoState, c: Commit) => ({
    id: c.node_id,
    oid: c.sha,
    url: c.html_url,
    authoredDate: c.commit.author.date,
    committedDate: c.commit.committer.date,
    message: c.commit.message,
    messageHeadline: c.commit.message.split('\n')[0],
    author: { name: c.commit.author.name, email: c.commit.author.email, user: null },
    parents: { totalCount: c.parents.length, nodes: c.parents.map((p) => ({ oid: p.sha })) },
    associatedPullRequests: {
      nodes: pullsOfCommit(repo, c.sha)
        .slice(0, 1)
        .map((p) => ({ id: p.node_id, number: p.number }))
    }
  });
  const historyConnection = (repo: RepoState, sha: string, first: number, after: unknown) => {
    const skip = offsetOf(after);
    const nodes = dateWalk(repo, sha, first + 1, skip);
    return {
      pageInfo: {
        hasNextPage: nodes.length > first,
        endCursor: nodes.length > 0 ? cursorOf(skip + Math.min(nodes.length, first) - 1) : null
      },
      nodes: nodes.slice(0, first).map((c) => commitGqlNode(repo, c))
    };
  };
  const pullGqlNode = (repo: RepoState, p: PullRequest) => {
    const firstSha = (repo.pullCommits.get(p.number) ?? [])[0] ?? p.head.sha;
    const first = repo.commitsBySha.get(firstSha);
    return {
      id: p.node_id,
      number: p.number,
      title: p.title,
      url: p.html_url,
      body: repo.pullBodies.get(p.number) ?? '',
      state: p.merged_at ? 'MERGED' : upper(p.state),
      createdAt: p.created_at,
      mergedAt: p.merged_at,
      closedAt: p.closed_at,
      headRefName: p.head.ref,
      baseRefName: p.base.ref,
      author: { login: p.user.login },
      mergeCommit: p.merge_commit_sha ? { oid: p.merge_commit_sha } : null,
      labels: { nodes: p.labels.map((l) => ({ name: l.name })) },
      reviews: {
        nodes: (repo.reviews.get(p.number) ?? [])
          .slice(0, 1)
          .map((r) => ({ submittedAt: r.submitted_at, state: r.state, author: { login: r.user.login } }))
      },
      commits: {
        nodes: first
          ? [
              {
                commit: {
                  oid: first.sha,
                  authoredDate: first.commit.author.date,
                  committedDate: first.commit.committer.date
                }
              }
            ]
          : []
      },
      closingIssuesReferences: { nodes: (repo.pullClosesIssues.get(p.number) ?? []).map((number) => ({ number })) }
    };
  };
  /** Every node id the built-in operations hand out, resolved back to its repo and record. */
  const findNode = (id: string): { repo: RepoState; commit?: Commit; pull?: PullRequest } | undefined => {
    for (const repo of repos.values()) {
      const decoded = Buffer.from(id, 'base64').toString('utf8');
      if (decoded.startsWith('Commit:')) {
        const commit = repo.commitsBySha.get(decoded.slice('Commit:'.length));
        if (commit) return { repo, commit };
        continue;
      }
      const pull = repo.pulls.find((p) => p.node_id === id);
      if (pull) return { repo, pull };
    }
    return undefined;
  };
  const gqlRepo = (request: GraphqlRequest): RepoState => {
    const owner = String(request.variables.owner ?? '');
    const name = String(request.variables.name ?? '');
    const repo = repos.get(repoKey(owner, name));
    if (!repo) throw new GraphqlNotFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
    return repo;
  };
  const deploymentGqlNode = (repo: RepoState, d: Deployment, request: GraphqlRequest) => {
    const statuses = [...(repo.deploymentStatuses.get(d.id) ?? [])].sort((a, b) => -byNewest(a, b));
    const latest = statuses.at(-1);
    const statusesFirst = intVar(request, 'statusesFirst', 10);
    const commit = repo.commitsBySha.get(d.sha);
    const historyDepth = intVar(request, 'historyDepth', 0);
    return {
      id: d.node_id,
      databaseId: d.id,
      commitOid: d.sha,
      commit: {
        id: commitNodeId(d.sha),
        oid: d.sha,
        ...(historyDepth > 0 && commit ? { history: historyConnection(repo, d.sha, historyDepth, undefined) } : {})
      },
      createdAt: d.created_at,
      updatedAt: d.updated_at,
      environment: d.environment,
      originalEnvironment: d.original_environment,
      task: d.task,
      description: d.description,
      payload: JSON.stringify(d.payload ?? {}),
      ref: repo.branches[d.ref] ? { name: d.ref } : null,
      creator: { login: d.creator.login },
      state: latest ? (latest.state === 'success' ? 'ACTIVE' : upper(latest.state)) : 'PENDING',
      latestStatus: latest ? { state: upper(latest.state), createdAt: latest.created_at } : null,
      statuses: {
        totalCount: statuses.length,
        pageInfo: { hasNextPage: statuses.length > statusesFirst },
        nodes: statuses.slice(0, statusesFirst).map((s) => ({
          state: upper(s.state),
          createdAt: s.created_at,
          description: s.description,
          logUrl: s.log_url || null,
          environmentUrl: s.environment_url || null
        }))
      }
    };
  };
  const builtinGraphql: Record<string, (request: GraphqlRequest) => unknown> = {
    DoraDeployments: (request) => {
      const repo = gqlRepo(request);
      const environments = Array.isArray(request.variables.environments)
        ? (request.variables.environments as unknown[]).map(String)
        : undefined;
      const ascending = /direction:\s*ASC/.test(request.query);
      const matching = repo.deployments
        .filter((d) => !environments || environments.includes(d.environment))
        .sort((a, b) => (ascending ? -byNewest(a, b) : byNewest(a, b)));
      const page = connection(matching, intVar(request, 'first', 100), request.variables.after);
      return {
        repository: { deployments: { ...page, nodes: page.nodes.map((d) => deploymentGqlNode(repo, d, request)) } }
      };
    },
    DoraCommitHistory: (request) => {
      const ids = Array.isArray(request.variables.ids) ? (request.variables.ids as unknown[]).map(String) : [];
      const depth = intVar(request, 'depth', 10);
      return {
        nodes: ids.map((id) => {
          const found = findNode(id);
          if (!found?.commit) return null;
          return {
            id,
            oid: found.commit.sha,
            history: historyConnection(found.repo, found.commit.sha, depth, undefined)
          };
        })
      };
    },
    DoraCommitPulls: (request) => {
      const ids = Array.isArray(request.variables.ids) ? (request.variables.ids as unknown[]).map(String) : [];
      return {
        nodes: ids.map((id) => {
          const found = findNode(id);
          if (!found?.commit) return null;
          return commitGqlNode(found.repo, found.commit);
        })
      };
    },
    DoraPullRequests: (request) => {
      const ids = Array.isArray(request.variables.ids) ? (request.variables.ids as unknown[]).map(String) : [];
      return {
        nodes: ids.map((id) => {
          const found = findNode(id);
          return found?.pull ? pullGqlNode(found.repo, found.pull) : null;
        })
      };
    },
    DoraTags: (request) => {
      const repo = gqlRepo(request);
      const dated = repo.tags
        .map((t) => ({ tag: t, commit: repo.commitsBySha.get(t.commit.sha) }))
        .sort(
          (a, b) =>
            (b.commit ? commitTime(b.commit) : 0) - (a.commit ? commitTime(a.commit) : 0) ||
            (a.tag.name < b.tag.name ? -1 : 1)
        );
      const page = connection(dated, intVar(request, 'first', 100), request.variables.after);
      return {
        repository: {
          refs: {
            ...page,
            nodes: page.nodes.map(({ tag, commit }) => ({
              name: tag.name,
              target: {
                __typename: 'Commit',
                oid: tag.commit.sha,
                committedDate: commit?.commit.committer.date ?? null
              }
            }))
          }
        }
      };
    }
  };
  const operationName = (gql: GraphqlRequest): string | undefined =>
    gql.operationName ?? /^\s*(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(gql.query)?.[1];

  const graphql = (request: RecordedRequest): Reply => {
    const raw = request.body;
    if (typeof raw !== 'object' || raw === null || typeof (raw as { query?: unknown }).query !== 'string') {
      throw new HttpError(400, 'Problems parsing JSON');
    }
    const gql: GraphqlRequest = {
      query: (raw as { query: string }).query,
      variables: ((raw as { variables?: Record<string, unknown> }).variables ?? {}) as Record<string, unknown>,
      operationName: (raw as { operationName?: string }).operationName
    };
    request.graphql = gql;
    const fixture = (fixtures.graphql ?? []).find((f) =>
      typeof f.match === 'string'
        ? gql.query.includes(f.match)
        : f.match instanceof RegExp
          ? f.match.test(gql.query)
          : f.match(gql)
    );
    const builtin = fixture ? undefined : builtinGraphql[operationName(gql) ?? ''];
    if (builtin) {
      try {
        return { body: { data: builtin(gql) } };
      } catch (error) {
        if (error instanceof GraphqlNotFound) {
          return { body: { data: null, errors: [{ type: 'NOT_FOUND', message: error.message }] } };
        }
        throw error;
      }
    }
    if (!fixture) {
      return {
        body: {
          errors: [
            { type: 'NO_FIXTURE', message: `GitHub emulator: no GraphQL fixture matches: ${gql.query.slice(0, 200)}` }
          ]
        }
      };
    }
    if (fixture.body) return { status: fixture.status, body: fixture.body(gql, state) };
    const data = typeof fixture.data === 'function' ? fixture.data(gql, state) : fixture.data;
    return {
      status: fixture.status,
      body: { data: data ?? null, ...(fixture.errors ? { errors: fixture.errors } : {}) }
    };
  };

  // ------------------------------------------------------------------------------------------ dispatch

  const rateHeaders = (): Record<string, string> => ({
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-used': '1',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core'
  });

  const handle = (request: RecordedRequest): Reply => {
    const auth = request.headers.authorization ?? '';
    const match = /^(?:token|bearer)\s+(.+)$/i.exec(auth);
    if (!match || match[1] !== token) {
      throw new HttpError(401, 'Bad credentials');
    }
    let matched: { r: (typeof routes)[number]; m: RegExpExecArray } | undefined;
    if (request.method === 'POST' && request.path === '/graphql') {
      const raw = request.body as { query?: unknown; operationName?: unknown } | undefined;
      const name =
        typeof raw?.operationName === 'string'
          ? raw.operationName
          : typeof raw?.query === 'string'
            ? /^\s*(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(raw.query)?.[1]
            : undefined;
      request.route = `POST /graphql${name ? ` ${name}` : ''}`;
    } else {
      for (const r of routes) {
        if (r.method !== request.method) continue;
        const m = r.pattern.exec(request.path);
        if (m) {
          matched = { r, m };
          break;
        }
      }
      request.route = matched ? `${matched.r.method} ${matched.r.template}` : 'UNMATCHED';
    }
    const faultIndex = faults.findIndex((f) => f.remaining > 0 && (!f.options.match || f.options.match(request)));
    if (faultIndex >= 0) {
      const fault = faults[faultIndex]!;
      fault.remaining--;
      if (fault.remaining === 0) faults.splice(faultIndex, 1);
      const body =
        fault.options.body ??
        (fault.status === 403 || fault.status === 429
          ? {
              message: SECONDARY_RATE_LIMIT_MESSAGE,
              documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
            }
          : { message: 'Server Error' });
      return { status: fault.status, body, headers: fault.headers };
    }
    if (request.method === 'POST' && request.path === '/graphql') return graphql(request);
    if (matched) {
      const { r, m } = matched;
      const params: Record<string, string> = {};
      r.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1]!)));
      const repo = repos.get(repoKey(params.owner ?? '', params.repo ?? ''));
      if (!repo) throw notFound();
      return r.handler({ request, params, query: request.query, selfUrl: new URL(request.url, baseUrl), repo });
    }
    throw notFound();
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => undefined);
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://github.local');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      if (text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
        receivedAt: Date.now()
      };
      requests.push(request);
      let reply: Reply;
      try {
        reply = handle(request);
      } catch (error) {
        if (error instanceof HttpError) {
          reply = {
            status: error.status,
            body: {
              message: error.message,
              documentation_url: 'https://docs.github.com/rest',
              ...error.extra,
              status: String(error.status)
            }
          };
        } else {
          reply = { status: 500, body: { message: `GitHub emulator bug: ${(error as Error).stack ?? String(error)}` } };
        }
      }
      const status = reply.status ?? 200;
      request.status = status;
      const payload = status === 204 || reply.body === undefined ? '' : JSON.stringify(reply.body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(payload),
        'x-github-media-type': 'github.v3; format=json',
        'x-github-request-id': crypto.randomBytes(8).toString('hex').toUpperCase(),
        ...rateHeaders(),
        ...reply.headers
      });
      res.end(payload);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A forgotten stop() must not keep the Jest worker alive (its open sockets still do while in use).
  server.unref();
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('GitHub emulator: no address');
  baseUrl = `http://${host}:${address.port}`;
  // Records carry API URLs, so the fixtures load once the port is known.
  for (const repo of fixtures.repos ?? []) loadRepo(repo);

  let stopPromise: Promise<void> | undefined;
  const api: GitHubApi = {
    url: baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    port: address.port,
    token,
    state,
    requests,
    failNext(n, status = 500, headers = {}, failOptions = {}) {
      if (n > 0) faults.push({ remaining: n, status, headers, options: failOptions });
    },
    failNextWithSecondaryRateLimit(n, retryAfterSeconds = 1) {
      api.failNext(n, 403, { 'retry-after': String(retryAfterSeconds) });
    },
    failNextWithRateLimit(n, resetInSeconds = 1) {
      api.failNext(
        n,
        403,
        {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds)
        },
        {
          body: {
            message: 'API rate limit exceeded for installation.',
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
          }
        }
      );
    },
    failNextWithTooManyRequests(n, retryAfterSeconds = 1) {
      api.failNext(n, 429, { 'retry-after': String(retryAfterSeconds) });
    },
    requestCounts(from = 0) {
      const counts: RequestCounts = { total: 0, rest: 0, graphql: 0, failed: 0, byRoute: {} };
      for (const request of requests.slice(from)) {
        counts.total++;
        if (request.path === '/graphql') counts.graphql++;
        else counts.rest++;
        if ((request.status ?? 0) >= 400) counts.failed++;
        const key = request.route ?? 'UNMATCHED';
        counts.byRoute[key] = (counts.byRoute[key] ?? 0) + 1;
      }
      return counts;
    },
    pendingFaults: () => faults.reduce((sum, f) => sum + f.remaining, 0),
    clearFaults: () => void faults.splice(0, faults.length),
    stop() {
      stopPromise ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return stopPromise;
    }
  };
  return api;
}

class GraphqlNotFound extends Error {}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
