/**
 * The report pipeline every action's main.ts ends with: outputs, annotations, job summary, SARIF/JUnit files,
 * the sticky PR comment and the step's verdict, in that order, so a slow or failing GitHub API (the only
 * network step) can never hide the verdict, the outputs or the summary.
 */
import * as core from '@actions/core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { OutputSpecs } from '../lib/action-inputs.js';
import { ConfigurationError } from '../lib/errors.js';
import { SUMMARY_LIMIT_BYTES } from '../lib/markdown.js';
import {
  failsStep,
  LEVELS,
  plural,
  reportEnvelope,
  type ActionReport,
  type FailOn,
  type Finding,
  type ReportEnvelope
} from '../lib/report.js';
import { renderReportMarkdown } from '../lib/report-markdown.js';
import { VERSION } from '../lib/version.generated.js';
import { annotate } from './annotate.js';
import { runnerLogger } from './logger.js';
import { pullRequestFromEnv } from './github-context.js';
import { createOctokit, githubApiUrlFromEnv } from './octokit.js';
import { commentMarker, MAX_COMMENT_LENGTH, upsertStickyComment } from './sticky-comment.js';
import { writeSummary } from './summary.js';

/** GitHub displays at most this many annotations of each level per step; the rest are in the log only. */
export const ANNOTATIONS_SHOWN_PER_LEVEL = 10;

/** Above this size result-json carries the envelope without its lists; GitHub caps a job's outputs at 1 MB. */
export const RESULT_JSON_LIMIT = 512 * 1024;

/** The whole comment step (find, then create or update) gives up after this long. */
const COMMENT_BUDGET_MS = 60_000;

export interface PublishOptions {
  /** The action's declared outputs (defineOutputs in its inputs.ts): each one is set, and no other. */
  outputs: OutputSpecs;
  failOn: FailOn;
  workspace: string;
  sarifFile?: string;
  junitFile?: string;
  comment?: { enabled: boolean; token?: string; key?: string };
  env?: NodeJS.ProcessEnv;
}

/** The common inputs (COMMON_INPUTS) an action declares, as readInputs returns them. */
export interface CommonInputValues {
  'fail-on': FailOn;
  'sarif-file'?: string;
  'junit-file'?: string;
  comment?: boolean;
  'comment-key'?: string;
  'github-token'?: string;
}

/**
 * The pipeline's options from the common inputs, so main.ts passes what it read instead of restating each one:
 * `publishReport(report, fromInputs(inputs, OUTPUTS, workspace))`.
 */
export function fromInputs(inputs: CommonInputValues, outputs: OutputSpecs, workspace: string): PublishOptions {
  return {
    outputs,
    failOn: inputs['fail-on'],
    workspace,
    sarifFile: inputs['sarif-file'],
    junitFile: inputs['junit-file'],
    comment:
      inputs.comment === undefined
        ? undefined
        : { enabled: inputs.comment, token: inputs['github-token'], key: inputs['comment-key'] }
  };
}

export async function publishReport(report: ActionReport, options: PublishOptions): Promise<void> {
  const env = options.env ?? process.env;
  for (const notice of report.notices ?? []) core.notice(notice);

  const envelope = reportEnvelope(report);
  const reportFile = writeReportFile(report.tool, envelope, env);
  setOutputs(
    {
      ...report.outputs,
      verdict: report.verdict,
      'result-json': resultJsonText(envelope, reportFile),
      'report-file': reportFile
    },
    options.outputs
  );

  const hidden = annotateFindings(report);
  const note = hidden ? annotationNote(report) : undefined;
  if (note) core.info(note.replace(/\*\*/g, ''));
  await writeSummary(renderReportMarkdown(report, { limit: { size: SUMMARY_LIMIT_BYTES, unit: 'bytes' }, note }));

  writeArtifact(options.sarifFile, 'sarif-file', report.sarif, options.workspace, 'SARIF');
  writeArtifact(options.junitFile, 'junit-file', report.junit, options.workspace, 'JUnit XML');

  if (options.comment?.enabled) await commentOnPullRequest(report, options.comment, env);

  if (failsStep(report.verdict, options.failOn)) core.setFailed(report.headline);
  else core.info(report.headline);
}

function setOutputs(values: Record<string, string | number | undefined>, declared: OutputSpecs): void {
  for (const name of Object.keys(values))
    if (!(name in declared)) throw new Error(`output "${name}" is set but not declared in inputs.ts`);
  for (const name of Object.keys(declared)) {
    const value = values[name];
    if (value === undefined) throw new Error(`declared output "${name}" was not set`);
    core.setOutput(name, String(value));
  }
}

function writeReportFile(tool: string, envelope: ReportEnvelope, env: NodeJS.ProcessEnv): string {
  const temp = env.RUNNER_TEMP || tmpdir();
  mkdirSync(temp, { recursive: true });
  const file = join(mkdtempSync(join(temp, `${tool}-`)), 'report.json');
  writeFileSync(file, JSON.stringify(envelope, null, 2) + '\n');
  return file;
}

/** The envelope as one line of JSON, or, when too big for an output, its scalar fields and a pointer to the file. */
export function resultJsonText(envelope: ReportEnvelope, reportFile: string): string {
  const full = JSON.stringify(envelope);
  if (full.length <= RESULT_JSON_LIMIT) return full;
  const scalars = Object.fromEntries(
    Object.entries(envelope).filter(([, value]) => typeof value !== 'object' || value === null)
  );
  return JSON.stringify({ ...scalars, counts: envelope.counts, truncated: true, reportFile });
}

/** Errors first, then warnings, then notices; returns whether GitHub will leave some of them out. */
function annotateFindings(report: ActionReport): boolean {
  const byLevel = (level: Finding['level']) => report.findings.filter((f) => f.level === level);
  let hidden = false;
  for (const level of LEVELS) {
    const findings = byLevel(level);
    if (findings.length > ANNOTATIONS_SHOWN_PER_LEVEL) hidden = true;
    for (const f of findings) {
      annotate({
        level,
        title: f.title ?? `${report.tool} ${f.id}`,
        message: f.message,
        file: f.location?.file,
        startLine: f.location?.line,
        startColumn: f.location?.column,
        endLine: f.location?.endLine,
        endColumn: f.location?.endColumn
      });
    }
  }
  return hidden;
}

function annotationNote(report: ActionReport): string {
  const counts = LEVELS.map((level) => plural(report.findings.filter((f) => f.level === level).length, level)).join(
    ', '
  );
  return (
    `**Note:** GitHub shows at most ${ANNOTATIONS_SHOWN_PER_LEVEL} error, ${ANNOTATIONS_SHOWN_PER_LEVEL} warning and ` +
    `${ANNOTATIONS_SHOWN_PER_LEVEL} notice annotations per step; this step reported ${counts}. ` +
    'Every one is listed below and in the JSON report (report-file).'
  );
}

function writeArtifact(
  path: string | undefined,
  input: string,
  render: (() => string) | undefined,
  workspace: string,
  what: string
): void {
  if (!path) return;
  if (!render) throw new ConfigurationError(`Input "${input}": this step produces no ${what}`);
  const absolute = isAbsolute(path) ? path : resolve(workspace, path);
  try {
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, render());
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigurationError(`Input "${input}": cannot write ${path} (${reason})`);
  }
  core.info(`${what} written to ${path}`);
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

/** Something a reviewer should read: a finding, or a notice-level count (compatible API changes). */
function hasSomethingToSay(report: ActionReport): boolean {
  return report.findings.length > 0 || report.counts.notice > 0;
}

async function commentOnPullRequest(
  report: ActionReport,
  comment: NonNullable<PublishOptions['comment']>,
  env: NodeJS.ProcessEnv
): Promise<void> {
  const pullRequest = pullRequestFromEnv(env);
  if (!pullRequest) return;
  if (!comment.token) {
    core.info('No github-token: the pull request comment is skipped');
    return;
  }
  const url = runUrl(env);
  const marker = commentMarker(report.tool, comment.key ?? report.subject);
  const body = renderReportMarkdown(report, {
    limit: { size: MAX_COMMENT_LENGTH - marker.length - 64, unit: 'chars' },
    fullReportUrl: url,
    footer: `<sub>${url ? `[Workflow run](${url}) · ` : ''}ubos-actions ${report.tool} ${VERSION}</sub>`
  });
  const octokit = createOctokit({
    token: comment.token,
    baseUrl: githubApiUrlFromEnv(env),
    retries: 1,
    requestTimeoutMs: 15_000,
    logger: runnerLogger
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from the GitHub API within ${COMMENT_BUDGET_MS / 1000} s`)),
      COMMENT_BUDGET_MS
    );
    timer.unref();
  });
  try {
    const result = await Promise.race([
      upsertStickyComment(octokit, {
        owner: pullRequest.owner,
        repo: pullRequest.repo,
        issueNumber: pullRequest.number,
        marker,
        body,
        create: hasSomethingToSay(report)
      }),
      deadline
    ]);
    if (result.action === 'skipped') core.info('Nothing to report: no pull request comment was created');
    else core.info(`Pull request comment ${result.action}${result.url ? `: ${result.url}` : ''}`);
  } catch (error) {
    // A read-only token (forks) or an API outage must not hide the verdict.
    core.warning(`Could not comment on the pull request: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
