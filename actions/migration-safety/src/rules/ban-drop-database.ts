import { defineRule } from '../engine/rule.js';

export const banDropDatabase = defineRule({
  id: 'ban-drop-database',
  severity: 'error',
  message: 'DROP DATABASE in a migration destroys every table of the database',
  help: 'A migration that drops a database takes every schema, table and row with it, and whatever connects to it stops working. This belongs in a one-off operation run by hand with a fresh backup, not in a migration that runs on every environment.',
  equivalents: { squawk: ['ban-drop-database'] },
  kinds: ['DropdbStmt'],
  check(ctx) {
    if (ctx.statement.kind !== 'DropdbStmt') return;
    ctx.report({
      message: `DROP DATABASE ${ctx.statement.body.dbname} in a migration destroys every table of the database`
    });
  }
});
