// The job summary / markdown report: one line per metric (value, level, trend), the weekly chart, and a
// drill-down per deployment in collapsible blocks. Repository text goes through mdText; links only to URLs that
// GitHub gave us.
import { fitToLimit } from '../../../../shared/src/lib/markdown.js';
import { formatHours } from '../engine/format.js';
import type { DeploymentView, DoraReport, RepositoryReport } from '../engine/types.js';
import { mermaidCharts, textCharts } from './chart.js';
import { framing, levelText, periodText, scoreText, trendArrow, trendText } from './common.js';
import { mdLink, mdText } from './escape.js';

export interface MarkdownOptions {
  /** `mermaid` draws xycharts and keeps the text sparkline under them; `text` only the sparkline. */
  chart?: 'mermaid' | 'text';
  /** Most deployments given their own drill-down block (newest first). Default 100. */
  drillDown?: number;
  /** Byte limit (GitHub's job summary limit by default). */
  limitBytes?: number;
}

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`)
  ].join('\n');
}

function details(summary: string, body: string): string {
  // The summary holds only our own text (ids, shas, dates, counts); the blank lines let GitHub render the body.
  return `<details>\n<summary>${summary.replace(/[<>&"]/g, ' ')}</summary>\n\n${body}\n\n</details>`;
}

function outcomeText(d: DeploymentView): string {
  if (d.redeploy) return 'redeploy';
  if (d.rollback) return 'rollback';
  return d.outcome === 'success' ? 'success' : d.outcome === 'failure' ? 'failed' : 'pending';
}

function deploymentBlock(d: DeploymentView, r: RepositoryReport): string {
  const changes = r.changes.filter((c) => c.deployment === d.key);
  const parts: string[] = [];
  if (d.failure) {
    parts.push(
      `Counted as a change failure: ${d.failure.reasons.map((x) => mdText(x.detail, 300)).join('; ')}. ` +
        `Recovery: ${d.failure.recoveryMs === null ? mdText(d.failure.recoveryBasis) : `${formatHours(d.failure.recoveryMs)} (${mdText(d.failure.recoveryBasis)})`}.`
    );
  }
  if (d.rework) parts.push(`Rework: ${d.rework.reasons.map((x) => mdText(x.detail, 300)).join('; ')}.`);
  if (!d.changesKnown)
    parts.push('The first deployment read: what it shipped cannot be told apart from the repository before it.');
  if (d.reshipped > 0)
    parts.push(`Re-shipped ${d.reshipped} commit${d.reshipped === 1 ? '' : 's'} an earlier deployment had shipped.`);
  if (changes.length > 0) {
    parts.push(
      table(
        ['Change', 'Title', 'Author', 'Lead time', 'Coding', 'Pickup', 'Review', 'Deploy'],
        changes.map((c) => [
          mdLink(c.kind === 'pull' ? `PR ${c.pull}` : c.commits[0]!.slice(0, 7), c.url),
          mdText(c.title, 100),
          mdText(c.author, 40),
          formatHours(c.leadTimeMs),
          c.kind === 'pull' ? formatHours(c.split.codingMs) : '-',
          c.kind === 'pull' ? formatHours(c.split.pickupMs) : '-',
          c.kind === 'pull' ? formatHours(c.split.reviewMs) : '-',
          formatHours(c.split.deployMs)
        ])
      )
    );
  } else if (d.changesKnown && d.outcome === 'success') parts.push('No new changes.');
  const label = `${d.id} · ${d.sha.slice(0, 7)} · ${when(d.at)} · ${outcomeText(d)} · ${changes.length} change${changes.length === 1 ? '' : 's'}${
    d.failure ? ` · failure: ${d.failure.reasons.map((x) => x.kind).join(', ')}` : ''
  }`;
  const link = d.url ? `${mdLink('Deployment log', d.url)}\n\n` : '';
  return details(label, `${link}${parts.join('\n\n')}`);
}

function repositorySection(r: RepositoryReport, report: DoraReport, options: MarkdownOptions): string {
  const blocks: string[] = [];
  blocks.push(`## DORA report: ${mdText(r.repo, 140)}`);
  blocks.push(
    `${mdText(report.environment, 100)} (${report.source}), ${periodText(report)}; levels: ${report.benchmarks} report`
  );
  blocks.push(
    framing(r)
      .replace(/^Throughput:/, '**Throughput:**')
      .replace(/Instability:/, '**Instability:**')
  );
  const levelHeader = report.benchmarks === '2025' ? 'Level' : `Level (${report.benchmarks})`;
  blocks.push(
    table(
      ['Metric', 'Value', levelHeader, 'Score', 'Trend'],
      r.metrics.map((m) => [
        m.title,
        m.current.display,
        levelText(m, report),
        scoreText(m),
        `${trendArrow(m)} ${trendText(m)}`.trim()
      ])
    )
  );
  const notes = r.metrics.filter((m) => m.current.thin).map((m) => `- ${m.title}: ${m.current.thin}.`);
  if (notes.length > 0) blocks.push(`Too little data to judge:\n\n${notes.join('\n')}`);
  if (r.weekly.length > 0) {
    blocks.push('### Deployments and lead time per week');
    if ((options.chart ?? 'mermaid') === 'mermaid') blocks.push(mermaidCharts(r.weekly));
    blocks.push(['```text', ...textCharts(r.weekly), '```'].join('\n'));
  }
  const inPeriod = r.deployments.filter((d) => d.at >= report.period.start).reverse();
  const limit = options.drillDown ?? 100;
  if (inPeriod.length > 0 && limit > 0) {
    const shown = inPeriod.slice(0, limit);
    const body = shown.map((d) => deploymentBlock(d, r)).join('\n\n');
    const more =
      inPeriod.length > limit
        ? `\n\n${inPeriod.length - limit} older deployments are in the JSON and CSV reports.`
        : '';
    blocks.push(details(`Deployments in the period (${inPeriod.length})`, `${body}${more}`));
  }
  if (r.incidents.length > 0) {
    blocks.push(
      details(
        `Incidents (${r.incidents.length})`,
        table(
          ['Incident', 'Title', 'Opened', 'Closed', 'Counted for', 'Why'],
          r.incidents.map((i) => [
            mdLink(`issue ${i.number}`, i.url),
            mdText(i.title, 100),
            when(i.createdAt),
            i.closedAt ? when(i.closedAt) : 'open',
            i.cause ? `deployment ${i.cause.slice(i.cause.lastIndexOf('#') + 1)}` : 'not counted',
            mdText(i.linkDetail, 200)
          ])
        )
      )
    );
  }
  return blocks.join('\n\n');
}

export function renderMarkdown(report: DoraReport, options: MarkdownOptions = {}): string {
  const sections = report.repositories.map((r) => repositorySection(r, report, options));
  if (report.combined) sections.push(repositorySection(report.combined, report, { ...options, drillDown: 0 }));
  const findings = report.findings.filter((f) => f.level !== 'notice' || f.id === 'incident-unlinked');
  if (findings.length > 0) {
    sections.push(
      [
        '### Notes',
        ...findings.map((f) => `- ${f.level}: ${f.repo ? `${mdText(f.repo)}: ` : ''}${mdText(f.message, 400)}`)
      ].join('\n\n')
    );
  }
  return fitToLimit(`${sections.join('\n\n')}\n`, options.limitBytes);
}
