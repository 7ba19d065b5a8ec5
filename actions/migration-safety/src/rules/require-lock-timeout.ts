import { defineRule } from '../engine/rule.js';
import { checkTimeout } from './timeout-rule.js';

export const requireLockTimeout = defineRule({
  id: 'require-lock-timeout',
  severity: 'warning',
  message: 'No lock_timeout is set before a statement that takes a lock blocking a table in use',
  help: "A DDL statement that waits for its lock (behind a long query or an open transaction) makes every later query on the table queue behind it, so a fast change turns into an outage. Put `SET lock_timeout = '2s';` at the top of the file: the statement then fails fast instead, and the deploy can be retried. Reported once per file, on the first statement that needs it; statements on tables created in the same change set and CONCURRENTLY / VALIDATE forms (which do not block reads or writes while they wait) are not counted.",
  equivalents: {
    squawk: ['require-lock-timeout', 'require-timeout-settings'],
    eugene: ['E9']
  },
  check(ctx) {
    checkTimeout(ctx, 'lock_timeout', 'while it waits for the lock, every query on the table queues behind it');
  }
});
