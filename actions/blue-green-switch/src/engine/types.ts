// The blue-green switch's data model: the router config, the Router plug-in interface every backend implements,
// the saved state, and the typed result every operation returns. Routers (routers/*.ts) know only this file;
// the operations (operations.ts) know routers only through the Router interface.
import type { GateReport } from '../../../health-gate/src/engine/index.js';

export type Color = string;

/** Share of traffic per colour in whole percent, 0-100 each, summing to 100. Data, not router syntax. */
export type Weights = Record<Color, number>;

export const ROUTER_TYPES = ['nginx', 'haproxy', 'command'] as const;
export type RouterType = (typeof ROUTER_TYPES)[number];

export const OPERATIONS = ['status', 'switch', 'canary', 'rollback', 'promote', 'abort'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface ColorSpec {
  name: Color;
  /** nginx: host:port of each upstream server; haproxy: server names in the backend; command: free-form ids. */
  servers: string[];
  /** Base URLs that reach this colour directly (not through the router), for the pre-switch checks. */
  urls: string[];
  /** What the verify probe's header or JSON field says for this colour (default: its name). */
  id: string;
}

export interface VerifySpec {
  /** A URL through the router. */
  url: string;
  /** Response header naming the colour (lower-case), or... */
  header?: string;
  /** ...a dot path into a JSON body (`color`, `build.color`). */
  jsonField?: string;
  headers: Record<string, string>;
  /** Largest accepted gap between a colour's observed share and its weight, 0..1. */
  tolerance: number;
  /** Responses the shares are computed over (the most recent ones). */
  window: number;
  maxRequests: number;
  timeoutMs: number;
  requestTimeoutMs: number;
  concurrency: number;
}

/**
 * How the nginx router changes weights: `reload` rewrites the upstream file and reloads nginx (every reload closes
 * idle keep-alive client connections); `njs` has nginx's njs module pick the colour per request from a weights
 * file the action rewrites, with no reload (the include changes, and nginx reloads, only when it is adopted).
 */
export const NGINX_SWITCH_MODES = ['reload', 'njs'] as const;
export type NginxSwitchMode = (typeof NGINX_SWITCH_MODES)[number];

export interface NginxSpec {
  switch: NginxSwitchMode;
  binary: string;
  /** The user's nginx.conf (its `http {}` includes upstreamFile). */
  config: string;
  prefix?: string;
  upstreamFile: string;
  upstream: string;
  pidFile?: string;
  /** How long old workers may take to finish their requests and exit after a reload. */
  reloadTimeoutMs: number;
  /** Extra parameters on every `server` line (e.g. `max_fails=1 fail_timeout=5s`). */
  serverOptions: string;
  /** Upstream `keepalive N;` (idle connections kept per worker); 0 = none. */
  keepalive: number;
  /** The upstream's `keepalive_timeout` (how long idle upstream connections stay open), when set. */
  keepaliveTimeoutMs?: number;
  /** The JSON access log (log_format ubos_bgs) the judge reads. */
  accessLog?: string;
  /** njs: the weights file the njs code reads on every request (default: beside upstreamFile). */
  weightsFile: string;
  /** njs: the script the include imports (beside upstreamFile). */
  scriptFile: string;
  /** njs: how long drain waits for nginx's connections to a drained colour to close. */
  drainTimeoutMs: number;
}

export interface HaproxySpec {
  socket: string;
  backend: string;
  /** Per runtime-API command. */
  timeoutMs: number;
  /** How long drained servers may take to reach zero current sessions. */
  drainTimeoutMs: number;
  /** A `ring` section the frontend logs to (log-format "bgs %s %ST %Ta"), read by the judge. */
  logRing?: string;
  /** Put drained servers in maintenance once their sessions reach zero. */
  maintAfterDrain: boolean;
  /** HAProxy's `server-state-file`: dumped after every change so a reload keeps the weights. */
  serverStateFile?: string;
}

export interface CommandSpec {
  apply: string;
  status: string;
  drain?: string;
  timeoutMs: number;
  /** Commands run in this directory (the router config's). */
  cwd: string;
}

export interface RouterConfig {
  type: RouterType;
  /** Where the config came from (a path, or `input "router"`), for messages. */
  source: string;
  colors: ColorSpec[];
  verify: VerifySpec;
  /** The colour that is live when the router has no state yet and reads no weights (first run). */
  initial?: Color;
  stateFile: string;
  nginx?: NginxSpec;
  haproxy?: HaproxySpec;
  command?: CommandSpec;
  /** Every credential found in the config (verify headers), for masking. */
  secrets: string[];
}

// ------------------------------------------------------------------------------------------- the Router

export interface RouterContext {
  /** Aborting stops waiting (drain, reload confirmation); an apply already sent is not undone by it. */
  signal: AbortSignal;
  log: (message: string) => void;
}

export type ServerState = 'up' | 'down' | 'drain' | 'maint' | 'unknown';

export interface ServerReading {
  color: Color;
  /** The server as the router names it (address for nginx, server name for HAProxy). */
  name: string;
  /** host:port when the router knows it. */
  address?: string;
  /** The router's own weight unit. */
  weight: number;
  state: ServerState;
  /** Current sessions (HAProxy scur). */
  sessions?: number;
}

export interface RouterReading {
  weights: Weights;
  servers: ServerReading[];
  /** One line on what was read ("upstream app in /etc/nginx/bgs/app.conf"). */
  detail: string;
}

export interface ApplyOutcome {
  message: string;
  warnings: string[];
}

export interface DrainOutcome {
  drained: boolean;
  message: string;
}

/** What the router saw of one colour's requests during a judge window. */
export interface ColorTraffic {
  requests: number;
  /** 5xx responses and requests that got no response. */
  errors: number;
  /** Per-request latencies in ms (a sample; may be empty when the router gives only counters). */
  latenciesMs: number[];
}

export interface TrafficWindow {
  /** Ends the window and returns what each colour served in it. */
  stop(context: RouterContext): Promise<Record<Color, ColorTraffic>>;
}

/** A router's own request metrics, for the canary judge. */
export interface TrafficMeter {
  /** One line on where the numbers come from. */
  source: string;
  start(context: RouterContext): Promise<TrafficWindow>;
}

/**
 * One traffic router. Weights are data (0-100 per colour); checking that traffic really moved is the engine's
 * job (probing through the router), so a backend only has to apply, read back and drain. A Kubernetes or ALB
 * backend fits the same shape: apply patches a selector or target-group weights, read reads them back.
 */
export interface Router {
  readonly type: RouterType;
  /** Stable identity of what this router controls; the state file records it to refuse a foreign state. */
  readonly identity: string;
  describe(): string;
  /** The router is running and reachable and the config fits it; a ConfigurationError otherwise. */
  preflight(context: RouterContext): Promise<void>;
  read(context: RouterContext): Promise<RouterReading>;
  /** Applies the weights; on failure the router keeps (or is put back to) what it had, and this throws. */
  apply(weights: Weights, context: RouterContext): Promise<ApplyOutcome>;
  /** Waits until colours that get no traffic any more have finished their in-flight requests (bounded). */
  drain(colors: Color[], context: RouterContext): Promise<DrainOutcome>;
  /** The router's per-colour request metrics, when it can give them. */
  traffic?: TrafficMeter;
}

export interface RouterDependencies {
  /** Environment of the commands a command router runs. */
  env: Record<string, string | undefined>;
}

export type RouterFactory = (config: RouterConfig, dependencies: RouterDependencies) => Router;

// ------------------------------------------------------------------------------------------------ state

export interface CanaryProgress {
  from: Color;
  to: Color;
  /** The new colour's share at each step. */
  steps: number[];
  /** Index of the last step applied. */
  stepIndex: number;
  /** Weights before the canary started (what abort and rollback restore). */
  fromWeights: Weights;
  startedAt: string;
  runId: string;
  /** The GitHub deployment recording this canary, finished by promote or abort. */
  deploymentId?: number;
}

export interface SwitchState {
  schema: typeof STATE_SCHEMA;
  /** Router.identity of the router this state belongs to. */
  router: string;
  live: Color | null;
  previous: Color | null;
  weights: Weights;
  /** What rollback restores. */
  previousWeights: Weights | null;
  canary: CanaryProgress | null;
  lastOperation: Operation | null;
  updatedAt: string;
  runId: string;
  /** The GitHub deployment whose status is success for the live colour (marked inactive when replaced). */
  deploymentId?: number;
  /**
   * The GitHub deployment that shipped previousWeights (the one deploymentId replaced): a rollback records the
   * commit of this deployment, not the run's own.
   */
  previousDeploymentId?: number;
}

export const STATE_SCHEMA = 'ubos/blue-green-switch/state@1';

// ------------------------------------------------------------------------------------------------ judge

export type JudgeVerdict = 'pass' | 'fail' | 'inconclusive';

export interface JudgeOptions {
  /** Requests each colour needs in the window before the judge decides anything. */
  minRequests: number;
  /** Confidence level of both tests, e.g. 0.95. */
  confidence: number;
  /** Largest accepted increase of the error rate, absolute (0.01 = one percentage point). */
  maxErrorRateIncrease: number;
  /** Largest accepted latency increase relative to the old colour (0.25 = 25 %, Kayenta's tolerance). */
  maxLatencyIncrease: number;
  /** Latency shifts below this many ms never fail (noise on fast services). */
  minLatencyIncreaseMs: number;
  /** What an inconclusive judgement does to the canary. */
  onInconclusive: 'continue' | 'fail';
}

export interface ErrorRateJudgement {
  verdict: JudgeVerdict;
  oldRate: number;
  newRate: number;
  /** One-sided p-value of H1 "the new colour errs more" (two-proportion z-test, pooled). */
  pValue: number | null;
  z: number | null;
  reason: string;
}

export interface LatencyJudgement {
  verdict: JudgeVerdict;
  oldMedianMs: number | null;
  newMedianMs: number | null;
  /** Hodges-Lehmann estimate of new - old, in ms. */
  shiftMs: number | null;
  /** One-sided p-value of H1 "the new colour is slower" (Mann-Whitney U, normal approximation). */
  pValue: number | null;
  u: number | null;
  reason: string;
}

export interface JudgeResult {
  verdict: JudgeVerdict;
  reason: string;
  source: string;
  perColor: Record<
    Color,
    { requests: number; errors: number; errorRate: number; p50Ms: number | null; p95Ms: number | null }
  >;
  errorRate: ErrorRateJudgement;
  latency: LatencyJudgement;
}

// ------------------------------------------------------------------------------------------- the result

export interface VerifyResult {
  ok: boolean;
  requests: number;
  /** Observed share per colour over the final window (0..1); `unknown` for unidentified responses. */
  shares: Record<string, number>;
  durationMs: number;
  message: string;
}

export interface GateSummary {
  verdict: GateReport['verdict'];
  target: 'direct' | 'router';
  failedChecks: string[];
  durationMs: number;
  message: string;
}

export type TimelinePhase = 'pre-check' | 'gate' | 'apply' | 'verify' | 'wait' | 'judge' | 'drain' | 'restore' | 'note';

export interface TimelineEntry {
  phase: TimelinePhase;
  /** 1-based canary step, when the entry belongs to one. */
  step?: number;
  weights?: Weights;
  ok: boolean;
  message: string;
  /** ms since the operation started. */
  at: number;
  durationMs: number;
  verify?: VerifyResult;
  gate?: GateSummary;
  judge?: JudgeResult;
}

export type OperationVerdict = 'pass' | 'warn' | 'fail';

export interface OperationResult {
  operation: Operation;
  verdict: OperationVerdict;
  /** One line for people. */
  message: string;
  router: { type: RouterType; description: string };
  live: Color | null;
  previous: Color | null;
  weights: Weights;
  rolledBack: boolean;
  /** A canary left half done (paused by a schedule below 100, or found from an earlier run). */
  canary: CanaryProgress | null;
  /** The last judgement, if the judge ran. */
  judge?: JudgeResult;
  timeline: TimelineEntry[];
  warnings: string[];
  environmentUrl?: string;
  deploymentId?: number;
  durationMs: number;
}
