// `ubos-actions migration-safety`: the same engine as the action, for a terminal or another CI. The import
// graph stays small (engine, rules, config, files, report): a benchmark times this against squawk.
import { parseCliArgs, parseFormat, type CliCommand } from '../../../shared/src/cli/command.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { DEFAULT_PATHS, loadConfig, parseFailOn, resolveSettings } from './config.js';
import { lintMigrations } from './engine/lint.js';
import { loadParser } from './engine/parse.js';
import { docsUrl } from './engine/rule.js';
import { buildSources, expandPaths, filesAtRef, upMigrations } from './files.js';
import { countResult, renderText, resultJson, shouldFail } from './report.js';
import { ALL_RULES } from './rules/index.js';
import { migrationSarif } from './sarif.js';

const USAGE = [
  'ubos-actions migration-safety [--format text|json|sarif] [--pg-version N] [--framework F] [--assume-in-transaction]',
  '         [--config file] [--fail-on error|warning|never] [--since git-ref] <files, folders or globs...>',
  'ubos-actions migration-safety --list-rules [--format text|json]'
].join('\n       ');

function listRules(format: string): string {
  if (format === 'json') {
    const catalogue = ALL_RULES.map((r) => ({
      id: r.id,
      severity: r.severity,
      message: r.message,
      help: r.help,
      equivalents: r.equivalents,
      docs: docsUrl(r.id),
      ...(r.pgVersions ? { pgVersions: r.pgVersions } : {})
    }));
    return JSON.stringify(catalogue, null, 2) + '\n';
  }
  const width = Math.max(...ALL_RULES.map((r) => r.id.length));
  return ALL_RULES.map((r) => `${r.severity.padEnd(7)} ${r.id.padEnd(width)}  ${r.message}`).join('\n') + '\n';
}

export const command: CliCommand = {
  name: 'migration-safety',
  summary: 'Lint PostgreSQL migrations for lock, rewrite and compatibility hazards, with the safe way to do each',
  usage: USAGE,
  async run(argv, io) {
    // Compiling the parser's WebAssembly takes ~0.1 s on background threads: start it now so it overlaps
    // finding and reading the files. A failure surfaces where lintMigrations awaits the same promise.
    loadParser().catch(() => {});
    const { values, positionals } = parseCliArgs(argv, {
      format: { type: 'string' },
      'pg-version': { type: 'string' },
      framework: { type: 'string' },
      'assume-in-transaction': { type: 'boolean' },
      config: { type: 'string' },
      'fail-on': { type: 'string' },
      since: { type: 'string' },
      'list-rules': { type: 'boolean' }
    });
    if (values['list-rules']) {
      io.stdout(listRules(parseFormat(values.format, ['text', 'json'], 'text')));
      return 0;
    }
    const format = parseFormat(values.format, ['text', 'json', 'sarif'], 'text');
    const failOn = parseFailOn(values['fail-on'] ?? 'error', '--fail-on');
    const config = await loadConfig(
      io.cwd,
      values.config,
      ALL_RULES.map((r) => r.id)
    );
    const settings = resolveSettings(config, {
      pgVersion: values['pg-version'],
      framework: values.framework,
      assumeInTransaction: values['assume-in-transaction'] ? true : undefined,
      label: (setting) => `--${setting}`
    });

    const named = positionals.length > 0;
    const patterns = named ? positionals : (settings.include ?? DEFAULT_PATHS);
    const { files, unmatched } = expandPaths(patterns, io.cwd, settings.exclude);
    if (named && unmatched.length > 0)
      throw new ConfigurationError(
        `${unmatched.map((p) => `"${p}"`).join(', ')}: no such file, or no file matches; usage: ${USAGE}`
      );
    if (files.length === 0)
      throw new ConfigurationError(
        `no migration files found in ${patterns.join(', ')}; name the files, folders or globs to lint`
      );
    const migrations = upMigrations(files, settings.framework);
    let changeSet: Set<string> | undefined;
    if (values.since !== undefined) {
      const before = filesAtRef(io.cwd, values.since);
      changeSet = new Set(migrations.filter((f) => !before.has(f)));
    }

    const result = await lintMigrations(
      buildSources(migrations, io.cwd, changeSet),
      {
        pgVersion: settings.pgVersion,
        pgMinor: settings.pgMinor,
        framework: settings.framework,
        assumeInTransaction: settings.assumeInTransaction,
        rules: settings.rules
      },
      ALL_RULES
    );
    io.stdout(
      format === 'json'
        ? JSON.stringify(resultJson(result, failOn), null, 2) + '\n'
        : format === 'sarif'
          ? migrationSarif(result, ALL_RULES, settings.rules)
          : renderText(result, failOn)
    );
    return shouldFail(countResult(result), failOn) ? 1 : 0;
  }
};
