import * as core from '@actions/core';
import { readInputs } from '../../../shared/src/actions/inputs.js';
import { runnerLogger } from '../../../shared/src/actions/logger.js';
import { maskConnectionString } from '../../../shared/src/actions/mask.js';
import { createOctokit, githubApiUrlFromEnv, githubGraphqlUrlFromEnv } from '../../../shared/src/actions/octokit.js';
import { publishReport } from '../../../shared/src/actions/publish.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { parseOptions } from './engine/index.js';
import { INPUTS, OUTPUTS } from './inputs.js';
import { renderCsv } from './render/index.js';
import { doraActionReport } from './report.js';
import { readDoraReport, syncStore, writeCsvFile } from './run.js';

/** Inputs -> the GitHub API -> the metrics -> CSV -> the shared report pipeline -> the optional store. */
export async function run(): Promise<void> {
  const env = process.env;
  const inputs = readInputs(INPUTS);
  const databaseUrl = inputs['database-url'];
  if (databaseUrl) maskConnectionString(databaseUrl);
  const token = inputs['github-token'];
  if (!token)
    throw new ConfigurationError('Input "github-token" is empty: give a token that can read the repositories');
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const options = parseOptions({
    repositories: inputs.repositories.length > 0 ? inputs.repositories : [env.GITHUB_REPOSITORY ?? ''],
    environment: inputs.environment,
    period: inputs.period,
    source: inputs.source,
    workflow: inputs.workflow,
    incidentLabel: inputs['incident-label'].join(','),
    hotfixWindow: inputs['hotfix-window'],
    benchmarks: inputs.benchmarks,
    now: new Date(),
    label: (setting) => `Input "${setting}"`
  });
  const octokit = createOctokit({ token, baseUrl: githubApiUrlFromEnv(env), logger: runnerLogger });
  const { report, api } = await readDoraReport({
    octokit,
    graphqlUrl: githubGraphqlUrlFromEnv(env),
    options,
    label: 'Input "repositories"',
    info: (m) => core.info(m)
  });
  core.info(`GitHub API calls: ${api.total} (${api.graphql} GraphQL, ${api.rest} REST)`);
  const csvFile = writeCsvFile(renderCsv(report), inputs['csv-file'], workspace, env.RUNNER_TEMP);
  core.info(`CSV written to ${csvFile}`);
  const linkOrigins = [env.GITHUB_SERVER_URL ?? 'https://github.com'];
  await publishReport(doraActionReport(report, { minLevel: inputs['min-level'], api, csvFile, linkOrigins }), {
    outputs: OUTPUTS,
    failOn: inputs['fail-on'],
    workspace
  });
  // After the outputs and the summary: the store is an optional network step and must not hide the report.
  if (databaseUrl) await syncStore(databaseUrl, report, (m) => core.info(m));
}
