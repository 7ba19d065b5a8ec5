// Runs the engine through the real adapter and the shared Octokit against the emulator.
import { createOctokit } from '../../shared/src/actions/octokit.js';
import { GitHubDoraClient } from '../../actions/dora-report/src/github/client.js';
import {
  parseOptions,
  runDoraReport,
  type DoraReport,
  type RawOptions
} from '../../actions/dora-report/src/engine/index.js';
import type { GitHubApi } from '../harness/github-api.js';

export function clientFor(api: GitHubApi, graphql = true): GitHubDoraClient {
  const octokit = createOctokit({
    token: api.token,
    baseUrl: api.url,
    requestSpacing: false,
    retryAfterBaseValue: 10,
    logger: { debug: () => undefined, info: () => undefined, warning: () => undefined }
  });
  return new GitHubDoraClient({ octokit, graphql });
}

export async function report(
  api: GitHubApi,
  options: Omit<RawOptions, 'now'> & { now?: Date },
  graphql = true
): Promise<{ report: DoraReport; client: GitHubDoraClient }> {
  const client = clientFor(api, graphql);
  const parsed = parseOptions({ now: new Date('2026-06-01T00:00:00Z'), ...options });
  return { report: await runDoraReport(client, parsed), client };
}

export function metric(r: DoraReport, id: string, repo = 0) {
  const found = r.repositories[repo]!.metrics.find((m) => m.id === id);
  if (!found) throw new Error(`no metric ${id}`);
  return found;
}

export const HOUR = 3_600_000;
