import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { nginxRig, readJson, shares, startLoad, type Rig } from './fixtures.js';

// nginx.switch: njs against a real nginx with the njs module (libnginx-mod-http-js; the harness fails naming it when
// it is missing): the weights file is the switch, nginx is never reloaded, so keep-alive clients lose nothing.
const JUDGE = {
  minRequests: 5,
  confidence: 0.95,
  maxErrorRateIncrease: 0.01,
  maxLatencyIncrease: 0.25,
  minLatencyIncreaseMs: 5,
  onInconclusive: 'continue' as const
};

/** One GET through the router on its own connection, resolving when the response has ended. */
function slowGet(url: string): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.headers['x-color'] ?? `status ${res.statusCode}`)));
    });
    req.on('error', (e) => resolve(`error ${e.message}`));
  });
}

describe('blue-green-switch on nginx with nginx.switch: njs', () => {
  let rig: Rig;
  let workers: number[];
  beforeAll(async () => {
    rig = await nginxRig({ njs: true });
    workers = rig.nginx!.workerPids();
  });
  afterAll(async () => {
    await rig?.stop();
  }, 30_000);

  const weightsFile = () => rig.config().nginx!.weightsFile;

  it('status reads the weights from the weights file the njs script reads', async () => {
    const result = await rig.run({ operation: 'status' });
    expect(result).toMatchObject({ verdict: 'pass', live: 'blue', weights: { blue: 100, green: 0 } });
    expect(result.timeline[0]!.message).toContain(`weights file ${weightsFile()}`);
  });

  it('switches under keep-alive load with no failed request and no reload, then blue can go at once', async () => {
    const load = startLoad(`${rig.url}/version`, 8);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const result = await rig.run({ operation: 'switch', to: 'green' });
    // Blue is redeployed the moment the switch returns: from now on every request reaching it fails.
    rig.blue.set({ errorRate: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { sent, failed, retried, kinds } = await load.stop();
    rig.blue.set({ errorRate: 0 });
    expect(result).toMatchObject({ verdict: 'pass', live: 'green', weights: { blue: 0, green: 100 } });
    expect(result.timeline.map((e) => e.phase)).toEqual(['pre-check', 'apply', 'verify', 'drain']);
    expect(result.timeline.find((e) => e.phase === 'apply')!.message).toMatch(/\(njs, no reload\)$/);
    expect(result.timeline.find((e) => e.phase === 'drain')).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^nginx has no connection open to blue: nothing in flight/)
    });
    expect(readJson(weightsFile())).toEqual({ blue: 0, green: 100 });
    // No reload: the same workers serve, and not one keep-alive connection was closed under the clients.
    expect(rig.nginx!.workerPids()).toEqual(workers);
    expect(sent).toBeGreaterThan(50);
    expect({ failed, retried, kinds }).toEqual({ failed: 0, retried: 0, kinds: {} });
  });

  it('honours 0 and 100 exactly: not one request reaches the colour at 0 %', async () => {
    const before = rig.blue.requests();
    expect(await shares(`${rig.url}/version`, 60)).toEqual({ green: 60 });
    expect(rig.blue.requests()).toBe(before);
  });

  it('drain waits for a request that picked blue before the switch to finish', async () => {
    await rig.run({ operation: 'rollback' });
    rig.blue.set({ latencyMs: 1200 });
    const slow = slowGet(`${rig.url}/slow`);
    while (rig.blue.inFlight() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const result = await rig.run({ operation: 'switch', to: 'green' });
    const inFlightAtReturn = rig.blue.inFlight();
    rig.blue.set({ latencyMs: 0 });
    expect(await slow).toBe('blue');
    expect(result.verdict).toBe('pass');
    expect(inFlightAtReturn).toBe(0);
    const drain = result.timeline.find((e) => e.phase === 'drain')!;
    expect(drain.ok).toBe(true);
    expect(drain.durationMs).toBeGreaterThan(300);
  });

  it('rolls back and runs a canary 10, 50, 100 under load with no failed request, judged from the access log', async () => {
    const load = startLoad(`${rig.url}/version`, 4);
    const back = await rig.run({ operation: 'rollback' });
    expect(back).toMatchObject({ verdict: 'pass', live: 'blue', rolledBack: true });
    const result = await rig.run({ operation: 'canary', steps: [10, 50, 100], stepWaitMs: 400, judge: JUDGE });
    const { failed, retried, kinds } = await load.stop();
    expect(result).toMatchObject({ live: 'green', weights: { blue: 0, green: 100 }, canary: null });
    expect(result.verdict).not.toBe('fail');
    expect(result.timeline.filter((e) => e.phase === 'verify').map((e) => e.weights)).toEqual([
      { blue: 90, green: 10 },
      { blue: 50, green: 50 },
      { blue: 0, green: 100 }
    ]);
    const judged = result.timeline.filter((e) => e.phase === 'judge');
    expect(judged).toHaveLength(2);
    expect(judged[0]!.judge!.source).toMatch(/^nginx access log .*bgs\.json$/);
    const first = judged[0]!.judge!.perColor;
    expect(first.green!.requests).toBeGreaterThan(0);
    expect(first.blue!.requests).toBeGreaterThan(first.green!.requests);
    expect(rig.nginx!.workerPids()).toEqual(workers);
    expect({ failed, retried, kinds }).toEqual({ failed: 0, retried: 0, kinds: {} });
  });

  it('reads back what the script reads: a weights file changed by hand is what status reports', async () => {
    const file = weightsFile();
    const saved = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, '{"blue":100,"green":0}\n');
    try {
      const result = await rig.run({ operation: 'status' });
      expect(result).toMatchObject({ live: 'blue', weights: { blue: 100, green: 0 } });
      expect(result.warnings).toEqual([expect.stringMatching(/^the router has blue 100 \/ green 0 but the state/)]);
      expect(await shares(`${rig.url}/version`, 10)).toEqual({ blue: 10 });
      fs.writeFileSync(file, '{"blue":60,"green":30}\n');
      await expect(rig.run({ operation: 'status' })).rejects.toThrow(
        `weights file ${file}: weights must sum to 100; got 90`
      );
    } finally {
      fs.writeFileSync(file, saved);
    }
  });

  it('an unreadable weights file answers 502 and says why in the error log, never another colour', async () => {
    const file = weightsFile();
    const saved = fs.readFileSync(file, 'utf8');
    fs.rmSync(file);
    try {
      expect(await shares(`${rig.url}/version`, 3)).toEqual({ 'status 502': 3 });
      expect(rig.nginx!.errorLog()).toContain(`ubos blue-green-switch: cannot read ${file}`);
    } finally {
      fs.writeFileSync(file, saved);
    }
  });

  it('a config that does not proxy to the njs variable is refused before anything changes', async () => {
    const conf = rig.config().nginx!.config;
    const text = fs.readFileSync(conf, 'utf8');
    const include = fs.readFileSync(rig.upstreamFile!, 'utf8');
    fs.writeFileSync(conf, text.replace('proxy_pass http://$ubos_bgs_app;', 'proxy_pass http://app__green;'));
    try {
      await expect(rig.run({ operation: 'switch', to: 'blue' })).rejects.toThrow(
        /^nothing in \S+nginx\.conf proxies to the colour njs picks: write "proxy_pass http:\/\/\$ubos_bgs_app;"/
      );
    } finally {
      fs.writeFileSync(conf, text);
    }
    expect(fs.readFileSync(rig.upstreamFile!, 'utf8')).toBe(include);
    await expect(
      (async () => {
        rig.rewrite(rig.yaml.replace(/config: \S+/, 'config: /nonexistent/nginx.conf'));
        try {
          await rig.run({ operation: 'status' });
        } finally {
          rig.rewrite(rig.yaml);
        }
      })()
    ).rejects.toThrow('nginx config /nonexistent/nginx.conf does not exist');
  });

  it('a router config nginx rejects changes nothing: include, script and weights file stay as they were', async () => {
    const files = [rig.upstreamFile!, rig.config().nginx!.scriptFile, weightsFile()];
    const before = files.map((f) => fs.readFileSync(f, 'utf8'));
    const live = (await rig.run({ operation: 'status' })).live!;
    rig.rewrite(rig.yaml.replace('  upstream: app\n', '  upstream: app\n  server-options: bogus_option=1\n'));
    try {
      await expect(rig.run({ operation: 'switch' })).rejects.toThrow(
        /^nginx -T .* invalid parameter "bogus_option=1".*nothing was changed/
      );
    } finally {
      rig.rewrite(rig.yaml);
    }
    expect(files.map((f) => fs.readFileSync(f, 'utf8'))).toEqual(before);
    expect(await shares(`${rig.url}/version`, 5)).toEqual({ [live]: 5 });
    expect(rig.nginx!.workerPids()).toEqual(workers);
  });

  it('an include written after nginx loaded its config (a run killed half way) is adopted again, with a reload', async () => {
    const now = new Date();
    fs.utimesSync(rig.upstreamFile!, now, now);
    const live = (await rig.run({ operation: 'status' })).live!;
    const result = await rig.run({ operation: 'switch' });
    expect(result.verdict).toBe('pass');
    expect(result.live).not.toBe(live);
    expect(result.timeline.find((e) => e.phase === 'apply')!.message).toMatch(/^adopted njs mode: .*reloaded pid/);
    const after = rig.nginx!.workerPids();
    expect(after.some((pid) => workers.includes(pid))).toBe(false);
    const next = await rig.run({ operation: 'rollback' });
    expect(next.timeline.find((e) => e.phase === 'apply')!.message).toMatch(/\(njs, no reload\)$/);
    expect(rig.nginx!.workerPids()).toEqual(after);
  });
});

describe('adopting nginx.switch: njs on a running reload-mode nginx', () => {
  it('without the njs module: one line naming the package, and every file as it was', async () => {
    const rig = await nginxRig();
    try {
      const conf = rig.config().nginx!.config;
      const include = fs.readFileSync(rig.upstreamFile!, 'utf8');
      fs.writeFileSync(
        conf,
        fs.readFileSync(conf, 'utf8').replace('proxy_pass http://app;', 'proxy_pass http://$ubos_bgs_app;')
      );
      rig.rewrite(
        rig.yaml.replace('  upstream: app\n', '  upstream: app\n  switch: njs\n  keepalive-timeout: 300ms\n')
      );
      await expect(rig.run({ operation: 'switch', to: 'green' })).rejects.toThrow(
        /unknown directive "js_import".*apt-get install libnginx-mod-http-js/
      );
      expect(fs.readFileSync(rig.upstreamFile!, 'utf8')).toBe(include);
      expect(fs.readdirSync(path.dirname(rig.upstreamFile!)).filter((f) => /\.(js|json)$/.test(f))).toEqual([]);
    } finally {
      await rig.stop();
    }
  }, 30_000);

  it('with the module: the first switch writes the include through nginx -t and one reload, later ones do not reload', async () => {
    const rig = await nginxRig({ modules: ['ngx_http_js_module'] });
    try {
      expect((await rig.run({ operation: 'switch', to: 'green' })).verdict).toBe('pass');
      const conf = rig.config().nginx!.config;
      const original = fs.readFileSync(conf, 'utf8');
      rig.rewrite(
        rig.yaml.replace('  upstream: app\n', '  upstream: app\n  switch: njs\n  keepalive-timeout: 300ms\n')
      );
      // Still proxying to the reload-mode upstream: nginx -t with the njs include fails, nothing changes.
      const include = fs.readFileSync(rig.upstreamFile!, 'utf8');
      await expect(rig.run({ operation: 'switch', to: 'blue' })).rejects.toThrow(
        /host not found in upstream "app".*proxy_pass http:\/\/\$ubos_bgs_app;/
      );
      expect(fs.readFileSync(rig.upstreamFile!, 'utf8')).toBe(include);
      expect(fs.readdirSync(path.dirname(rig.upstreamFile!)).filter((f) => /\.(js|json)$/.test(f))).toEqual([]);

      fs.writeFileSync(conf, original.replace('proxy_pass http://app;', 'proxy_pass http://$ubos_bgs_app;'));
      const before = rig.nginx!.workerPids();
      const adopted = await rig.run({ operation: 'switch', to: 'blue' });
      expect(adopted).toMatchObject({ verdict: 'pass', live: 'blue', previous: 'green' });
      expect(adopted.timeline.find((e) => e.phase === 'apply')!.message).toMatch(
        /^adopted njs mode: wrote blue 100 \/ green 0 to .*nginx -t ok, reloaded pid \d+/
      );
      const after = rig.nginx!.workerPids();
      expect(after.some((pid) => before.includes(pid))).toBe(false);
      expect(fs.readFileSync(rig.upstreamFile!, 'utf8')).toContain('js_set $ubos_bgs_app ubos_bgs_app.pick;');

      const load = startLoad(`${rig.url}/version`, 4);
      const next = await rig.run({ operation: 'switch', to: 'green' });
      const { failed, retried } = await load.stop();
      expect(next.timeline.find((e) => e.phase === 'apply')!.message).toMatch(/\(njs, no reload\)$/);
      expect(rig.nginx!.workerPids()).toEqual(after);
      expect({ failed, retried }).toEqual({ failed: 0, retried: 0 });
      expect(await shares(`${rig.url}/version`, 5)).toEqual({ green: 5 });
    } finally {
      await rig.stop();
    }
  }, 60_000);
});
