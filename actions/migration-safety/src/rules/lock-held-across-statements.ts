import type { ParsedStatement } from '../engine/parse.js';
import { defineRule, type RuleContext } from '../engine/rule.js';
import { createdInChangeSet, lineOf, tableLabel } from './transaction-support.js';

export const lockHeldAcrossStatements = defineRule({
  id: 'lock-held-across-statements',
  severity: 'warning',
  message: 'This statement runs while an earlier statement of the transaction holds an ACCESS EXCLUSIVE lock',
  help: 'An ACCESS EXCLUSIVE lock (ALTER TABLE, DROP, RENAME, TRUNCATE...) is held until the transaction commits, so every statement after it in the same transaction adds its run time, and any lock wait, to the time the table can be neither read nor written. Commit right after the statement that takes the lock, move slow work (backfills, index builds, changes to other tables in use) to its own transaction or file, or order the file so the locking statement comes last. Schema statements that only touch objects created in the same change set, or tables the transaction already holds, are not flagged: they neither wait for a lock nor scan a table in use.',
  equivalents: { eugene: ['E4'] },
  check(ctx) {
    const { statement, transaction } = ctx;
    if (transaction.accessExclusive.size === 0) return;
    // COMMIT releases the lock; SET / SHOW are instant.
    if (['TransactionStmt', 'VariableSetStmt', 'VariableShowStmt'].includes(statement.kind)) return;
    if (onlyNewObjects(ctx))
      return ctx.report({
        exempt: 'schema change of objects created in this change set or already locked: no lock wait, no scan'
      });
    // The first few tables are enough to act on; a transaction locking thousands must not make each message huge.
    const count = transaction.accessExclusive.size;
    const held: string[] = [];
    for (const [table, taker] of transaction.accessExclusive) {
      if (held.length === 3) break;
      held.push(
        `${isIndexLock(taker) && !ctx.catalog.table(table) ? 'index' : 'table'} ${tableLabel(table)} (locked at line ${lineOf(ctx, taker)})`
      );
    }
    if (count > 3) held.push(`${count - 3} more`);
    const them = count === 1 ? 'it' : 'them';
    ctx.report({
      message: `Runs while ACCESS EXCLUSIVE is held on ${held.join(', ')}: reads and writes of ${them} wait until COMMIT`
    });
  }
});

/** DROP INDEX / ALTER INDEX lock the index and its table; the driver lists the table when the replay knows it. */
function isIndexLock(taker: ParsedStatement): boolean {
  return (
    (taker.kind === 'DropStmt' && taker.body.removeType === 'OBJECT_INDEX') ||
    (taker.kind === 'AlterTableStmt' && taker.body.objtype === 'OBJECT_INDEX') ||
    (taker.kind === 'RenameStmt' && taker.body.renameType === 'OBJECT_INDEX')
  );
}

/** Schema statements that change only objects of this change set, or tables the transaction already holds. */
const SCHEMA_ONLY = new Set<string>([
  'CreateStmt',
  'CreateEnumStmt',
  'CompositeTypeStmt',
  'CreateDomainStmt',
  'CreateSeqStmt',
  'CreateSchemaStmt',
  'CommentStmt',
  'IndexStmt',
  'AlterTableStmt',
  'RenameStmt',
  'DropStmt',
  'AlterEnumStmt',
  'CreateFunctionStmt'
]);

function onlyNewObjects(ctx: RuleContext): boolean {
  const { statement } = ctx;
  if (!SCHEMA_ONLY.has(statement.kind)) return false;
  const locks = ctx.locksOf(statement);
  // A lock on a table this transaction already holds ACCESS EXCLUSIVE cannot wait; the statements' own rewrites
  // and scans are reported by their own rules. A kind whose target locksOf does not report (a comment, a
  // sequence) is judged by the locks it does report; the table-changing kinds always report their table.
  // An index build reads the whole table, so it extends the hold even on a table already locked.
  const held: ReadonlyMap<string, unknown> =
    statement.kind === 'IndexStmt' ? new Map<string, never>() : ctx.transaction.accessExclusive;
  return locks.every((lock) => createdInChangeSet(ctx, lock.table) || held.has(lock.table));
}
