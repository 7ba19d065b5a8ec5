import { as, quoteIdent, quoteQualified, relationName } from '../engine/ast.js';
import { defineRule, NEW_TABLE, type RuleContext } from '../engine/rule.js';
import type { AlterTableCmd, RangeVar } from '@pgsql/types';
import { alterTableOf, earlierInTransaction } from './locking-shared.js';

export const constraintMissingNotValid = defineRule({
  id: 'constraint-missing-not-valid',
  severity: 'error',
  cost: 'scan',
  message: 'Adding a CHECK constraint without NOT VALID scans the table under an ACCESS EXCLUSIVE lock',
  help: "A CHECK constraint added without `NOT VALID` is checked against every row while ALTER TABLE holds ACCESS EXCLUSIVE: all reads and writes of the table wait for the scan. Add it `NOT VALID` (new rows are checked, existing ones are not), then `VALIDATE CONSTRAINT` in a separate transaction: validation takes SHARE UPDATE EXCLUSIVE, which lets reads and writes continue. Validating in the same transaction as the `NOT VALID` add gains nothing: the add's lock is still held during the scan. (Foreign keys are reported by adding-foreign-key-constraint.)",
  equivalents: {
    squawk: ['constraint-missing-not-valid'],
    eugene: ['E1'],
    atlas: ['PG305'],
    strongMigrations: ['add_check_constraint']
  },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { relation, cmds } = alterTableOf(ctx);
    if (cmds.length === 0) return;
    const table = relationName(relation);
    cmds.forEach((cmd, i) => {
      if (cmd.subtype === 'AT_AddConstraint') {
        const c = as(cmd.def, 'Constraint');
        if (c?.contype !== 'CONSTR_CHECK' || c.skip_validation) return;
        if (ctx.isNewTable(relation)) return ctx.report({ exempt: NEW_TABLE });
        const name = c.conname ? ` ${quoteIdent(c.conname)}` : '';
        ctx.report({
          message: `CHECK constraint${name} on ${quoteQualified(table)} is validated now, under ACCESS EXCLUSIVE: add it NOT VALID and VALIDATE it in a later transaction`,
          range: ctx.at(c.location)
        });
      } else if (cmd.subtype === 'AT_ValidateConstraint') {
        if (!addedNotValidInTransaction(cmds.slice(0, i), relation, cmd.name, ctx)) return;
        if (ctx.isNewTable(relation)) return ctx.report({ exempt: NEW_TABLE });
        ctx.report({
          message: `VALIDATE CONSTRAINT ${quoteIdent(cmd.name ?? '')} runs in the transaction that added it NOT VALID: the add's lock on ${quoteQualified(table)} is held for the whole scan; validate in a separate transaction`
        });
      }
    });
  }
});

/** The constraint was added NOT VALID on this table earlier in this statement or in the same transaction. */
function addedNotValidInTransaction(
  earlierCmds: AlterTableCmd[],
  relation: RangeVar | undefined,
  name: string | undefined,
  ctx: RuleContext
): boolean {
  const tableKey = relationName(relation).key;
  const addsIt = (cmd: AlterTableCmd) => {
    const c = cmd.subtype === 'AT_AddConstraint' ? as(cmd.def, 'Constraint') : undefined;
    return !!c && c.skip_validation === true && c.conname === name;
  };
  if (earlierCmds.some(addsIt)) return true;
  return earlierInTransaction(ctx).some((statement) => {
    if (statement.kind !== 'AlterTableStmt' || relationName(statement.body.relation).key !== tableKey) return false;
    return (statement.body.cmds ?? []).some((node) => {
      const cmd = as(node, 'AlterTableCmd');
      return !!cmd && addsIt(cmd);
    });
  });
}
