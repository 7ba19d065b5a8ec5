// The job-summary / PR-comment form of a live run: verdict line, checks table, failures grouped by operation
// (errors first, with the request and response in a collapsed block), coverage, undocumented responses.
// Everything from the spec or the server is escaped; the whole stays under GitHub's summary limit.
import { fitToLimit, SummaryBuilder, type Verdict } from '../../../../../shared/src/lib/markdown.js';
import { percent } from '../coverage.js';
import type { ReplayResult } from '../replay.js';
import type { LiveFailure, LiveResult } from '../types.js';
import { exchangeText } from './http-text.js';

/** Escapes text for inline markdown (paths, messages and names come from the spec or the server). */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

const VERDICT: Record<LiveResult['verdict'], Verdict> = { pass: 'success', warn: 'warning', fail: 'failure' };

/** Failures by operation: operations in the order of their first failure (errors come first). */
function byOperation(failures: readonly LiveFailure[]): [string, LiveFailure[]][] {
  const groups = new Map<string, LiveFailure[]>();
  for (const failure of failures) {
    const key = `${failure.operation.method} ${failure.operation.path}`;
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  return [...groups];
}

function section(summary: SummaryBuilder, result: LiveResult, title: string, detailsLimit: number): void {
  const errors = result.failures.filter((f) => f.level === 'error').length;
  const warnings = result.failures.length - errors;
  const operations = new Set(result.failures.map((f) => `${f.operation.method} ${f.operation.path}`)).size;
  const outcome =
    result.failures.length === 0
      ? `${title}: no failures`
      : `${title}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} at ${operations} operation${operations === 1 ? '' : 's'}`;
  summary.verdict(VERDICT[result.verdict], outcome);
  summary.paragraph(
    `${result.requests} requests to ${code(result.baseUrl)} in ${(result.durationMs / 1000).toFixed(1)}s · engine ${result.engine} · seed ${result.seed}` +
      (result.budgetExhausted ? ` · budget of ${result.budget} exhausted` : '')
  );
  if (result.changed) {
    summary.paragraph(
      `**Changed operations** (tested first): ${result.changed.operations.length}, ${result.changed.failures} failure${result.changed.failures === 1 ? '' : 's'}` +
        (result.changed.notInSpec.length > 0
          ? ` · not in this spec: ${result.changed.notInSpec.map((r) => code(`${r.method.toUpperCase()} ${r.path}`)).join(', ')}`
          : '')
    );
  }
  if (result.failures.length > 0) {
    summary.heading('Failures', 4);
    let shown = 0;
    for (const [operation, failures] of byOperation(result.failures)) {
      const location = failures[0]!.location;
      const where = location ? ` (${escapeInline(location.file)}:${location.line})` : '';
      const changed = failures[0]!.changed ? ' · changed' : '';
      summary.paragraph(`**${code(operation)}**${where}${changed}`);
      summary.list(
        failures.map((f) => {
          const icon = f.level === 'error' ? '❌' : '⚠️';
          const times = f.occurrences > 1 ? ` (×${f.occurrences})` : '';
          return `${icon} ${code(f.id)}: ${escapeInline(f.message)}${times} — ${escapeInline(f.case)}`;
        })
      );
      for (const f of failures) {
        if (shown++ >= detailsLimit) break;
        const body = new SummaryBuilder();
        for (const step of f.sequence ?? [f.exchange]) body.codeBlock(exchangeText(step), 'http');
        summary.details(`${f.id}: request and response`, body);
      }
    }
    if (shown > detailsLimit)
      summary.paragraph(
        `Request details are shown for the first ${detailsLimit} failures; the JSON report and the replay file have all of them.`
      );
  }
  const c = result.coverage;
  summary.heading('Coverage', 4);
  summary.table(
    ['', 'covered', 'documented', ''],
    [
      ['operations', c.operations.covered, c.operations.total, percent(c.operations)],
      ['status codes', c.statuses.covered, c.statuses.total, percent(c.statuses)],
      ['parameters', c.parameters.covered, c.parameters.total, percent(c.parameters)]
    ]
  );
  if (c.undocumented.length > 0) {
    summary.paragraph('**Answers the spec does not describe**');
    summary.table(
      ['operation', 'status', 'times', 'why'],
      c.undocumented.map((u) => [
        `${u.method} ${u.path}`,
        u.status,
        u.count,
        u.reason === 'method' ? 'method not in the spec' : 'status not documented'
      ])
    );
  }
  const checks = result.checks.filter((check) => check.evaluated > 0);
  if (checks.length > 0) {
    const table = new SummaryBuilder().table(
      ['check', 'judged', 'failed'],
      checks.map((check) => [check.id, check.evaluated, check.failed])
    );
    summary.details('Checks', table);
  }
  if (result.notes.length > 0)
    summary.details(`Notes (${result.notes.length})`, new SummaryBuilder().list(result.notes.map(escapeInline)));
}

export function renderLiveMarkdown(
  result: LiveResult,
  options: { title?: string; detailsLimit?: number; limitBytes?: number } = {}
): string {
  const summary = new SummaryBuilder();
  const title = options.title ?? `Contract test (live): ${escapeInline(result.spec.file)}`;
  section(summary, result, title, options.detailsLimit ?? 25);
  if (result.base)
    section(
      summary,
      result.base,
      `Base version of the spec (${escapeInline(result.base.spec.file)}) against the same server`,
      options.detailsLimit ?? 25
    );
  return fitToLimit(summary.toString(), options.limitBytes);
}

export function renderReplayMarkdown(result: ReplayResult): string {
  const summary = new SummaryBuilder();
  summary.verdict(
    VERDICT[result.verdict],
    `Replay: ${result.counts.failing} still failing, ${result.counts.passing} passing, ${result.counts.error} not replayed`
  );
  summary.table(
    ['status', 'check', 'operation', 'detail'],
    result.outcomes.map((o) => [o.status, o.check, `${o.operation.method} ${o.operation.path}`, o.detail ?? o.recorded])
  );
  return fitToLimit(summary.toString());
}
