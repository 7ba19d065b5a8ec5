import { as, names, quoteIdent, quoteQualified, relationName, type TypeRef, typeRef } from '../engine/ast.js';
import { changeTypeRecipe } from '../engine/recipes.js';
import { defineRule, NEW_TABLE, type RuleContext } from '../engine/rule.js';
import { canonicalType, typeChangeEffect } from '../engine/type-casts.js';
import type { ColumnDef, Node, RangeVar } from '@pgsql/types';
import { alterTableOf } from './locking-shared.js';

export const changingColumnType = defineRule({
  id: 'changing-column-type',
  severity: 'error',
  cost: 'rewrite',
  message: 'Changing the column type rewrites the table and its indexes under an ACCESS EXCLUSIVE lock',
  help: 'Unless the old values are already valid as the new type (varchar(n) to varchar(m > n) or text, numeric(p,s) to numeric(p2 >= p, s), cidr to inet, a growing timestamp precision), `ALTER COLUMN ... TYPE` converts every row and rebuilds every index of the table while reads and writes wait. Do it in steps instead: add a column of the new type, keep it in sync with a trigger, backfill in batches, switch the application, then drop the old column (the recipe below has the SQL).',
  equivalents: {
    squawk: ['changing-column-type'],
    eugene: ['E5'],
    atlas: ['PG301'],
    strongMigrations: ['change_column']
  },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { relation, cmds } = alterTableOf(ctx);
    for (const cmd of cmds) {
      if (cmd.subtype !== 'AT_AlterColumnType') continue;
      const def = as(cmd.def, 'ColumnDef');
      if (!def?.typeName) continue;
      const name = cmd.name ?? '';
      const verdict = judge(ctx, relation, name, def);
      // squawk flags every type change: say why this one is not a hazard.
      if (typeof verdict !== 'string') {
        ctx.report({ exempt: verdict.exempt, range: ctx.at(def.location) });
        continue;
      }
      if (ctx.isNewTable(relation)) {
        ctx.report({ exempt: NEW_TABLE });
        continue;
      }
      const table = relationName(relation);
      const to = displayType(typeRef(def.typeName));
      ctx.report({
        message: `${quoteQualified(table)}.${quoteIdent(name)} to ${to}: ${verdict}`,
        // Only a hazard when the session TimeZone is not UTC, which the file cannot show: a warning.
        ...(verdict.includes('unless the session TimeZone is UTC') ? { severity: 'warning' as const } : {}),
        recipe: changeTypeRecipe(table, name, to),
        range: ctx.at(def.location)
      });
    }
  }
});

/**
 * What is wrong with this type change, or, for a change PostgreSQL makes in the catalogue only, why it is not a
 * hazard (`exempt`).
 */
function judge(
  ctx: RuleContext,
  relation: RangeVar | undefined,
  column: string,
  def: ColumnDef
): string | { exempt: string } {
  const to = typeRef(def.typeName);
  const using = def.raw_default;
  if (using !== undefined && !isPlainColumn(using, column, to)) {
    return 'the USING expression is computed for every row: the table is rewritten under ACCESS EXCLUSIVE';
  }
  const old = ctx.table(relation)?.columns.get(column);
  if (!old) return 'the old type is unknown here, so this may rewrite the table under ACCESS EXCLUSIVE';
  const effect = typeChangeEffect(old.type, to, ctx.pgVersion);
  switch (effect.effect) {
    case 'rewrite':
      return `from ${old.type.display} rewrites the table and its indexes under ACCESS EXCLUSIVE (${effect.reason})`;
    case 'utc-only':
      if (timeZoneIsUtc(ctx))
        return {
          exempt: `timestamp to timestamptz with the session TimeZone set to UTC: no rewrite on PostgreSQL 12+`
        };
      return `from ${old.type.display} rewrites the table unless the session TimeZone is UTC (SET LOCAL TimeZone = 'UTC' first)`;
    case 'none':
      if (def.collClause && hasIndexOn(ctx, relation, column))
        return 'the new collation rebuilds the indexes on the column under ACCESS EXCLUSIVE';
      return { exempt: `no rewrite, only a brief catalogue change: ${effect.reason}` };
  }
}

/** `USING col` or `USING col::<target type>`: the conversion is the ordinary cast the type table judges. */
function isPlainColumn(expr: Node | undefined, column: string, target: TypeRef): boolean {
  const cast = as(expr, 'TypeCast');
  if (cast) {
    const castTo = canonicalType(typeRef(cast.typeName));
    const to = canonicalType(target);
    return castTo.name === to.name && castTo.array === to.array && isPlainColumn(cast.arg, column, target);
  }
  const fields = names(as(expr, 'ColumnRef')?.fields);
  return fields.length > 0 && fields[fields.length - 1] === column;
}

/** An earlier `SET [LOCAL] TimeZone` in the file set a zero-offset zone. */
function timeZoneIsUtc(ctx: RuleContext): boolean {
  let utc = false;
  for (const statement of ctx.statements.slice(0, ctx.statement.index)) {
    if (statement.kind !== 'VariableSetStmt' || String(statement.body.name).toLowerCase() !== 'timezone') continue;
    const value = as(statement.body.args?.[0], 'A_Const');
    utc =
      /^(etc\/)?(utc|gmt|uct|universal|zulu|greenwich)$/i.test(value?.sval?.sval ?? '') ||
      (value?.ival !== undefined && !value.ival.ival);
  }
  return utc;
}

function hasIndexOn(ctx: RuleContext, relation: RangeVar | undefined, column: string): boolean {
  const table = ctx.table(relation);
  if (!table) return false;
  if (ctx.catalog.indexesOf(table.key).some((index) => index.columns.includes(column))) return true;
  return [...table.constraints.values()].some(
    (c) => (c.kind === 'primary' || c.kind === 'unique') && c.columns.includes(column)
  );
}

/** The type as SQL: interval's typmod list starts with a field mask that is not written for "all fields". */
function displayType(type: TypeRef): string {
  const canonical = canonicalType(type);
  if (canonical.name !== 'interval' || canonical.mods.length === type.mods.length) return type.display;
  return `interval${canonical.mods.length ? `(${canonical.mods.join(',')})` : ''}${'[]'.repeat(type.array)}`;
}
