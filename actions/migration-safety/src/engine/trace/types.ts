// What a live trace observes and reports. The tracer fills StatementTrace from catalogue snapshots taken around
// each statement on a real server; the cross-check adds the static prediction and the disagreements.
import type { LockMode } from '../locks.js';
import type { Span } from '../types.js';

export type TraceMode = 'lint' | 'trace' | 'lint+trace';

export interface TraceSettings {
  /** A server to trace on (the trace works in a scratch database it creates there and drops). */
  databaseUrl?: string;
  /** Start a throwaway cluster from the local PostgreSQL binaries instead (or when no URL is given). */
  startPostgres: boolean;
  /** Trace on a server whose named database already holds user tables. */
  allowNonempty: boolean;
  /** Fail when a lock blocking writes on a pre-existing table is held longer than this. */
  maxLockMs?: number;
  /** Where start-postgres puts its cluster (the runner's temp folder in the action). */
  tempDir?: string;
  /** The PATH searched for initdb and pg_ctl (the adapters pass the process's; engines read no environment). */
  searchPath?: string;
}

/** One lock our backend held on a relation after a statement. */
export interface ObservedLock {
  /** `schema.name`, as the linter keys tables. */
  relation: string;
  kind: 'table' | 'index' | 'other';
  /** For an index, its table. */
  table?: string;
  mode: LockMode;
  /** Taken by this statement (false: an earlier statement of the same transaction already held it). */
  new: boolean;
  /** The relation existed before the change set: other sessions use it. */
  preExisting: boolean;
  /** How long the migration holds it: from this statement's start to the end of its transaction. */
  heldMs: number;
}

export interface ColumnChange {
  table: string;
  column: string;
  change: 'added' | 'dropped' | 'type' | 'set-not-null' | 'drop-not-null';
  from?: string;
  to?: string;
}

export interface ConstraintChange {
  table: string;
  name: string;
  /** pg_constraint.contype: c check, f foreign key, p primary key, u unique, x exclusion, n not null. */
  type: string;
  change: 'added' | 'validated' | 'dropped';
  /** For an added constraint: checked against existing rows while the lock was held (false: NOT VALID). */
  valid?: boolean;
}

/** A hazard the trace saw, with eugene's hint id where it has one. */
export interface TraceHazard {
  id: string;
  eugene?: string;
  message: string;
}

export interface StaticPrediction {
  /** Table locks from engine/locks.ts, strongest per table. */
  locks: { table: string; mode: LockMode }[];
  /** Tables a rule said this statement rewrites; `maybe` when a rule said it depends (the session TimeZone). */
  rewrites: { table: string; certainty: 'yes' | 'maybe' }[];
  /** Tables a rule said explicitly are not rewritten (an exemption such as a binary-compatible cast). */
  noRewrite: string[];
}

export interface Disagreement {
  kind: 'static-wrong' | 'trace-only';
  message: string;
}

export interface StatementTrace extends Span {
  file: string;
  /** The statement's text, shortened for display. */
  sql: string;
  /** pg_query node type, e.g. AlterTableStmt. */
  kind: string;
  /** How it ran: inside the migration's transaction, alone, or on its own path (CONCURRENTLY and the like). */
  transaction: 'transaction' | 'autocommit' | 'own-path';
  durationMs: number;
  /** The lock_timeout in force while it ran, in ms (0: none). */
  lockTimeoutMs: number;
  locks: ObservedLock[];
  /** Relations whose relfilenode changed: their data was rewritten. */
  rewrites: { relation: string; kind: 'table' | 'index'; preExisting: boolean }[];
  /** New indexes (built by CREATE INDEX or a constraint). */
  indexesBuilt: { relation: string; table: string; preExistingTable: boolean }[];
  columns: ColumnChange[];
  constraints: ConstraintChange[];
  hazards: TraceHazard[];
  /** The server's error when the statement failed (the trace stops there). */
  error?: string;
  prediction?: StaticPrediction;
  disagreements: Disagreement[];
  /** The lock budget this statement exceeded, when max-lock-ms is set. */
  overBudget?: { relation: string; mode: LockMode; heldMs: number }[];
}

export interface TraceResult {
  server: string;
  /** How the trace got its server: the URL named (redacted) or a started cluster. */
  source: 'database-url' | 'start-postgres';
  /** The scratch database the trace ran in, created beside the named one and dropped at the end. */
  database?: string;
  baselineFiles: number;
  statements: StatementTrace[];
  /** Change-set statements that were not run, and why (a cluster-wide statement, an earlier failure). */
  skipped: { file: string; line: number; reason: string }[];
  /** Foreign keys added by the change set with no index on their referencing columns at its end. */
  unindexedForeignKeys: { file: string; line: number; table: string; constraint: string }[];
  maxLockMs?: number;
  notes: string[];
}
