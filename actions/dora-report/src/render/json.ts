// The JSON report: the shared envelope ({ tool, version, verdict, counts, ... }) around the engine's report,
// with every metric's evidence (deployment, change and incident keys) and those records in full.
import type { DoraReport, Finding, MetricReport, RepositoryReport } from '../engine/types.js';

export type Verdict = 'pass' | 'warn' | 'fail';

export interface ApiUsage {
  calls: number;
  rest: number;
  graphql: number;
}

export interface JsonOptions {
  version: string;
  api?: ApiUsage;
}

export function verdictOf(report: DoraReport): Verdict {
  if (report.findings.some((f) => f.level === 'error')) return 'fail';
  return report.findings.some((f) => f.level === 'warning') ? 'warn' : 'pass';
}

function count(findings: readonly Finding[], level: Finding['level']): number {
  return findings.filter((f) => f.level === level).length;
}

function metricJson(m: MetricReport) {
  const { evidence, ...current } = m.current;
  const { evidence: _previousEvidence, ...previous } = m.previous;
  return {
    id: m.id,
    title: m.title,
    group: m.group,
    unit: m.unit,
    better: m.better,
    ...current,
    previous,
    trend: m.trend,
    delta: m.delta,
    evidence
  };
}

function repositoryJson(r: RepositoryReport) {
  return {
    repo: r.repo,
    metrics: r.metrics.map(metricJson),
    weekly: r.weekly,
    deployments: r.deployments,
    changes: r.changes,
    incidents: r.incidents
  };
}

export function toJson(report: DoraReport, options: JsonOptions) {
  const all = report.combined ?? report.repositories[0];
  return {
    tool: 'dora-report',
    version: options.version,
    verdict: verdictOf(report),
    counts: {
      error: count(report.findings, 'error'),
      warning: count(report.findings, 'warning'),
      notice: count(report.findings, 'notice'),
      repositories: report.repositories.length,
      deployments: all?.metrics.find((m) => m.id === 'change-fail-rate')?.current.sample ?? 0,
      changes: all?.metrics.find((m) => m.id === 'change-lead-time')?.current.sample ?? 0,
      failures: all?.metrics.find((m) => m.id === 'change-fail-rate')?.current.evidence.deployments.length ?? 0,
      incidents: report.repositories.reduce((n, r) => n + r.incidents.length, 0)
    },
    period: report.period,
    previousPeriod: report.previousPeriod,
    environment: report.environment,
    source: report.source,
    benchmarks: report.benchmarks,
    ...(options.api ? { api: options.api } : {}),
    findings: report.findings,
    repositories: report.repositories.map(repositoryJson),
    combined: report.combined ? repositoryJson(report.combined) : null
  };
}

export function renderJson(report: DoraReport, options: JsonOptions): string {
  return `${JSON.stringify(toJson(report, options), null, 2)}\n`;
}
