import { defineRule } from '../engine/rule.js';
import { columnLabel, reportColumnTypes } from './compatibility-helpers.js';

const INT4 = new Set(['int4', 'serial', 'serial4']);

export const preferBigintOverInt = defineRule({
  id: 'prefer-bigint-over-int',
  severity: 'warning',
  message: 'A 32-bit integer column runs out at 2,147,483,647; use bigint',
  help: 'Ids, counters and sums in `integer` (`int`, `int4`, `serial`) overflow at about 2.1 billion, and widening the column later rewrites the whole table under an ACCESS EXCLUSIVE lock. `bigint` costs 4 more bytes per value and removes the limit; choose it up front.',
  equivalents: { squawk: ['prefer-bigint-over-int'] },
  kinds: ['CreateStmt', 'AlterTableStmt'],
  check(ctx) {
    reportColumnTypes(
      ctx,
      (name) => INT4.has(name),
      (column, written) =>
        `${columnLabel(column.relation, column.column)} is ${written}, a 32-bit integer that runs out at 2,147,483,647; use bigint`
    );
  }
});
