// The health gate's data model: what a check is, what one attempt of it returns, and what the gate reports.
// Every check type is one module (checks/*.ts) exporting its check interface and a CheckKind (checks/kind.ts):
// its keys, its parse and its Probe<its check type>. This file holds what the types share (BaseCheck, timing,
// outcomes, reports) and the Check union; the scheduler (gate.ts) knows nothing of the check types beyond it.
import type { BurstCheck } from './checks/burst.js';
import type { HttpCheck } from './checks/http.js';
import type { PostgresCheck } from './checks/postgres.js';
import type { PrometheusCheck } from './checks/prometheus.js';
import type { RedisCheck } from './checks/redis.js';
import type { TcpCheck } from './checks/tcp.js';

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

/** Every check type's check, as the config parser returns them (each interface lives beside its probe). */
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
