import { defineRule } from '../engine/rule.js';
import { columnLabel, reportColumnTypes } from './compatibility-helpers.js';

export const banCharField = defineRule({
  id: 'ban-char-field',
  severity: 'warning',
  message: 'char(n) pads values with spaces; use text or varchar',
  help: '`char(n)` (`character`, `bpchar`) pads every value with spaces to n characters, compares ignoring the padding and is no faster than `text`: values read back with trailing spaces surprise applications, and a longer value fails. Use `text`, with a `CHECK (length(col) <= n)` constraint if the length matters. The internal one-byte `"char"` type is not flagged.',
  equivalents: { squawk: ['ban-char-field'] },
  check(ctx) {
    reportColumnTypes(
      ctx,
      (name) => name === 'bpchar',
      (column, written) =>
        `${columnLabel(column.relation, column.column)} is ${written}, which pads values with spaces; use text or varchar`
    );
  }
});
