import { as, names, quoteIdent, quoteQualified, relationName } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import { alterTableOf, columnConstraints } from './locking-shared.js';

export const addingForeignKeyConstraint = defineRule({
  id: 'adding-foreign-key-constraint',
  severity: 'error',
  cost: 'scan',
  message: 'Adding a validated foreign key scans the table while writes to both tables wait',
  help: 'A foreign key added without `NOT VALID` is checked against every existing row while a SHARE ROW EXCLUSIVE lock is held on both the referencing and the referenced table: inserts, updates and deletes on both wait for the whole scan. Add it with `NOT VALID` (only new rows are checked, the lock is brief), then run `ALTER TABLE ... VALIDATE CONSTRAINT` in a later transaction: validation takes SHARE UPDATE EXCLUSIVE, which lets reads and writes continue. A foreign key on a table created in the same change set is not flagged: the scan of an empty table is instant.',
  equivalents: {
    squawk: ['adding-foreign-key-constraint', 'constraint-missing-not-valid'],
    eugene: ['E1'],
    atlas: ['PG306'],
    strongMigrations: ['add_foreign_key']
  },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { relation, cmds } = alterTableOf(ctx);
    for (const cmd of cmds) {
      const found: { location?: number; columns: string[]; target: string }[] = [];
      if (cmd.subtype === 'AT_AddConstraint') {
        const c = as(cmd.def, 'Constraint');
        if (c?.contype === 'CONSTR_FOREIGN' && !c.skip_validation)
          found.push({
            location: c.location,
            columns: names(c.fk_attrs),
            target: quoteQualified(relationName(c.pktable))
          });
      } else if (cmd.subtype === 'AT_AddColumn') {
        const def = as(cmd.def, 'ColumnDef');
        for (const c of columnConstraints(def)) {
          if (def && c.contype === 'CONSTR_FOREIGN' && !c.skip_validation)
            found.push({
              location: def.location,
              columns: [def.colname ?? ''],
              target: quoteQualified(relationName(c.pktable))
            });
        }
      }
      for (const fk of found) {
        if (ctx.isNewTable(relation)) {
          ctx.report({ exempt: NEW_TABLE });
          continue;
        }
        const table = quoteQualified(relationName(relation));
        const cols = fk.columns.map(quoteIdent).join(', ');
        ctx.report({
          message: `Foreign key ${table} (${cols}) -> ${fk.target} is validated now: writes to both tables wait for a scan of ${table}; add it NOT VALID and VALIDATE later`,
          range: ctx.at(fk.location)
        });
      }
    }
  }
});
