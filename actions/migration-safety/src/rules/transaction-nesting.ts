import { defineRule } from '../engine/rule.js';
import { stateKey } from '../engine/rule-state.js';
import { isBegin, isTransactionEnd } from './transaction-support.js';

/** Whether the migration tool wraps the file in its transaction, as last seen outside an explicit block. */
const TOOL_WRAPS_FILE = stateKey<{ wraps?: boolean }>('the tool wraps the file in a transaction', () => ({}));

export const transactionNesting = defineRule({
  id: 'transaction-nesting',
  severity: 'warning',
  message: 'BEGIN inside a transaction, or COMMIT / ROLLBACK with no transaction of the file to end',
  help: "PostgreSQL has no nested transactions: a second BEGIN only warns, and the first COMMIT ends the whole transaction, so the statements after it run outside any transaction and a failure leaves the migration half applied. When the migration tool wraps each file in a transaction itself, a COMMIT in the file ends the tool's transaction early in the same way. Keep one BEGIN ... COMMIT per file, or none when the tool opens the transaction; use SAVEPOINT for a nested unit.",
  equivalents: { squawk: ['transaction-nesting'] },
  check(ctx) {
    const { statement, transaction } = ctx;
    const frameworkOwned = transaction.inTransaction && !transaction.explicit;
    // Outside an explicit block, inTransaction tells whether the tool wraps the file; remember it for the COMMIT
    // of a BEGIN written in the file, which then ends the tool's transaction too.
    const tool = ctx.fileState(TOOL_WRAPS_FILE);
    if (!transaction.explicit) tool.wraps = transaction.inTransaction;
    if (isBegin(statement)) {
      if (transaction.explicit)
        ctx.report({
          message: 'BEGIN inside a transaction already open in this file: the first COMMIT ends both'
        });
      else if (frameworkOwned)
        ctx.report({
          message:
            "BEGIN inside the transaction the migration tool opens for this file: its COMMIT ends the tool's transaction early"
        });
    } else if (isTransactionEnd(statement)) {
      if (frameworkOwned)
        ctx.report({
          message:
            'COMMIT / ROLLBACK ends the transaction the migration tool opens for this file: later statements run outside it'
        });
      else if (!transaction.explicit)
        ctx.report({ message: 'COMMIT / ROLLBACK with no transaction open: there is nothing to end' });
      else if (transaction.depth === 1 && tool.wraps)
        ctx.report({
          message:
            'COMMIT / ROLLBACK of the BEGIN in this file also ends the transaction the migration tool opens: later statements run outside it'
        });
    }
  }
});
