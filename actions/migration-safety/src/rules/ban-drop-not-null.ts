import { as } from '../engine/ast.js';
import { defineRule } from '../engine/rule.js';
import { alterTablePart, newColumnExemption } from './compatibility-helpers.js';

export const banDropNotNull = defineRule({
  id: 'ban-drop-not-null',
  severity: 'warning',
  message: 'Dropping NOT NULL lets NULLs in that code reading the column may not expect',
  help: 'Once the column accepts NULL, the new release (or another writer) stores NULLs, and code that assumed a value (the release still running, a rollback, reports, other services) fails on them. Make sure every reader handles NULL before the constraint goes, then drop it. Columns added in the same change set are not flagged.',
  equivalents: { squawk: ['ban-drop-not-null'] },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'AlterTableStmt' || (body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE') return;
    (body.cmds ?? []).forEach((node, index) => {
      const cmd = as(node, 'AlterTableCmd');
      if (cmd?.subtype !== 'AT_DropNotNull') return;
      const range = alterTablePart(ctx, index);
      const exempt = newColumnExemption(ctx, body.relation, cmd.name);
      if (exempt) return ctx.report({ range, exempt });
      ctx.report({
        range,
        message: `Dropping NOT NULL on ${body.relation?.relname}.${cmd.name} lets NULLs in that code reading the column may not expect`
      });
    });
  }
});
