// What the action and the CLI both do around the engine: read the config file the user named, build the checks,
// run the gate until it decides or the process is asked to stop (SIGTERM/SIGINT: a cancelled job).
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { loadGateConfig, type ConfigSources } from './config.js';
import { runGate } from './gate.js';
import { probes } from './probes.js';
import type { AttemptRecord, Check, GateReport } from './types.js';

export interface GateRunOptions {
  cwd: string;
  url?: string;
  expectStatus?: string;
  checksText?: string;
  /** A config file the user named: may be anywhere; read as given. */
  configPath?: string;
  /** How the config setting is named in errors: `Input "config"` or `--config`. */
  configLabel: string;
  timing: ConfigSources['timing'];
  env: NodeJS.ProcessEnv;
  /** Called with every value to mask before anything else is printed. */
  onSecrets?: (secrets: readonly string[]) => void;
  /** Called once the checks are known (for a "what will run" log), with the values that must not be shown. */
  onChecks?: (checks: readonly Check[], secrets: readonly string[]) => void;
  onAttempt?: (check: Check, attempt: AttemptRecord) => void;
}

export interface GateRun {
  report: GateReport;
  checks: Check[];
}

export async function runHealthGate(options: GateRunOptions): Promise<GateRun> {
  let configFile: { path: string; text: string } | undefined;
  if (options.configPath) {
    const path = isAbsolute(options.configPath) ? options.configPath : resolve(options.cwd, options.configPath);
    try {
      configFile = { path: options.configPath, text: readFileSync(path, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConfigurationError(
        `${options.configLabel}: cannot read ${options.configPath}${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`
      );
    }
  }
  const config = loadGateConfig({
    url: options.url,
    expectStatus: options.expectStatus,
    checksText: options.checksText,
    configFile,
    timing: options.timing,
    env: options.env,
    cwd: options.cwd,
    readFile: (path) => readFileSync(path, 'utf8')
  });
  options.onSecrets?.(config.secrets);
  options.onChecks?.(config.checks, config.secrets);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    const report = await runGate({
      checks: config.checks,
      deadlineMs: config.deadlineMs,
      probes,
      cwd: options.cwd,
      secrets: config.secrets,
      signal: stop.signal,
      onAttempt: options.onAttempt
    });
    return { report, checks: config.checks };
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}
