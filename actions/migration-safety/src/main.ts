import * as core from '@actions/core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { annotate } from '../../../shared/src/actions/annotate.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { pullRequestFromEnv } from '../../../shared/src/actions/github-context.js';
import { getBooleanInput, getListInput, getOptionalInput } from '../../../shared/src/actions/inputs.js';
import { createOctokit, githubApiUrlFromEnv } from '../../../shared/src/actions/octokit.js';
import { maskSecret } from '../../../shared/src/actions/mask.js';
import { upsertStickyComment } from '../../../shared/src/actions/sticky-comment.js';
import { writeSummary } from '../../../shared/src/actions/summary.js';
import { DEFAULT_PATHS, loadConfig, parseFailOn, resolveSettings } from './config.js';
import { lintMigrations } from './engine/lint.js';
import { loadParser } from './engine/parse.js';
import { buildSources, changedFiles, expandPaths, upMigrations } from './files.js';
import { renderMarkdown } from './markdown.js';
import { countResult, resultJson, shouldFail, verdictLine } from './report.js';
import { ALL_RULES } from './rules/index.js';
import { migrationSarif } from './sarif.js';

function optionalBoolean(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new ConfigurationError(`Input "${name}" must be true, false or empty; got "${value}"`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Inputs -> files and change set -> lint -> outputs, annotations, summary, JSON report, SARIF, PR comment. */
export async function run(): Promise<void> {
  const token = getOptionalInput('github-token');
  maskSecret(token);
  // Compile the parser's WebAssembly while the files are found and read; lintMigrations awaits the same promise.
  loadParser().catch(() => {});
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const failOn = parseFailOn(getOptionalInput('fail-on') ?? 'error', 'Input "fail-on"');
  const changedOnlyInput = getOptionalInput('changed-only') ?? 'auto';
  if (!['true', 'false', 'auto'].includes(changedOnlyInput))
    throw new ConfigurationError(`Input "changed-only" must be true, false or auto; got "${changedOnlyInput}"`);
  const ruleIds = ALL_RULES.map((r) => r.id);
  const config = await loadConfig(workspace, getOptionalInput('config'), ruleIds);
  const settings = resolveSettings(config, {
    pgVersion: getOptionalInput('pg-version'),
    framework: getOptionalInput('framework'),
    assumeInTransaction: optionalBoolean('assume-in-transaction', getOptionalInput('assume-in-transaction')),
    label: (setting) => `Input "${setting}"`
  });
  if (config) core.info(`Config: ${config.file}`);

  const pathsInput = getListInput('paths');
  const patterns = pathsInput.length > 0 ? pathsInput : (settings.include ?? DEFAULT_PATHS);
  const { files } = expandPaths(patterns, workspace, settings.exclude, { workspace });
  const migrations = upMigrations(files, settings.framework);

  const pullRequest = pullRequestFromEnv();
  let changedOnly = changedOnlyInput === 'true' || (changedOnlyInput === 'auto' && pullRequest !== undefined);
  if (changedOnly && !pullRequest?.baseRef) {
    core.notice('changed-only: this run has no pull request base branch, so every migration is linted');
    changedOnly = false;
  }
  let changeSet: Set<string> | undefined;
  let scope: string;
  if (changedOnly) {
    const changed = changedFiles(workspace, pullRequest!.baseRef);
    changeSet = new Set(migrations.filter((f) => changed.has(f)));
    scope = `${plural(changeSet.size, 'migration')} changed against \`${pullRequest!.baseRef}\`, linted as one change set (${plural(migrations.length - changeSet.size, 'earlier migration')} replayed)`;
  } else {
    scope = `Whole history: ${plural(migrations.length, 'migration')}, each judged as it was deployed`;
  }
  if (migrations.length === 0) {
    const where = patterns.join(', ');
    if (pathsInput.length > 0 || settings.include) core.warning(`No migration files match ${where}`);
    else core.notice(`No migration files found in the default folders (${where}); set the paths input`);
  }
  core.info(scope);

  const result = await lintMigrations(
    buildSources(migrations, workspace, changeSet),
    {
      pgVersion: settings.pgVersion,
      pgMinor: settings.pgMinor,
      framework: settings.framework,
      assumeInTransaction: settings.assumeInTransaction,
      rules: settings.rules
    },
    ALL_RULES
  );

  const counts = countResult(result);
  core.setOutput('errors', String(counts.errors));
  core.setOutput('warnings', String(counts.warnings));
  core.setOutput('files-checked', String(counts.filesChecked));
  const temp = process.env.RUNNER_TEMP || tmpdir();
  mkdirSync(temp, { recursive: true });
  const reportPath = join(mkdtempSync(join(temp, 'migration-safety-')), 'report.json');
  writeFileSync(reportPath, JSON.stringify(resultJson(result, failOn), null, 2) + '\n');
  core.setOutput('result-json', reportPath);

  for (const f of result.findings) {
    annotate({
      level: f.severity,
      title: `migration-safety ${f.rule}`,
      message: `${f.message}\nSafe way and details: ${f.docs}`,
      file: f.file,
      startLine: f.line,
      startColumn: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn
    });
  }

  const markdown = renderMarkdown(result, {
    failOn,
    pgVersion: settings.pgVersion,
    pgMinor: settings.pgMinor,
    framework: settings.framework,
    scope
  });
  await writeSummary(markdown);

  const sarifFile = getOptionalInput('sarif-file');
  if (sarifFile) {
    const path = isAbsolute(sarifFile) ? sarifFile : resolve(workspace, sarifFile);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, migrationSarif(result, ALL_RULES, settings.rules));
    core.info(`SARIF written to ${sarifFile}`);
  }

  if (getBooleanInput('comment', false) && pullRequest && token) {
    const octokit = createOctokit({ token, baseUrl: githubApiUrlFromEnv(process.env) });
    try {
      const comment = await upsertStickyComment(octokit, {
        owner: pullRequest.owner,
        repo: pullRequest.repo,
        issueNumber: pullRequest.number,
        marker: 'migration-safety',
        body: markdown
      });
      core.info(`Pull request comment ${comment.action}: ${comment.url}`);
    } catch (error) {
      // A read-only token (forks) must not hide the verdict itself.
      core.warning(`Could not comment on the pull request: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const line = verdictLine(result, failOn);
  if (shouldFail(counts, failOn)) core.setFailed(line);
  else core.info(line);
}
