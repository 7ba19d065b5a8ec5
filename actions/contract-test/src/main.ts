import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { annotate } from '../../../shared/src/actions/annotate.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { pullRequestFromEnv } from '../../../shared/src/actions/github-context.js';
import {
  getBooleanInput,
  getListInput,
  getOptionalInput,
  getRequiredInput
} from '../../../shared/src/actions/inputs.js';
import { createOctokit, githubApiUrlFromEnv } from '../../../shared/src/actions/octokit.js';
import { maskSecret } from '../../../shared/src/actions/mask.js';
import { upsertStickyComment } from '../../../shared/src/actions/sticky-comment.js';
import { writeSummary } from '../../../shared/src/actions/summary.js';
import { countReport, renderMarkdown, shouldFail, verdictLine, type FailOn } from './render.js';
import { runContractCheck } from './run-contract.js';
import { contractSarif } from './sarif.js';
import { parseExternalRefPolicy } from './spec/external-refs.js';
import { parseSpecSize } from './spec/load.js';

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** Inputs -> contract check -> outputs, summary, annotations, SARIF, PR comment. */
export async function run(): Promise<void> {
  const token = getOptionalInput('github-token');
  maskSecret(token);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const failOn = (getOptionalInput('fail-on') ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn))
    throw new ConfigurationError(`Input "fail-on" must be one of ${FAIL_ON.join(', ')}; got "${failOn}"`);
  const pullRequest = pullRequestFromEnv();
  const baseSpec = getOptionalInput('base-spec');
  const baseRef = getOptionalInput('base-ref') ?? (baseSpec ? undefined : pullRequest?.baseRef || undefined);

  const report = await runContractCheck({
    root: workspace,
    spec: getRequiredInput('spec'),
    baseSpec,
    baseRef,
    ruleset: getOptionalInput('ruleset'),
    lint: getBooleanInput('lint', true),
    externalRefs: parseExternalRefPolicy(getListInput('allow-external-refs'), 'Input "allow-external-refs"'),
    // Code from a pull_request_target run's checkout would run with the base repository's secrets.
    allowRulesetCode:
      getBooleanInput('allow-ruleset-code', false) && process.env.GITHUB_EVENT_NAME !== 'pull_request_target',
    maxSpecBytes: parseSpecSize(getOptionalInput('max-spec-size') ?? '13MiB', 'Input "max-spec-size"')
  });
  if (report.diffSkipped) core.notice(`Breaking-change diff skipped: ${report.diffSkipped}`);

  const counts = countReport(report);
  core.setOutput('breaking-changes', String(counts.breaking));
  core.setOutput('warnings', String(counts.warnings));
  core.setOutput('lint-errors', String(counts.lintErrors));
  core.setOutput('result-json', JSON.stringify(report));

  for (const change of report.changes) {
    if (change.level === 'info') continue;
    annotate({
      level: change.level,
      title: change.id,
      message: change.message,
      file: change.location?.file,
      startLine: change.location?.line,
      startColumn: change.location?.column
    });
  }
  for (const finding of report.lint) {
    if (finding.severity === 'hint') continue;
    annotate({
      level: finding.severity === 'info' ? 'notice' : finding.severity,
      title: `spectral ${finding.code}`,
      message: finding.message,
      file: finding.location.file,
      startLine: finding.location.line,
      startColumn: finding.location.column
    });
  }

  const markdown = renderMarkdown(report, failOn);
  await writeSummary(markdown);

  const sarifFile = getOptionalInput('sarif-file');
  if (sarifFile) {
    const path = isAbsolute(sarifFile) ? sarifFile : resolve(workspace, sarifFile);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contractSarif(report));
    core.info(`SARIF written to ${sarifFile}`);
  }

  if (getBooleanInput('comment', true) && pullRequest && token) {
    const octokit = createOctokit({ token, baseUrl: githubApiUrlFromEnv(process.env) });
    try {
      const result = await upsertStickyComment(octokit, {
        owner: pullRequest.owner,
        repo: pullRequest.repo,
        issueNumber: pullRequest.number,
        marker: 'contract-test',
        body: markdown
      });
      core.info(`Pull request comment ${result.action}: ${result.url}`);
    } catch (error) {
      // A read-only token (forks) must not hide the verdict itself.
      core.warning(`Could not comment on the pull request: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const line = verdictLine(report, failOn);
  if (shouldFail(counts, failOn)) core.setFailed(line);
  else core.info(line);
}
