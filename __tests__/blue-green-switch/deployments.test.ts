import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { createGitHubDeployments } from '../../actions/blue-green-switch/src/engine/deployments.js';
import { recoverInterrupted } from '../../actions/blue-green-switch/src/engine/operations.js';
import { createOctokit } from '../../shared/src/actions/octokit.js';
import { startFaultServer } from '../harness/fault-server.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { haproxyRig, type Rig } from './fixtures.js';

const SHA = 'c'.repeat(40);
/** The commit of a later release, whose canary fails. */
const RELEASE = 'd'.repeat(40);

// Deployment records of real switches (HAProxy) in the GitHub API emulator, through the shared Octokit factory.
describe('GitHub Deployments', () => {
  let api: GitHubApi;
  let rig: Rig;
  beforeAll(async () => {
    api = await startGitHubApi({ fixtures: { repos: [{ owner: 'acme', name: 'shop', branches: { main: SHA } }] } });
    rig = await haproxyRig();
  });
  afterAll(async () => {
    await rig?.stop();
    await api?.stop();
  }, 30_000);

  const recorder = (ref = SHA) =>
    createGitHubDeployments({
      api: createOctokit({ token: api.token, baseUrl: api.url, requestSpacing: false, retryAfterBaseValue: 1 }),
      owner: 'acme',
      repo: 'shop',
      ref,
      environment: 'production',
      logUrl: 'https://github.com/acme/shop/actions/runs/42'
    });
  const repo = () => api.state.repo('acme', 'shop');
  const statesOf = (id: number) =>
    repo()
      .deploymentStatuses.get(id)!
      .map((s) => s.state);

  it('records a switch, a rollback (marking the replaced one inactive) and a failed canary', async () => {
    const switched = await rig.run({ operation: 'switch', deployments: recorder() });
    expect(switched.verdict).toBe('pass');
    const first = repo().deployments[0]!;
    expect(switched.deploymentId).toBe(first.id);
    expect(first).toMatchObject({
      sha: SHA,
      environment: 'production',
      task: 'deploy',
      payload: { color: 'green', previous: 'blue', weights: { blue: 0, green: 100 }, rollback: false }
    });
    expect(statesOf(first.id)).toEqual(['in_progress', 'success']);
    const success = repo().deploymentStatuses.get(first.id)![1]!;
    expect(success).toMatchObject({
      environment_url: rig.url,
      log_url: 'https://github.com/acme/shop/actions/runs/42',
      description: 'green is live'
    });
    const body = api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/deployments'))!.body as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({ required_contexts: [], auto_merge: false });
    expect(JSON.parse(fs.readFileSync(path.join(rig.dir, 'router.state.json'), 'utf8')).deploymentId).toBe(first.id);

    const rolledBack = await rig.run({ operation: 'rollback', deployments: recorder() });
    const second = repo().deployments[1]!;
    expect(rolledBack.deploymentId).toBe(second.id);
    expect(second).toMatchObject({
      task: 'deploy:rollback',
      payload: { color: 'blue', previous: 'green', weights: { blue: 100, green: 0 }, rollback: true }
    });
    expect(statesOf(second.id)).toEqual(['in_progress', 'success']);
    expect(statesOf(first.id)).toEqual(['in_progress', 'success', 'inactive']);

    // A canary whose gate fails: recorded as a failure, then the automatic rollback as a deployment of its own
    // (what gives dora-report the recovery and the rework), which replaces the one that was live.
    const health = await startFaultServer({ routes: { '/health': { type: 'statuses', statuses: [200, 503] } } });
    const gate = {
      path: path.join(rig.dir, 'gate.yml'),
      text: `deadline: 2s\ndefaults: {interval: 100ms, failure-threshold: 1}\nchecks:\n  - {type: http, url: "${health.url}/health"}\n`
    };
    const failed = await rig.run({
      operation: 'canary',
      steps: [50, 100],
      stepWaitMs: 50,
      judge: false,
      gate,
      deployments: recorder(RELEASE)
    });
    await health.stop();
    expect(failed.verdict).toBe('fail');
    const third = repo().deployments[2]!;
    expect(statesOf(third.id)).toEqual(['in_progress', 'failure']);
    expect(repo().deploymentStatuses.get(third.id)![1]!.description).toMatch(
      /^rolled back to blue: canary step 1 of 2 failed: gate failed/
    );
    expect(third.sha).toBe(RELEASE);
    // The rollback carries the commit of the deployment it puts back, not the failed release's.
    const rollback = repo().deployments[3]!;
    expect(rollback).toMatchObject({
      sha: second.sha,
      task: 'deploy:rollback',
      payload: { color: 'blue', previous: 'green', rollback: true }
    });
    expect(statesOf(rollback.id)).toEqual(['in_progress', 'success']);
    expect(repo().deployments).toHaveLength(4);
    expect(statesOf(second.id)).toEqual(['in_progress', 'success', 'inactive']);
    expect(failed.deploymentId).toBe(third.id);
  });

  it("every rollback and abort records the commit of the deployment it puts back, not the run's own", async () => {
    const sha = (c: string) => c.repeat(40);
    const latest = () => repo().deployments.at(-1)!;
    const state = () =>
      JSON.parse(fs.readFileSync(path.join(rig.dir, 'router.state.json'), 'utf8')) as Record<string, unknown>;
    const live = (await rig.run({ operation: 'status' })).live;
    // Two releases: A goes live, then B replaces it.
    await rig.run({ operation: 'switch', deployments: recorder(sha('a')) });
    const a = latest();
    await rig.run({ operation: 'switch', deployments: recorder(sha('b')) });
    const b = latest();
    expect(state()).toMatchObject({ live, deploymentId: b.id, previousDeploymentId: a.id });

    // A manual rollback in a run of an unrelated commit (workflow_dispatch on main): A's commit is live again.
    const rolledBack = await rig.run({ operation: 'rollback', deployments: recorder(sha('e')) });
    expect(rolledBack).toMatchObject({ verdict: 'pass', rolledBack: true });
    const rollback = latest();
    expect(rollback).toMatchObject({ sha: a.sha, task: 'deploy:rollback', payload: { rollback: true } });
    expect(state()).toMatchObject({ deploymentId: rollback.id, previousDeploymentId: b.id });

    // Release F, then a canary of G aborted by hand: F's commit is live again.
    await rig.run({ operation: 'switch', deployments: recorder(sha('f')) });
    const f = latest();
    await rig.run({ operation: 'canary', steps: [25], stepWaitMs: 50, judge: false, deployments: recorder(sha('1')) });
    const aborted = await rig.run({ operation: 'abort', deployments: recorder(sha('e')) });
    expect(aborted).toMatchObject({ verdict: 'pass', rolledBack: true });
    const abort = latest();
    expect(abort).toMatchObject({ sha: f.sha, task: 'deploy:rollback' });

    // The post step's rollback of an interrupted canary: the abort's deployment (F's commit) is what goes back.
    await rig.run({ operation: 'canary', steps: [25], stepWaitMs: 50, judge: false, deployments: recorder(sha('2')) });
    const interrupted = latest();
    const recovered = await recoverInterrupted({
      config: rig.config(),
      runId: 'test-run',
      deploymentId: interrupted.id,
      env: {},
      cwd: rig.dir,
      deployments: recorder(sha('e'))
    });
    expect(recovered).toMatchObject({ verdict: 'pass', rolledBack: true });
    expect(statesOf(interrupted.id)).toEqual(['in_progress', 'failure']);
    expect(latest()).toMatchObject({ sha: f.sha, task: 'deploy:rollback', payload: { rollback: true } });
    expect(repo().deployments.filter((d) => d.sha === sha('e'))).toEqual([]);
  });

  it('a GitHub API that fails does not fail the switch: it becomes a warning', async () => {
    api.failNext(10, 500);
    const result = await rig.run({ operation: 'switch', deployments: recorder() });
    api.clearFaults();
    expect(result).toMatchObject({ verdict: 'warn', live: 'green' });
    expect(result.warnings).toEqual([expect.stringMatching(/^could not record a GitHub deployment: /)]);
    expect(result.deploymentId).toBeUndefined();
  });
});
