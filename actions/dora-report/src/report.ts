// A DoraReport as the action family's ActionReport: the verdict (a metric below min-level is a warning, too
// little data a notice), the headline, sections for the job summary (metrics with level and trend, the weekly
// chart, per-deployment, per-change and per-incident drill-down tables, the evidence behind each number), the
// JSON envelope's own fields, the outputs, the text format and the CSV. No I/O. Text from the repository (PR
// titles, branches, logins, tag names, payloads quoted in reasons) goes through escapeMarkdown or codeSpan, and
// only URLs on the GitHub server become links.
import { clipLine, codeSpan, escapeMarkdown, markdownLink } from '../../../shared/src/lib/markdown.js';
import {
  countFindings,
  plural,
  verdictOf,
  type ActionReport,
  type Finding as ReportFinding,
  type Level as FindingLevel,
  type ReportSection
} from '../../../shared/src/lib/report.js';
import {
  formatHours,
  formatPercent,
  formatRate,
  metricById,
  type DeploymentView,
  type DoraReport,
  type Level,
  type MetricReport,
  type RepositoryReport
} from './engine/index.js';
import { NO_DEPLOYMENTS } from './metrics/support.js';
import { mermaidCharts, textCharts } from './render/chart.js';
import { framing, LEVEL_NAMES, periodText, scoreText, trendArrow, trendText } from './render/common.js';
import { renderCsv } from './render/csv.js';
import { renderText } from './render/text.js';

export interface DoraReportOptions {
  /** A judged metric below this level is a warning. */
  minLevel: Level;
  /** API calls the report took. */
  api?: { total: number; rest: number; graphql: number };
  /** Where the CSV was written (the csv-file output). */
  csvFile?: string;
  /** URLs under these origins may become links (the GitHub server the data came from). Default github.com. */
  linkOrigins?: readonly string[];
  /** `mermaid` (default) draws xycharts above the text sparkline; `text` only the sparkline. */
  chart?: 'mermaid' | 'text';
}

export interface DoraActionReport extends ActionReport {
  /** Every metric, deployment, change and incident as CSV. */
  csv: () => string;
}

/** A finding with the repository it is about. */
export interface DoraFinding {
  id: string;
  level: FindingLevel;
  message: string;
  repo?: string;
}

const RANK: Record<Level, number> = { elite: 3, high: 2, medium: 1, low: 0 };

/** The metrics a level judges, and the short names the headline and outputs use. */
const JUDGED: Record<string, { short: string; value: (v: number) => string }> = {
  'deployment-frequency': { short: 'deployments', value: formatRate },
  'change-lead-time': { short: 'lead time', value: (h) => formatHours(h * 3_600_000) },
  'change-fail-rate': { short: 'change fail rate', value: formatPercent },
  'failed-deployment-recovery-time': { short: 'recovery', value: (h) => formatHours(h * 3_600_000) }
};

/**
 * The level min-level is compared with: the report's own (2023/2024), or with benchmarks 2025 (which has no
 * levels) the 2024 one. Null when the metric has no level or too little data to judge.
 */
export function judgedLevel(m: MetricReport, benchmarks: DoraReport['benchmarks']): Level | null {
  const v = m.current;
  if (v.value === null || v.thin !== null) return null;
  if (benchmarks !== '2025') return v.level;
  return metricById(m.id)?.level(v.value, '2024') ?? null;
}

function isBelow(m: MetricReport, report: DoraReport, minLevel: Level): boolean {
  const level = judgedLevel(m, report.benchmarks);
  return level !== null && RANK[level] < RANK[minLevel];
}

/** The repository views the findings and outputs judge: each repository (the combined view only adds up). */
function mainView(report: DoraReport): RepositoryReport | undefined {
  return report.combined ?? report.repositories[0];
}

function findingsOf(report: DoraReport, minLevel: Level): DoraFinding[] {
  const out: DoraFinding[] = [];
  const levelSource = report.benchmarks === '2025' ? '2024' : report.benchmarks;
  for (const r of report.repositories) {
    const dfThin = r.metrics.find((m) => m.id === 'deployment-frequency')?.current.thin;
    if (dfThin === NO_DEPLOYMENTS) {
      out.push({
        id: 'no-deployments',
        level: 'warning',
        repo: r.repo,
        message: `no deployments found at all (environment "${clipLine(report.environment, 100)}", source ${report.source}): check the environment name and the source`
      });
      continue;
    }
    for (const m of r.metrics) {
      if (!isBelow(m, report, minLevel)) continue;
      const level = judgedLevel(m, report.benchmarks)!;
      out.push({
        id: 'below-level',
        level: 'warning',
        repo: r.repo,
        message: `${m.title} ${m.current.display} is at the ${level} level of the ${levelSource} report, below ${minLevel} (min-level)`
      });
    }
    const thin = r.metrics.filter((m) => m.current.thin !== null && m.group !== 'other');
    if (thin.length > 0) {
      out.push({
        id: 'too-little-data',
        level: 'notice',
        repo: r.repo,
        message: `too little data to judge ${thin.map((m) => `${m.title.toLowerCase()} (${m.current.thin})`).join(', ')}`
      });
    }
  }
  for (const f of report.findings) out.push({ id: f.id, level: f.level, message: f.message, repo: f.repo });
  return out;
}

function findingMessage(f: DoraFinding): string {
  return f.repo ? `${f.repo}: ${f.message}` : f.message;
}

function subjectOf(report: DoraReport): string {
  return report.repositories.length === 1 ? report.repositories[0].repo : `${report.repositories.length} repositories`;
}

function headlineOf(report: DoraReport, findings: readonly DoraFinding[], minLevel: Level): string {
  const view = mainView(report);
  const day = (iso: string) => iso.slice(0, 10);
  const last = new Date(Date.parse(report.period.end) - 1).toISOString();
  const parts = (view?.metrics ?? [])
    .filter((m) => JUDGED[m.id])
    .map((m) => {
      const j = JUDGED[m.id];
      if (m.current.value === null) return `${j.short} n/a`;
      const level = judgedLevel(m, report.benchmarks);
      const judged =
        report.benchmarks === '2025'
          ? m.current.score === null
            ? ''
            : ` (${m.current.score}/10)`
          : level
            ? ` (${level})`
            : '';
      return `${j.short} ${j.value(m.current.value)}${judged}`;
    });
  const below = findings.filter((f) => f.id === 'below-level').length;
  const missing = findings.filter((f) => f.id === 'no-deployments').length;
  const tail = [
    ...(below > 0 ? [`${plural(below, 'metric')} below ${minLevel}`] : []),
    ...(missing > 0 ? [`no deployments found in ${plural(missing, 'repository', 'repositories')}`] : [])
  ];
  return `DORA report for ${subjectOf(report)}, ${day(report.period.start)} to ${day(last)}: ${parts.join(', ')}${tail.length > 0 ? `; ${tail.join(', ')}` : ''}`;
}

// ------------------------------------------------------------------------------------------------ markdown

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const md = (text: string | null | undefined, max = 200) => (text ? escapeMarkdown(clipLine(text, max)) : '');

function idOf(key: string): string {
  return key.slice(key.lastIndexOf('#') + 1);
}

function outcomeText(d: DeploymentView): string {
  if (d.redeploy) return 'redeploy';
  if (d.rollback) return 'rollback';
  return d.outcome === 'success' ? 'success' : d.outcome === 'failure' ? 'failed' : 'pending';
}

function levelCell(m: MetricReport, report: DoraReport, minLevel: Level): string {
  const v = m.current;
  if (v.value === null || v.thin !== null) return 'too little data';
  const level = judgedLevel(m, report.benchmarks);
  if (level === null) return report.benchmarks === '2025' ? '-' : 'no level in the report';
  const name = report.benchmarks === '2025' ? `${LEVEL_NAMES[level]} (2024)` : LEVEL_NAMES[level];
  return RANK[level] < RANK[minLevel] ? `⚠️ ${name}, below ${minLevel}` : name;
}

function titled(r: RepositoryReport, several: boolean, title: string): string {
  return several ? `${r.repo}: ${title}` : title.charAt(0).toUpperCase() + title.slice(1);
}

interface SectionContext {
  report: DoraReport;
  options: DoraReportOptions;
  several: boolean;
  origins: readonly string[];
}

function metricsSection(r: RepositoryReport, ctx: SectionContext): ReportSection {
  const { report, options } = ctx;
  const levelHeader = report.benchmarks === '2025' ? 'Level' : `Level (${report.benchmarks})`;
  const bold = framing(r)
    .split(/(?=Instability:)/)
    .map((part) => part.trim().replace(/^(Throughput|Instability):/, '**$1:**'))
    .join(' ');
  return {
    level: 'info',
    open: true,
    title: titled(r, ctx.several, 'metrics'),
    intro: bold,
    table: {
      headers: ['Metric', 'Value', levelHeader, 'Score', 'Trend'],
      rows: r.metrics.map((m) => [
        // Values, levels and trends are the engine's own words and numbers, not repository text.
        m.title,
        m.current.display,
        levelCell(m, report, options.minLevel),
        scoreText(m),
        `${trendArrow(m)} ${trendText(m)}`.trim()
      ])
    }
  };
}

function chartSection(r: RepositoryReport, ctx: SectionContext): ReportSection | undefined {
  if (r.weekly.length === 0) return undefined;
  const sparkline = ['```text', ...textCharts(r.weekly), '```'].join('\n');
  return {
    level: 'info',
    open: true,
    title: titled(r, ctx.several, 'deployments and lead time per week'),
    intro: (ctx.options.chart ?? 'mermaid') === 'mermaid' ? `${mermaidCharts(r.weekly)}\n\n${sparkline}` : sparkline
  };
}

function changeLabel(key: string, r: RepositoryReport, origins: readonly string[]): string {
  const change = r.changes.find((c) => c.key === key);
  if (!change) return codeSpan(clipLine(idOf(key), 60));
  const label = change.kind === 'pull' ? `PR ${change.pull}` : codeSpan(change.commits[0].slice(0, 7));
  return markdownLink(label, change.url, origins);
}

function deploymentsSection(r: RepositoryReport, ctx: SectionContext): ReportSection | undefined {
  const inPeriod = r.deployments.filter((d) => d.at >= ctx.report.period.start).reverse();
  if (inPeriod.length === 0) return undefined;
  const rows = inPeriod.map((d) => {
    const changes = r.changes.filter((c) => c.deployment === d.key);
    const shown = changes.slice(0, 10).map((c) => changeLabel(c.key, r, ctx.origins));
    if (changes.length > 10) shown.push(`+${changes.length - 10} more`);
    const reshipped = d.reshipped > 0 ? ` (re-shipped ${plural(d.reshipped, 'commit')})` : '';
    const changesCell = !d.changesKnown
      ? 'first read: unknown'
      : shown.length > 0
        ? `${shown.join(', ')}${reshipped}`
        : d.outcome === 'success'
          ? `none${reshipped}`
          : '-';
    const failure = d.failure ? d.failure.reasons.map((x) => md(`${x.kind}: ${x.detail}`, 300)).join('; ') : '';
    const recovery = d.failure
      ? d.failure.recoveryMs === null
        ? md(d.failure.recoveryBasis)
        : `${formatHours(d.failure.recoveryMs)} (${md(d.failure.recoveryBasis)})`
      : '';
    const rework = d.rework ? d.rework.reasons.map((x) => md(`${x.kind}: ${x.detail}`, 300)).join('; ') : '';
    return [
      markdownLink(md(d.id, 60), d.url, ctx.origins),
      codeSpan(d.sha.slice(0, 7)),
      when(d.at),
      outcomeText(d),
      changesCell,
      failure,
      recovery,
      rework
    ];
  });
  return {
    level: 'info',
    title: titled(r, ctx.several, 'deployments in the period'),
    intro: 'Newest first. A change failure says why it counted; recovery follows the 2023 definition.',
    table: {
      headers: ['Deployment', 'Commit', 'Live (UTC)', 'Outcome', 'Changes', 'Change failure', 'Recovery', 'Rework'],
      rows
    }
  };
}

function changesSection(r: RepositoryReport, ctx: SectionContext): ReportSection | undefined {
  const changes = r.changes.filter((c) => c.deployedAt >= ctx.report.period.start).reverse();
  if (changes.length === 0) return undefined;
  const split = (c: (typeof changes)[number], ms: number) => (c.kind === 'pull' ? formatHours(ms) : '-');
  return {
    level: 'info',
    title: titled(r, ctx.several, 'changes in the period'),
    intro:
      'Lead time is first commit to running in production: coding (to PR opened), pickup (to first review), review (to merge), deploy.',
    table: {
      headers: ['Change', 'Title', 'Author', 'Deployment', 'Lead time', 'Coding', 'Pickup', 'Review', 'Deploy'],
      rows: changes.map((c) => [
        changeLabel(c.key, r, ctx.origins),
        md(c.title, 120),
        md(c.author, 40),
        md(idOf(c.deployment), 60),
        formatHours(c.leadTimeMs),
        split(c, c.split.codingMs),
        split(c, c.split.pickupMs),
        split(c, c.split.reviewMs),
        formatHours(c.split.deployMs)
      ])
    }
  };
}

function incidentsSection(r: RepositoryReport, ctx: SectionContext): ReportSection | undefined {
  if (r.incidents.length === 0) return undefined;
  return {
    level: 'info',
    title: titled(r, ctx.several, 'incidents'),
    table: {
      headers: ['Incident', 'Title', 'Opened (UTC)', 'Closed', 'Counted for', 'Why'],
      rows: r.incidents.map((i) => [
        markdownLink(`issue ${i.number}`, i.url, ctx.origins),
        md(i.title, 120),
        when(i.createdAt),
        i.closedAt ? when(i.closedAt) : 'open',
        i.cause ? `deployment ${md(idOf(i.cause), 60)}` : 'not counted',
        md(i.linkDetail, 200)
      ])
    }
  };
}

const EVIDENCE_SHOWN = 30;

function evidenceSection(r: RepositoryReport, ctx: SectionContext): ReportSection | undefined {
  const list = (keys: readonly string[], label: (key: string) => string) => {
    const unique = [...new Set(keys)];
    const shown = unique.slice(0, EVIDENCE_SHOWN).map(label);
    return unique.length > EVIDENCE_SHOWN
      ? `${shown.join(', ')} and ${unique.length - EVIDENCE_SHOWN} more`
      : shown.join(', ');
  };
  const items = r.metrics.flatMap((m) => {
    const e = m.current.evidence;
    const parts = [
      ...(e.deployments.length ? [`deployments ${list(e.deployments, (k) => md(idOf(k), 60))}`] : []),
      ...(e.changes.length ? [`changes ${list(e.changes, (k) => changeLabel(k, r, ctx.origins))}`] : []),
      ...(e.incidents.length ? [`incidents ${list(e.incidents, (k) => idOf(k).replace('issue-', ''))}`] : [])
    ];
    return parts.length > 0 ? [`**${m.title}**: ${parts.join('; ')}`] : [];
  });
  if (items.length === 0) return undefined;
  return {
    level: 'info',
    title: titled(r, ctx.several, 'evidence behind each number'),
    intro: 'What each metric of the period counted; the JSON report (report-file) and the CSV have them all.',
    items
  };
}

function sectionsOf(report: DoraReport, findings: readonly DoraFinding[], ctx: SectionContext): ReportSection[] {
  const out: ReportSection[] = [];
  const warnings = findings.filter((f) => f.level === 'warning');
  const notices = findings.filter((f) => f.level === 'notice');
  if (warnings.length > 0)
    out.push({
      level: 'warning',
      open: true,
      title: 'Warnings',
      items: warnings.map((f) => md(findingMessage(f), 500))
    });
  if (notices.length > 0)
    out.push({ level: 'notice', title: 'Notes', items: notices.map((f) => md(findingMessage(f), 500)) });
  for (const r of report.repositories) {
    out.push(metricsSection(r, ctx));
    const more = [chartSection, deploymentsSection, changesSection, incidentsSection, evidenceSection];
    for (const make of more) {
      const section = make(r, ctx);
      if (section) out.push(section);
    }
  }
  if (report.combined) {
    out.push(metricsSection(report.combined, ctx));
    const chart = chartSection(report.combined, ctx);
    if (chart) out.push(chart);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ json, outputs

function metricJson(m: MetricReport, report: DoraReport, minLevel: Level) {
  const { evidence, ...current } = m.current;
  const { evidence: _previousEvidence, ...previous } = m.previous;
  return {
    id: m.id,
    title: m.title,
    group: m.group,
    unit: m.unit,
    better: m.better,
    ...current,
    belowMinLevel: isBelow(m, report, minLevel),
    previous,
    trend: m.trend,
    delta: m.delta,
    evidence
  };
}

function repositoryJson(r: RepositoryReport, report: DoraReport, minLevel: Level) {
  return {
    repo: r.repo,
    metrics: r.metrics.map((m) => metricJson(m, report, minLevel)),
    weekly: r.weekly,
    deployments: r.deployments,
    changes: r.changes,
    incidents: r.incidents
  };
}

const round = (v: number | null | undefined, digits: number) =>
  v === null || v === undefined ? '' : String(Math.round(v * 10 ** digits) / 10 ** digits);

function outputsOf(report: DoraReport, options: DoraReportOptions): Record<string, string | number> {
  const metrics = mainView(report)?.metrics ?? [];
  const get = (id: string) => metrics.find((m) => m.id === id);
  // With benchmarks 2025 the report has no levels: the level outputs stay empty, as the summary shows.
  const reportLevel = (id: string) => {
    const m = get(id);
    return m && report.benchmarks !== '2025' ? (judgedLevel(m, report.benchmarks) ?? '') : '';
  };
  return {
    'deployment-frequency': round(get('deployment-frequency')?.current.value, 4),
    'deployment-frequency-level': reportLevel('deployment-frequency'),
    'change-lead-time-hours': round(get('change-lead-time')?.current.value, 2),
    'change-lead-time-level': reportLevel('change-lead-time'),
    'change-fail-rate': round(get('change-fail-rate')?.current.value, 2),
    'change-fail-rate-level': reportLevel('change-fail-rate'),
    'recovery-time-hours': round(get('failed-deployment-recovery-time')?.current.value, 2),
    'recovery-time-level': reportLevel('failed-deployment-recovery-time'),
    'rework-rate': round(get('deployment-rework-rate')?.current.value, 2),
    'successful-deploys': round(get('successful-deploys')?.current.value, 2),
    deployments: get('deployment-frequency')?.current.sample ?? 0,
    'csv-file': options.csvFile ?? '',
    'api-calls': options.api?.total ?? 0
  };
}

// ------------------------------------------------------------------------------------------------ the report

export function doraActionReport(report: DoraReport, options: DoraReportOptions): DoraActionReport {
  const findings = findingsOf(report, options.minLevel);
  const reportFindings: ReportFinding[] = findings.map((f) => ({
    level: f.level,
    id: f.id,
    message: findingMessage(f)
  }));
  const view = mainView(report);
  const sample = (id: string) => view?.metrics.find((m) => m.id === id)?.current;
  const counts = {
    ...countFindings(reportFindings),
    repositories: report.repositories.length,
    deployments: sample('change-fail-rate')?.sample ?? 0,
    changes: sample('change-lead-time')?.sample ?? 0,
    failures: sample('change-fail-rate')?.evidence.deployments.length ?? 0,
    incidents: report.repositories.reduce(
      (n, r) => n + r.incidents.filter((i) => i.createdAt >= report.period.start).length,
      0
    )
  };
  const verdict = verdictOf(counts);
  const headline = headlineOf(report, findings, options.minLevel);
  const ctx: SectionContext = {
    report,
    options,
    several: report.repositories.length > 1,
    origins: options.linkOrigins ?? ['https://github.com']
  };
  const judging =
    report.benchmarks === '2025'
      ? 'scores (0-10) in the 2025 style; min-level judged by the 2024 levels'
      : `levels from the ${report.benchmarks} DORA report`;
  const context = [
    `${codeSpan(clipLine(report.environment, 100))} (source ${report.source}), ${periodText(report)}; ${judging}; warnings below ${codeSpan(options.minLevel)}.`,
    ...(options.api
      ? [`${plural(options.api.total, 'GitHub API call')} (${options.api.graphql} GraphQL, ${options.api.rest} REST).`]
      : [])
  ];
  return {
    tool: 'dora-report',
    title: 'DORA report',
    subject: subjectOf(report),
    verdict,
    headline,
    counts,
    findings: reportFindings,
    context,
    sections: sectionsOf(report, findings, ctx),
    json: {
      period: report.period,
      previousPeriod: report.previousPeriod,
      environment: report.environment,
      source: report.source,
      benchmarks: report.benchmarks,
      minLevel: options.minLevel,
      ...(options.api ? { api: options.api } : {}),
      findings: findings.map((f) => ({
        id: f.id,
        level: f.level,
        message: f.message,
        ...(f.repo ? { repo: f.repo } : {})
      })),
      repositories: report.repositories.map((r) => repositoryJson(r, report, options.minLevel)),
      combined: report.combined ? repositoryJson(report.combined, report, options.minLevel) : null
    },
    outputs: outputsOf(report, options),
    text: () =>
      renderText(report, {
        findings: reportFindings,
        api: options.api,
        headline
      }),
    csv: () => renderCsv(report)
  };
}
