// The GitHub Deployments recorder for the step and its post step: the shared Octokit (timeouts, retries, the
// token kept out of errors) against GITHUB_API_URL, the repository and commit of the run, and the run's log URL
// on every status. Everything comes in as arguments; nothing here reads process.env.
import { createOctokit, githubApiUrlFromEnv } from '../../../../shared/src/actions/octokit.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import type { Logger } from '../../../../shared/src/lib/logger.js';
import { createGitHubDeployments, type DeploymentRecorder } from '../engine/index.js';

export interface RecorderOptions {
  env: Record<string, string | undefined>;
  token: string | undefined;
  environment: string;
  logger: Logger;
}

export function deploymentRecorder(options: RecorderOptions): DeploymentRecorder {
  const { env } = options;
  if (!options.token) throw new ConfigurationError('Input "github-token" is empty; deployment: true needs a token');
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo || !env.GITHUB_SHA) {
    throw new ConfigurationError('deployment: true needs GITHUB_REPOSITORY and GITHUB_SHA (set by the runner)');
  }
  if (!options.environment.trim()) throw new ConfigurationError('Input "environment" is empty');
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return createGitHubDeployments({
    api: createOctokit({
      token: options.token,
      baseUrl: githubApiUrlFromEnv(env),
      retries: 1,
      requestTimeoutMs: 15_000,
      logger: options.logger
    }),
    owner,
    repo,
    ref: env.GITHUB_SHA,
    environment: options.environment.trim(),
    ...(env.GITHUB_RUN_ID ? { logUrl: `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` } : {})
  });
}
