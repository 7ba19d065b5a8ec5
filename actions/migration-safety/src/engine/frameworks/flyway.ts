// Flyway: versioned migrations (V<version>__x.sql) by version across every location, then repeatable ones
// (R__x.sql) by description; undo files (U...) are never deployed; each migration runs in a transaction.
import { compareVersionKeys, flywayFile, isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, compareMigrationPaths } from './support.js';
import type { FileHints, MigrationFramework } from './types.js';

/** Flyway's order: versions numerically across folders, then repeatables by description, then anything else. */
export function flywayOrder(paths: readonly string[]): string[] {
  const version = (path: string) => {
    const file = flywayFile(baseName(path));
    return file?.kind === 'versioned' ? file.version : undefined;
  };
  const rank = (path: string) =>
    version(path) !== undefined ? 0 : flywayFile(baseName(path))?.kind === 'repeatable' ? 1 : 2;
  return [...paths].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (rank(a) === 0) {
      const byVersion = compareVersionKeys(version(a)!, version(b)!);
      if (byVersion !== 0) return byVersion;
    }
    return compareMigrationPaths(baseName(a), baseName(b)) || compareMigrationPaths(a, b);
  });
}

export const flyway: MigrationFramework = {
  name: 'flyway',
  source:
    "Flyway's versioned (V), undo (U) and repeatable (R) migrations, one transaction per migration (moved unchanged from engine/framework.ts)",
  isDown: (path) => isDownFile(baseName(path)) || flywayFile(baseName(path))?.kind === 'undo',
  plan: (paths) => ({ files: flywayOrder(paths), hints: new Map<string, FileHints>(), notices: [] }),
  prepare: (text) => ({
    text,
    implicitTransaction: true,
    transactionReason: 'Flyway runs each migration in a transaction'
  })
};
