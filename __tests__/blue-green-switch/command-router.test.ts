import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseRouterConfig } from '../../actions/blue-green-switch/src/engine/config.js';
import { runOperation } from '../../actions/blue-green-switch/src/engine/operations.js';
import { startColorBackend, type ColorBackend } from '../harness/color-backend.js';
import { shares, tempDir } from './fixtures.js';

/**
 * "Any other router": a small weighted proxy in this process that reads its weights from a file, driven by the
 * user's shell commands through the command router (apply gets the weights in BGS_WEIGHT_*; status prints JSON).
 */
describe('command router', () => {
  let blue: ColorBackend;
  let green: ColorBackend;
  let proxy: http.Server;
  let dir: string;
  let url: string;
  const weightsFile = () => path.join(dir, 'weights.json');

  beforeAll(async () => {
    dir = tempDir();
    [blue, green] = await Promise.all([startColorBackend({ color: 'blue' }), startColorBackend({ color: 'green' })]);
    fs.writeFileSync(weightsFile(), '{"blue":100,"green":0}\n');
    const credit: Record<string, number> = { blue: 0, green: 0 };
    proxy = http.createServer((req, res) => {
      // Smooth weighted round robin over the weights in the file.
      const weights = JSON.parse(fs.readFileSync(weightsFile(), 'utf8')) as Record<string, number>;
      for (const c of Object.keys(credit)) credit[c]! += weights[c] ?? 0;
      const pick = Object.keys(credit).sort((a, b) => credit[b]! - credit[a]!)[0]!;
      credit[pick]! -= 100;
      const target = pick === 'blue' ? blue : green;
      http.get(`${target.url}${req.url}`, (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await Promise.all([blue.stop(), green.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const config = (
    status: string,
    apply = 'printf \'{"blue":%s,"green":%s}\' "$BGS_WEIGHT_BLUE" "$BGS_WEIGHT_GREEN" > weights.json && echo applied'
  ) =>
    parseRouterConfig({
      text: `type: command
colors:
  blue: { servers: [b1], url: ${blue.url} }
  green: { servers: [g1], url: ${green.url} }
verify: { url: ${url}/version, json: color, window: 20, timeout: 5s }
command:
  apply: ${JSON.stringify(apply)}
  status: ${JSON.stringify(status)}
  drain: 'test "$BGS_DRAIN_COLORS" != ""'
  timeout: 5s
`,
      path: path.join(dir, 'router.yml'),
      cwd: dir,
      env: {}
    });
  const run = (operation: 'status' | 'switch' | 'canary' | 'rollback', status = 'cat weights.json', apply?: string) =>
    runOperation({
      operation,
      config: config(status, apply),
      runId: 'cmd',
      env: { PATH: process.env.PATH },
      cwd: dir,
      lockTimeoutMs: 0,
      stepWaitMs: 50,
      judge: false,
      steps: [30, 100]
    });

  it('switches, runs a canary and rolls back through the user commands, verified by the version JSON', async () => {
    expect(await run('status')).toMatchObject({ live: 'blue', weights: { blue: 100, green: 0 } });
    const switched = await run('switch');
    expect(switched).toMatchObject({ verdict: 'pass', live: 'green' });
    expect(switched.timeline.find((e) => e.phase === 'apply')!.message).toMatch(/: applied$/);
    expect(switched.timeline.find((e) => e.phase === 'drain')).toMatchObject({
      ok: true,
      message: 'drain command done for blue'
    });
    expect(await shares(`${url}/version`, 4)).toEqual({ green: 4 });
    const canary = await run('canary');
    expect(canary.timeline.filter((e) => e.phase === 'verify').map((e) => e.weights)).toEqual([
      { blue: 30, green: 70 },
      { blue: 100, green: 0 }
    ]);
    expect(await run('rollback')).toMatchObject({ verdict: 'pass', live: 'green', rolledBack: true });
    expect(JSON.parse(fs.readFileSync(weightsFile(), 'utf8'))).toEqual({ blue: 0, green: 100 });
  });

  it('weights out of range or not summing to 100, and status output that is not JSON, are one line each', async () => {
    await expect(run('status', `echo '{"blue": 120, "green": -20}'`)).rejects.toThrow(
      'command router status: weight of blue must be a whole percent between 0 and 100; got 120'
    );
    await expect(run('status', `echo '{"weights": {"blue": 60, "green": 60}}'`)).rejects.toThrow(
      'command router status: weights must sum to 100; got 120 (blue 60 / green 60)'
    );
    await expect(run('status', `echo '{"blue": 50, "purple": 50}'`)).rejects.toThrow(
      'command router status: unknown colour "purple" in weights (known: blue, green)'
    );
    await expect(run('status', 'echo ok')).rejects.toThrow('command router status printed no JSON: "ok"');
    await expect(run('status', 'echo broken >&2; exit 4')).rejects.toThrow(
      'command router status (echo broken >&2; exit 4) exited with 4: broken'
    );
  });

  it('commands see the step’s environment but not the action’s inputs, state or runtime tokens', async () => {
    const status =
      'test -z "$INPUT_GITHUB_TOKEN$STATE_bgs$ACTIONS_RUNTIME_TOKEN" && test "$DEPLOY_ENV" = prod && cat weights.json';
    const result = await runOperation({
      operation: 'status',
      config: config(status),
      runId: 'cmd',
      env: {
        PATH: process.env.PATH,
        DEPLOY_ENV: 'prod',
        INPUT_GITHUB_TOKEN: 'ghs_x',
        STATE_bgs: '{}',
        ACTIONS_RUNTIME_TOKEN: 'rt'
      },
      cwd: dir
    });
    expect(result.verdict).toBe('pass');
  });

  it('a failing apply command leaves traffic where it was', async () => {
    const before = fs.readFileSync(weightsFile(), 'utf8');
    const result = await run('switch', 'cat weights.json', 'echo "router API said no" >&2; exit 3');
    expect(result.verdict).toBe('fail');
    expect(result.message).toBe(
      'switch to blue failed: command router apply (echo "router API said no" >&2; exit 3) exited with 3: router API said no; traffic unchanged'
    );
    expect(fs.readFileSync(weightsFile(), 'utf8')).toBe(before);
  });
});
