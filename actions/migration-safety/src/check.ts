// What the action and the CLI both do before and around the engine: read the config, find the files, pick the
// change set (a pull request's changed files, or files added since a ref), lint. Policy lives here once, so the
// action and the CLI cannot drift (a mistyped path fails both the same way).
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { plural } from '../../../shared/src/lib/report.js';
import { DEFAULT_PATHS, loadConfig, resolveSettings, type Settings } from './config.js';
import { defaultPathsOf, detectFramework, planMigrations } from './engine/framework.js';
import { lintMigrations, type LintResult } from './engine/lint.js';
import { buildSources, changedFiles, expandPaths, filesAtRef, projectReader } from './files.js';
import { ALL_RULES } from './rules/index.js';
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
  return { result, settings, scope, configFile: config?.file, warnings, notices, mode, trace };
}
