#!/usr/bin/env node
// The expand-migrate-contract sequencing of the pipeline: refuses a migration that contracts (drops the column,
// table or view an earlier expand step replaced) until that expand has been in production for at least
// --min-releases releases.
//
// How: the production Deployment records (GitHub API) say which commits were released; the migrations added
// since the N-th newest release are the ones not yet N releases in production. migration-safety lints exactly
// those as one change set (`--since <that commit>`), and its rule expand-contract-same-change-set fires when an
// expand and its contract are both in it. No finding: the contract's expand has been live long enough.
//
// Usage: node scripts/expand-contract-gate.mjs [migration paths...] [--repo owner/name] [--environment production]
//          [--min-releases 1] [--framework plain] [--pg-version 16] [--config file] [--format text|json|markdown]
//          [--report-file out.json] [--cli path/to/ubos-actions.js]
// Environment: GITHUB_TOKEN (deployments: read), GITHUB_API_URL, GITHUB_REPOSITORY; GITHUB_OUTPUT gets verdict
// and contracts when set. Exit status: 0 allowed, 1 refused, 2 bad usage or input (one line on stderr).
// Plain JavaScript so that a workflow can run it from a checkout of ubos/actions without a build.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export const TOOL = 'expand-contract-gate';
/** migration-safety's rule for an expand and its contract in one change set. */
export const CONTRACT_RULE = 'expand-contract-same-change-set';
const REQUEST_TIMEOUT_MS = 15_000;
const MAX_PAGES = 10;

class UsageError extends Error {}

const OPTIONS = {
  repo: { type: 'string' },
  environment: { type: 'string', default: 'production' },
  'min-releases': { type: 'string', default: '1' },
  framework: { type: 'string' },
  'pg-version': { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string', default: 'text' },
  'report-file': { type: 'string' },
  cli: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
};

const USAGE =
  'usage: expand-contract-gate [migration paths...] [--repo owner/name] [--environment production] [--min-releases 1] ' +
  '[--framework plain] [--pg-version 16] [--config file] [--format text|json|markdown] [--report-file f] [--cli bin]';

/** A deployment that undid an earlier one, as blue-green-switch records it (dora-report reads it the same way). */
export function isRollback(deployment) {
  const payload = typeof deployment.payload === 'object' && deployment.payload !== null ? deployment.payload : {};
  return deployment.task === 'deploy:rollback' || payload.rollback === true;
}

/**
 * The releases, newest first, from deployments (newest first) and a function giving each one's statuses: a
 * deployment that reached `success` (replaced ones are `inactive` later, and count), is no rollback, ships a
 * commit not counted yet (a redeploy is not a new release), and was not undone by a later rollback (each
 * successful rollback undoes the newest release before it). Stops once `wanted` releases are found.
 */
export async function findReleases(deployments, statusesOf, wanted) {
  const releases = [];
  const seen = new Set();
  let undo = 0;
  for (const deployment of deployments) {
    const succeeded = (await statusesOf(deployment)).some((s) => s.state === 'success');
    if (!succeeded) continue;
    if (isRollback(deployment)) {
      undo++;
      continue;
    }
    if (undo > 0) {
      undo--;
      continue;
    }
    if (seen.has(deployment.sha)) continue;
    seen.add(deployment.sha);
    releases.push({ id: deployment.id, sha: deployment.sha, createdAt: deployment.created_at });
    if (releases.length >= wanted) break;
  }
  return releases;
}

function apiClient(baseUrl, token) {
  const base = baseUrl.replace(/\/+$/, '');
  return async function get(path) {
    let lastError;
    for (let attempt = 0; attempt < 2; attempt++) {
      let response;
      try {
        response = await fetch(`${base}${path}`, {
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': TOOL
          },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
        });
      } catch (error) {
        lastError = `GitHub API: GET ${path} failed: ${error?.name === 'TimeoutError' ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : (error?.cause?.code ?? error?.message)}`;
        continue;
      }
      if (response.ok) return response.json();
      const hint =
        response.status === 401
          ? ' (is GITHUB_TOKEN set and valid?)'
          : response.status === 403 || response.status === 404
            ? ' (is the repository right, and may the token read deployments: deployments: read?)'
            : '';
      lastError = `GitHub API: GET ${path} answered ${response.status} ${response.statusText}${hint}`;
      if (response.status < 500) break;
    }
    throw new UsageError(lastError);
  };
}

async function deploymentsOf(get, repo, environment) {
  const all = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const batch = await get(
      `/repos/${repo}/deployments?environment=${encodeURIComponent(environment)}&per_page=100&page=${page}`
    );
    if (!Array.isArray(batch)) throw new UsageError(`GitHub API: the deployments of ${repo} are not a list`);
    all.push(...batch);
    if (batch.length < 100) break;
  }
  // GitHub lists newest first; sort anyway so that the walk never depends on it.
  return all.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
}

function hasCommit(sha) {
  const run = spawnSync('git', ['cat-file', '-e', `${sha}^{commit}`], { stdio: 'ignore' });
  return run.status === 0;
}

function runMigrationSafety(cli, paths, since, values) {
  const args = [cli, 'migration-safety', ...paths, '--since', since, '--format', 'json', '--fail-on', 'never'];
  for (const flag of ['framework', 'pg-version', 'config']) if (values[flag]) args.push(`--${flag}`, values[flag]);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 2) return fail(new UsageError(`migration-safety: ${stderr.trim().split('\n')[0]}`));
      if (code !== 0 && code !== 1) return fail(new Error(`migration-safety exited with ${code}: ${stderr.trim()}`));
      try {
        done(JSON.parse(stdout));
      } catch {
        fail(new Error(`migration-safety printed no JSON report: ${stderr.trim()}`));
      }
    });
  });
}

/** Markdown-safe text from the repository (file names, table names): no HTML, links, mentions or emphasis. */
function escapeMarkdown(text) {
  return String(text)
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c])
    .replace(/[\\`*_{}[\]()#+!|~@]/g, '\\$&');
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function headline(report) {
  if (report.verdict === 'pass' && report.releases.length === 0)
    return `Expand-contract gate passed: no release of ${report.environment} recorded, so no running release for a contract to break`;
  const needed = plural(report.minReleases, 'release');
  return report.verdict === 'fail'
    ? `Expand-contract gate refused: ${plural(report.findings.length, 'contract step')} whose expand has not been in ${report.environment} for ${needed}`
    : `Expand-contract gate passed: no contract step ships before its expand has been in ${report.environment} for ${needed}`;
}

function render(report, format) {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const baseline = report.baseline
    ? `baseline ${report.baseline.sha.slice(0, 12)} (deployment ${report.baseline.id}, ${report.baseline.createdAt})`
    : 'no baseline';
  const context = `${plural(report.releases.length, 'release')} of ${report.environment} read; ${baseline}; ${plural(report.changeSet.length, 'migration')} not yet ${plural(report.minReleases, 'release')} in ${report.environment}`;
  const where = (f) => `${f.location?.file ?? '?'}:${f.location?.line ?? '?'}`;
  if (format === 'markdown') {
    const lines = [`### ${escapeMarkdown(headline(report))}`, '', escapeMarkdown(context), ''];
    for (const note of report.notes) lines.push(`> ${escapeMarkdown(note)}`, '');
    if (report.findings.length > 0) {
      lines.push('| migration | why |', '| --- | --- |');
      for (const f of report.findings) lines.push(`| ${escapeMarkdown(where(f))} | ${escapeMarkdown(f.message)} |`);
      lines.push('');
    }
    return `${lines.join('\n')}\n`;
  }
  const lines = [headline(report), `  ${context}`];
  for (const note of report.notes) lines.push(`  note: ${note}`);
  for (const f of report.findings) lines.push(`  ${where(f)}: ${f.message}`);
  return `${lines.join('\n')}\n`;
}

export async function main(argv, env = process.env, io = { out: (t) => process.stdout.write(t) }) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error.message}; ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const format = values.format;
  if (!['text', 'json', 'markdown'].includes(format))
    throw new UsageError(`--format must be text, json or markdown; got "${format}"`);
  if (!/^[1-9]\d{0,2}$/.test(values['min-releases']))
    throw new UsageError(`--min-releases must be a whole number from 1 to 999; got "${values['min-releases']}"`);
  const minReleases = Number(values['min-releases']);
  const repo = values.repo ?? env.GITHUB_REPOSITORY;
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo))
    throw new UsageError(`--repo (or GITHUB_REPOSITORY) must be owner/name; got "${repo ?? ''}"`);
  const environment = values.environment.trim();
  if (environment === '') throw new UsageError('--environment is empty');
  const token = env.GITHUB_TOKEN;
  if (!token) throw new UsageError('GITHUB_TOKEN is not set: the gate reads the Deployment records of the repository');
  const cli = resolve(values.cli ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'ubos-actions.js'));
  if (!existsSync(cli)) throw new UsageError(`--cli: ${cli} does not exist`);

  const get = apiClient(env.GITHUB_API_URL || 'https://api.github.com', token);
  const deployments = await deploymentsOf(get, repo, environment);
  const releases = await findReleases(
    deployments,
    async (d) => {
      const statuses = await get(`/repos/${repo}/deployments/${d.id}/statuses?per_page=100`);
      return Array.isArray(statuses) ? statuses : [];
    },
    minReleases
  );
  const notes = [];
  const report = {
    tool: TOOL,
    verdict: 'pass',
    counts: { error: 0, warning: 0, notice: 0 },
    environment,
    minReleases,
    releases,
    baseline: null,
    changeSet: [],
    findings: [],
    notes
  };
  if (releases.length > 0) {
    const baseline = releases[Math.min(minReleases, releases.length) - 1];
    if (releases.length < minReleases)
      notes.push(
        `only ${plural(releases.length, 'release')} of ${environment} recorded: the oldest is the baseline, so an expand in it counts as ${plural(releases.length, 'release')} in ${environment}`
      );
    if (!hasCommit(baseline.sha))
      throw new UsageError(
        `the ${environment} release ${baseline.sha} (deployment ${baseline.id}) is not in this clone: check out with fetch-depth: 0`
      );
    // One argument may hold several paths, comma- or newline-separated, as the workflow input does.
    const paths = positionals
      .flatMap((p) => p.split(/[,\n]/))
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const lint = await runMigrationSafety(cli, paths, baseline.sha, values);
    report.baseline = baseline;
    report.changeSet = (lint.files ?? []).filter((f) => f.linted).map((f) => f.path);
    report.findings = (lint.findings ?? []).filter((f) => f.id === CONTRACT_RULE);
  }
  report.counts.error = report.findings.length;
  report.counts.notice = notes.length;
  report.verdict = report.findings.length > 0 ? 'fail' : 'pass';
  report.headline = headline(report);
  if (values['report-file']) writeFileSync(values['report-file'], `${JSON.stringify(report, null, 2)}\n`);
  if (env.GITHUB_OUTPUT)
    appendFileSync(env.GITHUB_OUTPUT, `verdict=${report.verdict}\ncontracts=${report.findings.length}\n`);
  io.out(render(report, format));
  return report.verdict === 'fail' ? 1 : 0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      if (error instanceof UsageError) {
        process.stderr.write(`${TOOL}: ${error.message}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`${TOOL}: ${error?.stack ?? error}\n`);
        process.exitCode = 70;
      }
    }
  );
}
