import { defineRule } from '../engine/rule.js';
import { baseTypeName, columnLabel, columnTypes, reportColumnTypes, typeRange } from './compatibility-helpers.js';

export const banCharField = defineRule({
  id: 'ban-char-field',
  severity: 'warning',
  message: 'char(n) pads values with spaces; use text or varchar',
  help: '`char(n)` (`character`, `bpchar`) pads every value with spaces to n characters, compares ignoring the padding and is no faster than `text`: values read back with trailing spaces surprise applications, and a longer value fails. Use `text`, with a `CHECK (length(col) <= n)` constraint if the length matters. The internal one-byte `"char"` type is not flagged.',
  equivalents: { squawk: ['ban-char-field'] },
  kinds: ['CreateStmt', 'AlterTableStmt'],
  check(ctx) {
    reportColumnTypes(
      ctx,
      (name) => name === 'bpchar',
      (column, written) =>
        `${columnLabel(column.relation, column.column)} is ${written}, which pads values with spaces; use text or varchar`
    );
    // The quoted "char" (the parser keeps it as `char`, where char(n) becomes bpchar) is flagged by squawk.
    for (const column of columnTypes(ctx)) {
      const { name, qualified } = baseTypeName(column.typeName);
      if (name !== 'char' || qualified) continue;
      ctx.report({
        range: typeRange(ctx, column.typeName.location),
        exempt: '"char" is the internal one-byte type, not char(n): it does not pad'
      });
    }
  }
});
