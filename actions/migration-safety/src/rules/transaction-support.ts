// Shared readers for the transaction and timeout rules: which locks matter for lock_timeout advice, how a
// timeout setting evolves through a file, and how transaction statements are recognised.
import { as } from '../engine/ast.js';
import { blocksWrites, locksOf, type LockMode, type TableLock } from '../engine/locks.js';
import type { ParsedStatement } from '../engine/parse.js';
import type { RuleContext } from '../engine/rule.js';
import type { Node } from '@pgsql/types';

export function transactionKind(statement: ParsedStatement): string | undefined {
  return statement.kind === 'TransactionStmt' ? String(statement.body.kind) : undefined;
}

export function isBegin(statement: ParsedStatement): boolean {
  const kind = transactionKind(statement);
  return kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START';
}

/** COMMIT, END, ROLLBACK, ABORT: the statements that close an explicit transaction block. */
export function isTransactionEnd(statement: ParsedStatement): boolean {
  const kind = transactionKind(statement);
  return kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK';
}

/** `ACCESS EXCLUSIVE` for `AccessExclusive`, as the PostgreSQL documentation writes lock modes. */
export function lockModeName(mode: LockMode): string {
  return mode.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}

/** `public.users` is shown as `users`; other schemas stay qualified. */
export function tableLabel(key: string): string {
  return key.startsWith('public.') ? key.slice('public.'.length) : key;
}

/** 1-based line of a statement's first character. */
export function lineOf(ctx: Pick<RuleContext, 'source'>, statement: ParsedStatement): number {
  return ctx.source.span(statement.range).line;
}

/**
 * The locks of a statement that can stall the application while the statement waits for them: modes that
 * conflict with ordinary writes (SHARE and stronger) on a table that exists before this change set. Weaker
 * modes (SHARE UPDATE EXCLUSIVE of CONCURRENTLY, VALIDATE) queue only other DDL behind them.
 */
export function stallingLocks(ctx: RuleContext, statement: ParsedStatement): TableLock[] {
  return ctx.locksOf(statement).filter((lock) => blocksWrites(lock.mode) && !createdInChangeSet(ctx, lock.table));
}

/** The key may name a table or an index (DROP INDEX): an index counts as new when its table is new. */
export function createdInChangeSet(ctx: RuleContext, key: string): boolean {
  const table = ctx.catalog.table(key);
  if (table) return table.createdIn === ctx.changeSet;
  const index = ctx.catalog.indexes.get(key);
  if (index) return index.createdIn === ctx.changeSet || ctx.catalog.table(index.table)?.createdIn === ctx.changeSet;
  return false;
}

export type TimeoutSetting = 'lock_timeout' | 'statement_timeout';

/**
 * Whether the setting is in effect before each statement of the file, replaying SET / SET LOCAL / RESET the
 * way the driver does (a zero value disables the timeout; SET LOCAL ends with the transaction).
 */
export function timeoutInEffect(statements: readonly ParsedStatement[], setting: TimeoutSetting): boolean[] {
  const before: boolean[] = [];
  let on = false;
  let local = false;
  for (const statement of statements) {
    before.push(on);
    if (isTransactionEnd(statement) && local) {
      on = false;
      local = false;
    } else if (statement.kind === 'VariableSetStmt' && String(statement.body.name ?? '').toLowerCase() === setting) {
      const body = statement.body;
      on = body.kind === 'VAR_SET_VALUE' && !isZero(body.args);
      local = on && !!body.is_local;
    }
  }
  return before;
}

function isZero(args: readonly Node[] | undefined): boolean {
  const value = as(args?.[0], 'A_Const');
  if (!value) return false;
  if (value.ival !== undefined) return (value.ival.ival ?? 0) === 0;
  if (value.sval !== undefined) return /^\s*0\s*[a-z]*\s*$/i.test(value.sval.sval ?? '');
  return false;
}

/** Statement kinds squawk counts as "possibly slow" (DDL and maintenance): where it reports a missing timeout. */
const SQUAWK_SLOW =
  /^(Create|Alter|Drop|Rename|Comment|Index|Cluster|Reindex|Truncate|Lock|RefreshMatView|Define|CompositeType|Enum|View|Rule|Load|ImportForeignSchema)/;

export function squawkCountsAsSlow(statement: ParsedStatement): boolean {
  if (statement.kind === 'VacuumStmt') return !!statement.body.is_vacuumcmd;
  // squawk 2.66 skips a CREATE TABLE unless it references another table.
  if (statement.kind === 'CreateStmt') return locksOf(statement).length > 0;
  return SQUAWK_SLOW.test(statement.kind);
}
