import { defineRule } from '../engine/rule.js';
import { isBegin, isTransactionEnd } from './transaction-support.js';

export const banUncommittedTransaction = defineRule({
  id: 'ban-uncommitted-transaction',
  severity: 'error',
  message: 'BEGIN without a COMMIT before the end of the file: the migration is rolled back when the session ends',
  help: 'A transaction still open at the end of the file is rolled back when the session closes (psql, most runners), so the schema change silently never happens while the tool records the migration as applied; a runner that keeps the session open instead holds every lock the file took. End the file with `COMMIT;`.',
  equivalents: { squawk: ['ban-uncommitted-transaction'] },
  checkFile(ctx) {
    if (ctx.transaction.depth === 0) return;
    let open: (typeof ctx.statements)[number] | undefined;
    for (const statement of ctx.statements) {
      if (isBegin(statement)) open ??= statement;
      else if (isTransactionEnd(statement)) open = undefined;
    }
    if (open) ctx.report({ range: open.range });
  }
});
