// A gate report as the action family's ActionReport: failed checks as errors (annotated at their line in the
// config file), warning checks as warnings, the table of every check and the timeline of attempts. No I/O.
import { formatDuration } from '../../../shared/src/lib/duration.js';
import { codeSpan, escapeMarkdown } from '../../../shared/src/lib/markdown.js';
import type { ActionReport, Finding } from '../../../shared/src/lib/report.js';
import { cell, renderText, timeline, verdictLine } from './render.js';
import type { Check, CheckReport, GateReport } from './types.js';

const HEADERS = ['verdict', 'check', 'type', 'role', 'attempts', 'time to green', 'last result'];

function rows(checks: readonly CheckReport[]): string[][] {
  return checks.map((check) =>
    cell(check).map((text, i) => (i === 1 ? codeSpan(text) : i === 6 ? escapeMarkdown(text) : text))
  );
}

function finding(check: CheckReport, origin: Check['origin']): Finding {
  const location = origin ? { file: origin.file, line: origin.line } : undefined;
  if (check.verdict === 'fail')
    return {
      level: 'error',
      id: check.type,
      title: `Health check ${check.name} failed`,
      message: `${check.reason ?? 'failed'}: ${check.lastError ?? check.lastMessage ?? 'no attempt completed'}`,
      location
    };
  return {
    level: 'warning',
    id: check.type,
    title: `Health check ${check.name} warns`,
    message: check.lastMessage ?? 'warn',
    location
  };
}

export function gateReport(report: GateReport, checks: readonly Check[]): ActionReport {
  const origins = new Map(checks.map((c) => [c.name, c.origin]));
  const failed = report.checks.filter((c) => c.verdict === 'fail');
  const warned = report.checks.filter((c) => c.verdict === 'warn');
  const timelines = report.checks
    .filter((c) => c.history.length > 0)
    .map((c) => `#### ${escapeMarkdown(c.name)}\n\n\`\`\`\n${timeline(c).replace(/`{3,}/g, '`')}\n\`\`\``)
    .join('\n\n');
  return {
    tool: 'health-gate',
    title: 'Health gate',
    verdict: report.verdict,
    headline: verdictLine(report),
    counts: {
      error: failed.length,
      warning: warned.length,
      notice: 0,
      checks: report.checks.length,
      passed: report.checks.filter((c) => c.verdict === 'pass').length
    },
    findings: [...failed, ...warned].map((c) => finding(c, origins.get(c.name))),
    sections: [
      ...(failed.length > 0
        ? [{ level: 'error' as const, title: 'Failed checks', table: { headers: HEADERS, rows: rows(failed) } }]
        : []),
      ...(warned.length > 0
        ? [{ level: 'warning' as const, title: 'Checks that warn', table: { headers: HEADERS, rows: rows(warned) } }]
        : []),
      { level: 'info', title: 'All checks', open: true, table: { headers: HEADERS, rows: rows(report.checks) } },
      { level: 'info', title: `Timeline (deadline ${formatDuration(report.deadlineMs)})`, extra: timelines }
    ],
    json: {
      durationMs: report.durationMs,
      deadlineMs: report.deadlineMs,
      failedChecks: report.failedChecks,
      checks: report.checks
    },
    outputs: { 'failed-checks': report.failedChecks.join(',') },
    text: () => renderText(report)
  };
}
