// Table-size awareness, the I/O half: one catalogue query to a stats database (a replica or staging) for the
// tables the findings rewrite or scan. The session is read-only (default_transaction_read_only as a startup
// setting), every step has a timeout, and only pg_class, pg_namespace, pg_inherits and the size functions are
// read: never a row of a table. Any failure is one line with the connection string redacted.
import pg from 'pg';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { analyseConnectionString, redact } from '../../../shared/src/lib/redact.js';
import type { TableRef, TableStats } from './engine/table-size.js';

export interface StatsSessionOptions {
  /** How the setting is named in errors: `Input "stats-database-url"` or `--stats-database-url`. */
  label: string;
  /** Default 10 s: a replica across a VPN can be slow to answer, a hung one must not hold the job. */
  connectTimeoutMs?: number;
  /** Default 10 s, for each statement (also its lock wait: the size functions lock each table ACCESS SHARE). */
  statementTimeoutMs?: number;
}

export interface StatsSession {
  query<T extends object>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

// The tables asked for and, through pg_inherits, their partitions (or inheritance children), whose rows and
// sizes are summed over the relations that have storage: a partitioned parent has none of its own.
const STATS_SQL = `
WITH RECURSIVE wanted AS (
  SELECT t.i, c.oid
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(schema, name, i)
  JOIN pg_catalog.pg_namespace n ON n.nspname = t.schema
  JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = t.name AND c.relkind IN ('r', 'p', 'm')
), tree(i, oid) AS (
  SELECT i, oid FROM wanted
  UNION ALL
  SELECT tree.i, h.inhrelid FROM pg_catalog.pg_inherits h JOIN tree ON h.inhparent = tree.oid
)
SELECT tree.i::int AS i,
       coalesce(sum(greatest(p.reltuples, 0)), 0)::float8 AS rows,
       coalesce(bool_and(p.reltuples >= 0), true) AS analysed,
       coalesce(sum(pg_catalog.pg_total_relation_size(p.oid)), 0)::float8 AS total_bytes,
       coalesce(sum(pg_catalog.pg_relation_size(p.oid)), 0)::float8 AS heap_bytes
FROM tree
LEFT JOIN pg_catalog.pg_class p ON p.oid = tree.oid AND p.relkind IN ('r', 'm')
GROUP BY tree.i`;

interface StatsRow {
  i: number;
  rows: number;
  analysed: boolean;
  total_bytes: number;
  heap_bytes: number;
}

/** Sizes of the tables the stats database knows; those it does not are simply absent from the answer. */
export async function readTableStats(
  url: string,
  tables: readonly TableRef[],
  options: StatsSessionOptions
): Promise<TableStats[]> {
  if (tables.length === 0) return [];
  const session = await openStatsSession(url, options);
  try {
    const rows = await session.query<StatsRow>(STATS_SQL, [tables.map((t) => t.schema), tables.map((t) => t.name)]);
    return rows.map((row) => ({
      key: tables[row.i - 1].key,
      ...(row.analysed ? { rows: row.rows } : {}),
      totalBytes: row.total_bytes,
      heapBytes: row.heap_bytes
    }));
  } finally {
    await session.close();
  }
}

// Settings pg would otherwise take from the connection string (which may set options or timeouts of its own).
interface ConnectionParameters {
  options?: string;
  statement_timeout?: number;
  lock_timeout?: number;
}

/** How a failure reads: one line naming the setting and the database, the password and the URL hidden. */
function failure(url: string, label: string): (why: string) => ConfigurationError {
  const text = url.trim();
  const { redacted, secrets } = analyseConnectionString(text);
  return (why) =>
    new ConfigurationError(`${label}: cannot read table sizes from ${redacted}: ${redact(why, [text, ...secrets])}`);
}

/** Refuses what is not a PostgreSQL URL before anything else runs, whether or not a table will be looked up. */
export function checkStatsUrl(url: string, label: string): void {
  if (!/^postgres(?:ql)?:\/\/./i.test(url.trim()))
    throw failure(url, label)('a postgres:// or postgresql:// URL is expected');
}

/** A read-only session on the stats database; exported for the test that proves it refuses writes. */
export async function openStatsSession(url: string, options: StatsSessionOptions): Promise<StatsSession> {
  checkStatsUrl(url, options.label);
  const text = url.trim();
  const fail = failure(text, options.label);
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const statementTimeoutMs = options.statementTimeoutMs ?? 10_000;
  let client: pg.Client;
  try {
    client = new pg.Client({
      connectionString: text,
      connectionTimeoutMillis: connectTimeoutMs,
      // The server's own timeout can be lost with the connection; this one cannot.
      query_timeout: statementTimeoutMs + 2_000,
      application_name: 'ubos-migration-safety',
      keepAlive: false
    });
  } catch (error) {
    throw fail(describe(error, connectTimeoutMs, statementTimeoutMs));
  }
  // Set after construction so that the connection string cannot turn them off. Startup settings, not SET: a
  // SET through a transaction pooler would leak into other clients' sessions.
  const parameters = (client as unknown as { connectionParameters: ConnectionParameters }).connectionParameters;
  parameters.options = [parameters.options, '-c default_transaction_read_only=on'].filter(Boolean).join(' ');
  parameters.statement_timeout = statementTimeoutMs;
  parameters.lock_timeout = statementTimeoutMs;
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await closeWithin(client, 2_000);
    throw fail(describe(error, connectTimeoutMs, statementTimeoutMs));
  }
  return {
    async query<T extends object>(sql: string, params?: unknown[]): Promise<T[]> {
      try {
        return (await client.query<T>(sql, params)).rows;
      } catch (error) {
        throw fail(describe(error, connectTimeoutMs, statementTimeoutMs));
      }
    },
    close: () => closeWithin(client, 2_000)
  };
}

/** end() waits for the server to close its side, which a dead network never does: then the socket is dropped. */
async function closeWithin(client: pg.Client, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const drop = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
      resolve();
    }, ms);
  });
  await Promise.race([client.end().catch(() => undefined), drop]);
  clearTimeout(timer);
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** The failure as a few words: node's network codes, PostgreSQL's SQLSTATEs, pg's own timeouts. */
function describe(error: unknown, connectTimeoutMs: number, statementTimeoutMs: number): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ECONNRESET':
      return 'the server closed the connection';
    case '28P01':
    case '28000':
      return `authentication failed: ${message}`;
    case '3D000':
      return message;
    case '57014':
      return `the catalogue query took longer than ${seconds(statementTimeoutMs)}`;
    case '55P03':
      return `a table stayed locked for longer than ${seconds(statementTimeoutMs)}`;
  }
  if (/timeout expired|connection timeout/i.test(message)) return `no connection within ${seconds(connectTimeoutMs)}`;
  if (/Query read timeout/i.test(message)) return `no answer within ${seconds(statementTimeoutMs + 2_000)}`;
  if (/Connection terminated/i.test(message)) return 'the server closed the connection';
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? `${message} (SQLSTATE ${code})` : message;
}
