import { as, quoteIdent, quoteQualified, relationName, typeRef } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import { expressionVolatility, isNullConstant } from '../engine/volatility.js';
import type { ColumnDef } from '@pgsql/types';
import { alterTableOf, columnConstraints } from './locking-shared.js';

const SERIAL = /^(small|big)?serial[248]?$/;

export const addingFieldWithDefault = defineRule({
  id: 'adding-field-with-default',
  severity: 'error',
  cost: 'rewrite',
  message: 'Adding this column rewrites the whole table under an ACCESS EXCLUSIVE lock',
  help: 'PostgreSQL 11+ stores a non-volatile default once in the catalogue, so `ADD COLUMN ... DEFAULT 0` or `DEFAULT now()` is instant. A volatile default (`gen_random_uuid()`, `clock_timestamp()`, `random()`, `nextval()`: SERIAL and IDENTITY columns too), a stored generated column, or any default before PostgreSQL 11 is computed for every row: the table and its indexes are rewritten while reads and writes wait. Add the column without the default (or with a constant one), `ALTER COLUMN ... SET DEFAULT` for new rows, and backfill old rows in batches.',
  equivalents: {
    squawk: ['adding-field-with-default'],
    eugene: ['E11'],
    atlas: ['PG302'],
    strongMigrations: ['add_column_default', 'add_column_generated_stored']
  },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { relation, cmds } = alterTableOf(ctx);
    for (const cmd of cmds) {
      if (cmd.subtype !== 'AT_AddColumn') continue;
      const def = as(cmd.def, 'ColumnDef');
      if (!def) continue;
      const reason = rewriteReason(def, ctx.pgVersion);
      if (!reason) continue;
      // Other linters flag some of these (squawk: any default it does not know to be safe).
      if (typeof reason !== 'string') {
        ctx.report({ exempt: reason.exempt, range: ctx.at(def.location) });
        continue;
      }
      if (ctx.isNewTable(relation)) {
        ctx.report({ exempt: NEW_TABLE });
        continue;
      }
      const table = quoteQualified(relationName(relation));
      ctx.report({
        message: `Adding ${table}.${quoteIdent(def.colname ?? '')} rewrites the table under ACCESS EXCLUSIVE: ${reason}`,
        range: ctx.at(def.location)
      });
    }
  }
});

/**
 * Why adding this column rewrites the table; when PostgreSQL only updates the catalogue although the column has a
 * default or is generated, why that is not a hazard (`exempt`); undefined for a plain column.
 */
function rewriteReason(def: ColumnDef, pgVersion: number): string | { exempt: string } | undefined {
  const type = typeRef(def.typeName);
  if (SERIAL.test(type.name) && !type.schema) return `${type.name} fills every row from a sequence (nextval)`;
  for (const c of columnConstraints(def)) {
    if (c.contype === 'CONSTR_IDENTITY') return 'an identity column fills every row from a sequence';
    if (c.contype === 'CONSTR_GENERATED') {
      if (c.generated_kind !== 'v') return 'a stored generated column is computed for every row';
      return { exempt: 'a virtual generated column is computed when read: nothing is written to the rows' };
    }
  }
  const defaultExpr = columnConstraints(def).find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
  if (defaultExpr === undefined || isNullConstant(defaultExpr)) return undefined;
  if (pgVersion < 11) return `before PostgreSQL 11 every default is written to every row`;
  const verdict = expressionVolatility(defaultExpr);
  if (verdict.volatility !== 'volatile')
    return {
      exempt: `non-volatile (${verdict.volatility}) default on PostgreSQL 11+: stored once in the catalogue, no rewrite`
    };
  if (verdict.volatileCalls.length > 0) return `the default calls volatile ${verdict.volatileCalls.join(', ')}()`;
  return `the default calls ${verdict.unknownCalls.join(', ')}, whose volatility is unknown here (treated as volatile; if it is STABLE or IMMUTABLE there is no rewrite)`;
}
