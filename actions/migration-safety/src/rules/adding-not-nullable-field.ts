import { as, findAll, names, quoteIdent, quoteQualified, relationName } from '../engine/ast.js';
import { setNotNullRecipe } from '../engine/recipes.js';
import { defineRule, NEW_TABLE, type RuleContext } from '../engine/rule.js';
import type { AstNode } from '../engine/types.js';
import { alterTableCmds } from './locking-shared.js';

export const addingNotNullableField = defineRule({
  id: 'adding-not-nullable-field',
  severity: 'error',
  message: 'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock',
  help: '`ALTER COLUMN ... SET NOT NULL` checks every row while holding ACCESS EXCLUSIVE: reads and writes wait for the scan. On PostgreSQL 12+ the scan is skipped when a validated `CHECK (col IS NOT NULL)` constraint already proves it: add the check `NOT VALID`, `VALIDATE` it in a separate transaction (that scan does not block reads or writes), then `SET NOT NULL` and drop the check. Before PostgreSQL 12, keep the validated check instead of SET NOT NULL.',
  equivalents: {
    squawk: ['adding-not-nullable-field'],
    eugene: ['E2'],
    atlas: ['PG303'],
    strongMigrations: ['change_column_null']
  },
  check(ctx) {
    const relation = ctx.statement.body.relation;
    for (const cmd of alterTableCmds(ctx)) {
      if (cmd.subtype !== 'AT_SetNotNull') continue;
      if (ctx.isNewTable(relation)) {
        ctx.report({ exempt: NEW_TABLE });
        continue;
      }
      const table = relationName(relation);
      if (ctx.pgVersion >= 12) {
        const check = validatedNotNullCheck(ctx, cmd.name);
        if (check) {
          ctx.report({
            exempt: `validated CHECK constraint ${check} proves ${cmd.name} IS NOT NULL: no scan on PG 12+`
          });
          continue;
        }
      }
      ctx.report({
        message: `SET NOT NULL on ${quoteQualified(table)}.${quoteIdent(cmd.name)} scans the table under ACCESS EXCLUSIVE${ctx.pgVersion >= 12 ? ' (no validated CHECK (' + quoteIdent(cmd.name) + ' IS NOT NULL) found)' : ''}`,
        recipe: setNotNullRecipe(table, cmd.name, ctx.pgVersion)
      });
    }
  }
});

/** `CHECK (col IS NOT NULL)`, alone or as one term of an AND. */
function provesNotNull(expr: AstNode, column: string): boolean {
  const terms = as(expr, 'BoolExpr')?.boolop === 'AND_EXPR' ? as(expr, 'BoolExpr').args : [expr];
  return terms.some((term: AstNode) => {
    const test = as(term, 'NullTest');
    if (test?.nulltesttype !== 'IS_NOT_NULL') return false;
    const fields = names(as(test.arg, 'ColumnRef')?.fields);
    return fields[fields.length - 1] === column;
  });
}

/**
 * The name of a validated CHECK constraint that proves the column is not null. The catalogue records that a
 * check constraint exists and whether it is validated, but not its expression, so the expression is read from
 * the statements of this file; a check added in an earlier file is recognised by the catalogue name the
 * recipe (and common practice) gives it: <table>_<column>_not_null / ..._nn.
 */
function validatedNotNullCheck(ctx: RuleContext, column: string): string | undefined {
  const table = ctx.table(ctx.statement.body.relation);
  if (!table) return undefined;
  const validated = [...table.constraints.values()].filter((c) => c.kind === 'check' && c.validated);
  if (validated.length === 0) return undefined;
  const proven = new Set<string>();
  for (const statement of ctx.statements.slice(0, ctx.statement.index)) {
    if (statement.kind !== 'AlterTableStmt' || relationName(statement.body.relation).key !== table.key) continue;
    for (const c of findAll(statement.body.cmds, 'Constraint')) {
      if (c.contype === 'CONSTR_CHECK' && c.conname && provesNotNull(c.raw_expr, column)) proven.add(c.conname);
    }
  }
  const byName = new RegExp(`(^|_)${escapeRegExp(column)}_(not_?null|nn)(_check)?$`, 'i');
  return validated.find((c) => proven.has(c.name) || byName.test(c.name))?.name;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
