// Table-size awareness, the pure half: given the findings whose statement rewrites or scans a pre-existing table
// (Finding.table and .cost, from the rule's `cost`) and what a stats database's catalogue says about those tables,
// a rewrite or scan of a big table becomes an error with an estimated duration and one of a tiny table drops a
// level. Reading the catalogue is table-stats.ts's job; nothing here does I/O.
import type { Finding, Level, SizeJudgement, TableCost } from './types.js';

/** A table as the stats database is asked about it. */
export interface TableRef {
  /** `schema.name`, as in Finding.table. */
  key: string;
  schema: string;
  name: string;
}

/** What the catalogue says about one table, summed over its partitions (or inheritance children). */
export interface TableStats {
  key: string;
  /** pg_class.reltuples; undefined when it was never analysed (reltuples = -1 on PostgreSQL 14+). */
  rows?: number;
  /** pg_total_relation_size: heap, TOAST and indexes, what a rewrite writes again. */
  totalBytes: number;
  /** pg_relation_size: the heap's main fork, what a scan or an index build reads. */
  heapBytes: number;
}

export interface SizeThresholds {
  /** A table with at least this many rows is big. */
  bigRows: number;
  /** ... or at least this many bytes (pg_total_relation_size). */
  bigBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_THRESHOLDS: SizeThresholds = { bigRows: 1_000_000, bigBytes: 1024 * MIB };

/**
 * A table under a hundredth of both big-table thresholds is tiny (10,000 rows and about 10 MB with the defaults):
 * its rewrite or scan takes a fraction of a second even on slow storage, so the lock is held too briefly to hurt.
 * Tied to the thresholds, so lowering them (a small staging copy) keeps tiny below big.
 */
export const TINY_FRACTION = 100;

/**
 * Throughput assumed for each kind of work, in MB/s (MiB, as PostgreSQL counts). Chosen for a cold cache on cloud
 * block storage, where a big table's pages mostly are: a gp3 volume's baseline is 125 MB/s, so a sequential scan
 * gets about 100; an index build reads the heap and sorts the keys (spilling to disk past maintenance_work_mem)
 * and writes the index and its WAL, about 40; a rewrite reads every page and writes it again with its WAL, then
 * rebuilds every index, about 25 of the total size. They err on the slow side: the estimate says how long the
 * lock may be held, and saying "seconds" for what takes minutes is the mistake that hurts. For scale, the
 * development machine (local disk, warm cache, a 96 MB heap) scanned at about 2,400 MB/s, built an index at 280
 * and rewrote at 63: production storage under load is what the figures are for.
 */
export const THROUGHPUT_MB_S: Readonly<Record<TableCost, number>> = { rewrite: 25, scan: 100, 'index-build': 40 };

const COST_NOUN: Record<TableCost, string> = {
  rewrite: 'the rewrite',
  scan: 'the scan',
  'index-build': 'the index build'
};

export type SizeClass = 'big' | 'medium' | 'tiny';

export interface TableSizeRow extends TableStats {
  class: SizeClass;
  /** Estimated seconds per kind of work the findings do to this table. */
  estimates: Partial<Record<TableCost, number>>;
}

export interface TableSizeResult {
  /** The findings, those of big and tiny tables with their level and message adjusted (`size` says how). */
  findings: Finding[];
  /** The tables the stats database knows, in the order of their first finding. */
  tables: TableSizeRow[];
  /** Tables asked for that the stats database does not have (their findings are unchanged). */
  unknown: string[];
  thresholds: SizeThresholds;
}

/** `schema.name` split at the first dot, the way the replay builds its keys. */
export function tableRef(key: string): TableRef {
  const dot = key.indexOf('.');
  return dot < 0 ? { key, schema: 'public', name: key } : { key, schema: key.slice(0, dot), name: key.slice(dot + 1) };
}

/** The tables to look up: those of findings that rewrite or scan a table the change set did not create. */
export function touchedTables(findings: readonly Finding[]): TableRef[] {
  const keys = new Set<string>();
  for (const f of findings) if (f.table && f.cost) keys.add(f.table);
  return [...keys].map(tableRef);
}

export function classify(stats: TableStats, thresholds: SizeThresholds): SizeClass {
  if ((stats.rows ?? 0) >= thresholds.bigRows || stats.totalBytes >= thresholds.bigBytes) return 'big';
  // A table never analysed is judged by its size alone, which the catalogue always knows.
  const fewRows = stats.rows === undefined || stats.rows < thresholds.bigRows / TINY_FRACTION;
  return fewRows && stats.totalBytes < thresholds.bigBytes / TINY_FRACTION ? 'tiny' : 'medium';
}

/** Seconds the work takes at the assumed throughput: a rewrite writes everything, a scan reads the heap. */
export function estimateSeconds(stats: TableStats, cost: TableCost): number {
  const bytes = cost === 'rewrite' ? stats.totalBytes : stats.heapBytes;
  return bytes / (THROUGHPUT_MB_S[cost] * MIB);
}

export function applyTableSizes(
  findings: readonly Finding[],
  stats: readonly TableStats[],
  thresholds: SizeThresholds = DEFAULT_THRESHOLDS
): TableSizeResult {
  const known = new Map(stats.map((s) => [s.key, s]));
  const rows = new Map<string, TableSizeRow>();
  const unknown = new Set<string>();
  const adjusted = findings.map((finding) => {
    if (!finding.table || !finding.cost) return finding;
    const table = known.get(finding.table);
    if (!table) {
      unknown.add(finding.table);
      return finding;
    }
    let row = rows.get(table.key);
    if (!row) rows.set(table.key, (row = { ...table, class: classify(table, thresholds), estimates: {} }));
    const seconds = estimateSeconds(table, finding.cost);
    row.estimates[finding.cost] = seconds;
    return judge(finding, row, finding.cost, seconds);
  });
  return { findings: adjusted, tables: [...rows.values()], unknown: [...unknown], thresholds };
}

function judge(finding: Finding, table: TableSizeRow, cost: TableCost, seconds: number): Finding {
  if (table.class === 'medium') return finding;
  const from = finding.severity;
  const big = table.class === 'big';
  const to: Level = big ? 'error' : from === 'error' ? 'warning' : 'notice';
  const change: SizeJudgement['change'] = big ? (from === 'error' ? 'confirmed' : 'raised') : 'lowered';
  const work = `${COST_NOUN[cost]} takes ${formatSeconds(seconds)} (at ${THROUGHPUT_MB_S[cost]} MB/s)`;
  const verdict = change === 'confirmed' ? '' : `: ${change} from ${from} to ${to}`;
  const reason = `table ${describeTable(table)}, ${work}${verdict}`;
  return {
    ...finding,
    severity: to,
    message: `${finding.message} [${reason}]`,
    size: { originalLevel: from, change, reason, estimateSeconds: seconds }
  };
}

/** "public.orders has ~2.4M rows (1.2 GB)", or "public.fresh is 8 kB (never analysed: rows unknown)". */
export function describeTable(table: TableStats): string {
  const size = formatSize(table.totalBytes);
  if (table.rows === undefined) return `${table.key} is ${size} (never analysed: rows unknown)`;
  return `${table.key} has ${formatRows(table.rows)} (${size})`;
}

/** "~2.4M rows", "~12k rows", "~12 rows". */
export function formatRows(rows: number): string {
  const n = Math.round(rows);
  const short = (value: number, unit: string) =>
    `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10}${unit}`;
  const text =
    n >= 1e9 ? short(n / 1e9, 'G') : n >= 1e6 ? short(n / 1e6, 'M') : n >= 1e4 ? short(n / 1e3, 'k') : `${n}`;
  return `~${text} ${n === 1 ? 'row' : 'rows'}`;
}

const SIZE_UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB'] as const;

/** 1024-based like pg_size_pretty: "16 kB", "1.2 GB". */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${SIZE_UNITS[unit]}`;
}

/** "under a second", "about 50 s", "about 12 min", "about 2.5 h". */
export function formatSeconds(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  const round = (value: number) => (value >= 10 ? Math.round(value) : Math.round(value * 10) / 10);
  if (seconds < 90 * 60) return `about ${round(seconds / 60)} min`;
  return `about ${round(seconds / 3600)} h`;
}

const SIZE_INPUT = /^\s*(\d+(?:\.\d+)?)\s*(b|bytes|kb|kib|mb|mib|gb|gib|tb|tib)?\s*$/i;
const UNIT_POWER: Record<string, number> = {
  b: 0,
  bytes: 0,
  kb: 1,
  kib: 1,
  mb: 2,
  mib: 2,
  gb: 3,
  gib: 3,
  tb: 4,
  tib: 4
};

/** `1GB`, `500 MB`, `1073741824` in bytes (units 1024-based, as PostgreSQL reads them); undefined if malformed. */
export function parseSize(text: string): number | undefined {
  const match = SIZE_INPUT.exec(text);
  if (!match) return undefined;
  const bytes = Number(match[1]) * 1024 ** UNIT_POWER[(match[2] ?? 'b').toLowerCase()];
  return Number.isFinite(bytes) && bytes >= 1 ? Math.round(bytes) : undefined;
}
