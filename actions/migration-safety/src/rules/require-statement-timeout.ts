import { defineRule } from '../engine/rule.js';
import { checkTimeout } from './timeout-rule.js';

export const requireStatementTimeout = defineRule({
  id: 'require-statement-timeout',
  severity: 'warning',
  message: 'No statement_timeout is set before a statement that holds a lock blocking a table in use',
  help: "A statement that holds a lock blocking writes (an index build, a table rewrite, a validating scan) for longer than expected keeps the table blocked until it finishes. `SET statement_timeout = '...';` at the top of the file bounds how long that can last; pick a value above the expected run time. Reported once per file, on the first statement that needs it; statements on tables created in the same change set are not counted.",
  equivalents: {
    squawk: ['require-statement-timeout', 'require-timeout-settings']
  },
  check(ctx) {
    checkTimeout(ctx, 'statement_timeout', 'nothing bounds how long the table stays blocked');
  }
});
