// The interface every live check implements, one check per module (registry in index.ts). A check is two pure
// steps: `expect` reads the spec into plain data (what should happen for this request and this response), and
// `evaluate` compares an observed exchange with that data. The data is JSON, so a replay file carries it and
// re-checks a failure without the spec.
import type { ApiModel, Operation, ResponseModel } from '../model.js';
import type { CaseInput, CasePlanner, PlannedCase, PortableCache } from '../cases.js';
import type { SchemaValidator } from '../schema/validate.js';
import type { FailureLevel } from '../types.js';

export interface ObservedResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
  truncated: boolean;
  timeMs: number;
}

/** One exchange as checks see it (live, or read back from a replay file). */
export interface Observed {
  request: { method: string; url: string; headers: Record<string, string> };
  response?: ObservedResponse;
  /** Why no response arrived. */
  error?: string;
  /** A hook set transaction.fail. */
  hookFailure?: string;
}

export interface ExpectContext {
  model: ApiModel;
  kase: PlannedCase;
  /** Absent when the request got no response (transport error). */
  response?: ObservedResponse;
  /** The documented response the status falls under (exact, then 2XX-style range, then default). */
  responseDef?: ResponseModel;
  /** Credentials were sent with the request. */
  credentialsApplied: boolean;
  portables: PortableCache;
  options: { maxResponseTimeMs?: number; hooks: boolean };
}

export interface Finding {
  message: string;
  /** Defaults to error. */
  level?: FailureLevel;
}

export interface EvalTools {
  validator: SchemaValidator;
}

export interface PlanContext {
  op: Operation;
  model: ApiModel;
  base: CaseInput;
  planner: CasePlanner;
  /** This operation is the first of its path (path-level probes are sent once per path). */
  firstOfPath: boolean;
}

/** Per operation, every response time observed (aggregate checks). */
export interface OperationTimings {
  op: Operation;
  timesMs: number[];
  /** Index of the slowest exchange in timesMs. */
  slowest: number;
}

export interface LiveCheck<E = unknown> {
  /** Stable, kebab-case; what `checks:` lists and failures carry. */
  id: string;
  title: string;
  description: string;
  /** The Schemathesis check this one matches, for teams comparing. */
  schemathesis?: string;
  /** Probe checks send their own requests; which case kinds they judge. */
  appliesTo(kase: PlannedCase): boolean;
  /**
   * Also judge exchanges that got no response or a 5xx. Other checks skip those: not-a-server-error reports
   * them once, instead of every check reporting the same broken exchange.
   */
  judgesServerErrors?: boolean;
  /** What the spec says should happen; undefined when the check has nothing to say about this exchange. */
  expect(context: ExpectContext): E | undefined;
  evaluate(observed: Observed, expected: E, tools: EvalTools): Finding | undefined;
  /** Probe checks plan their own requests from the operation's baseline request. */
  plan?(context: PlanContext): PlannedCase[];
  /** Checks over all of an operation's exchanges (a percentile, say) also implement this. */
  aggregate?(timings: OperationTimings, options: { maxResponseTimeMs?: number }): Finding | undefined;
}

/** Helper so each module keeps its expectation type while the registry holds them side by side. */
export function defineCheck<E>(check: LiveCheck<E>): LiveCheck<E> {
  return check;
}

export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
