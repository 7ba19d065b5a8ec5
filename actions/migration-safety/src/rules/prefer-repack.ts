import { as, quoteQualified, relationName } from '../engine/ast.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import type { RangeVar } from '@pgsql/types';
import { isFalseOption } from './locking-shared.js';

export const preferRepack = defineRule({
  id: 'prefer-repack',
  severity: 'error',
  cost: 'rewrite',
  message: 'VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock',
  help: '`VACUUM FULL` and `CLUSTER` copy the whole table and rebuild its indexes while holding ACCESS EXCLUSIVE: no read or write gets through until they finish, and they need room for a second copy. Reclaim space online instead: `REPACK (CONCURRENTLY)` on PostgreSQL 19+, or the pg_repack / pg_squeeze extensions before that. A plain `VACUUM` (no FULL) does not block reads or writes.',
  equivalents: {
    squawk: ['prefer-repack']
  },
  check(ctx) {
    const { kind, body } = ctx.statement;
    let relations: RangeVar[];
    let command: string;
    if (kind === 'VacuumStmt') {
      const full = (body.options ?? []).some((o) => {
        const option = as(o, 'DefElem');
        return option?.defname === 'full' && !isFalseOption(option.arg);
      });
      if (!body.is_vacuumcmd || !full) return;
      relations = (body.rels ?? []).map((r) => as(r, 'VacuumRelation')?.relation).filter((r): r is RangeVar => !!r);
      command = 'VACUUM FULL';
    } else if (kind === 'ClusterStmt') {
      relations = body.relation ? [body.relation] : [];
      command = 'CLUSTER';
    } else {
      return;
    }
    if (relations.length > 0 && relations.every((r) => ctx.isNewTable(r))) return ctx.report({ exempt: NEW_TABLE });
    const target = relations.length ? relations.map((r) => quoteQualified(relationName(r))).join(', ') : 'every table';
    const instead = ctx.pgVersion >= 19 ? 'REPACK (CONCURRENTLY)' : 'pg_repack or pg_squeeze';
    ctx.report({
      message: `${command} rewrites ${target} under ACCESS EXCLUSIVE, blocking reads and writes: use ${instead}`
    });
  }
});
