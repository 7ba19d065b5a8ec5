import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { parsePostgresUrl, probePostgres, type PostgresCheck } from '../../actions/health-gate/src/checks/postgres.js';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { freePort, silentServer, sleep } from '../harness/ports.js';
import {
  createTestDatabase,
  runSql,
  startPostgresCluster,
  testCluster,
  type PostgresCluster,
  type TestDatabase
} from '../harness/postgres.js';
import { probeContext, testTiming } from './probe-fixtures.js';

const APP_PASSWORD = 'pg-S3cret:with@chars';

function postgresCheck(connectionString: string, overrides: Partial<PostgresCheck> = {}): PostgresCheck {
  return {
    name: 'db',
    type: 'postgres',
    role: 'readiness',
    ...testTiming({ timeout: 5000, failureThreshold: 3 }),
    connectionString,
    ...overrides
  };
}

const context = (timeoutMs = 5000, signal?: AbortSignal) => probeContext(timeoutMs, signal);

describe('postgres check on the shared test cluster', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('pgcheck');
    await runSql(
      db.connectionString,
      `CREATE TABLE status (ok boolean, label text); INSERT INTO status VALUES (true, 'ready');`
    );
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  }, 60_000);

  it('passes on SELECT 1 and reports latency and server version', async () => {
    const outcome = await probePostgres(postgresCheck(db.connectionString), context());
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toMatch(/^SELECT 1 in [\d.]+ ms \(PostgreSQL \d+(\.\d+)?\)$/);
    expect(outcome.observed).toMatchObject({
      latencyMs: expect.any(Number),
      serverVersion: expect.stringMatching(/^\d+/)
    });
  });

  it('passes when the query returns the expected value, compared as text', async () => {
    const outcome = await probePostgres(
      postgresCheck(db.connectionString, { query: 'SELECT count(*) FROM status', expect: '1' }),
      context()
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toMatch(/; query returned "1"$/);

    const bool = await probePostgres(
      postgresCheck(db.connectionString, { query: 'SELECT ok, label FROM status', expect: 'true' }),
      context()
    );
    expect(bool.status).toBe('pass');
    const numeric = await probePostgres(
      postgresCheck(db.connectionString, { query: 'SELECT 1.50::numeric', expect: '1.50' }),
      context()
    );
    expect(numeric.status).toBe('pass');
  });

  it('fails when the query returns something else, no rows, or NULL', async () => {
    const mismatch = await probePostgres(
      postgresCheck(db.connectionString, { query: 'SELECT label FROM status', expect: 'draining' }),
      context()
    );
    expect(mismatch).toMatchObject({ status: 'fail', message: 'query returned "ready", expected "draining"' });

    const none = await probePostgres(
      postgresCheck(db.connectionString, { query: 'SELECT label FROM status WHERE false', expect: 'ready' }),
      context()
    );
    expect(none).toMatchObject({ status: 'fail', message: 'query returned no rows, expected "ready"' });

    const nullValue = await probePostgres(
      postgresCheck(db.connectionString, { query: 'SELECT NULL::text', expect: 'ready' }),
      context()
    );
    expect(nullValue).toMatchObject({ status: 'fail', message: 'query returned NULL, expected "ready"' });
  });

  it('fails with the server message when the query is wrong', async () => {
    const outcome = await probePostgres(
      postgresCheck(db.connectionString, { query: 'SELECT * FROM no_such_table' }),
      context()
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe('query failed: relation "no_such_table" does not exist (SQLSTATE 42P01)');
  });

  it('stops a slow query with statement_timeout set from the attempt timeout', async () => {
    const outcome = await probePostgres(
      postgresCheck(db.connectionString, { query: 'SELECT pg_sleep(5)' }),
      // The signal fires later than the timeout, so it is the server that gives up here.
      context(300, AbortSignal.timeout(5000))
    );
    expect(outcome).toMatchObject({ status: 'fail', message: 'statement timed out after 300 ms' });
  });

  it('stops promptly when the signal fires during a query', async () => {
    const started = performance.now();
    const outcome = await probePostgres(
      postgresCheck(db.connectionString, { query: 'SELECT pg_sleep(3)' }),
      context(10_000, AbortSignal.timeout(300))
    );
    expect(performance.now() - started).toBeLessThan(1500);
    expect(outcome).toMatchObject({ status: 'fail', message: 'timed out after 10000 ms waiting for the server' });
  });

  it('says which database does not exist', async () => {
    const url = testCluster().connectionString('no_such_db_here');
    const outcome = await probePostgres(postgresCheck(url), context());
    expect(outcome).toMatchObject({ status: 'fail', message: 'database "no_such_db_here" does not exist' });
  });

  it('says "connection refused" for a closed port', async () => {
    const port = await freePort();
    const outcome = await probePostgres(postgresCheck(`postgres://postgres@127.0.0.1:${port}/postgres`), context());
    expect(outcome).toMatchObject({ status: 'fail', message: `connection refused (127.0.0.1:${port})` });
  });

  it('stops promptly when the server accepts the connection and never answers', async () => {
    const server = await silentServer();
    try {
      const started = performance.now();
      const outcome = await probePostgres(
        postgresCheck(`postgres://postgres@127.0.0.1:${server.port}/postgres`),
        context(250)
      );
      expect(performance.now() - started).toBeLessThan(1000);
      expect(outcome).toMatchObject({
        status: 'fail',
        message: `timed out after 250 ms connecting to 127.0.0.1:${server.port}`
      });
    } finally {
      await server.close();
    }
  });

  it('uses only the connection string: PG* environment variables do not leak in', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      PGDATABASE: 'no_such_db_from_env',
      PGOPTIONS: '-c search_path=from_env',
      PGAPPNAME: 'from-env',
      PGSSLMODE: 'verify-full',
      PGCONNECT_TIMEOUT: '1'
    });
    try {
      const { port } = testCluster();
      const outcome = await probePostgres(
        postgresCheck(`postgres://postgres@127.0.0.1:${port}`, {
          query:
            "SELECT current_database() || ' ' || current_setting('search_path') || ' ' || current_setting('application_name')",
          expect: 'postgres "$user", public ubos-health-gate'
        }),
        context()
      );
      expect(outcome.status).toBe('pass');
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });

  it('passes the options parameter of the URL to the server', async () => {
    const url = `${db.connectionString}?options=${encodeURIComponent('-c search_path=audit,public')}&sslmode=disable`;
    const outcome = await probePostgres(
      postgresCheck(url, { query: "SELECT current_setting('search_path')", expect: 'audit,public' }),
      context()
    );
    expect(outcome.message).toMatch(/; query returned "audit,public"$/);
  });
});

describe('postgres check with password authentication', () => {
  let cluster: PostgresCluster;

  beforeAll(async () => {
    // The shared cluster trusts every local connection, so passwords are tested on a cluster of our own.
    cluster = await startPostgresCluster();
    await runSql(
      cluster.connectionString(),
      `CREATE ROLE app LOGIN PASSWORD '${APP_PASSWORD}'; CREATE DATABASE app OWNER app;`
    );
    fs.writeFileSync(
      path.join(cluster.dataDir, 'pg_hba.conf'),
      [
        'local all all trust',
        'host all postgres 127.0.0.1/32 trust',
        'host all all 127.0.0.1/32 scram-sha-256',
        ''
      ].join('\n')
    );
    await runSql(cluster.connectionString(), 'SELECT pg_reload_conf();');
    // The postmaster rereads pg_hba.conf asynchronously; wait until password-less logins are refused.
    for (let i = 0; i < 100; i++) {
      const probe = await probePostgres(postgresCheck(appUrl()), context()).catch(() => undefined);
      if (probe?.status === 'fail') break;
      await sleep(50);
    }
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  function appUrl(password?: string): string {
    const auth = password === undefined ? 'app' : `app:${encodeURIComponent(password)}`;
    return `postgresql://${auth}@127.0.0.1:${cluster.port}/app`;
  }

  it('passes with the right password', async () => {
    const outcome = await probePostgres(postgresCheck(appUrl(APP_PASSWORD)), context());
    expect(outcome.status).toBe('pass');
  });

  it('reports a wrong password without the password or the connection string', async () => {
    const wrong = 'Wr0ng-pa55word!';
    const url = appUrl(wrong);
    const outcome = await probePostgres(postgresCheck(url), context());
    expect(outcome).toMatchObject({ status: 'fail', message: 'password authentication failed for user "app"' });
    const everything = JSON.stringify(outcome);
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(encodeURIComponent(wrong));
    expect(everything).not.toContain(url);
  });

  it('says when the server wants a password and the string has none, even with PGPASSWORD set', async () => {
    const saved = process.env.PGPASSWORD;
    process.env.PGPASSWORD = APP_PASSWORD;
    try {
      const outcome = await probePostgres(postgresCheck(appUrl()), context());
      expect(outcome).toMatchObject({
        status: 'fail',
        message: 'the server asks for a password for user "app" and the connection string has none'
      });
    } finally {
      if (saved === undefined) delete process.env.PGPASSWORD;
      else process.env.PGPASSWORD = saved;
    }
  });
});

describe('connection string parsing', () => {
  it('applies libpq defaults and decodes every part', () => {
    const target = parsePostgresUrl(
      'postgresql://app:p%40ss%2Fword@db.internal:6543/orders?application_name=gate',
      '/'
    );
    expect(target).toMatchObject({
      host: 'db.internal',
      port: 6543,
      user: 'app',
      password: 'p@ss/word',
      database: 'orders',
      sslMode: 'prefer',
      applicationName: 'gate'
    });
    expect(target.display).not.toContain('p%40ss');
    expect(parsePostgresUrl('postgres://app@[::1]', '/')).toMatchObject({ host: '::1', port: 5432, database: 'app' });
    expect(parsePostgresUrl('postgres:///app?host=/var/run/postgresql', '/')).toMatchObject({
      host: '/var/run/postgresql',
      database: 'app'
    });
  });

  it('maps sslmode the way libpq does, reading sslrootcert against the working directory', () => {
    const fixtures = path.join(process.cwd(), '__tests__', 'fixtures');
    expect(parsePostgresUrl('postgres://h/db?sslmode=disable', '/').sslMode).toBe('disable');
    expect(parsePostgresUrl('postgres://h/db?sslmode=no-verify', '/').sslMode).toBe('require');
    expect(parsePostgresUrl('postgres://h/db?ssl=true', '/').sslMode).toBe('verify-full');
    const withCa = parsePostgresUrl('postgres://h/db?sslmode=require&sslrootcert=tls/ca.crt', fixtures);
    expect(withCa.sslMode).toBe('verify-ca');
    expect(String(withCa.tls.ca)).toContain('BEGIN CERTIFICATE');
  });

  it('rejects what it cannot use, without echoing the password', () => {
    const cases = [
      'mysql://u:hunter2@h/db',
      'postgres://u:hunter2@h1:5432,h2:5432/db',
      'postgres://u:hunter2@h:99999/db',
      'postgres://u:hunter2@h/db?sslmode=sometimes',
      'postgres://u:hunter2@h/db?sslmode=verify-ca&sslrootcert=/no/such/ca.crt'
    ];
    for (const url of cases) {
      let caught: unknown;
      try {
        parsePostgresUrl(url, '/');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigurationError);
      expect((caught as Error).message).not.toContain('hunter2');
    }
  });
});
