import { as, names, quoteIdent, quoteQualified, relationName } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import { alterTableOf, columnConstraints } from './locking-shared.js';

export const addingSerialPrimaryKeyField = defineRule({
  id: 'adding-serial-primary-key-field',
  severity: 'error',
  cost: 'index-build',
  message: 'Adding a primary key builds its index under an ACCESS EXCLUSIVE lock',
  help: '`ALTER TABLE ... ADD PRIMARY KEY` (or `ADD COLUMN ... PRIMARY KEY`) builds the unique index while holding ACCESS EXCLUSIVE: every read and write waits for the build. Build the index first with `CREATE UNIQUE INDEX CONCURRENTLY`, then attach it with `ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY USING INDEX ...`, which only needs a brief lock (the columns must already be NOT NULL, or that step scans the table).',
  equivalents: {
    squawk: ['adding-serial-primary-key-field'],
    atlas: ['PG104']
  },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { relation, cmds } = alterTableOf(ctx);
    for (const cmd of cmds) {
      let hit: { location?: number; columns: string[] } | undefined;
      if (cmd.subtype === 'AT_AddConstraint') {
        const c = as(cmd.def, 'Constraint');
        if (c?.contype === 'CONSTR_PRIMARY' && !c.indexname) hit = { location: c.location, columns: names(c.keys) };
      } else if (cmd.subtype === 'AT_AddColumn') {
        const def = as(cmd.def, 'ColumnDef');
        if (def && columnConstraints(def).some((c) => c.contype === 'CONSTR_PRIMARY'))
          hit = { location: def.location, columns: [def.colname ?? ''] };
      }
      if (!hit) continue;
      if (ctx.isNewTable(relation)) {
        ctx.report({ exempt: NEW_TABLE });
        continue;
      }
      const table = quoteQualified(relationName(relation));
      ctx.report({
        message: `Primary key on ${table} (${hit.columns.map(quoteIdent).join(', ')}) builds its index under ACCESS EXCLUSIVE: build a unique index CONCURRENTLY and add the key USING INDEX`,
        range: ctx.at(hit.location)
      });
    }
  }
});
