// `ubos-actions dora-report`: flags and the environment (GITHUB_TOKEN, GITHUB_API_URL, GITHUB_GRAPHQL_URL) ->
// the engine -> the same renderers the action uses.
import { writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { createOctokit, githubApiUrlFromEnv, githubGraphqlUrlFromEnv } from '../../../shared/src/actions/octokit.js';
import { parseCliArgs, type CliCommand, type CliIo } from '../../../shared/src/cli/command.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { parseOptions, runDoraReport } from './engine/index.js';
import { GitHubDoraClient } from './github/client.js';
import { renderCsv, renderJson, renderMarkdown, renderText, verdictOf } from './render/index.js';
import { DoraStore } from './store/store.js';
import { DORA_REPORT_VERSION } from './version.js';

const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

export const USAGE =
  'ubos-actions dora-report --repo owner/name [--repo ...] [--since 2026-01-01] [--until DATE] [--period 30d|quarter|2026-Q1] ' +
  '[--environment production] [--source deployments|workflow-runs|releases|tags] [--workflow deploy.yml] [--branch main] ' +
  '[--incident-label incident] [--hotfix-label hotfix] [--hotfix-window 24h] [--incident-window 24h] ' +
  '[--benchmarks 2023|2024|2025] [--format text|json|csv|markdown] [--output FILE] [--database-url URL] [--rest-only]';

export interface DoraCommandDeps {
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Test seam: shorter retry waits against a local emulator. */
  octokitOverrides?: { retryAfterBaseValue?: number; requestSpacing?: boolean };
}

export function createDoraCommand(deps: DoraCommandDeps): CliCommand {
  return {
    name: 'dora-report',
    summary: 'The five DORA metrics of one or more repositories, with the deployments, PRs and incidents behind them',
    usage: [USAGE],
    flags: {},
    async run(argv: string[], io: CliIo): Promise<number> {
      const { values } = parseCliArgs(
        argv,
        {
          repo: { type: 'string', multiple: true },
          since: { type: 'string' },
          until: { type: 'string' },
          period: { type: 'string' },
          environment: { type: 'string' },
          source: { type: 'string' },
          workflow: { type: 'string' },
          branch: { type: 'string' },
          'incident-label': { type: 'string' },
          'hotfix-label': { type: 'string' },
          'hotfix-window': { type: 'string' },
          'incident-window': { type: 'string' },
          benchmarks: { type: 'string' },
          format: { type: 'string' },
          output: { type: 'string' },
          'database-url': { type: 'string' },
          'rest-only': { type: 'boolean' }
        },
        false
      );
      const format = (values.format ?? 'text') as Format;
      if (!FORMATS.includes(format))
        throw new ConfigurationError(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}"`);
      const token = deps.env.GITHUB_TOKEN?.trim();
      if (!token) throw new ConfigurationError('set GITHUB_TOKEN to a token that can read the repositories');
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
        now: deps.now()
      });
      const octokit = createOctokit({
        token,
        baseUrl: githubApiUrlFromEnv(deps.env),
        logger: { debug: () => undefined, info: () => undefined, warning: (m) => io.stderr(`warning: ${m}\n`) },
        ...deps.octokitOverrides
      });
      const client = new GitHubDoraClient({
        octokit,
        graphql: !values['rest-only'],
        graphqlUrl: deps.env.GITHUB_GRAPHQL_URL?.trim() ? githubGraphqlUrlFromEnv(deps.env) : undefined
      });
      const report = await runDoraReport(client, options, { info: (m) => io.stderr(`${m}\n`) });
      const api = { calls: client.stats.total, rest: client.stats.rest, graphql: client.stats.graphql };
      io.stderr(`GitHub API calls: ${api.calls} (${api.graphql} GraphQL, ${api.rest} REST)\n`);
      const databaseUrl = values['database-url'];
      if (databaseUrl) {
        const store = await DoraStore.open({ connectionString: databaseUrl });
        try {
          for (const r of await store.sync(report)) {
            io.stderr(
              `store: ${r.repo}: deployments +${r.deployments.inserted} ~${r.deployments.updated}, changes +${r.changes.inserted} ~${r.changes.updated}, incidents +${r.incidents.inserted} ~${r.incidents.updated}\n`
            );
          }
        } finally {
          await store.close();
        }
      }
      const text =
        format === 'json'
          ? renderJson(report, { version: DORA_REPORT_VERSION, api })
          : format === 'csv'
            ? renderCsv(report)
            : format === 'markdown'
              ? renderMarkdown(report)
              : renderText(report, api);
      if (values.output) {
        const path = isAbsolute(values.output) ? values.output : resolve(io.cwd, values.output);
        try {
          writeFileSync(path, text);
        } catch (error) {
          throw new ConfigurationError(`cannot write ${values.output}: ${(error as Error).message}`);
        }
      } else io.stdout(text);
      return verdictOf(report) === 'fail' ? 1 : 0;
    }
  };
}

export const command: CliCommand = createDoraCommand({ env: process.env, now: () => new Date() });
