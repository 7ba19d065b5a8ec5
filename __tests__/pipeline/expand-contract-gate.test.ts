import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubApi, type DeploymentFixture, type GitHubApi } from '../harness/github-api.js';
import { repoRoot } from '../harness/runner.js';

// The pipeline's expand-migrate-contract sequencing (scripts/expand-contract-gate.mjs): the production Deployment
// records from the GitHub API emulator, a real git history, and migration-safety's bundled CLI.
const GATE = join(repoRoot, 'scripts/expand-contract-gate.mjs');
const TOKEN = 'ghs_gateToken0042';
let repo: string;
let shas: { create: string; expand: string; contract: string };
let github: GitHubApi | undefined;

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
  }).trim();

function commit(file: string, sql: string, message: string): string {
  writeFileSync(join(repo, 'db', file), sql);
  git('add', '.');
  git('commit', '-q', '-m', message);
  return git('rev-parse', 'HEAD');
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'ubos-gate-'));
  mkdirSync(join(repo, 'db'));
  git('init', '-q', '-b', 'main');
  const create = commit('0001_clients.sql', 'CREATE TABLE clients (id bigint PRIMARY KEY, name text);\n', 'clients');
  const expand = commit(
    '0002_business_name.sql',
    "SET lock_timeout = '2s';\nALTER TABLE clients ADD COLUMN IF NOT EXISTS business_name text;\nUPDATE clients SET business_name = name;\n",
    'expand: business_name'
  );
  const contract = commit(
    '0003_drop_name.sql',
    "SET lock_timeout = '2s';\n-- ubos-ignore: ban-drop-column -- contract step of 0002\nALTER TABLE clients DROP COLUMN IF EXISTS name;\n",
    'contract: drop name'
  );
  shas = { create, expand, contract };
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));
afterEach(async () => {
  await github?.stop();
  github = undefined;
});

/** A deployment of `sha` with these statuses (oldest first), `minutesAgo` before now. */
function deployment(sha: string, minutesAgo: number, states: string[], extra: Partial<DeploymentFixture> = {}) {
  const at = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  return {
    sha,
    environment: 'production',
    createdAt: at(minutesAgo),
    statuses: states.map((state, i) => ({ state, createdAt: at(minutesAgo - i - 1) })),
    ...extra
  } as DeploymentFixture;
}

async function withDeployments(deployments: DeploymentFixture[]) {
  github = await startGitHubApi({ fixtures: { token: TOKEN, repos: [{ owner: 'acme', name: 'shop', deployments }] } });
  return github;
}

function gate(args: string[], env: Record<string, string> = {}) {
  // The emulator answers from this process: an async spawn, never spawnSync.
  const child = spawn(process.execPath, [GATE, 'db', '--repo', 'acme/shop', ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github?.url ?? '', ...env }
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code) => done({ code, stdout, stderr }))
  );
}

async function gateJson(args: string[] = []) {
  const run = await gate([...args, '--format', 'json']);
  return { ...run, report: JSON.parse(run.stdout) };
}

describe('expand-contract gate', () => {
  it('refuses a contract whose expand has not reached production', async () => {
    await withDeployments([deployment(shas.create, 60, ['in_progress', 'success'])]);
    const { code, report, stderr } = await gateJson();
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(report).toMatchObject({ tool: 'expand-contract-gate', verdict: 'fail', counts: { error: 1 } });
    expect(report.baseline.sha).toBe(shas.create);
    expect(report.changeSet).toEqual(['db/0002_business_name.sql', 'db/0003_drop_name.sql']);
    expect(report.findings).toEqual([
      expect.objectContaining({
        id: 'expand-contract-same-change-set',
        location: expect.objectContaining({ file: 'db/0003_drop_name.sql', line: 3 }),
        message: expect.stringContaining('copies name into it and drops name')
      })
    ]);
  });

  it('allows it once the expand has been in production for a release, and says why in text', async () => {
    await withDeployments([
      deployment(shas.create, 120, ['in_progress', 'success', 'inactive']),
      deployment(shas.expand, 60, ['in_progress', 'success'])
    ]);
    const { code, stdout } = await gate([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Expand-contract gate passed: no contract step ships before its expand has been in production for 1 release$/m
    );
    expect(stdout).toContain(`baseline ${shas.expand.slice(0, 12)}`);
    expect(stdout).toContain('1 migration not yet 1 release in production');
  });

  it('with --min-releases 2 wants the expand in two releases', async () => {
    await withDeployments([
      deployment(shas.create, 120, ['success', 'inactive']),
      deployment(shas.expand, 60, ['success'])
    ]);
    const { code, report } = await gateJson(['--min-releases', '2']);
    expect(code).toBe(1);
    expect(report.releases.map((r: { sha: string }) => r.sha)).toEqual([shas.expand, shas.create]);
    expect(report.baseline.sha).toBe(shas.create);
  });

  it('does not count a failed deployment or a release a rollback undid', async () => {
    await withDeployments([
      deployment(shas.create, 300, ['success', 'inactive']),
      deployment(shas.expand, 200, ['in_progress', 'failure']),
      deployment(shas.expand, 100, ['in_progress', 'success']),
      deployment(shas.create, 50, ['in_progress', 'success'], { task: 'deploy:rollback', payload: { rollback: true } })
    ]);
    const { code, report } = await gateJson();
    expect(code).toBe(1);
    expect(report.releases).toEqual([expect.objectContaining({ sha: shas.create })]);
  });

  it('passes when nothing was ever released (no running release to break) and writes the step outputs', async () => {
    await withDeployments([deployment(shas.create, 10, ['in_progress', 'failure'])]);
    const outputs = join(repo, '..', `gate-output-${process.pid}`);
    writeFileSync(outputs, '');
    try {
      const run = await gate([], { GITHUB_OUTPUT: outputs });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/no release of production recorded/);
      expect(readFileSync(outputs, 'utf8')).toBe('verdict=pass\ncontracts=0\n');
    } finally {
      rmSync(outputs, { force: true });
    }
  });

  it('escapes repository text in markdown', async () => {
    await withDeployments([deployment(shas.create, 60, ['success'])]);
    const { code, stdout } = await gate(['--format', 'markdown']);
    expect(code).toBe(1);
    expect(stdout).toContain('| db/0003\\_drop\\_name.sql:3 |');
    expect(stdout).not.toMatch(/<|\]\(/);
  });

  it.each([
    ['a wrong token', [], { GITHUB_TOKEN: 'nope' }, /answered 401 .*GITHUB_TOKEN/],
    ['no token', [], { GITHUB_TOKEN: '' }, /GITHUB_TOKEN is not set/],
    ['an unknown repository', ['--repo', 'acme/nope'], {}, /answered 404 .*deployments: read/],
    ['a bad --min-releases', ['--min-releases', '0'], {}, /--min-releases must be a whole number/],
    ['an unknown flag', ['--min-release', '2'], {}, /Unknown option '--min-release'/]
  ])('fails with one line on %s', async (_what, args, env, message) => {
    await withDeployments([deployment(shas.create, 60, ['success'])]);
    const { code, stdout, stderr } = await gate(args, env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain(TOKEN);
  });

  it('fails with one line when the released commit is not in the clone', async () => {
    await withDeployments([deployment('1234567890123456789012345678901234567890', 60, ['success'])]);
    const { code, stderr } = await gate([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is not in this clone: check out with fetch-depth: 0\n$/);
  });

  it('fails with one line when the API keeps failing after a retry', async () => {
    await withDeployments([deployment(shas.create, 60, ['success'])]);
    github!.failNext(2, 502);
    const { code, stderr } = await gate([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/answered 502/);
  });
});
