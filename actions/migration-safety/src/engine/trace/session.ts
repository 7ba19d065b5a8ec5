// The server side of a trace: connecting (with timeouts, and errors that name the redacted URL), the non-empty
// check, and the scratch database every trace works in and drops, so the named database is never written to.
import crypto from 'node:crypto';
import pg from 'pg';
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';
import { redactConnectionString } from '../../../../../shared/src/lib/redact.js';
import { userTableCount } from './catalogue.js';

export type Session = pg.Client;

const CONNECT_TIMEOUT_MS = 10_000;
/** No single statement of a trace (the migrations' own included) may run longer. */
const QUERY_TIMEOUT_MS = 10 * 60_000;

export async function connect(url: string): Promise<Session> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    application_name: 'ubos-migration-safety-trace'
  });
  // A server that goes away mid-trace fails the running query; the client must not also crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(`database-url: cannot connect to ${redactConnectionString(url)}: ${reason}`);
  }
  return client;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError('database-url must be a postgresql:// URL (postgresql://user:password@host:5432/db)');
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:')
    throw new ConfigurationError(`database-url must be a postgresql:// URL; got a ${parsed.protocol}// one`);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export async function refuseNonEmpty(client: Session, allowNonempty: boolean): Promise<void> {
  if (allowNonempty) return;
  const tables = await userTableCount(client);
  if (tables > 0)
    throw new ConfigurationError(
      `database-url: the database holds ${tables} user table${tables === 1 ? '' : 's'}; the trace only runs against a scratch server (set allow-nonempty: true if this one is)`
    );
}

export interface Scratch {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database beside the named one; drop() removes it (forcing off any session left in it). */
export async function createScratch(admin: Session, url: string): Promise<Scratch> {
  const name = `ubos_trace_${crypto.randomBytes(6).toString('hex')}`;
  try {
    // template0: a clean database even where template1 has been given objects, and nobody can be connected to it.
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(
      `database-url: cannot create the scratch database the trace runs in (${reason}); the role needs CREATEDB, or use start-postgres: true`
    );
  }
  let dropped = false;
  return {
    name,
    url: withDatabase(url, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      const row = (await admin.query('SHOW server_version_num')).rows[0] as { server_version_num?: string } | undefined;
      const version = Number(row?.server_version_num ?? 0);
      if (version < 130000)
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      await admin.query(`DROP DATABASE IF EXISTS ${name}${version >= 130000 ? ' WITH (FORCE)' : ''}`);
    }
  };
}
