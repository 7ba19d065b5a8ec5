// golang-migrate: <version>_<title>.up.sql / .down.sql; the postgres driver sends a file as it is, in no
// transaction of its own.
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, namePlan } from './support.js';
import type { MigrationFramework } from './types.js';

export const golangMigrate: MigrationFramework = {
  name: 'golang-migrate',
  source:
    "golang-migrate's <version>_<title>.up.sql / .down.sql, no transaction of its own (moved unchanged from engine/framework.ts)",
  isDown: (path) => isDownFile(baseName(path)),
  plan: (paths) => namePlan(paths),
  prepare: (text) => ({ text, implicitTransaction: false, transactionReason: 'golang-migrate opens no transaction' })
};
