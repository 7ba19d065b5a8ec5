import { as } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import type { ColumnDef } from '@pgsql/types';
import { alterTablePart } from './compatibility-helpers.js';

const SERIAL = /^(small|big)?serial[248]?$/;

/**
 * `missing`: a column every existing row must fill but nothing fills (NOT NULL or PRIMARY KEY with no default);
 * `serial`: the same written as a serial type, whose nextval() default fills it; undefined otherwise.
 */
function requiredWithoutValue(def: ColumnDef): 'missing' | 'serial' | undefined {
  const serial = SERIAL.test(as(def.typeName?.names?.at(-1), 'String')?.sval ?? '');
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
  if (!required || filled) return undefined;
  return serial ? 'serial' : 'missing';
}

export const addingRequiredField = defineRule({
  id: 'adding-required-field',
  severity: 'error',
  message:
    'Adding a NOT NULL column without a default fails on a table with rows and breaks inserts of the running release',
  help: 'PostgreSQL has no value to put in the existing rows, so `ADD COLUMN ... NOT NULL` without a `DEFAULT` fails as soon as the table has a row; and once it exists, every `INSERT` of the release still running (which does not know the column) fails. Add the column with a `DEFAULT` (on PostgreSQL 11+ a constant default does not rewrite the table), or add it nullable, backfill, and enforce NOT NULL with a `CHECK (...) NOT VALID` constraint validated afterwards.',
  equivalents: { squawk: ['adding-required-field'], atlas: ['MF103'] },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'AlterTableStmt' || (body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE') return;
    (body.cmds ?? []).forEach((node, index) => {
      const cmd = as(node, 'AlterTableCmd');
      const def = as(cmd?.def, 'ColumnDef');
      const required = cmd?.subtype === 'AT_AddColumn' && def ? requiredWithoutValue(def) : undefined;
      if (!def || !required) return;
      const range = alterTablePart(ctx, index);
      // squawk flags it: NOT NULL and no DEFAULT written.
      if (required === 'serial')
        return ctx.report({ range, exempt: 'a serial column is filled from its sequence (its default is nextval())' });
      if (ctx.isNewTable(body.relation)) return ctx.report({ range, exempt: NEW_TABLE });
      ctx.report({
        range,
        message: `Adding ${body.relation?.relname}.${def.colname} as NOT NULL without a default fails on a table with rows and breaks inserts of the running release`
      });
    });
  }
});
