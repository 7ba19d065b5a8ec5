// The driver of bench/blue-green.mjs (which bundles it with ncc and runs it; see there for the why).
// Per router (nginx, HAProxy) and per way of switching (the action's engine; the naive way), under one steady
// autocannon load (50 keep-alive connections): 20 switches, 20 rollbacks, 5 canaries 10/50/100. After every
// change the colour that stopped taking traffic is redeployed (its server restarted), as a blue-green cycle does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseRouterConfig } from '../actions/blue-green-switch/src/engine/config.js';
import { runOperation } from '../actions/blue-green-switch/src/engine/operations.js';
import type { RouterConfig, Weights } from '../actions/blue-green-switch/src/engine/types.js';
import { verifyWeights } from '../actions/blue-green-switch/src/engine/verify.js';
import { allOn, canaryWeights } from '../actions/blue-green-switch/src/engine/weights.js';
import {
  logFormatName,
  renderNjsUpstreamFile,
  renderUpstreamFile
} from '../actions/blue-green-switch/src/routers/nginx.js';
import {
  njsVariable,
  renderNjsScript,
  renderWeightsFile
} from '../actions/blue-green-switch/src/routers/support/nginx-njs.js';
import { findBinary } from '../__tests__/harness/binaries.js';
import { startColorBackend, type ColorBackend } from '../__tests__/harness/color-backend.js';
import { renderHaproxyConfig, startHaproxy } from '../__tests__/harness/haproxy.js';
import { startNginx } from '../__tests__/harness/nginx.js';
import { freePort, sleep, waitForPort } from '../__tests__/harness/ports.js';

const SWITCHES = Number(process.env.BGS_BENCH_SWITCHES ?? 20);
const CANARIES = Number(process.env.BGS_BENCH_CANARIES ?? 5);
const STEP_WAIT_MS = 1000;
/** njs mode's drain waits for idle upstream keep-alive connections to the old colour to close: this bounds it. */
const NJS_KEEPALIVE_TIMEOUT = process.env.BGS_BENCH_NJS_KEEPALIVE_TIMEOUT ?? '1s';
/** BGS_BENCH_ROWS=nginx,nginx-njs,... runs only those rows (all by default). */
const ROWS = (process.env.BGS_BENCH_ROWS ?? 'nginx,nginx-naive,nginx-njs,haproxy,haproxy-naive').split(',');
const CONNECTIONS = 50;
/** Each backend answers in 20-30 ms, so there are always requests in flight when a colour is redeployed. */
const BACKEND = { latencyMs: 20, jitterMs: 10 };

type Autocannon = (options: Record<string, unknown>) => {
  on(event: 'response', fn: (client: unknown, status: number) => void): void;
  on(event: 'reqError', fn: (error: NodeJS.ErrnoException) => void): void;
  stop(): void;
  then(fn: (result: { requests: { total: number } }) => void): void;
};
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Colors {
  blue: ColorBackend;
  green: ColorBackend;
}

/** Stops a colour's server and starts a new one on the same port (its redeploy). */
async function redeploy(colors: Colors, color: 'blue' | 'green'): Promise<void> {
  const old = colors[color];
  await old.stop();
  colors[color] = await startColorBackend({ color, port: old.port, seed: Date.now() % 1000, ...BACKEND });
}

function load(url: string) {
  const kinds: Record<string, number> = {};
  let responses = 0;
  const instance = autocannon({ url, connections: CONNECTIONS, duration: 3600, timeout: 10 });
  instance.on('response', (_client, status) => {
    responses++;
    if (status >= 400) kinds[`HTTP ${status}`] = (kinds[`HTTP ${status}`] ?? 0) + 1;
  });
  instance.on('reqError', (error) => {
    const kind = error.code ?? error.message;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  });
  return {
    stop: () =>
      new Promise<{ responses: number; kinds: Record<string, number> }>((resolve) => {
        instance.then(() => resolve({ responses, kinds }));
        instance.stop();
      })
  };
}

interface Measured {
  router: string;
  mode: string;
  requests: number;
  failed: number;
  kinds: Record<string, number>;
  switchMs: number[];
  rollbackMs: number[];
  canaryMs: number[];
  problems: string[];
}

const other = (c: 'blue' | 'green'): 'blue' | 'green' => (c === 'blue' ? 'green' : 'blue');

/** The naive way's "command to verified": the same probe as the action's, started after its command. */
async function measureUntil(
  config: RouterConfig,
  weights: Weights,
  started: number,
  problems: string[]
): Promise<number> {
  const result = await verifyWeights({ spec: config.verify, colors: config.colors, weights });
  if (!result.ok) problems.push(result.message);
  return performance.now() - started;
}

async function cycle(
  config: () => RouterConfig,
  colors: Colors,
  url: string,
  m: Measured,
  move: (weights: Weights) => Promise<void>,
  engine: boolean,
  dir: string
): Promise<void> {
  let live: 'blue' | 'green' = 'blue';
  const traffic = load(`${url}/version`);
  await sleep(500);
  /** Runs one change; resolves once the command returned, with the latency to verified 100 % (maybe later). */
  const op = async (
    operation: 'switch' | 'rollback' | 'canary',
    target: 'blue' | 'green'
  ): Promise<Promise<number>> => {
    const started = performance.now();
    if (engine) {
      const result = await runOperation({
        operation,
        config: config(),
        runId: 'bench',
        env: {},
        cwd: dir,
        steps: [10, 50, 100],
        stepWaitMs: STEP_WAIT_MS,
        judge: {
          minRequests: 50,
          confidence: 0.95,
          maxErrorRateIncrease: 0.01,
          maxLatencyIncrease: 0.5,
          minLatencyIncreaseMs: 20,
          onInconclusive: 'continue'
        },
        lockTimeoutMs: 0
      });
      if (result.verdict === 'fail' || result.live !== target) m.problems.push(`${operation}: ${result.message}`);
      return Promise.resolve(performance.now() - started);
    }
    if (operation === 'canary') {
      for (const percent of [10, 50]) {
        await move(canaryWeights(live, target, percent, ['blue', 'green']));
        await sleep(STEP_WAIT_MS);
      }
    }
    await move(allOn(target, ['blue', 'green']));
    // The naive way believes it is done when its command returns; the probe measures when it really was.
    return measureUntil(config(), allOn(target, ['blue', 'green']), started, m.problems);
  };
  // The idle colour is redeployed as soon as the switching command returns, as a pipeline would do next.
  const step = async (operation: 'switch' | 'rollback' | 'canary', into: number[]) => {
    const latency = await op(operation, other(live));
    await redeploy(colors, live);
    live = other(live);
    into.push(await latency);
  };
  for (let i = 0; i < SWITCHES; i++) {
    await step('switch', m.switchMs);
    await step('rollback', m.rollbackMs);
  }
  for (let i = 0; i < CANARIES; i++) await step('canary', m.canaryMs);
  await sleep(300);
  const { responses, kinds } = await traffic.stop();
  m.kinds = kinds;
  m.failed = Object.values(kinds).reduce((a, b) => a + b, 0);
  // Responses include the failed HTTP statuses; connection errors and timeouts never got one.
  const noResponse = Object.entries(kinds)
    .filter(([k]) => !k.startsWith('HTTP '))
    .reduce((a, [, v]) => a + v, 0);
  m.requests = responses + noResponse;
}

const VERIFY = `  header: x-color\n  window: 40\n  timeout: 15s\n  request-timeout: 2s\n  concurrency: 4`;

/** nginx with the action (reload or njs mode) or the naive way (rewrite + nginx -s reload). */
async function nginxBench(engine: boolean, njs = false): Promise<Measured> {
  const colors: Colors = {
    blue: await startColorBackend({ color: 'blue', ...BACKEND }),
    green: await startColorBackend({ color: 'green', ...BACKEND })
  };
  let yaml = '';
  let upstreamFile = '';
  let prefixDir = '';
  const nginx = await startNginx({
    workerProcesses: 2,
    modules: njs ? ['ngx_http_js_module'] : [],
    config: ({ port, prefix }) => {
      prefixDir = prefix;
      upstreamFile = path.join(prefix, 'conf', 'bgs-app.conf');
      const mode = njs ? `  switch: njs\n  keepalive-timeout: ${NJS_KEEPALIVE_TIMEOUT}\n` : '';
      yaml = `type: nginx\ncolors:\n  blue: {servers: [${colors.blue.address}]}\n  green: {servers: [${colors.green.address}]}\nverify:\n  url: http://127.0.0.1:${port}/version\n${VERIFY}\nnginx:\n  config: ${prefix}/conf/nginx.conf\n  prefix: ${prefix}\n  upstream-file: ${upstreamFile}\n  upstream: app\n  keepalive: 16\n  reload-timeout: 10s\n  access-log: ${prefix}/logs/bgs.json\n${mode}`;
      const config = parse(yaml, prefix);
      if (njs) {
        fs.writeFileSync(config.nginx!.scriptFile, renderNjsScript(config));
        fs.writeFileSync(config.nginx!.weightsFile, renderWeightsFile(allOn('blue', ['blue', 'green'])));
        fs.writeFileSync(upstreamFile, renderNjsUpstreamFile(config));
      } else {
        fs.writeFileSync(upstreamFile, renderUpstreamFile(config, allOn('blue', ['blue', 'green'])));
      }
      return `include ${upstreamFile};\nserver {\n  listen 127.0.0.1:${port};\n  location / {\n    proxy_pass http://${njs ? `$${njsVariable('app')}` : 'app'};\n    proxy_http_version 1.1;\n    proxy_set_header Connection "";\n    access_log ${prefix}/logs/bgs.json ${logFormatName('app')};\n  }\n}\n`;
    }
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-bgs-bench-'));
  fs.writeFileSync(path.join(dir, 'router.yml'), yaml);
  const m: Measured = {
    router: 'nginx',
    mode: engine
      ? njs
        ? `blue-green-switch, switch: njs (keepalive-timeout ${NJS_KEEPALIVE_TIMEOUT})`
        : 'blue-green-switch'
      : 'naive: rewrite + nginx -s reload',
    requests: 0,
    failed: 0,
    kinds: {},
    switchMs: [],
    rollbackMs: [],
    canaryMs: [],
    problems: []
  };
  const binary = findBinary('nginx');
  const move = async (weights: Weights) => {
    fs.writeFileSync(upstreamFile, renderUpstreamFile(parse(yaml, dir), weights));
    spawnSync(binary, ['-s', 'reload', '-c', `${prefixDir}/conf/nginx.conf`, '-p', `${prefixDir}/`], {
      stdio: 'ignore'
    });
  };
  try {
    await cycle(() => parse(yaml, dir), colors, nginx.url, m, move, engine, dir);
  } finally {
    await nginx.stop();
    await Promise.all([colors.blue.stop(), colors.green.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return m;
}

function parse(yaml: string, dir: string): RouterConfig {
  return parseRouterConfig({ text: yaml, path: path.join(dir, 'router.yml'), cwd: dir, env: {} });
}

async function haproxyBench(): Promise<Measured> {
  const colors: Colors = {
    blue: await startColorBackend({ color: 'blue', ...BACKEND }),
    green: await startColorBackend({ color: 'green', ...BACKEND })
  };
  const haproxy = await startHaproxy({
    servers: [
      { name: 'blue1', address: colors.blue.port, weight: 100 },
      { name: 'green1', address: colors.green.port, weight: 0 }
    ]
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-bgs-bench-'));
  const yaml = `type: haproxy\ncolors:\n  blue: {servers: [blue1]}\n  green: {servers: [green1]}\nverify:\n  url: ${haproxy.url}/version\n${VERIFY}\nhaproxy:\n  socket: ${haproxy.socket}\n  backend: app\n  drain-timeout: 10s\n  log-ring: bgs\n`;
  fs.writeFileSync(path.join(dir, 'router.yml'), yaml);
  const m: Measured = {
    router: 'HAProxy',
    mode: 'blue-green-switch',
    requests: 0,
    failed: 0,
    kinds: {},
    switchMs: [],
    rollbackMs: [],
    canaryMs: [],
    problems: []
  };
  try {
    await cycle(
      () => parse(yaml, dir),
      colors,
      haproxy.url,
      m,
      async () => undefined,
      true,
      dir
    );
  } finally {
    await haproxy.stop();
    await Promise.all([colors.blue.stop(), colors.green.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return m;
}

/** The classic HAProxy reload: rewrite haproxy.cfg with the weights, start a new process with -sf <old pids>. */
async function haproxyNaiveBench(): Promise<Measured> {
  const colors: Colors = {
    blue: await startColorBackend({ color: 'blue', ...BACKEND }),
    green: await startColorBackend({ color: 'green', ...BACKEND })
  };
  const binary = findBinary('haproxy', { extraDirs: ['/usr/sbin'], aptPackage: 'haproxy' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-bgs-bench-'));
  const port = await freePort();
  const cfg = path.join(dir, 'haproxy.cfg');
  const pidFile = path.join(dir, 'haproxy.pid');
  const write = (weights: Weights) =>
    fs.writeFileSync(
      cfg,
      renderHaproxyConfig(
        { port, dir, socket: path.join(dir, 'admin.sock') },
        {
          servers: [
            { name: 'blue1', address: colors.blue.port, weight: weights.blue === 0 ? 0 : weights.blue },
            { name: 'green1', address: colors.green.port, weight: weights.green === 0 ? 0 : weights.green }
          ]
        }
      ).replace('    load-server-state-from-file global\n', '')
    );
  write(allOn('blue', ['blue', 'green']));
  spawnSync(binary, ['-f', cfg, '-p', pidFile, '-D'], { stdio: 'ignore' });
  await waitForPort(port);
  const yaml = `type: haproxy\ncolors:\n  blue: {servers: [blue1]}\n  green: {servers: [green1]}\nverify:\n  url: http://127.0.0.1:${port}/version\n${VERIFY}\nhaproxy:\n  socket: ${dir}/admin.sock\n  backend: app\n`;
  const m: Measured = {
    router: 'HAProxy',
    mode: 'naive: rewrite + haproxy -sf',
    requests: 0,
    failed: 0,
    kinds: {},
    switchMs: [],
    rollbackMs: [],
    canaryMs: [],
    problems: []
  };
  const move = async (weights: Weights) => {
    write(weights);
    const old = fs.readFileSync(pidFile, 'utf8').trim().split(/\s+/);
    spawnSync(binary, ['-f', cfg, '-p', pidFile, '-D', '-sf', ...old], { stdio: 'ignore' });
  };
  try {
    await cycle(() => parse(yaml, dir), colors, `http://127.0.0.1:${port}`, m, move, false, dir);
  } finally {
    for (const pid of fs.readFileSync(pidFile, 'utf8').trim().split(/\s+/)) {
      try {
        process.kill(Number(pid), 'SIGTERM');
      } catch {
        // gone
      }
    }
    await Promise.all([colors.blue.stop(), colors.green.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return m;
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);

async function main(): Promise<void> {
  const started = performance.now();
  const results: Measured[] = [];
  const rows: Record<string, () => Promise<Measured>> = {
    nginx: () => nginxBench(true),
    'nginx-naive': () => nginxBench(false),
    'nginx-njs': () => nginxBench(true, true),
    haproxy: () => haproxyBench(),
    'haproxy-naive': () => haproxyNaiveBench()
  };
  for (const row of ROWS) {
    const bench = rows[row.trim()];
    if (!bench) throw new Error(`BGS_BENCH_ROWS: unknown row "${row}" (known: ${Object.keys(rows).join(', ')})`);
    results.push(await bench());
  }
  console.log(
    `blue-green-switch benchmark: ${SWITCHES} switches + ${SWITCHES} rollbacks + ${CANARIES} canaries (10/50/100, ${STEP_WAIT_MS} ms per step) per row,`
  );
  console.log(
    `autocannon ${CONNECTIONS} keep-alive connections throughout, backends answering in 20-30 ms; the idle colour is restarted after every change (Node ${process.version})`
  );
  console.log('');
  console.log(
    '| router | way | requests | failed | failed by kind | switch median / p95 | rollback median / p95 | canary median |'
  );
  console.log('| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |');
  for (const r of results) {
    const kinds = Object.entries(r.kinds)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `| ${r.router} | ${r.mode} | ${r.requests} | ${r.failed} | ${kinds || '—'} | ${ms(quantile(r.switchMs, 0.5))} / ${ms(quantile(r.switchMs, 0.95))} | ${ms(quantile(r.rollbackMs, 0.5))} / ${ms(quantile(r.rollbackMs, 0.95))} | ${ms(quantile(r.canaryMs, 0.5))} |`
    );
  }
  console.log('');
  console.log(
    'switch / rollback latency: from the command to 100 % verified by probing (the naive rows: the same probe after their command)'
  );
  for (const r of results) {
    if (r.problems.length > 0)
      console.log(`${r.router} ${r.mode}: ${r.problems.length} problem(s), first: ${r.problems[0]}`);
  }
  console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
