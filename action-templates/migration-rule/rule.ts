// The rule __ID__, written by `npm run new-rule`. Its example check (ALTER TABLE ... SET TABLESPACE,
// which rewrites the table under ACCESS EXCLUSIVE) shows the parts of a rule: replace it with the hazard the
// rule is for, then its docs page (docs/rules/) and its table test (__tests__/migration-safety/rules/).
import { quoteQualified, relationName } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import { alterTableOf } from './locking-shared.js';

export const __CAMEL__ = defineRule({
  id: '__ID__',
  severity: 'warning',
  // Off unless the config file turns it on (`on` under `rules:`): remove this line once the rule is ready to run
  // for everyone.
  optIn: true,
  message: 'SET TABLESPACE rewrites the whole table under an ACCESS EXCLUSIVE lock',
  help: '`ALTER TABLE ... SET TABLESPACE` copies every row and index to the new tablespace while holding ACCESS EXCLUSIVE: no read or write of the table gets through until the copy is done. Move a large table with a tool that copies online (pg_repack `--tablespace`), or in a maintenance window.',
  equivalents: {},
  check(ctx) {
    // `alterTableOf` gives the typed sub-commands of an ALTER TABLE (none for other statements). For any other
    // statement, test `ctx.statement.kind`: it narrows `ctx.statement.body` to that node's type (@pgsql/types),
    // and `as(node, 'Type')` (engine/ast.ts) reads a wrapped child node. State that must carry from one statement
    // to the next goes through `ctx.fileState(key)` or `ctx.changeSetState(key)` (engine/rule-state.ts).
    const { relation, cmds } = alterTableOf(ctx);
    for (const cmd of cmds) {
      if (cmd.subtype !== 'AT_SetTableSpace') continue;
      // Nothing reads a table created in the change set yet: the hazard is real elsewhere, not here.
      if (ctx.isNewTable(relation)) {
        ctx.report({ exempt: NEW_TABLE });
        continue;
      }
      ctx.report({
        message: `SET TABLESPACE ${cmd.name ?? ''} rewrites ${quoteQualified(relationName(relation))} under ACCESS EXCLUSIVE: reads and writes wait for the copy`
      });
    }
  }
});
