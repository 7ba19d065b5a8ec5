import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import { createTestDatabase, runSql, testCluster, type TestDatabase } from './postgres.js';

describe('PostgreSQL harness', () => {
  let db: TestDatabase | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('harness');
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  }, 60_000);

  it('exposes the cluster started by global setup, never on 5432', () => {
    const cluster = testCluster();
    expect(cluster.host).toBe('127.0.0.1');
    expect(cluster.port).not.toBe(5432);
    expect(cluster.user).toBe('postgres');
    expect(cluster.connectionString('x')).toBe(`postgresql://postgres@127.0.0.1:${cluster.port}/x`);
  });

  it('creates a fresh database for the test file', async () => {
    const name = db!.name;
    expect(name).toMatch(/^t_harness_\d+_[0-9a-f]{8}$/);
    expect(await runSql(db!.connectionString, 'SELECT current_database();')).toBe(name);
    const listed = await runSql(
      testCluster().connectionString(),
      `SELECT count(*) FROM pg_database WHERE datname = '${name}';`
    );
    expect(listed).toBe('1');
  });

  it('runs SQL statements and returns unaligned tuples', async () => {
    const out = await runSql(
      db!.connectionString,
      `CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL);
       INSERT INTO items VALUES (1, 'one'), (2, 'two');
       SELECT id, label FROM items ORDER BY id;`
    );
    expect(out.split('\n')).toEqual(['1|one', '2|two']);
    expect(await runSql(db!.connectionString, 'SHOW fsync;')).toBe('off');
  });

  it('rejects with the psql error text when a statement fails', async () => {
    await expect(runSql(db!.connectionString, 'SELECT * FROM no_such_table;')).rejects.toThrow(
      /relation "no_such_table" does not exist/
    );
  });

  it('drops the database, and dropping twice is harmless', async () => {
    const extra = await createTestDatabase('second');
    const admin = testCluster().connectionString();
    await runSql(extra.connectionString, 'CREATE TABLE t (x int);');
    await extra.drop();
    await extra.drop();
    expect(await runSql(admin, `SELECT count(*) FROM pg_database WHERE datname = '${extra.name}';`)).toBe('0');
  });

  it('keeps the cluster in a ubos-pg-* temp dir', async () => {
    const dataDir = await runSql(testCluster().connectionString(), 'SHOW data_directory;');
    expect(dataDir).toMatch(/\/ubos-pg-[^/]+\/data$/);
    expect(fs.existsSync(dataDir)).toBe(true);
  });

  it('makes createTestDatabase throw the setup error when the cluster could not start', async () => {
    const saved = process.env.UBOS_TEST_PG_ERROR;
    process.env.UBOS_TEST_PG_ERROR = 'initdb/pg_ctl/postgres not found: apt-get install postgresql';
    try {
      await expect(createTestDatabase('x')).rejects.toThrow(/apt-get install postgresql/);
    } finally {
      if (saved === undefined) delete process.env.UBOS_TEST_PG_ERROR;
      else process.env.UBOS_TEST_PG_ERROR = saved;
    }
  });
});
