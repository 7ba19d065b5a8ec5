import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startFaultServer, type FaultServer } from './harness/fault-server.js';
import { startGitHubApi, type GitHubApi } from './harness/github-api.js';
import { reportSchemaProblems } from './harness/report-schema.js';
import { repoRoot, runAction, type RunResult } from './harness/runner.js';

// The three actions as one family, through their bundles and the bundled CLI: the same outputs and JSON, the
// same comment behaviour, the same CLI conventions.
const TOKEN = 'ghs_familyToken0042';
const CLI = join(repoRoot, 'dist', 'cli', 'index.js');
let origin: string;
let clone: string;
let github: GitHubApi;
let http: FaultServer;
let silentApi: FaultServer;
let prNumber = 20;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e'
    }
  });

const spec = parse(readFileSync(join(repoRoot, 'examples/service/openapi.yaml'), 'utf8'));

beforeAll(async () => {
  origin = mkdtempSync(join(tmpdir(), 'ubos-family-origin-'));
  git(origin, 'init', '-q', '-b', 'main');
  mkdirSync(join(origin, 'api'));
  mkdirSync(join(origin, 'db'));
  writeFileSync(join(origin, 'api/orders.yaml'), stringify(spec));
  writeFileSync(join(origin, 'api/users.yaml'), stringify(spec));
  writeFileSync(join(origin, 'db/001.sql'), 'CREATE TABLE t (id bigint PRIMARY KEY);\n');
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'base');
  git(origin, 'checkout', '-q', '-b', 'feature');
  const broken = structuredClone(spec);
  delete broken.paths['/items/{id}'];
  writeFileSync(join(origin, 'api/orders.yaml'), stringify(broken));
  // Twelve warnings: more than GitHub shows as annotations of one level.
  writeFileSync(
    join(origin, 'db/002.sql'),
    Array.from({ length: 12 }, (_, i) => `CREATE INDEX t_${i} ON t (id);`).join('\n') + '\n'
  );
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'feature');
  clone = mkdtempSync(join(tmpdir(), 'ubos-family-clone-'));
  git(tmpdir(), 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin}`, clone);
  github = await startGitHubApi({ fixtures: { token: TOKEN, repos: [{ owner: 'acme', name: 'shop' }] } });
  http = await startFaultServer();
  http.setRoute('/ready', { status: 200, body: 'ok' });
  // A GitHub API that accepts every request and never answers.
  silentApi = await startFaultServer();
  silentApi.setRoute('*', { type: 'hang' });
}, 60_000);

afterAll(async () => {
  await github?.stop();
  await http?.stop();
  await silentApi?.stop();
  rmSync(origin, { recursive: true, force: true });
  rmSync(clone, { recursive: true, force: true });
});

function onPullRequest(action: string, inputs: Record<string, string>, number: number, apiUrl = github.url) {
  return runAction(action, {
    workspace: clone,
    inputs: { 'github-token': TOKEN, ...inputs },
    event: { name: 'pull_request', payload: { pull_request: { number, base: { ref: 'main' } } } },
    env: { GITHUB_BASE_REF: 'main', GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: apiUrl },
    timeoutMs: 120_000
  });
}

function envelopeOf(result: RunResult) {
  const text = result.outputs['result-json'];
  if (text === undefined) {
    throw new Error(`no result-json output (exit ${result.exitCode}):\n${result.stdout}\n${result.stderr}`);
  }
  const json = JSON.parse(text) as { tool: string; verdict: string };
  expect(reportSchemaProblems(json)).toEqual([]);
  expect(JSON.parse(result.outputFiles['report-file']!)).toEqual(json);
  expect(result.outputs.verdict).toBe(json.verdict);
  return json;
}

describe('one family of actions', () => {
  it('every action writes verdict, result-json (the schema-valid envelope) and report-file', async () => {
    const runs = await Promise.all([
      onPullRequest('migration-safety', { paths: 'db', comment: 'false', 'fail-on': 'never' }, 1),
      onPullRequest('contract-test', { spec: 'api/orders.yaml', comment: 'false', lint: 'false' }, 1),
      runAction('health-gate', { inputs: { url: `${http.url}/ready`, deadline: '10s' } })
    ]);
    expect(runs.map((r) => envelopeOf(r).tool)).toEqual(['migration-safety', 'contract-test', 'health-gate']);
    expect(runs.map((r) => r.outputs.verdict)).toEqual(['warn', 'fail', 'pass']);
    // fail-on decides the step, not the verdict.
    expect(runs.map((r) => r.exitCode)).toEqual([0, 1, 0]);
  });

  it('keeps one sticky comment per spec, creates none when there is nothing to say, updates it when findings go away', async () => {
    const number = prNumber++;
    const orders = await onPullRequest('contract-test', { spec: 'api/orders.yaml', lint: 'false' }, number);
    expect(orders.exitCode).toBe(1);
    const users = await onPullRequest('contract-test', { spec: 'api/users.yaml', lint: 'false' }, number);
    expect(users.exitCode).toBe(0);
    // users.yaml did not change: no "No API changes" comment.
    let comments = github.state.comments('acme', 'shop', number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^<!-- ubos-actions:contract-test:api\/orders.yaml -->/);
    expect(comments[0]!.body).toContain('Breaking changes');
    expect(users.log).toContain('Nothing to report: no pull request comment was created');

    // A second spec with a break gets its own comment; the first keeps its verdict.
    const changed = structuredClone(spec);
    delete changed.paths['/items'];
    writeFileSync(join(clone, 'api/users-next.yaml'), stringify(changed));
    await onPullRequest(
      'contract-test',
      { spec: 'api/users-next.yaml', 'base-spec': 'api/users.yaml', lint: 'false' },
      number
    );
    comments = github.state.comments('acme', 'shop', number);
    expect(comments).toHaveLength(2);
    expect(comments.map((c) => c.body.split('\n')[0])).toEqual([
      '<!-- ubos-actions:contract-test:api/orders.yaml -->',
      '<!-- ubos-actions:contract-test:api/users-next.yaml -->'
    ]);

    // The break is fixed: the comment says so (updated, not deleted).
    writeFileSync(join(clone, 'api/users-next.yaml'), stringify(spec));
    const fixed = await onPullRequest(
      'contract-test',
      { spec: 'api/users-next.yaml', 'base-spec': 'api/users.yaml', lint: 'false' },
      number
    );
    expect(fixed.exitCode).toBe(0);
    comments = github.state.comments('acme', 'shop', number);
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body).toContain('✅ **Contract check passed');
    // comment-key tells apart two steps about the same subject.
    await onPullRequest('contract-test', { spec: 'api/orders.yaml', lint: 'false', 'comment-key': 'v2' }, number);
    expect(github.state.comments('acme', 'shop', number).map((c) => c.body.split('\n')[0])).toContain(
      '<!-- ubos-actions:contract-test:v2 -->'
    );
  });

  it('says in the summary when GitHub shows only part of the annotations', async () => {
    const result = await onPullRequest('migration-safety', { paths: 'db', comment: 'false' }, 2);
    expect(result.annotations.filter((a) => a.level === 'warning').length).toBeGreaterThan(10);
    expect(result.summary).toContain('GitHub shows at most 10 error, 10 warning and 10 notice annotations per step');
    expect(result.log).toContain('GitHub shows at most 10 error');
    // Errors are annotated before warnings.
    const levels = result.annotations.map((a) => a.level);
    expect(levels.lastIndexOf('error')).toBeLessThan(Math.max(0, levels.indexOf('warning')) || Infinity);
  });

  it('a GitHub API that never answers does not hide the verdict, the outputs or the summary', async () => {
    const started = Date.now();
    const result = await onPullRequest('contract-test', { spec: 'api/orders.yaml', lint: 'false' }, 3, silentApi.url);
    expect(Date.now() - started).toBeLessThan(70_000);
    expect(silentApi.requests.length).toBeGreaterThan(0);
    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    expect(result.summary).toContain('Breaking changes');
    expect(result.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'warning',
          message: expect.stringMatching(/^Could not comment on the pull request: .*(did not answer|no answer)/)
        })
      ])
    );
  }, 120_000);

  it('names a misspelt input with the one it probably means', async () => {
    const result = await onPullRequest(
      'contract-test',
      { spec: 'api/orders.yaml', fail_on: 'never', comment: 'false' },
      4
    );
    expect(result.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'warning',
          message: 'Unexpected input "fail_on"; did you mean "fail-on"? It is ignored.'
        })
      ])
    );
  });

  it('does not talk about lint when lint is off', async () => {
    const result = await onPullRequest(
      'contract-test',
      { spec: 'api/orders.yaml', lint: 'false', comment: 'false' },
      5
    );
    expect(result.summary).not.toMatch(/lint error/);
    expect(result.summary).toContain('Lint: off');
  });
});

describe('one CLI convention', () => {
  const cli = (args: string[], cwd = clone) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  // The health gate probes a server in this process: a synchronous spawn would block it from answering.
  const cliAsync = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: clone });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => done({ status, stdout, stderr }));
    });

  it.each([
    ['migration-safety', ['--pg-version', '--framework', '--since', '--if-no-files-found', '--format', '--fail-on']],
    ['contract-test', ['lint:', 'diff:', 'checks:', '--ruleset', '--base-ref', '--allow-external-refs', '--fail-on']],
    ['health-gate', ['--config', '--url', '--deadline', '--format', '--fail-on']],
    ['validate-workflows', ['--format']]
  ])('%s --help lists its own flags, not the top-level usage', (command, flags) => {
    const run = cli([command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^ubos-actions ${command}: `));
    for (const flag of flags) expect(run.stdout).toContain(flag);
    expect(run.stdout).not.toContain('Commands:');
  });

  it('shows one verb of a command with verbs', () => {
    const run = cli(['contract-test', 'diff', '--help']);
    expect(run.stdout).toMatch(/^ubos-actions contract-test diff: /);
    expect(run.stdout).toContain('--base-ref');
    expect(run.stdout).not.toContain('--ruleset');
  });

  it('honours --fail-on everywhere, lint included', () => {
    const failing = cli(['contract-test', 'diff', 'api/users.yaml', 'api/orders.yaml']);
    expect(failing.status).toBe(1);
    expect(cli(['contract-test', 'diff', 'api/users.yaml', 'api/orders.yaml', '--fail-on', 'never']).status).toBe(0);
    const lint = cli(['contract-test', 'lint', 'api/orders.yaml', '--fail-on', 'warning']);
    expect(cli(['contract-test', 'lint', 'api/orders.yaml', '--fail-on', 'never']).status).toBe(0);
    expect(lint.status).toBe(lint.stdout.includes(' warning ') || lint.stdout.includes(' error ') ? 1 : 0);
    expect(cli(['migration-safety', 'db', '--fail-on', 'never']).status).toBe(0);
    expect(cli(['migration-safety', 'db', '--fail-on', 'warning']).status).toBe(1);
  });

  it('accepts files the user names outside the current folder', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'ubos-family-cwd-'));
    try {
      const run = cli(
        ['contract-test', 'diff', join(clone, 'api/users.yaml'), join(clone, 'api/orders.yaml'), '--format', 'json'],
        elsewhere
      );
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout);
      expect(reportSchemaProblems(report)).toEqual([]);
      expect(report.counts.breaking).toBeGreaterThan(0);
      expect(cli(['migration-safety', join(clone, 'db'), '--fail-on', 'never'], elsewhere).status).toBe(0);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('prints the same schema-valid envelope from every command, and the formats that apply', async () => {
    const runs = [
      cli(['migration-safety', 'db', '--format', 'json', '--fail-on', 'never']),
      cli(['contract-test', 'lint', 'api/orders.yaml', '--format', 'json', '--fail-on', 'never']),
      cli(['contract-test', 'diff', 'api/users.yaml', 'api/orders.yaml', '--format', 'json', '--fail-on', 'never']),
      await cliAsync(['health-gate', '--url', `${http.url}/ready`, '--format', 'json', '--deadline', '20s'])
    ];
    expect(JSON.parse(runs[3]!.stdout).verdict).toBe('pass');
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(reportSchemaProblems(JSON.parse(run.stdout))).toEqual([]);
    }
    for (const args of [
      ['migration-safety', 'db'],
      ['contract-test', 'lint', 'api/orders.yaml'],
      ['contract-test', 'diff', 'api/users.yaml', 'api/orders.yaml']
    ]) {
      for (const format of ['text', 'markdown', 'sarif'])
        expect(cli([...args, '--format', format, '--fail-on', 'never']).status).toBe(0);
    }
    const markdown = await cliAsync(['health-gate', '--url', `${http.url}/ready`, '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/^## Health gate\n\n✅/);
  });

  it('suggests the flag a typo meant', () => {
    const run = cli(['migration-safety', 'db', '--fail-onn', 'never']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--fail-onn'.*\(did you mean --fail-on\?\)/);
  });
});
