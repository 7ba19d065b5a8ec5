import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../harness/runner.js';
import { jobsOf, loadWorkflows, type Workflow } from './workflow-model.js';

// The scripts inside the reusable workflows, run as the runner runs them (bash -eo pipefail, values through env,
// GITHUB_OUTPUT a file): which strategy each maturity gets, when a run deploys, how the idle colour is named,
// what the inputs are refused for, when the CI status check fails.
const workflows = new Map(loadWorkflows().map((w): [string, Workflow] => [w.file, w]));
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ubos-workflow-scripts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(file: string, job: string, step: string): string {
  const workflow = workflows.get(file);
  const found = jobsOf(workflow!)
    .find(([name]) => name === job)?.[1]
    .steps?.find((s) => s.id === step || s.name === step)?.run;
  if (typeof found !== 'string') throw new Error(`${file}: job ${job} has no run step ${step}`);
  return found;
}

function run(file: string, job: string, step: string, env: Record<string, string>) {
  const output = join(dir, `output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script(file, job, step)], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`, GITHUB_OUTPUT: output, ...env },
    timeout: 10_000
  });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
}

describe('pipeline.yml plan', () => {
  it.each([
    ['2', 'push', 'switch', 'true'],
    ['3', 'push', 'canary', 'true'],
    ['3', 'workflow_dispatch', 'canary', 'true'],
    ['2', 'pull_request', 'switch', 'false'],
    ['3', 'pull_request', 'canary', 'false']
  ])('maturity %s on %s: production by %s, deploy %s', (maturity, event, strategy, deploy) => {
    const result = run('.github/workflows/pipeline.yml', 'plan', 'plan', { MATURITY: maturity, EVENT: event });
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ 'production-strategy': strategy, deploy });
  });

  it.each(['1', '4', '2.5', ''])('refuses maturity "%s" in one line', (maturity) => {
    const result = run('.github/workflows/pipeline.yml', 'plan', 'plan', { MATURITY: maturity, EVENT: 'push' });
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe(`::error::Input "maturity" must be 2 or 3; got "${maturity}"`);
  });

  it('makes production wait for the approval environment at maturity 2 only', () => {
    const jobs = Object.fromEntries(jobsOf(workflows.get('.github/workflows/pipeline.yml')!));
    expect(jobs.approve).toMatchObject({
      if: 'inputs.maturity == 2',
      environment: '${{ inputs.approval-environment }}'
    });
    expect(jobs.production!.needs).toEqual(expect.arrayContaining(['smoke', 'approve']));
    expect(jobs.production!.if).toContain("needs.approve.result == 'success'");
    expect(jobs.production!.if).toContain("inputs.maturity == 3 && needs.approve.result == 'skipped'");
  });
});

describe('deploy.yml', () => {
  const check = (env: Record<string, string>) =>
    run('.github/workflows/deploy.yml', 'deploy', 'Check the inputs', {
      STRATEGY: 'canary',
      TARGET_URL_TEMPLATE: 'http://{color}.shop.internal:8080',
      ...env
    });

  it('takes switch or canary and a target-url with {color}', () => {
    expect(check({}).code).toBe(0);
    expect(check({ STRATEGY: 'switch' }).code).toBe(0);
  });

  it.each([
    [{ STRATEGY: 'bluegreen' }, '::error::Input "strategy" must be switch or canary; got "bluegreen"'],
    [{ TARGET_URL_TEMPLATE: 'http://shop.internal' }, '::error::Input "target-url" must contain {color}']
  ])('refuses %j in one line', (env, message) => {
    const result = check(env);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toMatch(new RegExp(`^${message.replace(/[{}()".]/g, '\\$&')}`));
  });

  const idle = (env: Record<string, string>) =>
    run('.github/workflows/deploy.yml', 'deploy', 'idle', {
      TARGET_URL_TEMPLATE: 'http://{color}.shop.internal:8080/{color}',
      ...env
    });

  it('deploys to the colour that has no traffic, at its URL', () => {
    const result = idle({ LIVE: 'blue', WEIGHTS: '{"blue":100,"green":0}' });
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ color: 'green', url: 'http://green.shop.internal:8080/green' });
  });

  it.each([
    [{ LIVE: '', WEIGHTS: '{"blue":90,"green":10}' }, /traffic is split/],
    [{ LIVE: 'blue', WEIGHTS: '{"blue":100}' }, /expected one colour besides blue; the router has blue/],
    [{ LIVE: 'blue', WEIGHTS: '{"blue":100,"green":0,"red":0}' }, /the router has blue, green, red/]
  ])('stops before deploying when %j', (env, message) => {
    const result = idle(env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(message);
    expect(result.outputs).toEqual({});
  });
});

describe('ci.yml status check', () => {
  const status = (tests: string, migrations: string, contract: string) =>
    run('.github/workflows/ci.yml', 'status', 'Every stage passed or was skipped', {
      TESTS: tests,
      MIGRATIONS: migrations,
      CONTRACT: contract
    });

  it.each([
    ['success', 'success', 'success', 0],
    ['success', 'skipped', 'skipped', 0],
    ['success', 'failure', 'success', 1],
    ['cancelled', 'success', 'success', 1],
    ['success', 'success', 'failure', 1]
  ])('tests %s, migrations %s, contract %s: exit %i', (tests, migrations, contract, code) => {
    const result = status(tests, migrations, contract);
    expect(result.code).toBe(code);
    expect(result.stdout).toContain(`migration safety: ${migrations}`);
  });
});
