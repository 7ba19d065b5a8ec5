import { as } from '../engine/ast.js';
import { defineRule } from '../engine/rule.js';
import type { ParsedStatement } from '../engine/parse.js';

export const banConcurrentIndexCreationInTransaction = defineRule({
  id: 'ban-concurrent-index-creation-in-transaction',
  severity: 'error',
  message: 'CONCURRENTLY cannot run inside a transaction block: the deploy fails',
  help: 'CREATE INDEX CONCURRENTLY (and DROP INDEX / REINDEX CONCURRENTLY) must run outside any transaction: inside one PostgreSQL refuses it with "cannot run inside a transaction block", and inside a DO block (or a function) with "cannot be executed from a function". Move the statement out of BEGIN ... COMMIT, and when the migration tool wraps files in a transaction, put it in its own file with the tool\'s opt-out (`-- +goose NO TRANSACTION`, `-- migrate:up transaction:false`, `-- no-transaction` for sqlx).',
  equivalents: { squawk: ['ban-concurrent-index-creation-in-transaction'] },
  check(ctx) {
    const { statement, transaction } = ctx;
    // PL/pgSQL runs a DO block's statements inside the block's own transaction, whatever surrounds it.
    if (!transaction.inTransaction && !statement.embedded) return;
    const what = concurrentForm(statement);
    if (!what) return;
    const where = statement.embedded
      ? 'inside a DO block'
      : transaction.explicit
        ? 'inside the BEGIN ... COMMIT of this file'
        : 'inside the transaction the migration tool opens for this file';
    ctx.report({ message: `${what} runs ${where}: PostgreSQL refuses it and the deploy fails` });
  }
});

function concurrentForm({ kind, body }: ParsedStatement): string | undefined {
  if (kind === 'IndexStmt' && body.concurrent) return 'CREATE INDEX CONCURRENTLY';
  if (kind === 'DropStmt' && body.concurrent && body.removeType === 'OBJECT_INDEX') return 'DROP INDEX CONCURRENTLY';
  if (kind === 'ReindexStmt' && (body.params ?? []).some((p) => as(p, 'DefElem')?.defname === 'concurrently'))
    return 'REINDEX CONCURRENTLY';
  return undefined;
}
