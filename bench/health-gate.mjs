#!/usr/bin/env node
// Benchmark of health-gate against the most-used curl approach (curl --retry N --retry-delay S
// --retry-connrefused, one URL after another), on the same scenarios in the same run:
//   1. detection latency: a service turns healthy at a moment spread over the polling interval; time from
//      healthy to gate pass (process exit), over 20 trials, against the configured interval (target: median <= interval/2 + 50 ms, max <= interval + 100 ms);
//   2. overhead: 20 checks at once finish within 1.2x the slowest single check.
// Usage: npm run build && node bench/health-gate.mjs [--trials 20]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli/index.js');
const trialsFlag = process.argv.indexOf('--trials');
const TRIALS = trialsFlag > 0 ? Number(process.argv[trialsFlag + 1]) : 20;
const INTERVAL_MS = 1000; // curl's --retry-delay takes whole seconds, so both tools poll every 1 s
const CHECKS = 20;

if (!existsSync(cli)) {
  console.error('dist/cli/index.js is missing: run npm run build first');
  process.exit(2);
}
if (spawnSync('curl', ['--version']).status !== 0) {
  console.error('curl is needed for the side-by-side run: apt-get install curl');
  process.exit(2);
}

// A fixed pseudo-random sequence, so both tools face the same moments.
function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function listen(handler) {
  return new Promise((done) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => done(server));
  });
}

function close(server) {
  server.closeAllConnections?.();
  return new Promise((done) => server.close(done));
}

function run(command, args) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stdout, endedAt: performance.now() }));
  });
}

const tools = {
  'ubos health-gate': (url) => [
    process.execPath,
    [
      cli,
      'health-gate',
      '--url',
      url,
      '--interval',
      `${INTERVAL_MS}ms`,
      '--timeout',
      '2s',
      '--deadline',
      '60s',
      '--format',
      'json'
    ]
  ],
  'curl --retry': (url) => [
    'curl',
    [
      '--fail',
      '-sS',
      '-o',
      '/dev/null',
      '--retry',
      '60',
      '--retry-delay',
      String(INTERVAL_MS / 1000),
      '--retry-connrefused',
      url
    ]
  ]
};

// The service turns healthy `phase` ms into the poller's second interval, counted from the first request it
// sees: stratified phases cover the interval evenly, so 20 trials measure the mean detection delay instead of
// the luck of 20 random draws.
async function detectionTrial(tool, phaseMs) {
  let healthyAt = Infinity;
  const server = await listen((req, res) => {
    if (healthyAt === Infinity) healthyAt = performance.now() + INTERVAL_MS + phaseMs;
    const healthy = performance.now() >= healthyAt;
    res.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' }).end(healthy ? 'ok' : 'starting');
  });
  const url = `http://127.0.0.1:${server.address().port}/readyz`;
  const [command, args] = tools[tool](url);
  const result = await run(command, args);
  await close(server);
  if (result.code !== 0) throw new Error(`${tool} exited ${result.code}`);
  return result.endedAt - healthyAt;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const median =
    sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { median, max: sorted[sorted.length - 1], min: sorted[0] };
}

async function detection() {
  // Phases at the middle of TRIALS equal slices of the interval, in a shuffled order shared by both tools.
  const next = random(42);
  const phases = Array.from({ length: TRIALS }, (_, i) => ((i + 0.5) * INTERVAL_MS) / TRIALS)
    .map((phase) => ({ phase, key: next() }))
    .sort((a, b) => a.key - b.key)
    .map((p) => p.phase);
  const rows = [];
  for (const tool of Object.keys(tools)) {
    const latencies = [];
    for (const phase of phases) latencies.push(await detectionTrial(tool, phase));
    rows.push({ tool, ...stats(latencies) });
  }
  return rows;
}

// 20 endpoints answering after 25..500 ms; the slowest alone is the yardstick.
async function overhead() {
  const delays = Array.from({ length: CHECKS }, (_, i) => 25 + Math.round((475 * i) / (CHECKS - 1)));
  const servers = await Promise.all(
    delays.map((delay) => listen((req, res) => setTimeout(() => res.writeHead(200).end('ok'), delay)))
  );
  const urls = servers.map((s) => `http://127.0.0.1:${s.address().port}/readyz`);
  const dir = mkdtempSync(join(tmpdir(), 'ubos-bench-'));
  const gate = (list, name) => {
    const file = join(dir, `${name}.yml`);
    writeFileSync(
      file,
      'checks:\n' + list.map((u, i) => `  - { name: c${i}, type: http, url: "${u}", timeout: 2s }\n`).join('')
    );
    return file;
  };
  const all = gate(urls, 'all');
  const slowest = gate(urls.slice(-1), 'slowest');
  const ubosTime = async (file) => {
    const result = await run(process.execPath, [cli, 'health-gate', '--config', file, '--format', 'json']);
    return JSON.parse(result.stdout).durationMs;
  };
  const curlTime = async (list) => {
    const started = performance.now();
    for (const url of list) await run('curl', ['--fail', '-sS', '-o', '/dev/null', url]);
    return performance.now() - started;
  };
  const samples = { ubosAll: [], ubosOne: [], curlAll: [], curlOne: [] };
  for (let i = 0; i < 5; i++) {
    samples.ubosAll.push(await ubosTime(all));
    samples.ubosOne.push(await ubosTime(slowest));
    samples.curlAll.push(await curlTime(urls));
    samples.curlOne.push(await curlTime(urls.slice(-1)));
  }
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(servers.map(close));
  const m = (list) => stats(list).median;
  return [
    { tool: 'ubos health-gate', all: m(samples.ubosAll), one: m(samples.ubosOne) },
    { tool: 'curl --retry', all: m(samples.curlAll), one: m(samples.curlOne) }
  ];
}

const ms = (v) => `${Math.round(v)} ms`;
console.log(
  `Detection latency: service turns healthy at ${TRIALS} phases spread over one interval, interval ${INTERVAL_MS} ms`
);
console.log(`target: median <= ${INTERVAL_MS / 2 + 50} ms, max <= ${INTERVAL_MS + 100} ms`);
console.log('| tool | median | max | min | median within target | max within target |');
console.log('| --- | --- | --- | --- | --- | --- |');
const detected = await detection();
for (const r of detected) {
  console.log(
    `| ${r.tool} | ${ms(r.median)} | ${ms(r.max)} | ${ms(r.min)} | ${r.median <= INTERVAL_MS / 2 + 50 ? 'yes' : 'no'} | ${r.max <= INTERVAL_MS + 100 ? 'yes' : 'no'} |`
  );
}
const [ours, curl] = detected;
console.log(`ratio of medians ubos/curl: ${(ours.median / curl.median).toFixed(2)}`);
console.log('');
console.log(`Overhead: ${CHECKS} healthy endpoints answering after 25..500 ms (median of 5 runs)`);
console.log(`| tool | all ${CHECKS} | slowest alone | ratio (target <= 1.2) |`);
console.log('| --- | --- | --- | --- |');
for (const r of await overhead())
  console.log(`| ${r.tool} | ${ms(r.all)} | ${ms(r.one)} | ${(r.all / r.one).toFixed(2)} |`);
