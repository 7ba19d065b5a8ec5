import { as, relationName } from '../engine/ast.js';
import { defineRule, type RuleHit } from '../engine/rule.js';
import type { ParsedStatement } from '../engine/parse.js';
import type { Severity } from '../engine/types.js';
import { tableLabel } from './transaction-support.js';

export const concurrentIndexPg14Bug = defineRule({
  id: 'concurrent-index-pg14-bug',
  // Raised to error per finding when the target minor is known to be affected (see `severity` on the hit).
  severity: 'warning',
  message: 'CREATE / REINDEX INDEX CONCURRENTLY on PostgreSQL 14.0-14.3 can silently corrupt the index',
  help: 'PostgreSQL 14.0 to 14.3 have a bug where CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY can miss rows changed while the index builds (fixed in 14.4): the index then returns wrong results without any error. Upgrade the server to 14.4 or later before building indexes concurrently; on an affected server, rebuild indexes built concurrently with a plain REINDEX after upgrading (`amcheck` finds the damaged ones). Set `pg-version` to the full version (e.g. 14.11) to tell the linter the server is not affected.',
  equivalents: {},
  pgVersions: { min: 14, max: 14 },
  check(ctx) {
    const { statement } = ctx;
    const what = concurrentBuild(statement);
    if (!what || ctx.pgVersion !== 14) return;
    const minor = ctx.pgMinor;
    if (minor !== undefined && minor > 3) return;
    // Both forms name their table (REINDEX TABLE) or index (CREATE INDEX, REINDEX INDEX) in `relation`.
    const relation =
      statement.kind === 'IndexStmt' || statement.kind === 'ReindexStmt' ? statement.body.relation : undefined;
    const target = relation ? ` on ${tableLabel(relationName(relation).key)}` : '';
    const hit: RuleHit & { severity?: Severity } =
      minor === undefined
        ? {
            message: `${what}${target}: PostgreSQL 14.0-14.3 can corrupt indexes built concurrently; make sure the server runs 14.4 or later`
          }
        : {
            message: `${what}${target} on PostgreSQL 14.${minor}: concurrent builds can corrupt the index (fixed in 14.4); upgrade first`,
            severity: 'error'
          };
    ctx.report(hit);
  }
});

function concurrentBuild({ kind, body }: ParsedStatement): string | undefined {
  if (kind === 'IndexStmt' && body.concurrent) return 'CREATE INDEX CONCURRENTLY';
  if (kind === 'ReindexStmt' && (body.params ?? []).some((p) => as(p, 'DefElem')?.defname === 'concurrently'))
    return 'REINDEX CONCURRENTLY';
  return undefined;
}
