// "Migrations applied": compares what a migration tool recorded in its table with the migration files the
// deployment ships. Each tool names files and records runs differently; this module knows the common ones
// (the table layouts below) and falls back to matching ids against file names for any other table.
//
// The pure part (file names -> ids, table rows -> applied state, the comparison) is separate from the SQL
// part (finding the table and reading it) so that every tool's rules can be tested without a database.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { textOf } from '../../../../shared/src/lib/text.js';
import {
  compareVersionKeys,
  flywayFile,
  isDownFile,
  versionKey
} from '../../../../shared/src/lib/migration-frameworks.js';

export interface MigrationsExpectation {
  /** Directory holding the migration files (relative to the workspace). */
  dir: string;
  /** Table to read; auto-detected among the known frameworks' tables when absent. */
  table?: string;
  /** Column holding the version or name; derived from the table when absent. */
  column?: string;
}

/** How a tool records its runs. `versions` is a bare set of versions (dbmate, Rails, Ecto). */
export type TableLayout = 'flyway' | 'golang-migrate' | 'versions' | 'prisma' | 'knex' | 'goose' | 'sqlx' | 'custom';

/** The tables looked for when none is configured, in the order they are tried. */
export const KNOWN_TABLES = [
  'flyway_schema_history',
  'schema_migrations',
  '_prisma_migrations',
  'knex_migrations',
  'goose_db_version',
  '_sqlx_migrations'
] as const;

export interface MigrationFile {
  /** What reports call it: the path relative to the migrations dir (the directory name for Prisma). */
  name: string;
  /** The ids the table may know it by, normalised (see versionKey); the first is its own version or name. */
  ids: string[];
}

export interface AppliedEntry {
  /** Normalised ids this record stands for; empty when it can match no file (a failed repeatable). */
  keys: string[];
  /** How the record is shown when no file matches it. */
  label: string;
  failed: boolean;
}

export interface AppliedState {
  entries: AppliedEntry[];
  /**
   * Every file whose version orders at or below this key counts as applied: golang-migrate keeps only the
   * latest version, and Flyway skips the files below a baseline.
   */
  appliedThrough?: string;
}

export interface MigrationsComparison {
  /** Files with no applied record, in migration order. */
  missing: string[];
  /** Migrations whose last run failed: the file name, or the table's label when there is no such file. */
  failed: string[];
  /** Applied records with no file (informational: an old file may have been squashed or removed). */
  unknown: string[];
  /** Files counted as applied. */
  applied: number;
  files: number;
}

export interface MigrationsReport extends MigrationsComparison {
  /** flyway, golang-migrate, dbmate, rails, ecto, prisma, knex, goose, sqlx, or `custom`. */
  framework: string;
  /** The table as PostgreSQL names it (schema-qualified when it is not on the search path). */
  table: string;
  layout: TableLayout;
}

export type MigrationsResult =
  { found: true; report: MigrationsReport } | { found: false; /** Why no table could be read. */ message: string };

/** The part of a pg Client this module needs. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

// ---------------------------------------------------------------------------------------------------------
// Versions

export { compareVersionKeys, versionKey };

// ---------------------------------------------------------------------------------------------------------
// Files

// golang-migrate: <version>_<title>.up.<ext> (and a .down twin that is never recorded).
const GOLANG_MIGRATE_FILE = /^(\d+)_.*\.up\.[^.]+$/;
// dbmate (<version>_x.sql), Rails (<timestamp>_x.rb), Ecto (<timestamp>_x.exs).
const VERSIONS_FILE = /^(\d+)(?:[_-].*)?\.(sql|rb|exs)$/;
const GOOSE_FILE = /^(\d+)_.*\.(?:sql|go)$/;
// sqlx: <version>_<description>.sql, or .up.sql/.down.sql for reversible migrations.
const SQLX_FILE = /^(\d+)_.*\.sql$/;
const KNEX_EXTENSIONS = /\.(?:js|cjs|mjs|ts|cts|mts|coffee|litcoffee|ls|eg|iced|co)$/;
const TYPE_DECLARATION = /\.d\.[cm]?ts$/;
// Files that live beside migrations without being ones (checked only for custom tables).
const NOT_A_MIGRATION = /^(?:readme|license|changelog)(?:\.|$)|\.(?:md|txt|json|toml|ya?ml|conf|lock|map)$/i;

/**
 * The version a Flyway file name declares, or undefined for anything that is not a versioned migration: R__
 * (repeatable), U (undo) and B (baseline) files never appear as versioned migrations in the table.
 */
function flywayVersion(fileName: string): string | undefined {
  const file = flywayFile(fileName);
  return file?.kind === 'versioned' ? file.version : undefined;
}

/**
 * The id a tool records for a migration file (normalised), or undefined when the tool would not run the file
 * as a migration. `relativePath` uses `/` separators; only Flyway looks into subdirectories.
 */
export function migrationFileId(
  layout: Exclude<TableLayout, 'custom' | 'prisma'>,
  relativePath: string
): string | undefined {
  const fileName = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  switch (layout) {
    case 'flyway':
      return flywayVersion(fileName);
    case 'golang-migrate': {
      const match = GOLANG_MIGRATE_FILE.exec(fileName);
      return match ? versionKey(match[1]) : undefined;
    }
    case 'versions': {
      if (isDownFile(fileName)) return undefined;
      const match = VERSIONS_FILE.exec(fileName);
      return match ? versionKey(match[1]) : undefined;
    }
    case 'goose': {
      if (fileName.endsWith('_test.go')) return undefined;
      const match = GOOSE_FILE.exec(fileName);
      return match ? versionKey(match[1]) : undefined;
    }
    case 'sqlx': {
      if (isDownFile(fileName)) return undefined;
      const match = SQLX_FILE.exec(fileName);
      return match ? versionKey(match[1]) : undefined;
    }
    case 'knex':
      return KNEX_EXTENSIONS.test(fileName) && !TYPE_DECLARATION.test(fileName) ? fileName : undefined;
  }
}

/** Every id a custom table might hold for a file: its name, its name without extension, its version. */
export function customFileIds(fileName: string): string[] {
  const ids = new Set<string>([fileName]);
  const withoutExtension = fileName.replace(/\.[^.]+$/, '');
  ids.add(withoutExtension);
  ids.add(withoutExtension.replace(/\.up$/, ''));
  const flyway = flywayVersion(fileName);
  if (flyway !== undefined) ids.add(flyway);
  const numeric = /^(\d+)(?:[_.-]|$)/.exec(fileName);
  if (numeric) ids.add(versionKey(numeric[1]));
  return [...ids];
}

function isVisibleEntry(name: string): boolean {
  return !name.startsWith('.');
}

function walkFiles(dir: string, recursive: boolean, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!isVisibleEntry(entry.name)) continue;
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      if (recursive) found.push(...walkFiles(path.join(dir, entry.name), true, relative));
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      found.push(relative);
    }
  }
  return found;
}

function sortFiles(files: MigrationFile[], byVersion: boolean): MigrationFile[] {
  return files.sort((a, b) => {
    const order = byVersion ? compareVersionKeys(a.ids[0], b.ids[0]) : 0;
    return order !== 0 ? order : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

/** Resolves the migrations dir against `cwd`; a missing or non-directory path is the user's to fix. */
export function resolveMigrationsDir(dir: string, cwd: string): string {
  const resolved = path.resolve(cwd, dir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new ConfigurationError(`migrations directory not found: ${dir} (resolved to ${resolved})`);
  }
  if (!stat.isDirectory()) throw new ConfigurationError(`migrations.dir is not a directory: ${dir}`);
  return resolved;
}

/** The migration files in `dir` as the tool with this table layout sees them, in migration order. */
export function listMigrationFiles(dir: string, layout: TableLayout): MigrationFile[] {
  if (layout === 'prisma') {
    const files: MigrationFile[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (
        entry.isDirectory() &&
        isVisibleEntry(entry.name) &&
        fs.existsSync(path.join(dir, entry.name, 'migration.sql'))
      ) {
        files.push({ name: entry.name, ids: [entry.name] });
      }
    }
    return sortFiles(files, false);
  }
  if (layout === 'custom') {
    const files: MigrationFile[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const name = entry.name;
      if (!isVisibleEntry(name) || NOT_A_MIGRATION.test(name) || isDownFile(name)) continue;
      const flyway = flywayFile(name);
      if (flyway && flyway.kind !== 'versioned') continue;
      // A directory per migration (Prisma-style) is known by its name.
      if (entry.isDirectory()) files.push({ name, ids: [name] });
      else files.push({ name, ids: customFileIds(name) });
    }
    return sortFiles(files, false);
  }
  const files: MigrationFile[] = [];
  for (const relative of walkFiles(dir, layout === 'flyway')) {
    const id = migrationFileId(layout, relative);
    if (id !== undefined) files.push({ name: relative, ids: [id] });
  }
  return sortFiles(files, layout !== 'knex');
}

// ---------------------------------------------------------------------------------------------------------
// Comparison

/** Which files are applied, missing or failed, given what the table records. */
export function compareMigrations(files: readonly MigrationFile[], state: AppliedState): MigrationsComparison {
  const byKey = new Map<string, AppliedEntry[]>();
  for (const entry of state.entries) {
    for (const key of entry.keys) {
      const list = byKey.get(key);
      if (list) list.push(entry);
      else byKey.set(key, [entry]);
    }
  }
  const matched = new Set<AppliedEntry>();
  const missing: string[] = [];
  const failed: string[] = [];
  let applied = 0;
  for (const file of files) {
    const entries = file.ids.flatMap((id) => byKey.get(id) ?? []);
    for (const entry of entries) matched.add(entry);
    if (entries.some((entry) => !entry.failed)) {
      applied++;
    } else if (entries.length > 0) {
      failed.push(file.name);
    } else if (state.appliedThrough !== undefined && compareVersionKeys(file.ids[0], state.appliedThrough) <= 0) {
      applied++;
    } else {
      missing.push(file.name);
    }
  }
  const unknown: string[] = [];
  for (const entry of state.entries) {
    if (matched.has(entry)) continue;
    if (entry.failed) failed.push(entry.label);
    else unknown.push(entry.label);
  }
  return { missing, failed, unknown, applied, files: files.length };
}

// ---------------------------------------------------------------------------------------------------------
// Table rows -> applied state (pure: rows as pg returns them)

type Row = Record<string, unknown>;

function text(value: unknown): string {
  return value === null || value === undefined ? '' : textOf(value);
}

function truthy(value: unknown): boolean {
  return value === true || value === 't' || value === 'true' || value === 1;
}

/** flyway_schema_history rows ordered by installed_rank: the last row for a version decides its state. */
export function flywayState(rows: readonly Row[]): AppliedState {
  const versioned = new Map<string, Row>();
  const repeatable = new Map<string, Row>();
  let baseline: string | undefined;
  for (const row of rows) {
    const type = text(row.type).toUpperCase();
    if (type === 'SCHEMA') continue;
    if (row.version === null || row.version === undefined || text(row.version) === '') {
      repeatable.set(text(row.script), row);
      continue;
    }
    const key = versionKey(text(row.version));
    if (type === 'BASELINE') {
      if (baseline === undefined || compareVersionKeys(key, baseline) > 0) baseline = key;
      continue;
    }
    versioned.set(key, row);
  }
  const entries: AppliedEntry[] = [];
  for (const [key, row] of versioned) {
    const type = text(row.type).toUpperCase();
    // An undo or a `repair`-deleted record leaves the version unapplied.
    if (type === 'DELETE' || type.startsWith('UNDO')) continue;
    entries.push({
      keys: [key],
      label: text(row.script) || `version ${text(row.version)}`,
      failed: !truthy(row.success)
    });
  }
  for (const [script, row] of repeatable) {
    const type = text(row.type).toUpperCase();
    if (type === 'DELETE' || truthy(row.success)) continue;
    entries.push({ keys: [], label: script, failed: true });
  }
  return { entries, appliedThrough: baseline };
}

/** golang-migrate keeps one row: the latest version, dirty when that migration failed half-way. */
export function golangMigrateState(rows: readonly Row[]): AppliedState {
  let latest: { key: string; version: string; dirty: boolean } | undefined;
  for (const row of rows) {
    const version = text(row.version);
    if (!/^\d+$/.test(version)) continue;
    const key = versionKey(version);
    if (!latest || compareVersionKeys(key, latest.key) > 0) latest = { key, version, dirty: truthy(row.dirty) };
  }
  if (!latest) return { entries: [] };
  return {
    entries: [
      { keys: [latest.key], label: `version ${latest.version}${latest.dirty ? ' (dirty)' : ''}`, failed: latest.dirty }
    ],
    appliedThrough: latest.key
  };
}

/** One row per applied version (dbmate, Rails, Ecto's schema_migrations; sqlx and custom tables alike). */
export function versionSetState(rows: readonly Row[], column = 'version', failedColumn?: string): AppliedState {
  return {
    entries: rows.map((row) => {
      const value = text(row[column]);
      return {
        keys: [...new Set([value, versionKey(value)])],
        label: value,
        failed: failedColumn === undefined ? false : !truthy(row[failedColumn])
      };
    })
  };
}

/**
 * _prisma_migrations may hold several rows per migration (a failed try, then a successful one): a migration
 * is applied when one row finished and was not rolled back; otherwise its last try failed or was rolled back.
 */
export function prismaState(rows: readonly Row[]): AppliedState {
  const byName = new Map<string, { applied: boolean }>();
  for (const row of rows) {
    const name = text(row.migration_name);
    const applied = row.finished_at !== null && row.finished_at !== undefined && (row.rolled_back_at ?? null) === null;
    const current = byName.get(name);
    if (current) current.applied ||= applied;
    else byName.set(name, { applied });
  }
  return {
    entries: [...byName].map(([name, { applied }]) => ({ keys: [name], label: name, failed: !applied }))
  };
}

/** goose_db_version is a log (rows ordered by id): the latest row for a version says whether it is applied. */
export function gooseState(rows: readonly Row[]): AppliedState {
  const latest = new Map<string, boolean>();
  for (const row of rows) {
    const version = text(row.version_id);
    // Goose's own bookkeeping row.
    if (version === '0') continue;
    latest.set(versionKey(version), truthy(row.is_applied));
  }
  const entries: AppliedEntry[] = [];
  for (const [key, applied] of latest) {
    if (applied) entries.push({ keys: [key], label: `version ${key}`, failed: false });
  }
  return { entries };
}

/** Which layout a table has, from its column names (and the version column's type). */
export function layoutFromColumns(columns: ReadonlyMap<string, string>): TableLayout | undefined {
  const has = (...names: string[]): boolean => names.every((name) => columns.has(name));
  if (has('installed_rank', 'version', 'script', 'success')) return 'flyway';
  if (has('migration_name', 'finished_at', 'rolled_back_at')) return 'prisma';
  if (has('version_id', 'is_applied')) return 'goose';
  if (has('version', 'dirty')) return 'golang-migrate';
  if (has('version', 'success')) return 'sqlx';
  if (has('version')) return 'versions';
  if (has('name')) return 'knex';
  return undefined;
}

function frameworkName(layout: TableLayout, files: readonly MigrationFile[]): string {
  if (layout !== 'versions') return layout;
  const extensions = new Set(files.map((file) => file.name.slice(file.name.lastIndexOf('.') + 1)));
  if (extensions.has('rb')) return 'rails';
  if (extensions.has('exs')) return 'ecto';
  if (extensions.has('sql')) return 'dbmate';
  // Without files the bare version table could belong to any of them.
  return 'dbmate/Rails/Ecto';
}

// ---------------------------------------------------------------------------------------------------------
// SQL

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

interface TableRef {
  /** regclass text: safe to splice into SQL, schema-qualified when not on the search path. */
  relation: string;
  schema: string;
  name: string;
}

async function resolveTable(db: Queryable, table: string): Promise<TableRef | undefined> {
  const { rows } = await db.query(
    `SELECT c.oid::regclass::text AS relation, n.nspname AS schema, c.relname AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.oid = pg_catalog.to_regclass($1)`,
    [table]
  );
  const row = rows[0];
  return row ? { relation: text(row.relation), schema: text(row.schema), name: text(row.name) } : undefined;
}

interface KnownTable extends TableRef {
  visible: boolean;
}

/** The known tables present in any schema, in KNOWN_TABLES order, those on the search path first. */
async function findKnownTables(db: Queryable): Promise<KnownTable[]> {
  const { rows } = await db.query(
    `SELECT c.oid::regclass::text AS relation, n.nspname AS schema, c.relname AS name,
            pg_catalog.pg_table_is_visible(c.oid) AS visible
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
      ORDER BY array_position($1::text[], c.relname::text), pg_catalog.pg_table_is_visible(c.oid) DESC, n.nspname`,
    [[...KNOWN_TABLES]]
  );
  return rows.map((row) => ({
    relation: text(row.relation),
    schema: text(row.schema),
    name: text(row.name),
    visible: truthy(row.visible)
  }));
}

async function tableColumns(db: Queryable, table: TableRef): Promise<Map<string, string>> {
  const { rows } = await db.query(
    `SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [table.schema, table.name]
  );
  return new Map(rows.map((row) => [text(row.column_name), text(row.data_type)]));
}

/** Reads the table's rows and turns them into the applied state for its layout. */
export async function readAppliedState(
  db: Queryable,
  relation: string,
  layout: TableLayout,
  column?: string
): Promise<AppliedState> {
  const select = async (sql: string): Promise<Row[]> => (await db.query(sql)).rows;
  switch (layout) {
    case 'flyway':
      return flywayState(
        await select(`SELECT version, script, type, success FROM ${relation} ORDER BY installed_rank`)
      );
    case 'golang-migrate':
      return golangMigrateState(await select(`SELECT version::text AS version, dirty FROM ${relation}`));
    case 'versions':
      return versionSetState(await select(`SELECT version::text AS version FROM ${relation}`));
    case 'sqlx':
      return versionSetState(
        await select(`SELECT version::text AS version, success FROM ${relation}`),
        'version',
        'success'
      );
    case 'prisma':
      return prismaState(
        await select(`SELECT migration_name, finished_at, rolled_back_at FROM ${relation} ORDER BY started_at`)
      );
    case 'knex':
      return versionSetState(await select(`SELECT name FROM ${relation}`), 'name');
    case 'goose':
      return gooseState(await select(`SELECT version_id::text AS version_id, is_applied FROM ${relation} ORDER BY id`));
    case 'custom':
      return versionSetState(
        await select(
          `SELECT ${quoteIdent(column ?? 'version')}::text AS id FROM ${relation} WHERE ${quoteIdent(column ?? 'version')} IS NOT NULL`
        ),
        'id'
      );
  }
}

const EXAMPLE_NAMES: Record<TableLayout, string> = {
  flyway: 'V1__init.sql',
  'golang-migrate': '000001_init.up.sql',
  versions: '20240101120000_init.sql',
  prisma: '20240101120000_init/migration.sql',
  knex: '20240101120000_init.js',
  goose: '00001_init.sql',
  sqlx: '20240101120000_init.sql',
  custom: 'any file name'
};

function describeLayoutFailure(table: string, columns: ReadonlyMap<string, string>): ConfigurationError {
  const names = [...columns.keys()].join(', ') || 'none visible';
  return new ConfigurationError(
    `cannot tell which migration tool writes ${table} (columns: ${names}); set migrations.column to the column ` +
      'holding the version or name'
  );
}

/**
 * Compares the migrations table with the files in `expectation.dir` (resolved against `cwd`). Resolves with
 * found: false when there is no table to read; throws ConfigurationError for a missing dir or an unusable
 * table setting.
 */
export async function checkMigrations(
  db: Queryable,
  expectation: MigrationsExpectation,
  cwd: string
): Promise<MigrationsResult> {
  const dir = resolveMigrationsDir(expectation.dir, cwd);

  let candidates: TableRef[];
  if (expectation.table) {
    const table = await resolveTable(db, expectation.table);
    if (!table) return { found: false, message: `migrations table ${expectation.table} not found` };
    candidates = [table];
  } else {
    const known = await findKnownTables(db);
    if (known.length === 0) {
      return { found: false, message: `no migrations table found (looked for ${KNOWN_TABLES.join(', ')})` };
    }
    // Tables on the connection's search path are the application's; other schemas are looked at only when
    // none is (a tool configured with its own schema, say).
    const visible = known.filter((table) => table.visible);
    const pool = visible.length > 0 ? visible : known;
    candidates = [];
    for (const name of KNOWN_TABLES) {
      const matches = pool.filter((table) => table.name === name);
      if (matches.length > 1) {
        throw new ConfigurationError(
          `${name} exists in several schemas (${matches.map((table) => table.schema).join(', ')}); ` +
            'set migrations.table to the one to check'
        );
      }
      if (matches[0]) candidates.push(matches[0]);
    }
  }

  interface Usable {
    table: TableRef;
    layout: TableLayout;
    files: MigrationFile[];
  }
  let usable: Usable | undefined;
  for (const table of candidates) {
    const columns = await tableColumns(db, table);
    let layout: TableLayout | undefined;
    if (expectation.column) {
      if (!columns.has(expectation.column)) {
        throw new ConfigurationError(`column ${expectation.column} not found in ${table.relation}`);
      }
      layout = 'custom';
    } else {
      layout = layoutFromColumns(columns);
      // An unrelated table that merely shares a known name is skipped; one the user named is worth stopping for.
      if (!layout && (expectation.table || candidates.length === 1)) {
        throw describeLayoutFailure(table.relation, columns);
      }
    }
    if (!layout) continue;
    const files = listMigrationFiles(dir, layout);
    // With several tools' tables present, the one whose files are in the directory is the one that matters.
    if (files.length > 0) {
      usable = { table, layout, files };
      break;
    }
    usable ??= { table, layout, files };
  }
  if (!usable) {
    return { found: false, message: `no usable migrations table found (looked for ${KNOWN_TABLES.join(', ')})` };
  }
  const { table, layout, files } = usable;
  if (files.length === 0) {
    throw new ConfigurationError(
      `no ${layout === 'custom' ? '' : `${frameworkName(layout, files)} `}migration files in ${expectation.dir} ` +
        `(expected names like ${EXAMPLE_NAMES[layout]}, for table ${table.relation})`
    );
  }
  const state = await readAppliedState(db, table.relation, layout, expectation.column);
  return {
    found: true,
    report: {
      framework: layout === 'custom' ? 'custom' : frameworkName(layout, files),
      table: table.relation,
      layout,
      ...compareMigrations(files, state)
    }
  };
}
