// `ubos-actions dora-report`: flags and the environment (GITHUB_TOKEN, GITHUB_API_URL, GITHUB_GRAPHQL_URL) ->
// the same engine and report as the action. CSV is this command's own format (the shared ones are text, json,
// markdown, sarif and junit).
import { createOctokit, githubApiUrlFromEnv, githubGraphqlUrlFromEnv } from '../../../shared/src/actions/octokit.js';
import {
  FAIL_ON_FLAG,
  parseFailOnFlag,
  parseFlags,
  parseFormat,
  printReport,
  type CliCommand,
  type CliIo,
  type FlagSpecs
} from '../../../shared/src/cli/command.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { failsStep } from '../../../shared/src/lib/report.js';
import { closestName } from '../../../shared/src/lib/suggest.js';
import { parseOptions, type Level } from './engine/index.js';
import { LEVEL_NAMES } from './inputs.js';
import { doraActionReport } from './report.js';
import { readDoraReport, syncStore } from './run.js';

const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;

const FLAGS = {
  repo: { type: 'string', multiple: true, value: '<owner/name>', description: 'Repository to report on' },
  period: {
    type: 'string',
    value: '<30d|12w|quarter|2026-Q1|...>',
    description: 'Period reported on, ending now (or at --until), or a calendar quarter, month or year',
    default: '30d'
  },
  since: { type: 'string', value: '<date>', description: 'Start of the period instead of --period (2026-01-01)' },
  until: { type: 'string', value: '<date>', description: 'End of the period (exclusive)', default: 'now' },
  environment: { type: 'string', value: '<name>', description: 'Deployment environment', default: 'production' },
  source: {
    type: 'string',
    value: '<deployments|workflow-runs|releases|tags>',
    description: 'What counts as a deployment',
    default: 'deployments'
  },
  workflow: { type: 'string', value: '<file>', description: 'The deploy workflow for --source workflow-runs' },
  branch: { type: 'string', value: '<name>', description: 'Only workflow runs on this branch' },
  'incident-label': {
    type: 'string',
    value: '<labels>',
    description: 'Labels of incident issues',
    default: 'incident'
  },
  'hotfix-label': {
    type: 'string',
    value: '<labels>',
    description: 'Labels of hotfix pull requests',
    default: 'hotfix'
  },
  'hotfix-window': {
    type: 'string',
    value: '<duration>',
    description: 'A hotfix or revert this soon after a deployment marks it failed',
    default: '24h'
  },
  'incident-window': {
    type: 'string',
    value: '<duration>',
    description: 'An incident this soon after a deployment is linked to it',
    default: 'the hotfix window'
  },
  benchmarks: { type: 'string', value: '<2023|2024|2025>', description: 'Which DORA report judges', default: '2024' },
  'min-level': {
    type: 'string',
    value: `<${LEVEL_NAMES.join('|')}>`,
    description: 'A metric below this level is a warning',
    default: 'medium'
  },
  'database-url': { type: 'string', value: '<url>', description: 'Sync into this PostgreSQL database (dora schema)' },
  format: { type: 'string', value: `<${FORMATS.join('|')}>`, description: 'Output format', default: 'text' },
  'fail-on': FAIL_ON_FLAG
} satisfies FlagSpecs;

function parseMinLevel(value: string | undefined): Level {
  const level = value ?? 'medium';
  if ((LEVEL_NAMES as readonly string[]).includes(level)) return level as Level;
  const guess = closestName(level, LEVEL_NAMES);
  throw new ConfigurationError(
    `--min-level must be one of ${LEVEL_NAMES.join(', ')}; got "${level}"${guess ? ` (did you mean "${guess}"?)` : ''}`
  );
}

export interface DoraCommandDeps {
  now?: () => Date;
  /** Test seam: shorter retry waits against a local emulator. */
  octokitOverrides?: { retryAfterBaseValue?: number; requestSpacing?: boolean };
}

export function createDoraCommand(deps: DoraCommandDeps = {}): CliCommand {
  return {
    name: 'dora-report',
    summary: 'The DORA metrics of one or more repositories, with the deployments, PRs and incidents behind them',
    usage: ['dora-report --repo owner/name [--repo ...] [--period 30d | --since 2026-01-01] [options]'],
    flags: FLAGS,
    async run(argv: string[], io: CliIo): Promise<number> {
      const { values } = parseFlags(argv, FLAGS, false);
      if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format))
        throw new ConfigurationError(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}"`);
      const format = values.format === 'csv' ? 'csv' : parseFormat(values.format, ['text', 'json', 'markdown'], 'text');
      const failOn = parseFailOnFlag(values['fail-on']);
      const minLevel = parseMinLevel(values['min-level']);
      const env = io.env ?? process.env;
      const token = env.GITHUB_TOKEN?.trim();
      if (!token)
        throw new ConfigurationError('GITHUB_TOKEN is not set: export a token that can read the repositories');
      const options = parseOptions({
        repositories: values.repo ?? [],
        environment: values.environment,
        period: values.period,
        since: values.since,
        until: values.until,
        source: values.source,
        workflow: values.workflow,
        branch: values.branch,
        incidentLabel: values['incident-label'],
        hotfixLabel: values['hotfix-label'],
        hotfixWindow: values['hotfix-window'],
        incidentWindow: values['incident-window'],
        benchmarks: values.benchmarks,
        now: (deps.now ?? (() => new Date()))(),
        label: (setting) => (setting === 'repositories' ? '--repo' : `--${setting}`)
      });
      const octokit = createOctokit({
        token,
        baseUrl: githubApiUrlFromEnv(env),
        logger: { debug: () => undefined, info: () => undefined, warning: (m) => io.stderr(`warning: ${m}\n`) },
        ...deps.octokitOverrides
      });
      const info = (m: string) => io.stderr(`${m}\n`);
      const { report, api } = await readDoraReport({
        octokit,
        graphqlUrl: githubGraphqlUrlFromEnv(env),
        options,
        label: '--repo',
        info
      });
      info(`GitHub API calls: ${api.total} (${api.graphql} GraphQL, ${api.rest} REST)`);
      const action = doraActionReport(report, {
        minLevel,
        api,
        linkOrigins: [env.GITHUB_SERVER_URL?.trim() || 'https://github.com']
      });
      let code: number;
      if (format === 'csv') {
        io.stdout(action.csv());
        code = failsStep(action.verdict, failOn) ? 1 : 0;
      } else code = printReport(action, format, failOn, io);
      // After the report: a database that is down must not take the report with it.
      if (values['database-url']) await syncStore(values['database-url'], report, info);
      return code;
    }
  };
}

export const command: CliCommand = createDoraCommand();
