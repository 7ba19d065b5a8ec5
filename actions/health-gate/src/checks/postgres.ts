// The `postgres` probe: connect, SELECT 1, optionally run a query with an expected value and check that the
// migrations shipped with the deployment are applied.
//
// node-postgres fills every connection setting the caller leaves empty from PG* environment variables (and
// ~/.pgpass for the password). A gate must test exactly the connection string it was given (a PGPASSWORD on
// the runner must not make a password-less string pass), so the string is parsed here and every setting is
// handed to pg explicitly.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type tls from 'node:tls';
import pg from 'pg';
import type { ClientConfig, QueryResult } from 'pg';
import { asError, ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { redact, redactConnectionString } from '../../../../shared/src/lib/redact.js';
import type { AttemptOutcome, BaseCheck, Probe, ProbeContext } from '../types.js';
import {
  checkMigrations,
  resolveMigrationsDir,
  type MigrationsExpectation,
  type MigrationsReport
} from './migrations.js';
import {
  abortedMessage,
  AbortedAttemptError,
  describeNetworkError,
  elapsedMs,
  errorCode,
  formatTarget
} from './tcp.js';
import { isMapping } from '../config-reader.js';
import { defineCheckKind } from './kind.js';

export interface PostgresCheck extends BaseCheck {
  type: 'postgres';
  /** libpq URL (postgres://user:pass@host:port/db?sslmode=...). */
  connectionString: string;
  query?: string;
  /** Expected value of the first column of the first row of `query`, compared as text. */
  expect?: string;
  migrations?: MigrationsExpectation;
}

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

export interface PostgresTarget {
  /** Host name, IP address, or a Unix socket directory (starting with `/`). */
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  sslMode: SslMode;
  /** CA, client certificate and key read from sslrootcert / sslcert / sslkey. */
  tls: Pick<tls.ConnectionOptions, 'ca' | 'cert' | 'key'>;
  applicationName: string;
  /** The `options` startup parameter (`-c search_path=app`). */
  options?: string;
  /** The connection string with its password replaced, for messages. */
  display: string;
}

function readPemFile(value: string, cwd: string, parameter: string): string {
  const file = path.resolve(cwd, value);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new ConfigurationError(`${parameter} file not found or unreadable: ${value}`);
  }
}

function decode(text: string, what: string, display: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ConfigurationError(`malformed percent-encoding in the ${what} of ${display}`);
  }
}

/** The OS user libpq would connect as when the string names none. */
function defaultUser(): string {
  try {
    return os.userInfo().username || 'postgres';
  } catch {
    return 'postgres';
  }
}

/**
 * Parses a libpq URL (postgres:// or postgresql://) with libpq's defaults: port 5432, the OS user, the
 * database named like the user, sslmode prefer. File parameters (sslrootcert...) resolve against `cwd`.
 */
export function parsePostgresUrl(connectionString: string, cwd: string): PostgresTarget {
  const text = connectionString.trim();
  const display = redactConnectionString(text);
  if (!/^postgres(?:ql)?:\/\//i.test(text)) {
    throw new ConfigurationError(`a PostgreSQL connection string starts with postgres:// or postgresql://: ${display}`);
  }
  const authority = /^[^:]+:\/\/([^/?#]*)/.exec(text)?.[1] ?? '';
  if (authority.slice(authority.lastIndexOf('@') + 1).includes(',')) {
    throw new ConfigurationError(`connection strings with several hosts are not supported: ${display}`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigurationError(`invalid PostgreSQL connection string: ${display}`);
  }
  const params = url.searchParams;
  const hostParam = params.get('host');
  const host = hostParam || decode(url.hostname, 'host', display).replace(/^\[(.*)\]$/, '$1') || 'localhost';
  const portText = params.get('port') || url.port || '5432';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigurationError(`invalid port "${portText}" in ${display}`);
  }
  const user = params.get('user') || decode(url.username, 'user name', display) || defaultUser();
  const passwordParam = params.get('password');
  const password = passwordParam ?? (url.password === '' ? undefined : decode(url.password, 'password', display));
  const database = params.get('dbname') || decode(url.pathname.replace(/^\//, ''), 'database name', display) || user;

  let sslMode: SslMode;
  const sslModeParam = params.get('sslmode');
  const sslParam = params.get('ssl');
  if (sslModeParam !== null) {
    // node-postgres' own spelling of "encrypt, but do not verify".
    const mode = sslModeParam === 'no-verify' ? 'require' : sslModeParam;
    if (!SSL_MODES.includes(mode as SslMode)) {
      throw new ConfigurationError(`invalid sslmode "${sslModeParam}" (expected one of ${SSL_MODES.join(', ')})`);
    }
    sslMode = mode as SslMode;
  } else if (sslParam !== null) {
    // node-postgres' `ssl=true` verifies the certificate like sslmode=verify-full.
    sslMode = sslParam === 'true' || sslParam === '1' ? 'verify-full' : 'disable';
  } else {
    sslMode = 'prefer';
  }

  const tlsFiles: PostgresTarget['tls'] = {};
  const rootCert = params.get('sslrootcert');
  if (rootCert && rootCert !== 'system') {
    tlsFiles.ca = readPemFile(rootCert, cwd, 'sslrootcert');
    // libpq: with a root certificate, require behaves like verify-ca.
    if (sslMode === 'require') sslMode = 'verify-ca';
  }
  const cert = params.get('sslcert');
  if (cert) tlsFiles.cert = readPemFile(cert, cwd, 'sslcert');
  const key = params.get('sslkey');
  if (key) tlsFiles.key = readPemFile(key, cwd, 'sslkey');

  return {
    host,
    port,
    user,
    password,
    database,
    sslMode,
    tls: tlsFiles,
    applicationName: params.get('application_name') || 'ubos-health-gate',
    options: params.get('options') || undefined,
    display
  };
}

/**
 * The values derived from a connection string's password that travel to the server: the password itself
 * (cleartext auth), decoded, and md5(password + user), which md5 authentication accepts in place of the
 * password (its salted digest is computed from it). SCRAM's proofs are per session and never printed.
 * Without a parsable URL there is nothing more than the string-level credentials.
 */
export function postgresDerivedSecrets(connectionString: string): string[] {
  let url: URL;
  try {
    url = new URL(connectionString.trim());
  } catch {
    return [];
  }
  const safe = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const params = url.searchParams;
  const password = params.get('password') ?? (url.password === '' ? undefined : safe(url.password));
  if (password === undefined || password === '') return [];
  const user = params.get('user') || safe(url.username) || defaultUser();
  const hash = createHash('md5')
    .update(password + user, 'utf8')
    .digest('hex');
  return [password, hash, `md5${hash}`];
}

/** What to try, in order: libpq's `prefer` is TLS first, then plain when the server has no TLS. */
function sslAttempts(target: PostgresTarget): (false | tls.ConnectionOptions)[] {
  switch (target.sslMode) {
    case 'disable':
    case 'allow':
      return [false];
    case 'prefer':
      return [{ ...target.tls, rejectUnauthorized: false }, false];
    case 'require':
      return [{ ...target.tls, rejectUnauthorized: false }];
    case 'verify-ca':
      return [{ ...target.tls, rejectUnauthorized: true, checkServerIdentity: () => undefined }];
    case 'verify-full':
      return [{ ...target.tls, rejectUnauthorized: true }];
  }
}

class PasswordMissingError extends Error {
  override readonly name = 'PasswordMissingError';
}

// Settings pg leaves to the environment when they are empty; they are set again after construction.
interface ConnectionParameters {
  options?: string;
  replication?: unknown;
  binary?: unknown;
}

function createClient(target: PostgresTarget, ssl: false | tls.ConnectionOptions, timeoutMs: number): pg.Client {
  const config: ClientConfig = {
    host: target.host,
    port: target.port,
    user: target.user,
    database: target.database,
    // A function, so that pg never falls back to PGPASSWORD or ~/.pgpass.
    password: () => {
      if (target.password === undefined) {
        throw new PasswordMissingError(
          `the server asks for a password for user "${target.user}" and the connection string has none`
        );
      }
      return target.password;
    },
    ssl,
    sslnegotiation: 'postgres',
    application_name: target.applicationName,
    client_encoding: 'utf8',
    connectionTimeoutMillis: Math.max(1, Math.ceil(timeoutMs)),
    keepAlive: false
  };
  const client = new pg.Client(config);
  const parameters = (client as unknown as { connectionParameters: ConnectionParameters }).connectionParameters;
  parameters.options = target.options;
  parameters.replication = undefined;
  parameters.binary = false;
  // A server-side termination after the attempt must not surface as an unhandled 'error' event.
  client.on('error', () => undefined);
  return client;
}

/** Drops the connection at once: pg's end() waits for the server, which may be the thing that hangs. */
function destroyClient(client: pg.Client): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

/** Resolves or rejects with `work`, or rejects with AbortedAttemptError (after `onAbort`) when the signal fires. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, doing: string, onAbort: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = (): void => {
      onAbort();
      reject(new AbortedAttemptError(doing));
    };
    if (signal.aborted) {
      work.catch(() => undefined);
      abort();
      return;
    }
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(asError(error));
      }
    );
  });
}

function isNoTlsError(error: unknown): boolean {
  return error instanceof Error && /does not support SSL/i.test(error.message);
}

async function connect(target: PostgresTarget, context: ProbeContext): Promise<pg.Client> {
  const where = target.host.startsWith('/') ? target.host : formatTarget(target.host, target.port);
  const attempts = sslAttempts(target);
  for (let i = 0; ; i++) {
    const client = createClient(target, attempts[i], context.timeoutMs);
    try {
      await untilAborted(client.connect(), context.signal, `connecting to ${where}`, () => destroyClient(client));
      return client;
    } catch (error) {
      destroyClient(client);
      if (i + 1 < attempts.length && isNoTlsError(error)) continue;
      throw error;
    }
  }
}

async function close(client: pg.Client, signal: AbortSignal): Promise<void> {
  try {
    await untilAborted(client.end(), signal, 'closing the connection', () => destroyClient(client));
  } catch {
    destroyClient(client);
  }
}

type Stage = 'connect' | 'check' | 'query' | 'migrations';

interface DatabaseErrorLike {
  code: string;
  message: string;
}

// pg's DatabaseError carries the SQLSTATE in `code`, where Node's system errors carry ECONNREFUSED and such.
function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  if (!(error instanceof Error) || !('severity' in error)) return false;
  const code: unknown = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

function describeError(error: unknown, target: PostgresTarget, timeoutMs: number, stage: Stage): string {
  const where = target.host.startsWith('/') ? target.host : formatTarget(target.host, target.port);
  if (error instanceof AbortedAttemptError) return abortedMessage(timeoutMs, error.doing);
  if (error instanceof PasswordMissingError) return error.message;
  if (isDatabaseError(error)) {
    switch (error.code) {
      case '28P01':
        return `password authentication failed for user "${target.user}"`;
      case '3D000':
        return `database "${target.database}" does not exist`;
      case '57P03':
        return `the server is not accepting connections: ${error.message}`;
      case '53300':
        return `too many connections: ${error.message}`;
      case '57014':
        if (/statement timeout/i.test(error.message)) return `statement timed out after ${timeoutMs} ms`;
        break;
    }
    const prefix =
      stage === 'query' ? 'query failed: ' : stage === 'migrations' ? 'reading the migrations failed: ' : '';
    return `${prefix}${error.message} (SQLSTATE ${error.code})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isNoTlsError(error)) return `the server at ${where} does not support TLS (sslmode=${target.sslMode})`;
  if (/timeout expired|connection timeout/i.test(message))
    return `timed out after ${timeoutMs} ms connecting to ${where}`;
  if (/Connection terminated/i.test(message)) {
    return stage === 'connect'
      ? `the server at ${where} closed the connection during the handshake`
      : `the server at ${where} closed the connection`;
  }
  if (errorCode(error) !== undefined) return describeNetworkError(error, target.host, target.port);
  return message;
}

// Values exactly as the server prints them: "compared as text" means what psql would show.
const RAW_TEXT = { getTypeParser: () => (value: string) => value };
const BOOL_OID = 16;

function listNames(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function quoteValue(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value);
}

interface QueryValue {
  rows: number;
  value?: string | null;
}

async function runUserQuery(
  client: pg.Client,
  query: string,
  run: <T>(work: Promise<T>) => Promise<T>
): Promise<QueryValue> {
  const results = (await run(client.query({ text: query, rowMode: 'array', types: RAW_TEXT }))) as unknown as
    QueryResult<(string | null)[]> | QueryResult<(string | null)[]>[];
  // With several statements pg returns one result each; the last is the one that answers.
  const result = Array.isArray(results) ? results[results.length - 1] : results;
  const row = result?.rows[0];
  if (!result || !row || row.length === 0) return { rows: result?.rows.length ?? 0 };
  const raw = row[0];
  if (raw === null || raw === undefined) return { rows: result.rows.length, value: null };
  let value = String(raw);
  if (result.fields[0]?.dataTypeID === BOOL_OID) value = value === 't' ? 'true' : value === 'f' ? 'false' : value;
  return { rows: result.rows.length, value };
}

function matchesExpected(value: string, expected: string): boolean {
  if (value === expected) return true;
  // Booleans print as t/f; both spellings are accepted.
  return (value === 'true' && expected === 't') || (value === 'false' && expected === 'f');
}

function migrationsFailure(report: MigrationsReport): string {
  const parts: string[] = [];
  if (report.missing.length > 0) parts.push(`${report.missing.length} missing (${listNames(report.missing)})`);
  if (report.failed.length > 0) parts.push(`${report.failed.length} failed (${listNames(report.failed)})`);
  return `${report.framework} migrations not applied in ${report.table}: ${parts.join(', ')}`;
}

export const probePostgres: Probe<PostgresCheck> = async (check, context): Promise<AttemptOutcome> => {
  if (check.expect !== undefined && check.query === undefined) {
    throw new ConfigurationError('"expect" needs a "query" whose first value is compared with it');
  }
  const target = parsePostgresUrl(check.connectionString, context.cwd);
  // A wrong directory is reported as such even while the database is down.
  if (check.migrations) resolveMigrationsDir(check.migrations.dir, context.cwd);
  const secrets = [
    target.password ?? '',
    check.connectionString,
    ...postgresDerivedSecrets(check.connectionString),
    ...(context.secrets ?? [])
  ].filter((value) => value !== '');
  const observed: Record<string, unknown> = {};
  const start = performance.now();
  let client: pg.Client | undefined;
  let stage: Stage = 'connect';
  try {
    client = await connect(target, context);
    const connected = client;
    const run = <T>(work: Promise<T>): Promise<T> =>
      untilAborted(work, context.signal, 'waiting for the server', () => destroyClient(connected));

    // One round trip: the statement timeout is local to a transaction so that it cannot leak into other
    // sessions through a transaction-pooling PgBouncer.
    stage = 'check';
    const timeout = Math.max(1, Math.ceil(context.timeoutMs));
    const results = (await run(
      client.query(
        `BEGIN; SET LOCAL statement_timeout = ${timeout}; ` +
          `SELECT 1 AS one, current_setting('server_version') AS server_version`
      )
    )) as unknown as QueryResult[];
    const first = results[results.length - 1]?.rows[0] as { one?: number; server_version?: string } | undefined;
    const latencyMs = elapsedMs(start);
    observed.latencyMs = latencyMs;
    observed.serverVersion = first?.server_version;
    if (first?.one !== 1) {
      return { status: 'fail', message: 'SELECT 1 did not return 1', observed };
    }
    const version = String(first.server_version ?? '').split(' ')[0];
    const notes: string[] = [];

    if (check.query !== undefined) {
      stage = 'query';
      const answer = await runUserQuery(client, check.query, run);
      observed.value = answer.value;
      if (check.expect !== undefined) {
        if (answer.value === undefined) {
          return { status: 'fail', message: `query returned no rows, expected ${quoteValue(check.expect)}`, observed };
        }
        if (answer.value === null) {
          return { status: 'fail', message: `query returned NULL, expected ${quoteValue(check.expect)}`, observed };
        }
        if (!matchesExpected(answer.value, check.expect)) {
          return {
            status: 'fail',
            message: `query returned ${quoteValue(answer.value)}, expected ${quoteValue(check.expect)}`,
            observed
          };
        }
      }
      notes.push(
        answer.value === undefined
          ? `query returned ${answer.rows} rows`
          : `query returned ${answer.value === null ? 'NULL' : quoteValue(answer.value)}`
      );
    }

    if (check.migrations) {
      stage = 'migrations';
      const result = await run(checkMigrations(client, check.migrations, context.cwd));
      if (!result.found) return { status: 'fail', message: result.message, observed };
      const { report } = result;
      observed.migrationsTable = report.table;
      observed.migrationsFramework = report.framework;
      observed.missing = report.missing;
      observed.failed = report.failed;
      observed.unknown = report.unknown;
      if (report.missing.length > 0 || report.failed.length > 0) {
        return { status: 'fail', message: migrationsFailure(report), observed };
      }
      const unknown = report.unknown.length > 0 ? ` (${report.unknown.length} recorded without a file)` : '';
      notes.push(`${report.applied} ${report.framework} migrations applied${unknown}`);
    }

    await run(client.query('COMMIT'));
    const suffix = notes.length > 0 ? `; ${notes.join('; ')}` : '';
    return {
      status: 'pass',
      message: `SELECT 1 in ${latencyMs} ms (PostgreSQL ${version})${suffix}`,
      observed
    };
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    if (observed.latencyMs === undefined) observed.latencyMs = elapsedMs(start);
    return {
      status: 'fail',
      message: redact(describeError(error, target, context.timeoutMs, stage), secrets),
      observed
    };
  } finally {
    if (client) await close(client, context.signal);
  }
};

export const postgresCheck = defineCheckKind<PostgresCheck>({
  type: 'postgres',
  keys: {
    'connection-string': { kind: 'string', required: true, description: 'postgres://user:password@host:port/db URL.' },
    query: { kind: 'string', description: 'A query to run after SELECT 1.' },
    expect: { kind: 'string', description: 'Expected first column of the first row of query, as text.' },
    migrations: {
      kind: 'migrations',
      description:
        'Check that the migration files in dir are applied: dir, and optionally table and column (auto-detected).'
    }
  },
  parse({ read: r, where, base, url, secret }) {
    const connectionString = url('connection-string');
    if (!/^postgres(ql)?:\/\//.test(connectionString)) {
      throw new ConfigurationError(`${where}: "connection-string" must be a postgres:// or postgresql:// URL`);
    }
    let migrations;
    if (r.has('migrations')) {
      const m = r.value('migrations');
      if (!isMapping(m) || typeof m.dir !== 'string' || m.dir.trim() === '') {
        throw new ConfigurationError(`${where}: "migrations" must be a mapping with at least "dir"`);
      }
      const unknown = Object.keys(m).filter((k) => !['dir', 'table', 'column'].includes(k));
      if (unknown.length > 0) throw new ConfigurationError(`${where}: unknown key "migrations.${unknown[0]}"`);
      migrations = {
        dir: m.dir,
        table: typeof m.table === 'string' ? m.table : undefined,
        column: typeof m.column === 'string' ? m.column : undefined
      };
    }
    const query = r.string('query');
    const expect = r.string('expect');
    if (expect !== undefined && query === undefined) {
      throw new ConfigurationError(`${where}: "expect" needs a "query"`);
    }
    secret(...postgresDerivedSecrets(connectionString));
    return { ...base, type: 'postgres', connectionString, query, expect, migrations };
  },
  target: (check) => check.connectionString,
  probe: probePostgres
});
