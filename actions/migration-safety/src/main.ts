import { pullRequestFromEnv } from '../../../shared/src/actions/github-context.js';
import { readInputs } from '../../../shared/src/actions/inputs.js';
import { maskConnectionString } from '../../../shared/src/actions/mask.js';
import { fromInputs, publishReport } from '../../../shared/src/actions/publish.js';
import { runMigrationCheck } from './check.js';
import { loadParser } from './engine/parse.js';
import { INPUTS, OUTPUTS } from './inputs.js';
import { migrationReport } from './report.js';

/** Inputs -> files and change set -> lint -> the shared report pipeline. */
export async function run(): Promise<void> {
  // Compile the parser's WebAssembly while the files are found and read; the lint awaits the same promise.
  loadParser().catch(() => {});
  const inputs = readInputs(INPUTS);
  // The whole URL is masked as it is read; its password also on its own, wherever it is printed.
  if (inputs['stats-database-url']) maskConnectionString(inputs['stats-database-url']);
  if (inputs['database-url']) maskConnectionString(inputs['database-url']);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const base = pullRequestFromEnv()?.baseRef;
  const changedOnly = inputs['changed-only'] === 'true' || (inputs['changed-only'] === 'auto' && base !== undefined);
  const check = await runMigrationCheck({
    cwd: workspace,
    patterns: inputs.paths,
    config: inputs.config,
    pgVersion: inputs['pg-version'],
    framework: inputs.framework,
    assumeInTransaction:
      inputs['assume-in-transaction'] === undefined ? undefined : inputs['assume-in-transaction'] === 'true',
    label: (setting) => `Input "${setting}"`,
    changes: changedOnly && base ? { kind: 'base-branch', ref: base } : undefined,
    ifNoFilesFound: inputs['if-no-files-found'],
    workspace,
    statsDatabaseUrl: inputs['stats-database-url'],
    bigTableRows: inputs['big-table-rows'],
    bigTableSize: inputs['big-table-size'],
    mode: inputs.mode,
    trace: {
      databaseUrl: inputs['database-url'],
      startPostgres: inputs['start-postgres'],
      allowNonempty: inputs['allow-nonempty'],
      maxLockMs: inputs['max-lock-ms'],
      tempDir: process.env.RUNNER_TEMP,
      searchPath: process.env.PATH
    }
  });
  if (changedOnly && !base)
    check.notices.push('changed-only: no pull request base branch, so every migration is linted');
  await publishReport(migrationReport(check), fromInputs(inputs, OUTPUTS, workspace));
}
