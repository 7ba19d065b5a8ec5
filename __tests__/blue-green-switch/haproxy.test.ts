import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import { haproxyRig, readJson, shares, startLoad, type Rig } from './fixtures.js';

// Every operation against a real HAProxy, driven over its runtime API; traffic checked from the outside too.
describe('blue-green-switch on HAProxy', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await haproxyRig();
  });
  afterAll(async () => {
    await rig?.stop();
  }, 30_000);

  it('status reads the live colour from the runtime API', async () => {
    const result = await rig.run({ operation: 'status' });
    expect(result).toMatchObject({ verdict: 'pass', live: 'blue', weights: { blue: 100, green: 0 }, canary: null });
    expect(result.message).toBe('blue is live (blue 100 / green 0)');
  });

  it('switches to the other colour without a reload, verified, and records the state', async () => {
    const workers = rig.haproxy!.workerPids();
    const load = startLoad(`${rig.url}/version`, 4);
    const result = await rig.run({ operation: 'switch' });
    // Blue goes away the moment the switch returns (drained: zero sessions); not one request may fail.
    rig.blue.set({ errorRate: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { sent, failed, retried } = await load.stop();
    rig.blue.set({ errorRate: 0 });
    expect(sent).toBeGreaterThan(10);
    expect({ failed, retried }).toEqual({ failed: 0, retried: 0 });
    expect(result.message).toMatch(/^green is live \(switched from blue in .+, verified\)$/);
    expect(result).toMatchObject({
      verdict: 'pass',
      live: 'green',
      previous: 'blue',
      weights: { blue: 0, green: 100 },
      rolledBack: false
    });
    expect(result.timeline.map((e) => e.phase)).toEqual(['pre-check', 'apply', 'verify', 'drain']);
    expect(result.timeline.find((e) => e.phase === 'verify')!.verify!.shares).toMatchObject({ green: 1, blue: 0 });
    expect(await shares(rig.url, 10)).toEqual({ green: 10 });
    expect(rig.haproxy!.workerPids()).toEqual(workers);
    expect(await rig.haproxy!.command('get weight app/blue1')).toMatch(/^0 /);
    expect(readJson(`${rig.dir}/router.state.json`)).toMatchObject({
      schema: 'ubos/blue-green-switch/state@1',
      live: 'green',
      previous: 'blue',
      weights: { blue: 0, green: 100 },
      previousWeights: { blue: 100, green: 0 },
      lastOperation: 'switch',
      runId: 'test-run'
    });
    expect(fs.existsSync(`${rig.dir}/router.state.json.lock`)).toBe(false);
  });

  it('switching to the live colour is a no-op', async () => {
    const result = await rig.run({ operation: 'switch', to: 'green' });
    expect(result).toMatchObject({ verdict: 'pass', message: 'green is already live; nothing to do' });
  });

  it('rolls back to the saved previous state, and a second rollback is a no-op', async () => {
    const first = await rig.run({ operation: 'rollback' });
    expect(first).toMatchObject({ verdict: 'pass', live: 'blue', previous: 'green', rolledBack: true });
    expect(await shares(rig.url, 6)).toEqual({ blue: 6 });
    const second = await rig.run({ operation: 'rollback' });
    expect(second.message).toBe('already rolled back: blue is live');
    expect(await shares(rig.url, 6)).toEqual({ blue: 6 });
  });

  it('runs a canary 10, 50, 100 with the judge reading HAProxy between steps', async () => {
    const result = await rig.run({
      operation: 'canary',
      steps: [10, 50, 100],
      stepWaitMs: 200,
      judge: {
        minRequests: 5,
        confidence: 0.95,
        maxErrorRateIncrease: 0.01,
        maxLatencyIncrease: 0.25,
        minLatencyIncreaseMs: 5,
        onInconclusive: 'continue'
      }
    });
    expect(result.verdict).not.toBe('fail');
    expect(result).toMatchObject({ live: 'green', previous: 'blue', weights: { blue: 0, green: 100 }, canary: null });
    const verifies = result.timeline.filter((e) => e.phase === 'verify');
    expect(verifies.map((e) => e.weights!.green)).toEqual([10, 50, 100]);
    expect(verifies.every((e) => e.ok)).toBe(true);
    expect(result.timeline.filter((e) => e.phase === 'judge')).toHaveLength(2);
  });

  it('pauses a canary whose schedule stops below 100, then promote finishes it', async () => {
    const paused = await rig.run({ operation: 'canary', steps: [20], stepWaitMs: 100, judge: false });
    expect(paused.message).toMatch(/^canary paused at 20% blue/);
    expect(paused.canary).toMatchObject({ from: 'green', to: 'blue', steps: [20], stepIndex: 0 });
    const status = await rig.run({ operation: 'status' });
    expect(status.verdict).toBe('warn');
    expect(status.message).toMatch(
      /^a canary green → blue is half done \(step 1 of 1, 20% blue, run test-run since .+\): run promote, abort or rollback$/
    );
    await expect(rig.run({ operation: 'switch' })).rejects.toThrow(
      /a canary green → blue is half done .* run promote, abort or rollback first/
    );
    const promoted = await rig.run({ operation: 'promote' });
    expect(promoted).toMatchObject({
      verdict: 'pass',
      live: 'blue',
      previous: 'green',
      weights: { blue: 100, green: 0 },
      canary: null
    });
  });

  it('abort puts a paused canary back on the old colour', async () => {
    await rig.run({ operation: 'canary', steps: [50], stepWaitMs: 50, judge: false });
    expect(await rig.run({ operation: 'status' })).toMatchObject({ weights: { blue: 50, green: 50 } });
    const aborted = await rig.run({ operation: 'abort' });
    expect(aborted).toMatchObject({
      verdict: 'pass',
      live: 'blue',
      weights: { blue: 100, green: 0 },
      rolledBack: true,
      canary: null
    });
    expect(await shares(rig.url, 6)).toEqual({ blue: 6 });
    await expect(rig.run({ operation: 'abort' })).rejects.toThrow('no canary in progress; nothing to abort');
    await expect(rig.run({ operation: 'promote' })).rejects.toThrow('no canary in progress; nothing to promote');
  });
});
