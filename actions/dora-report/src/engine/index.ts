// dora-report's engine: the one module other code (main.ts, cli.ts, another action) imports.
import { collect, type CollectHooks } from './collect.js';
import type { DoraClient } from './client.js';
import { analyze } from './report.js';
import type { DoraOptions, DoraReport } from './types.js';

export type * from './types.js';
export type { DoraClient, ChangePair } from './client.js';
export { pairKey } from './client.js';
export { collect, changePairs, type CollectHooks } from './collect.js';
export { analyze, weeklySeries } from './report.js';
export { buildHistory, mergeHistories } from './history.js';
export { parseOptions, parseRepository, splitList, SOURCES, BENCHMARKS, type RawOptions } from './options.js';
export { resolvePeriod, parseWindow } from './period.js';
export { outcomeOf, payloadRollback } from './classify.js';
export { formatHours, formatRate, formatPercent } from './format.js';
export { METRICS, METRIC_IDS, metricById, type MetricId } from '../metrics/index.js';
export type { Metric, MetricContext, MetricComputation } from './metric.js';

/** collect() then analyze(): what main.ts and the CLI call. */
export async function runDoraReport(
  client: DoraClient,
  options: DoraOptions,
  hooks: CollectHooks = {}
): Promise<DoraReport> {
  return analyze(await collect(client, options, hooks), options);
}
