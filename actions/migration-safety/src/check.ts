// What the action and the CLI both do before and around the engine: read the config, find the files, pick the
// change set (a pull request's changed files, or files added since a ref), lint. Policy lives here once, so the
// action and the CLI cannot drift (a mistyped path fails both the same way).
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { redactConnectionString } from '../../../shared/src/lib/redact.js';
import { plural } from '../../../shared/src/lib/report.js';
import { DEFAULT_PATHS, loadConfig, resolveSettings, type Settings } from './config.js';
import { defaultPathsOf, detectFramework, planMigrations } from './engine/framework.js';
import { lintMigrations, type LintResult } from './engine/lint.js';
import {
  applyTableSizes,
  DEFAULT_THRESHOLDS,
  parseSize,
  touchedTables,
  type SizeThresholds,
  type TableSizeResult
} from './engine/table-size.js';
import { buildSources, changedFiles, expandPaths, filesAtRef, projectReader } from './files.js';
import { ALL_RULES } from './rules/index.js';
import { checkStatsUrl, readTableStats } from './table-stats.js';
import {
  traceMigrations,
  validateTraceSettings,
  type TraceMode,
  type TraceResult,
  type TraceSettings
} from './engine/trace/index.js';
import { traceFindings } from './engine/trace/findings.js';

export type IfNoFilesFound = 'error' | 'warn' | 'ignore';

export interface MigrationCheckOptions {
  /** Paths resolve against it, and the default config file is looked for in it. */
  cwd: string;
  /** Files, folders and globs named by the user; empty means the config's include, else the default folders. */
  patterns: readonly string[];
  config?: string;
  pgVersion?: string;
  framework?: string;
  assumeInTransaction?: boolean;
  /** How a setting is named in errors: `Input "pg-version"` or `--pg-version`. */
  label: (setting: string) => string;
  /** Lint only what changed since this: a pull request's base branch (merge base) or a commit (files added). */
  changes?: { kind: 'base-branch'; ref: string } | { kind: 'since'; ref: string };
  ifNoFilesFound: IfNoFilesFound;
  /** In the action: nothing may be read from outside it (symlinks included). */
  workspace?: string;
  /** A replica or staging database whose catalogue gives the sizes of the tables findings rewrite or scan. */
  statsDatabaseUrl?: string;
  /** Rows and size from which a table is big, as written (`1000000`, `1GB`); defaults DEFAULT_THRESHOLDS. */
  bigTableRows?: string;
  bigTableSize?: string;
  /** lint (default), trace (a live trace on a real server, engine/trace/) or both. */
  mode?: TraceMode;
  trace?: TraceSettings;
}

export interface MigrationCheck {
  result: LintResult;
  settings: Settings;
  /** How the linted files were chosen, one sentence. */
  scope: string;
  configFile?: string;
  /** Warnings for the log (a pattern that matched nothing under if-no-files-found: warn). */
  warnings: string[];
  /** Notices for the log (the default folders are empty). */
  notices: string[];
  /** With statsDatabaseUrl: the tables looked up, and how their sizes changed the findings. */
  tableSizes?: TableSizeResult;
  mode?: TraceMode;
  trace?: TraceResult;
}

export async function runMigrationCheck(options: MigrationCheckOptions): Promise<MigrationCheck> {
  const mode = options.mode ?? 'lint';
  if (mode !== 'lint') validateTraceSettings(options.trace ?? { startPostgres: false, allowNonempty: false });
  const config = await loadConfig(
    options.cwd,
    options.config,
    ALL_RULES.map((r) => r.id)
  );
  const settings = resolveSettings(config, {
    pgVersion: options.pgVersion,
    framework: options.framework,
    assumeInTransaction: options.assumeInTransaction,
    label: options.label
  });
  // A malformed threshold or URL fails before any file is read, whether or not a table will be looked up.
  const thresholds = sizeThresholds(options);
  if (options.statsDatabaseUrl !== undefined)
    checkStatsUrl(options.statsDatabaseUrl, options.label('stats-database-url'));
  const named = options.patterns.length > 0 ? options.patterns : settings.include;
  const patterns = named ?? defaultPathsOf(settings.framework) ?? DEFAULT_PATHS;
  const { files, unmatched } = expandPaths(patterns, options.cwd, settings.exclude, { workspace: options.workspace });
  const warnings: string[] = [];
  const notices: string[] = [];
  if (named && unmatched.length > 0 && options.ifNoFilesFound !== 'ignore') {
    const what = `${unmatched.map((p) => `"${p}"`).join(', ')}: no such file, or no file matches`;
    if (options.ifNoFilesFound === 'error') throw new ConfigurationError(what);
    warnings.push(what);
  }
  if (!named && files.length === 0)
    notices.push(`No migration files found in the default folders (${patterns.join(', ')}); name them in paths`);

  // The tool's order and what its project files say (a journal, a plan, a sum file, metadata.toml).
  const project = projectReader(options.cwd, { workspace: options.workspace });
  const plan = planMigrations(files, settings.framework, project);
  notices.push(...plan.notices);
  if (settings.framework === 'plain') {
    const detected = detectFramework(files, project);
    if (detected)
      notices.push(
        `${detected.reason}: set framework: ${detected.framework} to lint these files in ${detected.framework}'s order and transaction mode`
      );
  }
  const migrations = plan.files;
  let changeSet: Set<string> | undefined;
  let scope: string;
  if (options.changes?.kind === 'base-branch') {
    const changed = changedFiles(options.cwd, options.changes.ref);
    changeSet = new Set(migrations.filter((f) => changed.has(f)));
    scope = `${plural(changeSet.size, 'migration')} changed against \`${options.changes.ref}\`, linted as one change set (${plural(migrations.length - changeSet.size, 'earlier migration')} replayed)`;
  } else if (options.changes?.kind === 'since') {
    const before = filesAtRef(options.cwd, options.changes.ref);
    changeSet = new Set(migrations.filter((f) => !before.has(f)));
    scope = `${plural(changeSet.size, 'migration')} added since \`${options.changes.ref}\`, linted as one change set`;
  } else {
    scope = `Whole history: ${plural(migrations.length, 'migration')}, each judged as it was deployed`;
  }

  const sources = buildSources(migrations, options.cwd, changeSet, plan.hints);
  let result = await lintMigrations(
    sources,
    {
      pgVersion: settings.pgVersion,
      pgMinor: settings.pgMinor,
      framework: settings.framework,
      assumeInTransaction: settings.assumeInTransaction,
      rules: settings.rules
    },
    ALL_RULES
  );
  let tableSizes: TableSizeResult | undefined;
  if (options.statsDatabaseUrl !== undefined) {
    tableSizes = await judgeTableSizes(result, options.statsDatabaseUrl, thresholds, options.label, notices);
    result = { ...result, findings: tableSizes.findings };
  }
  let trace: TraceResult | undefined;
  const t = options.trace;
  if (mode === 'lint' && (t?.databaseUrl || t?.startPostgres || t?.maxLockMs !== undefined))
    notices.push(
      'database-url, start-postgres and max-lock-ms only apply to mode trace or lint+trace: nothing was traced'
    );
  if (mode !== 'lint') {
    const parse = { framework: settings.framework, assumeInTransaction: settings.assumeInTransaction };
    trace = await traceMigrations(sources, parse, result, options.trace!);
    notices.push(...trace.notes);
    // Alone, the trace reports what it saw; beside the lint, only where the two disagree (and the budget).
    const seen = traceFindings(trace, mode === 'trace');
    const order = new Map(sources.map((s, i) => [s.path, i]));
    const findings = [
      ...(mode === 'trace' ? result.findings.filter((f) => f.rule === 'syntax-error') : result.findings),
      ...seen
    ];
    findings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
    result = { ...result, findings, exempted: mode === 'trace' ? [] : result.exempted };
  }
  return { result, settings, scope, configFile: config?.file, warnings, notices, tableSizes, mode, trace };
}

/** The sizes of the tables the findings rewrite or scan, from the stats database, and the findings they change. */
async function judgeTableSizes(
  result: LintResult,
  url: string,
  thresholds: SizeThresholds,
  label: (setting: string) => string,
  notices: string[]
): Promise<TableSizeResult> {
  const wanted = touchedTables(result.findings);
  const stats = await readTableStats(url, wanted, { label: label('stats-database-url') });
  const tableSizes = applyTableSizes(result.findings, stats, thresholds);
  if (stats.length > 0)
    notices.push(
      `stats-database-url: sizes of ${plural(stats.length, 'table')} read from ${redactConnectionString(url)}`
    );
  if (wanted.length === 0)
    notices.push(
      'stats-database-url: no finding rewrites or scans a table that exists before the change set; nothing was looked up'
    );
  if (tableSizes.unknown.length > 0)
    notices.push(
      `stats-database-url: ${plural(tableSizes.unknown.length, 'table')} not in the stats database (${tableSizes.unknown.join(', ')}): their findings keep their level`
    );
  return tableSizes;
}

function sizeThresholds(options: MigrationCheckOptions): SizeThresholds {
  const rows = options.bigTableRows?.trim();
  const size = options.bigTableSize?.trim();
  const bigRows = rows ? Number(rows.replace(/_/g, '')) : DEFAULT_THRESHOLDS.bigRows;
  if (!Number.isSafeInteger(bigRows) || bigRows < 1)
    throw new ConfigurationError(
      `${options.label('big-table-rows')} must be a whole number of rows, e.g. 1000000; got "${rows}"`
    );
  const bigBytes = size ? parseSize(size) : DEFAULT_THRESHOLDS.bigBytes;
  if (bigBytes === undefined)
    throw new ConfigurationError(
      `${options.label('big-table-size')} must be a size such as 1GB or 500MB; got "${size}"`
    );
  return { bigRows, bigBytes };
}
