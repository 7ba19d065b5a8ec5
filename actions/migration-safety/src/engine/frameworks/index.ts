// The registry of migration tools: one module each, behind MigrationFramework (types.ts). The order is the order
// of the `framework` choices in messages and docs.
import { atlas } from './atlas.js';
import { dbmate } from './dbmate.js';
import { diesel } from './diesel.js';
import { drizzle } from './drizzle.js';
import { flyway } from './flyway.js';
import { golangMigrate } from './golang-migrate.js';
import { goose } from './goose.js';
import { knexSql } from './knex-sql.js';
import { liquibaseSql } from './liquibase-sql.js';
import { nodePgMigrate } from './node-pg-migrate.js';
import { plain } from './plain.js';
import { prisma } from './prisma.js';
import { sqitch } from './sqitch.js';
import { sqlx } from './sqlx.js';
import { supabase } from './supabase.js';
import type { MigrationFramework } from './types.js';

export const FRAMEWORKS = [
  'plain',
  'flyway',
  'golang-migrate',
  'goose',
  'dbmate',
  'sqlx',
  'prisma',
  'knex-sql',
  'diesel',
  'drizzle',
  'sqitch',
  'atlas',
  'liquibase-sql',
  'node-pg-migrate',
  'supabase'
] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** Each tool's module, by its name (a test checks that every module's own name is its key). */
export const FRAMEWORK_MODULES: { readonly [name in Framework]: MigrationFramework } = {
  plain,
  flyway,
  'golang-migrate': golangMigrate,
  goose,
  dbmate,
  sqlx,
  prisma,
  'knex-sql': knexSql,
  diesel,
  drizzle,
  sqitch,
  atlas,
  'liquibase-sql': liquibaseSql,
  'node-pg-migrate': nodePgMigrate,
  supabase
};

export type { FileHints, FrameworkPlan, MigrationFramework, PreparedFile, ProjectReader } from './types.js';
