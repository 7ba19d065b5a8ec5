// An operation's result as the action family's ActionReport: the verdict and one line, a failed check as an
// error (the gate's annotated at its file), the engine's warnings, the timeline of every step with its weights
// and gate/judge results, the judge's numbers per colour, the JSON envelope's fields, the outputs and the text
// format. No I/O; main.ts, post.ts and cli.ts all say the same thing through it.
import { formatDuration } from '../../../shared/src/lib/duration.js';
import { codeSpan, escapeMarkdown } from '../../../shared/src/lib/markdown.js';
import {
  countFindings,
  findingJson,
  type ActionReport,
  type Finding,
  type ReportSection
} from '../../../shared/src/lib/report.js';
import type { JudgeResult, OperationResult, TimelineEntry, Weights } from './engine/types.js';
import { formatWeights } from './engine/weights.js';

export interface ReportOptions {
  /** The gate file as the report names it (relative to the workspace), when the gate came from a file. */
  gateFile?: string;
}

const weightsText = (w?: Weights): string => (w ? formatWeights(w) : '');
const pct = (rate: number): string => `${(rate * 100).toFixed(2)}%`;
const msText = (value: number | null): string => (value === null ? '—' : `${value.toFixed(1)} ms`);

/** A failed step that means the operation failed; drains that ran out of time are warnings already. */
const FAILING_PHASES = new Set<TimelineEntry['phase']>(['pre-check', 'gate', 'apply', 'verify', 'judge', 'restore']);

function where(entry: TimelineEntry): string {
  const step = entry.step ? `step ${entry.step}` : '';
  const weights = entry.weights ? formatWeights(entry.weights) : '';
  return step && weights ? `${step} (${weights}): ` : step || weights ? `${step || weights}: ` : '';
}

function warningId(message: string): string {
  if (/GitHub deployment/.test(message)) return 'deployment';
  if (/judge/.test(message)) return 'judge';
  if (/lock/.test(message)) return 'lock';
  if (/drain|workers|sessions/.test(message)) return 'drain';
  return 'warning';
}

function findingsOf(result: OperationResult, options: ReportOptions): Finding[] {
  const findings: Finding[] = [];
  if (result.verdict === 'fail') {
    for (const entry of result.timeline.filter((e) => !e.ok && FAILING_PHASES.has(e.phase))) {
      findings.push({
        level: 'error',
        id: entry.phase,
        title: `blue-green-switch ${entry.phase} failed`,
        message: `${where(entry)}${entry.message}`,
        ...(entry.phase === 'gate' && options.gateFile ? { location: { file: options.gateFile } } : {})
      });
    }
    if (findings.length === 0) {
      const id = /the run was cancelled/.test(result.message) ? 'cancelled' : 'operation';
      findings.push({ level: 'error', id, title: `blue-green-switch ${id}`, message: result.message });
    }
  }
  for (const warning of result.warnings) findings.push({ level: 'warning', id: warningId(warning), message: warning });
  if (result.verdict === 'warn' && result.warnings.length === 0)
    findings.push({ level: 'warning', id: result.canary ? 'canary' : 'operation', message: result.message });
  return findings;
}

function headline(result: OperationResult): string {
  if (result.operation === 'status') return `Blue-green status: ${result.message}`;
  const outcome = result.verdict === 'fail' ? 'failed' : result.verdict === 'warn' ? 'done with warnings' : 'done';
  return `Blue-green ${result.operation} ${outcome}: ${result.message}`;
}

function gateCell(entry: TimelineEntry): string {
  if (entry.gate) return `gate ${entry.gate.verdict} (${entry.gate.target})`;
  if (entry.judge) return `judge ${entry.judge.verdict}`;
  return '';
}

function timelineSection(result: OperationResult): ReportSection {
  return {
    level: 'info',
    title: 'Timeline',
    open: true,
    table: {
      headers: ['at', 'step', 'phase', 'weights', 'check', 'result', 'took'],
      rows: result.timeline.map((e) => [
        `+${formatDuration(e.at)}`,
        e.step ? String(e.step) : '',
        e.phase,
        weightsText(e.weights),
        gateCell(e),
        `${e.ok ? '✅' : '❌'} ${escapeMarkdown(e.message)}`,
        formatDuration(e.durationMs)
      ])
    }
  };
}

function judgeSection(result: OperationResult): ReportSection | undefined {
  const judged = result.timeline.filter((e): e is TimelineEntry & { judge: JudgeResult } => e.judge !== undefined);
  if (judged.length === 0) return undefined;
  const last = judged[judged.length - 1].judge;
  const rows = judged.flatMap((e) =>
    Object.entries(e.judge.perColor).map(([color, c]) => [
      String(e.step ?? ''),
      escapeMarkdown(color),
      String(c.requests),
      String(c.errors),
      pct(c.errorRate),
      msText(c.p50Ms),
      msText(c.p95Ms),
      e.judge.verdict
    ])
  );
  return {
    level: 'info',
    title: `Canary judge: ${last.verdict}`,
    open: last.verdict === 'fail',
    intro: `Numbers from ${escapeMarkdown(last.source)}. Errors: ${escapeMarkdown(last.errorRate.reason)}. Latency: ${escapeMarkdown(last.latency.reason)}.`,
    table: { headers: ['step', 'colour', 'requests', 'errors', 'error rate', 'p50', 'p95', 'verdict'], rows }
  };
}

function context(result: OperationResult): string[] {
  const lines = [
    `Router: ${codeSpan(result.router.description)}. Live: **${escapeMarkdown(result.live ?? 'split')}**, previous: ${escapeMarkdown(result.previous ?? '—')}, weights ${escapeMarkdown(weightsText(result.weights))}${result.rolledBack ? ', rolled back' : ''}.`
  ];
  if (result.canary) {
    const c = result.canary;
    lines.push(
      `Canary ${escapeMarkdown(c.from)} → ${escapeMarkdown(c.to)} at step ${c.stepIndex + 1} of ${c.steps.length} (${c.steps.join(', ')}%): promote to finish it, abort to undo it.`
    );
  }
  if (result.deploymentId !== undefined) lines.push(`GitHub deployment ${result.deploymentId}.`);
  return lines;
}

/** The terminal form: the verdict line, the router line, the timeline, the judge's numbers, the warnings. */
export function renderText(result: OperationResult): string {
  const lines = [
    `${result.verdict.toUpperCase()}: ${result.message}`,
    `router: ${result.router.description}; live: ${result.live ?? 'split'}; previous: ${result.previous ?? '-'}; weights: ${weightsText(result.weights)}`
  ];
  const entry = (e: TimelineEntry) =>
    `+${formatDuration(e.at).padEnd(7)} ${e.ok ? 'ok  ' : 'FAIL'} ${`${e.phase}${e.step ? ` ${e.step}` : ''}`.padEnd(10)} ${formatDuration(e.durationMs).padStart(6)}  ${e.message}`;
  if (result.timeline.length > 0) lines.push('', ...result.timeline.map(entry));
  if (result.judge) {
    lines.push('', `judge (${result.judge.source}): ${result.judge.verdict}`);
    for (const [color, c] of Object.entries(result.judge.perColor)) {
      lines.push(
        `  ${color.padEnd(8)} requests=${c.requests} errors=${c.errors} (${pct(c.errorRate)}) p50=${msText(c.p50Ms)} p95=${msText(c.p95Ms)}`
      );
    }
  }
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n') + '\n';
}

export function switchReport(result: OperationResult, options: ReportOptions = {}): ActionReport {
  const findings = findingsOf(result, options);
  const counts = { ...countFindings(findings), changes: result.timeline.filter((e) => e.phase === 'apply').length };
  const errors = findings.filter((f) => f.level === 'error');
  const warnings = findings.filter((f) => f.level === 'warning');
  const judge = judgeSection(result);
  const { verdict: _verdict, ...fields } = result;
  return {
    tool: 'blue-green-switch',
    title: `Blue-green ${result.operation}`,
    verdict: result.verdict,
    headline: headline(result),
    counts,
    findings,
    context: context(result),
    sections: [
      ...(errors.length > 0
        ? [{ level: 'error' as const, title: 'Failed', items: errors.map((f) => escapeMarkdown(f.message)) }]
        : []),
      ...(warnings.length > 0
        ? [{ level: 'warning' as const, title: 'Warnings', items: warnings.map((f) => escapeMarkdown(f.message)) }]
        : []),
      ...(result.timeline.length > 0 ? [timelineSection(result)] : []),
      ...(judge ? [judge] : [])
    ],
    json: { findings: findings.map(findingJson), ...fields },
    outputs: {
      'live-color': result.live ?? '',
      'previous-color': result.previous ?? '',
      weights: JSON.stringify(result.weights),
      'rolled-back': String(result.rolledBack),
      'deployment-id': result.deploymentId === undefined ? '' : String(result.deploymentId)
    },
    text: () => renderText(result)
  };
}
