// The live part of the contract-test report: failures as findings at the operation's line, summary sections
// with each request and response (already redacted and capped by the engine) in a collapsed block, coverage,
// checks, undocumented answers and notes. No I/O.
import { codeSpan, escapeMarkdown, SummaryBuilder } from '../../../shared/src/lib/markdown.js';
import type { Finding, Level, ReportSection } from '../../../shared/src/lib/report.js';
import type { ReportedChange } from './accept.js';
import { normalisePath } from './diff/index.js';
import { coveragePercent, exchangeText, type LiveFailure, type LiveResult } from './live/index.js';

/** Requests and responses are shown for this many failures per step; the JSON report has every one. */
export const LIVE_DETAILS_LIMIT = 20;

export interface LiveFailureView {
  failure: LiveFailure;
  /** Found by running the base version of the spec. */
  base: boolean;
  /** A base-spec failure at an operation whose change was accepted (removed or changed on purpose). */
  accepted?: string;
}

/** Every failure of a spec's live run, head first then base, with what accepted a base failure. */
export function liveFailureViews(live: LiveResult, changes: readonly ReportedChange[]): LiveFailureView[] {
  const head = live.failures.map((failure) => ({ failure, base: false }));
  const base = (live.base?.failures ?? []).map((failure): LiveFailureView => {
    const change = changes.find(
      (c) =>
        c.accepted &&
        c.method?.toLowerCase() === failure.operation.method.toLowerCase() &&
        c.path !== undefined &&
        normalisePath(c.path) === normalisePath(failure.operation.path)
    );
    return { failure, base: true, ...(change ? { accepted: change.accepted!.reason } : {}) };
  });
  return [...head, ...base];
}

function operation(f: LiveFailure): string {
  return `${f.operation.method.toUpperCase()} ${f.operation.path}`;
}

export function liveFinding(view: LiveFailureView): Finding {
  const f = view.failure;
  const level: Level = view.accepted ? 'notice' : f.level;
  const times = f.occurrences > 1 ? ` (${f.occurrences} times)` : '';
  return {
    level,
    id: f.id,
    title: `live ${f.id}${view.base ? ' (base spec)' : ''}`,
    message: `${view.base ? 'base spec: ' : ''}${operation(f)}: ${f.message}${times}; ${f.case}${view.accepted ? ` (accepted: ${view.accepted})` : ''}`,
    ...(f.location ? { location: f.location } : {})
  };
}

/** Exchange text a code block can hold safely: a lone CR would end a line inside the list item. */
function blockText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function failureItem(view: LiveFailureView, details: boolean): string {
  const f = view.failure;
  const icon = view.accepted ? 'ℹ️' : f.level === 'error' ? '❌' : '⚠️';
  const where = f.location ? ` at ${codeSpan(`${f.location.file}:${f.location.line}`)}` : '';
  const times = f.occurrences > 1 ? ` (×${f.occurrences})` : '';
  const accepted = view.accepted ? ` · accepted: ${escapeMarkdown(view.accepted)}` : '';
  const line = `${icon} ${codeSpan(operation(f))} ${codeSpan(f.id)}${where}: ${escapeMarkdown(f.message)}${times} — ${escapeMarkdown(f.case)}${accepted}`;
  if (!details) return line;
  const body = new SummaryBuilder();
  for (const step of f.sequence ?? [f.exchange]) body.codeBlock(blockText(exchangeText(step)), 'http');
  const what = f.sequence ? 'requests and responses' : 'request and response';
  return `${line}\n<details><summary>${what}</summary>\n\n${body.toString()}\n</details>`;
}

export interface LiveSectionState {
  /** Failures that still get their exchange shown (shared by every spec of the step). */
  detailsLeft: number;
}

function levelOf(views: readonly LiveFailureView[]): Level {
  return views.some((v) => !v.accepted && v.failure.level === 'error')
    ? 'error'
    : views.some((v) => !v.accepted)
      ? 'warning'
      : 'notice';
}

export function liveSections(
  live: LiveResult,
  views: readonly LiveFailureView[],
  prefix: string,
  state: LiveSectionState
): ReportSection[] {
  const out: ReportSection[] = [];
  const groups: [string, LiveFailureView[]][] = [
    ['Live failures at changed operations', views.filter((v) => !v.base && v.failure.changed)],
    [
      live.changed ? 'Live failures at other operations' : 'Live failures',
      views.filter((v) => !v.base && !v.failure.changed)
    ],
    ['Live failures of the base spec against the same server', views.filter((v) => v.base)]
  ];
  for (const [title, group] of groups) {
    if (group.length === 0) continue;
    const shown = Math.min(group.length, state.detailsLeft);
    const items = group.map((view, i) => failureItem(view, i < shown));
    state.detailsLeft -= shown;
    out.push({
      level: levelOf(group),
      title: `${prefix}${title}`,
      items,
      ...(shown < group.length
        ? {
            extra: `_Requests and responses are shown for the first ${LIVE_DETAILS_LIMIT} failures; the JSON report (report-file) and the replay file have all of them._`
          }
        : {})
    });
  }
  const c = live.coverage;
  const row = (name: string, n: { covered: number; total: number }) => [
    name,
    String(n.covered),
    String(n.total),
    coveragePercent(n)
  ];
  out.push({
    level: 'info',
    title: `${prefix}Live coverage`,
    table: {
      headers: ['', 'covered', 'documented', ''],
      rows: [row('operations', c.operations), row('status codes', c.statuses), row('parameters', c.parameters)]
    }
  });
  if (c.undocumented.length > 0)
    out.push({
      level: 'info',
      title: `${prefix}Answers the spec does not describe`,
      table: {
        headers: ['operation', 'status', 'times', 'why'],
        rows: c.undocumented.map((u) => [
          codeSpan(`${u.method.toUpperCase()} ${u.path}`),
          String(u.status),
          String(u.count),
          u.reason === 'method' ? 'method not in the spec' : 'status not documented'
        ])
      }
    });
  const judged = live.checks.filter((check) => check.evaluated > 0);
  if (judged.length > 0)
    out.push({
      level: 'info',
      title: `${prefix}Live checks`,
      table: {
        headers: ['check', 'judged', 'failed'],
        rows: judged.map((check) => [codeSpan(check.id), String(check.evaluated), String(check.failed)])
      }
    });
  const notes = [...live.notes, ...(live.base?.notes.map((n) => `base spec: ${n}`) ?? [])];
  if (notes.length > 0)
    out.push({ level: 'info', title: `${prefix}Live notes`, items: notes.map((n) => escapeMarkdown(n)) });
  return out;
}

/** The context lines of a live run: what was sent where, the changed operations, the base run. */
export function liveContext(live: LiveResult): string[] {
  const lines = [
    `Live: ${live.requests} requests to ${codeSpan(live.baseUrl)} in ${(live.durationMs / 1000).toFixed(1)} s · engine ${live.engine} · seed ${live.seed}` +
      (live.budgetExhausted ? ` · the budget of ${live.budget} requests ran out first` : '') +
      '.'
  ];
  if (live.changed) {
    const missing = live.changed.notInSpec.map((r) => codeSpan(`${r.method.toUpperCase()} ${r.path}`));
    lines.push(
      `Changed operations, tested first: ${live.changed.operations.length} (${live.changed.failures} with failures)` +
        (missing.length > 0 ? `; not in this spec: ${missing.join(', ')}` : '') +
        '.'
    );
  }
  if (live.base)
    lines.push(
      `Base spec run against the same server: ${live.base.requests} requests, ${live.base.failures.length} failures.`
    );
  return lines;
}

export function liveSummaryJson(live: LiveResult) {
  const { failures: _failures, base, verdict: _verdict, spec: _spec, ...rest } = live;
  return {
    ...rest,
    ...(base
      ? {
          base: {
            spec: base.spec.file,
            verdict: base.verdict,
            requests: base.requests,
            durationMs: base.durationMs,
            failures: base.failures.length,
            coverage: base.coverage,
            notes: base.notes
          }
        }
      : {})
  };
}

export function liveFailureJson(view: LiveFailureView, spec: string) {
  const f = view.failure;
  return {
    id: f.id,
    level: view.accepted ? 'notice' : f.level,
    message: f.message,
    ...(f.location ? { location: f.location } : {}),
    spec,
    operation: f.operation,
    case: f.case,
    kind: f.kind,
    occurrences: f.occurrences,
    changed: f.changed,
    ...(view.base ? { baseSpec: true } : {}),
    ...(view.accepted ? { accepted: view.accepted } : {}),
    exchange: f.exchange,
    ...(f.sequence ? { sequence: f.sequence } : {})
  };
}
