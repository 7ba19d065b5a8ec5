import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './harness/runner.js';

// Runs the bundled CLI, where GitHub's workflow parser loads (its JSON schema import needs bundling),
// which is also how adopters run it.
function validate(...paths: string[]) {
  const run = spawnSync(
    process.execPath,
    [join(repoRoot, 'dist/cli/index.js'), 'validate-workflows', ...paths, '--format', 'json'],
    {
      cwd: repoRoot,
      encoding: 'utf8'
    }
  );
  return { status: run.status, stderr: run.stderr, report: run.stdout ? JSON.parse(run.stdout) : undefined };
}

// workflows/ holds the adopters' starter pipelines; it stays empty until the actions they use have landed.
const WORKFLOW_DIRS = ['.github/workflows', 'workflows', 'examples/.github/workflows'].filter(
  (d) => existsSync(join(repoRoot, d)) && readdirSync(join(repoRoot, d)).some((f) => /\.ya?ml$/.test(f))
);

describe('workflow files', () => {
  it('include the repository CI and check-dist workflows', () => {
    const files = readdirSync(join(repoRoot, '.github/workflows'));
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'check-dist.yml']));
  });

  it.each(WORKFLOW_DIRS)('%s passes GitHub’s parser and actionlint with no findings', (dir) => {
    const { status, report, stderr } = validate(dir);
    expect(stderr).toBe('');
    expect(report.findings).toEqual([]);
    expect(report.files).toBeGreaterThan(0);
    expect(status).toBe(0);
  });
});

describe('validate-workflows', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ubos-workflows-'));
    writeFileSync(
      join(dir, 'bad.yml'),
      [
        'on: pull_request_target',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    needs: [missing-job]',
        '    steps:',
        '      - run: echo "${{ github.event.pull_request.title }}"',
        ''
      ].join('\n')
    );
    writeFileSync(join(dir, 'schema.yml'), 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stesp: []\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds an untrusted expression in run: and a needs on a missing job', () => {
    const { status, report } = validate(join(dir, 'bad.yml'));
    expect(status).toBe(1);
    const messages = report.findings.map((f: { message: string }) => f.message).join('\n');
    expect(messages).toMatch(/potentially untrusted/);
    expect(messages).toMatch(/missing-job/);
    expect(report.findings[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });

  it('finds a schema error with GitHub’s parser', () => {
    const { status, report } = validate(join(dir, 'schema.yml'));
    expect(status).toBe(1);
    expect(report.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'workflow-parser', line: 5 })])
    );
  });

  it('fails with one line on a missing path', () => {
    const { status, stderr } = validate(join(dir, 'nope.yml'));
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('no such file or directory');
  });
});
