// Reads what the metrics need through a DoraClient: deployments from the start of the previous period (plus one
// successful baseline before it), the commits between consecutive successful deployments, their PRs, and the
// incidents. No metric logic here.
import { isConfigurationError } from '../../../../shared/src/lib/errors.js';
import { pairKey, type ChangePair, type DoraClient } from './client.js';
import { outcomeOf, payloadRollback } from './classify.js';
import { ms } from './stats.js';
import type {
  CommitInfo,
  DoraData,
  DoraOptions,
  Finding,
  IncidentInfo,
  PullInfo,
  RawDeployment,
  RepoData,
  RepoRef
} from './types.js';

/** How many pages past the fetch window to look for a baseline deployment. */
const BASELINE_PAGES = 3;

export interface CollectHooks {
  /** Progress lines (the CLI prints them on stderr, the action in the log). */
  info?(message: string): void;
}

export function repoName(repo: RepoRef): string {
  return `${repo.owner}/${repo.name}`;
}

/** Deployments after this are not read: the windows that follow the period's last deployments end here. */
export function horizonOf(options: DoraOptions): number {
  return ms(options.period.end) + Math.max(options.hotfixWindowMs, options.incidentWindowMs);
}

function sourcePages(client: DoraClient, repo: RepoRef, options: DoraOptions): AsyncIterable<RawDeployment[]> {
  switch (options.source) {
    case 'deployments':
      return client.deployments(repo, { environment: options.environment });
    case 'workflow-runs':
      return client.workflowRuns(repo, {
        workflow: options.workflow ?? '',
        branch: options.branch,
        since: options.previousPeriod.start
      });
    case 'releases':
      return client.releases(repo);
    case 'tags':
      return client.tags(repo);
  }
}

async function readDeployments(
  client: DoraClient,
  repo: RepoRef,
  options: DoraOptions,
  findings: Finding[]
): Promise<RawDeployment[]> {
  const from = ms(options.previousPeriod.start);
  const horizon = horizonOf(options);
  const kept: RawDeployment[] = [];
  let baseline: RawDeployment | undefined;
  let pagesPast = 0;
  for await (const page of sourcePages(client, repo, options)) {
    let passed = false;
    for (const d of page) {
      const created = ms(d.createdAt);
      if (created >= horizon) continue;
      if (created >= from) kept.push(d);
      else {
        passed = true;
        if (!baseline && outcomeOf(d).outcome === 'success') baseline = d;
      }
    }
    if (passed && (baseline || ++pagesPast >= BASELINE_PAGES)) break;
  }
  if (baseline) kept.push(baseline);
  else if (kept.length > 0) {
    findings.push({
      id: 'no-baseline',
      level: 'notice',
      repo: repoName(repo),
      message: `no successful deployment before ${options.previousPeriod.start.slice(0, 10)}: the changes of the first one cannot be told apart from the repository's past`
    });
  }
  return kept;
}

/**
 * Consecutive successful deployments by the time they went live, as compare pairs (each pair once). After a
 * rollback recorded in the payload, also the last other deployment against the next one: a rollback whose ref is
 * the failed release's commit ships nothing, and the next release is compared with what was live before it.
 */
export function changePairs(deployments: readonly RawDeployment[], horizon: number): ChangePair[] {
  const live = deployments
    .map((d) => ({ d, o: outcomeOf(d) }))
    .filter((x) => x.o.outcome === 'success' && ms(x.o.at) < horizon)
    .sort((a, b) => ms(a.o.at) - ms(b.o.at) || ms(a.d.createdAt) - ms(b.d.createdAt));
  const pairs = new Map<string, ChangePair>();
  const add = (base: string, head: string) => {
    if (base !== head) pairs.set(pairKey({ base, head }), { base, head });
  };
  let beforeRollback: string | undefined;
  for (let i = 1; i < live.length; i++) {
    add(live[i - 1].d.sha, live[i].d.sha);
    if (payloadRollback(live[i].d.payload)) beforeRollback ??= live[i - 1].d.sha;
    else if (beforeRollback !== undefined) {
      add(beforeRollback, live[i].d.sha);
      beforeRollback = undefined;
    }
  }
  return [...pairs.values()];
}

async function readIncidents(client: DoraClient, repo: RepoRef, options: DoraOptions): Promise<IncidentInfo[]> {
  const from = ms(options.previousPeriod.start);
  const horizon = horizonOf(options);
  const byNumber = new Map<number, IncidentInfo>();
  for (const label of options.incidentLabels) {
    for await (const page of client.incidents(repo, { label })) {
      for (const issue of page) {
        const created = ms(issue.createdAt);
        if (created >= from && created < horizon) byNumber.set(issue.number, issue);
      }
      const oldest = page.at(-1);
      if (!oldest || ms(oldest.createdAt) < from) break;
    }
  }
  return [...byNumber.values()].sort((a, b) => ms(a.createdAt) - ms(b.createdAt) || a.number - b.number);
}

async function collectRepository(
  client: DoraClient,
  repo: RepoRef,
  options: DoraOptions,
  hooks: CollectHooks
): Promise<RepoData> {
  const name = repoName(repo);
  const findings: Finding[] = [];
  const data: RepoData = {
    repo: name,
    deployments: [],
    changes: new Map(),
    pulls: new Map(),
    incidents: [],
    findings,
    fetchedFrom: options.previousPeriod.start,
    fetchedUntil: new Date(horizonOf(options)).toISOString()
  };
  try {
    data.deployments = await readDeployments(client, repo, options, findings);
    hooks.info?.(`${name}: ${data.deployments.length} deployments read`);
    const pairs = changePairs(data.deployments, horizonOf(options));
    data.changes = pairs.length > 0 ? await client.changes(repo, pairs) : new Map<string, CommitInfo[]>();
    const commits: CommitInfo[] = [...data.changes.values()].flat();
    if (commits.length > 0) {
      const { byCommit, pulls } = await client.pulls(repo, commits);
      for (const list of data.changes.values()) {
        for (const commit of list) if (commit.pull === undefined) commit.pull = byCommit.get(commit.sha) ?? null;
      }
      data.pulls = new Map<number, PullInfo>(pulls);
    }
    hooks.info?.(`${name}: ${commits.length} commits in ${pairs.length} compares, ${data.pulls.size} pull requests`);
    data.incidents = options.incidentLabels.length > 0 ? await readIncidents(client, repo, options) : [];
  } catch (error) {
    if (!isConfigurationError(error)) throw error;
    findings.push({ id: 'repository-unreadable', level: 'error', repo: name, message: error.message });
  }
  return data;
}

/** Reads every repository, one after the other (each one's calls are already batched). */
export async function collect(client: DoraClient, options: DoraOptions, hooks: CollectHooks = {}): Promise<DoraData> {
  const repositories: RepoData[] = [];
  for (const repo of options.repositories) repositories.push(await collectRepository(client, repo, options, hooks));
  return { repositories };
}
