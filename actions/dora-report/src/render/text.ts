// The terminal report (the CLI's default format). Repository text is clipped to one line without control
// characters, so a PR title cannot move the cursor or recolour the terminal.
import { clipLine } from '../../../../shared/src/lib/markdown.js';
import type { DoraReport, RepositoryReport } from '../engine/types.js';
import { textCharts } from './chart.js';
import { framing, levelText, periodText, scoreText, trendText } from './common.js';

export interface TextOptions {
  /** Lines after the metrics (the report's findings), each `level: message`. */
  findings?: readonly { level: string; message: string }[];
  api?: { total: number; graphql: number; rest: number };
  headline?: string;
}

function repository(r: RepositoryReport, report: DoraReport): string[] {
  const lines = [clipLine(r.repo), `  ${framing(r)}`];
  const width = Math.max(...r.metrics.map((m) => m.title.length));
  for (const m of r.metrics) {
    const judged = levelText(m, report);
    lines.push(`  ${m.title.padEnd(width)}  ${m.current.display}  [${judged}, score ${scoreText(m)}]  ${trendText(m)}`);
    if (m.current.thin) lines.push(`  ${''.padEnd(width)}  note: ${m.current.thin}`);
  }
  for (const chart of textCharts(r.weekly)) lines.push(`  ${chart}`);
  const failed = r.deployments.filter((d) => d.failure && d.at >= report.period.start);
  for (const d of failed) {
    const why = d.failure!.reasons.map((x) => x.detail).join('; ');
    lines.push(`  failed deployment ${clipLine(d.id, 60)} (${d.sha.slice(0, 7)}, ${d.at}): ${clipLine(why, 400)}`);
  }
  return lines;
}

export function renderText(report: DoraReport, options: TextOptions = {}): string {
  const lines = [
    `DORA report for ${clipLine(report.environment, 100)} (${report.source}), ${periodText(report)}; levels: ${report.benchmarks} report`
  ];
  for (const r of report.repositories) lines.push('', ...repository(r, report));
  if (report.combined) lines.push('', ...repository(report.combined, report));
  const findings = options.findings ?? report.findings;
  if (findings.length > 0) {
    lines.push('');
    for (const f of findings) lines.push(`${f.level}: ${clipLine(f.message, 400)}`);
  }
  if (options.api)
    lines.push('', `GitHub API calls: ${options.api.total} (${options.api.graphql} GraphQL, ${options.api.rest} REST)`);
  if (options.headline) lines.push('', options.headline);
  return `${lines.join('\n')}\n`;
}
