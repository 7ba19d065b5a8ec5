// Prisma Migrate: migration.sql per folder, sent as one simple query (several statements share PostgreSQL's
// implicit transaction; a lone statement runs outside any).
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, namePlan } from './support.js';
import type { MigrationFramework } from './types.js';

export const prisma: MigrationFramework = {
  name: 'prisma',
  source:
    "Prisma Migrate's migration.sql, sent as one simple query, checked on this machine (DESIGN.md; moved unchanged from engine/framework.ts)",
  isDown: (path) => isDownFile(baseName(path)),
  plan: (paths) => namePlan(paths),
  prepare: (text) => ({
    text,
    implicitTransaction: true,
    transactionReason: 'Prisma Migrate sends migration.sql as one query: several statements run in one transaction',
    loneStatementOutsideTransaction: true
  })
};
