import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import {
  recoverInterrupted,
  type RecoveryOptions,
  type TrafficMove
} from '../../actions/blue-green-switch/src/engine/operations.js';
import { haproxyRig, readJson, shares, type Rig } from './fixtures.js';

// The post step's engine call, on a real HAProxy: what a run killed mid-change leaves behind is put back.
describe('recoverInterrupted', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await haproxyRig();
  });
  afterAll(async () => {
    await rig?.stop();
  }, 30_000);

  const recover = (options: Partial<RecoveryOptions>) =>
    recoverInterrupted({ config: rig.config(), runId: 'killed', env: {}, cwd: rig.dir, lockTimeoutMs: 0, ...options });
  const state = () => readJson(path.join(rig.dir, 'router.state.json')) as Record<string, unknown>;
  const BLUE = { blue: 100, green: 0 };
  const paused = () => ({
    from: 'blue',
    to: 'green',
    steps: [50, 100],
    stepIndex: 1,
    fromWeights: BLUE,
    startedAt: new Date().toISOString(),
    runId: 'earlier'
  });

  it('puts a canary of the interrupted run back, verified; a second time finds it back already', async () => {
    const moves: TrafficMove[] = [];
    // What a canary killed during its first step's wait leaves: the state file says step 1 of it is applied.
    const paused = await rig.run({
      operation: 'canary',
      steps: [50],
      judge: false,
      runId: 'killed',
      onTrafficMove: (m) => moves.push(m)
    });
    expect(paused.canary).toMatchObject({ runId: 'killed', fromWeights: BLUE });
    expect(moves).toEqual([{ operation: 'canary', restore: BLUE }]);
    const first = await recover({ restore: moves[0]!.restore });
    expect(first).toMatchObject({
      verdict: 'pass',
      rolledBack: true,
      live: 'blue',
      weights: BLUE,
      message: 'put traffic back on blue 100 / green 0 after the interrupted run (verified)'
    });
    expect(first.timeline.map((e) => e.phase)).toEqual(['note', 'apply', 'verify', 'drain']);
    expect(state()).toMatchObject({ live: 'blue', canary: null, weights: BLUE, lastOperation: 'abort' });
    expect(await shares(rig.url, 6)).toEqual({ blue: 6 });
    const again = await recover({ restore: BLUE });
    expect(again).toMatchObject({
      verdict: 'pass',
      rolledBack: false,
      message: 'traffic is already back on blue 100 / green 0 (verified)'
    });
  });

  it('an interrupted switch (nothing in the state file yet) goes back to the weights it reported', async () => {
    // The router has green while the state file still names another run: the switch never recorded its end.
    await rig.run({ operation: 'switch', to: 'green', runId: 'earlier' });
    const result = await recover({ restore: BLUE });
    expect(result).toMatchObject({ verdict: 'pass', rolledBack: true, live: 'blue' });
    expect(await shares(rig.url, 6)).toEqual({ blue: 6 });
  });

  it('leaves a change the run had finished, and a canary of another run', async () => {
    await rig.run({ operation: 'switch', to: 'green', runId: 'killed' });
    expect(await recover({ restore: BLUE })).toMatchObject({
      verdict: 'pass',
      rolledBack: false,
      message: 'nothing to put back: the run had finished its switch'
    });
    expect(await shares(rig.url, 4)).toEqual({ green: 4 });
    await rig.run({ operation: 'canary', steps: [50], judge: false, runId: 'someone-else' });
    expect(await recover({})).toMatchObject({ message: 'nothing to put back: the interrupted run recorded no change' });
    await rig.run({ operation: 'abort' });
    await rig.run({ operation: 'switch', to: 'blue' });
  });

  it('an interrupted promote of an earlier run’s canary goes all the way back', async () => {
    await rig.run({ operation: 'canary', steps: [50], judge: false, runId: 'earlier' });
    // What a promote killed after its 100 % step leaves: the router on green, the earlier run's canary recorded.
    const promoted = await rig.run({ operation: 'promote', runId: 'killed' });
    expect(promoted.live).toBe('green');
    const file = path.join(rig.dir, 'router.state.json');
    const saved = readJson(file) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify({ ...saved, canary: { ...paused(), runId: 'earlier' } }));
    const result = await recover({ restore: BLUE });
    expect(result).toMatchObject({ verdict: 'pass', rolledBack: true, live: 'blue', canary: null });
    expect(await shares(rig.url, 4)).toEqual({ blue: 4 });
  });

  it('takes over the lock the killed run left', async () => {
    await rig.run({ operation: 'canary', steps: [50], judge: false, runId: 'killed' });
    const gone = spawnSync('true').pid;
    const lock = `${path.join(rig.dir, 'router.state.json')}.lock`;
    fs.writeFileSync(
      lock,
      JSON.stringify({ pid: gone, host: hostname(), runId: 'killed', startedAt: 'x', token: 't' })
    );
    const result = await recover({ restore: BLUE });
    expect(result).toMatchObject({ verdict: 'pass', rolledBack: true, warnings: [] });
    expect(result.timeline[0]!.message).toMatch(/^took over a stale lock .*: its process \d+ \(run killed\) is gone$/);
    expect(fs.existsSync(lock)).toBe(false);
  });
});
