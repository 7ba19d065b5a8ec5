// The trace as the summary's table: prediction and observation side by side for every statement, the
// disagreements first. Pure text; report.ts puts it in a section.
import { codeSpan, escapeMarkdown } from '../../../../../shared/src/lib/markdown.js';
import { plural } from '../../../../../shared/src/lib/report.js';
import type { StatementTrace, TraceResult } from './types.js';

export const TRACE_TITLE = 'Live lock trace';

function predicted(s: StatementTrace): string {
  const p = s.prediction;
  if (!p) return '-';
  const parts = [
    ...p.locks.map((l) => `${l.mode} ${codeSpan(l.table)}`),
    ...p.rewrites.map((r) => `${r.certainty === 'maybe' ? 'maybe rewrites' : 'rewrites'} ${codeSpan(r.table)}`)
  ];
  return parts.join('<br>') || 'no table lock';
}

function observed(s: StatementTrace): string {
  if (s.error !== undefined) return `failed: ${escapeMarkdown(s.error)}`;
  const parts = [
    ...s.locks
      .filter((l) => l.kind === 'table')
      .map(
        (l) =>
          `${l.mode} ${codeSpan(l.relation)}${l.new ? '' : ' (held)'}${l.new && l.preExisting ? ` ${l.heldMs} ms` : ''}`
      ),
    ...s.rewrites.map((r) => `rewrote ${codeSpan(r.relation)}`),
    ...s.constraints
      .filter((c) => c.change !== 'dropped')
      .map(
        (c) =>
          `${c.change === 'validated' ? 'validated' : c.valid ? 'added VALID' : 'added NOT VALID'} ${codeSpan(c.name)}`
      ),
    ...s.columns.map((c) => `${c.change} ${codeSpan(`${c.table}.${c.column}`)}`)
  ];
  return parts.join('<br>') || 'no table lock';
}

/** One paragraph on what was traced where; `plain` for the text format (no markdown escapes). */
export function traceIntro(trace: TraceResult, plain = false): string {
  const disagreeing = trace.statements.filter((s) => s.disagreements.length > 0).length;
  return (
    `Each statement of the change set ran on ${plain ? trace.server : escapeMarkdown(trace.server)} after ${plural(trace.baselineFiles, 'baseline migration')}, in transactions rolled back; ` +
    `${plural(trace.statements.length, 'statement')} traced, ${plural(disagreeing, 'disagreement')} with the static prediction` +
    `${trace.maxLockMs !== undefined ? `, lock budget ${trace.maxLockMs} ms` : ''}. Locks are held until the end of the transaction the migration runs in.`
  );
}

export function traceTable(trace: TraceResult): { headers: string[]; rows: string[][] } {
  const ordered = [
    ...trace.statements.filter((s) => s.disagreements.length > 0),
    ...trace.statements.filter((s) => s.disagreements.length === 0)
  ];
  return {
    headers: ['where', 'statement', 'predicted', 'observed', 'ms', 'lock_timeout', 'disagreement / hazards'],
    rows: ordered.map((s) => [
      `${codeSpan(s.file)}:${s.line}`,
      codeSpan(s.sql.length > 60 ? `${s.sql.slice(0, 57)}...` : s.sql),
      predicted(s),
      observed(s),
      String(s.durationMs),
      s.lockTimeoutMs === 0 ? 'none' : `${s.lockTimeoutMs} ms`,
      [
        ...s.disagreements.map((d) => `**${d.kind}**: ${escapeMarkdown(d.message)}`),
        ...(s.overBudget ?? []).map((o) => `**over budget**: ${o.mode} ${escapeMarkdown(o.relation)} ${o.heldMs} ms`),
        ...s.hazards.map((h) => `${h.eugene ?? h.id}: ${escapeMarkdown(h.message)}`)
      ].join('<br>') || '-'
    ])
  };
}
