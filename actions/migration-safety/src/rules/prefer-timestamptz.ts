import { defineRule } from '../engine/rule.js';
import { columnLabel, reportColumnTypes } from './compatibility-helpers.js';

export const preferTimestamptz = defineRule({
  id: 'prefer-timestamptz',
  severity: 'warning',
  message: 'timestamp without time zone drops the offset; use timestamptz',
  help: '`timestamp` (without time zone) stores whatever wall-clock time it is given and forgets the offset: values written by clients or servers in different time zones, or across a daylight-saving change, cannot be compared. `timestamptz` stores an absolute instant and costs the same 8 bytes.',
  equivalents: { squawk: ['prefer-timestamptz', 'prefer-timestamp-tz'] },
  kinds: ['CreateStmt', 'AlterTableStmt'],
  check(ctx) {
    reportColumnTypes(
      ctx,
      (name) => name === 'timestamp',
      (column, written) =>
        `${columnLabel(column.relation, column.column)} is ${written}, which drops the time zone offset; use timestamptz`
    );
  }
});
