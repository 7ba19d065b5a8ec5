import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { repoRoot, runAction } from '../harness/runner.js';
import { sarifProblems } from '../harness/sarif-schema.js';

// dist/migration-safety as the runner runs it, in a shallow clone of a feature branch: on a pull request only
// the migrations the branch adds are linted (as one change set, after replaying the base's), on a push all of
// them, each as its own change set.
const TOKEN = 'ghs_migrationSafetyToken123';
let origin: string;
let clone: string;
let temp: string;
let github: GitHubApi;

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

function write(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const INDEX_RULE = 'require-concurrent-index-creation';

beforeAll(async () => {
  origin = mkdtempSync(join(tmpdir(), 'ubos-ms-origin-'));
  git(origin, 'init', '-q', '-b', 'main');
  write(origin, {
    'db/migrations/001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n',
    'db/migrations/002_users_email.sql': 'CREATE INDEX users_email_idx ON users (email);\n',
    'README.md': 'app\n'
  });
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'base');
  git(origin, 'checkout', '-q', '-b', 'feature');
  write(origin, {
    'db/migrations/003_orders.sql': [
      'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL);',
      'CREATE INDEX orders_user_idx ON orders (user_id);',
      '-- users is in use: this blocks its writes',
      'CREATE INDEX users_id_email_idx ON users (id, email);',
      ''
    ].join('\n')
  });
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'orders');
  write(origin, { 'db/migrations/004_rename.sql': 'ALTER TABLE customers RENAME TO clients;\n' });
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'rename');
  clone = mkdtempSync(join(tmpdir(), 'ubos-ms-clone-'));
  git(tmpdir(), 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin}`, clone);
  temp = mkdtempSync(join(tmpdir(), 'ubos-ms-temp-'));
  github = await startGitHubApi({ fixtures: { token: TOKEN, repos: [{ owner: 'acme', name: 'shop' }] } });
}, 60_000);

afterAll(async () => {
  await github?.stop();
  for (const dir of [origin, clone, temp]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function pullRequestRun(inputs: Record<string, string> = {}) {
  return runAction('migration-safety', {
    workspace: clone,
    inputs: { 'github-token': TOKEN, ...inputs },
    event: { name: 'pull_request', payload: { pull_request: { number: 9, base: { ref: 'main' } } } },
    env: { GITHUB_BASE_REF: 'main', GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: github.url, RUNNER_TEMP: temp }
  });
}

function pushRun(inputs: Record<string, string> = {}) {
  return runAction('migration-safety', {
    workspace: clone,
    inputs,
    event: { name: 'push', payload: { ref: 'refs/heads/feature' } },
    env: { GITHUB_REPOSITORY: 'acme/shop', RUNNER_TEMP: temp }
  });
}

interface ReportFinding {
  id: string;
  level: string;
  location: { file: string; line: number };
}

interface Report {
  tool: string;
  verdict: string;
  counts: { error: number; warning: number; notice: number; files: number };
  findings: ReportFinding[];
  exemptions: { id: string; reason: string; location: { file: string } }[];
  files: { path: string; linted: boolean }[];
}

/** The result-json output (the envelope as text), checked against the report file it points at. */
function report(result: { outputs: Record<string, string>; outputFiles: Record<string, string> }): Report {
  const json = JSON.parse(result.outputs['result-json']!) as Report;
  expect(JSON.parse(result.outputFiles['report-file']!)).toEqual(json);
  return json;
}

describe('migration-safety action on a pull request', () => {
  it('lints the changed migrations as one change set, annotates, summarises, writes SARIF and comments once', async () => {
    const result = await pullRequestRun({ 'sarif-file': 'reports/migrations.sarif', comment: 'true' });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    expect(result.outputs['files-checked']).toBe('2');
    expect(Number(result.outputs.errors)).toBeGreaterThanOrEqual(1);
    expect(Number(result.outputs.warnings)).toBeGreaterThanOrEqual(1);

    const json = report(result);
    expect(result.outputs['report-file']!.startsWith(temp)).toBe(true);
    expect(json).toMatchObject({ tool: 'migration-safety', verdict: 'fail', counts: { files: 2 } });
    expect(result.outputs.verdict).toBe('fail');
    expect(json.files.map((f) => [f.path, f.linted])).toEqual([
      ['db/migrations/001_users.sql', false],
      ['db/migrations/002_users_email.sql', false],
      ['db/migrations/003_orders.sql', true],
      ['db/migrations/004_rename.sql', true]
    ]);
    // Only the index on users: orders is created in the same change set, and 002 shipped earlier.
    expect(json.findings.filter((f) => f.id === INDEX_RULE).map((f) => [f.location.file, f.location.line])).toEqual([
      ['db/migrations/003_orders.sql', 4]
    ]);
    expect(json.exemptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: INDEX_RULE,
          location: expect.objectContaining({ file: 'db/migrations/003_orders.sql' })
        })
      ])
    );
    expect(json.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'missing-object',
          level: 'error',
          location: expect.objectContaining({ file: 'db/migrations/004_rename.sql', line: 1 })
        })
      ])
    );
    expect(Number(result.outputs.errors)).toBe(json.findings.filter((f) => f.level === 'error').length);

    const index = result.annotations.filter((a) => a.title === `migration-safety ${INDEX_RULE}`);
    expect(index).toEqual([
      {
        level: 'warning',
        title: `migration-safety ${INDEX_RULE}`,
        file: 'db/migrations/003_orders.sql',
        startLine: 4,
        endLine: 4,
        startColumn: 1,
        endColumn: 53,
        message: expect.stringMatching(/CONCURRENTLY[\s\S]*docs\/rules\/require-concurrent-index-creation\.md/)
      }
    ]);
    expect(result.annotations.filter((a) => a.file).length).toBe(json.findings.length);

    const summary = result.summary;
    expect(summary.split('\n').slice(0, 3).join('\n')).toMatch(
      /^## Migration safety\n\n❌ \*\*Migration safety check failed: \d+ errors?, \d+ warnings? in 2 files checked\*\*/
    );
    expect(summary).toContain(
      '2 migrations changed against `main`, linted as one change set (2 earlier migrations replayed)'
    );
    // Errors open before warnings; both tables name the file and line of each finding.
    expect(summary.indexOf('### Errors (')).toBeGreaterThan(0);
    expect(summary.indexOf('### Errors (')).toBeLessThan(summary.indexOf('<summary>Warnings ('));
    expect(summary).toContain('| where | rule | message |');
    expect(summary).toMatch(
      /\| `db\/migrations\/003_orders.sql`:4 \| \[require-concurrent-index-creation\]\(https:\/\/[^)]+\) \|/
    );
    expect(summary).toMatch(/<details>\n<summary>Why these are hazards/);
    expect(summary).toMatch(/\d+ not flagged on purpose: see “Not flagged, and why”/);
    expect(summary).toMatch(/<details>\n<summary>Not flagged, and why \(\d+\)<\/summary>/);
    expect(summary).toMatch(/\| \[require-concurrent-index-creation\]\([^)]+\) \| table created in this change set \|/);

    const sarif = JSON.parse(readFileSync(join(clone, 'reports/migrations.sarif'), 'utf8'));
    expect(sarifProblems(sarif)).toEqual([]);
    expect(sarif.runs[0].results.length).toBe(json.findings.length);

    const comments = github.state.comments('acme', 'shop', 9);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('## Migration safety');
    expect(comments[0].body).toMatch(/^<!-- ubos-actions:migration-safety -->/);
    expect(comments[0].body).toContain('[Workflow run](https://github.com/acme/shop/actions/runs/1)');
    expect(result.log).not.toContain(TOKEN);

    const again = await pullRequestRun({ comment: 'true' });
    expect(again.exitCode).toBe(1);
    expect(github.state.comments('acme', 'shop', 9)).toHaveLength(1);
  });

  it('lints the whole history with changed-only false', async () => {
    const result = await pullRequestRun({ 'changed-only': 'false', 'fail-on': 'never' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['files-checked']).toBe('4');
  });

  it('fails on warnings with fail-on warning and passes with never; fail-on error follows the error count', async () => {
    const config = join(temp, 'no-missing.yml');
    writeFileSync(config, 'rules:\n  missing-object: off\n');
    const warning = await pullRequestRun({ config, 'fail-on': 'warning' });
    expect(Number(warning.outputs.warnings)).toBeGreaterThanOrEqual(1);
    expect(warning.exitCode).toBe(1);
    const error = await pullRequestRun({ config });
    expect(error.exitCode).toBe(Number(error.outputs.errors) > 0 ? 1 : 0);
    expect(report(error).findings.some((f) => f.id === 'missing-object')).toBe(false);
    const never = await pullRequestRun({ 'fail-on': 'never' });
    expect(never.exitCode).toBe(0);
    expect(Number(never.outputs.errors)).toBeGreaterThanOrEqual(1);
    // fail-on never keeps the step green; the verdict still says what was found.
    expect(never.outputs.verdict).toBe('fail');
    expect(never.summary).toMatch(/❌ \*\*Migration safety check failed/);
  });
});

describe('migration-safety action on a push', () => {
  it('lints every migration, each as its own change set', async () => {
    const result = await pushRun({ 'fail-on': 'never' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['files-checked']).toBe('4');
    const json = report(result);
    expect(json.findings.filter((f) => f.id === INDEX_RULE).map((f) => [f.location.file, f.location.line])).toEqual([
      ['db/migrations/002_users_email.sql', 1],
      ['db/migrations/003_orders.sql', 4]
    ]);
    expect(result.summary).toContain('Whole history: 4 migrations, each judged as it was deployed');
  });

  it('falls back to the whole history when changed-only is true without a pull request', async () => {
    const result = await pushRun({ 'changed-only': 'true', 'fail-on': 'never' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['files-checked']).toBe('4');
    expect(result.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'notice', message: expect.stringMatching(/no pull request base branch/) })
      ])
    );
  });

  it('takes paths, pg-version, framework and assume-in-transaction', async () => {
    const result = await pushRun({
      paths: 'db/migrations/00[12]_*.sql',
      'pg-version': '14.3',
      framework: 'flyway',
      'assume-in-transaction': 'true',
      'fail-on': 'never'
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['files-checked']).toBe('2');
    expect(result.summary).toContain('PostgreSQL 14.3, framework `flyway`');
  });

  it('fails with one line naming a path that matches nothing, unless if-no-files-found says otherwise', async () => {
    const result = await pushRun({ paths: 'sql/**/*.sql' });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      '"sql/**/*.sql": no such file, or no file matches'
    ]);
    // One missing file among several is caught too.
    const oneMissing = await pushRun({ paths: 'db/migrations/001_users.sql\ndb/migrations/009_typo.sql' });
    expect(oneMissing.exitCode).toBe(1);
    expect(oneMissing.annotations.map((a) => a.message)).toContain(
      '"db/migrations/009_typo.sql": no such file, or no file matches'
    );
    const warned = await pushRun({ paths: 'sql/**/*.sql', 'if-no-files-found': 'warn' });
    expect(warned.exitCode).toBe(0);
    expect(warned.outputs['files-checked']).toBe('0');
    expect(warned.outputs.verdict).toBe('warn');
    expect(warned.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'warning', message: '"sql/**/*.sql": no such file, or no file matches' })
      ])
    );
    const ignored = await pushRun({ paths: 'sql/**/*.sql', 'if-no-files-found': 'ignore' });
    expect(ignored.exitCode).toBe(0);
    expect(ignored.outputs.verdict).toBe('pass');
  });
});

describe('migration-safety action with bad configuration', () => {
  it('fails with one clear line on an unknown key in the default config file', async () => {
    write(clone, { '.github/migration-safety.yml': 'pg-version: 16\nfail-on: warning\n' });
    try {
      const result = await pushRun();
      expect(result.exitCode).toBe(1);
      const errors = result.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toBe(
        '.github/migration-safety.yml:2: unknown key "fail-on" in the config; expected one of pg-version, framework, assume-in-transaction, include, exclude, rules'
      );
      expect(result.stdout).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(join(clone, '.github'), { recursive: true, force: true });
    }
  });

  it.each([
    [{ 'fail-on': 'sometimes' }, 'Input "fail-on" must be one of error, warning, never; got "sometimes"'],
    [{ 'pg-version': 'latest' }, 'Input "pg-version" must be a PostgreSQL version such as 16 or 14.3; got "latest"'],
    [{ framework: 'rails' }, /^Input "framework" must be one of plain, flyway/],
    [{ 'changed-only': 'sometimes' }, 'Input "changed-only" must be one of auto, true, false; got "sometimes"'],
    [{ 'assume-in-transaction': 'yes' }, 'Input "assume-in-transaction" must be one of true, false; got "yes"'],
    [
      { 'fail-on': 'warnings' },
      'Input "fail-on" must be one of error, warning, never; got "warnings" (did you mean "warning"?)'
    ],
    [{ config: 'missing.yml' }, 'config file missing.yml does not exist']
  ])('fails on %j with one clear line', async (inputs, message) => {
    const result = await pushRun(inputs);
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    if (typeof message === 'string') expect(errors[0].message).toBe(message);
    else expect(errors[0].message).toMatch(message);
  });

  it('fails clearly when the base branch cannot be found', async () => {
    const result = await runAction('migration-safety', {
      workspace: clone,
      event: { name: 'pull_request', payload: { pull_request: { number: 9, base: { ref: 'gone' } } } },
      env: { GITHUB_BASE_REF: 'gone', RUNNER_TEMP: temp }
    });
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^base branch "gone" is not in the clone and could not be fetched/);
  });
});

describe('ubos-actions migration-safety (bundled CLI)', () => {
  it('lints with --since and prints the documented JSON', () => {
    const run = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'dist/cli/index.js'),
        'migration-safety',
        'db/migrations',
        '--since',
        'HEAD~1',
        '--format',
        'json'
      ],
      { cwd: origin, encoding: 'utf8' }
    );
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as Report;
    expect(json.tool).toBe('migration-safety');
    expect(new Set(json.findings.map((f) => f.location.file))).toEqual(new Set(['db/migrations/004_rename.sql']));
    expect(run.status).toBe(1);
  });
});
