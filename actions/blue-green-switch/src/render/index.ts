// Renders an operation result for people (terminal text, job summary markdown) and machines (the JSON
// envelope every ubos-actions report shares). No I/O; main.ts and cli.ts say the same thing through these.
import { formatDuration } from '../../../../shared/src/lib/duration.js';
import { SummaryBuilder, type Verdict } from '../../../../shared/src/lib/markdown.js';
import type { OperationResult, TimelineEntry, Weights } from '../engine/types.js';
import { formatWeights } from '../engine/weights.js';

const weightsText = (w?: Weights) => (w ? formatWeights(w) : '');

function entryLine(e: TimelineEntry): string {
  const step = e.step ? ` ${e.step}` : '';
  return `+${formatDuration(e.at).padEnd(7)} ${e.ok ? 'ok  ' : 'FAIL'} ${`${e.phase}${step}`.padEnd(10)} ${formatDuration(e.durationMs).padStart(6)}  ${e.message}`;
}

export function renderText(result: OperationResult): string {
  const lines = [
    `${result.verdict.toUpperCase()}: ${result.message}`,
    `router: ${result.router.description}; live: ${result.live ?? 'split'}; previous: ${result.previous ?? '-'}; weights: ${weightsText(result.weights)}`
  ];
  if (result.timeline.length > 0) lines.push('', ...result.timeline.map(entryLine));
  if (result.judge) {
    lines.push('', `judge (${result.judge.source}): ${result.judge.verdict}`);
    for (const [color, c] of Object.entries(result.judge.perColor)) {
      lines.push(
        `  ${color.padEnd(8)} requests=${c.requests} errors=${c.errors} (${(c.errorRate * 100).toFixed(2)}%) p50=${c.p50Ms === null ? '-' : `${c.p50Ms.toFixed(1)}ms`} p95=${c.p95Ms === null ? '-' : `${c.p95Ms.toFixed(1)}ms`}`
      );
    }
  }
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n') + '\n';
}

export function renderMarkdown(result: OperationResult): string {
  const outcome: Verdict = result.verdict === 'pass' ? 'success' : result.verdict === 'warn' ? 'warning' : 'failure';
  const summary = new SummaryBuilder()
    .heading(`Blue-green switch: ${result.operation}`)
    .verdict(outcome, result.message)
    .table(
      ['live', 'previous', 'weights', 'rolled back', 'router'],
      [
        [
          result.live ?? 'split',
          result.previous ?? '—',
          weightsText(result.weights),
          result.rolledBack ? 'yes' : 'no',
          result.router.description
        ]
      ]
    );
  if (result.timeline.length > 0) {
    summary.table(
      ['at', 'step', 'phase', 'weights', 'result', 'took'],
      result.timeline.map((e) => [
        formatDuration(e.at),
        e.step ? String(e.step) : '',
        e.phase,
        weightsText(e.weights),
        `${e.ok ? '✅' : '❌'} ${e.message}`,
        formatDuration(e.durationMs)
      ])
    );
  }
  if (result.judge) {
    const judge = new SummaryBuilder().table(
      ['colour', 'requests', 'errors', 'error rate', 'p50', 'p95'],
      Object.entries(result.judge.perColor).map(([color, c]) => [
        color,
        String(c.requests),
        String(c.errors),
        `${(c.errorRate * 100).toFixed(2)}%`,
        c.p50Ms === null ? '—' : `${c.p50Ms.toFixed(1)} ms`,
        c.p95Ms === null ? '—' : `${c.p95Ms.toFixed(1)} ms`
      ])
    );
    summary.details(`Judge: ${result.judge.verdict} (${result.judge.source})`, judge);
  }
  return summary.toString();
}

/** The shared report envelope: tool, version, verdict, counts, then this action's own fields. */
export function renderJson(result: OperationResult, version: string): string {
  const failed = result.timeline.filter((e) => !e.ok).length;
  const { verdict, ...fields } = result;
  return (
    JSON.stringify(
      {
        tool: 'blue-green-switch',
        version,
        verdict,
        counts: { error: verdict === 'fail' ? Math.max(1, failed) : 0, warning: result.warnings.length, notice: 0 },
        ...fields
      },
      null,
      2
    ) + '\n'
  );
}
