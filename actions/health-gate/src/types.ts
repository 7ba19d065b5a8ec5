// The health gate's data model: what a check is, what one attempt of it returns, and what the gate reports.
// Every check type is one module (checks/*.ts) exporting a CheckKind (checks/kind.ts): its keys, its parse and
// its Probe<its check type>; the scheduler (gate.ts) knows nothing of the check types beyond this file.

export type CheckType = 'http' | 'postgres' | 'redis' | 'tcp' | 'burst' | 'prometheus';

/** Kubernetes-style roles: every startup check must pass before any other check starts. */
export type Role = 'startup' | 'liveness' | 'readiness' | 'smoke';

/** What one attempt found. `warn` counts toward the success threshold but makes the gate's verdict warn. */
export type AttemptStatus = 'pass' | 'warn' | 'fail';

/** How long and how often a check runs; all durations in milliseconds. */
export interface CheckTiming {
  /** Time between the starts of two attempts. */
  interval: number;
  /** Budget of one attempt; the attempt is aborted (and counts as failed) past it. */
  timeout: number;
  /** Wait before the first attempt (counted from when the check is allowed to start). */
  initialDelay: number;
  /** Consecutive passing attempts needed for the check to pass. */
  successThreshold: number;
  /** Consecutive failed attempts after which the check (and the gate) fails early; 0 = only the deadline. */
  failureThreshold: number;
}

export interface BaseCheck extends CheckTiming {
  name: string;
  type: CheckType;
  role: Role;
  /** Where a check from a config file was written, so a failure can be annotated there. */
  origin?: { file: string; line: number };
}

export type { TlsOptions } from '../../../shared/src/lib/http-transport.js';
import type { TlsOptions } from '../../../shared/src/lib/http-transport.js';

export interface HttpCheck extends BaseCheck {
  type: 'http';
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Lower-cased names of the headers that are secret: dropped on a redirect to another origin. */
  secretHeaders?: string[];
  body?: string;
  /** Status matcher text: `2xx`, `200`, `200-299`, `200,204,3xx`. */
  expectStatus: string;
  /** JSON assertions such as `$.status == "pass"`, `$.checks.db[0].observedValue < 100`, `$.version =~ /^v2/`. */
  json: string[];
  /** A regular expression the body must match (JavaScript syntax, no slashes). */
  bodyRegex?: string;
  /** Fail the attempt when the response took longer (ms). */
  maxLatency?: number;
  tls: TlsOptions;
  followRedirects: boolean;
  /** How an application/health+json `warn` status counts: as a pass, as a warn (default), or as a failure. */
  warnAs: AttemptStatus;
}

export interface MigrationsExpectation {
  /** Directory holding the migration files (relative to the workspace). */
  dir: string;
  /** Table to read; auto-detected among the known frameworks' tables when absent. */
  table?: string;
  /** Column holding the version or name; derived from the table when absent. */
  column?: string;
}

export interface PostgresCheck extends BaseCheck {
  type: 'postgres';
  /** libpq URL (postgres://user:pass@host:port/db?sslmode=...). */
  connectionString: string;
  query?: string;
  /** Expected value of the first column of the first row of `query`, compared as text. */
  expect?: string;
  migrations?: MigrationsExpectation;
}

export interface RedisCheck extends BaseCheck {
  type: 'redis';
  /** redis://[user:pass@]host:port[/db] or rediss:// for TLS. */
  url: string;
  /** Overrides the URL's password (e.g. from a secret). */
  password?: string;
  tls: TlsOptions;
  /** Expected replication role (`master` or `replica`/`slave`), from the ROLE command. */
  expectRole?: 'master' | 'replica';
}

export interface TcpCheck extends BaseCheck {
  type: 'tcp';
  host: string;
  port: number;
}

export interface BurstCheck extends BaseCheck {
  type: 'burst';
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Lower-cased names of the headers that are secret: dropped on a redirect to another origin. */
  secretHeaders?: string[];
  body?: string;
  expectStatus: string;
  /** Number of sample requests. */
  requests: number;
  concurrency: number;
  /** Highest acceptable share of failed requests, 0..1 (0.001 = 0.1 %). */
  maxErrorRate: number;
  /** Latency thresholds in ms; undefined = not checked. */
  maxP95?: number;
  maxP99?: number;
  /** Per-request timeout in ms. */
  requestTimeout: number;
  tls: TlsOptions;
}

export interface PrometheusCheck extends BaseCheck {
  type: 'prometheus';
  /** Base URL of the Prometheus HTTP API (the part before /api/v1/query). */
  url: string;
  query: string;
  headers: Record<string, string>;
  /** Lower-cased names of the headers that are secret: dropped on a redirect to another origin. */
  secretHeaders?: string[];
  /** The query's scalar (or single-sample vector) value must be <= max and >= min. */
  max?: number;
  min?: number;
  /** How an empty result counts (default fail: no data is not good data). */
  emptyAs: AttemptStatus;
  tls: TlsOptions;
}

export type Check = HttpCheck | PostgresCheck | RedisCheck | TcpCheck | BurstCheck | PrometheusCheck;

/** The result of one attempt of one check. */
export interface AttemptOutcome {
  status: AttemptStatus;
  /**
   * Set by a probe whose attempt was cut short (the gate stopped) but whose evidence so far already decides
   * it (a burst past its error budget): the gate then records the attempt instead of discarding it.
   */
  conclusive?: boolean;
  /** One line for people: what was found ("200 in 12 ms", "connection refused", "p95 240 ms > 200 ms"). */
  message: string;
  /** Measurements worth reporting (latency, status code, error rate, p95, missing migrations...). */
  observed?: Record<string, unknown>;
}

export interface ProbeContext {
  /** Aborted when the attempt's timeout passes or the gate ends; probes must stop promptly. */
  signal: AbortSignal;
  /** The attempt's timeout in ms (the signal fires at it). */
  timeoutMs: number;
  /** Directory relative paths (migrations dir, CA files) resolve against. */
  cwd: string;
  /**
   * The gate's secrets (credentials, expanded environment values): a probe keeps them out of its messages
   * and never sends a header holding one to another origin.
   */
  secrets?: readonly string[];
}

/**
 * One attempt of one check. Resolves with the outcome; may also throw (network errors etc.), which the
 * scheduler turns into a failed attempt with the error's message. Must never put a secret in a message.
 */
export type Probe<C extends Check = Check> = (check: C, context: ProbeContext) => Promise<AttemptOutcome>;

export interface AttemptRecord extends AttemptOutcome {
  /** ms since the gate started. */
  startedAt: number;
  durationMs: number;
}

export type CheckVerdict = 'pass' | 'warn' | 'fail' | 'cancelled' | 'pending';

export interface CheckReport {
  name: string;
  type: CheckType;
  role: Role;
  verdict: CheckVerdict;
  attempts: number;
  /** ms from the gate's start to the check meeting its success threshold. */
  timeToGreenMs?: number;
  lastMessage?: string;
  /** The last failure's message, if any attempt failed. */
  lastError?: string;
  /** Why the check failed or was cancelled ("failure threshold 3 reached", "deadline 2m passed"). */
  reason?: string;
  /**
   * The first HISTORY_HEAD and the last HISTORY_TAIL attempts (gate.ts); `attempts` counts them all and
   * `omittedAttempts` says how many in between are not kept, so a long gate's report stays small.
   */
  history: AttemptRecord[];
  omittedAttempts: number;
}

export type GateVerdict = 'pass' | 'warn' | 'fail';

export interface GateReport {
  verdict: GateVerdict;
  durationMs: number;
  deadlineMs: number;
  checks: CheckReport[];
  failedChecks: string[];
}
