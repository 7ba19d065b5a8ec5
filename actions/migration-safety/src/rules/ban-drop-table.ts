import { as, listName } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';

export const banDropTable = defineRule({
  id: 'ban-drop-table',
  severity: 'error',
  message: 'Dropping a table breaks the running release while it still uses the table, and loses its data',
  help: 'The release still running during the deploy (and any rollback to it) fails on every query of a dropped table, and the data cannot be recovered without a backup restore. Remove every use of the table in one deploy, then drop it in a later one; consider renaming it first and dropping it once nothing complained. Tables created in the same change set are not flagged.',
  equivalents: { squawk: ['ban-drop-table'], atlas: ['DS102'] },
  kinds: ['DropStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'DropStmt' || body.removeType !== 'OBJECT_TABLE') return;
    const dropped = (body.objects ?? []).map((o) => listName(as(o, 'List')?.items));
    const existing = dropped.filter((q) => ctx.catalog.table(q.key)?.createdIn !== ctx.changeSet);
    if (existing.length === 0) return ctx.report({ exempt: NEW_TABLE });
    ctx.report({
      message: `Dropping ${existing.map((q) => q.name).join(', ')} breaks the running release while it still uses the table, and loses its data`
    });
  }
});
