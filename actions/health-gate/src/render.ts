// Renders a gate report for a terminal, and the pieces (table cells, timelines) report.ts builds the summary
// from. Shared by main.ts and cli.ts so the action and the CLI say the same thing.
import { formatDuration } from '../../../shared/src/lib/duration.js';
import { redact, redactUrl } from '../../../shared/src/lib/redact.js';
import { kindOf } from './checks/index.js';
import { HISTORY_HEAD } from './gate.js';
import type { Check, CheckReport, CheckVerdict, GateReport } from './types.js';

const ICON: Record<CheckVerdict | 'pass' | 'warn' | 'fail', string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  cancelled: '⏹️',
  pending: '⏳'
};

/** Attempts shown per check in the timeline; a long gate keeps the first and last ones. */
const TIMELINE_LIMIT = 40;

export function verdictLine(report: GateReport): string {
  const total = report.checks.length;
  const passed = report.checks.filter((c) => c.verdict === 'pass' || c.verdict === 'warn').length;
  const took = formatDuration(report.durationMs);
  if (report.verdict === 'pass') return `Health gate passed: ${total}/${total} checks healthy in ${took}`;
  if (report.verdict === 'warn')
    return `Health gate passed with warnings: ${passed}/${total} checks healthy in ${took}`;
  return `Health gate failed: ${report.failedChecks.join(', ') || 'checks did not pass'} (${passed}/${total} healthy after ${took})`;
}

export function cell(check: CheckReport): string[] {
  return [
    `${ICON[check.verdict]} ${check.verdict}`,
    check.name,
    check.type,
    check.role,
    String(check.attempts),
    check.timeToGreenMs === undefined ? '—' : formatDuration(check.timeToGreenMs),
    check.verdict === 'pass' || check.verdict === 'warn'
      ? (check.lastMessage ?? '')
      : (check.reason ? `${check.reason}; ` : '') + (check.lastError ?? check.lastMessage ?? '')
  ];
}

export function timeline(check: CheckReport): string {
  const rows = check.history.map(
    (a) =>
      `+${formatDuration(a.startedAt).padEnd(7)} ${ICON[a.status]} ${a.status.padEnd(4)} ${formatDuration(a.durationMs).padStart(6)}  ${a.message}`
  );
  const omitted = check.omittedAttempts ?? 0;
  if (rows.length <= TIMELINE_LIMIT && omitted === 0) return rows.join('\n');
  // The report keeps the first HISTORY_HEAD attempts, then the last ones: the gap is right after the head.
  const head = Math.min(HISTORY_HEAD, TIMELINE_LIMIT / 2);
  const tail = Math.min(rows.length - head, TIMELINE_LIMIT - head);
  const hidden = omitted + rows.length - head - tail;
  return [...rows.slice(0, head), `… ${hidden} attempts omitted …`, ...rows.slice(rows.length - tail)].join('\n');
}

export function renderText(report: GateReport): string {
  const lines = [verdictLine(report), ''];
  for (const check of report.checks) {
    const [verdict, name, type, role, attempts, green, last] = cell(check);
    lines.push(`${verdict.padEnd(12)} ${name} (${type}, ${role}) attempts=${attempts} time-to-green=${green}`);
    if (last) lines.push(`             ${last}`);
  }
  return lines.join('\n') + '\n';
}

/** What a check targets, for a log line: its URL or connection string without credentials or masked values. */
export function checkTarget(check: Check, secrets: readonly string[]): string {
  return redact(redactUrl(kindOf(check).target(check)), secrets);
}
