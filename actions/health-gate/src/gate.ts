// The scheduler: runs every check concurrently with its own interval, timeout and thresholds under one overall
// deadline. It passes when every check has met its success threshold and fails as soon as one cannot: its
// failure threshold was reached, a startup check failed, or the deadline passed. It never outlives the deadline
// by more than one attempt's timeout, because every attempt races its own timer and the gate's abort signal.
import { formatDuration, MAX_TIMER_MS } from '../../../shared/src/lib/duration.js';
import { asError, ConfigurationError, isConfigurationError } from '../../../shared/src/lib/errors.js';
import { redact, redactDeep } from '../../../shared/src/lib/redact.js';
import type {
  AttemptOutcome,
  AttemptRecord,
  AttemptStatus,
  Check,
  CheckReport,
  CheckType,
  GateReport,
  GateVerdict,
  Probe,
  ProbeContext
} from './types.js';

export type ProbeTable = { [T in CheckType]: Probe<Extract<Check, { type: T }>> };

export interface GateOptions {
  checks: Check[];
  deadlineMs: number;
  probes: ProbeTable;
  cwd: string;
  /** Redacted from every message the gate records. */
  secrets?: string[];
  /** Called after every attempt, e.g. to log progress. */
  onAttempt?(check: Check, attempt: AttemptRecord): void;
  /** Aborting it stops the gate (e.g. SIGTERM); the report then says so. */
  signal?: AbortSignal;
}

class GateStopped extends Error {}
class AttemptTimedOut extends Error {}

/** Attempts kept in a check's history: the first ones (how it started) and the last ones (how it ended). */
export const HISTORY_HEAD = 10;
export const HISTORY_TAIL = 50;

/**
 * How long an attempt cut short (timeout or the gate's end) may take to hand over what it found; a probe
 * that ignores its abort signal costs at most this much more.
 */
const CUT_GRACE_MS = 150;

/**
 * setTimeout for any duration: Node's timers fire after 1 ms when given more than 2^31-1 ms, which would
 * make a long deadline end the gate at once and a long interval spin, so a long wait is chained in steps.
 */
function setLongTimeout(callback: () => void, ms: number): () => void {
  let remaining = Number.isFinite(ms) ? Math.max(0, ms) : MAX_TIMER_MS;
  let handle: NodeJS.Timeout;
  const arm = (): void => {
    const step = Math.min(remaining, MAX_TIMER_MS);
    remaining -= step;
    handle = setTimeout(() => (remaining > 0 ? arm() : callback()), step);
  };
  arm();
  return () => clearTimeout(handle);
}

/** Resolves after ms, or rejects with GateStopped as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new GateStopped());
    const cancel = setLongTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      cancel();
      reject(new GateStopped());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] || error.name;
  return String(error);
}

/**
 * One attempt: the probe raced against its timeout and the gate's end; never throws but for a user mistake.
 * When either cuts the attempt, the probe gets a short grace to return a conclusive outcome (a burst already
 * past its error budget); anything else it returns then is discarded for the timeout or "stopped" outcome.
 */
async function attempt(
  check: Check,
  probe: Probe<Check>,
  gateSignal: AbortSignal,
  cwd: string,
  secrets: readonly string[]
): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const onGateAbort = () => controller.abort(new GateStopped());
  gateSignal.addEventListener('abort', onGateAbort, { once: true });
  const timedOut: AttemptOutcome = {
    status: 'fail',
    message: `no answer within ${formatDuration(check.timeout)} (timeout)`
  };
  const stopped: AttemptOutcome = { status: 'fail', message: 'stopped: the gate ended' };
  const context: ProbeContext = { signal: controller.signal, timeoutMs: check.timeout, cwd, secrets };
  let cancelTimer: (() => void) | undefined;
  let cancelGrace: (() => void) | undefined;
  let onCut: (() => void) | undefined;
  try {
    // A user mistake found only when probing (a missing migrations dir) ends the gate with that one line;
    // anything else the probe throws is the service's failure.
    const probed = Promise.resolve()
      .then(() => probe(check, context))
      .catch((error: unknown): AttemptOutcome => {
        if (isConfigurationError(error)) throw new ConfigurationError(redact(error.message, secrets));
        return { status: 'fail', message: errorMessage(error) };
      });
    return await new Promise<AttemptOutcome>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: AttemptOutcome) => {
        if (settled) return;
        settled = true;
        resolve(outcome);
      };
      probed.then(
        (outcome) => {
          if (!controller.signal.aborted) finish(outcome);
        },
        (error: unknown) => {
          settled = true;
          reject(asError(error));
        }
      );
      onCut = () => {
        // Settled already (the attempt finished, then the finally below aborts its controller): no grace timer,
        // or the process would wait CUT_GRACE_MS for nothing at the end of every gate.
        if (settled) return;
        const fallback = controller.signal.reason instanceof GateStopped ? stopped : timedOut;
        cancelGrace = setLongTimeout(() => finish(fallback), CUT_GRACE_MS);
        probed.then(
          (outcome) => finish(outcome.conclusive ? outcome : fallback),
          () => finish(fallback)
        );
      };
      if (controller.signal.aborted) onCut();
      else controller.signal.addEventListener('abort', onCut, { once: true });
      cancelTimer = setLongTimeout(() => controller.abort(new AttemptTimedOut()), check.timeout);
    });
  } finally {
    cancelTimer?.();
    cancelGrace?.();
    gateSignal.removeEventListener('abort', onGateAbort);
    if (onCut) controller.signal.removeEventListener('abort', onCut);
    if (!controller.signal.aborted) controller.abort(new GateStopped());
  }
}

interface CheckState {
  report: CheckReport;
  successes: number;
  failures: number;
  started: boolean;
  /** The status of the last attempt that completed (not cut by the gate's end). */
  lastStatus?: AttemptStatus;
  /** When the attempt in flight at the gate's end started (ms since the gate started). */
  inFlightSince?: number;
}

/**
 * Longest message or observed string kept per attempt: a service decides how much text a probe reports (a
 * health document with thousands of failing entries, a huge query result), and the report must stay small.
 */
export const MAX_RECORDED_TEXT = 1_000;

function clipText(text: string): string {
  return text.length > MAX_RECORDED_TEXT ? `${text.slice(0, MAX_RECORDED_TEXT - 1)}…` : text;
}

function clipDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return clipText(value);
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.slice(0, 100).map((item) => clipDeep(item, depth + 1));
    return value.length > 100 ? [...items, `… ${value.length - 100} more`] : items;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [clipText(k), clipDeep(v, depth + 1)]));
}

/** Keeps the first HISTORY_HEAD and the last HISTORY_TAIL attempts, counting the ones dropped in between. */
function remember(report: CheckReport, record: AttemptRecord): void {
  report.history.push(record);
  if (report.history.length > HISTORY_HEAD + HISTORY_TAIL) {
    report.history.splice(HISTORY_HEAD, 1);
    report.omittedAttempts++;
  }
}

export async function runGate(options: GateOptions): Promise<GateReport> {
  if (!Number.isFinite(options.deadlineMs) || options.deadlineMs < 0) {
    throw new ConfigurationError(`the deadline must be a duration, not ${String(options.deadlineMs)} ms`);
  }
  const start = performance.now();
  const elapsed = () => Math.round(performance.now() - start);
  const secrets = (options.secrets ?? []).filter((s) => s !== '');
  const gate = new AbortController();
  const onOuterAbort = () => gate.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let endReason: string | undefined;
  const cancelDeadline = setLongTimeout(() => {
    endReason = `deadline ${formatDuration(options.deadlineMs)} passed`;
    gate.abort();
  }, options.deadlineMs);

  const states = new Map<Check, CheckState>(
    options.checks.map((check): [Check, CheckState] => [
      check,
      {
        report: {
          name: check.name,
          type: check.type,
          role: check.role,
          verdict: 'pending',
          attempts: 0,
          history: [],
          omittedAttempts: 0
        },
        successes: 0,
        failures: 0,
        started: false
      }
    ])
  );

  const runCheck = async (check: Check): Promise<void> => {
    const state = states.get(check)!;
    const { report } = state;
    state.started = true;
    const probe = options.probes[check.type] as Probe<Check>;
    await sleep(check.initialDelay, gate.signal);
    for (;;) {
      const startedAt = elapsed();
      state.inFlightSince = startedAt;
      const outcome = await attempt(check, probe, gate.signal, options.cwd, secrets);
      // An attempt cut short by the gate's end says nothing about the service, unless the probe says its
      // evidence already decides it.
      if (gate.signal.aborted && !outcome.conclusive) return;
      state.inFlightSince = undefined;
      // A service may echo what it was sent (a header, the URL): nothing masked stays in the report. Redacted
      // before clipped, so a cut never leaves part of a secret.
      const { conclusive: _conclusive, ...found } = outcome;
      const record: AttemptRecord = {
        ...found,
        message: clipText(redact(String(found.message), secrets)),
        ...(found.observed === undefined
          ? {}
          : { observed: clipDeep(redactDeep(found.observed, secrets)) as Record<string, unknown> }),
        startedAt,
        durationMs: elapsed() - startedAt
      };
      remember(report, record);
      report.attempts++;
      report.lastMessage = record.message;
      state.lastStatus = record.status;
      options.onAttempt?.(check, record);
      if (record.status === 'fail') {
        state.failures++;
        state.successes = 0;
        report.lastError = record.message;
        if (gate.signal.aborted) return;
        if (check.failureThreshold > 0 && state.failures >= check.failureThreshold) {
          report.verdict = 'fail';
          report.reason = `failure threshold reached: ${state.failures} consecutive failed attempts`;
          endReason ??= `check "${check.name}" failed`;
          gate.abort();
          return;
        }
      } else {
        state.successes++;
        state.failures = 0;
        if (state.successes >= check.successThreshold) {
          report.verdict = record.status === 'warn' ? 'warn' : 'pass';
          report.timeToGreenMs = elapsed();
          return;
        }
        if (gate.signal.aborted) return;
      }
      await sleep(Math.max(0, startedAt + check.interval - elapsed()), gate.signal);
    }
  };

  const settle = (promise: Promise<void>) =>
    promise.catch((error: unknown) => {
      if (error instanceof GateStopped) return;
      gate.abort();
      throw error;
    });
  const startup = options.checks.filter((c) => c.role === 'startup');
  const others = options.checks.filter((c) => c.role !== 'startup');
  try {
    await Promise.all(startup.map((c) => settle(runCheck(c))));
    const startupPassed = startup.every((c) => ['pass', 'warn'].includes(states.get(c)!.report.verdict));
    if (startupPassed) await Promise.all(others.map((c) => settle(runCheck(c))));
  } finally {
    cancelDeadline();
    options.signal?.removeEventListener('abort', onOuterAbort);
  }

  if (options.signal?.aborted && !endReason) endReason = 'the gate was cancelled';
  const timedOut = endReason?.startsWith('deadline') || endReason === 'the gate was cancelled';
  for (const [check, state] of states) {
    const { report } = state;
    if (report.verdict !== 'pending') continue;
    if (!state.started) {
      report.verdict = 'cancelled';
      report.reason = 'not started: the startup checks did not pass';
    } else if (timedOut) {
      report.verdict = 'fail';
      report.reason = `${endReason} before ${check.successThreshold} consecutive passing attempt(s)`;
      if (report.lastError === undefined && state.inFlightSince !== undefined) {
        // Nothing completed: say what the gate was waiting for, so the failure has an error to show.
        report.lastError = `no attempt completed: the one started at +${formatDuration(state.inFlightSince)} had no answer when the gate ended`;
      }
    } else if (state.lastStatus === 'fail') {
      // The gate stopped for another check, but this one was failing too: it is a failed check, not a
      // cancelled one, so failed-checks and the annotations name it.
      report.verdict = 'fail';
      report.reason = `failing when the gate stopped (${state.failures} consecutive failed attempt(s)); ${endReason ?? 'the gate ended'}`;
    } else {
      report.verdict = 'cancelled';
      report.reason =
        state.lastStatus === undefined
          ? `stopped before an attempt completed: ${endReason ?? 'the gate ended'}`
          : `stopped while passing (${state.successes} of ${check.successThreshold} consecutive passing attempt(s)): ${endReason ?? 'the gate ended'}`;
    }
  }

  const checks = options.checks.map((c) => states.get(c)!.report);
  const failedChecks = checks.filter((c) => c.verdict === 'fail').map((c) => c.name);
  let verdict: GateVerdict = 'pass';
  if (checks.some((c) => c.verdict !== 'pass' && c.verdict !== 'warn')) verdict = 'fail';
  else if (checks.some((c) => c.verdict === 'warn')) verdict = 'warn';
  return { verdict, durationMs: elapsed(), deadlineMs: options.deadlineMs, checks, failedChecks };
}
