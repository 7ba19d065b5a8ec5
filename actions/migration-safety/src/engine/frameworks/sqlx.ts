// sqlx: each migration in a transaction unless its first line is `-- no-transaction`.
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, namePlan } from './support.js';
import type { MigrationFramework } from './types.js';

export const sqlx: MigrationFramework = {
  name: 'sqlx',
  source:
    'sqlx: a transaction per migration unless the first line is -- no-transaction (moved unchanged from engine/framework.ts)',
  isDown: (path) => isDownFile(baseName(path)),
  plan: (paths) => namePlan(paths),
  prepare(text) {
    const noTx = /^\s*--\s*no-transaction\b/i.test(text);
    return {
      text,
      implicitTransaction: !noTx,
      transactionReason: noTx ? 'sqlx: -- no-transaction' : 'sqlx runs each file in a transaction'
    };
  }
};
