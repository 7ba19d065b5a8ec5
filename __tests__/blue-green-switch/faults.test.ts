import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { describeSocketError } from '../../actions/blue-green-switch/src/routers/support/haproxy-api.js';
import { runOperation } from '../../actions/blue-green-switch/src/engine/operations.js';
import { parseRouterConfig } from '../../actions/blue-green-switch/src/engine/config.js';
import { startFaultServer, type FaultServer } from '../harness/fault-server.js';
import { startHaproxy, renderHaproxyConfig } from '../harness/haproxy.js';
import { freePort } from '../harness/ports.js';
import { haproxyRig, nginxRig, shares, tempDir, type Rig } from './fixtures.js';

// The list of bad inputs and faults: each one is a single clear line, and nothing is left half switched.

function gateFile(rig: Rig, url: string): { path: string; text: string } {
  const text = `deadline: 5s
defaults: { interval: 100ms, timeout: 1s, failure-threshold: 1 }
checks:
  - name: app-health
    type: http
    url: ${url}
`;
  return { path: path.join(rig.dir, 'gate.yml'), text };
}

describe('faults on HAProxy', () => {
  let rig: Rig;
  const extra: { stop(): Promise<void> }[] = [];
  beforeAll(async () => {
    rig = await haproxyRig();
  });
  afterEach(async () => {
    // Every test leaves blue live; a test that failed half way is reset here.
    fs.rmSync(path.join(rig.dir, 'router.state.json'), { force: true });
    await rig.haproxy!.command('set server app/blue1 weight 100');
    await rig.haproxy!.command('set server app/green1 weight 0');
    rig.green.set({ errorRate: 0, healthy: true, latencyMs: 0 });
    await Promise.all(extra.splice(0).map((s) => s.stop()));
  });
  afterAll(async () => {
    await rig?.stop();
  }, 30_000);

  it('an unknown colour is refused before anything moves', async () => {
    await expect(rig.run({ operation: 'switch', to: 'purple' })).rejects.toThrow(
      'unknown colour "purple"; the router config defines blue, green'
    );
  });

  it('a target colour whose servers are down is refused (pre-switch check), traffic stays', async () => {
    const config = rig.config();
    const port = await freePort();
    const down = parseRouterConfig({
      text: fs
        .readFileSync(rig.configFile, 'utf8')
        .replace('servers: [green1]', `servers: [green1]\n    url: http://127.0.0.1:${port}`),
      path: rig.configFile,
      cwd: rig.dir,
      env: {}
    });
    expect(config.colors[1]!.urls).toEqual([]);
    const result = await runOperation({
      operation: 'switch',
      config: down,
      runId: 't',
      env: {},
      cwd: rig.dir,
      lockTimeoutMs: 0
    });
    expect(result.verdict).toBe('fail');
    expect(result.message).toBe(
      `refusing to switch to green: GET http://127.0.0.1:${port}/version failed after 3 attempts: connection refused`
    );
    expect(result.weights).toEqual({ blue: 100, green: 0 });
    expect(await shares(rig.url, 4)).toEqual({ blue: 4 });
  });

  it('a target colour that fails the pre-switch gate is refused', async () => {
    rig.green.set({ healthy: false });
    const result = await rig.run({ operation: 'switch', gate: gateFile(rig, '${BGS_TARGET_URL}/health') });
    expect(result.verdict).toBe('fail');
    expect(result.message).toMatch(/^refusing to switch to green: gate failed on green \(direct\): app-health: /);
    expect(result.timeline.map((e) => e.phase)).toEqual(['pre-check', 'gate']);
    expect(await shares(rig.url, 4)).toEqual({ blue: 4 });
  });

  it('a gate failing at step 2 puts traffic back on blue, verified', async () => {
    // The gate endpoint passes the direct check and step 1, then fails from step 2 on.
    const health: FaultServer = await startFaultServer({
      routes: { '/health': { type: 'statuses', statuses: [200, 200, 503] } }
    });
    extra.push(health);
    const result = await rig.run({
      operation: 'canary',
      steps: [10, 50, 100],
      stepWaitMs: 50,
      judge: false,
      gate: gateFile(rig, `${health.url}/health`)
    });
    expect(result.verdict).toBe('fail');
    expect(result.rolledBack).toBe(true);
    expect(result.message).toMatch(
      /^canary step 2 of 3 failed: gate failed on green \(router\): app-health: .*; traffic back on blue 100 \/ green 0 \(verified\)$/
    );
    const phases = result.timeline.map((e) => `${e.phase}${e.step ?? ''}:${e.ok ? 'ok' : 'x'}`);
    expect(phases).toEqual([
      'pre-check:ok',
      'gate:ok',
      'apply1:ok',
      'verify1:ok',
      'wait1:ok',
      'gate1:ok',
      'apply2:ok',
      'verify2:ok',
      'wait2:ok',
      'gate2:x',
      'apply:ok',
      'verify:ok',
      'restore:ok'
    ]);
    expect(result).toMatchObject({ live: 'blue', weights: { blue: 100, green: 0 }, canary: null });
    expect(await shares(rig.url, 6)).toEqual({ blue: 6 });
  });

  it('a judge failing at step 2 puts traffic back on blue, verified', async () => {
    // Green is fine at step 1 and starts failing one request in five after it (its next deploy, say).
    const load = (await import('./fixtures.js')).startLoad(`${rig.url}/version`, 4);
    try {
      const result = await rig.run({
        operation: 'canary',
        steps: [10, 50, 100],
        stepWaitMs: 600,
        judge: {
          minRequests: 20,
          confidence: 0.95,
          maxErrorRateIncrease: 0.01,
          maxLatencyIncrease: 0.25,
          minLatencyIncreaseMs: 20,
          onInconclusive: 'continue'
        },
        log: (line) => {
          if (/^✓ judge 1:/.test(line)) rig.green.set({ errorRate: 0.2 });
        }
      });
      expect(result.verdict).toBe('fail');
      expect(result.message).toMatch(
        /^judge fail at step 2 \(50% green\): error rate .* vs 0\.00% .*; traffic back on blue 100 \/ green 0 \(verified\)$/
      );
      expect(result.timeline.filter((e) => e.phase === 'judge').map((e) => e.judge!.verdict)).toEqual(['pass', 'fail']);
      expect(result.judge!.perColor.green!.errors).toBeGreaterThan(0);
      expect(result.rolledBack).toBe(true);
    } finally {
      await load.stop();
    }
    expect(await shares(rig.url, 6)).toEqual({ blue: 6 });
  });

  it('a run cancelled mid-step puts traffic back on blue before it returns', async () => {
    const stop = new AbortController();
    const result = await rig.run({
      operation: 'canary',
      steps: [50, 100],
      stepWaitMs: 10_000,
      judge: false,
      signal: stop.signal,
      log: (line) => {
        if (/^✓ verify 1:/.test(line)) setTimeout(() => stop.abort(), 50);
      }
    });
    expect(result.message).toBe(
      'canary step 1 of 2 failed: the run was cancelled; traffic back on blue 100 / green 0 (verified)'
    );
    expect(result.rolledBack).toBe(true);
    expect(await shares(rig.url, 4)).toEqual({ blue: 4 });
  });

  it('two runs at once: the second fails in one line at once, or waits for the first', async () => {
    const first = rig.run({ operation: 'canary', steps: [50], stepWaitMs: 800, judge: false, runId: 'run-1' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(rig.run({ operation: 'switch', runId: 'run-2', lockTimeoutMs: 0 })).rejects.toThrow(
      /^run run-1 \(pid \d+ on .+\) since .+ is switching this router \(lock .*router\.state\.json\.lock\); not waiting \(lock-timeout 0\)$/
    );
    const waiting = rig.run({ operation: 'abort', runId: 'run-3', lockTimeoutMs: 10_000 });
    expect((await first).canary).toMatchObject({ to: 'green', steps: [50] });
    expect(await waiting).toMatchObject({ verdict: 'pass', live: 'blue', rolledBack: true });
  });

  it('a stale lock of a dead run is taken over', async () => {
    fs.writeFileSync(
      path.join(rig.dir, 'router.state.json.lock'),
      JSON.stringify({
        pid: 999_999_999,
        host: (await import('node:os')).hostname(),
        runId: 'dead',
        startedAt: 'then',
        token: 'x'
      })
    );
    const result = await rig.run({ operation: 'switch', lockTimeoutMs: 0 });
    expect(result.verdict).toBe('warn');
    expect(result.warnings[0]).toMatch(/took over a stale lock .*: its process 999999999 \(run dead\) is gone/);
    expect(result.live).toBe('green');
  });

  it('a corrupt, foreign or impossible state file is one clear error', async () => {
    const file = path.join(rig.dir, 'router.state.json');
    fs.writeFileSync(file, '{"live": "blu');
    await expect(rig.run({ operation: 'switch' })).rejects.toThrow(
      `state file ${file} is corrupt (not JSON); move it away to start again from what the router has now`
    );
    fs.writeFileSync(file, JSON.stringify({ schema: 'something-else', live: 'blue' }));
    await expect(rig.run({ operation: 'rollback' })).rejects.toThrow(
      /is not a blue-green-switch state \(schema "something-else"/
    );
    const foreign = {
      schema: 'ubos/blue-green-switch/state@1',
      router: 'haproxy:/elsewhere.sock#app',
      live: 'blue',
      weights: { blue: 100, green: 0 }
    };
    fs.writeFileSync(file, JSON.stringify(foreign));
    await expect(rig.run({ operation: 'status' })).rejects.toThrow(
      /belongs to another router \(haproxy:\/elsewhere\.sock#app\), not haproxy:.*admin\.sock#app; give this router its own state-file$/
    );
    const own = { ...foreign, router: `haproxy:${rig.haproxy!.socket}#app`, weights: { blue: 70, green: 70 } };
    fs.writeFileSync(file, JSON.stringify(own));
    await expect(rig.run({ operation: 'rollback' })).rejects.toThrow(/weights must sum to 100; got 140/);
    fs.writeFileSync(file, JSON.stringify({ ...own, weights: { blue: 100, green: 0 }, live: 'purple' }));
    await expect(rig.run({ operation: 'rollback' })).rejects.toThrow(
      /live "purple" is not a colour of the router config/
    );
    expect(await shares(rig.url, 2)).toEqual({ blue: 2 });
  });

  it('nothing to roll back to on a first run', async () => {
    await expect(rig.run({ operation: 'rollback' })).rejects.toThrow(
      /^nothing to roll back to: .*router\.state\.json records no previous state$/
    );
  });

  it('a server missing from the backend, or a backend that does not exist, is named', async () => {
    rig.rewrite(fs.readFileSync(rig.configFile, 'utf8').replace('servers: [green1]', 'servers: [green9]'));
    await expect(rig.run({ operation: 'status' })).rejects.toThrow(
      'server green9 (colour green) is not in HAProxy backend app (it has blue1, green1)'
    );
    rig.rewrite(rig.yaml.replace('backend: app', 'backend: shop'));
    await expect(rig.run({ operation: 'status' })).rejects.toThrow(
      `HAProxy has no backend "shop" (haproxy.backend in ${rig.configFile})`
    );
    rig.rewrite(rig.yaml);
  });
});

describe('HAProxy not running or not ours to drive', () => {
  it('a missing socket, a refused socket and a socket below level admin are one line each', async () => {
    const dir = tempDir();
    const config = (socket: string) =>
      parseRouterConfig({
        text: `type: haproxy\ncolors: {blue: {servers: [b]}, green: {servers: [g]}}\nverify: {url: http://127.0.0.1:1/, header: x-color}\nhaproxy: {socket: ${socket}, backend: app}\n`,
        path: path.join(dir, 'router.yml'),
        cwd: dir,
        env: {}
      });
    const run = (socket: string) =>
      runOperation({ operation: 'switch', config: config(socket), runId: 't', env: {}, cwd: dir, lockTimeoutMs: 0 });
    await expect(run(path.join(dir, 'nope.sock'))).rejects.toThrow(
      `HAProxy admin socket ${path.join(dir, 'nope.sock')} does not exist: is HAProxy running with "stats socket ${path.join(dir, 'nope.sock')} level admin"?`
    );
    const crashed = await startHaproxy({ servers: [{ name: 'b', address: 1 }] });
    await crashed.crash();
    await expect(run(crashed.socket)).rejects.toThrow(
      `HAProxy is not running: its admin socket ${crashed.socket} refused the connection`
    );
    await crashed.stop();
    // A real socket at "level user": HAProxy itself refuses what a switch needs.
    const user = await startHaproxy({
      servers: [{ name: 'b', address: 1 }],
      config: (context) =>
        renderHaproxyConfig(context, {
          servers: [
            { name: 'b', address: 1 },
            { name: 'g', address: 2 }
          ]
        }).replace(
          `stats socket ${context.socket} mode 600 level admin`,
          `stats socket ${context.socket} mode 600 level admin\n    stats socket ${context.dir}/user.sock mode 600 level user`
        )
    });
    try {
      await expect(run(`${user.dir}/user.sock`)).rejects.toThrow(
        `HAProxy admin socket ${user.dir}/user.sock is "level user"; switching needs "stats socket ${user.dir}/user.sock level admin"`
      );
    } finally {
      await user.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('permission denied on the socket is named as such', () => {
    // Root bypasses socket file modes, so the errno is exercised directly here.
    const error = Object.assign(new Error('connect EACCES /run/haproxy/admin.sock'), { code: 'EACCES' });
    expect(describeSocketError('/run/haproxy/admin.sock', error)).toBe(
      'permission denied on HAProxy admin socket /run/haproxy/admin.sock: run as its owner or widen its mode ("stats socket ... mode 660 group ...")'
    );
  });
});

describe('faults on nginx', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await nginxRig();
  });
  afterAll(async () => {
    await rig?.stop();
  }, 30_000);

  it('an invalid resulting config never reaches a reload: the old file is put back and nginx -t says why', async () => {
    const before = fs.readFileSync(rig.upstreamFile!, 'utf8');
    const workers = rig.nginx!.workerPids();
    rig.rewrite(rig.yaml.replace('  keepalive: 8', '  keepalive: 8\n  server-options: "max_fails=lots"'));
    const result = await rig.run({ operation: 'switch', to: 'green' });
    expect(result.verdict).toBe('fail');
    expect(result.message).toMatch(
      /^switch to green failed: nginx -t exited with 1: \[emerg\] invalid parameter "max_fails=lots" in .*bgs-app\.conf:\d+ \(the upstream file was put back; nginx was not reloaded\); traffic unchanged$/
    );
    expect(fs.readFileSync(rig.upstreamFile!, 'utf8')).toBe(before);
    expect(rig.nginx!.workerPids()).toEqual(workers);
    expect(await shares(rig.url, 4)).toEqual({ blue: 4 });
    rig.rewrite(rig.yaml);
  });

  it('an upstream file the nginx config does not include is refused in one line', async () => {
    const other = path.join(rig.dir, 'not-included.conf');
    rig.rewrite(rig.yaml.replace(/upstream-file: .*/, `upstream-file: ${other}`));
    const conf = rig.config().nginx!.config;
    await expect(rig.run({ operation: 'switch' })).rejects.toThrow(
      `${conf} does not include ${other}: add "include ${other};" inside its http { } block`
    );
    rig.rewrite(rig.yaml);
  });

  it('nginx not running: the pid file names a process that is gone', async () => {
    const pidFile = path.join(rig.dir, 'dead.pid');
    fs.writeFileSync(pidFile, '999999999\n');
    rig.rewrite(rig.yaml.replace('  keepalive: 8', `  keepalive: 8\n  pid-file: ${pidFile}`));
    await expect(rig.run({ operation: 'switch' })).rejects.toThrow(
      `nginx is not running: pid file ${pidFile} names 999999999, which no longer exists`
    );
    fs.rmSync(pidFile);
    await expect(rig.run({ operation: 'switch' })).rejects.toThrow(
      `nginx is not running: no pid file at ${pidFile} (set nginx.pid-file if it lives elsewhere)`
    );
    rig.rewrite(rig.yaml);
    expect(await shares(rig.url, 2)).toEqual({ blue: 2 });
  });
});
