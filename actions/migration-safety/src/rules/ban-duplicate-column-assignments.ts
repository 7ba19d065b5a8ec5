import { as, findAll } from '../engine/ast.js';
import { defineRule } from '../engine/rule.js';
import type { AstNode } from '../engine/types.js';
import { tokenAt, tokensOf } from './compatibility-helpers.js';

interface Named {
  name: string;
  location?: number;
}

export const banDuplicateColumnAssignments = defineRule({
  id: 'ban-duplicate-column-assignments',
  severity: 'error',
  message: 'The same column is assigned or defined twice: the statement fails',
  help: 'PostgreSQL rejects an `UPDATE ... SET`, `INSERT (...)` column list or `ON CONFLICT DO UPDATE SET` that assigns a column twice ("multiple assignments to same column"), and a `CREATE TABLE` that defines a column twice, so the migration fails when it runs. Names are compared after case folding and truncation to 63 bytes, as the server does. Remove the duplicate.',
  equivalents: { squawk: ['ban-duplicate-column-assignments'] },
  check(ctx) {
    const groups: { names: Named[]; what: string }[] = [];
    const plain = (targets: AstNode[] | undefined): Named[] =>
      (targets ?? [])
        .map((t: AstNode) => as(t, 'ResTarget'))
        .filter((t: AstNode) => t?.name && !(t.indirection ?? []).length)
        .map((t: AstNode) => ({ name: t.name, location: t.location }));
    // Walking the whole tree of every statement is the expensive part: only statements naming UPDATE or
    // INSERT somewhere (also in a CTE) can hold one.
    if (/\b(update|insert)\b/i.test(ctx.statement.sql)) {
      for (const update of findAll(ctx.statement.node, 'UpdateStmt'))
        groups.push({ names: plain(update.targetList), what: 'assigned more than once' });
      for (const insert of findAll(ctx.statement.node, 'InsertStmt')) {
        groups.push({ names: plain(insert.cols), what: 'listed more than once' });
        groups.push({ names: plain(insert.onConflictClause?.targetList), what: 'assigned more than once' });
      }
    }
    if (ctx.statement.kind === 'CreateStmt') {
      const columns = (ctx.statement.body.tableElts ?? [])
        .map((e: AstNode) => as(e, 'ColumnDef'))
        .filter((c: AstNode) => c?.colname)
        .map((c: AstNode) => ({ name: c.colname, location: c.location }));
      groups.push({ names: columns, what: 'defined more than once' });
    }
    // Tokens only locate a duplicate: scanning costs as much as parsing, so only when there is one.
    let tokens: ReturnType<typeof tokensOf> | undefined;
    for (const group of groups) {
      const seen = new Set<string>();
      for (const named of group.names) {
        if (!seen.has(named.name)) {
          seen.add(named.name);
          continue;
        }
        tokens ??= tokensOf(ctx.statement);
        const token = named.location !== undefined ? tokens[tokenAt(tokens, named.location)] : undefined;
        ctx.report({
          range: token ? { start: token.start, end: token.end } : undefined,
          message: `Column ${named.name} is ${group.what}: the statement fails`
        });
      }
    }
  }
});
