// The common shape of require-lock-timeout and require-statement-timeout: report once per file, on the first
// statement that waits for a lock stalling a table in use while the setting is not in effect.
import type { RuleContext } from '../engine/rule.js';
import { stateKey } from '../engine/rule-state.js';
import {
  lockModeName,
  squawkCountsAsSlow,
  stallingLocks,
  tableLabel,
  timeoutInEffect,
  type TimeoutSetting
} from './transaction-support.js';

interface FileState {
  protectedBefore: Partial<Record<TimeoutSetting, boolean[]>>;
  /** Index of the statement squawk would report for each setting (-1: none). */
  squawkTarget: Partial<Record<TimeoutSetting, number>>;
  /** The first statement that needs the setting and runs without it: the one reported. */
  firstUnprotected: Partial<Record<TimeoutSetting, number>>;
  /** Per statement: it takes a stalling lock, judged with the catalogue as it was when the statement ran. */
  stalls: boolean[];
}

// Shared by both timeout rules: the stalls are judged once per file.
const TIMEOUTS = stateKey<FileState>('timeout settings of the file', () => ({
  protectedBefore: {},
  squawkTarget: {},
  firstUnprotected: {},
  stalls: []
}));

function fileState(ctx: RuleContext): FileState {
  const state = ctx.fileState(TIMEOUTS);
  // Statements whose check was skipped (ignore comments) are judged now: the order of reports must not
  // depend on which rules were suppressed where.
  for (let i = state.stalls.length; i <= ctx.statement.index; i++)
    state.stalls.push(stallingLocks(ctx, ctx.statements[i]).length > 0);
  return state;
}

export function checkTimeout(ctx: RuleContext, setting: TimeoutSetting, explain: string): void {
  const { statement, statements } = ctx;
  const state = fileState(ctx);
  const protectedBefore = (state.protectedBefore[setting] ??= timeoutInEffect(statements, setting));
  if (protectedBefore[statement.index]) return;
  if (!state.stalls[statement.index]) {
    // squawk reports on the first DDL statement of the file; record why this one is fine.
    const target = (state.squawkTarget[setting] ??= statements.findIndex(
      (s, i) => squawkCountsAsSlow(s) && !protectedBefore[i]
    ));
    if (target === statement.index)
      ctx.report({ exempt: 'takes no lock that blocks reads or writes of a table in use' });
    return;
  }
  const first = (state.firstUnprotected[setting] ??= state.stalls.findIndex(
    (stalls, i) => stalls && !protectedBefore[i]
  ));
  if (first !== statement.index) return;
  const lock = stallingLocks(ctx, statement)[0];
  const mode = lockModeName(lock.mode);
  ctx.report({
    message: `No ${setting} is set before this statement takes ${/^[AEIOU]/.test(mode) ? 'an' : 'a'} ${mode} lock on ${tableLabel(lock.table)}: ${explain}`
  });
}
