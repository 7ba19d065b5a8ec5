// A trace's results as the linter's findings, so annotations, SARIF and the verdict treat them like any other:
// disagreements with the static prediction, a lock held past max-lock-ms, a statement the server rejected,
// foreign keys left without an index, and (when the trace runs alone) the hazards it saw.
import type { Finding, Severity } from '../types.js';
import type { StatementTrace, TraceResult } from './types.js';

export const TRACE_DOCS = 'https://github.com/ubos/actions/blob/main/migration-safety/README.md#live-lock-trace';

export const TRACE_FINDINGS = {
  'trace-mismatch': 'The live trace disagrees with the static prediction',
  'max-lock-ms': 'A lock blocking writes on a table in use was held longer than max-lock-ms',
  'trace-failed': 'PostgreSQL rejected this statement when the trace ran it',
  'trace-hazard': 'The live trace saw a hazard on a table in use'
} as const;

const HELP: Record<keyof typeof TRACE_FINDINGS, string> = {
  'trace-mismatch':
    'The trace ran the statement on a real PostgreSQL and read `pg_locks` and `pg_class.relfilenode`: the locks or the rewrite it saw differ from what the linter predicted. Trust the trace; the prediction (or a rule) needs a fix.',
  'max-lock-ms':
    'The lock is held from the statement until its transaction ends; on a table in use every write (and for ACCESS EXCLUSIVE every read) waits that long. Split the transaction, or use the non-blocking form the lint suggests.',
  'trace-failed': 'The deploy would fail here too: the migration does not run on this server as written.',
  'trace-hazard': 'Seen on a real server: the lock or the work it did would block other sessions of a table in use.'
};

/** The trace's findings as rules, for SARIF's rule list (they are not in the lint's catalogue). */
export const TRACE_RULES: { id: string; message: string; help: string; docs: string; severity: Severity }[] = (
  Object.keys(TRACE_FINDINGS) as (keyof typeof TRACE_FINDINGS)[]
).map((id) => ({
  id,
  message: TRACE_FINDINGS[id],
  help: HELP[id],
  docs: TRACE_DOCS,
  severity: id === 'trace-failed' || id === 'max-lock-ms' ? 'error' : 'warning'
}));

export function traceFindings(trace: TraceResult, withHazards: boolean): Finding[] {
  const out: Finding[] = [];
  const add = (
    s: StatementTrace,
    rule: keyof typeof TRACE_FINDINGS,
    severity: Severity,
    message: string,
    eugene?: string
  ) =>
    out.push({
      file: s.file,
      line: s.line,
      column: s.column,
      endLine: s.endLine,
      endColumn: s.endColumn,
      rule,
      severity,
      message,
      help: HELP[rule],
      equivalents: eugene ? { eugene: [eugene] } : {},
      docs: TRACE_DOCS
    });
  for (const s of trace.statements) {
    if (s.error !== undefined) add(s, 'trace-failed', 'error', `PostgreSQL rejected this statement: ${s.error}`);
    for (const d of s.disagreements)
      add(
        s,
        'trace-mismatch',
        'warning',
        `${d.kind === 'static-wrong' ? 'Static prediction wrong' : 'Found only by the trace'}: ${d.message}`
      );
    for (const o of s.overBudget ?? [])
      add(
        s,
        'max-lock-ms',
        'error',
        `${o.mode} on ${o.relation} held ${o.heldMs} ms, over max-lock-ms (${trace.maxLockMs} ms)`
      );
    if (withHazards) for (const h of s.hazards) add(s, 'trace-hazard', 'warning', `Trace: ${h.message}`, h.eugene);
  }
  if (withHazards)
    for (const fk of trace.unindexedForeignKeys) {
      const s = trace.statements.find((t) => t.file === fk.file && t.line === fk.line);
      if (s)
        add(
          s,
          'trace-hazard',
          'warning',
          `Trace: foreign key ${fk.constraint} on ${fk.table} has no index on its columns`,
          'E15'
        );
    }
  return out;
}
