import { as } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import { alterTablePart } from './compatibility-helpers.js';

export const exclusionConstraint = defineRule({
  id: 'exclusion-constraint',
  severity: 'error',
  cost: 'index-build',
  message: 'Adding an EXCLUDE constraint builds its index and checks every row under ACCESS EXCLUSIVE',
  help: 'An exclusion constraint cannot be added `NOT VALID` nor built from an index made `CONCURRENTLY`: `ALTER TABLE ... ADD ... EXCLUDE` builds the index and checks all rows while holding ACCESS EXCLUSIVE, so every read and write of the table waits, for minutes on a large table. There is no online way: add it while the table is new or small, in a maintenance window, or enforce the rule in the application (or with a trigger) instead. Tables created in the same change set are not flagged.',
  equivalents: { eugene: ['E8'], strongMigrations: ['add_exclusion_constraint'] },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'AlterTableStmt' || (body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE') return;
    (body.cmds ?? []).forEach((node, index) => {
      const cmd = as(node, 'AlterTableCmd');
      if (cmd?.subtype !== 'AT_AddConstraint' || as(cmd.def, 'Constraint')?.contype !== 'CONSTR_EXCLUSION') return;
      const range = alterTablePart(ctx, index);
      if (ctx.isNewTable(body.relation)) return ctx.report({ range, exempt: NEW_TABLE });
      ctx.report({
        range,
        message: `Adding an EXCLUDE constraint to ${body.relation?.relname} builds its index and checks every row under ACCESS EXCLUSIVE`
      });
    });
  }
});
