// Catalogue snapshots around a statement, read on the tracing connection itself (inside its transaction, so
// they see what the statement did before it is rolled back), and what changed between two of them.
import type pg from 'pg';
import { LOCK_MODES, type LockMode } from '../locks.js';
import type { ColumnChange, ConstraintChange } from './types.js';

/** Schemas of the server itself: never the migrations' objects. */
const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'`;

export interface Relation {
  oid: string;
  key: string;
  kind: 'table' | 'index' | 'other';
  filenode: string;
  /** For an index: its table's oid. */
  tableOid?: string;
}

export interface Snapshot {
  relations: Map<string, Relation>;
  /** `tableOid/column` -> type and NOT NULL. */
  columns: Map<string, { table: string; column: string; type: string; notNull: boolean }>;
  /** constraint oid -> what it is. */
  constraints: Map<string, { table: string; name: string; type: string; valid: boolean }>;
}

export interface HeldLock {
  oid: string;
  mode: LockMode;
}

const RELATIONS = `
SELECT c.oid::text AS oid, n.nspname || '.' || c.relname AS key, c.relkind AS relkind, c.relfilenode::text AS filenode,
       i.indrelid::text AS table_oid
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid
 WHERE ${USER_SCHEMA} AND c.relkind IN ('r', 'p', 'm', 'i', 'I', 'S', 'v', 'f')`;

const COLUMNS = `
SELECT a.attrelid::text AS rel, n.nspname || '.' || c.relname AS key, a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${USER_SCHEMA} AND c.relkind IN ('r', 'p', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped`;

const CONSTRAINTS = `
SELECT co.oid::text AS oid, n.nspname || '.' || c.relname AS key, co.conname AS name, co.contype AS type,
       co.convalidated AS valid
  FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${USER_SCHEMA}`;

/** Relation-level locks of this backend; pg_locks spells modes `AccessExclusiveLock`. */
const LOCKS = `
SELECT l.relation::text AS oid, l.mode AS mode FROM pg_locks l
 WHERE l.pid = $1 AND l.locktype = 'relation' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

function relationKind(relkind: string): Relation['kind'] {
  if (relkind === 'i' || relkind === 'I') return 'index';
  return relkind === 'r' || relkind === 'p' || relkind === 'm' ? 'table' : 'other';
}

interface ColumnRow {
  rel: string;
  key: string;
  name: string;
  type: string;
  not_null: boolean;
}

interface ConstraintRow {
  oid: string;
  key: string;
  name: string;
  type: string;
  valid: boolean;
}

export async function snapshot(client: pg.ClientBase): Promise<Snapshot> {
  const relations = new Map<string, Relation>();
  for (const row of (await client.query(RELATIONS)).rows as Record<string, string | null>[])
    relations.set(row.oid!, {
      oid: row.oid!,
      key: row.key!,
      kind: relationKind(row.relkind!),
      filenode: row.filenode!,
      ...(row.table_oid ? { tableOid: row.table_oid } : {})
    });
  const columns: Snapshot['columns'] = new Map();
  for (const row of (await client.query(COLUMNS)).rows as ColumnRow[])
    columns.set(`${row.rel}/${row.name}`, { table: row.key, column: row.name, type: row.type, notNull: row.not_null });
  const constraints: Snapshot['constraints'] = new Map();
  for (const row of (await client.query(CONSTRAINTS)).rows as ConstraintRow[])
    constraints.set(row.oid, { table: row.key, name: row.name, type: row.type, valid: row.valid });
  return { relations, columns, constraints };
}

/** The locks a backend holds (its own, or another's seen from a second connection). */
export async function heldLocks(client: pg.ClientBase, pid: number): Promise<HeldLock[]> {
  const rows = (await client.query(LOCKS, [pid])).rows as { oid: string; mode: string }[];
  return rows.flatMap((row) => {
    const mode = row.mode.replace(/Lock$/, '') as LockMode;
    return LOCK_MODES.includes(mode) ? [{ oid: row.oid, mode }] : [];
  });
}

/** lock_timeout in milliseconds (0: wait forever). */
export async function lockTimeoutMs(client: pg.ClientBase): Promise<number> {
  const row = (await client.query(`SELECT setting::bigint AS ms FROM pg_settings WHERE name = 'lock_timeout'`))
    .rows[0] as { ms: string } | undefined;
  return Number(row?.ms ?? 0);
}

/** Relations whose storage was replaced: same oid, new relfilenode (0 means no storage of its own). */
export function rewritten(before: Snapshot, after: Snapshot): Relation[] {
  return [...after.relations.values()].filter((r) => {
    const old = before.relations.get(r.oid);
    return old !== undefined && r.kind !== 'other' && r.filenode !== '0' && old.filenode !== r.filenode;
  });
}

/**
 * Relations dropped and built again under the same name by the statement: ALTER COLUMN TYPE rebuilds the indexes
 * on the column that way (a new oid, so no relfilenode to compare), which is a rewrite of the index.
 */
export function rebuilt(before: Snapshot, after: Snapshot): Relation[] {
  const gone = new Set([...before.relations.values()].filter((r) => !after.relations.has(r.oid)).map((r) => r.key));
  return [...after.relations.values()].filter((r) => !before.relations.has(r.oid) && gone.has(r.key));
}

/** Relations the statement created (not counting those it rebuilt under their old name). */
export function newRelations(before: Snapshot, after: Snapshot): Relation[] {
  const again = new Set(rebuilt(before, after).map((r) => r.oid));
  return [...after.relations.values()].filter((r) => !before.relations.has(r.oid) && !again.has(r.oid));
}

export function columnChanges(before: Snapshot, after: Snapshot): ColumnChange[] {
  const changes: ColumnChange[] = [];
  for (const [key, now] of after.columns) {
    const old = before.columns.get(key);
    const base = { table: now.table, column: now.column };
    if (!old) {
      // A column of a new table is part of creating it, not a change.
      if ([...before.columns.keys()].some((k) => k.startsWith(`${key.split('/')[0]}/`)))
        changes.push({ ...base, change: 'added', to: now.type });
      continue;
    }
    if (old.type !== now.type) changes.push({ ...base, change: 'type', from: old.type, to: now.type });
    if (!old.notNull && now.notNull) changes.push({ ...base, change: 'set-not-null' });
    if (old.notNull && !now.notNull) changes.push({ ...base, change: 'drop-not-null' });
  }
  for (const [key, old] of before.columns)
    if (!after.columns.has(key) && after.relations.has(key.split('/')[0]))
      changes.push({ table: old.table, column: old.column, change: 'dropped', from: old.type });
  return changes;
}

export function constraintChanges(before: Snapshot, after: Snapshot): ConstraintChange[] {
  // ALTER COLUMN TYPE drops and re-creates the constraints on the column under their names: not a change of them.
  const named = (c: { table: string; name: string }) => `${c.table}/${c.name}`;
  const dropped = [...before.constraints].filter(([oid]) => !after.constraints.has(oid));
  const added = [...after.constraints].filter(([oid]) => !before.constraints.has(oid));
  const again = new Set(dropped.map(([, c]) => named(c)).filter((key) => added.some(([, c]) => named(c) === key)));
  const changes: ConstraintChange[] = [];
  for (const [, c] of added)
    if (!again.has(named(c)))
      changes.push({ table: c.table, name: c.name, type: c.type, change: 'added', valid: c.valid });
  for (const [oid, now] of after.constraints) {
    const old = before.constraints.get(oid);
    if (old && !old.valid && now.valid)
      changes.push({ table: now.table, name: now.name, type: now.type, change: 'validated' });
  }
  for (const [, c] of dropped)
    if (!again.has(named(c))) changes.push({ table: c.table, name: c.name, type: c.type, change: 'dropped' });
  return changes;
}

/** User tables of the connected database (the non-empty check). */
export async function userTableCount(client: pg.ClientBase): Promise<number> {
  const row = (
    await client.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_SCHEMA} AND c.relkind IN ('r', 'p', 'm', 'f')`
    )
  ).rows[0] as { n: number };
  return row.n;
}

/**
 * Foreign keys of the connected database with no index whose leading columns are the referencing columns:
 * deleting or updating a referenced row scans the referencing table (eugene's E15).
 */
export async function unindexedForeignKeys(client: pg.ClientBase): Promise<{ table: string; name: string }[]> {
  const rows = (
    await client.query(`
SELECT n.nspname || '.' || c.relname AS table, co.conname AS name
  FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE co.contype = 'f' AND ${USER_SCHEMA} AND NOT EXISTS (
   SELECT 1 FROM pg_index i
    WHERE i.indrelid = co.conrelid
      AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(co.conkey)] @> co.conkey
      AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(co.conkey)] <@ co.conkey)`)
  ).rows as { table: string; name: string }[];
  return rows;
}
