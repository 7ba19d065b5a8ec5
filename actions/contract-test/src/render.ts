// A contract-test step as the action family's ActionReport: one report for every spec and mode (lint, diff,
// live), errors first, with the JSON envelope fields, SARIF, JUnit and the CLI's text. Shared by main.ts and
// cli.ts; no I/O.
import { buildJUnit, type JUnitCase, type JUnitSuite } from '../../../shared/src/lib/junit.js';
import { codeSpan, escapeMarkdown } from '../../../shared/src/lib/markdown.js';
import {
  plural,
  verdictOf,
  type ActionReport,
  type Finding,
  type Level,
  type ReportSection,
  type Verdict
} from '../../../shared/src/lib/report.js';
import type { AcceptEntry, ReportedChange } from './accept.js';
import type { LintFinding } from './lint/lint.js';
import { liveJUnitSuites, renderLiveText, type LiveResult } from './live/index.js';
import {
  LIVE_DETAILS_LIMIT,
  liveContext,
  liveFailureJson,
  liveFailureViews,
  liveFinding,
  liveSections,
  liveSummaryJson,
  type LiveFailureView
} from './render-live.js';
import { groupChanges, groupedCounts, operationName, type ChangeGroup } from './diff/index.js';
import { contractSarif } from './sarif.js';
import type { ChangeLevel } from './spec/types.js';
import type { SpecProblem, SpecValidation } from './spec/validate.js';
import type { Mode, StepReport } from './step.js';

/** One spec's check: what lint, diff and live found. */
export interface ContractReport {
  spec: string;
  /** What the spec was compared with (a path or `<ref>:<path>`); undefined when no diff ran. */
  base?: string;
  /** Whether Spectral ran. */
  linted: boolean;
  lint: LintFinding[];
  changes: ReportedChange[];
  /** Why no diff ran, when one was asked for (no base given, or the spec is new at the base ref). */
  diffSkipped?: string;
  /**
   * lint-scope: changed: how many operations were linted of how many (the document-level objects always are), or
   * why the whole spec was linted instead.
   */
  lintScope?: { operations: number; totalOperations: number } | { fullBecause: string };
  /** The ruleset used, when not spectral:oas; `found`: at the workspace root rather than named. */
  ruleset?: { file: string; found: boolean };
  /** The live run (with `base` when the base spec was run too). */
  live?: LiveResult;
  /** The replay file's text (engine ubos). */
  replay?: string;
  /** Why part of the live run did not happen as asked (one line each). */
  liveNotes?: string[];
  /** The compared documents that are not valid OpenAPI (spec/validate.ts); they were diffed all the same. */
  invalid?: InvalidDocument[];
}

/** A compared document that the official OpenAPI JSON Schema of its version rejects. */
export interface InvalidDocument {
  side: 'base' | 'head';
  /** How the report names it (the spec input, or the base as `<ref>:<path>`). */
  spec: string;
  version: SpecValidation['version'];
  /** The first problems, most specific first. */
  problems: SpecProblem[];
  total: number;
}

/** One line for an invalid document: what it is, the first problems (file:line) and how many there are. */
export function invalidMessage(doc: InvalidDocument): string {
  const shown = doc.problems.map(
    (p) => `${p.location ? `${p.location.file}:${p.location.line} ` : ''}${p.pointer} ${p.message}`
  );
  const more = doc.total > doc.problems.length ? `; and ${doc.total - doc.problems.length} more` : '';
  return (
    `the ${doc.side} spec ${doc.spec} is not a valid OpenAPI ${doc.version} document ` +
    `(${plural(doc.total, 'problem')}), so its changes may be reported oddly: ${shown.join('; ')}${more}`
  );
}

function invalidFinding(doc: InvalidDocument): Finding {
  return {
    level: 'warning',
    id: 'invalid-openapi-document',
    title: `contract-test: the ${doc.side} spec is not valid OpenAPI ${doc.version}`,
    message: invalidMessage(doc),
    location: doc.problems[0]?.location
  };
}

const CHANGE_LEVEL: Record<ChangeLevel, Level> = { error: 'error', warning: 'warning', info: 'notice' };
const LINT_LEVEL: Record<LintFinding['severity'], Level | undefined> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: undefined
};
const ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌' };

function views(report: ContractReport): LiveFailureView[] {
  return report.live ? liveFailureViews(report.live, report.changes) : [];
}

export function contractCounts(report: ContractReport) {
  const active = report.changes.filter((c) => !c.accepted);
  const changes = (l: ChangeLevel) => active.filter((c) => c.level === l).length;
  const lint = (s: LintFinding['severity']) => report.lint.filter((f) => f.severity === s).length;
  const live = views(report).filter((v) => !v.accepted);
  const liveErrors = live.filter((v) => v.failure.level === 'error').length;
  const breaking = changes('error');
  const lintErrors = lint('error');
  const lintWarnings = lint('warning');
  const accepted = report.changes.length - active.length;
  return {
    error: breaking + lintErrors + liveErrors,
    warning: changes('warning') + lintWarnings + (live.length - liveErrors) + (report.invalid?.length ?? 0),
    notice: changes('info') + lint('info') + accepted + (views(report).length - live.length),
    breaking,
    compatible: changes('info'),
    accepted,
    lintErrors,
    lintWarnings,
    liveFailures: live.length,
    liveErrors
  };
}

type SpecCounts = ReturnType<typeof contractCounts>;

function sum(all: readonly SpecCounts[]): SpecCounts {
  const total = { ...contractCounts({ spec: '', linted: false, lint: [], changes: [] }) };
  for (const counts of all) for (const key of Object.keys(total) as (keyof SpecCounts)[]) total[key] += counts[key];
  return total;
}

/** The report as a step of several specs, also when it is one spec's check (the lint and diff verbs). */
export function asStep(report: ContractReport | StepReport): StepReport {
  if ('specs' in report) return report;
  const modes: Mode[] = [];
  if (report.linted) modes.push('lint');
  if (report.base !== undefined || report.diffSkipped !== undefined) modes.push('diff');
  if (report.live) modes.push('live');
  return { modes, subject: report.spec, specs: [report], notices: [] };
}

function parts(step: StepReport, c: SpecCounts, specs: readonly ContractReport[]): string[] {
  const warningsOfChanges = specs.reduce(
    (n, r) => n + r.changes.filter((ch) => !ch.accepted && ch.level === 'warning').length,
    0
  );
  const out: string[] = [];
  if (specs.some((r) => r.base !== undefined))
    out.push(
      `${plural(c.breaking, 'breaking change')}, ${plural(warningsOfChanges, 'warning')}, ${c.compatible} compatible` +
        (c.accepted > 0 ? `, ${c.accepted} accepted` : '')
    );
  if (step.modes.includes('lint') && specs.some((r) => r.linted))
    out.push(`${plural(c.lintErrors, 'lint error')}, ${plural(c.lintWarnings, 'lint warning')}`);
  if (specs.some((r) => r.live)) {
    const warnings = c.liveFailures - c.liveErrors;
    out.push(`${plural(c.liveErrors, 'live failure')}${warnings > 0 ? `, ${plural(warnings, 'live warning')}` : ''}`);
  }
  return out;
}

function stepCounts(step: StepReport) {
  const total = sum(step.specs.map(contractCounts));
  const expired = step.accept?.expired.length ?? 0;
  return { ...total, warning: total.warning + expired, expiredAccepts: expired, specs: step.specs.length };
}

export function headline(input: ContractReport | StepReport): string {
  const step = asStep(input);
  const counts = stepCounts(step);
  const verdict = verdictOf(counts);
  const outcome =
    verdict === 'fail'
      ? 'Contract check failed'
      : verdict === 'warn'
        ? 'Contract check passed with warnings'
        : 'Contract check passed';
  const several =
    step.specs.length > 1
      ? ` (${step.specs.length} specs${verdict === 'fail' ? `, ${step.specs.filter((r) => verdictOf(contractCounts(r)) === 'fail').length} failed` : ''})`
      : '';
  const found = parts(step, counts, step.specs);
  return `${outcome}${several}: ${found.length > 0 ? found.join('; ') : 'nothing was checked (no base to diff, lint off)'}`;
}

const endpoint = operationName;

type Group = ChangeGroup<ReportedChange>;
const GROUPS = new WeakMap<readonly ReportedChange[], Group[]>();

function acceptanceKey(c: ReportedChange): string {
  const a = c.accepted;
  return a ? JSON.stringify([a.by, a.reason, a.label ?? null, a.location ?? null]) : '';
}

/** The report's changes as entries: one schema change reached from several operations is one group (diff/group.ts). */
export function changeGroups(changes: readonly ReportedChange[], spec = ''): Group[] {
  let groups = GROUPS.get(changes);
  if (!groups) {
    groups = groupChanges(changes, spec, acceptanceKey);
    GROUPS.set(changes, groups);
  }
  return groups;
}

/** The endpoint cell of an entry: its operation, or how many it stands for. */
function groupEndpoint(g: Group): string {
  return g.operations.length > 1 ? `${g.operations.length} operations` : endpoint(g.members[0]);
}

/**
 * The one-line summary every report starts with: changes per level, one per operation as the headline counts
 * them, then how many entries the list shows for them ("(5 entries, 2 grouped)": a grouped entry stands for several
 * operations), and the operations they are in. Undefined without a diff.
 */
export function changeSummaryLine(specs: readonly ContractReport[]): string | undefined {
  const diffed = specs.filter((r) => r.base !== undefined);
  if (diffed.length === 0) return undefined;
  const groups = diffed.flatMap((r) => changeGroups(r.changes, r.spec).filter((g) => !g.members[0].accepted));
  const counts = groupedCounts(groups);
  const accepted = diffed.reduce((n, r) => n + r.changes.filter((c) => c.accepted).length, 0);
  // Led by the per-operation count, as the headline is; the entries say how the list below folds them.
  const part = (level: ChangeLevel, word: string) => {
    const grouped = counts.grouped[level];
    const note = grouped > 0 ? ` (${plural(counts.entries[level], 'entry', 'entries')}, ${grouped} grouped)` : '';
    return `${plural(counts.changes[level], word)}${note}`;
  };
  const operations = counts.operations > 0 ? ` in ${plural(counts.operations, 'operation')}` : '';
  return (
    `${part('error', 'breaking change')}, ${part('warning', 'warning')}, ${part('info', 'compatible change')}` +
    `${operations}${accepted > 0 ? `; ${accepted} accepted` : ''}`
  );
}

function where(location: { file: string; line?: number } | undefined): string {
  return location ? `${codeSpan(location.file)}${location.line ? `:${location.line}` : ''}` : '';
}

const CHANGE_TITLE: Record<ChangeLevel, string> = {
  error: 'Breaking changes',
  warning: 'Changes that may break clients',
  info: 'Compatible changes'
};

function acceptedCell(change: ReportedChange): string {
  const a = change.accepted!;
  if (a.by === 'label') return `label ${codeSpan(a.label ?? '')}`;
  const until = a.expires ? `, until ${a.expires}` : '';
  return `${escapeMarkdown(a.reason)} (${a.location ? where(a.location) : 'ignore file'}${until})`;
}

function specSections(report: ContractReport, prefix: string, state: { detailsLeft: number }): ReportSection[] {
  const out: ReportSection[] = [];
  if (report.invalid?.length)
    out.push({
      level: 'warning',
      title: `${prefix}Documents that are not valid OpenAPI`,
      intro: 'They were compared all the same; a change below may come from the problem rather than from an edit.',
      open: true,
      table: {
        headers: ['spec', 'where', 'problem'],
        rows: report.invalid.flatMap((doc) => [
          ...doc.problems.map((p) => [
            `${doc.side} ${codeSpan(doc.spec)} (OpenAPI ${doc.version})`,
            where(p.location),
            `${codeSpan(p.pointer)} ${escapeMarkdown(p.message)}`
          ]),
          ...(doc.total > doc.problems.length
            ? [[`${doc.side} ${codeSpan(doc.spec)}`, '', `and ${doc.total - doc.problems.length} more`]]
            : [])
        ])
      }
    });
  for (const level of ['error', 'warning', 'info'] as const) {
    const groups = changeGroups(report.changes, report.spec).filter(
      (g) => g.members[0].level === level && !g.members[0].accepted
    );
    if (groups.length === 0) continue;
    out.push({
      level: CHANGE_LEVEL[level],
      title: `${prefix}${CHANGE_TITLE[level]}`,
      table: {
        headers: ['endpoint', 'change', 'check', 'where'],
        rows: groups.map((g) => [
          codeSpan(groupEndpoint(g)),
          escapeMarkdown(g.message),
          codeSpan(g.members[0].id),
          where(g.members[0].location)
        ])
      }
    });
  }
  const accepted = changeGroups(report.changes, report.spec).filter((g) => g.members[0].accepted);
  if (accepted.length > 0)
    out.push({
      level: 'notice',
      title: `${prefix}Accepted changes`,
      intro: 'Intended breaks: listed, and not counted against the verdict.',
      open: true,
      table: {
        headers: ['endpoint', 'change', 'check', 'where', 'accepted'],
        rows: accepted.map((g) => [
          codeSpan(groupEndpoint(g)),
          escapeMarkdown(g.message),
          codeSpan(g.members[0].id),
          where(g.members[0].location),
          acceptedCell(g.members[0])
        ])
      }
    });
  const lintTitle: Record<Level, string> = { error: 'Lint errors', warning: 'Lint warnings', notice: 'Lint notes' };
  for (const level of ['error', 'warning', 'notice'] as const) {
    const findings = report.lint.filter((f) => LINT_LEVEL[f.severity] === level);
    if (findings.length === 0) continue;
    out.push({
      level,
      title: `${prefix}${lintTitle[level]}`,
      table: {
        headers: ['rule', 'where', 'message'],
        rows: findings.map((f) => [codeSpan(f.code), where(f.location), escapeMarkdown(f.message)])
      }
    });
  }
  if (report.live) out.push(...liveSections(report.live, views(report), prefix, state));
  return out;
}

function acceptSections(step: StepReport): ReportSection[] {
  const accept = step.accept;
  if (!accept) return [];
  const row = (e: AcceptEntry) => [
    codeSpan(`${e.id}${e.path ? ` ${endpoint(e)}` : ''}`),
    e.expires ?? '',
    escapeMarkdown(e.reason),
    where(e.location)
  ];
  const out: ReportSection[] = [];
  if (accept.expired.length > 0)
    out.push({
      level: 'warning',
      title: 'Expired accept entries',
      intro: 'These entries of the ignore file are past their expiry date and no longer accept anything.',
      table: { headers: ['entry', 'expired on', 'reason', 'where'], rows: accept.expired.map(row) }
    });
  if (accept.unused.length > 0)
    out.push({
      level: 'info',
      title: 'Accept entries that matched no change',
      table: { headers: ['entry', 'expires', 'reason', 'where'], rows: accept.unused.map(row) }
    });
  return out;
}

function specFindings(report: ContractReport): Finding[] {
  const out: Finding[] = [];
  // One annotation per entry: a schema change reached from several operations is annotated once, at the schema.
  for (const g of changeGroups(report.changes, report.spec)) {
    const c = g.members[0];
    if (c.accepted) {
      out.push({
        level: 'notice',
        id: c.id,
        title: `${c.id} (accepted)`,
        message: `${g.message} (accepted: ${c.accepted.reason})`,
        location: c.location
      });
      continue;
    }
    // Compatible changes are the changelog, not something to look at in the diff view.
    if (c.level === 'info') continue;
    out.push({ level: CHANGE_LEVEL[c.level], id: c.id, title: c.id, message: g.message, location: c.location });
  }
  for (const doc of report.invalid ?? []) out.push(invalidFinding(doc));
  for (const f of report.lint) {
    const level = LINT_LEVEL[f.severity];
    if (level) out.push({ level, id: f.code, title: `spectral ${f.code}`, message: f.message, location: f.location });
  }
  for (const view of views(report)) out.push(liveFinding(view));
  return out;
}

function expiredFinding(e: AcceptEntry): Finding {
  return {
    level: 'warning',
    id: 'accept-entry-expired',
    title: 'contract-test accept entry expired',
    message: `the accept entry for ${e.id}${e.path ? ` at ${endpoint(e)}` : ''} expired on ${e.expires}: it no longer accepts that change`,
    location: e.location
  };
}

export function changeJson(c: ReportedChange, spec?: string, group?: string) {
  return {
    id: c.id,
    level: CHANGE_LEVEL[c.level],
    path: c.path,
    method: c.method,
    message: c.message,
    location: c.location,
    // Where a removed item was in the base spec (location points at its surviving parent in the head).
    ...(c.baseLocation ? { baseLocation: c.baseLocation } : {}),
    ...(spec !== undefined ? { spec } : {}),
    ...(group !== undefined ? { group } : {}),
    ...(c.accepted ? { accepted: c.accepted } : {})
  };
}

/** The JSON items of a spec's changes: one per operation, each with its entry's `group` id. */
function changesJson(report: ContractReport) {
  const groupOf = new Map<ReportedChange, string>();
  for (const g of changeGroups(report.changes, report.spec)) for (const m of g.members) groupOf.set(m, g.id);
  return report.changes.map((c) => changeJson(c, report.spec, groupOf.get(c)));
}

export function lintJson(f: LintFinding, spec?: string) {
  return {
    id: f.code,
    level: LINT_LEVEL[f.severity] ?? 'notice',
    message: f.message,
    path: f.path,
    location: f.location,
    ...(spec !== undefined ? { spec } : {})
  };
}

/** One line per entry (a schema change reached from several operations is one line naming them). */
export function renderChangesText(changes: readonly ReportedChange[], spec = ''): string {
  const lines = changeGroups(changes, spec).map((g) => {
    const c = g.members[0];
    return `${(c.accepted ? 'accepted' : c.level).padEnd(7)} ${groupEndpoint(g)}: ${g.message} [${c.id}]${c.location ? ` (${c.location.file}${c.location.line ? `:${c.location.line}` : ''})` : ''}${c.accepted ? ` (${c.accepted.reason})` : ''}`;
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function renderLintText(findings: readonly LintFinding[]): string {
  const lines = findings.map(
    (f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.severity.padEnd(7)} ${f.code}  ${f.message}`
  );
  return lines.join('\n') + (lines.length ? '\n' : '');
}

function specContext(report: ContractReport, step: StepReport): string[] {
  const lines: string[] = [];
  if (step.modes.includes('diff'))
    lines.push(
      report.base !== undefined
        ? `Spec ${codeSpan(report.spec)} compared with ${codeSpan(report.base)}.`
        : `Spec ${codeSpan(report.spec)}${report.diffSkipped ? `: no breaking-change diff (${escapeMarkdown(report.diffSkipped)})` : ''}.`
    );
  else lines.push(`Spec ${codeSpan(report.spec)}.`);
  if (report.ruleset?.found) lines.push(`Ruleset: ${codeSpan(report.ruleset.file)} (found at the workspace root).`);
  if (report.base !== undefined && report.changes.length === 0) lines.push('No API changes.');
  if (report.linted && report.lint.length === 0) lines.push('Lint: no findings.');
  const scope = lintScopeLine(report);
  if (scope) lines.push(scope);
  if (report.live) lines.push(...liveContext(report.live));
  return lines;
}

/** What lint-scope: changed linted, said wherever lint findings are listed: unchanged parts were not linted. */
export function lintScopeLine(report: ContractReport): string | undefined {
  const scope = report.lintScope;
  if (!report.linted || !scope) return undefined;
  if ('fullBecause' in scope) return `Lint: the whole spec (lint-scope changed, but ${scope.fullBecause}).`;
  const { operations, totalOperations } = scope;
  const which = `${operations} of ${totalOperations} operation${totalOperations === 1 ? '' : 's'}`;
  return `Lint: what changed only (lint-scope changed): ${which}, the components they reference and the document-level objects; unchanged operations were not linted.`;
}

function specLine(report: ContractReport, step: StepReport): string {
  const counts = contractCounts(report);
  const found = parts(step, counts, [report]);
  const base = report.base !== undefined ? ` (compared with ${codeSpan(report.base)})` : '';
  return `${ICON[verdictOf(counts)]} ${codeSpan(report.spec)}${base}: ${found.join('; ') || 'nothing checked'}`;
}

function stepContext(step: StepReport): string[] {
  const summary = changeSummaryLine(step.specs);
  const lines = [
    ...(summary ? [escapeMarkdown(summary)] : []),
    ...(step.specs.length === 1 ? specContext(step.specs[0], step) : step.specs.map((r) => specLine(r, step)))
  ];
  if (!step.modes.includes('lint') && step.modes.includes('diff'))
    lines.push(`Lint: off (mode ${codeSpan(step.modes.join(', '))}).`);
  const label = step.accept?.label;
  if (label?.present) lines.push(`Breaking changes are accepted by the pull request label ${codeSpan(label.name)}.`);
  return lines;
}

function junit(step: StepReport): string {
  const suites: JUnitSuite[] = [];
  for (const report of step.specs) {
    if (report.linted) {
      const cases: JUnitCase[] = report.lint
        .filter((f) => f.severity === 'error')
        .map((f) => ({
          name: f.code,
          className: `lint ${report.spec}`,
          timeMs: 0,
          status: 'failed',
          message: f.message,
          file: f.location.file,
          line: f.location.line
        }));
      if (cases.length === 0)
        cases.push({ name: 'no lint errors', className: `lint ${report.spec}`, timeMs: 0, status: 'passed' });
      suites.push({ name: `contract-test lint: ${report.spec}`, cases });
    }
    if (report.base !== undefined) {
      const cases: JUnitCase[] = report.changes
        .filter((c) => c.level !== 'info')
        .map((c) => ({
          name: c.id,
          className: endpoint(c),
          timeMs: 0,
          status: c.accepted ? 'skipped' : c.level === 'error' ? 'failed' : 'passed',
          message: c.accepted ? `accepted: ${c.accepted.reason}` : c.message,
          file: c.location?.file,
          line: c.location?.line
        }));
      if (cases.length === 0)
        cases.push({ name: 'no breaking changes', className: `diff ${report.spec}`, timeMs: 0, status: 'passed' });
      suites.push({ name: `contract-test diff: ${report.spec}`, cases });
    }
    if (report.live) {
      suites.push(...liveJUnitSuites(report.live, `contract-test live: ${report.spec}: `));
      if (report.live.base)
        suites.push(...liveJUnitSuites(report.live.base, `contract-test live (base spec): ${report.spec}: `));
    }
  }
  return buildJUnit({ name: `contract-test ${step.subject}`, suites });
}

function text(step: StepReport): string {
  const summary = changeSummaryLine(step.specs);
  const out: string[] = summary ? [`${summary}\n`] : [];
  for (const report of step.specs) {
    if (step.specs.length > 1) out.push(`== ${report.spec}\n`);
    for (const doc of report.invalid ?? []) out.push(`warning ${invalidMessage(doc)} [invalid-openapi-document]\n`);
    out.push(renderChangesText(report.changes, report.spec));
    if (report.linted) out.push(renderLintText(report.lint));
    const scope = lintScopeLine(report);
    if (scope) out.push(`${scope}\n`);
    if (report.live) out.push(renderLiveText(report.live));
  }
  for (const e of step.accept?.expired ?? [])
    out.push(`${e.location.file}:${e.location.line}: warning ${expiredFinding(e).message}\n`);
  return `${out.join('')}${headline(step)}\n`;
}

/** The coverage output: totals over every spec's live run, then each spec's own; {} when nothing ran live. */
export function coverageOutput(step: StepReport): string {
  const runs = step.specs.filter((r) => r.live);
  if (runs.length === 0) return '{}';
  const add = (key: 'operations' | 'statuses' | 'parameters') =>
    runs.reduce(
      (t, r) => ({
        covered: t.covered + r.live!.coverage[key].covered,
        total: t.total + r.live!.coverage[key].total
      }),
      { covered: 0, total: 0 }
    );
  const undocumented = (r: ContractReport) => r.live!.coverage.undocumented.reduce((n, u) => n + u.count, 0);
  return JSON.stringify({
    operations: add('operations'),
    statuses: add('statuses'),
    parameters: add('parameters'),
    undocumented: runs.reduce((n, r) => n + undocumented(r), 0),
    specs: runs.map((r) => ({
      spec: r.spec,
      operations: r.live!.coverage.operations,
      statuses: r.live!.coverage.statuses,
      parameters: r.live!.coverage.parameters,
      undocumented: undocumented(r)
    }))
  });
}

export function contractReport(input: ContractReport | StepReport): ActionReport {
  const step = asStep(input);
  const counts = stepCounts(step);
  const several = step.specs.length > 1;
  const state = { detailsLeft: LIVE_DETAILS_LIMIT };
  const sections = [
    ...step.specs.flatMap((r) => specSections(r, several ? `${r.spec}: ` : '', state)),
    ...acceptSections(step)
  ];
  const findings = [...step.specs.flatMap(specFindings), ...(step.accept?.expired ?? []).map(expiredFinding)];
  const single = step.specs.length === 1 ? step.specs[0] : undefined;
  const notices = [
    ...step.notices,
    ...step.specs.flatMap((r) => [
      ...(r.diffSkipped ? [`${several ? `${r.spec}: ` : ''}Breaking-change diff skipped: ${r.diffSkipped}`] : []),
      ...(r.liveNotes ?? []).map((n) => `${several ? `${r.spec}: ` : ''}${n}`)
    ]),
    ...(step.accept?.unused ?? []).map(
      (e) => `${e.location.file}:${e.location.line}: the accept entry for ${e.id} matched no change`
    )
  ];
  return {
    tool: 'contract-test',
    title: 'Contract test',
    subject: step.subject,
    verdict: verdictOf(counts),
    headline: headline(step),
    counts,
    findings,
    context: stepContext(step),
    sections,
    json: {
      mode: step.modes,
      spec: step.subject,
      ...(single?.base !== undefined ? { base: single.base } : {}),
      ...(single?.diffSkipped ? { diffSkipped: single.diffSkipped } : {}),
      linted: step.specs.some((r) => r.linted),
      changes: step.specs.flatMap(changesJson),
      lint: step.specs.flatMap((r) => r.lint.map((f) => lintJson(f, r.spec))),
      liveFailures: step.specs.flatMap((r) => views(r).map((v) => liveFailureJson(v, r.spec))),
      specs: step.specs.map((r) => {
        const c = contractCounts(r);
        return {
          spec: r.spec,
          verdict: verdictOf(c),
          counts: c,
          ...(r.base !== undefined ? { base: r.base } : {}),
          ...(r.diffSkipped ? { diffSkipped: r.diffSkipped } : {}),
          ...(r.invalid ? { invalid: r.invalid } : {}),
          linted: r.linted,
          ...(r.linted && r.lintScope ? { lintScope: r.lintScope } : {}),
          ...(r.ruleset ? { ruleset: r.ruleset } : {}),
          ...(r.live ? { live: liveSummaryJson(r.live) } : {})
        };
      }),
      ...(step.accept ? { accept: step.accept } : {})
    },
    outputs: {
      'breaking-changes': counts.breaking,
      warnings: step.specs.reduce(
        (n, r) => n + r.changes.filter((c) => !c.accepted && c.level === 'warning').length,
        0
      ),
      'lint-errors': counts.lintErrors,
      'live-failures': counts.liveFailures,
      coverage: coverageOutput(step)
    },
    notices,
    text: () => text(step),
    sarif: () => contractSarif(step.specs),
    ...(step.modes.length > 0 ? { junit: () => junit(step) } : {})
  };
}
