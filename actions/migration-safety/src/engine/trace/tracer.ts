// The tracer: runs the baseline, then every statement of the change set on a real server in the scratch
// database, and records what each one did (locks, rewrites, constraints, columns, time, lock_timeout).
//
// How nothing persists and yet each statement sees the schema the ones before it built: every transaction of
// the migration (the file's, or a lone statement's) is traced inside BEGIN ... ROLLBACK, with a catalogue
// snapshot before and after each statement; then it is replayed and committed, untraced, in the scratch
// database, which the trace drops at the end. A statement PostgreSQL refuses inside a transaction block
// (CREATE INDEX CONCURRENTLY and the like) runs alone on its own path, as the migration tool must run it: a
// blocker connection holds a snapshot (and ACCESS SHARE on every table) so the statement has to wait
// part-way, and an observer connection reads its locks from pg_locks meanwhile; its effect stays in the scratch
// database and goes with it.
import type pg from 'pg';
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';
import type { LockMode } from '../locks.js';
import type { ParsedStatement } from '../parse.js';
import {
  columnChanges,
  constraintChanges,
  heldLocks,
  lockTimeoutMs,
  newRelations,
  rebuilt,
  rewritten,
  snapshot,
  unindexedForeignKeys,
  type HeldLock,
  type Snapshot
} from './catalogue.js';
import { hazardsOf } from './hazards.js';
import { clusterWide, type Step, type Unit } from './plan.js';
import type { ObservedLock, StatementTrace, TraceResult } from './types.js';

export interface TracedFile {
  path: string;
  /** Traced (the change set) or only applied (the baseline). */
  traced: boolean;
  changeSet: number;
  units: Unit[];
}

export interface Connections {
  /** The tracing session (in the scratch database). */
  main: pg.ClientBase;
  /** A new session to the scratch database, for the own path's observer and blocker. */
  open(): Promise<pg.ClientBase & { end(): Promise<void> }>;
}

/** A blocker is released after this long even if the statement never waits on it. */
const BLOCK_LIMIT_MS = 30_000;
const POLL_MS = 2;

class StatementFailed extends Error {}

type Raw = Omit<StatementTrace, 'locks' | 'hazards' | 'disagreements'> & {
  before: HeldLock[];
  after: HeldLock[];
  relations: Snapshot['relations'];
  statement: ParsedStatement;
};

/** What the cross-check needs beside each trace: the statement and its index owners as the server knew them. */
export interface TraceContext {
  statement: ParsedStatement;
  indexOwner: (indexKey: string) => string | undefined;
  /** The statements a DO block runs (empty for any other statement). */
  runs: readonly ParsedStatement[];
  /** Tables that existed before the change set (`schema.name`). */
  preExisting: ReadonlySet<string>;
}

export type TracedStatements = Omit<TraceResult, 'server' | 'source' | 'notes'> & { contexts: TraceContext[] };

export async function traceFiles(files: readonly TracedFile[], connections: Connections): Promise<TracedStatements> {
  const { main } = connections;
  const pid = ((await main.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid;
  const statements: StatementTrace[] = [];
  const contexts: TraceContext[] = [];
  const skipped: TraceResult['skipped'] = [];
  const unindexed: TraceResult['unindexedForeignKeys'] = [];
  let preExisting = new Set<string>();
  let changeSet: number | undefined;
  let addedForeignKeys = new Map<string, Step>();
  let failed: Step | undefined;

  const endChangeSet = async () => {
    if (addedForeignKeys.size === 0) return;
    for (const fk of await unindexedForeignKeys(main)) {
      const step = addedForeignKeys.get(`${fk.table}/${fk.name}`);
      if (step) unindexed.push({ file: step.file, line: step.span.line, table: fk.table, constraint: fk.name });
    }
    addedForeignKeys = new Map();
  };

  for (const file of files) {
    if (failed) {
      if (file.traced)
        skipped.push({ file: file.path, line: 1, reason: `not run: ${failed.file}:${failed.span.line} failed` });
      continue;
    }
    if (file.traced && file.changeSet !== changeSet) {
      await endChangeSet();
      // A change set is deployed in a session of its own: what the baseline SET (a lock_timeout, a search_path)
      // must not be in force for it, or the trace reports a timeout the deploy will not have.
      await main.query('RESET ALL');
      changeSet = file.changeSet;
      preExisting = new Set((await snapshot(main)).relations.keys());
    }
    for (const [unitIndex, unit] of file.units.entries()) {
      const steps = unit.steps.filter((step) => {
        if (!clusterWide(step.statement)) return true;
        skipped.push({
          file: step.file,
          line: step.span.line,
          reason: 'acts on the whole cluster (databases, roles, tablespaces, settings): not run by the trace'
        });
        return false;
      });
      if (steps.length === 0) continue;
      const work = { ...unit, steps };
      if (!file.traced) {
        await apply(main, work, true);
        continue;
      }
      let raws: Raw[];
      try {
        raws = work.kind === 'own-path' ? [await ownPath(connections, pid, steps[0])] : await traced(main, pid, work);
      } catch (error) {
        if (!(error instanceof StatementFailed)) throw error;
        raws = (error as StatementFailed & { raws: Raw[] }).raws;
        failed = raws[raws.length - 1] ? stepOf(raws[raws.length - 1], steps) : steps[0];
      }
      statements.push(...finish(raws, work.kind, preExisting));
      contexts.push(
        ...raws.map((raw) => ({
          statement: raw.statement,
          runs: stepOf(raw, steps).runs ?? [],
          indexOwner: ownerIn(raw.relations),
          preExisting: keysOf(preExisting, raw.relations)
        }))
      );
      for (const raw of raws)
        for (const c of raw.constraints)
          if (c.change === 'added' && c.type === 'f') addedForeignKeys.set(`${c.table}/${c.name}`, stepOf(raw, steps));
      if (failed) {
        const rest = [...steps.slice(raws.length), ...file.units.slice(unitIndex + 1).flatMap((u) => u.steps)];
        const reason = `not run: ${failed.file}:${failed.span.line} failed`;
        for (const step of rest) skipped.push({ file: step.file, line: step.span.line, reason });
        break;
      }
      // Later statements need what this transaction built: replay it, committed, in the scratch database.
      if (work.kind !== 'own-path' && !work.discarded) await apply(main, work, false);
    }
  }
  if (!failed) await endChangeSet();
  return {
    baselineFiles: files.filter((f) => !f.traced).length,
    statements,
    skipped,
    unindexedForeignKeys: unindexed,
    contexts
  };
}

function keysOf(oids: ReadonlySet<string>, relations: Snapshot['relations']): Set<string> {
  return new Set([...oids].flatMap((oid) => relations.get(oid)?.key ?? []));
}

function ownerIn(relations: Snapshot['relations']): (indexKey: string) => string | undefined {
  const byKey = new Map([...relations.values()].map((r) => [r.key, r]));
  return (key) => {
    const table = byKey.get(key)?.tableOid;
    return table ? relations.get(table)?.key : undefined;
  };
}

function stepOf(raw: Raw, steps: readonly Step[]): Step {
  return steps.find((s) => s.statement === raw.statement) ?? steps[0];
}

/** Runs a unit untraced and commits it: the baseline, and the replay of a traced transaction. */
async function apply(client: pg.ClientBase, unit: Unit, baseline: boolean): Promise<void> {
  const transactional = unit.kind === 'transaction';
  try {
    if (transactional) await client.query('BEGIN');
    for (const step of unit.steps) {
      try {
        await client.query(step.statement.sql);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const where = `${step.file}:${step.span.line}`;
        // The baseline is the repository's SQL: its failure is the user's to fix. A replay that fails where the
        // traced run passed is ours.
        if (baseline)
          throw new ConfigurationError(`Baseline migration ${where} failed on PostgreSQL: ${message}`, {
            cause: error
          });
        throw new Error(`Replaying ${where} failed on PostgreSQL: ${message}`, { cause: error });
      }
    }
    if (transactional) await client.query(unit.discarded ? 'ROLLBACK' : 'COMMIT');
  } catch (error) {
    if (transactional) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function base(step: Step, kind: Unit['kind']) {
  return {
    file: step.file,
    ...step.span,
    sql: step.statement.sql.length > 200 ? `${step.statement.sql.slice(0, 197)}...` : step.statement.sql,
    kind: step.statement.kind,
    transaction: kind,
    statement: step.statement
  };
}

/** A transaction (or a lone statement) inside BEGIN ... ROLLBACK, with a snapshot around each statement. */
async function traced(client: pg.ClientBase, pid: number, unit: Unit): Promise<Raw[]> {
  const raws: Raw[] = [];
  await client.query('BEGIN');
  try {
    for (const step of unit.steps) {
      const lockTimeout = await lockTimeoutMs(client);
      const before = await snapshot(client);
      const locksBefore = await heldLocks(client, pid);
      const started = performance.now();
      let error: string | undefined;
      try {
        await client.query(step.statement.sql);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const durationMs = performance.now() - started;
      if (error !== undefined) {
        raws.push({
          ...empty(step, unit.kind, before, durationMs, lockTimeout),
          error,
          before: locksBefore,
          after: []
        });
        throw Object.assign(new StatementFailed(error), { raws });
      }
      const after = await snapshot(client);
      raws.push(
        observation(step, unit.kind, before, after, locksBefore, await heldLocks(client, pid), durationMs, lockTimeout)
      );
    }
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
  return raws;
}

function empty(step: Step, kind: Unit['kind'], before: Snapshot, durationMs: number, lockTimeout: number) {
  return {
    ...base(step, kind),
    durationMs,
    lockTimeoutMs: lockTimeout,
    rewrites: [],
    indexesBuilt: [],
    columns: [],
    constraints: [],
    relations: before.relations
  };
}

function observation(
  step: Step,
  kind: Unit['kind'],
  before: Snapshot,
  after: Snapshot,
  locksBefore: HeldLock[],
  locksAfter: HeldLock[],
  durationMs: number,
  lockTimeout: number
): Raw {
  // Names as they were before the statement (a RENAME is predicted under the old name), new objects as created.
  const relations = new Map([...after.relations, ...before.relations]);
  const keyOf = (oid: string) => relations.get(oid)?.key ?? `oid ${oid}`;
  const truncate = step.statement.kind === 'TruncateStmt';
  return {
    ...base(step, kind),
    durationMs,
    lockTimeoutMs: lockTimeout,
    // TRUNCATE swaps in new, empty storage: a new relfilenode, but nothing is copied.
    rewrites: truncate
      ? []
      : [...rewritten(before, after), ...rebuilt(before, after).filter((r) => r.kind === 'index')].map((r) => ({
          relation: r.key,
          kind: r.kind as 'table' | 'index',
          preExisting: false
        })),
    indexesBuilt: newRelations(before, after)
      .filter((r) => r.kind === 'index')
      .map((r) => ({ relation: r.key, table: keyOf(r.tableOid ?? ''), preExistingTable: false })),
    columns: columnChanges(before, after),
    constraints: constraintChanges(before, after),
    before: locksBefore,
    after: locksAfter,
    relations
  };
}

/**
 * A statement that must run outside a transaction block, traced from a second connection while a third makes it
 * wait: CREATE INDEX CONCURRENTLY waits for older snapshots, DROP INDEX CONCURRENTLY for the tables' lockers.
 */
async function ownPath(connections: Connections, pid: number, step: Step): Promise<Raw> {
  const { main } = connections;
  const lockTimeout = await lockTimeoutMs(main);
  const before = await snapshot(main);
  const observer = await connections.open();
  const blocker = await connections.open();
  try {
    // Every table, not only those the static prediction names: what is observed must not depend on it.
    const named = [...before.relations.values()].filter((r) => r.kind === 'table').map((r) => r.oid);
    await blocker.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await blocker.query('SELECT txid_current()');
    // ACCESS SHARE on them, held by the blocker until it commits (regclass quotes the names).
    const names = (await blocker.query('SELECT r::regclass::text AS name FROM unnest($1::oid[]) AS r', [named]))
      .rows as {
      name: string;
    }[];
    for (const { name } of names) await blocker.query(`LOCK TABLE ${name} IN ACCESS SHARE MODE`);
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await blocker.query('COMMIT').catch(() => undefined);
    };
    const seen = new Map<string, HeldLock>();
    const started = performance.now();
    let settled = false;
    const running = main.query(step.statement.sql).then(
      () => undefined,
      (e: unknown) => (e instanceof Error ? e.message : String(e))
    );
    void running.then(() => (settled = true));
    while (!settled) {
      const rows = (
        await observer.query(
          `SELECT l.relation::text AS oid, l.mode, l.granted, l.locktype FROM pg_locks l WHERE l.pid = $1`,
          [pid]
        )
      ).rows as { oid: string | null; mode: string; granted: boolean; locktype: string }[];
      // A lock it waits for (VACUUM FULL's ACCESS EXCLUSIVE behind the blocker) is one it holds once released.
      for (const row of rows)
        if (row.locktype === 'relation' && row.oid)
          seen.set(`${row.oid}/${row.mode}`, { oid: row.oid, mode: row.mode.replace(/Lock$/, '') as LockMode });
      // Waiting on the blocker: its locks are all taken by now, so let it finish.
      if (rows.some((row) => !row.granted) || performance.now() - started > BLOCK_LIMIT_MS) await release();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const error = await running;
    const durationMs = performance.now() - started;
    await release();
    if (error !== undefined) {
      const raws = [{ ...empty(step, 'own-path', before, durationMs, lockTimeout), error, before: [], after: [] }];
      throw Object.assign(new StatementFailed(error), { raws });
    }
    const after = await snapshot(main);
    return observation(step, 'own-path', before, after, [], [...seen.values()], durationMs, lockTimeout);
  } finally {
    await blocker.end().catch(() => undefined);
    await observer.end().catch(() => undefined);
  }
}

/** Locks with how long each is held (to the end of the transaction), pre-existing flags, and the hazards. */
function finish(raws: readonly Raw[], kind: Unit['kind'], preExisting: ReadonlySet<string>): StatementTrace[] {
  const durations = raws.map((r) => r.durationMs);
  return raws.map((raw, i) => {
    const heldMs = kind === 'transaction' ? durations.slice(i).reduce((a, b) => a + b, 0) : raw.durationMs;
    const held = new Set(raw.before.map((l) => `${l.oid}/${l.mode}`));
    const tableOf = (oid: string) => {
      const rel = raw.relations.get(oid);
      return rel?.tableOid ? raw.relations.get(rel.tableOid)?.key : undefined;
    };
    // Only the migrations' relations: the catalogues our own snapshot queries read are locked too.
    const locks: ObservedLock[] = raw.after
      .flatMap((lock) => (raw.relations.has(lock.oid) ? [lock] : []))
      .map((lock) => {
        const rel = raw.relations.get(lock.oid);
        const fresh = !held.has(`${lock.oid}/${lock.mode}`);
        const table = rel?.kind === 'index' ? tableOf(lock.oid) : undefined;
        return {
          relation: rel?.key ?? `oid ${lock.oid}`,
          kind: rel?.kind ?? 'other',
          ...(table ? { table } : {}),
          mode: lock.mode,
          new: fresh,
          preExisting: preExisting.has(lock.oid),
          // An already-held lock was counted on the statement that took it.
          heldMs: fresh ? heldMs : 0
        };
      });
    const preExistingKeys = keysOf(preExisting, raw.relations);
    const trace: StatementTrace = {
      file: raw.file,
      line: raw.line,
      column: raw.column,
      endLine: raw.endLine,
      endColumn: raw.endColumn,
      sql: raw.sql,
      kind: raw.kind,
      transaction: raw.transaction,
      durationMs: round(raw.durationMs),
      lockTimeoutMs: raw.lockTimeoutMs,
      locks: locks.map((l) => ({ ...l, heldMs: round(l.heldMs) })),
      rewrites: raw.rewrites.map((r) => ({ ...r, preExisting: preExistingKeys.has(r.relation) })),
      indexesBuilt: raw.indexesBuilt.map((ix) => ({ ...ix, preExistingTable: preExistingKeys.has(ix.table) })),
      columns: raw.columns,
      constraints: raw.constraints,
      hazards: [],
      disagreements: [],
      ...(raw.error !== undefined ? { error: raw.error } : {})
    };
    trace.hazards = hazardsOf(trace, preExistingKeys);
    return trace;
  });
}

const round = (ms: number) => Math.round(ms * 100) / 100;
