// The cross-check: for every traced statement, what the static analysis predicted (engine/locks.ts and the
// rules that predict rewrites) against what the server did, on the tables that existed before the change set
// (a table the change set creates is not used by anyone yet, and the rules exempt it). A disagreement is either
// a wrong prediction or something the trace found that no rule knew.
import type { LintResult } from '../lint.js';
import { LOCK_MODES, locksOf, type LockMode } from '../locks.js';
import type { ParsedStatement } from '../parse.js';
import type { Exemption, Finding, Span } from '../types.js';
import type { Disagreement, StatementTrace, StaticPrediction } from './types.js';

/** Weaker modes (reads, DML) are taken by nearly every statement and modelled by no rule: not compared. */
const COMPARED_FROM: LockMode = 'ShareUpdateExclusive';

/** Rules whose finding on a statement says it rewrites its table. */
export const REWRITE_RULES = ['changing-column-type', 'adding-field-with-default', 'prefer-repack'];

export interface PredictionContext {
  file: string;
  span: Span;
  /** The table an index belongs to, as the server knew it before the statement. */
  indexOwner: (indexKey: string) => string | undefined;
  /** For a DO block, the statements its body runs: the block's prediction is theirs. */
  runs: readonly ParsedStatement[];
}

/** What the static analysis says a statement does; a test injects a wrong one to see the cross-check catch it. */
export interface Predictor {
  predict(statement: ParsedStatement, context: PredictionContext): StaticPrediction;
}

const rank = (mode: LockMode) => LOCK_MODES.indexOf(mode);
const stronger = (a: LockMode | undefined, b: LockMode) => (a === undefined || rank(b) > rank(a) ? b : a);

function within(at: { file: string; line: number; column: number }, file: string, span: Span): boolean {
  if (at.file !== file) return false;
  const after = at.line > span.line || (at.line === span.line && at.column >= span.column);
  const before = at.line < span.endLine || (at.line === span.endLine && at.column <= span.endColumn);
  return after && before;
}

/** The linter's own view: locksOf for locks, the rewrite rules' findings and exemptions for rewrites. */
export function staticPredictor(lint: Pick<LintResult, 'findings' | 'exempted'>): Predictor {
  return {
    predict(statement, { file, span, indexOwner, runs }) {
      const strongest = new Map<string, LockMode>();
      for (const each of [statement, ...runs])
        for (const lock of locksOf(each, indexOwner))
          strongest.set(lock.table, stronger(strongest.get(lock.table), lock.mode));
      const locks = [...strongest].map(([table, mode]) => ({ table, mode }));
      const target = locks.find((l) => l.mode === 'AccessExclusive')?.table ?? locks[0]?.table;
      const here = (f: Finding | Exemption) => REWRITE_RULES.includes(f.rule) && within(f, file, span);
      const rewriteFindings = lint.findings.filter(here);
      const rewrites: StaticPrediction['rewrites'] = [];
      if (target && rewriteFindings.length > 0)
        rewrites.push({
          table: target,
          certainty: rewriteFindings.every((f) => f.severity === 'warning') ? 'maybe' : 'yes'
        });
      // An exemption naming its reason as "no rewrite" is a prediction too; "table created in this change set" is not.
      const noRewrite =
        target && rewrites.length === 0 && lint.exempted.some((e) => here(e) && /no rewrite|catalogue/i.test(e.reason))
          ? [target]
          : [];
      return { locks, rewrites, noRewrite };
    }
  };
}

/** Every disagreement between a prediction and a trace of the same statement. */
export function crossCheck(
  trace: StatementTrace,
  prediction: StaticPrediction,
  preExisting: ReadonlySet<string>
): Disagreement[] {
  if (trace.error !== undefined) return [];
  const out: Disagreement[] = [];
  const observedNew = new Map<string, LockMode>();
  const observedHeld = new Map<string, LockMode>();
  for (const lock of trace.locks) {
    if (lock.kind !== 'table' || !lock.preExisting) continue;
    const into = lock.new ? observedNew : observedHeld;
    into.set(lock.relation, stronger(into.get(lock.relation), lock.mode));
  }
  const predicted = new Map(prediction.locks.map((l) => [l.table, l.mode]));
  for (const [table, mode] of predicted) {
    if (!preExisting.has(table) || rank(mode) < rank(COMPARED_FROM)) continue;
    const seen = observedNew.get(table);
    const held = observedHeld.get(table);
    if (seen === mode) continue;
    // A mode the transaction already holds is not taken again: pg_locks cannot show it. What it does take anew
    // beside it (a rewrite's SHARE on the table while its indexes are rebuilt) is weaker, and not a disagreement.
    if (held !== undefined && rank(held) >= rank(mode) && (seen === undefined || rank(seen) <= rank(mode))) continue;
    out.push({
      kind: 'static-wrong',
      message: `predicted ${mode} on ${table}; the server took ${seen ?? 'no new lock'}${held ? ` (already held: ${held})` : ''}`
    });
  }
  for (const [table, mode] of observedNew) {
    if (predicted.has(table) || rank(mode) < rank(COMPARED_FROM)) continue;
    out.push({ kind: 'trace-only', message: `the server took ${mode} on ${table}; no lock was predicted for it` });
  }

  const tableRewrites = new Set(
    trace.rewrites.filter((r) => r.kind === 'table' && r.preExisting).map((r) => r.relation)
  );
  for (const r of prediction.rewrites) {
    if (r.certainty === 'yes' && preExisting.has(r.table) && !tableRewrites.has(r.table))
      out.push({
        kind: 'static-wrong',
        message: `a rule predicted a rewrite of ${r.table}; its relfilenode did not change`
      });
  }
  for (const table of tableRewrites) {
    if (prediction.rewrites.some((r) => r.table === table)) continue;
    out.push(
      prediction.noRewrite.includes(table)
        ? { kind: 'static-wrong', message: `a rule said ${table} is not rewritten; its relfilenode changed` }
        : { kind: 'trace-only', message: `${table} was rewritten (new relfilenode); no rule predicted it` }
    );
  }
  return out;
}
