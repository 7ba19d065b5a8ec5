-- dora-report's event store: deployments, the changes they shipped and incidents, one row each, keyed by the
-- repository and the record's id in its source, so a sync can upsert and a rerun changes nothing.
-- docs/store.md describes every column and has queries for dashboards.

CREATE SCHEMA IF NOT EXISTS dora;

CREATE TABLE IF NOT EXISTS dora.repositories (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  full_name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS dora.deployments (
  repository_id bigint NOT NULL REFERENCES dora.repositories (id),
  source text NOT NULL CHECK (source IN ('deployments', 'workflow-runs', 'releases', 'tags')),
  deployment_id text NOT NULL,
  environment text NOT NULL,
  sha text NOT NULL,
  ref text,
  created_at timestamptz NOT NULL,
  live_at timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'pending')),
  redeploy boolean NOT NULL,
  rollback text,
  failed boolean NOT NULL,
  failure_reasons jsonb NOT NULL DEFAULT '[]',
  recovered_at timestamptz,
  recovery_seconds double precision,
  rework boolean NOT NULL,
  rework_reasons jsonb NOT NULL DEFAULT '[]',
  url text,
  creator text,
  synced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (repository_id, source, deployment_id)
);

CREATE INDEX IF NOT EXISTS deployments_live_at ON dora.deployments (repository_id, environment, live_at);

CREATE TABLE IF NOT EXISTS dora.changes (
  repository_id bigint NOT NULL,
  change_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('pull', 'commit')),
  pull_number bigint,
  title text NOT NULL,
  author text,
  head_ref text,
  commit_count bigint NOT NULL,
  first_commit_at timestamptz NOT NULL,
  opened_at timestamptz,
  first_review_at timestamptz,
  merged_at timestamptz,
  deployed_at timestamptz NOT NULL,
  source text NOT NULL,
  deployment_id text NOT NULL,
  lead_time_seconds double precision NOT NULL,
  coding_seconds double precision NOT NULL,
  pickup_seconds double precision NOT NULL,
  review_seconds double precision NOT NULL,
  deploy_seconds double precision NOT NULL,
  hotfix boolean NOT NULL,
  revert boolean NOT NULL,
  url text,
  synced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (repository_id, change_key),
  FOREIGN KEY (repository_id, source, deployment_id) REFERENCES dora.deployments (repository_id, source, deployment_id)
);

CREATE INDEX IF NOT EXISTS changes_deployment ON dora.changes (repository_id, source, deployment_id);
CREATE INDEX IF NOT EXISTS changes_deployed_at ON dora.changes (repository_id, deployed_at);

CREATE TABLE IF NOT EXISTS dora.incidents (
  repository_id bigint NOT NULL REFERENCES dora.repositories (id),
  number bigint NOT NULL,
  title text NOT NULL,
  url text,
  opened_at timestamptz NOT NULL,
  closed_at timestamptz,
  cause_deployment_id text,
  link text CHECK (link IN ('explicit', 'window')),
  link_detail text NOT NULL,
  fixed_by_deployment_id text,
  synced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (repository_id, number)
);

CREATE INDEX IF NOT EXISTS incidents_opened_at ON dora.incidents (repository_id, opened_at);

CREATE TABLE IF NOT EXISTS dora.sync_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  repository_id bigint NOT NULL REFERENCES dora.repositories (id),
  environment text NOT NULL,
  source text NOT NULL,
  fetched_from timestamptz NOT NULL,
  fetched_until timestamptz NOT NULL,
  deployments_inserted bigint NOT NULL,
  deployments_updated bigint NOT NULL,
  changes_inserted bigint NOT NULL,
  changes_updated bigint NOT NULL,
  incidents_inserted bigint NOT NULL,
  incidents_updated bigint NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS sync_runs_repository ON dora.sync_runs (repository_id, environment, source, finished_at);
