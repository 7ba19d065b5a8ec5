// The store against the harness's real PostgreSQL: a sync adds only new rows, a rerun writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DoraStore } from '../../actions/dora-report/src/store/store.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { createTestDatabase, runSql, type TestDatabase } from '../harness/postgres.js';
import { RepoBuilder } from './builder.js';
import { report } from './setup.js';

const repo = new RepoBuilder('acme', 'store', '2026-02-20T00:00:00Z');
repo.deploy({ created: '2026-02-20T01:00:00Z', statuses: [['success', '2026-02-20T01:05:00Z']] });
repo.squash({
  number: 1,
  title: 'Cart',
  commits: ['2026-03-02T08:00:00Z'],
  opened: '2026-03-02T09:00:00Z',
  merged: '2026-03-02T11:00:00Z'
});
const d1 = repo.deploy({ created: '2026-03-02T12:00:00Z', statuses: [['success', '2026-03-02T12:30:00Z']] });
repo.push('p1', '2026-03-03T09:00:00Z');
const d2 = repo.deploy({ created: '2026-03-03T09:50:00Z', statuses: [['success', '2026-03-03T10:00:00Z']] });
repo.incident({ number: 7, title: 'Errors', opened: '2026-03-03T12:00:00Z', closed: '2026-03-03T13:00:00Z' });
repo.push('p2', '2026-03-05T08:00:00Z');
const d3 = repo.deploy({ created: '2026-03-05T08:50:00Z', statuses: [['success', '2026-03-05T09:00:00Z']] });

describe('dora-report store', () => {
  let api: GitHubApi;
  let db: TestDatabase;
  let store: DoraStore;

  beforeAll(async () => {
    db = await createTestDatabase('dora_store');
    api = await startGitHubApi({ fixtures: { token: 't0ken', repos: [repo.fixture()] } });
    store = await DoraStore.open({ connectionString: db.connectionString });
  });
  afterAll(async () => {
    await store?.close();
    await api?.stop();
    await db?.drop();
  });

  const sync = async (until: string) => {
    const { report: r } = await report(api, { repositories: ['acme/store'], since: '2026-03-02', until });
    return (await store.sync(r))[0]!;
  };

  it('migrates once', async () => {
    expect(await store.migrate()).toEqual(['0001_init.sql']);
    expect(await store.migrate()).toEqual([]);
  });

  it('stores the first period: D1, D2, their changes and the incident', async () => {
    // until 03-04: D3 (03-05 09:00) is past the period and its 24h window
    expect(await sync('2026-03-04')).toEqual({
      repo: 'acme/store',
      deployments: { inserted: 2, updated: 0 },
      changes: { inserted: 2, updated: 0 },
      incidents: { inserted: 1, updated: 0 }
    });
    const rows = await runSql(
      db.connectionString,
      "SELECT deployment_id || ':' || failed FROM dora.deployments ORDER BY live_at;"
    );
    // D2 is linked to incident #7 (opened 2h after it went live)
    expect(rows.trim().split('\n')).toEqual([`${d1}:false`, `${d2}:true`]);
  });

  it('adds only what is new when the period grows', async () => {
    expect(await sync('2026-03-09')).toEqual({
      repo: 'acme/store',
      deployments: { inserted: 1, updated: 0 },
      changes: { inserted: 1, updated: 0 },
      incidents: { inserted: 0, updated: 0 }
    });
    const ids = await runSql(db.connectionString, 'SELECT deployment_id FROM dora.deployments ORDER BY live_at;');
    expect(ids.trim().split('\n')).toEqual([String(d1), String(d2), String(d3)]);
  });

  it('writes nothing on a rerun', async () => {
    expect(await sync('2026-03-09')).toEqual({
      repo: 'acme/store',
      deployments: { inserted: 0, updated: 0 },
      changes: { inserted: 0, updated: 0 },
      incidents: { inserted: 0, updated: 0 }
    });
    expect(await store.counts()).toEqual({ deployments: 3, changes: 3, incidents: 1, syncRuns: 3 });
    expect(await store.lastSyncedUntil('acme/store', 'production', 'deployments')).toBe('2026-03-09T00:00:00.000Z');
  });

  it('says in one line when the database cannot be reached, without the password', async () => {
    const url = 'postgresql://dora:s3cret@127.0.0.1:1/dora';
    await expect(DoraStore.open({ connectionString: url, connectTimeoutMs: 2000 })).rejects.toThrow(
      /^database postgresql:\/\/dora:\*\*\*@127\.0\.0\.1:1\/dora: cannot connect: /
    );
    await DoraStore.open({ connectionString: url, connectTimeoutMs: 2000 }).catch((e: Error) =>
      expect(e.message).not.toMatch(/s3cret|\n/)
    );
  });
});
