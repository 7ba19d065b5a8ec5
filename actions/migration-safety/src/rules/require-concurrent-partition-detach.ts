import { as, quoteQualified, relationName } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import { alterTableOf } from './locking-shared.js';

export const requireConcurrentPartitionDetach = defineRule({
  id: 'require-concurrent-partition-detach',
  severity: 'warning',
  message: 'DETACH PARTITION without CONCURRENTLY locks the partitioned table ACCESS EXCLUSIVE',
  help: 'A plain `ALTER TABLE ... DETACH PARTITION` takes ACCESS EXCLUSIVE on the partitioned table: every query on any partition waits, and queues behind the detach while it waits for running queries. On PostgreSQL 14+ use `DETACH PARTITION ... CONCURRENTLY` (outside a transaction, and not when the table has a default partition), which only takes SHARE UPDATE EXCLUSIVE. Before PostgreSQL 14 there is no concurrent form and the rule is off.',
  equivalents: {
    squawk: ['require-concurrent-partition-detach']
  },
  // squawk flags it on every version (and advises the CONCURRENTLY that 13 and older do not have).
  pgVersions: {
    min: 14,
    outside: 'DETACH PARTITION CONCURRENTLY does not exist before PostgreSQL 14: nothing to ask for'
  },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    const { relation, cmds } = alterTableOf(ctx);
    for (const cmd of cmds) {
      if (cmd.subtype !== 'AT_DetachPartition') continue;
      const partition = as(cmd.def, 'PartitionCmd');
      if (!partition || partition.concurrent) continue;
      if (ctx.isNewTable(relation)) {
        ctx.report({ exempt: NEW_TABLE });
        continue;
      }
      ctx.report({
        message: `DETACH PARTITION ${quoteQualified(relationName(partition.name))} locks ${quoteQualified(relationName(relation))} ACCESS EXCLUSIVE: use DETACH PARTITION ... CONCURRENTLY`
      });
    }
  }
});
