// Plain-text report for a terminal: verdict, failures by operation, coverage in one line each.
import { percent } from '../coverage.js';
import type { ReplayResult } from '../replay.js';
import type { LiveFailure, LiveResult } from '../types.js';

function where(failure: LiveFailure): string {
  return failure.location ? ` (${failure.location.file}:${failure.location.line})` : '';
}

function section(result: LiveResult, title: string): string[] {
  const lines: string[] = [];
  const errors = result.failures.filter((f) => f.level === 'error').length;
  const warnings = result.failures.length - errors;
  lines.push(
    `${title}: ${result.verdict.toUpperCase()}  ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; ` +
      `${result.requests} requests to ${result.baseUrl} in ${(result.durationMs / 1000).toFixed(1)}s (seed ${result.seed}${result.budgetExhausted ? ', budget exhausted' : ''})`
  );
  if (result.changed) {
    lines.push(
      `changed operations tested first: ${result.changed.operations.length}, with ${result.changed.failures} failure(s)`
    );
    for (const ref of result.changed.notInSpec)
      lines.push(`  not in this spec: ${ref.method.toUpperCase()} ${ref.path}`);
  }
  let current = '';
  for (const failure of result.failures) {
    const op = `${failure.operation.method} ${failure.operation.path}`;
    if (op !== current) {
      current = op;
      lines.push('', `${op}${where(failure)}${failure.changed ? '  [changed]' : ''}`);
    }
    const times = failure.occurrences > 1 ? ` (x${failure.occurrences})` : '';
    lines.push(`  ${failure.level === 'error' ? 'error  ' : 'warning'} ${failure.id}: ${failure.message}${times}`);
    lines.push(
      `          ${failure.case}: ${failure.exchange.request.method} ${failure.exchange.request.url} -> ${failure.exchange.response?.status ?? failure.exchange.error ?? '?'}`
    );
  }
  const c = result.coverage;
  lines.push(
    '',
    `coverage: operations ${c.operations.covered}/${c.operations.total} (${percent(c.operations)}), ` +
      `status codes ${c.statuses.covered}/${c.statuses.total} (${percent(c.statuses)}), ` +
      `parameters ${c.parameters.covered}/${c.parameters.total} (${percent(c.parameters)})`
  );
  for (const u of c.undocumented) {
    lines.push(
      `  undocumented: ${u.method} ${u.path} answered ${u.status}${u.reason === 'method' ? ' (method not in the spec)' : ''} x${u.count}`
    );
  }
  for (const note of result.notes) lines.push(`note: ${note}`);
  return lines;
}

export function renderLiveText(result: LiveResult): string {
  const lines = section(result, `contract-test live (${result.engine})`);
  if (result.base) lines.push('', ...section(result.base, `base spec ${result.base.spec.file}`));
  return lines.join('\n') + '\n';
}

export function renderReplayText(result: ReplayResult): string {
  const lines = [
    `contract-test replay: ${result.verdict.toUpperCase()}  ${result.counts.failing} still failing, ${result.counts.passing} passing, ${result.counts.error} could not be replayed (${result.baseUrl})`
  ];
  for (const o of result.outcomes) {
    lines.push(
      `  ${o.status.padEnd(7)} ${o.check} ${o.operation.method} ${o.operation.path}: ${o.detail ?? o.recorded}`
    );
  }
  return lines.join('\n') + '\n';
}
