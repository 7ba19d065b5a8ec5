// migration-safety's inputs and outputs, declared once: main.ts reads them through this, and the metadata test
// holds action.yml to it.
import { COMMON_INPUTS, defineInputs, defineOutputs } from '../../../shared/src/lib/action-inputs.js';

export const INPUTS = defineInputs({
  paths: {
    kind: 'list',
    description:
      'Migration files: globs, folders or files, separated by newlines or commas. Default: the config include globs, else the folder of the framework when it has one (actions/migration-safety/docs/frameworks.md), else migrations/**/*.sql, db/migrate/**/*.sql, db/migrations/**/*.sql, prisma/migrations/**/migration.sql, supabase/migrations/*.sql, src/main/resources/db/migration/*.sql.'
  },
  'if-no-files-found': {
    kind: 'choice',
    values: ['error', 'warn', 'ignore'],
    default: 'error',
    description:
      'What a path or glob named in paths (or the config include) that matches no file does: fail the step (error), warn, or nothing (ignore). The default folders finding nothing is only a notice.'
  },
  'pg-version': {
    kind: 'string',
    description:
      'PostgreSQL version the migrations run on, e.g. 16 or 14.3 (the minor matters for a few bugs). Default: the config value, else 16.'
  },
  framework: {
    kind: 'string',
    description:
      'Migration tool, which decides the order, the up sections and the transaction mode (actions/migration-safety/docs/frameworks.md): plain, flyway, golang-migrate, goose, dbmate, sqlx, prisma, knex-sql, diesel, drizzle, sqitch, atlas, liquibase-sql, node-pg-migrate or supabase. Default: the config value, else plain.'
  },
  'assume-in-transaction': {
    kind: 'choice',
    values: ['true', 'false'],
    description:
      'true or false to treat every file as run inside (or outside) one transaction; empty lets the framework decide.'
  },
  config: {
    kind: 'string',
    description:
      'YAML config file (pg-version, framework, assume-in-transaction, include, exclude, rules). Default: .github/migration-safety.yml when it exists.'
  },
  'changed-only': {
    kind: 'choice',
    values: ['auto', 'true', 'false'],
    default: 'auto',
    description:
      'true: lint only the migrations added or modified against the pull request base branch, as one change set, after replaying the earlier ones; false: lint every migration, each as its own change set; auto: true on pull requests.'
  },
  'stats-database-url': {
    kind: 'string',
    secret: true,
    description:
      'Optional postgres:// URL of a replica or staging copy of the production database, read-only: the sizes of the tables the findings rewrite or scan come from its catalogue (reltuples, pg_total_relation_size; never table data), and raise those findings to errors with an estimated duration on big tables and lower them a level on tiny ones. Masked in the log. See the README, Table-size awareness.'
  },
  'big-table-rows': {
    kind: 'string',
    default: '1000000',
    description:
      'With stats-database-url: a table with at least this many rows is big (a rewrite or scan of it is an error). A table under a hundredth of both big-table-rows and big-table-size is tiny.'
  },
  'big-table-size': {
    kind: 'string',
    default: '1GB',
    description:
      'With stats-database-url: a table of at least this size (heap, TOAST and indexes; kB, MB, GB, TB, 1024-based) is big.'
  },
  mode: {
    kind: 'choice',
    values: ['lint', 'trace', 'lint+trace'],
    default: 'lint',
    description:
      'lint: read the SQL only; trace: run the change set on a real PostgreSQL (database-url or start-postgres) and report the locks, rewrites and hazards it saw; lint+trace: both, with every disagreement between them flagged.'
  },
  'database-url': {
    kind: 'string',
    secret: true,
    description:
      'postgresql:// URL of a scratch server for mode trace (a service container): the trace creates its own database there and drops it, and never writes to the one named. Masked in logs.'
  },
  'start-postgres': {
    kind: 'boolean',
    default: false,
    description:
      'For mode trace: start a throwaway PostgreSQL cluster from the binaries on the runner (initdb and pg_ctl on PATH or under /usr/lib/postgresql/<version>/bin), removed when the step ends.'
  },
  'allow-nonempty': {
    kind: 'boolean',
    default: false,
    description: 'Trace on a server whose database-url database already holds user tables (refused by default).'
  },
  'max-lock-ms': {
    kind: 'integer',
    min: 0,
    description:
      'For mode trace: fail when a lock blocking writes (SHARE or stronger) on a table that existed before the change set is held longer than this many milliseconds. Empty: no budget.'
  },
  ...COMMON_INPUTS
});

export const OUTPUTS = defineOutputs({
  errors: 'Number of error-level findings.',
  warnings: 'Number of warning-level findings.',
  'files-checked': 'Number of migration files linted (replayed-only files are not counted).'
});
