import { relationName } from '../engine/ast.js';
import { renameTableRecipe } from '../engine/recipes.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';

export const renamingTable = defineRule({
  id: 'renaming-table',
  severity: 'error',
  message: 'Renaming a table breaks the running release, which still uses the old name',
  help: 'The release still running during the deploy, and any rollback, query the table by its old name and fail once it is renamed. Rename it and leave an updatable view under the old name in the same transaction, move the application to the new name, then drop the view (the recipe below). Tables created in the same change set are not flagged.',
  equivalents: { squawk: ['renaming-table'], atlas: ['BC101'], strongMigrations: ['rename_table'] },
  kinds: ['RenameStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'RenameStmt' || body.renameType !== 'OBJECT_TABLE') return;
    if (ctx.isNewTable(body.relation)) return ctx.report({ exempt: NEW_TABLE });
    ctx.report({
      message: `Renaming table ${body.relation?.relname} to ${body.newname} breaks the running release, which still uses the old name`,
      recipe: renameTableRecipe(relationName(body.relation), body.newname ?? '')
    });
  }
});
