// Options, the raw records a DoraClient returns, the analysed views and the report. Times are ISO-8601 strings
// in UTC; durations are milliseconds.

export type Benchmarks = '2023' | '2024' | '2025';
export type Level = 'elite' | 'high' | 'medium' | 'low';
export type DeploymentSource = 'deployments' | 'workflow-runs' | 'releases' | 'tags';

export interface RepoRef {
  owner: string;
  name: string;
}

/** A half-open interval [start, end). */
export interface Period {
  start: string;
  end: string;
}

export interface DoraOptions {
  repositories: RepoRef[];
  /** Deployment environment (Deployments API source). Default `production`. */
  environment: string;
  /** The period reported on. */
  period: Period;
  /** The period it is compared with (resolvePeriod gives both). */
  previousPeriod: Period;
  source: DeploymentSource;
  /** The deploy workflow (file name or id) for the `workflow-runs` source. */
  workflow?: string;
  /** Only runs on this branch (`workflow-runs`). */
  branch?: string;
  /** Issues with any of these labels are incidents. */
  incidentLabels: string[];
  /** PRs with any of these labels are hotfixes (as are `hotfix/...` branches and `hotfix:` titles). */
  hotfixLabels: string[];
  /** A hotfix or revert deployed this long after a deployment marks that deployment as failed. */
  hotfixWindowMs: number;
  /** An incident opened this long after a deployment is linked to it. */
  incidentWindowMs: number;
  benchmarks: Benchmarks;
}

// ------------------------------------------------------------------------------------------------ raw records

export type DeploymentState =
  'success' | 'failure' | 'error' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'waiting';

export interface RawStatus {
  state: DeploymentState;
  createdAt: string;
  description?: string | null;
  logUrl?: string | null;
}

export interface RawDeployment {
  /** The record's id in its source (deployment id, run id, release id or tag name). */
  id: string;
  source: DeploymentSource;
  sha: string;
  ref: string | null;
  environment: string;
  createdAt: string;
  url?: string | null;
  creator?: string | null;
  description?: string | null;
  task?: string | null;
  /** Deployment payload as recorded (blue-green-switch writes `{ color, previous, weights, rollback }`). */
  payload?: unknown;
  /** Any order. */
  statuses: RawStatus[];
}

export interface CommitInfo {
  sha: string;
  message: string;
  authoredAt: string;
  committedAt: string;
  parents: string[];
  author?: string | null;
  url?: string | null;
  /** The PR that introduced the commit: a number, null for none, undefined when not yet looked up. */
  pull?: number | null;
}

export interface PullInfo {
  number: number;
  title: string;
  url?: string | null;
  body?: string | null;
  author?: string | null;
  headRef?: string | null;
  baseRef?: string | null;
  createdAt: string;
  mergedAt: string | null;
  /** Authored date of the PR's first commit (the one a squash merge hides). */
  firstCommitAt?: string | null;
  firstReviewAt?: string | null;
  labels: string[];
  mergeCommitSha?: string | null;
  closesIssues: number[];
}

export interface IncidentInfo {
  number: number;
  title: string;
  url?: string | null;
  body?: string | null;
  labels: string[];
  createdAt: string;
  closedAt: string | null;
  author?: string | null;
}

/** What collect() gathered for one repository. */
export interface RepoData {
  repo: string;
  /** Newest first as listed, every deployment from the fetch window plus a baseline before it. */
  deployments: RawDeployment[];
  /** Commits of each compared pair, keyed `base...head`, oldest first. */
  changes: Map<string, CommitInfo[]>;
  pulls: Map<number, PullInfo>;
  incidents: IncidentInfo[];
  findings: Finding[];
  /** Where the fetch started: nothing before it (but the baseline) was read. */
  fetchedFrom: string;
  fetchedUntil: string;
}

export interface DoraData {
  repositories: RepoData[];
}

// ------------------------------------------------------------------------------------------------ findings

export type FindingLevel = 'error' | 'warning' | 'notice';

export interface Finding {
  id: string;
  level: FindingLevel;
  message: string;
  repo?: string;
}

// ------------------------------------------------------------------------------------------------ analysed views

export type FailureKind = 'failed' | 'rolled-back' | 'hotfix' | 'revert' | 'incident';

export interface FailureReason {
  kind: FailureKind;
  /** One line saying why this deployment counted as failed. */
  detail: string;
  /** The deployment that remedied it (rollback, hotfix, revert), when there is one. */
  remedy?: string;
  pull?: number;
  commit?: string;
  incident?: number;
}

export type ReworkKind = 'rollback' | 'hotfix' | 'revert' | 'incident-fix';

export interface ReworkReason {
  kind: ReworkKind;
  detail: string;
  pull?: number;
  incident?: number;
}

export interface DeploymentView {
  /** `owner/name#id`: unique across repositories and sources. */
  key: string;
  repo: string;
  id: string;
  source: DeploymentSource;
  sha: string;
  ref: string | null;
  environment: string;
  url: string | null;
  creator: string | null;
  createdAt: string;
  outcome: 'success' | 'failure' | 'pending';
  /** Running in production (first success status) for a success; the failing status for a failure. */
  at: string;
  /** The sha already live when this one succeeded: it shipped nothing new. */
  redeploy: boolean;
  rollback: { how: 'payload' | 'older-sha'; detail: string } | null;
  /** Read only as the base of the first compare: before the fetch window. */
  baseline: boolean;
  /** False for the oldest successful deployment without a baseline: what it shipped cannot be told apart. */
  changesKnown: boolean;
  /** Keys of the changes first shipped by this deployment. */
  changes: string[];
  /** Commits in this deployment's compare that an earlier deployment had already shipped (after a rollback). */
  reshipped: number;
  failure: {
    reasons: FailureReason[];
    recoveredAt: string | null;
    recoveredBy: string | null;
    recoveryMs: number | null;
    recoveryBasis: string;
  } | null;
  rework: { reasons: ReworkReason[] } | null;
}

export interface ChangeView {
  /** `owner/name#pr-12` or `owner/name@sha`. */
  key: string;
  repo: string;
  kind: 'pull' | 'commit';
  pull: number | null;
  title: string;
  url: string | null;
  author: string | null;
  headRef: string | null;
  commits: string[];
  firstCommitAt: string;
  openedAt: string | null;
  firstReviewAt: string | null;
  mergedAt: string | null;
  deployedAt: string;
  deployment: string;
  leadTimeMs: number;
  split: { codingMs: number; pickupMs: number; reviewMs: number; deployMs: number };
  hotfix: boolean;
  /** Set for a revert: what it reverts, when it could be read from the PR body or commit message. */
  revert: { pulls: number[]; commits: string[] } | null;
  closesIssues: number[];
}

export interface IncidentView {
  key: string;
  repo: string;
  number: number;
  title: string;
  url: string | null;
  createdAt: string;
  closedAt: string | null;
  /** The deployment it is linked to (the failure it counts for), or null. */
  cause: string | null;
  link: 'explicit' | 'window' | null;
  linkDetail: string;
  /** A deployment shipping a change that closes this issue. */
  fixedBy: string | null;
}

/** Everything the metrics read: one repository, or several merged. */
export interface History {
  repos: string[];
  /** Oldest first by `at`, baselines included (metrics skip them). */
  deployments: DeploymentView[];
  changes: ChangeView[];
  incidents: IncidentView[];
  findings: Finding[];
  /** Whether any deployment was found at all (before, in or after the periods). */
  anyDeployments: boolean;
}

// ------------------------------------------------------------------------------------------------ report

export interface Evidence {
  deployments: string[];
  changes: string[];
  incidents: string[];
}

export interface MetricValue {
  /** Null when there is nothing to measure (no failures for a recovery time, no changes for a lead time). */
  value: number | null;
  /** The value for people, e.g. `2.3/day`, `5h 10m`, `8% (4 of 50)`. */
  display: string;
  /** How many events the value rests on. */
  sample: number;
  /** Why the data is too thin to judge (level and score are then null), or null. */
  thin: string | null;
  /** Secondary numbers (per week, p90, split, counts). */
  extra: Record<string, number | null>;
  evidence: Evidence;
  level: Level | null;
  /** 0-10, higher is better (2025-style). */
  score: number | null;
}

export type MetricUnit = 'per-day' | 'hours' | 'percent';

export interface MetricReport {
  id: string;
  title: string;
  group: 'throughput' | 'instability' | 'other';
  unit: MetricUnit;
  better: 'higher' | 'lower';
  current: MetricValue;
  previous: MetricValue;
  trend: 'better' | 'worse' | 'same' | 'n/a';
  /** current - previous, in the metric's unit. */
  delta: number | null;
}

export interface WeekPoint {
  /** Monday 00:00 UTC. */
  weekStart: string;
  deployments: number;
  medianLeadTimeHours: number | null;
}

export interface RepositoryReport {
  /** `owner/name`, or `all repositories` for the combined view. */
  repo: string;
  metrics: MetricReport[];
  weekly: WeekPoint[];
  /** Deployments, changes and incidents of the current and previous periods (the evidence). */
  deployments: DeploymentView[];
  changes: ChangeView[];
  incidents: IncidentView[];
  findings: Finding[];
}

export interface DoraReport {
  period: Period;
  previousPeriod: Period;
  environment: string;
  source: DeploymentSource;
  benchmarks: Benchmarks;
  repositories: RepositoryReport[];
  /** All repositories merged, when there are several. */
  combined: RepositoryReport | null;
  findings: Finding[];
}
