// A lint result as the action family's ActionReport: the verdict, the findings for annotations, sections for the
// summary and the comment (errors open, then warnings, the safe ways, the rules' help and what was not flagged on
// purpose folded away), the JSON envelope's own fields, the text format with its recipes, and SARIF. No I/O.
import { codeSpan, escapeMarkdown, SummaryBuilder } from '../../../shared/src/lib/markdown.js';
import {
  countFindings,
  plural,
  verdictOf,
  type ActionReport,
  type Finding as ReportFinding,
  type ReportSection
} from '../../../shared/src/lib/report.js';
import type { LintResult } from './engine/lint.js';
import { formatRows, formatSeconds, formatSize, THROUGHPUT_MB_S, type TableSizeResult } from './engine/table-size.js';
import { docsUrl } from './engine/rule.js';
import type { Exemption, Finding, Recipe, TableCost } from './engine/types.js';
import { ALL_RULES } from './rules/index.js';
import { migrationSarif } from './sarif.js';
import { TRACE_TITLE, traceIntro, traceTable } from './engine/trace/summary.js';
import { TRACE_RULES } from './engine/trace/findings.js';
import type { MigrationCheck } from './check.js';

function location(f: Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>) {
  return { file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn };
}

export function toReportFinding(f: Finding): ReportFinding {
  return {
    level: f.severity,
    id: f.rule,
    title: `migration-safety ${f.rule}`,
    message: `${f.message}\nSafe way and details: ${f.docs}`,
    location: location(f)
  };
}

/** The heading of the exemptions in every format: what was seen and deliberately not reported. */
export const EXEMPTIONS_TITLE = 'Not flagged, and why';

const TOOL_NAMES: Record<string, string> = { atlas: 'Atlas', strongMigrations: 'strong_migrations' };

/** How many places of one group the text and markdown name before "and N more". */
const PLACES_SHOWN = 10;

export interface ExemptionGroup {
  rule: string;
  reason: string;
  /** The rule's ids in other linters (`squawk prefer-robust-stmts`): where these statements are flagged. */
  others: string[];
  places: Exemption[];
}

/** Exemptions grouped by rule and reason, in the order of their first place (files in migration order). */
export function groupExemptions(exempted: readonly Exemption[]): ExemptionGroup[] {
  const groups = new Map<string, ExemptionGroup>();
  for (const e of exempted) {
    const key = `${e.rule}\n${e.reason}`;
    let group = groups.get(key);
    if (!group) {
      const others = (Object.entries(e.equivalents) as [string, string[] | undefined][]).flatMap(([tool, ids]) =>
        (ids ?? []).map((id) => `${TOOL_NAMES[tool] ?? tool} ${id}`)
      );
      groups.set(key, (group = { rule: e.rule, reason: e.reason, others, places: [] }));
    }
    group.places.push(e);
  }
  return [...groups.values()];
}

/**
 * "3 not flagged on purpose: see “Not flagged, and why”", the line under the verdict; the reasons are in the
 * section of that name.
 */
export function exemptionLine(exempted: readonly Exemption[]): string | undefined {
  if (exempted.length === 0) return undefined;
  return `${exempted.length} not flagged on purpose: see “${EXEMPTIONS_TITLE}”`;
}

const place = (e: Exemption) => `${e.file}:${e.line}:${e.column}`;

function placesText(places: readonly Exemption[], show: (e: Exemption) => string): string {
  const shown = places.slice(0, PLACES_SHOWN).map(show).join(', ');
  return places.length > PLACES_SHOWN ? `${shown} and ${places.length - PLACES_SHOWN} more` : shown;
}

/** The text format's block: one line per rule and reason, with where. */
function exemptionsText(exempted: readonly Exemption[]): string[] {
  if (exempted.length === 0) return [];
  const lines = [`${EXEMPTIONS_TITLE} (${exempted.length}, never counted):`];
  for (const group of groupExemptions(exempted)) {
    lines.push(`  ${group.rule}: ${group.reason} (${group.places.length}): ${placesText(group.places, place)}`);
  }
  return lines;
}

/** The summary's section: a row per rule and reason; an info section, so its rows are the first cut for space. */
function exemptionsSection(exempted: readonly Exemption[]): ReportSection | undefined {
  if (exempted.length === 0) return undefined;
  return {
    level: 'info',
    title: EXEMPTIONS_TITLE,
    intro:
      'What a rule recognised and deliberately did not report, and why; the linters named in “same rule in” flag these statements. Not counted, no effect on the verdict; the JSON report lists each one in `exemptions`.',
    table: {
      headers: ['rule', 'why not flagged', 'same rule in', 'where'],
      rows: groupExemptions(exempted).map((group) => [
        `[${group.rule}](${docsUrl(group.rule)})`,
        escapeMarkdown(group.reason),
        group.others.map((id) => codeSpan(id)).join(', ') || '-',
        `${placesText(group.places, (e) => codeSpan(`${e.file}:${e.line}`))} (${group.places.length})`
      ])
    }
  };
}

/** Files linted whole: a file the parser could not read to the end is not counted as checked. */
function filesChecked(result: LintResult): number {
  return result.files.filter((f) => f.linted && f.parsed === 'full').length;
}

function headline(result: LintResult): string {
  const counts = countFindings(result.findings.map((f) => ({ level: f.severity })));
  const files = filesChecked(result);
  const verdict = verdictOf(counts);
  const outcome =
    verdict === 'fail'
      ? 'Migration safety check failed'
      : verdict === 'warn'
        ? 'Migration safety check passed with warnings'
        : 'Migration safety check passed';
  return `${outcome}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')} in ${plural(files, 'file')} checked`;
}

function recipeMarkdown(recipe: Recipe): string {
  const out = new SummaryBuilder().paragraph(`**${escapeMarkdown(recipe.title)}**`);
  for (const step of recipe.steps) out.paragraph(`${escapeMarkdown(step.title)}:`).codeBlock(step.sql, 'sql');
  return out.toString();
}

function findingRows(findings: readonly Finding[]): string[][] {
  return findings.map((f) => [
    `${codeSpan(f.file)}:${f.line === f.endLine ? f.line : `${f.line}–${f.endLine}`}`,
    `[${f.rule}](${f.docs})`,
    escapeMarkdown(f.message)
  ]);
}

function sections(result: LintResult, sizes: TableSizeResult | undefined): ReportSection[] {
  const out: ReportSection[] = [];
  const headers = ['where', 'rule', 'message'];
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  const notices = result.findings.filter((f) => f.severity === 'notice');
  if (errors.length > 0) out.push({ level: 'error', title: 'Errors', table: { headers, rows: findingRows(errors) } });
  if (warnings.length > 0)
    out.push({ level: 'warning', title: 'Warnings', table: { headers, rows: findingRows(warnings) } });
  if (notices.length > 0)
    out.push({ level: 'notice', title: 'Notices', table: { headers, rows: findingRows(notices) } });
  const tables = tableSizesSection(sizes);
  if (tables) out.push(tables);
  const recipes = result.findings.filter((f) => f.recipe);
  if (recipes.length > 0)
    out.push({
      level: 'info',
      title: 'The safe way, deploy by deploy',
      items: recipes.map(
        (f) =>
          `${codeSpan(f.file)}:${f.line} ${f.rule}\n\n${recipeMarkdown(f.recipe!).trimEnd().replace(/\n/g, '\n  ')}`
      )
    });
  const rules = new Map(result.findings.map((f) => [f.rule, f]));
  if (rules.size > 0)
    out.push({
      level: 'info',
      title: 'Why these are hazards',
      items: [...rules].map(([rule, f]) => `**[${rule}](${f.docs})**: ${f.help}`)
    });
  const exemptions = exemptionsSection(result.exempted);
  if (exemptions) out.push(exemptions);
  return out;
}

const COSTS: readonly TableCost[] = ['rewrite', 'index-build', 'scan'];

/** "rewrite about 50 s, scan under a second": the estimate for each kind of work the findings do to the table. */
function estimatesText(estimates: Partial<Record<TableCost, number>>): string {
  return COSTS.filter((cost) => estimates[cost] !== undefined)
    .map((cost) => `${cost} ${formatSeconds(estimates[cost]!)}`)
    .join(', ');
}

/** The summary's "Table sizes": each table a finding rewrites or scans, as the stats database sees it. */
function tableSizesSection(sizes: TableSizeResult | undefined): ReportSection | undefined {
  if (!sizes || (sizes.tables.length === 0 && sizes.unknown.length === 0)) return undefined;
  const throughput = COSTS.map((cost) => `${cost} ${THROUGHPUT_MB_S[cost]} MB/s`).join(', ');
  return {
    level: 'info',
    title: 'Table sizes',
    intro: `From the stats database's catalogue; a big table (${sizes.thresholds.bigRows.toLocaleString('en-US')} rows or ${formatSize(sizes.thresholds.bigBytes)}) makes its findings errors, a tiny one lowers them a level. Estimates assume ${throughput}.`,
    table: {
      headers: ['table', 'rows', 'size', 'class', 'estimate'],
      rows: [
        ...sizes.tables.map((t) => [
          codeSpan(t.key),
          t.rows === undefined ? 'never analysed' : formatRows(t.rows).replace(/ rows?$/, ''),
          formatSize(t.totalBytes),
          t.class,
          estimatesText(t.estimates)
        ]),
        ...sizes.unknown.map((key) => [codeSpan(key), '-', '-', 'not in the stats database', '-'])
      ]
    }
  };
}

function sizesText(sizes: TableSizeResult | undefined): string[] {
  if (!sizes || (sizes.tables.length === 0 && sizes.unknown.length === 0)) return [];
  return [
    'Table sizes (stats database):',
    ...sizes.tables.map(
      (t) =>
        `  ${t.key}: ${t.rows === undefined ? 'never analysed' : formatRows(t.rows)}, ${formatSize(t.totalBytes)}, ${t.class}; ${estimatesText(t.estimates)}`
    ),
    ...sizes.unknown.map((key) => `  ${key}: not in the stats database`)
  ];
}

function recipeText(finding: Finding): string {
  if (!finding.recipe) return '';
  const indent = (text: string) => text.replace(/^/gm, '        ');
  const steps = finding.recipe.steps.map((step) => `\n      ${step.title}:\n${indent(step.sql)}`);
  return `\n    safe way: ${finding.recipe.title}${steps.join('')}`;
}

/**
 * `file:line:column: severity rule: message`, one per finding, with the safe multi-deploy way indented below
 * it when there is one, then the verdict, then what was not flagged on purpose (a line per rule and reason).
 */
export function renderText(result: LintResult, sizes?: TableSizeResult): string {
  const lines = result.findings.map(
    (f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}\n    see ${f.docs}${recipeText(f)}`
  );
  const exempt = exemptionsText(result.exempted);
  const tables = sizesText(sizes);
  return (
    [
      ...lines,
      ...(lines.length ? [''] : []),
      headline(result),
      ...(tables.length ? ['', ...tables] : []),
      ...(exempt.length ? ['', ...exempt] : [])
    ].join('\n') + '\n'
  );
}

/** The JSON report's `tableSizes`: thresholds, throughput assumed, and each table looked up. */
function tableSizesJson(sizes: TableSizeResult) {
  return {
    thresholds: { bigRows: sizes.thresholds.bigRows, bigBytes: sizes.thresholds.bigBytes },
    throughputMBPerSecond: THROUGHPUT_MB_S,
    tables: sizes.tables.map((t) => ({
      table: t.key,
      rows: t.rows ?? null,
      totalBytes: t.totalBytes,
      heapBytes: t.heapBytes,
      class: t.class,
      estimateSeconds: t.estimates
    })),
    unknown: sizes.unknown
  };
}

export function migrationReport(check: MigrationCheck): ActionReport {
  const { result, settings, tableSizes } = check;
  const unmatched = check.warnings.map((message): ReportFinding => ({ level: 'warning', id: 'paths', message }));
  const findings = [...unmatched, ...result.findings.map(toReportFinding)];
  const counts = { ...countFindings(findings), files: filesChecked(result) };
  const version =
    settings.pgMinor === undefined ? `${settings.pgVersion}` : `${settings.pgVersion}.${settings.pgMinor}`;
  const exempt = exemptionLine(result.exempted);
  // The sections are only read by the markdown (and the summary): `--format json` never builds them.
  let built: ReportSection[] | undefined;
  return {
    tool: 'migration-safety',
    title: 'Migration safety',
    verdict: verdictOf(counts),
    headline: headline(result),
    counts,
    findings,
    context: [
      `${check.scope}. PostgreSQL ${version}, framework ${codeSpan(settings.framework)}${check.configFile ? `, config ${codeSpan(check.configFile)}` : ''}.`,
      ...(exempt ? [`${escapeMarkdown(exempt)}.`] : [])
    ],
    get sections() {
      return (built ??= [
        ...sections(result, tableSizes),
        ...(check.trace
          ? [
              {
                level: 'info' as const,
                title: TRACE_TITLE,
                intro: traceIntro(check.trace),
                table: traceTable(check.trace)
              }
            ]
          : [])
      ]);
    },
    json: {
      findings: result.findings.map((f) => ({
        id: f.rule,
        level: f.severity,
        message: f.message,
        location: location(f),
        equivalents: f.equivalents,
        ...(tableSizes && f.table ? { table: f.table } : {}),
        ...(f.size ? { originalLevel: f.size.originalLevel, sizeChange: f.size.change } : {})
      })),
      ...(tableSizes ? { tableSizes: tableSizesJson(tableSizes) } : {}),
      exemptions: result.exempted.map((e) => ({
        id: e.rule,
        reason: e.reason,
        location: location(e),
        equivalents: e.equivalents
      })),
      files: result.files,
      ...(check.trace ? { trace: check.trace } : {})
    },
    outputs: { errors: counts.error, warnings: counts.warning, 'files-checked': counts.files },
    notices: check.notices,
    text: () => renderText(result, tableSizes) + (check.trace ? `\n${traceIntro(check.trace, true)}\n` : ''),
    sarif: () => migrationSarif(result, ALL_RULES, settings.rules, check.trace ? TRACE_RULES : [])
  };
}
