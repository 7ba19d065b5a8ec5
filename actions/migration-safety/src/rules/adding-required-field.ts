import { as } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import type { ColumnDef } from '@pgsql/types';
import { alterTablePart } from './compatibility-helpers.js';

const SERIAL = /^(small|big)?serial[248]?$/;

/** A column every existing row must fill but nothing fills: NOT NULL (or PRIMARY KEY) with no default. */
function requiredWithoutValue(def: ColumnDef): boolean {
  if (SERIAL.test(as(def.typeName?.names?.at(-1), 'String')?.sval ?? '')) return false;
  let required = false;
  let filled = false;
  for (const node of def.constraints ?? []) {
    const c = as(node, 'Constraint');
    switch (c?.contype) {
      case 'CONSTR_NOTNULL':
      case 'CONSTR_PRIMARY':
        required = true;
        break;
      case 'CONSTR_DEFAULT':
        // DEFAULT NULL fills nothing: the ADD COLUMN fails on the first row just the same.
        if (!as(c.raw_expr, 'A_Const')?.isnull) filled = true;
        break;
      case 'CONSTR_IDENTITY':
      case 'CONSTR_GENERATED':
        filled = true;
        break;
      default:
        break;
    }
  }
  return required && !filled;
}

export const addingRequiredField = defineRule({
  id: 'adding-required-field',
  severity: 'error',
  message:
    'Adding a NOT NULL column without a default fails on a table with rows and breaks inserts of the running release',
  help: 'PostgreSQL has no value to put in the existing rows, so `ADD COLUMN ... NOT NULL` without a `DEFAULT` fails as soon as the table has a row; and once it exists, every `INSERT` of the release still running (which does not know the column) fails. Add the column with a `DEFAULT` (on PostgreSQL 11+ a constant default does not rewrite the table), or add it nullable, backfill, and enforce NOT NULL with a `CHECK (...) NOT VALID` constraint validated afterwards.',
  equivalents: { squawk: ['adding-required-field'], atlas: ['MF103'] },
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'AlterTableStmt' || (body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE') return;
    (body.cmds ?? []).forEach((node, index) => {
      const cmd = as(node, 'AlterTableCmd');
      const def = as(cmd?.def, 'ColumnDef');
      if (cmd?.subtype !== 'AT_AddColumn' || !def || !requiredWithoutValue(def)) return;
      const range = alterTablePart(ctx, index);
      if (ctx.isNewTable(body.relation)) return ctx.report({ range, exempt: NEW_TABLE });
      ctx.report({
        range,
        message: `Adding ${body.relation?.relname}.${def.colname} as NOT NULL without a default fails on a table with rows and breaks inserts of the running release`
      });
    });
  }
});
