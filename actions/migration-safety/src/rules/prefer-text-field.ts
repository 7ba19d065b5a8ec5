import { quoteIdent, typeRef } from '../engine/ast.js';
import { defineRule } from '../engine/rule.js';
import { columnLabel, reportColumnTypes } from './compatibility-helpers.js';

export const preferTextField = defineRule({
  id: 'prefer-text-field',
  severity: 'warning',
  message: 'varchar(n) puts the length limit in the column type, where changing it needs ACCESS EXCLUSIVE',
  help: 'A limit written in the type (`varchar(n)`, `character varying(n)`) can only be changed with `ALTER COLUMN ... TYPE`, which takes ACCESS EXCLUSIVE: raising it is a catalogue change but still waits for, and then blocks, every query of the table; lowering it checks and rewrites every row. Use `text` (same storage, same speed) and put the limit in a `CHECK (char_length(col) <= n)` constraint: a new limit is then a constraint added `NOT VALID` and validated later, while reads and writes go on.',
  equivalents: { squawk: ['prefer-text-field'] },
  kinds: ['CreateStmt', 'AlterTableStmt'],
  check(ctx) {
    reportColumnTypes(
      ctx,
      (name, typeName) => name === 'varchar' && (typeName.typmods?.length ?? 0) > 0,
      (column, written) => {
        const { mods, array } = typeRef(column.typeName);
        const label = columnLabel(column.relation, column.column);
        const instead =
          array > 0
            ? `text${'[]'.repeat(array)}, with a CHECK constraint if the elements need a limit`
            : `text with CHECK (char_length(${quoteIdent(column.column ?? 'col')}) <= ${mods[0] ?? 'n'})`;
        return `${label} is ${written}: changing the limit later locks the table (ACCESS EXCLUSIVE); use ${instead}`;
      }
    );
  }
});
