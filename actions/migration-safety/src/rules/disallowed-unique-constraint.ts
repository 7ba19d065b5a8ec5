import { as, names, quoteIdent, quoteQualified, relationName } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import { alterTableOf, columnConstraints } from './locking-shared.js';

export const disallowedUniqueConstraint = defineRule({
  id: 'disallowed-unique-constraint',
  severity: 'error',
  cost: 'index-build',
  message: 'Adding a UNIQUE constraint builds its index under an ACCESS EXCLUSIVE lock',
  help: '`ALTER TABLE ... ADD UNIQUE` (or `ADD COLUMN ... UNIQUE`) builds the unique index while holding ACCESS EXCLUSIVE: every read and write waits for the build. Build the index with `CREATE UNIQUE INDEX CONCURRENTLY` outside a transaction, then `ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX ...`, which only needs a brief lock.',
  equivalents: {
    squawk: ['disallowed-unique-constraint'],
    eugene: ['E7'],
    atlas: ['PG105'],
    strongMigrations: ['add_unique_constraint']
  },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { relation, cmds } = alterTableOf(ctx);
    for (const cmd of cmds) {
      let hit: { location?: number; columns: string[] } | undefined;
      if (cmd.subtype === 'AT_AddConstraint') {
        const c = as(cmd.def, 'Constraint');
        if (c?.contype === 'CONSTR_UNIQUE' && !c.indexname) hit = { location: c.location, columns: names(c.keys) };
      } else if (cmd.subtype === 'AT_AddColumn') {
        const def = as(cmd.def, 'ColumnDef');
        if (def && columnConstraints(def).some((c) => c.contype === 'CONSTR_UNIQUE'))
          hit = { location: def.location, columns: [def.colname ?? ''] };
      }
      if (!hit) continue;
      if (ctx.isNewTable(relation)) {
        ctx.report({ exempt: NEW_TABLE });
        continue;
      }
      const table = quoteQualified(relationName(relation));
      ctx.report({
        message: `UNIQUE (${hit.columns.map(quoteIdent).join(', ')}) on ${table} builds its index under ACCESS EXCLUSIVE: build a unique index CONCURRENTLY and add the constraint USING INDEX`,
        range: ctx.at(hit.location)
      });
    }
  }
});
