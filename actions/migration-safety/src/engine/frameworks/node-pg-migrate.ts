// node-pg-migrate with SQL migration files: the up migration runs from the `-- Up Migration` comment to the
// `-- Down Migration` comment (or the end), the whole file when there is no up comment. A SQL migration cannot
// call pgm.noTransaction(), so it always runs in a transaction: its own, or with --single-transaction (the
// default) one around every pending migration. Files go by their numeric prefix, as the tool sorts them.
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, keepRange, namePlan } from './support.js';
import type { MigrationFramework } from './types.js';

// The tool's own markers: `--` (dashes and spaces may follow), then up/down, then `migration`, any case.
const UP = /^\s*--[\s-]*up\s+migration/im;
const DOWN = /^\s*--[\s-]*down\s+migration/im;

export const nodePgMigrate: MigrationFramework = {
  name: 'node-pg-migrate',
  source:
    'node-pg-migrate docs/src/cli.md (single-transaction, default true) and docs/src/migration-loading-strategies.md (legacy SQL files, -- Up Migration / -- Down Migration); src/sqlMigration.ts (getActions), src/runner.ts and src/migration.ts (transactions, file order)',
  defaultPaths: ['migrations/*.sql'],
  isDown: (path) => isDownFile(baseName(path)),
  plan: (paths) => namePlan(paths),
  prepare(text) {
    const up = text.search(UP);
    const down = text.search(DOWN);
    return {
      text: up < 0 ? text : keepRange(text, up, down < up ? text.length : down),
      implicitTransaction: true,
      transactionReason: 'node-pg-migrate runs a SQL migration in a transaction (with the others by default)'
    };
  }
};
