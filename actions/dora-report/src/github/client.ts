// DoraClient over the shared Octokit (retry and throttling plugins included). GraphQL where it saves calls:
// deployments come with their statuses and the first commits of each deployed sha's history, so most compares
// are answered from that history without a call; the rest use REST compare (paginated past 250 commits by the
// link header). `graphql: false` gives the plain REST path: a call per deployment for statuses, per pair for
// compare, per commit for its PR and per PR for its first commit and review.
import type { GitHubClient } from '../../../../shared/src/actions/octokit.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { pairKey, type ChangePair, type DoraClient } from '../engine/client.js';
import type { CommitInfo, DeploymentState, IncidentInfo, PullInfo, RawDeployment, RepoRef } from '../engine/types.js';
import { COMMIT_PULLS_QUERY, DEPLOYMENTS_QUERY, HISTORY_QUERY, PULLS_QUERY, TAGS_QUERY } from './queries.js';
import { arr, bool, num, obj, str, strOrNull, type Json } from './shape.js';

export interface GitHubDoraClientOptions {
  octokit: GitHubClient;
  /** Use GraphQL where it saves calls. Default true. */
  graphql?: boolean;
  /** Absolute GraphQL endpoint (GITHUB_GRAPHQL_URL); default: Octokit's, derived from the REST base URL. */
  graphqlUrl?: string;
  /** Commits of history read with each deployment (1-100). Default 10. */
  historyDepth?: number;
  /** Parallel REST requests for per-item look-ups. Default 4. */
  concurrency?: number;
  /** Per call, retries and rate-limit waits included. Default 120 s. */
  requestTimeoutMs?: number;
}

export interface CallStats {
  total: number;
  rest: number;
  graphql: number;
}

interface HistoryEntry {
  commit: CommitInfo;
  parents: string[];
}

interface RepoCache {
  /** sha -> commit, from every history page read. */
  graph: Map<string, HistoryEntry>;
  /** Commit node ids by sha (deployed commits, and commits from REST compares). */
  commitIds: Map<string, string>;
  /** Deployed shas whose whole history has been read. */
  complete: Set<string>;
  /** PR node ids by number. */
  pullIds: Map<number, string>;
}

const STATES = new Set(['success', 'failure', 'error', 'inactive', 'in_progress', 'queued', 'pending', 'waiting']);
const MAX_COMPARE_PAGES = 100;

function toState(value: unknown): DeploymentState | undefined {
  const state = typeof value === 'string' ? value.toLowerCase() : '';
  return STATES.has(state) ? (state as DeploymentState) : undefined;
}

async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `<url>; rel="next"` from a Link header. */
export function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

function describeError(error: unknown): string {
  const e = error as {
    status?: number;
    message?: string;
    response?: { data?: unknown };
    errors?: { message?: string }[];
  };
  const message = (e.errors?.[0]?.message ?? e.message ?? String(error)).split('\n')[0].slice(0, 300);
  return e.status ? `${e.status} ${message}` : message;
}

export class GitHubDoraClient implements DoraClient {
  readonly stats: CallStats = { total: 0, rest: 0, graphql: 0 };
  private readonly octokit: GitHubClient;
  private readonly useGraphql: boolean;
  private readonly historyDepth: number;
  private readonly concurrency: number;
  private readonly timeoutMs: number;
  /** octokit.graphql, aimed at GITHUB_GRAPHQL_URL when given (`url` cannot be passed with the variables). */
  private readonly graphql: GitHubClient['graphql'];
  private readonly caches = new Map<string, RepoCache>();

  constructor(options: GitHubDoraClientOptions) {
    this.octokit = options.octokit;
    this.useGraphql = options.graphql ?? true;
    this.historyDepth = Math.min(100, Math.max(1, options.historyDepth ?? 10));
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.timeoutMs = options.requestTimeoutMs ?? 120_000;
    this.graphql = options.graphqlUrl
      ? this.octokit.graphql.defaults({ url: options.graphqlUrl })
      : this.octokit.graphql;
  }

  private cache(repo: RepoRef): RepoCache {
    const key = `${repo.owner}/${repo.name}`.toLowerCase();
    let cache = this.caches.get(key);
    if (!cache) {
      cache = { graph: new Map(), commitIds: new Map(), complete: new Set(), pullIds: new Map() };
      this.caches.set(key, cache);
    }
    return cache;
  }

  // ------------------------------------------------------------------------------------------ transport

  private async rest(
    what: string,
    route: string,
    params: Record<string, unknown>
  ): Promise<{ data: unknown; link?: string }> {
    this.stats.total++;
    this.stats.rest++;
    try {
      const response = await this.octokit.request(route, {
        ...params,
        request: { signal: AbortSignal.timeout(this.timeoutMs) }
      });
      return { data: response.data, link: (response.headers as Record<string, string | undefined>).link };
    } catch (error) {
      throw new ConfigurationError(`GitHub API: ${what}: ${describeError(error)}`);
    }
  }

  /** GET pages by following the link header, each page its own call (and timeout). */
  private async *restPages(
    what: string,
    route: string,
    params: Record<string, unknown>,
    pick?: (data: Json) => unknown
  ): AsyncGenerator<unknown[]> {
    let page = await this.rest(what, route, { per_page: 100, ...params });
    for (let n = 0; ; n++) {
      const data = pick ? pick(page.data as Json) : page.data;
      yield arr(data, what);
      const next = nextLink(page.link);
      if (!next || n > 10_000) return;
      page = await this.rest(what, 'GET {+url}', { url: next });
    }
  }

  private async gql(what: string, query: string, variables: Record<string, unknown>): Promise<Json> {
    this.stats.total++;
    this.stats.graphql++;
    try {
      const data = await this.graphql<unknown>(query, {
        ...variables,
        request: { signal: AbortSignal.timeout(this.timeoutMs) }
      });
      return obj(data, what);
    } catch (error) {
      if (error instanceof ConfigurationError) throw error;
      throw new ConfigurationError(`GitHub GraphQL: ${what}: ${describeError(error)}`);
    }
  }

  // ------------------------------------------------------------------------------------------ deployments

  async *deployments(repo: RepoRef, query: { environment: string }): AsyncIterable<RawDeployment[]> {
    const what = `deployments of ${repo.owner}/${repo.name} to ${query.environment}`;
    if (!this.useGraphql) {
      for await (const page of this.restPages(what, 'GET /repos/{owner}/{repo}/deployments', {
        owner: repo.owner,
        repo: repo.name,
        environment: query.environment
      })) {
        yield await pool(page, this.concurrency, async (d) => {
          const id = num(obj(d, what).id, what);
          const statuses: unknown[] = [];
          for await (const list of this.restPages(
            `statuses of deployment ${id}`,
            'GET /repos/{owner}/{repo}/deployments/{id}/statuses',
            { owner: repo.owner, repo: repo.name, id }
          )) {
            statuses.push(...list);
          }
          return this.restDeployment(repo, obj(d, what), statuses);
        });
      }
      return;
    }
    const cache = this.cache(repo);
    let after: string | null = null;
    for (;;) {
      const data = await this.gql(what, DEPLOYMENTS_QUERY, {
        owner: repo.owner,
        name: repo.name,
        environments: [query.environment],
        first: 100,
        after,
        statusesFirst: 10,
        historyDepth: this.historyDepth
      });
      const repository = data.repository;
      if (repository === null || repository === undefined) {
        throw new ConfigurationError(`GitHub GraphQL: ${what}: repository not found or not readable with this token`);
      }
      const connection = obj(obj(repository, what).deployments, what);
      const nodes = arr(connection.nodes, what).map((n) => obj(n, what));
      const out: RawDeployment[] = [];
      for (const node of nodes) {
        let statuses = arr(obj(node.statuses, what).nodes, what).map((s) => obj(s, what));
        const id = num(node.databaseId, what);
        if (bool(obj(obj(node.statuses, what).pageInfo, what).hasNextPage)) {
          statuses = [];
          for await (const list of this.restPages(
            `statuses of deployment ${id}`,
            'GET /repos/{owner}/{repo}/deployments/{id}/statuses',
            { owner: repo.owner, repo: repo.name, id }
          )) {
            statuses.push(...list.map((s) => obj(s, what)));
          }
        }
        const sha = str(node.commitOid, what);
        const commit = node.commit === null || node.commit === undefined ? undefined : obj(node.commit, what);
        if (commit) this.remember(cache, sha, commit, what);
        const parsed = statuses
          .map((s) => ({
            state: toState(s.state),
            createdAt: str(s.createdAt ?? s.created_at, what),
            description: strOrNull(s.description),
            logUrl: strOrNull(s.logUrl ?? s.log_url)
          }))
          .filter((s): s is typeof s & { state: DeploymentState } => s.state !== undefined);
        out.push({
          id: String(id),
          source: 'deployments',
          sha,
          ref: node.ref ? strOrNull(obj(node.ref, what).name) : null,
          environment: str(node.environment, what),
          createdAt: str(node.createdAt, what),
          url:
            parsed
              .map((s) => s.logUrl)
              .filter((u) => u)
              .at(-1) ?? null,
          creator: node.creator ? strOrNull(obj(node.creator, what).login) : null,
          description: strOrNull(node.description),
          task: strOrNull(node.task),
          payload: node.payload,
          statuses: parsed
        });
      }
      yield out;
      const info = obj(connection.pageInfo, what);
      if (!bool(info.hasNextPage)) return;
      after = str(info.endCursor, what);
    }
  }

  private restDeployment(repo: RepoRef, d: Json, statuses: unknown[]): RawDeployment {
    const what = `deployment of ${repo.owner}/${repo.name}`;
    const parsed = statuses
      .map((s) => obj(s, what))
      .map((s) => ({
        state: toState(s.state),
        createdAt: str(s.created_at, what),
        description: strOrNull(s.description),
        logUrl: strOrNull(s.log_url) || strOrNull(s.target_url)
      }))
      .filter((s): s is typeof s & { state: DeploymentState } => s.state !== undefined);
    return {
      id: String(num(d.id, what)),
      source: 'deployments',
      sha: str(d.sha, what),
      ref: strOrNull(d.ref),
      environment: str(d.environment, what),
      createdAt: str(d.created_at, what),
      url:
        parsed
          .map((s) => s.logUrl)
          .filter((u) => u)
          .at(-1) ?? null,
      creator: d.creator ? strOrNull(obj(d.creator, what).login) : null,
      description: strOrNull(d.description),
      task: strOrNull(d.task),
      payload: d.payload,
      statuses: parsed
    };
  }

  /** Keeps a deployed commit's node id and the history page read with it. */
  private remember(cache: RepoCache, sha: string, commit: Json, what: string): void {
    if (typeof commit.id === 'string') cache.commitIds.set(sha, commit.id);
    const history = commit.history === undefined || commit.history === null ? undefined : obj(commit.history, what);
    if (!history) return;
    for (const n of arr(history.nodes, what)) {
      const node = obj(n, what);
      const oid = str(node.oid, what);
      const pulls = node.associatedPullRequests
        ? arr(obj(node.associatedPullRequests, what).nodes, what).map((p) => obj(p, what))
        : [];
      const pull = pulls[0];
      if (pull && typeof pull.id === 'string') cache.pullIds.set(num(pull.number, what), pull.id);
      const author = node.author ? obj(node.author, what) : undefined;
      const entry: HistoryEntry = {
        commit: {
          sha: oid,
          message: str(node.message ?? '', what).slice(0, 10_000),
          authoredAt: str(node.authoredDate, what),
          committedAt: str(node.committedDate, what),
          parents: [],
          author: author?.user ? strOrNull(obj(author.user, what).login) : (strOrNull(author?.name) ?? null),
          url: strOrNull(node.url),
          pull: pull ? num(pull.number, what) : node.associatedPullRequests ? null : undefined
        },
        parents: node.parents ? arr(obj(node.parents, what).nodes, what).map((p) => str(obj(p, what).oid, what)) : []
      };
      entry.commit.parents = entry.parents;
      cache.graph.set(oid, entry);
    }
    if (!bool(obj(history.pageInfo ?? { hasNextPage: true }, what).hasNextPage)) cache.complete.add(sha);
  }

  async *workflowRuns(
    repo: RepoRef,
    query: { workflow: string; branch?: string; since: string }
  ): AsyncIterable<RawDeployment[]> {
    const what = `runs of workflow ${query.workflow} in ${repo.owner}/${repo.name}`;
    for await (const page of this.restPages(
      what,
      'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      {
        owner: repo.owner,
        repo: repo.name,
        workflow_id: query.workflow,
        // No status or created filter: GitHub stops a filtered search at 1,000 runs. Newest first, the engine
        // stops reading once it is past the period and has a baseline.
        ...(query.branch ? { branch: query.branch } : {})
      },
      (data) => obj(data, what).workflow_runs
    )) {
      const out: RawDeployment[] = [];
      for (const r of page) {
        const run = obj(r, what);
        const conclusion = strOrNull(run.conclusion);
        // Cancelled and skipped runs deployed nothing: they are not attempts.
        const state: DeploymentState | undefined =
          conclusion === 'success'
            ? 'success'
            : conclusion === 'failure' || conclusion === 'timed_out' || conclusion === 'startup_failure'
              ? 'failure'
              : undefined;
        if (!state) continue;
        out.push({
          id: String(num(run.id, what)),
          source: 'workflow-runs',
          sha: str(run.head_sha, what),
          ref: strOrNull(run.head_branch),
          environment: query.workflow,
          createdAt: str(run.created_at, what),
          url: strOrNull(run.html_url),
          creator: run.actor ? strOrNull(obj(run.actor, what).login) : null,
          description: strOrNull(run.display_title),
          task: strOrNull(run.event),
          payload: undefined,
          statuses: [{ state, createdAt: str(run.updated_at ?? run.created_at, what) }]
        });
      }
      yield out;
    }
  }

  async *releases(repo: RepoRef): AsyncIterable<RawDeployment[]> {
    const what = `releases of ${repo.owner}/${repo.name}`;
    const tagShas = new Map<string, string>();
    const tagPages = this.restPages(`tags of ${repo.owner}/${repo.name}`, 'GET /repos/{owner}/{repo}/tags', {
      owner: repo.owner,
      repo: repo.name
    });
    let tagsDone = false;
    for await (const page of this.restPages(what, 'GET /repos/{owner}/{repo}/releases', {
      owner: repo.owner,
      repo: repo.name
    })) {
      const releases = page
        .map((r) => obj(r, what))
        .filter((r) => !bool(r.draft) && !bool(r.prerelease) && r.published_at);
      while (!tagsDone && releases.some((r) => !tagShas.has(str(r.tag_name, what)))) {
        const next = await tagPages.next();
        if (next.done) tagsDone = true;
        else
          for (const t of next.value)
            tagShas.set(str(obj(t, what).name, what), str(obj(obj(t, what).commit, what).sha, what));
      }
      yield releases
        .filter((r) => tagShas.has(str(r.tag_name, what)))
        .map((r) => ({
          id: String(num(r.id, what)),
          source: 'releases' as const,
          sha: tagShas.get(str(r.tag_name, what))!,
          ref: str(r.tag_name, what),
          environment: 'release',
          createdAt: str(r.published_at, what),
          url: strOrNull(r.html_url),
          creator: r.author ? strOrNull(obj(r.author, what).login) : null,
          description: strOrNull(r.name),
          task: 'release',
          payload: undefined,
          statuses: [{ state: 'success' as const, createdAt: str(r.published_at, what) }]
        }));
    }
  }

  async *tags(repo: RepoRef): AsyncIterable<RawDeployment[]> {
    const what = `tags of ${repo.owner}/${repo.name}`;
    const toDeployment = (name: string, sha: string, at: string): RawDeployment => ({
      id: name,
      source: 'tags',
      sha,
      ref: name,
      environment: 'tag',
      createdAt: at,
      url: null,
      creator: null,
      description: name,
      task: 'tag',
      payload: undefined,
      statuses: [{ state: 'success', createdAt: at }]
    });
    if (!this.useGraphql) {
      for await (const page of this.restPages(what, 'GET /repos/{owner}/{repo}/tags', {
        owner: repo.owner,
        repo: repo.name
      })) {
        const dated = await pool(page, this.concurrency, async (t) => {
          const tag = obj(t, what);
          const sha = str(obj(tag.commit, what).sha, what);
          const commit = obj(
            (
              await this.rest(`commit ${sha}`, 'GET /repos/{owner}/{repo}/commits/{ref}', {
                owner: repo.owner,
                repo: repo.name,
                ref: sha
              })
            ).data,
            what
          );
          return toDeployment(str(tag.name, what), sha, str(obj(obj(commit.commit, what).committer, what).date, what));
        });
        yield dated.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
      }
      return;
    }
    let after: string | null = null;
    for (;;) {
      const data = await this.gql(what, TAGS_QUERY, { owner: repo.owner, name: repo.name, first: 100, after });
      if (!data.repository)
        throw new ConfigurationError(`GitHub GraphQL: ${what}: repository not found or not readable with this token`);
      const refs = obj(obj(data.repository, what).refs, what);
      const out: RawDeployment[] = [];
      for (const n of arr(refs.nodes, what)) {
        const node = obj(n, what);
        const target = node.target ? obj(node.target, what) : undefined;
        const commit = target && target.oid ? target : target?.target ? obj(target.target, what) : undefined;
        if (!commit || typeof commit.oid !== 'string' || typeof commit.committedDate !== 'string') continue;
        out.push(toDeployment(str(node.name, what), commit.oid, commit.committedDate));
      }
      yield out;
      const info = obj(refs.pageInfo, what);
      if (!bool(info.hasNextPage)) return;
      after = str(info.endCursor, what);
    }
  }

  // ------------------------------------------------------------------------------------------ changes

  async changes(repo: RepoRef, pairs: readonly ChangePair[]): Promise<Map<string, CommitInfo[]>> {
    const result = new Map<string, CommitInfo[]>();
    let open = [...pairs];
    if (this.useGraphql) {
      const cache = this.cache(repo);
      open = this.walkAll(cache, open, result);
      // One deeper history read for the heads that did not close (a long-lived branch merged, a big deployment).
      const deeper = [...new Set(open.map((p) => p.head))].filter(
        (sha) => cache.commitIds.has(sha) && !cache.complete.has(sha)
      );
      for (const batch of chunks(deeper, 50)) {
        const what = `history of ${repo.owner}/${repo.name}`;
        const data = await this.gql(what, HISTORY_QUERY, {
          ids: batch.map((sha) => cache.commitIds.get(sha)!),
          depth: 100
        });
        for (const n of arr(data.nodes, what)) {
          if (n === null) continue;
          const node = obj(n, what);
          this.remember(cache, str(node.oid, what), node, what);
        }
      }
      if (deeper.length > 0) open = this.walkAll(cache, open, result);
    }
    const compared = await pool(open, this.concurrency, (pair) => this.compare(repo, pair));
    open.forEach((pair, i) => result.set(pairKey(pair), compared[i]));
    return result;
  }

  /** Answers the pairs the read history closes; returns the others. */
  private walkAll(cache: RepoCache, pairs: ChangePair[], result: Map<string, CommitInfo[]>): ChangePair[] {
    const open: ChangePair[] = [];
    let reach: { sha: string; set: Set<string> } | undefined;
    for (const pair of pairs) {
      if (!cache.graph.has(pair.base) || !cache.graph.has(pair.head)) {
        open.push(pair);
        reach = undefined;
        continue;
      }
      // Consecutive pairs chain (base = previous head), so the set of known ancestors grows in place.
      const known = reach?.sha === pair.base ? reach.set : ancestors(cache.graph, pair.base);
      const walked = walk(cache.graph, known, pair.head, cache.complete.has(pair.base));
      if (!walked) {
        open.push(pair);
        reach = undefined;
        continue;
      }
      result.set(pairKey(pair), walked);
      for (const c of walked) known.add(c.sha);
      known.add(pair.head);
      reach = { sha: pair.head, set: known };
    }
    return open;
  }

  private async compare(repo: RepoRef, pair: ChangePair): Promise<CommitInfo[]> {
    const what = `compare ${pair.base.slice(0, 7)}...${pair.head.slice(0, 7)} in ${repo.owner}/${repo.name}`;
    const cache = this.cache(repo);
    const commits: CommitInfo[] = [];
    let pages = 0;
    for await (const page of this.restPages(
      what,
      'GET /repos/{owner}/{repo}/compare/{basehead}',
      { owner: repo.owner, repo: repo.name, basehead: `${pair.base}...${pair.head}` },
      (data) => obj(data, what).commits
    )) {
      for (const c of page) {
        const item = obj(c, what);
        const commit = obj(item.commit, what);
        const sha = str(item.sha, what);
        if (typeof item.node_id === 'string') cache.commitIds.set(sha, item.node_id);
        commits.push({
          sha,
          message: str(commit.message ?? '', what).slice(0, 10_000),
          authoredAt: str(obj(commit.author, what).date, what),
          committedAt: str(obj(commit.committer, what).date, what),
          parents: arr(item.parents ?? [], what).map((p) => str(obj(p, what).sha, what)),
          author: item.author ? strOrNull(obj(item.author, what).login) : strOrNull(obj(commit.author, what).name),
          url: strOrNull(item.html_url),
          pull: undefined
        });
      }
      if (++pages >= MAX_COMPARE_PAGES) {
        throw new ConfigurationError(
          `GitHub API: ${what}: more than ${MAX_COMPARE_PAGES * 100} commits between two deployments`
        );
      }
    }
    return commits;
  }

  // ------------------------------------------------------------------------------------------ pull requests

  async pulls(
    repo: RepoRef,
    commits: readonly CommitInfo[]
  ): Promise<{ byCommit: Map<string, number | null>; pulls: Map<number, PullInfo> }> {
    const byCommit = new Map<string, number | null>();
    const pulls = new Map<number, PullInfo>();
    const unknown = [...new Map(commits.filter((c) => c.pull === undefined).map((c) => [c.sha, c])).values()];
    const what = `pull requests of ${repo.owner}/${repo.name}`;
    if (this.useGraphql) {
      const cache = this.cache(repo);
      const withIds = unknown.filter((c) => cache.commitIds.has(c.sha));
      for (const batch of chunks(withIds, 100)) {
        const data = await this.gql(what, COMMIT_PULLS_QUERY, { ids: batch.map((c) => cache.commitIds.get(c.sha)!) });
        for (const n of arr(data.nodes, what)) {
          if (n === null) continue;
          const node = obj(n, what);
          const first = arr(obj(node.associatedPullRequests, what).nodes, what).map((p) => obj(p, what))[0];
          if (first && typeof first.id === 'string') cache.pullIds.set(num(first.number, what), first.id);
          byCommit.set(str(node.oid, what), first ? num(first.number, what) : null);
        }
      }
      const numbers = new Set<number>();
      for (const c of commits) {
        const n = c.pull ?? byCommit.get(c.sha);
        if (typeof n === 'number') numbers.add(n);
      }
      const ids = [...numbers].filter((n) => cache.pullIds.has(n));
      for (const batch of chunks(ids, 100)) {
        const data = await this.gql(what, PULLS_QUERY, { ids: batch.map((n) => cache.pullIds.get(n)!) });
        for (const n of arr(data.nodes, what)) {
          if (n === null) continue;
          const pull = graphqlPull(obj(n, what), what);
          pulls.set(pull.number, pull);
        }
      }
      // Commits without node ids (none from GraphQL or REST compare in practice) fall through to REST below.
      const rest = unknown.filter((c) => !cache.commitIds.has(c.sha));
      if (rest.length === 0) return { byCommit, pulls };
      return this.restPulls(repo, rest, byCommit, pulls);
    }
    return this.restPulls(repo, unknown, byCommit, pulls);
  }

  private async restPulls(
    repo: RepoRef,
    commits: readonly CommitInfo[],
    byCommit: Map<string, number | null>,
    pulls: Map<number, PullInfo>
  ) {
    const what = `pull requests of ${repo.owner}/${repo.name}`;
    const raw = new Map<number, Json>();
    await pool(commits, this.concurrency, async (c) => {
      const { data } = await this.rest(
        `pull request of commit ${c.sha.slice(0, 7)}`,
        'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
        {
          owner: repo.owner,
          repo: repo.name,
          commit_sha: c.sha
        }
      );
      const list = arr(data, what).map((p) => obj(p, what));
      const merged = list.find((p) => p.merged_at) ?? list[0];
      byCommit.set(c.sha, merged ? num(merged.number, what) : null);
      if (merged) raw.set(num(merged.number, what), merged);
    });
    const details = [...raw.entries()].filter(([n]) => !pulls.has(n));
    await pool(details, this.concurrency, async ([number, p]) => {
      const params = { owner: repo.owner, repo: repo.name, pull_number: number, per_page: 1 };
      const [commitsPage, reviewsPage] = [
        await this.rest(`commits of PR #${number}`, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', params),
        await this.rest(`reviews of PR #${number}`, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', params)
      ];
      const firstCommit = arr(commitsPage.data, what).map((c) => obj(c, what))[0];
      const firstReview = arr(reviewsPage.data, what).map((r) => obj(r, what))[0];
      const body = strOrNull(p.body) ?? '';
      pulls.set(number, {
        number,
        title: str(p.title, what),
        url: strOrNull(p.html_url),
        body: body.slice(0, 20_000),
        author: p.user ? strOrNull(obj(p.user, what).login) : null,
        headRef: p.head ? strOrNull(obj(p.head, what).ref) : null,
        baseRef: p.base ? strOrNull(obj(p.base, what).ref) : null,
        createdAt: str(p.created_at, what),
        mergedAt: strOrNull(p.merged_at),
        firstCommitAt: firstCommit ? str(obj(obj(firstCommit.commit, what).author, what).date, what) : null,
        firstReviewAt: firstReview ? strOrNull(firstReview.submitted_at) : null,
        labels: arr(p.labels ?? [], what).map((l) => str(obj(l, what).name, what)),
        mergeCommitSha: strOrNull(p.merge_commit_sha),
        closesIssues: closingKeywords(body)
      });
    });
    return { byCommit, pulls };
  }

  // ------------------------------------------------------------------------------------------ incidents

  async *incidents(repo: RepoRef, query: { label: string }): AsyncIterable<IncidentInfo[]> {
    const what = `issues labelled ${query.label} in ${repo.owner}/${repo.name}`;
    for await (const page of this.restPages(what, 'GET /repos/{owner}/{repo}/issues', {
      owner: repo.owner,
      repo: repo.name,
      labels: query.label,
      state: 'all',
      sort: 'created',
      direction: 'desc'
    })) {
      yield page
        .map((i) => obj(i, what))
        .filter((i) => i.pull_request === undefined)
        .map((i) => ({
          number: num(i.number, what),
          title: str(i.title, what),
          url: strOrNull(i.html_url),
          body: (strOrNull(i.body) ?? '').slice(0, 20_000),
          labels: arr(i.labels ?? [], what).map((l) => (typeof l === 'string' ? l : str(obj(l, what).name, what))),
          createdAt: str(i.created_at, what),
          closedAt: strOrNull(i.closed_at),
          author: i.user ? strOrNull(obj(i.user, what).login) : null
        }));
    }
  }
}

function graphqlPull(node: Json, what: string): PullInfo {
  const nodes = (value: unknown) => (value ? arr(obj(value, what).nodes, what).map((n) => obj(n, what)) : []);
  const firstCommit = nodes(node.commits)[0];
  const firstReview = nodes(node.reviews)[0];
  return {
    number: num(node.number, what),
    title: str(node.title, what),
    url: strOrNull(node.url),
    body: (strOrNull(node.body) ?? '').slice(0, 20_000),
    author: node.author ? strOrNull(obj(node.author, what).login) : null,
    headRef: strOrNull(node.headRefName),
    baseRef: strOrNull(node.baseRefName),
    createdAt: str(node.createdAt, what),
    mergedAt: strOrNull(node.mergedAt),
    firstCommitAt: firstCommit ? strOrNull(obj(firstCommit.commit, what).authoredDate) : null,
    firstReviewAt: firstReview ? strOrNull(firstReview.submittedAt) : null,
    labels: nodes(node.labels).map((l) => str(l.name, what)),
    mergeCommitSha: node.mergeCommit ? strOrNull(obj(node.mergeCommit, what).oid) : null,
    closesIssues: nodes(node.closingIssuesReferences).map((i) => num(i.number, what))
  };
}

/** Issues a PR body closes with GitHub's keywords (REST has no closingIssuesReferences). */
export function closingKeywords(body: string): number[] {
  return [
    ...new Set(
      [...body.matchAll(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d+)\b/gi)].map((m) => Number(m[1]))
    )
  ];
}

/** Every ancestor of sha the read history knows (sha included). */
function ancestors(graph: Map<string, HistoryEntry>, sha: string): Set<string> {
  const seen = new Set([sha]);
  const stack = [sha];
  while (stack.length > 0) {
    for (const parent of graph.get(stack.pop()!)?.parents ?? []) {
      if (!seen.has(parent)) {
        seen.add(parent);
        stack.push(parent);
      }
    }
  }
  return seen;
}

/**
 * `git log base..head` from the read history, or undefined when the walk leaves it: a commit whose parents were
 * not read, or a root commit that the base's (partial) history does not show as shared.
 */
function walk(
  graph: Map<string, HistoryEntry>,
  known: Set<string>,
  head: string,
  baseComplete: boolean
): CommitInfo[] | undefined {
  const out: CommitInfo[] = [];
  const seen = new Set<string>();
  const stack = [head];
  while (stack.length > 0) {
    const sha = stack.pop()!;
    if (known.has(sha) || seen.has(sha)) continue;
    seen.add(sha);
    const entry = graph.get(sha);
    if (!entry) return undefined;
    if (entry.parents.length === 0 && !baseComplete) return undefined;
    out.push(entry.commit);
    stack.push(...entry.parents);
  }
  return out.sort(
    (a, b) =>
      Date.parse(a.committedAt) - Date.parse(b.committedAt) || Date.parse(a.authoredAt) - Date.parse(b.authoredAt)
  );
}
