// The metric plug-in interface: one module per metric under ../metrics/, all listed in its registry.
import type { Evidence, History, Level, MetricUnit, Period } from './types.js';

export interface MetricContext {
  history: History;
  period: Period;
}

export interface MetricComputation {
  value: number | null;
  display: string;
  sample: number;
  /** Why the sample is too thin to judge (null: enough). */
  thin: string | null;
  extra: Record<string, number | null>;
  evidence: Evidence;
}

export interface Metric<Id extends string = string> {
  id: Id;
  title: string;
  group: 'throughput' | 'instability' | 'other';
  unit: MetricUnit;
  better: 'higher' | 'lower';
  /** One line on what is counted, shown in docs and summaries. */
  definition: string;
  compute(ctx: MetricContext): MetricComputation;
  /** The 2023 or 2024 report's level for a value, or null where the report has none for this metric. */
  level(value: number, report: '2023' | '2024'): Level | null;
  /** 0-10, higher is better. */
  score(value: number): number;
}

export function noEvidence(): Evidence {
  return { deployments: [], changes: [], incidents: [] };
}
