import type { Node } from '@pgsql/types';
import { as, unwrap, type Unwrapped } from '../engine/ast.js';
import { defineRule } from '../engine/rule.js';
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
    const plain = (targets: Node[] | undefined): Named[] => {
      const named: Named[] = [];
      for (const node of targets ?? []) {
        const t = as(node, 'ResTarget');
        if (t?.name && !(t.indirection ?? []).length) named.push({ name: t.name, location: t.location });
      }
      return named;
    };
    // Only the statement itself and the queries of its WITH clauses can be an INSERT or UPDATE: walking a whole
    // tree (a 1,500-row VALUES list, say) would cost more than parsing it.
    for (const statement of dataModifying(ctx.statement.node)) {
      if (statement.kind === 'UpdateStmt')
        groups.push({ names: plain(statement.body.targetList), what: 'assigned more than once' });
      if (statement.kind === 'InsertStmt') {
        groups.push({ names: plain(statement.body.cols), what: 'listed more than once' });
        groups.push({ names: plain(statement.body.onConflictClause?.targetList), what: 'assigned more than once' });
      }
    }
    if (ctx.statement.kind === 'CreateStmt') {
      const columns: Named[] = [];
      for (const element of ctx.statement.body.tableElts ?? []) {
        const c = as(element, 'ColumnDef');
        if (c?.colname) columns.push({ name: c.colname, location: c.location });
      }
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
        tokens ??= tokensOf(ctx);
        const token = named.location !== undefined ? tokens[tokenAt(tokens, named.location)] : undefined;
        ctx.report({
          range: token ? { start: token.start, end: token.end } : undefined,
          message: `Column ${named.name} is ${group.what}: the statement fails`
        });
      }
    }
  }
});

/** The statement and, recursively, the queries of its WITH clauses. */
function dataModifying(node: Node | undefined, found: Unwrapped[] = []): Unwrapped[] {
  const statement = unwrap(node);
  if (!statement) return found;
  found.push(statement);
  const body = statement.body;
  const withClause = 'withClause' in body ? body.withClause : undefined;
  for (const cte of withClause?.ctes ?? []) dataModifying(as(cte, 'CommonTableExpr')?.ctequery, found);
  return found;
}
