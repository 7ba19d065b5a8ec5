// The table-level lock each statement takes, from the PostgreSQL documentation's "Explicit Locking" and the
// lock level listed on each ALTER TABLE form. Used for lock_timeout advice and "lock held across statements".
import { as, listName, relationName } from './ast.js';
import type { ParsedStatement } from './parse.js';
import type { AlterTableType, CreateStmt } from '@pgsql/types';

/** Ordered weakest to strongest, as in the documentation's conflict table. */
export const LOCK_MODES = [
  'AccessShare',
  'RowShare',
  'RowExclusive',
  'ShareUpdateExclusive',
  'Share',
  'ShareRowExclusive',
  'Exclusive',
  'AccessExclusive'
] as const;
export type LockMode = (typeof LOCK_MODES)[number];

export interface TableLock {
  table: string;
  mode: LockMode;
}

/** Blocks plain reads (SELECT) of the table while held. */
export function blocksReads(mode: LockMode): boolean {
  return mode === 'AccessExclusive';
}

/** Blocks writes (INSERT/UPDATE/DELETE) while held. */
export function blocksWrites(mode: LockMode): boolean {
  return LOCK_MODES.indexOf(mode) >= LOCK_MODES.indexOf('Share');
}

function stronger(a: LockMode, b: LockMode): LockMode {
  return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}

const ALTER_TABLE_LOCKS: Partial<Record<AlterTableType, LockMode>> = {
  AT_ValidateConstraint: 'ShareUpdateExclusive',
  AT_SetStatistics: 'ShareUpdateExclusive',
  AT_SetRelOptions: 'ShareUpdateExclusive',
  AT_ResetRelOptions: 'ShareUpdateExclusive',
  AT_ClusterOn: 'ShareUpdateExclusive',
  AT_DropCluster: 'ShareUpdateExclusive',
  AT_AttachPartition: 'ShareUpdateExclusive',
  AT_EnableTrig: 'ShareRowExclusive',
  AT_DisableTrig: 'ShareRowExclusive',
  AT_EnableAlwaysTrig: 'ShareRowExclusive',
  AT_EnableReplicaTrig: 'ShareRowExclusive',
  AT_EnableTrigAll: 'ShareRowExclusive',
  AT_DisableTrigAll: 'ShareRowExclusive',
  AT_EnableTrigUser: 'ShareRowExclusive',
  AT_DisableTrigUser: 'ShareRowExclusive'
};

/** Maps an index key to its table's key; the catalogue knows which table an index belongs to. */
export type IndexOwner = (indexKey: string) => string | undefined;

/**
 * The locks a statement takes on tables (not counting row locks); empty for statements that lock no table.
 * Statements naming an index (DROP INDEX, ALTER INDEX, REINDEX INDEX) lock its table, found through `owner`;
 * without it, or for an index the replay does not know, the index's own key stands in for the table.
 */
export function locksOf(statement: ParsedStatement, owner?: IndexOwner): TableLock[] {
  return rawLocksOf(statement).map((lock) =>
    lock.index ? { table: owner?.(lock.table) ?? lock.table, mode: lock.mode } : { table: lock.table, mode: lock.mode }
  );
}

function rawLocksOf(statement: ParsedStatement): (TableLock & { index?: boolean })[] {
  const { kind, body } = statement;
  switch (kind) {
    case 'AlterTableStmt': {
      if (body.objtype === 'OBJECT_INDEX') {
        return [{ table: relationName(body.relation).key, mode: 'AccessExclusive', index: true }];
      }
      let mode: LockMode = 'AccessShare';
      const extra: TableLock[] = [];
      for (const node of body.cmds ?? []) {
        const cmd = as(node, 'AlterTableCmd');
        if (!cmd) continue;
        let cmdMode: LockMode = (cmd.subtype && ALTER_TABLE_LOCKS[cmd.subtype]) ?? 'AccessExclusive';
        if (cmd.subtype === 'AT_DetachPartition' && as(cmd.def, 'PartitionCmd')?.concurrent)
          cmdMode = 'ShareUpdateExclusive';
        const constraint = as(cmd.def, 'Constraint');
        if (cmd.subtype === 'AT_AddConstraint' && constraint?.contype === 'CONSTR_FOREIGN') {
          cmdMode = 'ShareRowExclusive';
          if (constraint.pktable)
            extra.push({ table: relationName(constraint.pktable).key, mode: 'ShareRowExclusive' });
        }
        mode = stronger(mode, cmdMode);
      }
      return [{ table: relationName(body.relation).key, mode }, ...extra];
    }
    case 'RenameStmt':
      return body.relation ? [{ table: relationName(body.relation).key, mode: 'AccessExclusive' }] : [];
    case 'IndexStmt':
      return [{ table: relationName(body.relation).key, mode: body.concurrent ? 'ShareUpdateExclusive' : 'Share' }];
    case 'DropStmt': {
      const tableLike = ['OBJECT_TABLE', 'OBJECT_INDEX', 'OBJECT_MATVIEW', 'OBJECT_VIEW'];
      if (body.removeType === undefined || !tableLike.includes(body.removeType)) return [];
      const mode: LockMode = body.concurrent ? 'ShareUpdateExclusive' : 'AccessExclusive';
      const index = body.removeType === 'OBJECT_INDEX';
      return (body.objects ?? []).map((o) => ({ table: listName(as(o, 'List')?.items).key, mode, index }));
    }
    case 'TruncateStmt':
      return (body.relations ?? []).map((r) => ({
        table: relationName(as(r, 'RangeVar')).key,
        mode: 'AccessExclusive'
      }));
    case 'VacuumStmt': {
      const full = (body.options ?? []).some((o) => as(o, 'DefElem')?.defname === 'full');
      if (!full) return [];
      return (body.rels ?? []).map((r) => ({
        table: relationName(as(r, 'VacuumRelation')?.relation).key,
        mode: 'AccessExclusive'
      }));
    }
    case 'ClusterStmt':
      return body.relation ? [{ table: relationName(body.relation).key, mode: 'AccessExclusive' }] : [];
    case 'ReindexStmt':
      if (body.params?.some((p) => as(p, 'DefElem')?.defname === 'concurrently')) return [];
      return body.relation
        ? [
            {
              table: relationName(body.relation).key,
              mode: 'AccessExclusive',
              index: body.kind === 'REINDEX_OBJECT_INDEX'
            }
          ]
        : [];
    case 'CreateTrigStmt':
      return [{ table: relationName(body.relation).key, mode: 'ShareRowExclusive' }];
    case 'RefreshMatViewStmt':
      return [{ table: relationName(body.relation).key, mode: body.concurrent ? 'Exclusive' : 'AccessExclusive' }];
    case 'LockStmt': {
      const modes: LockMode[] = [...LOCK_MODES];
      const mode = modes[(body.mode ?? 8) - 1] ?? 'AccessExclusive';
      return (body.relations ?? []).map((r) => ({ table: relationName(as(r, 'RangeVar')).key, mode }));
    }
    case 'CreateStmt':
      // A new table is not contended, but its foreign keys lock the referenced tables.
      return referencedByCreate(body).map((table) => ({ table, mode: 'ShareRowExclusive' }));
    default:
      return [];
  }
}

function referencedByCreate(body: CreateStmt): string[] {
  const found: string[] = [];
  for (const element of body.tableElts ?? []) {
    const constraints = [
      as(element, 'Constraint'),
      ...(as(element, 'ColumnDef')?.constraints ?? []).map((c) => as(c, 'Constraint'))
    ];
    for (const c of constraints)
      if (c?.contype === 'CONSTR_FOREIGN' && c.pktable) found.push(relationName(c.pktable).key);
  }
  return found;
}
