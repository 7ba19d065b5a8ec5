// The metric registry: the report shows them in this order.
import type { Metric } from '../engine/metric.js';
import { changeFailRate } from './change-fail-rate.js';
import { changeLeadTime } from './change-lead-time.js';
import { deploymentFrequency } from './deployment-frequency.js';
import { recoveryTime } from './recovery-time.js';
import { reworkRate } from './rework-rate.js';
import { successfulDeploys } from './successful-deploys.js';

export const METRICS = [
  deploymentFrequency,
  changeLeadTime,
  changeFailRate,
  recoveryTime,
  reworkRate,
  successfulDeploys
] as const satisfies readonly Metric[];

export type MetricId = (typeof METRICS)[number]['id'];

export const METRIC_IDS: readonly MetricId[] = METRICS.map((m) => m.id);

export function metricById(id: string): (typeof METRICS)[number] | undefined {
  return METRICS.find((m) => m.id === id);
}
