// Builds GitHub emulator fixtures for DORA histories: a main line of commits, PRs merged by squash, rebase or
// merge commit, direct pushes, deployments with statuses, and incident issues. Times are given explicitly so the
// tests can compute the expected metrics by hand.
import crypto from 'node:crypto';
import type {
  CommitFixture,
  DeploymentFixture,
  DeploymentState,
  IssueFixture,
  PullFixture,
  RepoFixture
} from '../harness/github-api.js';

export function sha(name: string): string {
  return crypto.createHash('sha1').update(name).digest('hex');
}

export interface PullSpec {
  number: number;
  title?: string;
  /** Authored times of the branch commits, oldest first (at least one). */
  commits: string[];
  opened: string;
  review?: string;
  merged: string;
  labels?: string[];
  head?: string;
  body?: string;
  closes?: number[];
  user?: string;
}

export class RepoBuilder {
  readonly commits: CommitFixture[] = [];
  readonly pulls: PullFixture[] = [];
  readonly deployments: DeploymentFixture[] = [];
  readonly issues: IssueFixture[] = [];
  head: string;
  private deploymentId = 5000;

  constructor(
    readonly owner: string,
    readonly name: string,
    rootAt: string
  ) {
    this.head = this.add(`${owner}/${name}:root`, rootAt, rootAt, [], 'Initial commit');
  }

  private add(seed: string, authoredAt: string, committedAt: string, parents: string[], message: string): string {
    const id = sha(seed);
    this.commits.push({ sha: id, message, authorDate: authoredAt, committerDate: committedAt, parents });
    return id;
  }

  /** A commit pushed to main without a PR. */
  push(label: string, at: string, message = label): string {
    this.head = this.add(`${this.owner}/${this.name}:push:${label}`, at, at, [this.head], message);
    return this.head;
  }

  private branch(spec: PullSpec, base: string): string[] {
    const shas: string[] = [];
    let parent = base;
    spec.commits.forEach((at, i) => {
      parent = this.add(
        `${this.owner}/${this.name}:pr${spec.number}:${i}`,
        at,
        at,
        [parent],
        `${spec.title ?? 'work'} (${i + 1})`
      );
      shas.push(parent);
    });
    return shas;
  }

  private pull(spec: PullSpec, mergeCommitSha: string, branchCommits: string[]): void {
    this.pulls.push({
      number: spec.number,
      title: spec.title ?? `PR ${spec.number}`,
      state: 'closed',
      createdAt: spec.opened,
      mergedAt: spec.merged,
      mergeCommitSha,
      headSha: branchCommits.at(-1),
      head: spec.head ?? `feature-${spec.number}`,
      labels: spec.labels,
      body: spec.body ?? null,
      commits: branchCommits,
      reviews: spec.review ? [{ submittedAt: spec.review }] : [],
      closesIssues: spec.closes,
      user: { login: spec.user ?? 'dev' }
    });
  }

  /** The branch commits stay off main; main gets one new commit authored at the merge. */
  squash(spec: PullSpec): string {
    const branch = this.branch(spec, this.head);
    this.head = this.add(
      `${this.owner}/${this.name}:squash${spec.number}`,
      spec.merged,
      spec.merged,
      [this.head],
      `${spec.title ?? 'PR'} (#${spec.number})`
    );
    this.pull(spec, this.head, branch);
    return this.head;
  }

  /** The commits are replayed on main: authored dates kept, committed at the merge. */
  rebase(spec: PullSpec): string {
    const original = this.branch(spec, this.head);
    const rebased: string[] = [];
    spec.commits.forEach((at, i) => {
      this.head = this.add(
        `${this.owner}/${this.name}:rebased${spec.number}:${i}`,
        at,
        spec.merged,
        [this.head],
        `${spec.title ?? 'work'} (${i + 1})`
      );
      rebased.push(this.head);
    });
    // GitHub associates the rebased commits with the PR too.
    this.pull(spec, this.head, [...original, ...rebased]);
    return this.head;
  }

  /** The branch commits join main through a merge commit. */
  merge(spec: PullSpec): string {
    const branch = this.branch(spec, this.head);
    this.head = this.add(
      `${this.owner}/${this.name}:merge${spec.number}`,
      spec.merged,
      spec.merged,
      [this.head, branch.at(-1)!],
      `Merge pull request #${spec.number}`
    );
    this.pull(spec, this.head, branch);
    return this.head;
  }

  deploy(spec: {
    sha?: string;
    created: string;
    statuses: [DeploymentState, string][];
    payload?: unknown;
    environment?: string;
  }): number {
    const id = ++this.deploymentId;
    this.deployments.push({
      id,
      sha: spec.sha ?? this.head,
      ref: 'main',
      environment: spec.environment ?? 'production',
      createdAt: spec.created,
      payload: spec.payload,
      statuses: spec.statuses.map(([state, createdAt]) => ({
        state,
        createdAt,
        logUrl: `https://github.com/${this.owner}/${this.name}/actions/runs/${id}`
      }))
    });
    return id;
  }

  incident(spec: {
    number: number;
    title: string;
    opened: string;
    closed?: string;
    body?: string;
    labels?: string[];
  }): void {
    this.issues.push({
      number: spec.number,
      title: spec.title,
      body: spec.body ?? null,
      labels: spec.labels ?? ['incident'],
      createdAt: spec.opened,
      closedAt: spec.closed ?? null,
      state: spec.closed ? 'closed' : 'open'
    });
  }

  fixture(): RepoFixture {
    return {
      owner: this.owner,
      name: this.name,
      branches: { main: this.head },
      commits: this.commits,
      pulls: this.pulls,
      deployments: this.deployments,
      issues: this.issues
    };
  }
}
