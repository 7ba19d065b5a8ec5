import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import { nginxRig, readJson, shares, startLoad, type Rig } from './fixtures.js';

// Every operation against a real nginx: the upstream file, nginx -t, the graceful reload and its old workers.
describe('blue-green-switch on nginx', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await nginxRig();
  });
  afterAll(async () => {
    await rig?.stop();
  }, 30_000);

  it('status reads the weights from the upstream file the action owns', async () => {
    const result = await rig.run({ operation: 'status' });
    expect(result).toMatchObject({ verdict: 'pass', live: 'blue', weights: { blue: 100, green: 0 } });
  });

  it('switches with nginx -t, a graceful reload and the old workers gone, so blue can go away at once', async () => {
    const load = startLoad(`${rig.url}/version`, 4);
    const before = rig.nginx!.workerPids();
    const result = await rig.run({ operation: 'switch', to: 'green' });
    // Blue is redeployed the moment the switch returns: from now on every request reaching it fails.
    rig.blue.set({ errorRate: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { sent, failed, kinds } = await load.stop();
    rig.blue.set({ errorRate: 0 });
    expect(result).toMatchObject({
      verdict: 'pass',
      live: 'green',
      previous: 'blue',
      weights: { blue: 0, green: 100 }
    });
    expect(result.timeline.map((e) => e.phase)).toEqual(['pre-check', 'apply', 'verify', 'drain']);
    expect(result.timeline.find((e) => e.phase === 'drain')).toMatchObject({
      ok: true,
      message: 'old nginx workers have exited'
    });
    const after = rig.nginx!.workerPids();
    expect(after).toHaveLength(2);
    expect(after.some((pid) => before.includes(pid))).toBe(false);
    const file = fs.readFileSync(rig.upstreamFile!, 'utf8');
    expect(file).toContain(`server ${rig.blue.address} down; # blue`);
    expect(file).toContain(`server ${rig.green.address} weight=1; # green`);
    expect(file).toContain('keepalive 8;');
    expect(await shares(rig.url, 8)).toEqual({ green: 8 });
    expect(sent).toBeGreaterThan(10);
    // No request reached blue after the switch returned, and none got a 5xx. What nginx cannot avoid at a
    // reload is a connection its old worker closes just as a request arrives on it (at most one per connection).
    expect(Object.keys(kinds).filter((kind) => kind !== 'ECONNRESET')).toEqual([]);
    expect(failed).toBeLessThanOrEqual(4);
  });

  it('rolls back to blue instantly and idempotently', async () => {
    const result = await rig.run({ operation: 'rollback' });
    expect(result).toMatchObject({ verdict: 'pass', live: 'blue', previous: 'green', rolledBack: true });
    expect((await rig.run({ operation: 'rollback' })).message).toBe('already rolled back: blue is live');
    expect(await shares(rig.url, 6)).toEqual({ blue: 6 });
  });

  it('runs a canary 10, 50, 100 with exact weighted splits, judged from the JSON access log', async () => {
    const load = startLoad(`${rig.url}/version`, 2);
    const result = await rig.run({
      operation: 'canary',
      steps: [10, 50, 100],
      stepWaitMs: 300,
      judge: {
        minRequests: 5,
        confidence: 0.95,
        maxErrorRateIncrease: 0.01,
        maxLatencyIncrease: 0.25,
        minLatencyIncreaseMs: 5,
        onInconclusive: 'continue'
      }
    });
    await load.stop();
    expect(result).toMatchObject({ live: 'green', weights: { blue: 0, green: 100 }, canary: null });
    expect(result.verdict).not.toBe('fail');
    const files = result.timeline.filter((e) => e.phase === 'verify').map((e) => e.weights);
    expect(files).toEqual([
      { blue: 90, green: 10 },
      { blue: 50, green: 50 },
      { blue: 0, green: 100 }
    ]);
    const judged = result.timeline.filter((e) => e.phase === 'judge');
    expect(judged).toHaveLength(2);
    expect(judged[0]!.judge!.source).toMatch(/^nginx access log .*bgs\.json$/);
    expect(judged[0]!.judge!.perColor.green!.requests).toBeGreaterThan(0);
    expect(judged[0]!.judge!.perColor.blue!.requests).toBeGreaterThan(judged[0]!.judge!.perColor.green!.requests);
    expect(readJson(`${rig.dir}/router.state.json`)).toMatchObject({
      live: 'green',
      previous: 'blue',
      canary: null,
      lastOperation: 'canary'
    });
  });

  it('promote and abort a paused canary', async () => {
    const paused = await rig.run({ operation: 'canary', to: 'blue', steps: [25], stepWaitMs: 50, judge: false });
    expect(paused.canary).toMatchObject({ from: 'green', to: 'blue', stepIndex: 0 });
    expect(fs.readFileSync(rig.upstreamFile!, 'utf8')).toMatch(/weight=1; # blue[\s\S]*weight=3; # green/);
    const aborted = await rig.run({ operation: 'abort' });
    expect(aborted).toMatchObject({ live: 'green', weights: { blue: 0, green: 100 }, rolledBack: true });
    await rig.run({ operation: 'canary', steps: [50], stepWaitMs: 50, judge: false });
    const promoted = await rig.run({ operation: 'promote' });
    expect(promoted).toMatchObject({ verdict: 'pass', live: 'blue', weights: { blue: 100, green: 0 } });
    expect(await shares(rig.url, 4)).toEqual({ blue: 4 });
  });
});
