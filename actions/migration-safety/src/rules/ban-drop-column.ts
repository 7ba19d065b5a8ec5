import { as, relationName } from '../engine/ast.js';
import { dropColumnRecipe } from '../engine/recipes.js';
import { defineRule } from '../engine/rule.js';
import { alterTablePart, newColumnExemption } from './compatibility-helpers.js';

export const banDropColumn = defineRule({
  id: 'ban-drop-column',
  severity: 'error',
  message: 'Dropping a column breaks the running release while it still reads or writes the column',
  help: 'During a deploy the previous release keeps running against the new schema: its queries that name the column fail, and ORMs that select every mapped column fail on every read of the table. Stop using the column in one deploy (and let inserts omit it), then drop it in a later one. Columns added in the same change set are not flagged: no running release knows them.',
  equivalents: { squawk: ['ban-drop-column'], atlas: ['DS103'], strongMigrations: ['remove_column'] },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'AlterTableStmt' || (body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE') return;
    (body.cmds ?? []).forEach((node, index) => {
      const cmd = as(node, 'AlterTableCmd');
      if (cmd?.subtype !== 'AT_DropColumn') return;
      const range = alterTablePart(ctx, index);
      const exempt = newColumnExemption(ctx, body.relation, cmd.name);
      if (exempt) return ctx.report({ range, exempt });
      ctx.report({
        range,
        message: `Dropping ${body.relation?.relname}.${cmd.name} breaks the running release while it still reads or writes the column`,
        recipe: dropColumnRecipe(relationName(body.relation), cmd.name ?? '')
      });
    });
  }
});
