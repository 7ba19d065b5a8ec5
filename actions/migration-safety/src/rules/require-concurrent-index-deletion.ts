import { as, listName } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import { rangeVarOf, tableOfIndex } from './locking-shared.js';

export const requireConcurrentIndexDeletion = defineRule({
  id: 'require-concurrent-index-deletion',
  severity: 'warning',
  message: 'DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table',
  help: "A plain `DROP INDEX` locks the index's table ACCESS EXCLUSIVE. The drop itself is quick, but it first waits for every running query on the table, and every query that arrives meanwhile queues behind it: a long transaction elsewhere stalls all traffic to the table. `DROP INDEX CONCURRENTLY` (one index per statement, outside a transaction) waits without blocking others. Indexes of tables created in the same change set are not flagged.",
  equivalents: {
    squawk: ['require-concurrent-index-deletion'],
    atlas: ['PG102']
  },
  kinds: ['DropStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'DropStmt' || body.removeType !== 'OBJECT_INDEX' || body.concurrent) return;
    const tables = (body.objects ?? []).map((object) => tableOfIndex(ctx, listName(as(object, 'List')?.items)));
    if (tables.length > 0 && tables.every((key) => key && ctx.isNewTable(rangeVarOf(key))))
      return ctx.report({ exempt: NEW_TABLE });
    ctx.report();
  }
});
