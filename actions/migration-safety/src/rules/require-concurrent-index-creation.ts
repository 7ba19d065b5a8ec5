import { defineRule, NEW_TABLE } from '../engine/rule.js';

export const requireConcurrentIndexCreation = defineRule({
  id: 'require-concurrent-index-creation',
  severity: 'warning',
  cost: 'index-build',
  message: 'CREATE INDEX without CONCURRENTLY blocks writes to the table while the index builds',
  help: 'A plain CREATE INDEX takes a SHARE lock: inserts, updates and deletes wait until the whole index is built, which on a large table is minutes. Use `CREATE INDEX CONCURRENTLY` outside a transaction. Tables created in the same change set are not flagged: nothing writes to them yet.',
  equivalents: {
    squawk: ['require-concurrent-index-creation'],
    eugene: ['E6'],
    atlas: ['PG101'],
    strongMigrations: ['add_index']
  },
  kinds: ['IndexStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'IndexStmt' || body.concurrent) return;
    if (ctx.isNewTable(body.relation)) return ctx.report({ exempt: NEW_TABLE });
    ctx.report();
  }
});
