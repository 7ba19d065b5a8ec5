// Plain SQL files, run by hand or by a script: no implicit transaction, files in name order.
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, namePlan } from './support.js';
import type { MigrationFramework } from './types.js';

export const plain: MigrationFramework = {
  name: 'plain',
  source: 'no tool: each statement runs on its own unless the file writes BEGIN/COMMIT',
  isDown: (path) => isDownFile(baseName(path)),
  plan: (paths) => namePlan(paths),
  prepare: (text) => ({ text, implicitTransaction: false, transactionReason: 'plain SQL: no implicit transaction' })
};
