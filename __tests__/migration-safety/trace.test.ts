// Live traces on the harness's PostgreSQL: eugene's hazards (its E hints) as the server shows them, rewrite
// detection, the CONCURRENTLY path, and what a trace leaves behind (nothing).
import { createTestDatabase, runSql, type TestDatabase } from '../harness/postgres.js';
import { BASELINE, hazardIds, statementOf, traceSql } from './trace-helpers.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('trace');
});
afterAll(async () => {
  await db.drop();
});

const trace = (sql: string | string[], options: Parameters<typeof traceSql>[2] = {}) =>
  traceSql(db.connectionString, sql, { history: [BASELINE], ...options }).then((r) => r.trace);

describe("eugene's hazards, seen on a real server", () => {
  it('E1: a constraint added VALID, and not when NOT VALID', async () => {
    const t = await trace(`ALTER TABLE users ADD CONSTRAINT email_set CHECK (email IS NOT NULL);
ALTER TABLE users ADD CONSTRAINT org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;`);
    const valid = statementOf(t, 'ALTER TABLE users ADD CONSTRAINT email_set');
    expect(valid.constraints).toEqual([
      { table: 'public.users', name: 'email_set', type: 'c', change: 'added', valid: true }
    ]);
    expect(hazardIds(valid)).toContain('E1');
    const notValid = statementOf(t, 'ALTER TABLE users ADD CONSTRAINT org_fk');
    expect(notValid.constraints).toEqual([expect.objectContaining({ name: 'org_fk', type: 'f', valid: false })]);
    expect(hazardIds(notValid)).not.toContain('E1');
    // E15: the foreign key's column has no index at the end of the change set.
    expect(t.unindexedForeignKeys).toEqual([
      { file: 'migration.sql', line: 2, table: 'public.users', constraint: 'org_fk' }
    ]);
  });

  it('E15 is not reported once the change set indexes the column', async () => {
    const t = await trace(`ALTER TABLE users ADD CONSTRAINT org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);
CREATE INDEX users_org ON users (org_id);`);
    expect(t.unindexedForeignKeys).toEqual([]);
    expect(hazardIds(statementOf(t, 'CREATE INDEX users_org'))).toContain('E6');
  });

  it('E2: SET NOT NULL scans under ACCESS EXCLUSIVE', async () => {
    const s = statementOf(await trace('ALTER TABLE users ALTER COLUMN email SET NOT NULL;'), 'ALTER TABLE');
    expect(s.columns).toEqual([{ table: 'public.users', column: 'email', change: 'set-not-null' }]);
    expect(s.locks).toContainEqual(
      expect.objectContaining({ relation: 'public.users', mode: 'AccessExclusive', new: true, preExisting: true })
    );
    expect(hazardIds(s)).toEqual(expect.arrayContaining(['E2', 'E9']));
  });

  it('E5 and E10: a rewriting type change, under ACCESS EXCLUSIVE', async () => {
    const s = statementOf(await trace('ALTER TABLE users ALTER COLUMN id TYPE bigint;'), 'ALTER TABLE');
    expect(s.rewrites).toContainEqual({ relation: 'public.users', kind: 'table', preExisting: true });
    expect(s.rewrites).toContainEqual({ relation: 'public.users_pkey', kind: 'index', preExisting: true });
    expect(s.columns).toEqual([{ table: 'public.users', column: 'id', change: 'type', from: 'integer', to: 'bigint' }]);
    expect(hazardIds(s)).toEqual(expect.arrayContaining(['E5', 'E10']));
    // The primary key is re-created under its name: neither a new constraint nor a new index.
    expect(s.constraints).toEqual([]);
    expect(s.indexesBuilt).toEqual([]);
    expect(hazardIds(s)).not.toContain('E7');
    expect(s.disagreements).toEqual([]);
  });

  it('E6: a non-concurrent index on an existing table takes SHARE; E7: a unique constraint builds an index', async () => {
    const t = await trace(`CREATE INDEX users_email ON users (email);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);`);
    const index = statementOf(t, 'CREATE INDEX');
    expect(index.locks).toContainEqual(expect.objectContaining({ relation: 'public.users', mode: 'Share', new: true }));
    expect(index.indexesBuilt).toEqual([
      { relation: 'public.users_email', table: 'public.users', preExistingTable: true }
    ]);
    expect(hazardIds(index)).toContain('E6');
    const unique = statementOf(t, 'ALTER TABLE');
    expect(hazardIds(unique)).toContain('E7');
    expect(unique.indexesBuilt.map((ix) => ix.relation)).toEqual(['public.users_email_key']);
  });

  it('E8: an exclusion constraint', async () => {
    const s = statementOf(
      await trace('ALTER TABLE users ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);'),
      'ALTER TABLE'
    );
    expect(s.constraints).toEqual([expect.objectContaining({ name: 'no_overlap', type: 'x', valid: true })]);
    expect(hazardIds(s)).toContain('E8');
  });

  it('E9: a dangerous lock without lock_timeout, and the timeout in force when set', async () => {
    const t = await trace(`SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname text;
RESET lock_timeout;
ALTER TABLE users ADD COLUMN motto text;`);
    const withTimeout = statementOf(t, 'ALTER TABLE users ADD COLUMN nickname');
    expect(withTimeout.lockTimeoutMs).toBe(2000);
    expect(hazardIds(withTimeout)).not.toContain('E9');
    expect(withTimeout.columns).toEqual([{ table: 'public.users', column: 'nickname', change: 'added', to: 'text' }]);
    const without = statementOf(t, 'ALTER TABLE users ADD COLUMN motto');
    expect(without.lockTimeoutMs).toBe(0);
    expect(hazardIds(without)).toContain('E9');
  });

  it('E9 with a baseline that SETs lock_timeout: the change set runs in a session of its own', async () => {
    const t = await trace(`ALTER TABLE users ADD COLUMN nickname text;`, {
      history: [BASELINE, `SET lock_timeout = '5s';`]
    });
    const alter = statementOf(t, 'ALTER TABLE');
    expect(alter.lockTimeoutMs).toBe(0);
    expect(hazardIds(alter)).toContain('E9');
  });

  it('E4: a statement while the transaction holds ACCESS EXCLUSIVE, held until the transaction ends', async () => {
    const t = await trace(
      `ALTER TABLE users ADD COLUMN flag boolean;
UPDATE users SET flag = true;`,
      { inTransaction: true }
    );
    const alter = statementOf(t, 'ALTER TABLE');
    const update = statementOf(t, 'UPDATE');
    expect(alter.transaction).toBe('transaction');
    expect(hazardIds(update)).toContain('E4');
    expect(update.locks).toContainEqual(
      expect.objectContaining({ relation: 'public.users', mode: 'AccessExclusive', new: false })
    );
    // ACCESS EXCLUSIVE is held through the UPDATE: its hold time covers both statements.
    const held = alter.locks.find((l) => l.relation === 'public.users' && l.mode === 'AccessExclusive')!;
    expect(held.heldMs).toBeGreaterThanOrEqual(update.durationMs);
    expect(held.heldMs).toBeCloseTo(alter.durationMs + update.durationMs, 0);
  });
});

describe('rewrite detection', () => {
  it('int to bigint rewrites; varchar(10) to varchar(20) does not; timestamp to timestamptz under UTC does not', async () => {
    const t = await trace(`ALTER TABLE users ALTER COLUMN id TYPE bigint;
ALTER TABLE users ALTER COLUMN email TYPE varchar(20);
SET timezone = 'UTC';
ALTER TABLE users ALTER COLUMN created TYPE timestamptz;`);
    expect(statementOf(t, 'ALTER TABLE users ALTER COLUMN id').rewrites.map((r) => r.relation)).toContain(
      'public.users'
    );
    const widen = statementOf(t, 'ALTER TABLE users ALTER COLUMN email');
    expect(widen.rewrites).toEqual([]);
    expect(widen.columns).toEqual([
      expect.objectContaining({ change: 'type', from: 'character varying(10)', to: 'character varying(20)' })
    ]);
    const tz = statementOf(t, 'ALTER TABLE users ALTER COLUMN created');
    expect(tz.rewrites).toEqual([]);
    expect(tz.columns).toEqual([expect.objectContaining({ change: 'type', to: 'timestamp with time zone' })]);
    // The linter agrees on all three.
    expect(t.statements.flatMap((s) => s.disagreements)).toEqual([]);
  });

  it('timestamp to timestamptz outside UTC rewrites', async () => {
    const t = await trace(`SET timezone = 'Europe/Berlin';
ALTER TABLE users ALTER COLUMN created TYPE timestamptz;`);
    expect(statementOf(t, 'ALTER TABLE').rewrites.map((r) => r.relation)).toContain('public.users');
  });
});

describe('the own path', () => {
  it('traces CREATE INDEX CONCURRENTLY outside a transaction, its SHARE UPDATE EXCLUSIVE seen from a second connection', async () => {
    const t = await trace('CREATE INDEX CONCURRENTLY users_email_c ON users (email);');
    const s = statementOf(t, 'CREATE INDEX CONCURRENTLY');
    expect(s.transaction).toBe('own-path');
    expect(s.locks).toContainEqual(
      expect.objectContaining({ relation: 'public.users', mode: 'ShareUpdateExclusive', preExisting: true })
    );
    expect(s.locks.some((l) => l.relation === 'public.users' && l.mode === 'Share')).toBe(false);
    expect(s.indexesBuilt).toEqual([
      { relation: 'public.users_email_c', table: 'public.users', preExistingTable: true }
    ]);
    expect(hazardIds(s)).not.toContain('E6');
    expect(s.disagreements).toEqual([]);
  });

  it('DROP INDEX CONCURRENTLY after a transaction that built the index', async () => {
    const t = await trace([`CREATE INDEX users_email_i ON users (email);`, `DROP INDEX CONCURRENTLY users_email_i;`]);
    const drop = statementOf(t, 'DROP INDEX CONCURRENTLY');
    expect(drop.transaction).toBe('own-path');
    expect(drop.locks).toContainEqual(
      expect.objectContaining({ relation: 'public.users', mode: 'ShareUpdateExclusive' })
    );
  });
});

describe('safety', () => {
  const catalogue = (url: string) =>
    runSql(
      url,
      `SELECT string_agg(format('%s %s %s', n.nspname, c.relname, c.relkind), ',' ORDER BY 1) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace`
    );

  it('leaves the named database as it was, and drops its scratch database', async () => {
    const before = await catalogue(db.connectionString);
    const t = await trace(`CREATE TABLE extra (id int);
ALTER TABLE users ALTER COLUMN id TYPE bigint;
CREATE INDEX CONCURRENTLY users_email_c ON users (email);`);
    expect(t.statements).toHaveLength(3);
    expect(t.database).toMatch(/^ubos_trace_[0-9a-f]{12}$/);
    expect(await catalogue(db.connectionString)).toBe(before);
    expect(await runSql(db.connectionString, `SELECT count(*) FROM pg_database WHERE datname = '${t.database}'`)).toBe(
      '0'
    );
  });

  it('refuses a database holding user tables unless allow-nonempty', async () => {
    const other = await createTestDatabase('trace_nonempty');
    try {
      await runSql(other.connectionString, 'CREATE TABLE precious (id int);');
      await expect(
        traceSql(other.connectionString, 'ALTER TABLE users ADD COLUMN x int;', { history: [BASELINE] })
      ).rejects.toThrow(
        /^database-url: the database holds 1 user table; the trace only runs against a scratch server \(set allow-nonempty: true if this one is\)$/
      );
      const { trace: allowed } = await traceSql(other.connectionString, 'ALTER TABLE users ADD COLUMN x int;', {
        history: [BASELINE],
        settings: { allowNonempty: true }
      });
      expect(allowed.statements).toHaveLength(1);
      expect(
        await runSql(
          other.connectionString,
          `SELECT string_agg(relname, ',') FROM pg_class WHERE relname IN ('precious', 'users')`
        )
      ).toBe('precious');
    } finally {
      await other.drop();
    }
  });

  it('a statement the server rejects is a failure at its line, and what follows is not run', async () => {
    const t = await trace(`ALTER TABLE users ADD COLUMN a int;
ALTER TABLE nowhere ADD COLUMN b int;
ALTER TABLE users ADD COLUMN c int;`);
    expect(statementOf(t, 'ALTER TABLE nowhere').error).toMatch(/relation "nowhere" does not exist/);
    expect(t.statements).toHaveLength(2);
    expect(t.skipped).toEqual([{ file: 'migration.sql', line: 3, reason: 'not run: migration.sql:2 failed' }]);
  });
});

describe('max-lock-ms', () => {
  it('flags ACCESS EXCLUSIVE on a pre-existing table held past the budget, not a new table', async () => {
    const t = await trace(
      `CREATE TABLE fresh (id int);
ALTER TABLE fresh ADD COLUMN x int;
ALTER TABLE users ADD COLUMN slow int;
SELECT pg_sleep(0.05);`,
      { inTransaction: true, settings: { maxLockMs: 20 } }
    );
    const alter = statementOf(t, 'ALTER TABLE users');
    expect(alter.overBudget).toEqual([
      { relation: 'public.users', mode: 'AccessExclusive', heldMs: expect.any(Number) }
    ]);
    expect(alter.overBudget![0].heldMs).toBeGreaterThan(50);
    expect(statementOf(t, 'ALTER TABLE fresh').overBudget).toBeUndefined();
    expect(t.maxLockMs).toBe(20);
  });

  it('stays quiet within the budget', async () => {
    const t = await trace('ALTER TABLE users ADD COLUMN quick int;', { settings: { maxLockMs: 5000 } });
    expect(statementOf(t, 'ALTER TABLE').overBudget).toBeUndefined();
  });
});
