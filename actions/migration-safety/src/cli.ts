// `ubos-actions migration-safety`: the same engine as the action, for a terminal or another CI. The import
// graph stays small (engine, rules, config, files, report): a benchmark times this against squawk.
import {
  parseReportArgs,
  printReport,
  reportFlags,
  type CliCommand,
  type FlagSpecs
} from '../../../shared/src/cli/command.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { runMigrationCheck } from './check.js';
import { loadParser } from './engine/parse.js';
import { docsUrl } from './engine/rule.js';
import { migrationReport } from './report.js';
import { ALL_RULES } from './rules/index.js';

function listRules(format: string): string {
  if (format === 'json') {
    const catalogue = ALL_RULES.map((r) => ({
      id: r.id,
      level: r.severity,
      message: r.message,
      help: r.help,
      equivalents: r.equivalents,
      docs: docsUrl(r.id),
      ...(r.pgVersions ? { pgVersions: { min: r.pgVersions.min, max: r.pgVersions.max } } : {}),
      ...(r.cost ? { cost: r.cost } : {})
    }));
    return JSON.stringify(catalogue, null, 2) + '\n';
  }
  const width = Math.max(...ALL_RULES.map((r) => r.id.length));
  return ALL_RULES.map((r) => `${r.severity.padEnd(7)} ${r.id.padEnd(width)}  ${r.message}`).join('\n') + '\n';
}

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;

const FLAGS = {
  ...reportFlags(FORMATS),
  'pg-version': { type: 'string', value: '<N[.minor]>', description: 'PostgreSQL version', default: '16' },
  framework: {
    type: 'string',
    value: '<name>',
    description:
      'plain, flyway, golang-migrate, goose, dbmate, sqlx, prisma, knex-sql, diesel, drizzle, sqitch, atlas, liquibase-sql, node-pg-migrate or supabase',
    default: 'plain'
  },
  'assume-in-transaction': { type: 'boolean', description: 'Treat every file as run inside one transaction' },
  config: { type: 'string', value: '<file>', description: 'YAML config', default: '.github/migration-safety.yml' },
  since: {
    type: 'string',
    value: '<git-ref>',
    description: 'Lint only the files added since this commit, as one change set'
  },
  'if-no-files-found': {
    type: 'string',
    value: '<error|warn|ignore>',
    description: 'What a path that matches nothing does',
    default: 'error'
  },
  'stats-database-url': {
    type: 'string',
    value: '<postgres-url>',
    description: 'Read-only replica or staging database: table sizes raise or lower rewrite and scan findings'
  },
  'big-table-rows': { type: 'string', value: '<N>', description: 'Rows from which a table is big', default: '1000000' },
  'big-table-size': { type: 'string', value: '<size>', description: 'Size from which a table is big', default: '1GB' },
  'list-rules': { type: 'boolean', description: 'List the rules and exit' },
  mode: {
    type: 'string',
    value: '<lint|trace|lint+trace>',
    description: 'Lint, trace on a real PostgreSQL, or both',
    default: 'lint'
  },
  'database-url': {
    type: 'string',
    value: '<url>',
    description: 'Scratch server for the trace (it works in its own database)'
  },
  'start-postgres': { type: 'boolean', description: 'Trace on a throwaway cluster started from the local binaries' },
  'allow-nonempty': { type: 'boolean', description: 'Trace although the named database holds user tables' },
  'max-lock-ms': {
    type: 'string',
    value: '<ms>',
    description: 'Fail when a write-blocking lock on a table in use is held longer'
  }
} satisfies FlagSpecs;

const MODES = ['lint', 'trace', 'lint+trace'] as const;

function traceFlags(values: { mode?: string; 'max-lock-ms'?: string }) {
  const mode = values.mode ?? 'lint';
  if (!(MODES as readonly string[]).includes(mode))
    throw new ConfigurationError(`--mode must be one of ${MODES.join(', ')}; got "${mode}"`);
  const budget = values['max-lock-ms'];
  if (budget !== undefined && !/^\d+$/.test(budget))
    throw new ConfigurationError(`--max-lock-ms must be a whole number of milliseconds; got "${budget}"`);
  return { mode: mode as (typeof MODES)[number], maxLockMs: budget === undefined ? undefined : Number(budget) };
}

export const command: CliCommand = {
  name: 'migration-safety',
  summary: 'Lint PostgreSQL migrations for lock, rewrite and compatibility hazards, with the safe way to do each',
  usage: [
    'migration-safety [options] <files, folders or globs...>',
    'migration-safety --list-rules [--format text|json]'
  ],
  flags: FLAGS,
  async run(argv, io) {
    // Compiling the parser's WebAssembly takes ~0.1 s on background threads: start it now so it overlaps
    // finding and reading the files. A failure surfaces where the lint awaits the same promise.
    loadParser().catch(() => {});
    const { values, positionals, format, failOn } = parseReportArgs(argv, FLAGS, FORMATS);
    if (values['list-rules']) {
      if (format !== 'text' && format !== 'json') throw new ConfigurationError('--list-rules prints text or json');
      io.stdout(listRules(format));
      return 0;
    }
    const ifNoFilesFound = values['if-no-files-found'] ?? 'error';
    if (!['error', 'warn', 'ignore'].includes(ifNoFilesFound))
      throw new ConfigurationError(`--if-no-files-found must be one of error, warn, ignore; got "${ifNoFilesFound}"`);
    const { mode, maxLockMs } = traceFlags(values);
    const check = await runMigrationCheck({
      cwd: io.cwd,
      patterns: positionals,
      config: values.config,
      pgVersion: values['pg-version'],
      framework: values.framework,
      assumeInTransaction: values['assume-in-transaction'] ? true : undefined,
      label: (setting) => `--${setting}`,
      changes: values.since === undefined ? undefined : { kind: 'since', ref: values.since },
      ifNoFilesFound: ifNoFilesFound as 'error' | 'warn' | 'ignore',
      statsDatabaseUrl: values['stats-database-url'],
      bigTableRows: values['big-table-rows'],
      bigTableSize: values['big-table-size'],
      mode,
      trace: {
        databaseUrl: values['database-url'],
        startPostgres: values['start-postgres'] === true,
        allowNonempty: values['allow-nonempty'] === true,
        maxLockMs,
        searchPath: process.env.PATH
      }
    });
    if (check.result.files.length === 0 && positionals.length === 0 && check.notices.length > 0)
      throw new ConfigurationError(`${check.notices[0]}; name the files, folders or globs to lint`);
    for (const warning of check.warnings) io.stderr(`warning: ${warning}\n`);
    return printReport(migrationReport(check), format, failOn, io);
  }
};
