// The hazards a trace shows on tables other sessions use (those that existed before the change set), named
// after eugene's trace hints where it has one. Read from what the server did, not from the SQL text.
import { LOCK_MODES, type LockMode } from '../locks.js';
import type { StatementTrace, TraceHazard } from './types.js';

/** Modes that block writes (and AccessExclusive, reads too): what makes a held lock an outage. */
export function blocksWrites(mode: LockMode): boolean {
  return LOCK_MODES.indexOf(mode) >= LOCK_MODES.indexOf('Share');
}

export function hazardsOf(trace: StatementTrace, preExisting: ReadonlySet<string>): TraceHazard[] {
  const out: TraceHazard[] = [];
  const add = (id: string, eugene: string | undefined, message: string) =>
    out.push({ id, ...(eugene ? { eugene } : {}), message });
  const tableLocks = trace.locks.filter((l) => l.kind === 'table' && l.preExisting);

  for (const c of trace.constraints) {
    if (c.change !== 'added' || !preExisting.has(c.table)) continue;
    if ((c.type === 'c' || c.type === 'f') && c.valid)
      add(
        'constraint-validated-under-lock',
        'E1',
        `constraint ${c.name} was added VALID: every row of ${c.table} was checked while the lock was held`
      );
    if (c.type === 'u' || c.type === 'p') {
      if (trace.indexesBuilt.some((ix) => ix.table === c.table))
        add(
          'constraint-builds-index',
          'E7',
          `${c.type === 'p' ? 'primary key' : 'unique constraint'} ${c.name} built a new index on ${c.table} under the lock`
        );
    }
    if (c.type === 'x')
      add('exclusion-constraint', 'E8', `exclusion constraint ${c.name} built its index on ${c.table} under the lock`);
  }
  for (const col of trace.columns)
    if (col.change === 'set-not-null' && preExisting.has(col.table))
      add(
        'set-not-null',
        'E2',
        `${col.table}.${col.column} became NOT NULL: every row was scanned under ACCESS EXCLUSIVE`
      );

  for (const ix of trace.indexesBuilt)
    if (ix.preExistingTable && trace.kind === 'IndexStmt' && trace.transaction !== 'own-path')
      add(
        'index-blocks-writes',
        'E6',
        `index ${ix.relation} was built on ${ix.table} without CONCURRENTLY: writes were blocked throughout`
      );

  const exclusive = (relation: string) =>
    trace.locks.some(
      (l) => l.mode === 'AccessExclusive' && (l.relation === relation || l.relation === tableOf(trace, relation))
    );
  for (const r of trace.rewrites) {
    if (!r.preExisting) continue;
    const typeChange = trace.columns.some((c) => c.change === 'type' && c.table === r.relation);
    if (typeChange) add('type-change-rewrite', 'E5', `changing a column type rewrote ${r.relation}`);
    if (exclusive(r.relation))
      add(
        'rewrite-under-access-exclusive',
        'E10',
        `${r.kind} ${r.relation} was rewritten while ACCESS EXCLUSIVE was held`
      );
  }

  const heldBefore = tableLocks.filter((l) => !l.new && l.mode === 'AccessExclusive');
  for (const lock of heldBefore)
    add(
      'statement-under-access-exclusive',
      'E4',
      `ran while this transaction already held ACCESS EXCLUSIVE on ${lock.relation}: it stays unreadable for longer`
    );

  if (trace.lockTimeoutMs === 0)
    for (const lock of tableLocks.filter((l) => l.new && blocksWrites(l.mode)))
      add(
        'lock-without-timeout',
        'E9',
        `took ${lock.mode} on ${lock.relation} with no lock_timeout: queued behind a long query, it blocks everything queued after it`
      );
  return out;
}

function tableOf(trace: StatementTrace, relation: string): string | undefined {
  return trace.locks.find((l) => l.relation === relation)?.table;
}
