// The scheduler: runs every check concurrently with its own interval, timeout and thresholds under one overall
// deadline. It passes when every check has met its success threshold and fails as soon as one cannot: its
// failure threshold was reached, a startup check failed, or the deadline passed. It never outlives the deadline
// by more than one attempt's timeout, because every attempt races its own timer and the gate's abort signal.
import { formatDuration } from '../../../shared/src/lib/duration.js';
import { isConfigurationError } from '../../../shared/src/lib/errors.js';
import { redact } from '../../../shared/src/lib/redact.js';
import type {
  AttemptOutcome,
  AttemptRecord,
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

/** Resolves after ms, or rejects with GateStopped as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new GateStopped());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new GateStopped());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] || error.name;
  return String(error);
}

/** One attempt: the probe raced against its timeout and the gate's end; never throws. */
async function attempt(
  check: Check,
  probe: Probe<Check>,
  gateSignal: AbortSignal,
  cwd: string
): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const onGateAbort = () => controller.abort(new GateStopped());
  gateSignal.addEventListener('abort', onGateAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<AttemptOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error('timeout'));
      resolve({ status: 'fail', message: `no answer within ${formatDuration(check.timeout)} (timeout)` });
    }, check.timeout);
  });
  const stopped = new Promise<AttemptOutcome>((resolve) => {
    controller.signal.addEventListener('abort', () => {
      if (controller.signal.reason instanceof GateStopped)
        resolve({ status: 'fail', message: 'stopped: the gate ended' });
    });
  });
  const context: ProbeContext = { signal: controller.signal, timeoutMs: check.timeout, cwd };
  try {
    // A user mistake found only when probing (a missing migrations dir) ends the gate with that one line;
    // anything else the probe throws is the service's failure.
    const probed = probe(check, context).catch((error: unknown): AttemptOutcome => {
      if (isConfigurationError(error)) throw error;
      return { status: 'fail', message: errorMessage(error) };
    });
    return await Promise.race([probed, timedOut, stopped]);
  } finally {
    clearTimeout(timer);
    gateSignal.removeEventListener('abort', onGateAbort);
    if (!controller.signal.aborted) controller.abort(new GateStopped());
  }
}

interface CheckState {
  report: CheckReport;
  successes: number;
  failures: number;
  started: boolean;
}

export async function runGate(options: GateOptions): Promise<GateReport> {
  const start = performance.now();
  const elapsed = () => Math.round(performance.now() - start);
  const secrets = options.secrets ?? [];
  const gate = new AbortController();
  const onOuterAbort = () => gate.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let endReason: string | undefined;
  const deadlineTimer = setTimeout(() => {
    endReason = `deadline ${formatDuration(options.deadlineMs)} passed`;
    gate.abort();
  }, options.deadlineMs);

  const states = new Map<Check, CheckState>(
    options.checks.map((check) => [
      check,
      {
        report: { name: check.name, type: check.type, role: check.role, verdict: 'pending', attempts: 0, history: [] },
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
      const outcome = await attempt(check, probe, gate.signal, options.cwd);
      if (gate.signal.aborted) return; // the attempt was cut short by the gate's end, not by the service
      const record: AttemptRecord = {
        ...outcome,
        message: redact(outcome.message, secrets),
        startedAt,
        durationMs: elapsed() - startedAt
      };
      report.history.push(record);
      report.attempts++;
      report.lastMessage = record.message;
      options.onAttempt?.(check, record);
      if (record.status === 'fail') {
        state.failures++;
        state.successes = 0;
        report.lastError = record.message;
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
    clearTimeout(deadlineTimer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }

  if (options.signal?.aborted && !endReason) endReason = 'the gate was cancelled';
  for (const [check, state] of states) {
    const { report } = state;
    if (report.verdict !== 'pending') continue;
    if (!state.started) {
      report.verdict = 'cancelled';
      report.reason = 'not started: the startup checks did not pass';
    } else if (endReason?.startsWith('deadline') || endReason === 'the gate was cancelled') {
      report.verdict = 'fail';
      report.reason = `${endReason} before ${check.successThreshold} consecutive passing attempt(s)`;
    } else {
      report.verdict = 'cancelled';
      report.reason = `stopped: ${endReason ?? 'the gate ended'}`;
    }
  }

  const checks = options.checks.map((c) => states.get(c)!.report);
  const failedChecks = checks.filter((c) => c.verdict === 'fail').map((c) => c.name);
  let verdict: GateVerdict = 'pass';
  if (checks.some((c) => c.verdict !== 'pass' && c.verdict !== 'warn')) verdict = 'fail';
  else if (checks.some((c) => c.verdict === 'warn')) verdict = 'warn';
  return { verdict, durationMs: elapsed(), deadlineMs: options.deadlineMs, checks, failedChecks };
}
