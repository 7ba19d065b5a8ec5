// JUnit of a live run: one suite for the changed operations (when a diff named them), one for the rest; one test
// case per operation and check that judged it, failed when the check failed there. The step's JUnit document
// (render.ts) holds these suites for every spec, beside lint and diff.
import { buildJUnit, type JUnitCase, type JUnitSuite } from '../../../../../shared/src/lib/junit.js';
import type { ReplayResult } from '../replay.js';
import type { LiveResult } from '../types.js';
import { exchangeText } from './http-text.js';

/** The suites of one live run, named with `prefix`: one for the changed operations (when any), one for the rest. */
export function liveJUnitSuites(result: LiveResult, prefix: string): JUnitSuite[] {
  const changed: JUnitCase[] = [];
  const rest: JUnitCase[] = [];
  const changedOps = new Set((result.changed?.operations ?? []).map((o) => `${o.method} ${o.path}`));
  for (const op of result.coverage.perOperation) {
    const key = `${op.method} ${op.path}`;
    const target = changedOps.has(key) ? changed : rest;
    const failures = result.failures.filter((f) => `${f.operation.method} ${f.operation.path}` === key);
    const judged = new Set([...op.checks, ...failures.map((f) => f.id)]);
    const location = failures[0]?.location;
    if (judged.size === 0) {
      target.push({
        name: 'not tested',
        className: key,
        timeMs: 0,
        status: 'skipped',
        message: op.requests === 0 ? 'no request reached this operation' : 'no check judged it'
      });
      continue;
    }
    for (const id of [...judged].sort()) {
      const failed = failures.filter((f) => f.id === id);
      if (failed.length === 0) {
        target.push({ name: id, className: key, timeMs: 0, status: 'passed' });
        continue;
      }
      const errors = failed.filter((f) => f.level === 'error');
      const shown = errors.length > 0 ? errors : failed;
      target.push({
        name: id,
        className: key,
        timeMs: shown[0].exchange.response?.timeMs ?? 0,
        // Warnings are reported, not failed: JUnit has no level between pass and fail.
        status: errors.length > 0 ? 'failed' : 'passed',
        message: shown.map((f) => f.message).join('; '),
        details:
          errors.length > 0
            ? shown
                .map(
                  (f) =>
                    `${f.message} (${f.case})\n\n${(f.sequence ?? [f.exchange]).map(exchangeText).join('\n\n---\n\n')}`
                )
                .join('\n\n====\n\n')
            : undefined,
        file: location?.file,
        line: location?.line
      });
    }
  }
  const out: JUnitSuite[] = [];
  if (changed.length > 0) out.push({ name: `${prefix}changed operations`, cases: changed });
  out.push({ name: `${prefix}operations`, cases: rest });
  return out;
}

export function renderReplayJUnit(result: ReplayResult): string {
  const cases: JUnitCase[] = result.outcomes.map((o) => ({
    name: o.check,
    className: `${o.operation.method} ${o.operation.path}`,
    timeMs: o.exchange?.response?.timeMs ?? 0,
    status:
      o.status === 'passing' ? 'passed' : o.status === 'error' ? 'error' : o.level === 'error' ? 'failed' : 'passed',
    message: o.detail ?? o.recorded,
    details: o.exchange ? exchangeText(o.exchange) : undefined
  }));
  return buildJUnit({ name: 'contract-test replay', suites: [{ name: 'contract-test replay', cases }] });
}
