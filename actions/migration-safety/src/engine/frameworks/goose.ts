// goose: `-- +goose Up` / `-- +goose Down` sections; each file in a transaction unless `-- +goose NO TRANSACTION`.
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, keepSection, namePlan } from './support.js';
import type { MigrationFramework } from './types.js';

export const goose: MigrationFramework = {
  name: 'goose',
  source: 'goose annotations -- +goose Up / Down / NO TRANSACTION (moved unchanged from engine/framework.ts)',
  isDown: (path) => isDownFile(baseName(path)),
  plan: (paths) => namePlan(paths),
  prepare(text) {
    const noTx = /^--\s*\+goose\s+NO\s+TRANSACTION\b/im.test(text);
    return {
      text: keepSection(text, /^--\s*\+goose\s+Up\b.*$/im, /^--\s*\+goose\s+Down\b.*$/im),
      implicitTransaction: !noTx,
      transactionReason: noTx ? 'goose: -- +goose NO TRANSACTION' : 'goose runs each file in a transaction'
    };
  }
};
