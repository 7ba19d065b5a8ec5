// The JSON report of a live run, in the family's envelope: { tool, version, verdict, counts, ...own fields }.
import type { ReplayResult } from '../replay.js';
import type { LiveResult } from '../types.js';

export interface ReportMeta {
  /** Defaults to contract-test. */
  tool?: string;
  version: string;
}

function counts(result: LiveResult) {
  const all = [...result.failures, ...(result.base?.failures ?? [])];
  const error = all.filter((f) => f.level === 'error').length;
  return {
    error,
    warning: all.length - error,
    notice: 0,
    failures: result.failures.length,
    requests: result.requests + (result.base?.requests ?? 0)
  };
}

export function liveJson(result: LiveResult, meta: ReportMeta) {
  const { verdict, ...rest } = result;
  return {
    tool: meta.tool ?? 'contract-test',
    version: meta.version,
    verdict,
    counts: counts(result),
    mode: 'live',
    ...rest
  };
}

export function renderLiveJson(result: LiveResult, meta: ReportMeta): string {
  return JSON.stringify(liveJson(result, meta), null, 2) + '\n';
}

export function renderReplayJson(result: ReplayResult, meta: ReportMeta): string {
  const error = result.outcomes.filter((o) => o.status !== 'passing' && o.level === 'error').length;
  const warning = result.outcomes.filter((o) => o.status !== 'passing' && o.level === 'warning').length;
  const { verdict, counts: outcomeCounts, ...rest } = result;
  const envelope = {
    tool: meta.tool ?? 'contract-test',
    version: meta.version,
    verdict,
    counts: {
      error,
      warning,
      notice: 0,
      failing: outcomeCounts.failing,
      passing: outcomeCounts.passing,
      unreplayed: outcomeCounts.error
    },
    mode: 'replay',
    ...rest
  };
  return JSON.stringify(envelope, null, 2) + '\n';
}
