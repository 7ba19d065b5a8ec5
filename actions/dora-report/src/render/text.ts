// The terminal report (the CLI's default format).
import type { DoraReport, RepositoryReport } from '../engine/types.js';
import { textCharts } from './chart.js';
import { framing, levelText, periodText, scoreText, trendText } from './common.js';

function repository(r: RepositoryReport, report: DoraReport): string[] {
  const lines = [`${r.repo}`, `  ${framing(r)}`];
  const width = Math.max(...r.metrics.map((m) => m.title.length));
  for (const m of r.metrics) {
    const judged = levelText(m, report);
    lines.push(`  ${m.title.padEnd(width)}  ${m.current.display}  [${judged}, score ${scoreText(m)}]  ${trendText(m)}`);
    if (m.current.thin) lines.push(`  ${''.padEnd(width)}  note: ${m.current.thin}`);
  }
  for (const chart of textCharts(r.weekly)) lines.push(`  ${chart}`);
  const failed = r.deployments.filter((d) => d.failure && d.at >= report.period.start);
  for (const d of failed) {
    lines.push(
      `  failed deployment ${d.id} (${d.sha.slice(0, 7)}, ${d.at}): ${d.failure!.reasons.map((x) => x.detail).join('; ')}`
    );
  }
  return lines;
}

export function renderText(report: DoraReport, api?: { calls: number }): string {
  const lines = [
    `DORA report for ${report.environment} (${report.source}), ${periodText(report)}; levels: ${report.benchmarks} report`
  ];
  for (const r of report.repositories) lines.push('', ...repository(r, report));
  if (report.combined) lines.push('', ...repository(report.combined, report));
  if (report.findings.length > 0) {
    lines.push('');
    for (const f of report.findings) lines.push(`${f.level}: ${f.repo ? `${f.repo}: ` : ''}${f.message}`);
  }
  if (api) lines.push('', `GitHub API calls: ${api.calls}`);
  return `${lines.join('\n')}\n`;
}
