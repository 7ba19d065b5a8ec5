// diesel: one folder per migration, `<version>_<name>/up.sql` (down.sql is the rollback), ordered by version
// (the folder name up to its first `_`, dashes removed). Each migration runs in its own transaction unless the
// folder's metadata.toml says `run_in_transaction = false`.
//
// diesel reads metadata.toml with serde: a file that is present but has no run_in_transaction key gives false
// (the field's serde default), a missing file gives true, and a file it cannot read is silently taken as true.
// A metadata.toml this module cannot read is refused instead: what the author meant is not known.
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, compareBytes, compareMigrationPaths, dirName } from './support.js';
import { readTopLevelToml } from './toml.js';
import type { FileHints, MigrationFramework } from './types.js';

const IN_TRANSACTION = 'diesel runs each migration in its own transaction';

/** The version diesel orders by: the folder name up to its first `_`, without dashes. */
export function dieselVersion(path: string): string {
  return (baseName(dirName(path)).split('_')[0] ?? '').replace(/-/g, '');
}

export const diesel: MigrationFramework = {
  name: 'diesel',
  source:
    'https://docs.rs/diesel_migrations/latest/diesel_migrations/ (folders, up.sql/down.sql, "each migration runs inside its own transaction", metadata.toml run_in_transaction); diesel_migrations/migrations_internals/src/lib.rs (version_from_string, TomlMetadata defaults) and migration_harness.rs (sorted by version)',
  defaultPaths: ['migrations/*/up.sql'],
  isDown: (path) => baseName(path).toLowerCase() === 'down.sql' || isDownFile(baseName(path)),
  plan(paths, project) {
    const notices: string[] = [];
    const hints = new Map<string, FileHints>();
    const files = paths.filter((path) => {
      if (baseName(path) === 'up.sql') return true;
      notices.push(`${path}: diesel runs only up.sql in each migration folder; not linted`);
      return false;
    });
    files.sort((a, b) => compareBytes(dieselVersion(a), dieselVersion(b)) || compareMigrationPaths(a, b));
    for (const path of files) {
      const metadata = `${dirName(path)}/metadata.toml`;
      const text = project.read(metadata);
      if (text === undefined) continue;
      const value = readTopLevelToml(text, metadata).get('run_in_transaction');
      if (value !== undefined && typeof value !== 'boolean')
        throw new ConfigurationError(`${metadata}: run_in_transaction must be true or false`);
      const implicit = value === true;
      hints.set(path, {
        transaction: {
          implicit,
          reason: implicit
            ? `${IN_TRANSACTION} (metadata.toml: run_in_transaction = true)`
            : value === false
              ? 'diesel: run_in_transaction = false in metadata.toml'
              : 'diesel: metadata.toml without run_in_transaction means false'
        }
      });
    }
    return { files, hints, notices };
  },
  detect(paths) {
    const up = paths.find((path) => baseName(path) === 'up.sql' && /^\d[\d-]*_/.test(baseName(dirName(path))));
    return up ? `${up} is a diesel migration folder's up.sql` : undefined;
  },
  prepare(text, context) {
    const transaction = context.hints?.transaction;
    return {
      text,
      implicitTransaction: transaction?.implicit ?? true,
      transactionReason: transaction?.reason ?? IN_TRANSACTION
    };
  }
};
