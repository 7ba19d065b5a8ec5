import { relationName } from '../engine/ast.js';
import { renameColumnRecipe } from '../engine/recipes.js';
import { defineRule } from '../engine/rule.js';
import { newColumnExemption } from './compatibility-helpers.js';

export const renamingColumn = defineRule({
  id: 'renaming-column',
  severity: 'error',
  message: 'Renaming a column breaks the running release, which still uses the old name',
  help: 'The release still running during the deploy, and any rollback, query the column by its old name and fail once it is renamed. Add the new column and keep both in sync, move the application to the new name, then drop the old column in a later deploy (the recipe below). Columns added in the same change set are not flagged.',
  equivalents: { squawk: ['renaming-column'], atlas: ['BC102'], strongMigrations: ['rename_column'] },
  kinds: ['RenameStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'RenameStmt' || body.renameType !== 'OBJECT_COLUMN' || body.relationType !== 'OBJECT_TABLE') return;
    const exempt = newColumnExemption(ctx, body.relation, body.subname);
    if (exempt) return ctx.report({ exempt });
    const column = body.subname ?? '';
    const type = ctx.table(body.relation)?.columns.get(column)?.type.display;
    ctx.report({
      message: `Renaming ${body.relation?.relname}.${body.subname} to ${body.newname} breaks the running release, which still uses the old name`,
      recipe: renameColumnRecipe(relationName(body.relation), column, body.newname ?? '', type)
    });
  }
});
