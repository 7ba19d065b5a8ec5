// Renders lint findings and breaking changes for people (job summary, PR comment, terminal) and machines
// (the JSON the issue fixes). Shared by main.ts and cli.ts.
import { SummaryBuilder, type Verdict } from '../../../shared/src/lib/markdown.js';
import type { LintFinding } from './lint/lint.js';
import type { Change, ChangeLevel } from './spec/types.js';

export type FailOn = 'error' | 'warning' | 'never';

export interface ContractReport {
  spec: string;
  /** What the spec was compared with (a path or `<ref>:<path>`); undefined when no diff ran. */
  base?: string;
  lint: LintFinding[];
  changes: Change[];
}

export interface Counts {
  breaking: number;
  warnings: number;
  infos: number;
  lintErrors: number;
  lintWarnings: number;
}

export function countReport(report: ContractReport): Counts {
  const level = (l: ChangeLevel) => report.changes.filter((c) => c.level === l).length;
  return {
    breaking: level('error'),
    warnings: level('warning'),
    infos: level('info'),
    lintErrors: report.lint.filter((f) => f.severity === 'error').length,
    lintWarnings: report.lint.filter((f) => f.severity === 'warning').length
  };
}

/** Whether the step fails: `error` fails on breaking changes and lint errors, `warning` on warnings too. */
export function shouldFail(counts: Counts, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const errors = counts.breaking + counts.lintErrors;
  return failOn === 'error' ? errors > 0 : errors + counts.warnings + counts.lintWarnings > 0;
}

export function verdictLine(report: ContractReport, failOn: FailOn): string {
  const c = countReport(report);
  const parts = [
    report.base === undefined
      ? undefined
      : `${c.breaking} breaking change(s), ${c.warnings} warning(s), ${c.infos} compatible`,
    `${c.lintErrors} lint error(s), ${c.lintWarnings} lint warning(s)`
  ].filter(Boolean);
  return `${shouldFail(c, failOn) ? 'Contract check failed' : 'Contract check passed'}: ${parts.join('; ')}`;
}

const LEVEL_TITLE: Record<ChangeLevel, string> = {
  error: 'Breaking changes',
  warning: 'Changes that may break clients',
  info: 'Compatible changes'
};

function endpoint(change: Change): string {
  if (!change.path) return 'API-wide';
  return change.method ? `${change.method.toUpperCase()} ${change.path}` : change.path;
}

function where(file?: string, line?: number): string {
  return file ? ` (${file}${line ? `:${line}` : ''})` : '';
}

/** Changes grouped by level, then by endpoint, in the order the diff sorted them. */
export function changelogMarkdown(changes: Change[]): string {
  const out = new SummaryBuilder();
  for (const level of ['error', 'warning', 'info'] as const) {
    const ofLevel = changes.filter((c) => c.level === level);
    if (ofLevel.length === 0) continue;
    const byEndpoint = new Map<string, Change[]>();
    for (const change of ofLevel)
      byEndpoint.set(endpoint(change), [...(byEndpoint.get(endpoint(change)) ?? []), change]);
    const body = new SummaryBuilder();
    for (const [name, list] of byEndpoint) {
      body.paragraph(`**${name}**`);
      body.list(list.map((c) => `${c.message} \`${c.id}\`${where(c.location?.file, c.location?.line)}`));
    }
    if (level === 'info') out.details(`${LEVEL_TITLE[level]} (${ofLevel.length})`, body);
    else out.heading(`${LEVEL_TITLE[level]} (${ofLevel.length})`, 3).raw(body.toString());
  }
  return out.toString();
}

export function renderMarkdown(report: ContractReport, failOn: FailOn): string {
  const counts = countReport(report);
  const outcome: Verdict = shouldFail(counts, failOn)
    ? 'failure'
    : counts.warnings + counts.lintWarnings > 0
      ? 'warning'
      : 'success';
  const summary = new SummaryBuilder().heading('Contract test').verdict(outcome, verdictLine(report, failOn));
  summary.paragraph(`Spec: \`${report.spec}\`${report.base ? ` compared with \`${report.base}\`` : ''}`);
  if (report.base !== undefined) {
    summary.raw(report.changes.length > 0 ? changelogMarkdown(report.changes) : 'No API changes.');
  }
  if (report.lint.length > 0) {
    const rows = report.lint.map((f) => [f.severity, f.code, `${f.location.file}:${f.location.line}`, f.message]);
    summary.details(
      `Lint findings (${report.lint.length})`,
      new SummaryBuilder().table(['severity', 'rule', 'where', 'message'], rows)
    );
  } else {
    summary.paragraph('Lint: no findings.');
  }
  return summary.toString();
}

/** The diff JSON the CLI and `result-json` share: `{ changes: [{ id, level, path, method, message, location }] }`. */
export function changesJson(changes: Change[]) {
  return {
    changes: changes.map((c) => ({
      id: c.id,
      level: c.level,
      path: c.path,
      method: c.method,
      message: c.message,
      location: c.location ? { file: c.location.file, line: c.location.line } : undefined
    }))
  };
}

export function renderChangesText(changes: Change[]): string {
  const lines = changes.map(
    (c) => `${c.level.padEnd(7)} ${endpoint(c)}: ${c.message} [${c.id}]${where(c.location?.file, c.location?.line)}`
  );
  const counts = ['error', 'warning', 'info'].map((l) => `${changes.filter((c) => c.level === l).length} ${l}`);
  return [...lines, `${changes.length} change(s): ${counts.join(', ')}`].join('\n') + '\n';
}

export function renderLintText(findings: LintFinding[]): string {
  const lines = findings.map(
    (f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.severity.padEnd(7)} ${f.code}  ${f.message}`
  );
  return [...lines, `${findings.length} finding(s)`].join('\n') + '\n';
}
