// Rules about transactions, timeouts and statement robustness.
import type { Rule } from '../engine/rule.js';
import { banAlterDomainWithAddConstraint } from './ban-alter-domain-with-add-constraint.js';
import { banConcurrentIndexCreationInTransaction } from './ban-concurrent-index-creation-in-transaction.js';
import { banCreateDomainWithConstraint } from './ban-create-domain-with-constraint.js';
import { banUncommittedTransaction } from './ban-uncommitted-transaction.js';
import { concurrentIndexPg14Bug } from './concurrent-index-pg14-bug.js';
import { lockHeldAcrossStatements } from './lock-held-across-statements.js';
import { preferRobustStmts } from './prefer-robust-stmts.js';
import { requireLockTimeout } from './require-lock-timeout.js';
import { requireStatementTimeout } from './require-statement-timeout.js';
import { transactionNesting } from './transaction-nesting.js';

export const TRANSACTION_RULES: readonly Rule[] = [
  requireLockTimeout,
  requireStatementTimeout,
  lockHeldAcrossStatements,
  transactionNesting,
  banUncommittedTransaction,
  banConcurrentIndexCreationInTransaction,
  concurrentIndexPg14Bug,
  preferRobustStmts,
  banCreateDomainWithConstraint,
  banAlterDomainWithAddConstraint
];
