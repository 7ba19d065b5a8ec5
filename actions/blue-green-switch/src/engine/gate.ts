// The gate between canary steps is health-gate's engine, imported through its public surface, with the same
// check schema. One gate file serves both places it runs: before the first step against the new colour
// directly, and after each step through the router. Checks say where they point with ${BGS_TARGET_URL}
// (the colour's own URL, or the router's), ${BGS_TARGET_COLOR} and ${BGS_PHASE} (direct | router).
import { formatDuration } from '../../../../shared/src/lib/duration.js';
import {
  loadGateConfig,
  probes as realProbes,
  runGate,
  type GateConfig,
  type ProbeTable
} from '../../../health-gate/src/engine/index.js';
import type { Color, GateSummary } from './types.js';

export interface GateSource {
  /** For messages and config-relative paths. */
  path: string;
  text: string;
}

export interface GateTarget {
  url: string;
  color: Color;
  phase: 'direct' | 'router';
}

export interface GateDependencies {
  env: Record<string, string | undefined>;
  cwd: string;
  readFile: (path: string) => string;
  /** Tests may inject probes; the real ones otherwise. */
  probes?: ProbeTable;
}

export interface PreparedGate {
  source: string;
  secrets: string[];
  run(target: GateTarget, signal?: AbortSignal): Promise<GateSummary>;
}

function load(source: GateSource, target: GateTarget, dependencies: GateDependencies): GateConfig {
  return loadGateConfig({
    configFile: { path: source.path, text: source.text },
    timing: {},
    env: {
      ...dependencies.env,
      BGS_TARGET_URL: target.url.replace(/\/+$/, ''),
      BGS_TARGET_COLOR: target.color,
      BGS_PHASE: target.phase
    },
    cwd: dependencies.cwd,
    readFile: dependencies.readFile
  });
}

/** Parses the gate once up front (a mistake fails the run before any traffic moves), runs it per target. */
export function prepareGate(source: GateSource, example: GateTarget, dependencies: GateDependencies): PreparedGate {
  const first = load(source, example, dependencies);
  return {
    source: source.path,
    secrets: first.secrets,
    async run(target, signal) {
      const config = load(source, target, dependencies);
      const report = await runGate({
        checks: config.checks,
        deadlineMs: config.deadlineMs,
        probes: dependencies.probes ?? realProbes,
        cwd: dependencies.cwd,
        secrets: config.secrets,
        signal
      });
      const failed = report.checks.filter((c) => c.verdict === 'fail' || c.verdict === 'cancelled');
      const took = formatDuration(report.durationMs);
      const message =
        report.verdict === 'fail'
          ? `gate failed on ${target.color} (${target.phase}): ${failed
              .map((c) => `${c.name}: ${c.reason ?? 'failed'}${c.lastError ? ` (${c.lastError})` : ''}`)
              .join('; ')}`
          : `gate ${report.verdict === 'warn' ? 'passed with warnings' : 'passed'} on ${target.color} (${target.phase}): ${report.checks.length} check(s) in ${took}`;
      return {
        verdict: report.verdict,
        target: target.phase,
        failedChecks: report.failedChecks,
        durationMs: report.durationMs,
        message
      };
    }
  };
}
