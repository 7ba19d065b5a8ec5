// Supabase CLI: supabase/migrations/<timestamp>_<name>.sql, applied in file-name order (a file whose name does
// not match is skipped with a warning). `supabase db push` / `migration up` split a file into statements and send
// them, with the history insert, as one pipelined batch, which PostgreSQL runs as one implicit transaction.
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, compareBytes, compareMigrationPaths } from './support.js';
import type { FileHints, MigrationFramework } from './types.js';

const MIGRATION_NAME = /^([0-9]+)_(.*)\.sql$/;

export const supabase: MigrationFramework = {
  name: 'supabase',
  source:
    'https://supabase.com/docs/guides/deployment/database-migrations (supabase/migrations/<timestamp>_name.sql); supabase/cli pkg/migration/list.go (ListLocalMigrations: the name pattern, skipped files, name order) and pkg/migration/file.go (ExecBatch: "ExecBatch is implicitly transactional")',
  defaultPaths: ['supabase/migrations/*.sql'],
  isDown: (path) => isDownFile(baseName(path)),
  plan(paths) {
    const notices: string[] = [];
    const files = paths.filter((path) => {
      if (MIGRATION_NAME.test(baseName(path))) return true;
      notices.push(`${path}: the Supabase CLI skips a file not named <timestamp>_<name>.sql; not linted`);
      return false;
    });
    files.sort((a, b) => compareBytes(baseName(a), baseName(b)) || compareMigrationPaths(a, b));
    return { files, hints: new Map<string, FileHints>(), notices };
  },
  detect(paths) {
    const path = paths.find((p) => /(?:^|\/)supabase\/migrations\/[^/]+$/.test(p));
    return path ? `${path} is in a Supabase project's supabase/migrations` : undefined;
  },
  prepare: (text) => ({
    text,
    implicitTransaction: true,
    transactionReason: 'the Supabase CLI sends a migration as one batch: it runs in one transaction'
  })
};
