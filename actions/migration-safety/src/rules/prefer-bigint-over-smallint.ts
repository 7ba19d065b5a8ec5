import { defineRule } from '../engine/rule.js';
import { columnLabel, reportColumnTypes } from './compatibility-helpers.js';

const INT2 = new Set(['int2', 'smallserial', 'serial2']);

export const preferBigintOverSmallint = defineRule({
  id: 'prefer-bigint-over-smallint',
  severity: 'warning',
  message: 'A 16-bit integer column runs out at 32,767; use bigint',
  help: '`smallint` (`int2`, `smallserial`) overflows at 32,767, and widening the column later rewrites the whole table under an ACCESS EXCLUSIVE lock. Alignment padding often makes the saving nil anyway; use `bigint` (or `integer` when the range is truly bounded).',
  equivalents: { squawk: ['prefer-bigint-over-smallint'] },
  kinds: ['CreateStmt', 'AlterTableStmt'],
  check(ctx) {
    reportColumnTypes(
      ctx,
      (name) => INT2.has(name),
      (column, written) =>
        `${columnLabel(column.relation, column.column)} is ${written}, a 16-bit integer that runs out at 32,767; use bigint`
    );
  }
});
