// Turning what a user wrote (action inputs or CLI flags) into the engine's options, once for both: where a
// router config or gate comes from, the judge's thresholds, the run id. Every mistake is one line naming the
// setting with the label the caller gives (`Input "steps"`, `--steps`).
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import {
  DEFAULT_JUDGE,
  parseRouterConfig,
  parseSteps,
  type JudgeOptions,
  type Operation,
  type OperationOptions
} from './engine/index.js';

/** A config is small; anything bigger is a wrong path (a log, a binary), not a config. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface ConfigText {
  text: string;
  /** The file it was read from (absolute); undefined for YAML given inline. */
  path?: string;
}

/** YAML written in the value itself (lines, a flow mapping, or `key: value`), rather than a path. */
export function isInlineYaml(value: string): boolean {
  const text = value.trim();
  return /[\r\n]/.test(text) || text.startsWith('{') || /^[\w-]+:\s/.test(text);
}

/** A router config or gate: the YAML itself, or the file the value names (relative to cwd). */
export function readConfigText(value: string, cwd: string, label: string): ConfigText {
  if (isInlineYaml(value)) return { text: value };
  const path = isAbsolute(value.trim()) ? value.trim() : resolve(cwd, value.trim());
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ConfigurationError(`${label}: ${value} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(
      `${label}: cannot read ${value} (${(error as NodeJS.ErrnoException).code ?? String(error)})`
    );
  }
  if (size > MAX_CONFIG_BYTES) throw new ConfigurationError(`${label}: ${value} is larger than 1 MiB; is it a config?`);
  try {
    return { text: readFileSync(path, 'utf8'), path };
  } catch (error) {
    throw new ConfigurationError(
      `${label}: cannot read ${value} (${(error as NodeJS.ErrnoException).code ?? String(error)})`
    );
  }
}

/** A path as reports name it: relative to the workspace with `/` when inside it, else absolute. */
export function displayPath(path: string, workspace: string): string {
  const rel = relative(workspace, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
}

/** `1%`, `0.01`: a share between 0 and max. */
export function parseRatio(text: string, label: string, max = 1): number {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  const value = percent ? Number(percent[1]) / 100 : /^\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(value >= 0 && value <= max)) {
    throw new ConfigurationError(`${label} must be a share like 5% or 0.05, at most ${max * 100}%; got "${text}"`);
  }
  return value;
}

export interface JudgeSettings {
  enabled: boolean;
  minRequests: number;
  maxErrorIncrease: string;
  maxLatencyIncrease: string;
  onInconclusive: 'continue' | 'fail';
}

export function judgeOptions(settings: JudgeSettings, label: (name: string) => string): JudgeOptions | false {
  if (!settings.enabled) return false;
  return {
    ...DEFAULT_JUDGE,
    minRequests: settings.minRequests,
    maxErrorRateIncrease: parseRatio(settings.maxErrorIncrease, label('judge-max-error-increase')),
    // A latency may rise by more than 100 % and still be accepted on purpose (a cache-less first version).
    maxLatencyIncrease: parseRatio(settings.maxLatencyIncrease, label('judge-max-latency-increase'), 100),
    onInconclusive: settings.onInconclusive
  };
}

/**
 * The id a workflow run leaves in the state and the lock: run id and attempt (what a person looks up), the job,
 * and the process, so two jobs of one run (a matrix) never take each other's canary for their own.
 */
export function runIdFrom(env: Record<string, string | undefined>, pid: number): string {
  const run = env.GITHUB_RUN_ID;
  if (!run) return `cli-${pid}`;
  return `${run}.${env.GITHUB_RUN_ATTEMPT ?? '1'}/${env.GITHUB_JOB ?? 'job'}/${pid}`;
}

export interface SwitchSettings {
  operation: Operation;
  /** The router config: a path or the YAML itself. */
  router: string;
  to?: string;
  steps?: string;
  stepWaitMs?: number;
  /** The gate: a path or the YAML itself. */
  gate?: string;
  judge: JudgeSettings;
  onFailure: 'rollback' | 'stop';
  onCancel: 'rollback' | 'stop';
  lockTimeoutMs?: number;
}

export interface PreparedOperation {
  router: ConfigText;
  /** The gate file as reports name it, when the gate is a file. */
  gateFile?: string;
  options: OperationOptions;
}

/** Reads and checks everything an operation needs before it starts: a mistake is one line, nothing has moved. */
export function prepareOperation(
  settings: SwitchSettings,
  context: { cwd: string; env: Record<string, string | undefined>; runId: string; label: (name: string) => string }
): PreparedOperation {
  const { cwd, env, label } = context;
  const router = readConfigText(settings.router, cwd, label('router'));
  const config = parseRouterConfig({ ...router, name: label('router').toLowerCase(), cwd, env });
  const gate = settings.gate === undefined ? undefined : readConfigText(settings.gate, cwd, label('gate'));
  return {
    router,
    ...(gate?.path ? { gateFile: displayPath(gate.path, cwd) } : {}),
    options: {
      operation: settings.operation,
      config,
      to: settings.to,
      steps: settings.steps === undefined ? undefined : parseSteps(settings.steps, label('steps')),
      stepWaitMs: settings.stepWaitMs,
      gate: gate && { path: gate.path ?? label('gate').toLowerCase(), text: gate.text },
      judge: judgeOptions(settings.judge, label),
      onFailure: settings.onFailure,
      onCancel: settings.onCancel,
      lockTimeoutMs: settings.lockTimeoutMs,
      runId: context.runId,
      env,
      cwd
    }
  };
}
