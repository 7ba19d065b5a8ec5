import { defineRule } from '../engine/rule.js';

export const requireEnumValueOrdering = defineRule({
  id: 'require-enum-value-ordering',
  severity: 'warning',
  message: 'ALTER TYPE ... ADD VALUE without BEFORE or AFTER appends the value at the end of the enum order',
  help: 'Enum values sort in their declared order, not alphabetically: a value appended at the end changes the results of `ORDER BY`, `<` and `>` on the column if it belongs somewhere in the middle. Say where it goes with `ADD VALUE ... BEFORE` or `AFTER` an existing value; write `AFTER <last value>` when the end is intended.',
  equivalents: { squawk: ['require-enum-value-ordering'] },
  kinds: ['AlterEnumStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'AlterEnumStmt' || !body.newVal || body.oldVal || body.newValNeighbor) return;
    ctx.report({
      message: `ADD VALUE '${body.newVal}' without BEFORE or AFTER appends it at the end of the enum order`
    });
  }
});
