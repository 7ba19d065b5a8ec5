import { as } from '../engine/ast.js';
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
    // Only the statement itself and the queries of its WITH clauses can be an INSERT or UPDATE: walking a whole
    // tree (a 1,500-row VALUES list, say) would cost more than parsing it.
    for (const [kind, body] of dataModifying(ctx.statement.node)) {
      if (kind === 'UpdateStmt') groups.push({ names: plain(body.targetList), what: 'assigned more than once' });
      if (kind === 'InsertStmt') {
        groups.push({ names: plain(body.cols), what: 'listed more than once' });
        groups.push({ names: plain(body.onConflictClause?.targetList), what: 'assigned more than once' });
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

/** The statement and, recursively, the queries of its WITH clauses, as [node type, body] pairs. */
function dataModifying(node: AstNode, found: [string, AstNode][] = []): [string, AstNode][] {
  const kind = node && typeof node === 'object' ? Object.keys(node)[0] : undefined;
  if (!kind) return found;
  const body = node[kind];
  found.push([kind, body]);
  for (const cte of body?.withClause?.ctes ?? []) dataModifying(as(cte, 'CommonTableExpr')?.ctequery, found);
  return found;
}
