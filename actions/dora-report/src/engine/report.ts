// Pure: the data collect() read -> the report (every metric over the period and the one before, levels, scores,
// trends, the weekly series for the chart, and the evidence behind each number).
import { METRICS } from '../metrics/index.js';
import type { Metric } from './metric.js';
import { buildHistory, mergeHistories } from './history.js';
import { DAY_MS, HOUR_MS, median, ms, within } from './stats.js';
import type {
  DoraData,
  DoraOptions,
  DoraReport,
  Finding,
  History,
  MetricReport,
  MetricValue,
  Period,
  RepositoryReport,
  WeekPoint
} from './types.js';
import { shippedIn } from '../metrics/support.js';

function evaluate(metric: Metric, history: History, period: Period, options: DoraOptions): MetricValue {
  const c = metric.compute({ history, period });
  const judged = c.value !== null && c.thin === null;
  return {
    ...c,
    level: judged && options.benchmarks !== '2025' ? metric.level(c.value!, options.benchmarks) : null,
    score: judged ? metric.score(c.value!) : null
  };
}

function trendOf(metric: Metric, current: MetricValue, previous: MetricValue): Pick<MetricReport, 'trend' | 'delta'> {
  if (current.value === null || previous.value === null) return { trend: 'n/a', delta: null };
  const delta = current.value - previous.value;
  const scale = Math.max(Math.abs(current.value), Math.abs(previous.value));
  if (scale === 0 || Math.abs(delta) / scale < 0.02) return { trend: 'same', delta };
  const up = delta > 0;
  return { trend: up === (metric.better === 'higher') ? 'better' : 'worse', delta };
}

/** Monday 00:00 UTC on or before t. */
function weekStart(t: number): number {
  const day = new Date(t);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return midnight - ((day.getUTCDay() + 6) % 7) * DAY_MS;
}

export function weeklySeries(history: History, period: Period): WeekPoint[] {
  const points: WeekPoint[] = [];
  for (let t = weekStart(ms(period.start)); t < ms(period.end); t += 7 * DAY_MS) {
    const week = {
      start: new Date(Math.max(t, ms(period.start))).toISOString(),
      end: new Date(Math.min(t + 7 * DAY_MS, ms(period.end))).toISOString()
    };
    const lead = history.changes.filter((c) => within(c.deployedAt, week)).map((c) => c.leadTimeMs / HOUR_MS);
    points.push({
      weekStart: new Date(t).toISOString(),
      deployments: shippedIn(history, week).length,
      medianLeadTimeHours: median(lead)
    });
  }
  return points;
}

function repositoryReport(label: string, history: History, options: DoraOptions): RepositoryReport {
  const both: Period = { start: options.previousPeriod.start, end: options.period.end };
  const metrics: MetricReport[] = METRICS.map((metric: Metric) => {
    const current = evaluate(metric, history, options.period, options);
    const previous = evaluate(metric, history, options.previousPeriod, options);
    return {
      id: metric.id,
      title: metric.title,
      group: metric.group,
      unit: metric.unit,
      better: metric.better,
      current,
      previous,
      ...trendOf(metric, current, previous)
    };
  });
  const findings: Finding[] = [...history.findings];
  const unlinked = history.incidents.filter((i) => i.cause === null && within(i.createdAt, options.period));
  for (const incident of unlinked) {
    findings.push({
      id: 'incident-unlinked',
      level: 'notice',
      repo: incident.repo,
      message: `incident #${incident.number} is not counted as a change failure: ${incident.linkDetail}`
    });
  }
  const pending = history.deployments.filter((d) => d.outcome === 'pending' && within(d.createdAt, options.period));
  if (pending.length > 0) {
    findings.push({
      id: 'deployments-pending',
      level: 'notice',
      message: `${pending.length} deployment${pending.length === 1 ? '' : 's'} in the period never reached a final status and ${pending.length === 1 ? 'is' : 'are'} not counted`
    });
  }
  return {
    repo: label,
    metrics,
    weekly: weeklySeries(history, options.period),
    deployments: history.deployments.filter((d) => !d.baseline && within(d.at, both)),
    changes: history.changes.filter((c) => within(c.deployedAt, both)),
    incidents: history.incidents.filter((i) => within(i.createdAt, both)),
    findings
  };
}

export function analyze(data: DoraData, options: DoraOptions): DoraReport {
  const histories = data.repositories.map((repo) => buildHistory(repo, options));
  const repositories = histories.map((h) => repositoryReport(h.repos[0], h, options));
  const combined =
    histories.length > 1 ? repositoryReport('all repositories', mergeHistories(histories), options) : null;
  if (combined) combined.findings = [];
  return {
    period: options.period,
    previousPeriod: options.previousPeriod,
    environment: options.environment,
    source: options.source,
    benchmarks: options.benchmarks,
    repositories,
    combined,
    findings: repositories.flatMap((r) => r.findings)
  };
}
