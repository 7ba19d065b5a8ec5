import { quoteIdent, quoteQualified, relationName } from '../engine/ast.js';
import { setNotNullRecipe } from '../engine/recipes.js';
import { defineRule, NEW_TABLE, type RuleContext } from '../engine/rule.js';
import type { RangeVar } from '@pgsql/types';
import { alterTableOf } from './locking-shared.js';

export const addingNotNullableField = defineRule({
  id: 'adding-not-nullable-field',
  severity: 'error',
  cost: 'scan',
  message: 'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock',
  help: '`ALTER COLUMN ... SET NOT NULL` checks every row while holding ACCESS EXCLUSIVE: reads and writes wait for the scan. On PostgreSQL 12+ the scan is skipped when a validated `CHECK (col IS NOT NULL)` constraint already proves it: add the check `NOT VALID`, `VALIDATE` it in a separate transaction (that scan does not block reads or writes), then `SET NOT NULL` and drop the check. Before PostgreSQL 12, keep the validated check instead of SET NOT NULL.',
  equivalents: {
    squawk: ['adding-not-nullable-field'],
    eugene: ['E2'],
    atlas: ['PG303'],
    strongMigrations: ['change_column_null']
  },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { relation, cmds } = alterTableOf(ctx);
    for (const cmd of cmds) {
      if (cmd.subtype !== 'AT_SetNotNull') continue;
      const name = cmd.name ?? '';
      if (ctx.isNewTable(relation)) {
        ctx.report({ exempt: NEW_TABLE });
        continue;
      }
      const table = relationName(relation);
      if (ctx.pgVersion >= 12) {
        const check = validatedNotNullCheck(ctx, relation, name);
        if (check) {
          ctx.report({
            exempt: `validated CHECK constraint ${check} proves ${name} IS NOT NULL: no scan on PG 12+`
          });
          continue;
        }
      }
      const column = quoteIdent(name);
      const hint = ctx.pgVersion >= 12 ? ` (no validated CHECK (${column} IS NOT NULL) found)` : '';
      ctx.report({
        message: `SET NOT NULL on ${quoteQualified(table)}.${column} scans the table under ACCESS EXCLUSIVE${hint}`,
        recipe: setNotNullRecipe(table, name, ctx.pgVersion)
      });
    }
  }
});

/**
 * The name of a validated CHECK constraint that proves the column is not null (the catalogue records which
 * columns a check's `col IS NOT NULL` terms prove, whichever file added it).
 */
function validatedNotNullCheck(ctx: RuleContext, relation: RangeVar | undefined, column: string): string | undefined {
  const table = ctx.table(relation);
  if (!table) return undefined;
  return [...table.constraints.values()].find(
    (c) => c.kind === 'check' && c.validated && (c.provesNotNull ?? []).includes(column)
  )?.name;
}
