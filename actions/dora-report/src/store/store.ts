// The optional PostgreSQL store: deployments, changes and incidents upserted by key. A row is written only when
// something in it changed, so a sync adds only what is new and a rerun writes nothing; every sync records its
// counts in dora.sync_runs. Migrations run under an advisory lock, each once (dora.schema_migrations).
import pg from 'pg';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { redactConnectionString } from '../../../../shared/src/lib/redact.js';
import type { DoraReport, RepositoryReport } from '../engine/types.js';
import { MIGRATION_FILES, migrationSql } from './migrations.js';

export interface StoreOptions {
  connectionString: string;
  /** Default 10 s. */
  connectTimeoutMs?: number;
  /** Per statement, default 60 s. */
  statementTimeoutMs?: number;
}

export interface Upserts {
  inserted: number;
  updated: number;
}

export interface SyncResult {
  repo: string;
  deployments: Upserts;
  changes: Upserts;
  incidents: Upserts;
}

const LOCK_KEY = 'ubos dora-report store';

function storeError(what: string, error: unknown, connectionString: string): ConfigurationError {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return new ConfigurationError(
    `database ${redactConnectionString(connectionString)}: ${what}: ${message.split(connectionString).join('***')}`
  );
}

const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : ms / 1000);

export class DoraStore {
  private constructor(
    private readonly client: pg.Client,
    private readonly connectionString: string
  ) {}

  static async open(options: StoreOptions): Promise<DoraStore> {
    const client = new pg.Client({
      connectionString: options.connectionString,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      statement_timeout: options.statementTimeoutMs ?? 60_000,
      query_timeout: (options.statementTimeoutMs ?? 60_000) + 5_000,
      application_name: 'ubos-dora-report'
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw storeError('cannot connect', error, options.connectionString);
    }
    return new DoraStore(client, options.connectionString);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }

  private async transaction<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      await this.client.query('BEGIN');
      const result = await fn();
      await this.client.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      if (error instanceof ConfigurationError) throw error;
      throw storeError(what, error, this.connectionString);
    }
  }

  /** Applies the migrations not applied yet; returns their names. */
  async migrate(): Promise<string[]> {
    return this.transaction('migrate', async () => {
      await this.client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK_KEY]);
      await this.client.query('CREATE SCHEMA IF NOT EXISTS dora');
      await this.client.query(
        'CREATE TABLE IF NOT EXISTS dora.schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())'
      );
      const done = new Set(
        (await this.client.query<{ version: string }>('SELECT version FROM dora.schema_migrations')).rows.map(
          (r) => r.version
        )
      );
      const applied: string[] = [];
      for (const file of MIGRATION_FILES) {
        if (done.has(file)) continue;
        await this.client.query(migrationSql(file));
        await this.client.query('INSERT INTO dora.schema_migrations (version) VALUES ($1)', [file]);
        applied.push(file);
      }
      return applied;
    });
  }

  private async upsert(sql: string, values: unknown[], counts: Upserts): Promise<void> {
    const result = await this.client.query<{ inserted: boolean }>(sql, values);
    for (const row of result.rows) {
      if (row.inserted) counts.inserted++;
      else counts.updated++;
    }
  }

  private async syncRepository(
    r: RepositoryReport,
    report: DoraReport,
    fetched: { from: string; until: string }
  ): Promise<SyncResult> {
    const repoId = (
      await this.client.query<{ id: string }>(
        `INSERT INTO dora.repositories (full_name) VALUES ($1)
         ON CONFLICT (full_name) DO UPDATE SET full_name = EXCLUDED.full_name RETURNING id`,
        [r.repo]
      )
    ).rows[0].id;
    const result: SyncResult = {
      repo: r.repo,
      deployments: { inserted: 0, updated: 0 },
      changes: { inserted: 0, updated: 0 },
      incidents: { inserted: 0, updated: 0 }
    };
    for (const d of r.deployments) {
      await this.upsert(
        `INSERT INTO dora.deployments AS t (repository_id, source, deployment_id, environment, sha, ref, created_at, live_at,
           outcome, redeploy, rollback, failed, failure_reasons, recovered_at, recovery_seconds, rework, rework_reasons, url, creator)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
         ON CONFLICT (repository_id, source, deployment_id) DO UPDATE SET
           environment = EXCLUDED.environment, sha = EXCLUDED.sha, ref = EXCLUDED.ref, created_at = EXCLUDED.created_at,
           live_at = EXCLUDED.live_at, outcome = EXCLUDED.outcome, redeploy = EXCLUDED.redeploy, rollback = EXCLUDED.rollback,
           failed = EXCLUDED.failed, failure_reasons = EXCLUDED.failure_reasons, recovered_at = EXCLUDED.recovered_at,
           recovery_seconds = EXCLUDED.recovery_seconds, rework = EXCLUDED.rework, rework_reasons = EXCLUDED.rework_reasons,
           url = EXCLUDED.url, creator = EXCLUDED.creator, synced_at = now()
         WHERE (t.environment, t.sha, t.ref, t.created_at, t.live_at, t.outcome, t.redeploy, t.rollback, t.failed,
                t.failure_reasons, t.recovered_at, t.recovery_seconds, t.rework, t.rework_reasons, t.url, t.creator)
           IS DISTINCT FROM
               (EXCLUDED.environment, EXCLUDED.sha, EXCLUDED.ref, EXCLUDED.created_at, EXCLUDED.live_at, EXCLUDED.outcome,
                EXCLUDED.redeploy, EXCLUDED.rollback, EXCLUDED.failed, EXCLUDED.failure_reasons, EXCLUDED.recovered_at,
                EXCLUDED.recovery_seconds, EXCLUDED.rework, EXCLUDED.rework_reasons, EXCLUDED.url, EXCLUDED.creator)
         RETURNING (xmax = 0) AS inserted`,
        [
          repoId,
          d.source,
          d.id,
          d.environment,
          d.sha,
          d.ref,
          d.createdAt,
          d.at,
          d.outcome,
          d.redeploy,
          d.rollback?.detail ?? null,
          d.failure !== null,
          JSON.stringify(d.failure?.reasons ?? []),
          d.failure?.recoveredAt ?? null,
          seconds(d.failure?.recoveryMs),
          d.rework !== null,
          JSON.stringify(d.rework?.reasons ?? []),
          d.url,
          d.creator
        ],
        result.deployments
      );
    }
    const source = new Map(r.deployments.map((d) => [d.key, d]));
    for (const c of r.changes) {
      const d = source.get(c.deployment);
      if (!d) continue;
      await this.upsert(
        `INSERT INTO dora.changes AS t (repository_id, change_key, kind, pull_number, title, author, head_ref, commit_count,
           first_commit_at, opened_at, first_review_at, merged_at, deployed_at, source, deployment_id, lead_time_seconds,
           coding_seconds, pickup_seconds, review_seconds, deploy_seconds, hotfix, revert, url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
         ON CONFLICT (repository_id, change_key) DO UPDATE SET
           kind = EXCLUDED.kind, pull_number = EXCLUDED.pull_number, title = EXCLUDED.title, author = EXCLUDED.author,
           head_ref = EXCLUDED.head_ref, commit_count = EXCLUDED.commit_count, first_commit_at = EXCLUDED.first_commit_at,
           opened_at = EXCLUDED.opened_at, first_review_at = EXCLUDED.first_review_at, merged_at = EXCLUDED.merged_at,
           deployed_at = EXCLUDED.deployed_at, source = EXCLUDED.source, deployment_id = EXCLUDED.deployment_id,
           lead_time_seconds = EXCLUDED.lead_time_seconds, coding_seconds = EXCLUDED.coding_seconds,
           pickup_seconds = EXCLUDED.pickup_seconds, review_seconds = EXCLUDED.review_seconds,
           deploy_seconds = EXCLUDED.deploy_seconds, hotfix = EXCLUDED.hotfix, revert = EXCLUDED.revert, url = EXCLUDED.url,
           synced_at = now()
         WHERE (t.kind, t.pull_number, t.title, t.author, t.head_ref, t.commit_count, t.first_commit_at, t.opened_at,
                t.first_review_at, t.merged_at, t.deployed_at, t.source, t.deployment_id, t.lead_time_seconds, t.coding_seconds,
                t.pickup_seconds, t.review_seconds, t.deploy_seconds, t.hotfix, t.revert, t.url)
           IS DISTINCT FROM
               (EXCLUDED.kind, EXCLUDED.pull_number, EXCLUDED.title, EXCLUDED.author, EXCLUDED.head_ref, EXCLUDED.commit_count,
                EXCLUDED.first_commit_at, EXCLUDED.opened_at, EXCLUDED.first_review_at, EXCLUDED.merged_at, EXCLUDED.deployed_at,
                EXCLUDED.source, EXCLUDED.deployment_id, EXCLUDED.lead_time_seconds, EXCLUDED.coding_seconds,
                EXCLUDED.pickup_seconds, EXCLUDED.review_seconds, EXCLUDED.deploy_seconds, EXCLUDED.hotfix, EXCLUDED.revert,
                EXCLUDED.url)
         RETURNING (xmax = 0) AS inserted`,
        [
          repoId,
          c.key,
          c.kind,
          c.pull,
          c.title.slice(0, 1000),
          c.author,
          c.headRef,
          c.commits.length,
          c.firstCommitAt,
          c.openedAt,
          c.firstReviewAt,
          c.mergedAt,
          c.deployedAt,
          d.source,
          d.id,
          seconds(c.leadTimeMs),
          seconds(c.split.codingMs),
          seconds(c.split.pickupMs),
          seconds(c.split.reviewMs),
          seconds(c.split.deployMs),
          c.hotfix,
          c.revert !== null,
          c.url
        ],
        result.changes
      );
    }
    const idOf = (key: string | null) => (key ? key.slice(key.lastIndexOf('#') + 1) : null);
    for (const i of r.incidents) {
      await this.upsert(
        `INSERT INTO dora.incidents AS t (repository_id, number, title, url, opened_at, closed_at, cause_deployment_id, link,
           link_detail, fixed_by_deployment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (repository_id, number) DO UPDATE SET
           title = EXCLUDED.title, url = EXCLUDED.url, opened_at = EXCLUDED.opened_at, closed_at = EXCLUDED.closed_at,
           cause_deployment_id = EXCLUDED.cause_deployment_id, link = EXCLUDED.link, link_detail = EXCLUDED.link_detail,
           fixed_by_deployment_id = EXCLUDED.fixed_by_deployment_id, synced_at = now()
         WHERE (t.title, t.url, t.opened_at, t.closed_at, t.cause_deployment_id, t.link, t.link_detail, t.fixed_by_deployment_id)
           IS DISTINCT FROM
               (EXCLUDED.title, EXCLUDED.url, EXCLUDED.opened_at, EXCLUDED.closed_at, EXCLUDED.cause_deployment_id, EXCLUDED.link,
                EXCLUDED.link_detail, EXCLUDED.fixed_by_deployment_id)
         RETURNING (xmax = 0) AS inserted`,
        [
          repoId,
          i.number,
          i.title.slice(0, 1000),
          i.url,
          i.createdAt,
          i.closedAt,
          idOf(i.cause),
          i.link,
          i.linkDetail,
          idOf(i.fixedBy)
        ],
        result.incidents
      );
    }
    await this.client.query(
      `INSERT INTO dora.sync_runs (repository_id, environment, source, fetched_from, fetched_until, deployments_inserted,
         deployments_updated, changes_inserted, changes_updated, incidents_inserted, incidents_updated)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        repoId,
        report.environment,
        report.source,
        fetched.from,
        fetched.until,
        result.deployments.inserted,
        result.deployments.updated,
        result.changes.inserted,
        result.changes.updated,
        result.incidents.inserted,
        result.incidents.updated
      ]
    );
    return result;
  }

  /** Writes every repository of the report (one transaction each); migrates first. */
  async sync(report: DoraReport): Promise<SyncResult[]> {
    await this.migrate();
    const results: SyncResult[] = [];
    const fetched = { from: report.previousPeriod.start, until: report.period.end };
    for (const r of report.repositories) {
      results.push(await this.transaction(`sync ${r.repo}`, () => this.syncRepository(r, report, fetched)));
    }
    return results;
  }

  /** Where the last sync of a repository ended (for an incremental run's since), or null. */
  async lastSyncedUntil(repo: string, environment: string, source: string): Promise<string | null> {
    try {
      const { rows } = await this.client.query<{ until: Date | null }>(
        `SELECT max(s.fetched_until) AS until FROM dora.sync_runs s JOIN dora.repositories r ON r.id = s.repository_id
         WHERE r.full_name = $1 AND s.environment = $2 AND s.source = $3`,
        [repo, environment, source]
      );
      return rows[0]?.until ? rows[0].until.toISOString() : null;
    } catch (error) {
      if ((error as { code?: string }).code === '3F000' || (error as { code?: string }).code === '42P01') return null;
      throw storeError('read the last sync', error, this.connectionString);
    }
  }

  /** Row counts (for tests and the CLI's summary line). */
  async counts(): Promise<{ deployments: number; changes: number; incidents: number; syncRuns: number }> {
    const { rows } = await this.client.query<{ d: string; c: string; i: string; s: string }>(
      `SELECT (SELECT count(*) FROM dora.deployments) AS d, (SELECT count(*) FROM dora.changes) AS c,
              (SELECT count(*) FROM dora.incidents) AS i, (SELECT count(*) FROM dora.sync_runs) AS s`
    );
    const r = rows[0];
    return { deployments: Number(r.d), changes: Number(r.c), incidents: Number(r.i), syncRuns: Number(r.s) };
  }
}
