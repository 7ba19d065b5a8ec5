// The operations: status, switch, canary, promote, abort, rollback. Each one takes the router's lock (status
// only reads), checks the router and the saved state, moves traffic through the Router interface, verifies every
// change by probing, and returns a typed result with a timeline. Whatever fails after traffic moved (verify,
// gate, judge, a refused apply, a cancelled run) puts traffic back on the old colour and verifies that too,
// unless the user chose on-failure: stop.
import { readFileSync } from 'node:fs';
import { formatDuration } from '../../../../shared/src/lib/duration.js';
import { ConfigurationError, isConfigurationError } from '../../../../shared/src/lib/errors.js';
import { redact } from '../../../../shared/src/lib/redact.js';
import type { ProbeTable } from '../../../health-gate/src/engine/index.js';
import { createRouter } from '../routers/index.js';
import type { DeploymentRecorder } from './deployments.js';
import { prepareGate, type GateSource, type PreparedGate } from './gate.js';
import { commandEnvironment } from './env.js';
import { DEFAULT_JUDGE, judgeCanary } from './judge.js';
import { acquireLock, readLock, type HeldLock } from './lock.js';
import { readState, writeState } from './state.js';
import { Cancelled, sleep } from './time.js';
import {
  STATE_SCHEMA,
  type CanaryProgress,
  type Color,
  type JudgeOptions,
  type JudgeResult,
  type Operation,
  type OperationResult,
  type OperationVerdict,
  type Router,
  type RouterConfig,
  type RouterContext,
  type RouterReading,
  type SwitchState,
  type TimelineEntry,
  type Weights
} from './types.js';
import { probeColorDirectly, verifyWeights } from './verify.js';
import { allOn, canaryWeights, formatWeights, liveColor, resolveTarget, sameWeights } from './weights.js';

export interface OperationOptions {
  operation: Operation;
  config: RouterConfig;
  /** Injected in tests; otherwise made from the registry. */
  router?: Router;
  /** Target colour, or `other` (the default for switch and canary). */
  to?: string;
  /** Canary schedule: the new colour's percent at each step. Default 10, 50, 100. */
  steps?: number[];
  /** Wait at each canary step below 100 % before judging it. Default 30 s. */
  stepWaitMs?: number;
  /** health-gate checks run against the new colour directly first, then through the router after each step. */
  gate?: GateSource;
  gateProbes?: ProbeTable;
  /** The built-in judge's thresholds, or false to turn it off. */
  judge?: JudgeOptions | false;
  onFailure?: 'rollback' | 'stop';
  /** What a cancelled run does with traffic it moved: put it back (default) or leave it for a person to look at. */
  onCancel?: 'rollback' | 'stop';
  /**
   * Called once, synchronously, right before traffic first moves, with the weights a failure would put back:
   * what a post step needs to restore after a run that was killed before it could do so itself.
   */
  onTrafficMove?(move: TrafficMove): void;
  /** How long to wait for another run's lock; 0 = fail at once. Default 5 m. */
  lockTimeoutMs?: number;
  lockStaleAfterMs?: number;
  /** Recorded in the state and the lock (the workflow run id, or `cli-<pid>`). */
  runId: string;
  /** Environment of the command router's commands and of ${NAME} in the gate file. */
  env: Record<string, string | undefined>;
  cwd: string;
  readFile?: (path: string) => string;
  deployments?: DeploymentRecorder;
  /** Receives the gate's credentials once it is read, before anything can print them (the action masks them). */
  onSecrets?(secrets: string[]): void;
  /** Cancels the run; a canary in flight is put back on the old colour first. */
  signal?: AbortSignal;
  log?(line: string): void;
}

export interface TrafficMove {
  operation: Operation;
  restore: Weights;
  /** The GitHub deployment recording the operation, when there is one (still in_progress). */
  deploymentId?: number;
}

export const DEFAULT_STEPS = [10, 50, 100];
export const DEFAULT_STEP_WAIT_MS = 30_000;
export const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;
export const DEFAULT_LOCK_STALE_MS = 60 * 60_000;

/** What failed in a change; turned into a failed result, with traffic put back first. */
class StepFailure extends Error {}

function describeCanary(canary: CanaryProgress): string {
  const at = canary.steps[canary.stepIndex];
  return `a canary ${canary.from} → ${canary.to} is half done (step ${canary.stepIndex + 1} of ${canary.steps.length}, ${at ?? 0}% ${canary.to}, run ${canary.runId} since ${canary.startedAt})`;
}

class Run {
  readonly started = performance.now();
  readonly timeline: TimelineEntry[] = [];
  readonly warnings: string[] = [];
  readonly router: Router;
  readonly colors: Color[];
  readonly context: RouterContext;
  readonly secrets: string[];
  state: SwitchState | null = null;
  reading!: RouterReading;
  gate?: PreparedGate;
  lastJudge?: JudgeResult;
  deploymentId?: number;
  /** The colour this run's deployment ships (what an automatic rollback moves away from). */
  deploymentColor?: Color;
  /** Set once any apply went through: only then is there traffic to put back. */
  moved = false;
  /** The deployment live when the run started: marked inactive once this run's deployment succeeds. */
  replacedDeploymentId?: number;
  /** What a failure of this operation puts back (switch, canary, promote; not the rollbacks themselves). */
  restoreTo?: Weights;

  constructor(readonly options: OperationOptions) {
    this.router = options.router ?? createRouter(options.config, { env: commandEnvironment(options.env) });
    this.colors = options.config.colors.map((c) => c.name);
    const signal = options.signal ?? new AbortController().signal;
    this.context = { signal, log: (m) => options.log?.(m) };
    this.secrets = [...options.config.secrets];
  }

  get config(): RouterConfig {
    return this.options.config;
  }

  /** Whether a failure now leaves traffic where it is (on-failure: stop, or a cancel under onCancel: stop). */
  leavesTraffic(): boolean {
    return this.options.onFailure === 'stop' || (this.context.signal.aborted && this.options.onCancel === 'stop');
  }

  elapsed(): number {
    return Math.round(performance.now() - this.started);
  }

  record(entry: Omit<TimelineEntry, 'at'> & { at?: number }): TimelineEntry {
    const full: TimelineEntry = {
      ...entry,
      message: redact(entry.message, this.secrets),
      at: entry.at ?? this.elapsed() - entry.durationMs
    };
    this.timeline.push(full);
    this.options.log?.(`${full.ok ? '✓' : '✗'} ${full.phase}${full.step ? ` ${full.step}` : ''}: ${full.message}`);
    return full;
  }

  note(message: string): void {
    this.record({ phase: 'note', ok: true, message, durationMs: 0 });
  }

  warn(message: string): void {
    this.warnings.push(redact(message, this.secrets));
    this.options.log?.(`warning: ${message}`);
  }

  /** A context whose waits are not cut by the run's cancellation: putting traffic back must finish. */
  restoreContext(): RouterContext {
    return { signal: new AbortController().signal, log: this.context.log };
  }

  async timed<T>(work: () => Promise<T>): Promise<{ value: T; durationMs: number }> {
    const start = performance.now();
    const value = await work();
    return { value, durationMs: Math.round(performance.now() - start) };
  }

  saveState(update: Partial<SwitchState>): void {
    const base: SwitchState = this.state ?? {
      schema: STATE_SCHEMA,
      router: this.router.identity,
      live: liveColor(this.reading.weights),
      previous: null,
      weights: this.reading.weights,
      previousWeights: null,
      canary: null,
      lastOperation: null,
      updatedAt: '',
      runId: ''
    };
    this.state = { ...base, ...update, updatedAt: new Date().toISOString(), runId: this.options.runId };
    writeState(this.config.stateFile, this.state);
  }

  directUrls(color: Color): string[] {
    const spec = this.config.colors.find((c) => c.name === color)!;
    if (spec.urls.length > 0) return spec.urls;
    return this.reading.servers
      .filter((s) => s.color === color && s.address && !s.address.startsWith('unix:'))
      .map((s) => `http://${s.address}`);
  }

  environmentUrl(): string {
    return new URL(this.config.verify.url).origin;
  }

  // ---------------------------------------------------------------------------------------- building blocks

  /** Apply + verify; throws StepFailure (or a router's ConfigurationError) when either fails. */
  async change(weights: Weights, step?: number, context = this.context): Promise<void> {
    if (!this.moved && this.restoreTo) {
      this.options.onTrafficMove?.({
        operation: this.options.operation,
        restore: this.restoreTo,
        ...(this.deploymentId !== undefined ? { deploymentId: this.deploymentId } : {})
      });
    }
    const applied = await this.timed(() => this.router.apply(weights, context));
    this.moved = true;
    this.record({
      phase: 'apply',
      step,
      weights,
      ok: true,
      message: applied.value.message,
      durationMs: applied.durationMs
    });
    applied.value.warnings.forEach((w) => this.warn(w));
    const verified = await verifyWeights({
      spec: this.config.verify,
      colors: this.config.colors,
      weights,
      signal: context.signal,
      secrets: this.secrets
    });
    this.record({
      phase: 'verify',
      step,
      weights,
      ok: verified.ok,
      message: verified.message,
      durationMs: Math.round(verified.durationMs),
      verify: verified
    });
    if (!verified.ok) throw new StepFailure(verified.message);
  }

  /** The pre-switch checks on the target colour: the router's view of its servers, each server directly, the gate. */
  async preCheck(target: Color): Promise<string | undefined> {
    const start = performance.now();
    const down = this.reading.servers.filter((s) => s.color === target && s.state === 'down');
    if (down.length > 0) {
      const message = `${down.map((s) => s.name).join(', ')} of ${target} ${down.length === 1 ? 'is' : 'are'} down in ${this.router.describe()}`;
      this.record({ phase: 'pre-check', ok: false, message, durationMs: Math.round(performance.now() - start) });
      return message;
    }
    const urls = this.directUrls(target);
    const spec = this.config.colors.find((c) => c.name === target)!;
    if (urls.length === 0) {
      this.note(`no direct URL for ${target} (colors.${target}.url): its servers were not probed before the switch`);
    } else {
      const probed = await probeColorDirectly(
        spec,
        urls,
        this.config.verify,
        this.config.colors,
        this.context.signal,
        this.secrets
      );
      this.record({
        phase: 'pre-check',
        ok: probed.ok,
        message: probed.message,
        durationMs: Math.round(performance.now() - start)
      });
      if (!probed.ok) return probed.message;
    }
    if (this.gate) {
      const url = urls[0];
      if (!url) {
        this.note(`gate before the switch skipped: no direct URL for ${target}`);
        return undefined;
      }
      const result = await this.gate.run({ url, color: target, phase: 'direct' }, this.context.signal);
      this.record({
        phase: 'gate',
        ok: result.verdict !== 'fail',
        message: result.message,
        durationMs: Math.round(result.durationMs),
        gate: result
      });
      if (result.verdict === 'fail') return result.message;
    }
    return undefined;
  }

  async gateThroughRouter(target: Color, step?: number): Promise<void> {
    if (!this.gate) return;
    const result = await this.gate.run(
      { url: this.environmentUrl(), color: target, phase: 'router' },
      this.context.signal
    );
    this.record({
      phase: 'gate',
      step,
      ok: result.verdict !== 'fail',
      message: result.message,
      durationMs: Math.round(result.durationMs),
      gate: result
    });
    if (result.verdict === 'fail') throw new StepFailure(result.message);
  }

  async drain(colors: Color[]): Promise<void> {
    if (colors.length === 0) return;
    const drained = await this.timed(() => this.router.drain(colors, this.restoreContext()));
    this.record({
      phase: 'drain',
      ok: drained.value.drained,
      message: drained.value.message,
      durationMs: drained.durationMs
    });
    if (!drained.value.drained) this.warn(drained.value.message);
  }

  /** Puts traffic back and verifies it; returns whether that worked (a failure is in the timeline). */
  async restore(weights: Weights): Promise<boolean> {
    const start = performance.now();
    try {
      await this.change(weights, undefined, this.restoreContext());
      this.record({
        phase: 'restore',
        weights,
        ok: true,
        message: `traffic back on ${formatWeights(weights)}, verified`,
        durationMs: Math.round(performance.now() - start)
      });
      return true;
    } catch (error) {
      const message = `could NOT put traffic back on ${formatWeights(weights)}: ${(error as Error).message}`;
      this.record({ phase: 'restore', weights, ok: false, message, durationMs: Math.round(performance.now() - start) });
      return false;
    }
  }

  // ----------------------------------------------------------------------------------------- deployments

  async deploymentStart(
    color: Color,
    previous: Color | null,
    weights: Weights,
    rollback: boolean,
    description: string,
    restores?: number
  ): Promise<void> {
    if (!this.options.deployments) return;
    this.deploymentColor = color;
    try {
      this.deploymentId = await this.options.deployments.start({
        color,
        previous,
        weights,
        rollback,
        description,
        ...(restores !== undefined ? { restores } : {})
      });
    } catch (error) {
      this.warn(`could not record a GitHub deployment: ${(error as Error).message}`);
    }
  }

  async deploymentFinish(success: boolean, description: string): Promise<void> {
    const recorder = this.options.deployments;
    if (!recorder || this.deploymentId === undefined) return;
    try {
      await recorder.finish(
        this.deploymentId,
        success ? 'success' : 'failure',
        description,
        success ? this.environmentUrl() : undefined
      );
      const replaced = this.replacedDeploymentId;
      if (success && replaced !== undefined && replaced !== this.deploymentId) {
        await recorder.markInactive(replaced, `replaced by deployment ${this.deploymentId}`);
      }
    } catch (error) {
      this.warn(`could not update GitHub deployment ${this.deploymentId}: ${(error as Error).message}`);
    }
  }

  /**
   * The state's deployment ids after this run's deployment took over: it is live, and the one it replaced shipped
   * what is now previousWeights (what a later rollback records the commit of).
   */
  deploymentIds(): Pick<SwitchState, 'deploymentId' | 'previousDeploymentId'> {
    // Without a recorded deployment (deployment: false, or GitHub failed) no deployment shipped what is live now.
    const replaced = this.replacedDeploymentId === this.deploymentId ? undefined : this.replacedDeploymentId;
    return { deploymentId: this.deploymentId, previousDeploymentId: replaced };
  }

  /**
   * The automatic rollback is a deployment of its own (payload rollback: true), as a manual one is: without it the
   * failed deployment has no recovery in dora-report (the old colour serving again is what restored service) and
   * the rollback does not count as rework. The step's deployment-id stays the failed deployment's.
   */
  async recordAutomaticRollback(weights: Weights, reason: string): Promise<void> {
    const back = liveColor(weights);
    const failedId = this.deploymentId;
    if (!back || failedId === undefined || !this.deploymentColor || back === this.deploymentColor) return;
    await this.deploymentStart(
      back,
      this.deploymentColor,
      weights,
      true,
      `automatic rollback to ${back}: ${reason}`,
      this.replacedDeploymentId
    );
    if (this.deploymentId === failedId) return;
    await this.deploymentFinish(true, `rolled back: ${back} is live again`);
    this.deploymentId = failedId;
  }

  // --------------------------------------------------------------------------------------------- result

  result(verdict: OperationVerdict, message: string, rolledBack = false): OperationResult {
    const weights = this.state?.weights ?? this.reading?.weights ?? {};
    return {
      operation: this.options.operation,
      verdict: verdict === 'pass' && this.warnings.length > 0 ? 'warn' : verdict,
      message: redact(message, this.secrets),
      router: { type: this.router.type, description: this.router.describe() },
      live: liveColor(weights) ?? this.state?.live ?? null,
      previous: this.state?.previous ?? null,
      weights,
      rolledBack,
      canary: this.state?.canary ?? null,
      ...(this.lastJudge ? { judge: this.lastJudge } : {}),
      timeline: this.timeline,
      warnings: this.warnings,
      ...(verdict !== 'fail' || rolledBack ? { environmentUrl: this.environmentUrl() } : {}),
      ...(this.deploymentId !== undefined ? { deploymentId: this.deploymentId } : {}),
      durationMs: this.elapsed()
    };
  }

  /**
   * After a failed change: back to `weights` (verified) under on-failure rollback, else left as is. The state
   * follows what the router has.
   */
  async fail(reason: string, weights: Weights, extra: Partial<SwitchState> = {}): Promise<OperationResult> {
    if (!this.moved) {
      await this.deploymentFinish(false, reason);
      return this.result('fail', `${reason}; traffic unchanged`);
    }
    if (this.leavesTraffic()) {
      const why = this.options.onFailure === 'stop' ? 'on-failure: stop' : 'rollback on cancel is off';
      await this.deploymentFinish(false, `stopped: ${reason}`);
      return this.result('fail', `${reason}; traffic left as is (${why})`);
    }
    const restored = await this.restore(weights);
    this.saveState({ weights, canary: null, ...extra });
    await this.deploymentFinish(
      false,
      restored ? `rolled back to ${liveColor(weights) ?? formatWeights(weights)}: ${reason}` : reason
    );
    if (restored) await this.recordAutomaticRollback(weights, reason);
    return restored
      ? this.result('fail', `${reason}; traffic back on ${formatWeights(weights)} (verified)`, true)
      : this.result('fail', `${reason}; and traffic could NOT be verified back on ${formatWeights(weights)}`, false);
  }
}

/** Why a change failed, in one line; a bug (anything else) puts traffic back first and is rethrown. */
async function failureReason(error: unknown, run: Run, weights: Weights): Promise<string> {
  if (error instanceof Cancelled || run.context.signal.aborted) return 'the run was cancelled';
  if (error instanceof StepFailure || isConfigurationError(error)) return error.message;
  if (run.moved) await run.restore(weights);
  throw error;
}

// ------------------------------------------------------------------------------------------ operations

async function status(run: Run): Promise<OperationResult> {
  await run.router.preflight(run.context);
  run.reading = await run.router.read(run.context);
  run.state = readState(run.config.stateFile, run.router.identity, run.colors);
  run.note(`router: ${formatWeights(run.reading.weights)} (${run.reading.detail})`);
  const lock = readLock(`${run.config.stateFile}.lock`);
  if (lock) run.note(`locked by run ${lock.runId} (pid ${lock.pid} on ${lock.host}) since ${lock.startedAt}`);
  if (run.state && !sameWeights(run.state.weights, run.reading.weights)) {
    run.warn(
      `the router has ${formatWeights(run.reading.weights)} but the state file says ${formatWeights(run.state.weights)} (changed outside this action?)`
    );
  }
  const live = liveColor(run.reading.weights);
  const result = run.result('pass', '');
  result.weights = run.reading.weights;
  result.live = live;
  if (run.state?.canary) {
    result.message = `${describeCanary(run.state.canary)}: run promote, abort or rollback`;
    result.verdict = 'warn';
  } else {
    result.message = live
      ? `${live} is live (${formatWeights(run.reading.weights)})`
      : `traffic is split: ${formatWeights(run.reading.weights)}`;
  }
  return result;
}

function refuseHalfDone(run: Run): void {
  if (run.state?.canary)
    throw new ConfigurationError(`${describeCanary(run.state.canary)}: run promote, abort or rollback first`);
}

async function switchTo(run: Run): Promise<OperationResult> {
  refuseHalfDone(run);
  const current = run.reading.weights;
  const from = liveColor(current);
  const target = resolveTarget(run.options.to, from, run.colors);
  const weights = allOn(target, run.colors);
  run.restoreTo = current;
  if (sameWeights(current, weights)) {
    run.note(`${target} already has all traffic`);
    return run.result('pass', `${target} is already live; nothing to do`);
  }
  const refused = await run.preCheck(target);
  if (refused) return run.result('fail', `refusing to switch to ${target}: ${refused}`);
  await run.deploymentStart(target, from, weights, false, `switch to ${target}`);
  try {
    await run.change(weights);
    await run.gateThroughRouter(target);
  } catch (error) {
    return run.fail(`switch to ${target} failed: ${await failureReason(error, run, current)}`, current);
  }
  await run.drain(run.colors.filter((c) => (current[c] ?? 0) > 0 && c !== target));
  run.saveState({
    live: target,
    previous: from ?? run.state?.live ?? null,
    weights,
    previousWeights: current,
    canary: null,
    lastOperation: 'switch',
    ...run.deploymentIds()
  });
  await run.deploymentFinish(true, `${target} is live`);
  return run.result(
    'pass',
    `${target} is live (switched from ${from ?? formatWeights(current)} in ${formatDuration(run.elapsed())}, verified)`
  );
}

/** Steps from canary.stepIndex + 1 on; shared by canary and promote. */
async function runSteps(run: Run, canary: CanaryProgress): Promise<OperationResult> {
  const { from, to, steps, fromWeights } = canary;
  const stepWait = run.options.stepWaitMs ?? DEFAULT_STEP_WAIT_MS;
  const judgeOptions = run.options.judge === false ? undefined : (run.options.judge ?? DEFAULT_JUDGE);
  const meter = judgeOptions ? run.router.traffic : undefined;
  if (judgeOptions && !meter) run.note(`judge off: ${run.router.describe()} gives no per-colour request numbers`);
  let progress = canary;
  run.restoreTo = fromWeights;
  try {
    for (let index = canary.stepIndex + 1; index < steps.length; index++) {
      const percent = steps[index];
      const step = index + 1;
      const weights = canaryWeights(from, to, percent, run.colors);
      await run.change(weights, step);
      progress = { ...progress, stepIndex: index };
      run.saveState({ weights, canary: progress, lastOperation: run.options.operation });
      if (percent === 100) {
        await run.gateThroughRouter(to, step);
        break;
      }
      const window = meter ? await meter.start(run.context) : undefined;
      const waitStart = performance.now();
      await sleep(stepWait, run.context.signal);
      run.record({
        phase: 'wait',
        step,
        weights,
        ok: true,
        message: `waited ${formatDuration(stepWait)} at ${percent}% ${to}`,
        durationMs: Math.round(performance.now() - waitStart)
      });
      if (window && judgeOptions && meter) {
        const judgeStart = performance.now();
        const traffic = await window.stop(run.context);
        const judged = judgeCanary(traffic, from, to, judgeOptions, meter.source);
        run.lastJudge = judged;
        const failing =
          judged.verdict === 'fail' || (judged.verdict === 'inconclusive' && judgeOptions.onInconclusive === 'fail');
        run.record({
          phase: 'judge',
          step,
          weights,
          ok: !failing,
          message: `judge ${judged.verdict}: ${judged.reason}`,
          durationMs: Math.round(performance.now() - judgeStart),
          judge: judged
        });
        if (judged.verdict === 'inconclusive' && !failing)
          run.warn(`step ${step}: judge inconclusive (${judged.reason}); continuing (judge on-inconclusive: continue)`);
        await run.gateThroughRouter(to, step);
        if (failing)
          throw new StepFailure(`judge ${judged.verdict} at step ${step} (${percent}% ${to}): ${judged.reason}`);
      } else {
        await run.gateThroughRouter(to, step);
      }
    }
  } catch (error) {
    const reason = await failureReason(error, run, fromWeights);
    const step = progress.stepIndex + 1;
    const stops = run.leavesTraffic();
    const stopExtra: Partial<SwitchState> = stops ? {} : { live: from, lastOperation: run.options.operation };
    if (stops) run.saveState({ canary: progress });
    const at = reason.startsWith('judge') ? reason : `canary step ${step} of ${steps.length} failed: ${reason}`;
    return run.fail(at, fromWeights, stopExtra);
  }
  const last = steps[steps.length - 1];
  if (last < 100) {
    run.saveState({ canary: progress, lastOperation: run.options.operation });
    return run.result(
      'pass',
      `canary paused at ${last}% ${to} (step ${steps.length} of ${steps.length}): run promote to finish, or abort`
    );
  }
  await run.drain([from]);
  run.saveState({
    live: to,
    previous: from,
    weights: allOn(to, run.colors),
    previousWeights: fromWeights,
    canary: null,
    lastOperation: run.options.operation,
    ...run.deploymentIds()
  });
  await run.deploymentFinish(true, `${to} is live after ${steps.join(', ')}%`);
  return run.result(
    'pass',
    `${to} is live after canary ${steps.join(' → ')}% in ${formatDuration(run.elapsed())}, verified`
  );
}

async function canaryOp(run: Run): Promise<OperationResult> {
  refuseHalfDone(run);
  const current = run.reading.weights;
  const from = liveColor(current);
  if (!from) {
    throw new ConfigurationError(
      `traffic is split (${formatWeights(current)}) and no canary is recorded: switch to one colour first`
    );
  }
  const to = resolveTarget(run.options.to, from, run.colors);
  if (to === from) throw new ConfigurationError(`${to} is already live; a canary needs the other colour`);
  const steps = run.options.steps ?? DEFAULT_STEPS;
  const refused = await run.preCheck(to);
  if (refused) return run.result('fail', `refusing to start a canary of ${to}: ${refused}`);
  await run.deploymentStart(to, from, allOn(to, run.colors), false, `canary ${from} → ${to} (${steps.join(', ')}%)`);
  const canary: CanaryProgress = {
    from,
    to,
    steps,
    stepIndex: -1,
    fromWeights: current,
    startedAt: new Date().toISOString(),
    runId: run.options.runId,
    ...(run.deploymentId !== undefined ? { deploymentId: run.deploymentId } : {})
  };
  return runSteps(run, canary);
}

async function promote(run: Run): Promise<OperationResult> {
  const canary = run.state?.canary;
  if (!canary) throw new ConfigurationError('no canary in progress; nothing to promote');
  run.note(`promoting: ${describeCanary(canary)}`);
  run.deploymentId = canary.deploymentId;
  const steps = canary.steps[canary.steps.length - 1] === 100 ? canary.steps : [...canary.steps, 100];
  return runSteps(run, { ...canary, steps, stepIndex: Math.max(canary.stepIndex, steps.length - 2) });
}

async function abort(run: Run, operation: 'abort' | 'rollback'): Promise<OperationResult> {
  const canary = run.state!.canary!;
  run.note(`${operation}: ${describeCanary(canary)}`);
  if (canary.deploymentId !== undefined) {
    run.deploymentId = canary.deploymentId;
    await run.deploymentFinish(false, `canary aborted: back on ${canary.from}`);
    run.deploymentId = undefined;
  }
  // The deployment live before the canary (the state keeps it until the canary finishes) shipped fromWeights.
  const restores = run.replacedDeploymentId === canary.deploymentId ? undefined : run.replacedDeploymentId;
  await run.deploymentStart(
    canary.from,
    canary.to,
    canary.fromWeights,
    true,
    `${operation}: back to ${canary.from}`,
    restores
  );
  try {
    await run.change(canary.fromWeights, undefined, run.restoreContext());
  } catch (error) {
    return run.result(
      'fail',
      `${operation} of the canary failed: ${await failureReason(error, run, canary.fromWeights)}`
    );
  }
  await run.drain([canary.to]);
  run.saveState({
    live: canary.from,
    weights: canary.fromWeights,
    canary: null,
    lastOperation: operation,
    ...(run.deploymentId !== undefined ? { deploymentId: run.deploymentId } : {})
  });
  await run.deploymentFinish(true, `${operation}: ${canary.from} is live again`);
  return run.result(
    'pass',
    `canary ${operation === 'abort' ? 'aborted' : 'rolled back'}: ${canary.from} is live again (verified)`,
    true
  );
}

async function rollback(run: Run): Promise<OperationResult> {
  if (run.state?.canary) return abort(run, 'rollback');
  const state = run.state;
  if (!state?.previousWeights) {
    throw new ConfigurationError(`nothing to roll back to: ${run.config.stateFile} records no previous state`);
  }
  const current = run.reading.weights;
  if (state.lastOperation === 'rollback' && sameWeights(current, state.weights)) {
    run.note('the last operation was this rollback and the router still has its weights');
    return run.result('pass', `already rolled back: ${liveColor(current) ?? formatWeights(current)} is live`, true);
  }
  if (!sameWeights(current, state.weights)) {
    run.warn(
      `the router had ${formatWeights(current)}, not ${formatWeights(state.weights)} as recorded; rolling back anyway`
    );
  }
  const target = state.previousWeights;
  const targetColor = liveColor(target);
  await run.deploymentStart(
    targetColor ?? state.previous ?? run.colors[0],
    state.live,
    target,
    true,
    `rollback to ${targetColor ?? formatWeights(target)}`,
    state.previousDeploymentId
  );
  // Rollback is the emergency exit: no gate, no waiting for the run's cancellation; apply and verify only.
  let failure: string | undefined;
  try {
    await run.change(target, undefined, run.restoreContext());
  } catch (error) {
    failure = await failureReason(error, run, target);
  }
  if (failure && !run.moved) {
    await run.deploymentFinish(false, `rollback failed: ${failure}`);
    return run.result('fail', `rollback failed, traffic unchanged: ${failure}`);
  }
  run.saveState({
    live: targetColor,
    previous: state.live,
    weights: target,
    previousWeights: current,
    canary: null,
    lastOperation: 'rollback',
    ...(failure ? {} : run.deploymentIds())
  });
  if (failure) {
    await run.deploymentFinish(false, `rollback applied but not verified: ${failure}`);
    return run.result('fail', `rollback to ${formatWeights(target)} applied but not verified: ${failure}`, true);
  }
  await run.drain(run.colors.filter((c) => (current[c] ?? 0) > 0 && (target[c] ?? 0) === 0));
  await run.deploymentFinish(true, `rolled back: ${targetColor ?? formatWeights(target)} is live`);
  return run.result(
    'pass',
    `rolled back to ${targetColor ?? formatWeights(target)} in ${formatDuration(run.elapsed())} (verified)`,
    true
  );
}

/** Runs one operation. ConfigurationError before any traffic moved; a failed result (with traffic restored) after. */
export async function runOperation(options: OperationOptions): Promise<OperationResult> {
  const run = new Run(options);
  if (options.operation === 'status') return status(run);
  if (options.gate) {
    run.gate = prepareGate(
      options.gate,
      { url: run.environmentUrl(), color: options.config.colors[0].name, phase: 'direct' },
      {
        env: options.env,
        cwd: options.cwd,
        readFile: options.readFile ?? ((p) => readFileSync(p, 'utf8')),
        probes: options.gateProbes
      }
    );
    run.secrets.push(...run.gate.secrets);
    if (run.gate.secrets.length > 0) options.onSecrets?.(run.gate.secrets);
  }
  let lock: HeldLock | undefined;
  try {
    lock = await acquireLock(`${options.config.stateFile}.lock`, {
      runId: options.runId,
      waitMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
      staleAfterMs: options.lockStaleAfterMs ?? DEFAULT_LOCK_STALE_MS,
      signal: options.signal,
      log: (m) => run.warn(m)
    });
    await run.router.preflight(run.context);
    run.state = readState(options.config.stateFile, run.router.identity, run.colors);
    run.replacedDeploymentId = run.state?.deploymentId;
    run.reading = await run.router.read(run.context);
    switch (options.operation) {
      case 'switch':
        return await switchTo(run);
      case 'canary':
        return await canaryOp(run);
      case 'promote':
        return await promote(run);
      case 'abort':
        if (!run.state?.canary)
          throw new ConfigurationError(
            'no canary in progress; nothing to abort (rollback goes back to the previous colour)'
          );
        return await abort(run, 'abort');
      case 'rollback':
        return await rollback(run);
      default:
        throw new ConfigurationError(`unknown operation "${String(options.operation)}"`);
    }
  } catch (error) {
    if (error instanceof Cancelled) throw new ConfigurationError('cancelled before any traffic moved');
    throw error;
  } finally {
    lock?.release();
  }
}

export interface RecoveryOptions {
  config: RouterConfig;
  router?: Router;
  /** The interrupted run's id: its canary in the state file, its lock. */
  runId: string;
  /** What the interrupted run would have put back on failure (what onTrafficMove reported). */
  restore?: Weights;
  /** Its GitHub deployment, left in_progress. */
  deploymentId?: number;
  env: Record<string, string | undefined>;
  cwd: string;
  deployments?: DeploymentRecorder;
  /** How long to wait for the router's lock (the killed run's own lock is taken over at once). Default 1 m. */
  lockTimeoutMs?: number;
  log?(line: string): void;
}

/**
 * After a run that was cut short while traffic moved (cancelled and killed before it could put traffic back,
 * or crashed): back to the weights before it, verified, and the state file says so. The interrupted run's
 * canary in the state file is what to restore; without one, `restore`. Nothing is touched when the run had
 * finished its change, when traffic is already back (then it is verified), or when there is nothing to restore.
 * Safe to run twice.
 */
export async function recoverInterrupted(options: RecoveryOptions): Promise<OperationResult> {
  const run = new Run({ ...options, operation: 'abort', onFailure: 'rollback' });
  let lock: HeldLock | undefined;
  try {
    lock = await acquireLock(`${options.config.stateFile}.lock`, {
      runId: options.runId,
      waitMs: options.lockTimeoutMs ?? 60_000,
      staleAfterMs: DEFAULT_LOCK_STALE_MS,
      log: (m) => run.note(m)
    });
    await run.router.preflight(run.context);
    run.state = readState(options.config.stateFile, run.router.identity, run.colors);
    run.replacedDeploymentId = run.state?.deploymentId;
    run.reading = await run.router.read(run.context);
    const current = run.reading.weights;
    const canary = run.state?.canary?.runId === options.runId ? run.state.canary : null;
    const target = canary?.fromWeights ?? options.restore;
    if (!target) return run.result('pass', 'nothing to put back: the interrupted run recorded no change');
    const interruptedDeployment = canary?.deploymentId ?? options.deploymentId;
    const closeInterrupted = async (description: string) => {
      if (interruptedDeployment === undefined) return;
      run.deploymentId = interruptedDeployment;
      await run.deploymentFinish(false, description);
      run.deploymentId = undefined;
    };
    const back = formatWeights(target);
    if (sameWeights(current, target)) {
      const verified = await verifyWeights({
        spec: run.config.verify,
        colors: run.config.colors,
        weights: target,
        secrets: run.secrets
      });
      run.record({
        phase: 'verify',
        weights: target,
        ok: verified.ok,
        message: verified.message,
        durationMs: Math.round(verified.durationMs),
        verify: verified
      });
      if (canary) run.saveState({ live: liveColor(target), weights: target, canary: null, lastOperation: 'abort' });
      await closeInterrupted(`interrupted; traffic back on ${liveColor(target) ?? back}`);
      return verified.ok
        ? run.result('pass', `traffic is already back on ${back} (verified)`)
        : run.result('fail', `traffic is back on ${back} by the router's account, but ${verified.message}`);
    }
    // The run wrote its end to the state file (and no canary, its own or one it promoted, is left half done).
    if (
      run.state &&
      !run.state.canary &&
      run.state.runId === options.runId &&
      sameWeights(run.state.weights, current)
    ) {
      return run.result('pass', `nothing to put back: the run had finished its ${run.state.lastOperation ?? 'change'}`);
    }
    run.note(`the run ${options.runId} was interrupted with ${formatWeights(current)}; putting back ${back}`);
    await closeInterrupted(`interrupted; rolled back to ${liveColor(target) ?? back}`);
    const color = liveColor(target) ?? run.state?.live ?? run.colors[0];
    // Rolled back from: the canary's new colour, else the colour that had gained the most.
    const from =
      canary?.to ??
      run.colors.filter((c) => c !== color).sort((a, b) => (current[b] ?? 0) - (current[a] ?? 0))[0] ??
      null;
    // The state still names the deployment live before the interrupted run: it shipped what goes back now.
    const restores = run.replacedDeploymentId === interruptedDeployment ? undefined : run.replacedDeploymentId;
    await run.deploymentStart(color, from, target, true, 'rollback after an interrupted run', restores);
    try {
      await run.change(target, undefined, run.restoreContext());
    } catch (error) {
      const reason = await failureReason(error, run, target);
      await run.deploymentFinish(false, `rollback failed: ${reason}`);
      return run.result('fail', `could NOT put traffic back on ${back}: ${reason}`);
    }
    await run.drain(run.colors.filter((c) => (current[c] ?? 0) > 0 && (target[c] ?? 0) === 0));
    run.saveState({
      live: liveColor(target),
      weights: target,
      canary: null,
      lastOperation: 'abort',
      ...(run.deploymentId !== undefined ? { deploymentId: run.deploymentId } : {})
    });
    await run.deploymentFinish(true, `rolled back: ${color} is live again`);
    return run.result('pass', `put traffic back on ${back} after the interrupted run (verified)`, true);
  } finally {
    lock?.release();
  }
}
