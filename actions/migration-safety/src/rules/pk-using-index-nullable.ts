import { as, names, relationName } from '../engine/ast.js';
import { setNotNullRecipe } from '../engine/recipes.js';
import { defineRule, NEW_TABLE, type RuleContext } from '../engine/rule.js';
import type { AlterTableCmd, Constraint } from '@pgsql/types';
import { elementRange } from './ubos-support.js';

/**
 * Columns an earlier statement of this file proved NOT NULL with a CHECK (col IS NOT NULL) that the catalogue
 * now shows validated: from PostgreSQL 12 the implicit SET NOT NULL uses it and skips the scan. The catalogue
 * does not keep CHECK expressions, so a proof written in an earlier file is not seen (a missed exemption).
 */
function provenNotNull(ctx: RuleContext, tableKey: string): Set<string> {
  const proven = new Set<string>();
  if (ctx.pgVersion < 12) return proven;
  const table = ctx.catalog.table(tableKey);
  for (const earlier of ctx.statements.slice(0, ctx.statement.index)) {
    if (earlier.kind !== 'AlterTableStmt' || relationName(earlier.body.relation).key !== tableKey) continue;
    for (const node of earlier.body.cmds ?? []) {
      const c = as(as(node, 'AlterTableCmd')?.def, 'Constraint');
      const test = as(c?.raw_expr, 'NullTest');
      if (c?.contype !== 'CONSTR_CHECK' || test?.nulltesttype !== 'IS_NOT_NULL' || !c.conname) continue;
      const column = names(as(test.arg, 'ColumnRef')?.fields);
      if (column.length === 1 && table?.constraints.get(c.conname)?.validated) proven.add(column[0]);
    }
  }
  return proven;
}

export const pkUsingIndexNullable = defineRule({
  id: 'pk-using-index-nullable',
  severity: 'error',
  cost: 'scan',
  message: 'ADD PRIMARY KEY on nullable columns runs SET NOT NULL, a full-table scan under ACCESS EXCLUSIVE',
  help: 'A primary key requires NOT NULL columns. When a column of `ADD PRIMARY KEY` (also `ADD PRIMARY KEY USING INDEX`, the usual way to avoid building the index under lock) is still nullable, PostgreSQL silently runs `ALTER COLUMN ... SET NOT NULL`, which scans the whole table to check for NULLs while holding ACCESS EXCLUSIVE: no reads or writes for the duration. Make the columns NOT NULL first without the scan (a `CHECK (col IS NOT NULL) NOT VALID` constraint, `VALIDATE CONSTRAINT`, then on PostgreSQL 12+ `SET NOT NULL` uses the validated check), then add the key. `UNIQUE ... USING INDEX` needs no NOT NULL and is not flagged.',
  equivalents: { eugene: ['W14'], atlas: ['PG304'] },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'AlterTableStmt' || (body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE') return;
    const cmds = (body.cmds ?? []).map((n) => as(n, 'AlterTableCmd')).filter((c): c is AlterTableCmd => !!c);
    const primaries = cmds
      .map((cmd) => (cmd.subtype === 'AT_AddConstraint' ? as(cmd.def, 'Constraint') : undefined))
      .filter((c): c is Constraint => c?.contype === 'CONSTR_PRIMARY');
    if (primaries.length === 0) return;
    const table = ctx.table(body.relation);
    if (!table) return;
    if (ctx.isNewTable(body.relation)) return ctx.report({ exempt: NEW_TABLE });
    // A SET NOT NULL in the same statement is its own (reported) scan, not a hidden one.
    const setHere = new Set(cmds.filter((cmd) => cmd.subtype === 'AT_SetNotNull').map((cmd) => cmd.name));
    const proven = provenNotNull(ctx, table.key);
    for (const c of primaries) {
      const columns = c.indexname
        ? (ctx.catalog.indexes.get(`${table.schema}.${c.indexname}`)?.columns ?? [])
        : names(c.keys);
      const nullable = columns.filter((name) => {
        const column = table.columns.get(name);
        return column && !column.notNull && !setHere.has(name) && !proven.has(name);
      });
      if (nullable.length === 0) continue;
      const q = relationName(body.relation);
      const list = nullable.join(', ');
      ctx.report({
        message: `ADD PRIMARY KEY${c.indexname ? ` USING INDEX ${c.indexname}` : ''} on ${table.name}: ${nullable.length > 1 ? `columns ${list} are` : `column ${list} is`} nullable, so PostgreSQL runs SET NOT NULL and scans ${table.name} under ACCESS EXCLUSIVE`,
        range: cmds.length === 1 ? undefined : elementRange(ctx, c.location ?? ctx.statement.range.start),
        recipe: setNotNullRecipe(q, nullable[0], ctx.pgVersion)
      });
    }
  }
});
