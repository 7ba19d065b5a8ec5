import { as, relationName } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import { isFalseOption, rangeVarOf, tableOfIndex } from './locking-shared.js';

export const requireConcurrentReindex = defineRule({
  id: 'require-concurrent-reindex',
  severity: 'error',
  cost: 'index-build',
  message: 'REINDEX without CONCURRENTLY blocks writes to the table, and reads that use the index, until it finishes',
  help: 'A plain `REINDEX` holds a SHARE lock on the table (writes wait) and ACCESS EXCLUSIVE on each index it rebuilds (any query the planner considers that index for waits, which in practice is most reads) for the whole rebuild. On PostgreSQL 12+ use `REINDEX ... CONCURRENTLY` outside a transaction: it builds a new index beside the old one and swaps them. Before PostgreSQL 12 the rule is off (there is no concurrent form; `CREATE INDEX CONCURRENTLY` a copy and drop the old one instead).',
  equivalents: {
    squawk: ['require-concurrent-reindex']
  },
  // squawk flags it on every version (and advises the CONCURRENTLY that 11 and older do not have).
  pgVersions: { min: 12, outside: 'REINDEX CONCURRENTLY does not exist before PostgreSQL 12: nothing to ask for' },
  kinds: ['ReindexStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'ReindexStmt') return;
    const concurrent = (body.params ?? []).some((p) => {
      const option = as(p, 'DefElem');
      return option?.defname === 'concurrently' && !isFalseOption(option.arg);
    });
    // REINDEX SYSTEM has no concurrent form (catalogues cannot be reindexed concurrently).
    if (concurrent || body.kind === 'REINDEX_OBJECT_SYSTEM') return;
    let table: string | undefined;
    if (body.kind === 'REINDEX_OBJECT_TABLE') table = relationName(body.relation).key;
    if (body.kind === 'REINDEX_OBJECT_INDEX') table = tableOfIndex(ctx, relationName(body.relation));
    if (table && ctx.isNewTable(rangeVarOf(table))) return ctx.report({ exempt: NEW_TABLE });
    ctx.report();
  }
});
