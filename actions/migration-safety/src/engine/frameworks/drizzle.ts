// drizzle-kit: `drizzle-kit generate` writes <out>/<tag>.sql and lists every migration in
// <out>/meta/_journal.json; `drizzle-kit migrate` (drizzle-orm's migrator) runs the journal's entries in order,
// splitting each file at `--> statement-breakpoint` and sending each part as its own query. On PostgreSQL it
// runs every pending migration inside one transaction. A file the journal does not list is never run; an
// entry whose file is missing stops the migrator. drizzle-kit 1.0 (the beta branch) drops the journal:
// <out>/<timestamp>_<name>/migration.sql, in folder-name order, with the same breakpoints and transaction.
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, byFolder, compareMigrationPaths, dirName, inside, quote } from './support.js';
import type { FileHints, MigrationFramework } from './types.js';

const BREAKPOINT = '--> statement-breakpoint';
// `;--` has the marker's length: the part before it ends there (as drizzle sends it alone), and the rest of the
// line stays a comment.
const BREAKPOINT_AS_PARSED = ';--' + BREAKPOINT.slice(3);

interface JournalEntry {
  tag: string;
  when?: number;
}

const journalOf = (out: string) => `${out === '.' ? '' : `${out}/`}meta/_journal.json`;

function readJournal(text: string, file: string): JournalEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigurationError(`${file}: not valid JSON (${quote(reason, 100).slice(1, -1)})`);
  }
  const entries = (json as { entries?: unknown } | null)?.entries;
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !Array.isArray(entries))
    throw new ConfigurationError(`${file}: not a drizzle-kit journal (no "entries" list)`);
  return entries.map((entry: unknown, i) => {
    const { tag, when } = (entry ?? {}) as { tag?: unknown; when?: unknown };
    if (typeof tag !== 'string' || tag === '')
      throw new ConfigurationError(`${file}: entries[${i}].tag must be the migration's file name without .sql`);
    if (when !== undefined && typeof when !== 'number')
      throw new ConfigurationError(`${file}: entries[${i}].when must be a number (milliseconds)`);
    return { tag, when };
  });
}

export const drizzle: MigrationFramework = {
  name: 'drizzle',
  source:
    'https://orm.drizzle.team/docs/drizzle-kit-migrate (how migrate picks and runs the files); drizzle-orm/src/migrator.ts (readMigrationFiles: journal order, split at breakpoints, missing file throws) and src/pg-core/dialect.ts (migrate(): one transaction around every pending migration); on the beta branch (1.0), src/migrator.ts (folders by name) and src/pg-core/async/session.ts (one transaction)',
  defaultPaths: ['drizzle/*.sql', 'drizzle/*/migration.sql'],
  isDown: (path) => isDownFile(baseName(path)),
  plan(paths, project) {
    const notices: string[] = [];
    const byOut = new Map<string, string[]>();
    const add = (out: string, files: string[]) => byOut.set(out, [...(byOut.get(out) ?? []), ...files]);
    // drizzle-kit 1.0 folders: <out>/<timestamp>_<name>/migration.sql, no journal, by folder name.
    const folderLayout = (path: string) =>
      baseName(path) === 'migration.sql' && !project.exists(journalOf(dirName(dirName(path))));
    const folders = paths.filter(folderLayout);
    for (const [out, group] of byFolder(folders.map((path) => dirName(path)))) {
      const sorted = group.sort((a, b) => baseName(a).localeCompare(baseName(b)));
      add(
        out,
        sorted.map((folder) => `${folder}/migration.sql`)
      );
    }
    for (const [dir, group] of byFolder(paths.filter((path) => !folderLayout(path)))) {
      const files: string[] = [];
      const journal = journalOf(dir);
      const text = project.read(journal);
      if (text === undefined)
        throw new ConfigurationError(
          `${group[0]}: no ${journal} beside it (drizzle-kit migrate takes the order from it); set framework to the tool that runs these files`
        );
      const entries = readJournal(text, journal);
      const wanted = new Set(group);
      let previous: JournalEntry | undefined;
      for (const [i, entry] of entries.entries()) {
        const file = inside(dir, `${entry.tag}.sql`);
        if (file === undefined)
          throw new ConfigurationError(`${journal}: entries[${i}].tag ${quote(entry.tag)} is not a file in ${dir}`);
        if (!project.exists(file))
          throw new ConfigurationError(
            `${journal}: entries[${i}] names ${file}, which does not exist (drizzle-kit migrate would stop there)`
          );
        if (previous?.when !== undefined && entry.when !== undefined && entry.when <= previous.when)
          notices.push(
            `${journal}: entries[${i}] (${entry.tag}) is not newer than the entry before it: drizzle's migrator skips it on a database that already applied that one`
          );
        previous = entry;
        if (wanted.delete(file)) files.push(file);
      }
      for (const file of wanted)
        notices.push(`${file}: not in ${journal}, so drizzle-kit migrate never runs it; not linted`);
      add(dir, files);
    }
    const files = [...byOut].sort(([a], [b]) => compareMigrationPaths(a, b)).flatMap(([, group]) => group);
    return { files, hints: new Map<string, FileHints>(), notices };
  },
  detect(paths, project) {
    for (const [dir] of byFolder(paths)) {
      const journal = journalOf(dir);
      if (project.exists(journal)) return `${journal} is a drizzle-kit journal`;
    }
    return undefined;
  },
  prepare: (text) => ({
    text: text.includes(BREAKPOINT) ? text.split(BREAKPOINT).join(BREAKPOINT_AS_PARSED) : text,
    implicitTransaction: true,
    transactionReason: 'drizzle-kit migrate runs every pending migration in one transaction (PostgreSQL)'
  })
};
