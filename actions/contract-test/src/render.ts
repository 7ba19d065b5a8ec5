// A contract check as the action family's ActionReport (verdict, findings, summary sections, JSON envelope
// fields, SARIF), plus the text forms of the CLI. Shared by main.ts and cli.ts; no I/O.
import { codeSpan, escapeMarkdown } from '../../../shared/src/lib/markdown.js';
import {
  plural,
  verdictOf,
  type ActionReport,
  type Finding,
  type Level,
  type ReportSection
} from '../../../shared/src/lib/report.js';
import type { LintFinding } from './lint/lint.js';
import { contractSarif } from './sarif.js';
import type { Change, ChangeLevel } from './spec/types.js';

export interface ContractReport {
  spec: string;
  /** What the spec was compared with (a path or `<ref>:<path>`); undefined when no diff ran. */
  base?: string;
  /** Whether Spectral ran (`lint: false` turns it off). */
  linted: boolean;
  lint: LintFinding[];
  changes: Change[];
  /** Why no diff ran, when none did (no base given, or the spec is new at the base ref). */
  diffSkipped?: string;
}

const CHANGE_LEVEL: Record<ChangeLevel, Level> = { error: 'error', warning: 'warning', info: 'notice' };
const LINT_LEVEL: Record<LintFinding['severity'], Level | undefined> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: undefined
};

export function contractCounts(report: ContractReport) {
  const changes = (l: ChangeLevel) => report.changes.filter((c) => c.level === l).length;
  const lint = (s: LintFinding['severity']) => report.lint.filter((f) => f.severity === s).length;
  const breaking = changes('error');
  const lintErrors = lint('error');
  const lintWarnings = lint('warning');
  return {
    error: breaking + lintErrors,
    warning: changes('warning') + lintWarnings,
    notice: changes('info') + lint('info'),
    breaking,
    compatible: changes('info'),
    lintErrors,
    lintWarnings
  };
}

export function headline(report: ContractReport): string {
  const c = contractCounts(report);
  const parts = [
    report.base === undefined
      ? undefined
      : `${plural(c.breaking, 'breaking change')}, ${plural(c.warning - c.lintWarnings, 'warning')}, ${c.compatible} compatible`,
    report.linted ? `${plural(c.lintErrors, 'lint error')}, ${plural(c.lintWarnings, 'lint warning')}` : undefined
  ].filter(Boolean);
  const verdict = verdictOf(c);
  const outcome =
    verdict === 'fail'
      ? 'Contract check failed'
      : verdict === 'warn'
        ? 'Contract check passed with warnings'
        : 'Contract check passed';
  return `${outcome}: ${parts.length > 0 ? parts.join('; ') : 'nothing was checked (no base to diff, lint off)'}`;
}

function endpoint(change: Change): string {
  if (!change.path) return 'API-wide';
  return change.method ? `${change.method.toUpperCase()} ${change.path}` : change.path;
}

function where(location: { file: string; line?: number } | undefined): string {
  return location ? `${codeSpan(location.file)}${location.line ? `:${location.line}` : ''}` : '';
}

const CHANGE_TITLE: Record<ChangeLevel, string> = {
  error: 'Breaking changes',
  warning: 'Changes that may break clients',
  info: 'Compatible changes'
};

function sections(report: ContractReport): ReportSection[] {
  const out: ReportSection[] = [];
  for (const level of ['error', 'warning', 'info'] as const) {
    const changes = report.changes.filter((c) => c.level === level);
    if (changes.length === 0) continue;
    out.push({
      level: CHANGE_LEVEL[level],
      title: CHANGE_TITLE[level],
      table: {
        headers: ['endpoint', 'change', 'check', 'where'],
        rows: changes.map((c) => [codeSpan(endpoint(c)), escapeMarkdown(c.message), codeSpan(c.id), where(c.location)])
      }
    });
  }
  const lintTitle: Record<Level, string> = { error: 'Lint errors', warning: 'Lint warnings', notice: 'Lint notes' };
  for (const level of ['error', 'warning', 'notice'] as const) {
    const findings = report.lint.filter((f) => LINT_LEVEL[f.severity] === level);
    if (findings.length === 0) continue;
    out.push({
      level,
      title: lintTitle[level],
      table: {
        headers: ['rule', 'where', 'message'],
        rows: findings.map((f) => [codeSpan(f.code), where(f.location), escapeMarkdown(f.message)])
      }
    });
  }
  return out;
}

function findings(report: ContractReport): Finding[] {
  const out: Finding[] = [];
  for (const c of report.changes) {
    // Compatible changes are the changelog, not something to look at in the diff view.
    if (c.level === 'info') continue;
    out.push({ level: CHANGE_LEVEL[c.level], id: c.id, title: c.id, message: c.message, location: c.location });
  }
  for (const f of report.lint) {
    const level = LINT_LEVEL[f.severity];
    if (level) out.push({ level, id: f.code, title: `spectral ${f.code}`, message: f.message, location: f.location });
  }
  return out;
}

export function changeJson(c: Change) {
  return {
    id: c.id,
    level: CHANGE_LEVEL[c.level],
    path: c.path,
    method: c.method,
    message: c.message,
    location: c.location,
    // Where a removed item was in the base spec (location points at its surviving parent in the head).
    ...(c.baseLocation ? { baseLocation: c.baseLocation } : {})
  };
}

export function lintJson(f: LintFinding) {
  return {
    id: f.code,
    level: LINT_LEVEL[f.severity] ?? 'notice',
    message: f.message,
    path: f.path,
    location: f.location
  };
}

export function renderChangesText(changes: Change[]): string {
  const lines = changes.map(
    (c) =>
      `${c.level.padEnd(7)} ${endpoint(c)}: ${c.message} [${c.id}]${c.location ? ` (${c.location.file}${c.location.line ? `:${c.location.line}` : ''})` : ''}`
  );
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function renderLintText(findings: LintFinding[]): string {
  const lines = findings.map(
    (f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.severity.padEnd(7)} ${f.code}  ${f.message}`
  );
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function contractReport(report: ContractReport): ActionReport {
  const counts = contractCounts(report);
  const context = [
    report.base !== undefined
      ? `Spec ${codeSpan(report.spec)} compared with ${codeSpan(report.base)}.`
      : `Spec ${codeSpan(report.spec)}${report.diffSkipped ? `: no breaking-change diff (${escapeMarkdown(report.diffSkipped)})` : ''}.`,
    report.linted ? '' : 'Lint: off (`lint: false`).',
    report.base !== undefined && report.changes.length === 0 ? 'No API changes.' : '',
    report.linted && report.lint.length === 0 ? 'Lint: no findings.' : ''
  ].filter(Boolean);
  return {
    tool: 'contract-test',
    title: 'Contract test',
    subject: report.spec,
    verdict: verdictOf(counts),
    headline: headline(report),
    counts,
    findings: findings(report),
    context,
    sections: sections(report),
    json: {
      spec: report.spec,
      base: report.base,
      ...(report.diffSkipped ? { diffSkipped: report.diffSkipped } : {}),
      linted: report.linted,
      changes: report.changes.map(changeJson),
      lint: report.lint.map(lintJson)
    },
    outputs: {
      'breaking-changes': counts.breaking,
      warnings: counts.warning - counts.lintWarnings,
      'lint-errors': counts.lintErrors
    },
    notices: report.diffSkipped ? [`Breaking-change diff skipped: ${report.diffSkipped}`] : [],
    text: () =>
      `${renderChangesText(report.changes)}${report.linted ? renderLintText(report.lint) : ''}${headline(report)}\n`,
    sarif: () => contractSarif(report)
  };
}
