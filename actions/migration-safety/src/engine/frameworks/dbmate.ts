// dbmate: `-- migrate:up` / `-- migrate:down` sections; a transaction per file unless the up line says
// `transaction:false`.
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, keepSection, namePlan } from './support.js';
import type { MigrationFramework } from './types.js';

export const dbmate: MigrationFramework = {
  name: 'dbmate',
  source:
    "dbmate's -- migrate:up / -- migrate:down sections and transaction:false (moved unchanged from engine/framework.ts)",
  isDown: (path) => isDownFile(baseName(path)),
  plan: (paths) => namePlan(paths),
  prepare(text) {
    const upLine = /^--\s*migrate:up\b.*$/im.exec(text)?.[0] ?? '';
    const noTx = /transaction\s*:\s*false/i.test(upLine);
    return {
      text: keepSection(text, /^--\s*migrate:up\b.*$/im, /^--\s*migrate:down\b.*$/im),
      implicitTransaction: !noTx,
      transactionReason: noTx ? 'dbmate: transaction:false' : 'dbmate runs each file in a transaction'
    };
  }
};
