// What main.ts and cli.ts both do around the engine: read the report through the GitHub client, refuse a
// repository that cannot be read, write the CSV, sync the optional store. The caller builds the Octokit.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { GitHubClient } from '../../../shared/src/actions/octokit.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { runDoraReport, type DoraOptions, type DoraReport } from './engine/index.js';
import { GitHubDoraClient, type CallStats } from './github/client.js';
import { DoraStore } from './store/store.js';

export interface ReadOptions {
  octokit: GitHubClient;
  graphqlUrl?: string;
  options: DoraOptions;
  /** Names the repositories setting in an error: `Input "repositories"`, `--repo`. */
  label: string;
  info: (message: string) => void;
}

/**
 * The report over every repository. A repository the token cannot read (not found, no access, the API failing
 * after its retries) is a user-facing error of one line: a report that silently leaves one out would be wrong.
 */
export async function readDoraReport(read: ReadOptions): Promise<{ report: DoraReport; api: CallStats }> {
  const client = new GitHubDoraClient({ octokit: read.octokit, graphqlUrl: read.graphqlUrl });
  const report = await runDoraReport(client, read.options, { info: read.info });
  const unreadable = report.findings.find((f) => f.id === 'repository-unreadable');
  if (unreadable)
    throw new ConfigurationError(`${read.label}: ${unreadable.repo} cannot be read: ${unreadable.message}`);
  return { report, api: { ...client.stats } };
}

/** Writes the action's CSV where csv-file says (relative to base), else under the runner's temp dir. */
export function writeCsvFile(text: string, path: string | undefined, base: string, temp: string | undefined): string {
  const target = path
    ? isAbsolute(path)
      ? path
      : resolve(base, path)
    : join(mkdtempSync(join(temp || tmpdir(), 'dora-report-')), 'dora-report.csv');
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    throw new ConfigurationError(
      `Input "csv-file": cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`
    );
  }
  return target;
}

/** Syncs the report into the store; one line per repository through info. */
export async function syncStore(
  connectionString: string,
  report: DoraReport,
  info: (m: string) => void
): Promise<void> {
  const store = await DoraStore.open({ connectionString });
  try {
    for (const r of await store.sync(report)) {
      info(
        `store: ${r.repo}: deployments +${r.deployments.inserted} ~${r.deployments.updated}, changes +${r.changes.inserted} ~${r.changes.updated}, incidents +${r.incidents.inserted} ~${r.incidents.updated}`
      );
    }
  } finally {
    await store.close();
  }
}
