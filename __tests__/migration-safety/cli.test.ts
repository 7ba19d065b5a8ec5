import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../cli/src/main.js';
import { command } from '../../actions/migration-safety/src/cli.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface Finding {
  id: string;
  level: string;
  message: string;
  location: { file: string; line: number; column: number; endLine: number; endColumn: number };
  equivalents: Record<string, string[]>;
}

async function cli(args: string[], cwd = fixtures) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['migration-safety', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd
  });
  return { code, stdout, stderr };
}

async function json(args: string[], cwd = fixtures) {
  const run = await cli([...args, '--format', 'json'], cwd);
  return {
    ...run,
    report: JSON.parse(run.stdout) as {
      tool: string;
      verdict: string;
      findings: Finding[];
      exemptions: { id: string }[];
    }
  };
}

describe('ubos-actions migration-safety', () => {
  it('is registered under its name', () => {
    expect(command.name).toBe('migration-safety');
  });

  it('lints a whole history in order, each file its own change set, skipping down migrations', async () => {
    const { report, stderr } = await json(['history/*.sql', '--fail-on', 'never']);
    expect(stderr).toBe('');
    const index = report.findings.filter((f) => f.id === 'require-concurrent-index-creation');
    // V3 creates orders in the same file: exempt. V2 indexes users, created by V1 (an earlier change set).
    expect(index).toEqual([
      {
        id: 'require-concurrent-index-creation',
        level: 'warning',
        message: expect.any(String),
        location: { file: 'history/V2__index_users.sql', line: 2, column: 1, endLine: 2, endColumn: 46 },
        equivalents: expect.objectContaining({ squawk: ['require-concurrent-index-creation'] })
      }
    ]);
    expect(report.exemptions.map((e) => e.id)).toContain('require-concurrent-index-creation');
    const missing = report.findings.filter((f) => f.id === 'missing-object');
    expect(missing.map((f) => [f.location.file, f.location.line])).toEqual([['history/V10__rename_missing.sql', 1]]);
    expect(report.findings.some((f) => f.location.file.includes('down'))).toBe(false);
    // Files appear in migration order: V10 after V2.
    const files = report.findings.map((f) => f.location.file);
    expect(files.indexOf('history/V10__rename_missing.sql')).toBeGreaterThan(
      files.indexOf('history/V2__index_users.sql')
    );
  });

  it('prints the shared envelope, then exactly the documented keys for each finding', async () => {
    const { report } = await json(['history', '--fail-on', 'never']);
    expect(Object.keys(report).slice(0, 4)).toEqual(['tool', 'version', 'verdict', 'counts']);
    expect(report.tool).toBe('migration-safety');
    for (const f of report.findings)
      expect(Object.keys(f).sort()).toEqual(['equivalents', 'id', 'level', 'location', 'message'].sort());
  });

  it('exits 1 when a finding reaches --fail-on, 0 with never', async () => {
    const errorRun = await json(['history/V10__rename_missing.sql', 'history/V1__create_users.sql']);
    expect(errorRun.report.findings.some((f) => f.id === 'missing-object' && f.level === 'error')).toBe(true);
    expect(errorRun.code).toBe(1);
    expect((await cli(['history', '--fail-on', 'never'])).code).toBe(0);
    const warnOnly = await json([
      'history/V1__create_users.sql',
      'history/V2__index_users.sql',
      '--fail-on',
      'warning'
    ]);
    expect(warnOnly.code).toBe(warnOnly.report.findings.length > 0 ? 1 : 0);
    const errorsOnly = await json(['history/V1__create_users.sql', 'history/V2__index_users.sql']);
    expect(errorsOnly.code).toBe(errorsOnly.report.findings.some((f) => f.level === 'error') ? 1 : 0);
  });

  it('reports a syntax error at its position and keeps linting the other files', async () => {
    const { report } = await json([
      'broken/001_typo.sql',
      'history/V1__create_users.sql',
      'history/V2__index_users.sql'
    ]);
    const syntax = report.findings.filter((f) => f.id === 'syntax-error');
    expect(syntax).toHaveLength(1);
    expect(syntax[0]).toMatchObject({ level: 'error', location: { file: 'broken/001_typo.sql', line: 2 } });
    expect(report.findings.some((f) => f.id === 'require-concurrent-index-creation')).toBe(true);
  });

  it('prints text with file:line:column and the verdict', async () => {
    const { stdout, code } = await cli([
      'history/V1__create_users.sql',
      'history/V2__index_users.sql',
      '--fail-on',
      'never'
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^history\/V2__index_users\.sql:2:1: warning require-concurrent-index-creation: /m);
    expect(stdout).toMatch(
      /Migration safety check passed with warnings: \d+ errors?, \d+ warnings? in 2 files checked/
    );
  });

  it('prints SARIF', async () => {
    const { stdout } = await cli(['history', '--format', 'sarif', '--fail-on', 'never']);
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });

  it('lists the rule catalogue as JSON', async () => {
    const { stdout, code } = await cli(['--list-rules', '--format', 'json']);
    expect(code).toBe(0);
    const rules = JSON.parse(stdout) as { id: string; docs: string }[];
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining(['syntax-error', 'missing-object', 'require-concurrent-index-creation'])
    );
    for (const rule of rules)
      expect(Object.keys(rule)).toEqual(
        expect.arrayContaining(['id', 'level', 'message', 'help', 'equivalents', 'docs'])
      );
    expect((await cli(['--list-rules'])).stdout).toMatch(/^warning\s+require-concurrent-index-creation\s+/m);
  });

  it('honours --pg-version, --framework and --assume-in-transaction', async () => {
    const plain = await json(['history', '--fail-on', 'never', '--pg-version', '14.3', '--framework', 'flyway']);
    expect(plain.code).toBe(0);
    const tx = await json(['history', '--fail-on', 'never', '--assume-in-transaction']);
    expect(tx.code).toBe(0);
  });

  it.each([
    [['nothing/*.sql'], /"nothing\/\*\.sql": no such file, or no file matches/],
    [['missing.sql'], /"missing.sql": no such file/],
    [['history', '--format', 'xml'], /--format must be one of text, json, sarif, markdown/],
    [['history', '--fail-on', 'sometimes'], /--fail-on must be one of error, warning, never/],
    [['history', '--pg-version', 'sixteen'], /--pg-version must be a PostgreSQL version/],
    [['history', '--framework', 'rails'], /--framework must be one of plain, flyway/],
    [['history', '--bogus'], /Unknown option '--bogus'/],
    [['history', '--config', 'none.yml'], /config file none.yml does not exist/]
  ])('exits 2 with one clear line on %j', async (args, message) => {
    const { code, stderr, stdout } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')[0]).toMatch(message);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('applies a config file: a rule turned off, another made an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ms-cli-config-'));
    try {
      cpSync(join(fixtures, 'history'), join(dir, 'history'), { recursive: true });
      writeFileSync(
        join(dir, 'strict.yml'),
        'rules:\n  require-concurrent-index-creation: error\n  missing-object: off\n'
      );
      const { report, code } = await json(['history', '--config', 'strict.yml'], dir);
      const index = report.findings.find((f) => f.id === 'require-concurrent-index-creation');
      expect(index?.level).toBe('error');
      expect(code).toBe(1);
      expect(report.findings.some((f) => f.id === 'missing-object')).toBe(false);
      // The default config file is picked up when present.
      writeFileSync(join(dir, 'strict.yml'), 'rules:\n  require-concurrent-index-creation: off\n');
      cpSync(join(dir, 'strict.yml'), join(dir, '.github', 'migration-safety.yml'), { recursive: true });
      const defaulted = await json(['history', '--fail-on', 'never'], dir);
      expect(defaulted.report.findings.some((f) => f.id === 'require-concurrent-index-creation')).toBe(false);
      writeFileSync(join(dir, '.github', 'migration-safety.yml'), 'severity: high\n');
      const bad = await cli(['history'], dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim()).toBe(
        'ubos-actions migration-safety: .github/migration-safety.yml:1: unknown key "severity" in the config; expected one of pg-version, framework, assume-in-transaction, include, exclude, rules'
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--since <git-ref>', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e'
      }
    });

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'ms-cli-since-'));
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, '001.sql'), 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    git('tag', 'release-1');
    writeFileSync(join(repo, '002.sql'), 'CREATE TABLE audit (id bigint PRIMARY KEY, at timestamptz);\n');
    writeFileSync(
      join(repo, '003.sql'),
      'CREATE INDEX audit_at ON audit (at);\nCREATE INDEX users_email ON users (email);\n'
    );
    git('add', '.');
    git('commit', '-q', '-m', 'two');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lints the files added after the ref as one change set, replaying the earlier ones', async () => {
    const { report } = await json(['*.sql', '--since', 'release-1', '--fail-on', 'never'], repo);
    const index = report.findings.filter((f) => f.id === 'require-concurrent-index-creation');
    // audit is created in 002, part of the same change set as 003: its index is harmless. users is not new.
    expect(index.map((f) => [f.location.file, f.location.line])).toEqual([['003.sql', 2]]);
    expect(report.findings.some((f) => f.location.file === '001.sql')).toBe(false);
    // Without --since each file is its own change set, so the audit index is reported too.
    const whole = await json(['*.sql', '--fail-on', 'never'], repo);
    expect(
      whole.report.findings.filter((f) => f.id === 'require-concurrent-index-creation').map((f) => f.location.line)
    ).toEqual([1, 2]);
  });

  it('refuses a ref that is not a commit', async () => {
    const { code, stderr } = await cli(['*.sql', '--since', 'no-such-tag'], repo);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--since: "no-such-tag" is not a commit/);
  });
});
