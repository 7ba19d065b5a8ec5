import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkActionMetadata, type Declarations } from './harness/metadata.js';
import { repoRoot, runAction } from './harness/runner.js';

// Scaffolds into a copy of the repository, builds it and runs the new action as the runner would:
// proves the template is complete and that the build discovers actions with no other edit.
const SKIP = new Set(['node_modules', '.git', 'dist', 'coverage']);
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'ubos-scaffold-'));
  cpSync(repoRoot, copy, { recursive: true, filter: (src) => !SKIP.has(src.slice(repoRoot.length + 1).split('/')[0]) });
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
  execFileSync(process.execPath, ['scripts/new-action.mjs', 'probe-check'], { cwd: copy, stdio: 'pipe' });
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: copy, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build of the scaffolded copy failed:\n${build.stdout}\n${build.stderr}`);
}, 240_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run new-action', () => {
  it('writes the action, its implementation and its test with the name filled in', () => {
    for (const file of [
      'probe-check/action.yml',
      'probe-check/README.md',
      'actions/probe-check/src/index.ts',
      'actions/probe-check/src/main.ts',
      'actions/probe-check/src/cli.ts',
      'actions/probe-check/src/engine/index.ts',
      'actions/probe-check/src/inputs.ts',
      'actions/probe-check/src/report.ts',
      'actions/probe-check/src/post.ts',
      '__tests__/probe-check/engine.test.ts'
    ]) {
      expect(existsSync(join(copy, file))).toBe(true);
      expect(readFileSync(join(copy, file), 'utf8')).not.toMatch(/__NAME__|__TITLE__|__PASCAL__|__NAME_CAMEL__/);
    }
    expect(readFileSync(join(copy, 'probe-check/README.md'), 'utf8')).toMatch(/^# Probe Check\n/);
    expect(readFileSync(join(copy, 'probe-check/action.yml'), 'utf8')).toContain(
      "main: '../dist/probe-check/index.js'"
    );
  });

  it('refuses a bad or taken name', () => {
    const bad = spawnSync(process.execPath, ['scripts/new-action.mjs', 'Bad_Name'], { cwd: copy, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not a kebab-case name');
    const taken = spawnSync(process.execPath, ['scripts/new-action.mjs', 'probe-check'], {
      cwd: copy,
      encoding: 'utf8'
    });
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('already exists');
  });

  it('produces an action that meets the metadata contract', async () => {
    const declared = (await import(join(copy, 'actions/probe-check/src/inputs.ts'))) as Declarations;
    expect(checkActionMetadata(copy, 'probe-check', declared)).toEqual([]);
  });

  it('builds into dist/ and runs through the runner emulator', async () => {
    const result = await runAction('probe-check', { root: copy, inputs: { who: 'ci', shout: 'true' } });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.outputs.greeting).toBe('HELLO, CI!');
    expect(result.outputs.verdict).toBe('pass');
    expect(JSON.parse(result.outputs['result-json'])).toEqual({
      tool: 'probe-check',
      version: expect.any(String),
      verdict: 'pass',
      counts: { error: 0, warning: 0, notice: 0 },
      greeting: 'HELLO, CI!'
    });
    expect(JSON.parse(result.outputFiles['report-file']!).greeting).toBe('HELLO, CI!');
    expect(result.summary).toContain('HELLO, CI!');
    expect(result.nodeVersion).toMatch(/^v24\./);
    // The post step ran after main, with the state main saved.
    expect(result.state).toEqual({ greeting: 'HELLO, CI!' });
    expect(result.post?.exitCode).toBe(0);
    expect(result.post?.stdout).toContain('post: the main step said "HELLO, CI!"');
  });

  it('fails with one clear line on a bad boolean input', async () => {
    const result = await runAction('probe-check', { root: copy, inputs: { shout: 'maybe' } });
    expect(result.exitCode).toBe(1);
    expect(result.annotations).toHaveLength(1);
    expect(result.annotations[0]).toMatchObject({ level: 'error' });
    expect(result.annotations[0].message).toMatch(/shout/);
    expect(result.annotations[0].message).not.toContain('\n');
  });

  it('registers the action with the CLI', () => {
    const cli = spawnSync(process.execPath, ['dist/cli/index.js', 'probe-check', '--who', 'dev', '--format', 'json'], {
      cwd: copy,
      encoding: 'utf8'
    });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ tool: 'probe-check', verdict: 'pass', greeting: 'Hello, dev!' });
    const help = spawnSync(process.execPath, ['dist/cli/index.js', '--help'], { cwd: copy, encoding: 'utf8' });
    expect(help.stdout).toMatch(/probe-check\s+Probe Check/);
  });
});
