// `contract-test replay` as an ActionReport: which recorded failures still fail against the server, which pass
// now, which could not be replayed. No I/O.
import { codeSpan, escapeMarkdown } from '../../../shared/src/lib/markdown.js';
import { plural, type ActionReport, type Finding, type ReportSection } from '../../../shared/src/lib/report.js';
import { renderReplayJUnit, renderReplayText, type ReplayOutcome, type ReplayResult } from './live/index.js';

function operation(o: ReplayOutcome): string {
  return `${o.operation.method.toUpperCase()} ${o.operation.path}`;
}

export function replayReport(result: ReplayResult, file: string): ActionReport {
  const open = result.outcomes.filter((o) => o.status !== 'passing');
  const error = open.filter((o) => o.level === 'error').length;
  const { failing, passing, error: unreplayed } = result.counts;
  const summary = `${failing} still failing, ${passing} passing, ${unreplayed} not replayed`;
  const findings: Finding[] = open.map((o) => ({
    level: o.level,
    id: o.check,
    title: `replay ${o.check}`,
    message: `${operation(o)}: ${o.status === 'error' ? 'not replayed: ' : ''}${o.detail ?? o.recorded}`
  }));
  const row = (o: ReplayOutcome) => [
    codeSpan(operation(o)),
    codeSpan(o.check),
    escapeMarkdown(o.recorded),
    escapeMarkdown(o.detail ?? '')
  ];
  const headers = ['operation', 'check', 'recorded', 'now'];
  const sections: ReportSection[] = [];
  const still = result.outcomes.filter((o) => o.status === 'failing');
  const stopped = result.outcomes.filter((o) => o.status === 'error');
  const fixed = result.outcomes.filter((o) => o.status === 'passing');
  if (still.length > 0)
    sections.push({
      level: still.some((o) => o.level === 'error') ? 'error' : 'warning',
      title: 'Still failing',
      table: { headers, rows: still.map(row) }
    });
  if (stopped.length > 0)
    sections.push({ level: 'warning', title: 'Could not be replayed', table: { headers, rows: stopped.map(row) } });
  if (fixed.length > 0)
    sections.push({ level: 'info', title: 'Passing now', table: { headers, rows: fixed.map(row) } });
  return {
    tool: 'contract-test',
    title: 'Contract test replay',
    subject: file,
    verdict: result.verdict,
    headline: `Replay ${{ pass: 'passed', warn: 'passed with warnings', fail: 'failed' }[result.verdict]}: ${summary}`,
    counts: { error, warning: open.length - error, notice: 0, failing, passing, unreplayed },
    findings,
    context: [
      `${plural(result.outcomes.length, 'recorded failure')} of ${codeSpan(result.spec)} sent again to ${codeSpan(result.baseUrl)}.`
    ],
    sections,
    json: { mode: ['replay'], file, spec: result.spec, baseUrl: result.baseUrl, outcomes: result.outcomes },
    text: () => renderReplayText(result),
    junit: () => renderReplayJUnit(result)
  };
}
