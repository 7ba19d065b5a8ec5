import { defineRule } from '../engine/rule.js';
import { columnLabel, reportColumnTypes } from './compatibility-helpers.js';

export const preferJsonb = defineRule({
  id: 'prefer-jsonb',
  severity: 'warning',
  message: 'json columns have no equality operator and cannot be indexed; use jsonb',
  help: '`json` keeps the text as written: it has no equality operator, so `SELECT DISTINCT`, `UNION` and `GROUP BY` on the table fail, it cannot be indexed with GIN, and every access reparses it. `jsonb` has none of these problems; keep `json` only when the exact text (key order, duplicates, whitespace) must survive.',
  equivalents: { eugene: ['E3'], strongMigrations: ['add_column_json'] },
  kinds: ['CreateStmt', 'AlterTableStmt'],
  check(ctx) {
    reportColumnTypes(
      ctx,
      (name) => name === 'json',
      (column, written) =>
        `${columnLabel(column.relation, column.column)} is ${written}, which has no equality operator and cannot be indexed; use jsonb`
    );
  }
});
