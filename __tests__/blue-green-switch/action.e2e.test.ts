import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { runProcess } from '../harness/exec.js';
import { startFaultServer, type FaultServer } from '../harness/fault-server.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { reportSchemaProblems } from '../harness/report-schema.js';
import { repoRoot, runAction, runnerNode, type RunOptions, type RunResult } from '../harness/runner.js';
import { haproxyRig, nginxRig, readJson, shares, startLoad, tempDir, type Rig } from './fixtures.js';

// dist/blue-green-switch (main and post step) run the way the GitHub runner runs them, against a real HAProxy and
// a real nginx in front of two colour backends, and the GitHub API emulator for deployment records.
const SHA = '0'.repeat(40);
let haproxy: Rig;
let nginx: Rig;
let health: FaultServer;
let github: GitHubApi;
let workspace: string;

beforeAll(async () => {
  [haproxy, nginx, health, github] = await Promise.all([
    haproxyRig(),
    nginxRig(),
    startFaultServer(),
    startGitHubApi({ fixtures: { repos: [{ owner: 'ubos', name: 'example', branches: { main: SHA } }] } })
  ]);
  workspace = tempDir();
}, 60_000);

afterAll(async () => {
  await Promise.all([haproxy?.stop(), nginx?.stop(), health?.stop(), github?.stop()]);
  fs.rmSync(workspace, { recursive: true, force: true });
}, 30_000);

function bgs(rig: Rig, inputs: Record<string, string>, options: RunOptions = {}): Promise<RunResult> {
  return runAction('blue-green-switch', {
    workspace,
    inputs: { router: rig.configFile, judge: 'false', 'step-wait': '300ms', 'lock-timeout': '0s', ...inputs },
    timeoutMs: 45_000,
    ...options
  });
}

/** Traffic back on blue with no canary recorded, whatever the last test left. */
async function resetToBlue(rig: Rig): Promise<void> {
  const status = await rig.run({ operation: 'status' });
  if (status.canary) await rig.run({ operation: 'abort' });
  if ((await rig.run({ operation: 'status' })).live !== 'blue') await rig.run({ operation: 'switch', to: 'blue' });
}

const state = (rig: Rig) => readJson(path.join(rig.dir, 'router.state.json')) as Record<string, unknown>;
const errorLines = (result: RunResult) => result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
/** The step's own failure line (core.setFailed), not the findings' annotations. */
const failureLine = (result: RunResult) =>
  result.annotations.filter((a) => a.level === 'error' && a.title === undefined).map((a) => a.message);

function expectOneLineFailure(result: RunResult, message: string | RegExp): void {
  expect(result.exitCode).toBe(1);
  const errors = errorLines(result);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  expect(errors[0]).not.toContain('\n');
  expect(result.stdout).not.toMatch(/^\s+at /m);
  expect(result.stderr).toBe('');
  expect(result.post?.exitCode).toBe(0);
  expect(result.post?.stdout).toContain('blue-green-switch post: nothing to do (the step moved no traffic)');
}

describe('blue-green-switch action on HAProxy', () => {
  it('switches: outputs, the JSON report, the summary, and a post step with nothing to do', async () => {
    await resetToBlue(haproxy);
    const result = await bgs(haproxy, { operation: 'switch' });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.nodeVersion).toMatch(/^v24\./);
    expect(result.outputs).toMatchObject({
      verdict: 'pass',
      'live-color': 'green',
      'previous-color': 'blue',
      weights: '{"blue":0,"green":100}',
      'rolled-back': 'false',
      'deployment-id': ''
    });
    const report = JSON.parse(result.outputs['result-json']!);
    expect(reportSchemaProblems(report)).toEqual([]);
    expect(report).toMatchObject({
      tool: 'blue-green-switch',
      verdict: 'pass',
      counts: { error: 0, warning: 0, changes: 1 },
      operation: 'switch',
      live: 'green',
      findings: []
    });
    expect(report.timeline.map((e: { phase: string }) => e.phase)).toEqual(['pre-check', 'apply', 'verify', 'drain']);
    expect(JSON.parse(result.outputFiles['report-file']!)).toEqual(report);
    expect(result.summary).toMatch(
      /^## Blue-green switch\n\n✅ \*\*Blue-green switch done: green is live \(switched from blue/
    );
    expect(result.summary).toContain('### Timeline');
    expect(result.summary).toMatch(/\| \+.+ \| {2}\| apply \| blue 0 \/ green 100 \| {2}\| ✅ /);
    expect(result.post?.stdout).toMatch(/blue-green-switch post: nothing to do \(the step finished: green is live/);
    expect(await shares(haproxy.url, 6)).toEqual({ green: 6 });
  });

  it('runs a judged canary under load and reports the judge per colour', async () => {
    await resetToBlue(haproxy);
    const load = startLoad(`${haproxy.url}/`, 4);
    const result = await bgs(haproxy, {
      operation: 'canary',
      steps: '50,100',
      'step-wait': '1s',
      judge: 'true',
      'judge-min-requests': '20'
    });
    await load.stop();
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'pass', 'live-color': 'green', 'rolled-back': 'false' });
    const report = JSON.parse(result.outputs['result-json']!);
    expect(report.judge).toMatchObject({ verdict: 'pass', perColor: { blue: {}, green: {} } });
    expect(report.judge.perColor.green.requests).toBeGreaterThanOrEqual(20);
    expect(result.summary).toContain('<summary>Canary judge: pass (2)</summary>');
    expect(result.summary).toMatch(/\| 1 \| green \| \d+ \| 0 \| 0\.00% \|/);
    expect(result.summary).toMatch(/\| \+.+ \| 1 \| judge \| blue 50 \/ green 50 \| judge pass \| ✅ /);
  });

  it('a gate failing at step 2 puts traffic back on the old colour and fails the step in one line', async () => {
    await resetToBlue(haproxy);
    // Direct check before the first step, through the router after step 1: healthy; after step 2: not.
    health.setRoute('/health', { type: 'statuses', statuses: [200, 200, 503] });
    fs.writeFileSync(
      path.join(workspace, 'gate.yml'),
      `deadline: 2s\ndefaults: { interval: 100ms, failure-threshold: 1 }\nchecks:\n  - { name: app-health, type: http, url: "${health.url}/health" }\n`
    );
    const result = await bgs(haproxy, { operation: 'canary', steps: '10,50,100', gate: 'gate.yml' });
    expect(result.exitCode).toBe(1);
    const headline =
      /^Blue-green canary failed: canary step 2 of 3 failed: gate failed on green \(router\): app-health: .*; traffic back on blue 100 \/ green 0 \(verified\)$/;
    expect(failureLine(result)).toEqual([expect.stringMatching(headline)]);
    // The failed gate is also annotated at its file.
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: 'gate.yml', title: 'blue-green-switch gate failed' })
    );
    expect(result.outputs).toMatchObject({ verdict: 'fail', 'live-color': 'blue', 'rolled-back': 'true' });
    expect(result.summary).toContain('### Failed (1)');
    expect(result.summary).toMatch(
      /\| restore \| blue 100 \/ green 0 \| {2}\| ✅ traffic back on blue 100 \/ green 0, verified/
    );
    expect(result.post?.stdout).toMatch(/post: nothing to do \(the step finished: canary step 2 of 3 failed/);
    expect(await shares(haproxy.url, 6)).toEqual({ blue: 6 });
  });

  it('bad inputs are one line each, before anything moves', async () => {
    await resetToBlue(haproxy);
    expectOneLineFailure(
      await bgs(haproxy, { operation: 'swtich' }),
      'Input "operation" must be one of status, switch, canary, rollback, promote, abort; got "swtich" (did you mean "switch"?)'
    );
    expectOneLineFailure(
      await bgs(haproxy, { operation: 'canary', steps: '10,150' }),
      'Input "steps": "150" is not a percent between 1 and 100; write steps like 10,50,100'
    );
    const missing = haproxy.yaml.replace(haproxy.haproxy!.socket, path.join(workspace, 'no-such.sock'));
    expectOneLineFailure(await bgs(haproxy, { router: missing }), /^HAProxy admin socket .*no-such\.sock/);
    expectOneLineFailure(
      await bgs(haproxy, {
        router:
          'type: haproxy\ncolors: {blue: {servers: [b1]}}\nverify: {url: "http://127.0.0.1:1/", header: x-color}\nhaproxy: {socket: s, backend: app}'
      }),
      'input "router": colors must define at least two colours; got 1'
    );
    expect(await shares(haproxy.url, 4)).toEqual({ blue: 4 });
  });
});

describe('blue-green-switch action on nginx', () => {
  it('switches and runs a canary through nginx', async () => {
    await resetToBlue(nginx);
    const switched = await bgs(nginx, { operation: 'switch', to: 'green' });
    expect(switched.exitCode).toBe(0);
    expect(switched.outputs).toMatchObject({ 'live-color': 'green', 'previous-color': 'blue' });
    expect(fs.readFileSync(nginx.upstreamFile!, 'utf8')).toMatch(/server 127\.0\.0\.1:\d+ down; # blue/);
    const canary = await bgs(nginx, { operation: 'canary', steps: '10,50,100', 'step-wait': '200ms' });
    expect(canary.stderr).toBe('');
    expect(canary.exitCode).toBe(0);
    expect(canary.outputs).toMatchObject({
      'live-color': 'blue',
      'previous-color': 'green',
      weights: '{"blue":100,"green":0}'
    });
    expect(canary.summary).toContain('Blue-green canary done: blue is live after canary 10 → 50 → 100%');
    for (const weights of ['blue 10 / green 90', 'blue 50 / green 50', 'blue 100 / green 0'])
      expect(canary.summary).toContain(`| apply | ${weights} |`);
    expect(await shares(nginx.url, 6)).toEqual({ blue: 6 });
  });
});

describe('a cancelled job', () => {
  // The canary waits 30 s at its first step; the job is cancelled 3 s in, well inside that wait.
  const canary = { operation: 'canary', steps: '50,100', 'step-wait': '30s' };

  it('puts traffic back in the step itself (SIGINT), and the post step has nothing left to do', async () => {
    await resetToBlue(haproxy);
    const result = await bgs(haproxy, canary, { cancelAfterMs: 3000 });
    expect(result.cancelled).toBe(true);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('SIGINT: cancelling the operation');
    expect(failureLine(result)).toEqual([
      'Blue-green canary failed: canary step 1 of 2 failed: the run was cancelled; traffic back on blue 100 / green 0 (verified)'
    ]);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', title: 'blue-green-switch cancelled' })
    );
    expect(result.post?.exitCode).toBe(0);
    expect(result.post?.stdout).toMatch(
      /post: nothing to do \(the step finished: canary step 1 of 2 failed: the run was cancelled/
    );
    expect(state(haproxy)).toMatchObject({ live: 'blue', canary: null, weights: { blue: 100, green: 0 } });
    expect(await shares(haproxy.url, 6)).toEqual({ blue: 6 });
  });

  it('a step killed before it could put traffic back: the post step restores it, verified, and records it', async () => {
    await resetToBlue(haproxy);
    const before = github.state.repo('ubos', 'example').deployments.length;
    // SIGKILL 2 ms after SIGINT: the runner's last resort when a step does not stop.
    const result = await bgs(
      haproxy,
      { ...canary, deployment: 'true', environment: 'staging', 'github-token': github.token },
      { cancelAfterMs: 3000, graceMs: 1, env: { GITHUB_API_URL: github.url } }
    );
    expect(result.cancelled).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(result.state['bgs-finished']).toBeUndefined();
    expect(JSON.parse(result.state['bgs-moved']!)).toMatchObject({
      operation: 'canary',
      restore: { blue: 100, green: 0 }
    });
    const post = result.post!;
    expect(post.exitCode).toBe(0);
    const said = post.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(said).toEqual([
      expect.stringMatching(
        /^blue-green-switch post: the canary was interrupted; (put traffic back on blue 100 \/ green 0 after the interrupted run \(verified\)|traffic is already back on blue 100 \/ green 0 \(verified\))$/
      )
    ]);
    expect(state(haproxy)).toMatchObject({
      live: 'blue',
      canary: null,
      weights: { blue: 100, green: 0 },
      lastOperation: 'abort'
    });
    expect(await shares(haproxy.url, 6)).toEqual({ blue: 6 });
    // The canary's deployment is closed as a failure; a rollback is recorded when the post step moved traffic.
    const repo = github.state.repo('ubos', 'example');
    const [interrupted, ...rest] = repo.deployments.slice(before);
    expect(interrupted).toMatchObject({
      environment: 'staging',
      payload: { color: 'green', previous: 'blue', rollback: false }
    });
    expect(repo.deploymentStatuses.get(interrupted!.id)!.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    for (const rollback of rest) {
      expect(rollback).toMatchObject({
        task: 'deploy:rollback',
        payload: { color: 'blue', previous: 'green', rollback: true }
      });
      expect(repo.deploymentStatuses.get(rollback.id)!.map((s) => s.state)).toEqual(['in_progress', 'success']);
    }
  });

  it('with rollback-on-cancel: false, traffic is left where it was, and the post step leaves it too', async () => {
    await resetToBlue(haproxy);
    const result = await bgs(haproxy, { ...canary, 'rollback-on-cancel': 'false' }, { cancelAfterMs: 3000 });
    expect(failureLine(result)).toEqual([
      'Blue-green canary failed: canary step 1 of 2 failed: the run was cancelled; traffic left as is (rollback on cancel is off)'
    ]);
    expect(result.post?.stdout).toContain(
      'post: nothing to do (the step finished: canary step 1 of 2 failed: the run was cancelled; traffic left as is (rollback on cancel is off))'
    );
    expect(state(haproxy)).toMatchObject({ weights: { blue: 50, green: 50 }, canary: { from: 'blue', to: 'green' } });
    const seen = await shares(haproxy.url, 10);
    expect(Object.keys(seen).sort()).toEqual(['blue', 'green']);
    const aborted = await bgs(haproxy, { operation: 'abort' });
    expect(aborted.outputs).toMatchObject({ verdict: 'pass', 'live-color': 'blue', 'rolled-back': 'true' });
  });
});

describe('GitHub Deployments', () => {
  it('records a switch and a rollback: statuses, payloads, the replaced deployment inactive', async () => {
    await resetToBlue(haproxy);
    const repo = () => github.state.repo('ubos', 'example');
    const before = repo().deployments.length;
    const inputs = { deployment: 'true', 'github-token': github.token };
    const env = { GITHUB_API_URL: github.url };
    const switched = await bgs(haproxy, { ...inputs, operation: 'switch' }, { env });
    expect(switched.exitCode).toBe(0);
    const first = repo().deployments[before]!;
    expect(switched.outputs['deployment-id']).toBe(String(first.id));
    expect(first).toMatchObject({
      sha: SHA,
      environment: 'production',
      task: 'deploy',
      payload: { color: 'green', previous: 'blue', weights: { blue: 0, green: 100 }, rollback: false }
    });
    const statuses = repo().deploymentStatuses.get(first.id)!;
    expect(statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(statuses[1]).toMatchObject({
      environment_url: haproxy.url,
      log_url: 'https://github.com/ubos/example/actions/runs/1'
    });
    expect(switched.masked).toContain(github.token);
    expect(switched.log).not.toContain(github.token);

    const rolledBack = await bgs(haproxy, { ...inputs, operation: 'rollback' }, { env });
    expect(rolledBack.outputs).toMatchObject({ 'live-color': 'blue', 'rolled-back': 'true' });
    const second = repo().deployments[before + 1]!;
    expect(rolledBack.outputs['deployment-id']).toBe(String(second.id));
    expect(second).toMatchObject({
      task: 'deploy:rollback',
      payload: { color: 'blue', previous: 'green', rollback: true }
    });
    expect(
      repo()
        .deploymentStatuses.get(first.id)!
        .map((s) => s.state)
    ).toEqual(['in_progress', 'success', 'inactive']);
  });
});

describe('ubos-actions blue-green-switch (the bundled CLI)', () => {
  // Asynchronous: the colour backends live in this process and must keep answering the CLI's probes.
  const cli = (...args: string[]) =>
    runProcess(runnerNode(), [path.join(repoRoot, 'dist', 'cli', 'index.js'), 'blue-green-switch', ...args], {
      cwd: haproxy.dir,
      timeoutMs: 30_000
    });

  it('lists each verb’s own flags', async () => {
    const help = await cli('canary', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ubos-actions blue-green-switch canary: /);
    for (const flag of [
      '--config <router.yml>',
      '--steps <percent,...>',
      '--judge-min-requests <n>',
      '--format <text|json|markdown>',
      '--fail-on'
    ])
      expect(help.stdout).toContain(flag);
    expect((await cli('rollback', '--help')).stdout).not.toContain('--steps');
  });

  it('status and switch, text and JSON; a bad verb is one line and exit 2', async () => {
    await resetToBlue(haproxy);
    const status = await cli('status', '--config', 'router.yml', '--format', 'json');
    expect(status.code).toBe(0);
    const envelope = JSON.parse(status.stdout);
    expect(reportSchemaProblems(envelope)).toEqual([]);
    expect(envelope).toMatchObject({ tool: 'blue-green-switch', operation: 'status', live: 'blue' });
    const switched = await cli('switch', '--config', 'router.yml', '--run-id', 'cli-e2e');
    expect(switched.code).toBe(0);
    expect(switched.stdout).toMatch(/^PASS: green is live \(switched from blue in .+, verified\)\n/);
    const bad = await cli('swich', '--config', 'router.yml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'ubos-actions blue-green-switch: the first argument must be one of status, switch, canary, rollback, promote, abort; got "swich" (did you mean "switch"?)\n'
    );
  });
});
