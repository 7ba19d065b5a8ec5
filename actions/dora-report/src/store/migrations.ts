// The store's migrations, applied in this order (the test checks the list matches the .sql files).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIGRATION_FILES = ['0001_init.sql'] as const;

/** The SQL of each migration: beside this module in migrations/ (sources) or flat beside the bundle (dist/). */
export function migrationSql(file: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, 'migrations', file), join(here, file)]) {
    try {
      return readFileSync(candidate, 'utf8');
    } catch {
      // try the next layout
    }
  }
  throw new Error(`dora-report: migration ${file} is missing next to ${here}`);
}
