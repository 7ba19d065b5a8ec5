// Wording shared by the text and markdown renderers.
import type { DoraReport, Level, MetricReport, RepositoryReport } from '../engine/types.js';

export const LEVEL_NAMES: Record<Level, string> = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };

export function levelText(m: MetricReport, report: DoraReport): string {
  const v = m.current;
  if (v.level) return LEVEL_NAMES[v.level];
  if (v.value === null || v.thin) return 'too little data';
  return report.benchmarks === '2025' ? '-' : 'no level in the report';
}

export function scoreText(m: MetricReport): string {
  return m.current.score === null ? '-' : `${m.current.score}/10`;
}

export function trendText(m: MetricReport): string {
  switch (m.trend) {
    case 'better':
      return `better (was ${m.previous.display})`;
    case 'worse':
      return `worse (was ${m.previous.display})`;
    case 'same':
      return `same (was ${m.previous.display})`;
    default:
      return m.previous.value === null ? 'no earlier data' : `was ${m.previous.display}`;
  }
}

export function trendArrow(m: MetricReport): string {
  if (m.trend === 'n/a' || m.delta === null) return '';
  const up = m.delta > 0;
  return m.trend === 'same' ? '→' : up ? '↑' : '↓';
}

export function periodText(report: DoraReport): string {
  const day = (iso: string) => iso.slice(0, 10);
  const end = (iso: string) => new Date(Date.parse(iso) - 1).toISOString().slice(0, 10);
  return `${day(report.period.start)} to ${end(report.period.end)}, compared with ${day(report.previousPeriod.start)} to ${end(report.previousPeriod.end)}`;
}

function short(m: MetricReport | undefined): string {
  if (!m) return '-';
  if (m.current.value === null) return m.current.display;
  return m.current.display.replace(/ \(.*$/, '');
}

/** "Throughput: ... Instability: ..." in one line. */
export function framing(r: RepositoryReport): string {
  const get = (id: string) => r.metrics.find((m) => m.id === id);
  return (
    `Throughput: ${short(get('deployment-frequency'))} deployments, lead time ${short(get('change-lead-time'))}, recovery ${short(get('failed-deployment-recovery-time'))}. ` +
    `Instability: change fail rate ${short(get('change-fail-rate'))}, rework ${short(get('deployment-rework-rate'))}.`
  );
}
