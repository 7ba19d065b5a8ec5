// The engine's view of GitHub: the records it needs, in pages, and batch look-ups. The adapter in ../github/
// implements it over Octokit (GraphQL where it saves calls); tests may implement it in memory.
import type { CommitInfo, IncidentInfo, PullInfo, RawDeployment, RepoRef } from './types.js';

export interface ChangePair {
  base: string;
  head: string;
}

export function pairKey(pair: ChangePair): string {
  return `${pair.base}...${pair.head}`;
}

export interface DoraClient {
  /** Deployments to one environment with their statuses, newest first, page by page. */
  deployments(repo: RepoRef, query: { environment: string }): AsyncIterable<RawDeployment[]>;
  /** Completed runs of one workflow (file name or id), newest first; `statuses` holds the conclusion. */
  workflowRuns(
    repo: RepoRef,
    query: { workflow: string; branch?: string; since: string }
  ): AsyncIterable<RawDeployment[]>;
  /** Published releases (not drafts or pre-releases), newest first, each resolved to its tag's sha. */
  releases(repo: RepoRef): AsyncIterable<RawDeployment[]>;
  /** Tags, newest commit first. */
  tags(repo: RepoRef): AsyncIterable<RawDeployment[]>;
  /** For each pair, the commits reachable from head and not from base, oldest first (`git log base..head`). */
  changes(repo: RepoRef, pairs: readonly ChangePair[]): Promise<Map<string, CommitInfo[]>>;
  /**
   * The PR of each commit whose `pull` is undefined (null when there is none), and the details of every PR
   * those commits and the given numbers point at.
   */
  pulls(
    repo: RepoRef,
    commits: readonly CommitInfo[]
  ): Promise<{ byCommit: Map<string, number | null>; pulls: Map<number, PullInfo> }>;
  /** Issues with the label (open and closed), newest first. */
  incidents(repo: RepoRef, query: { label: string }): AsyncIterable<IncidentInfo[]>;
}
