// knex with raw SQL migrations: each migration in a transaction (knex's default).
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, namePlan } from './support.js';
import type { MigrationFramework } from './types.js';

export const knexSql: MigrationFramework = {
  name: 'knex-sql',
  source: 'knex: a transaction per migration by default (moved unchanged from engine/framework.ts)',
  isDown: (path) => isDownFile(baseName(path)),
  plan: (paths) => namePlan(paths),
  prepare: (text) => ({
    text,
    implicitTransaction: true,
    transactionReason: 'knex runs each migration in a transaction'
  })
};
