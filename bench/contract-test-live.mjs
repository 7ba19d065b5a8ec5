#!/usr/bin/env node
// Benchmark of `contract-test live` against Dredd 14.1.0, side by side, on the same OAS 3.0 spec
// (__tests__/contract-test/live/harness/defects.openapi30.yaml) and the same seeded-defect server (17 defects,
// DEFECTS in defect-server.mjs), in one run: wall time of each tool's process, requests it sent (the server's own
// log), defects found, and failures against the same server with every defect switched off (false alarms).
//   - ours finds a defect when it reports the defect's check at the defect's operation;
//   - Dredd has no such checks, so it is credited with a defect when it reports a failure at the defect's
//     operation that it does not also report against the defect-free server (what tells the two apart).
// Both get the same credentials (Dredd takes headers only, so it gets the bearer token and the API key header).
// Usage: node bench/contract-test-live.mjs [--runs 3]   (bundles the CLI handler with ncc first, like the action)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const harness = join(root, '__tests__/contract-test/live/harness');
const spec = join(harness, 'defects.openapi30.yaml');
const dredd = join(root, 'node_modules/.bin/dredd');
const at = process.argv.indexOf('--runs');
const RUNS = at > 0 && Number(process.argv[at + 1]) > 0 ? Number(process.argv[at + 1]) : 3;
const SLOW_MS = 600;
const MAX_RESPONSE_TIME = '300ms';

for (const [path, hint] of [
  [dredd, 'npm ci (devDependency dredd@14.1.0)'],
  [spec, 'the harness spec belongs to the repository']
]) {
  if (!existsSync(path)) {
    console.error(`${path} is missing: ${hint}`);
    process.exit(2);
  }
}
const { DEFECTS } = await import(join(harness, 'defect-server.mjs'));

const work = mkdtempSync(join(tmpdir(), 'ubos-bench-live-'));
const children = [];

/** Starts the defect server in its own process (so neither tool shares an event loop with it). */
function startServer(conformant) {
  return new Promise((resolvePromise, reject) => {
    const args = [
      join(harness, 'defect-server.mjs'),
      '--slow-ms',
      String(SLOW_MS),
      ...(conformant ? ['--conformant'] : [])
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    child.stdout.setEncoding('utf8').on('data', (text) => {
      const port = /listening (\d+)/.exec(text)?.[1];
      if (port) resolvePromise({ url: `http://127.0.0.1:${port}`, child });
    });
    child.once('exit', (code) => reject(new Error(`defect server exited (${code})`)));
  });
}

async function serverLog(url) {
  return (await (await fetch(`${url}/__requests`)).json()).length;
}

async function reset(url) {
  await fetch(`${url}/__reset`, { method: 'POST' });
}

function timed(command, args, env) {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: work,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t) => (stderr += t));
    child.once('close', (code) =>
      resolvePromise({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 })
    );
  });
}

const operationOf = (method, uri) => {
  const path = uri.split('?')[0].replace(/^\/api/, '');
  for (const defect of Object.values(DEFECTS)) {
    const [m, template] = defect.operation.split(' ');
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (m === method && pattern.test(path)) return defect.operation;
  }
  return `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
};

/** Dredd's xunit failures as "operation :: test name :: first message line". */
function dreddFailures(xml) {
  const out = new Set();
  for (const match of xml.matchAll(
    /<testcase name="([^"]*)"[^>]*>\s*<failure><!\[CDATA\[([\s\S]*?)\]\]><\/failure>/g
  )) {
    const name = match[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const parsed = /^([A-Z]+) \((\d{3})\) (\S+)/.exec(name);
    if (!parsed) continue;
    const message = /Message:\n([\s\S]*?)\n\n/.exec(match[2])?.[1] ?? '';
    for (const line of message.split('\n').filter(Boolean))
      out.add(`${operationOf(parsed[1], parsed[3])} :: ${parsed[2]} :: ${line.replace(/\d+/g, 'N')}`);
  }
  return out;
}

async function runOurs(server) {
  await reset(server.url);
  const run = await timed(
    process.execPath,
    [
      join(work, 'ours', 'index.js'),
      'live',
      spec,
      '--base-url',
      server.url,
      '--max-response-time',
      MAX_RESPONSE_TIME,
      '--format',
      'json'
    ],
    {
      CONTRACT_TEST_AUTH_BEARER: 'tok-123',
      CONTRACT_TEST_AUTH_BASIC: 'alice:s3cret',
      CONTRACT_TEST_AUTH_API_KEY: 'key-456'
    }
  );
  if (run.code !== 0 && run.code !== 1) throw new Error(`contract-test live failed (exit ${run.code}):\n${run.stderr}`);
  const report = JSON.parse(run.stdout);
  return {
    seconds: run.seconds,
    requests: await serverLog(server.url),
    failures: report.liveFailures.map((f) => `${f.id} ${f.operation.method} ${f.operation.path}`)
  };
}

async function runDredd(server) {
  await reset(server.url);
  const xml = join(work, `dredd-${Date.now()}.xml`);
  const run = await timed(
    dredd,
    [
      spec,
      `${server.url}/api`,
      '--reporter',
      'xunit',
      '--output',
      xml,
      '--header',
      'Authorization: Bearer tok-123',
      '--header',
      'X-API-Key: key-456',
      '--loglevel',
      'error',
      '--no-color'
    ],
    {}
  );
  if (!existsSync(xml)) throw new Error(`dredd wrote no report (exit ${run.code}):\n${run.stderr.slice(-2000)}`);
  return {
    seconds: run.seconds,
    requests: await serverLog(server.url),
    failures: dreddFailures(readFileSync(xml, 'utf8'))
  };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  const ncc = spawnSync(
    process.execPath,
    [
      require.resolve('@vercel/ncc/dist/ncc/cli.js'),
      'build',
      'bench/contract-test-live-run.ts',
      '-o',
      join(work, 'ours'),
      '-q'
    ],
    {
      cwd: root,
      stdio: 'inherit'
    }
  );
  if (ncc.status !== 0) throw new Error('ncc could not bundle bench/contract-test-live-run.ts');
  const broken = await startServer(false);
  const fixed = await startServer(true);

  const ours = [];
  const theirs = [];
  // Alternating, so both see the same machine state.
  for (let i = 0; i < RUNS; i++) {
    ours.push(await runOurs(broken));
    theirs.push(await runDredd(broken));
  }
  const oursClean = await runOurs(fixed);
  const theirsClean = await runDredd(fixed);

  const expected = Object.values(DEFECTS).map((d) => `${d.check} ${d.operation}`);
  const oursFound = expected.filter((e) => ours[0].failures.includes(e)).length;
  const dreddNew = [...theirs[0].failures].filter((f) => !theirsClean.failures.has(f));
  const dreddFound = Object.values(DEFECTS).filter((d) =>
    dreddNew.some((f) => f.startsWith(`${d.operation} :: `))
  ).length;
  const dreddFoundOps = Object.values(DEFECTS)
    .filter((d) => dreddNew.some((f) => f.startsWith(`${d.operation} :: `)))
    .map((d) => d.operation);

  const oursSeconds = median(ours.map((r) => r.seconds));
  const dreddSeconds = median(theirs.map((r) => r.seconds));
  const perDefect = (seconds, found) => (found === 0 ? Infinity : seconds / found);
  const row = (name, seconds, requests, found, clean) =>
    `| ${name} | ${seconds.toFixed(2)} s | ${requests} | ${found} of ${expected.length} | ${perDefect(seconds, found).toFixed(3)} s | ${clean} |`;

  console.log(
    `contract-test live vs Dredd 14.1.0, ${spec.slice(root.length + 1)}, ${expected.length} seeded defects, median wall of ${RUNS} runs (Node ${process.version})`
  );
  console.log('');
  console.log(
    '| tool | wall time | requests sent | defects found | time per defect found | failures on the defect-free server |'
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(row('ubos contract-test live', oursSeconds, ours[0].requests, oursFound, oursClean.failures.length));
  console.log(row('Dredd 14.1.0', dreddSeconds, theirs[0].requests, dreddFound, theirsClean.failures.size));
  console.log('');
  const timeRatio = perDefect(oursSeconds, oursFound) / perDefect(dreddSeconds, dreddFound);
  console.log(`time per defect found, ours / Dredd: ${timeRatio.toFixed(2)}x (target <= 0.5x)`);
  console.log(
    `defects found, ours / Dredd: ${dreddFound === 0 ? 'inf' : (oursFound / dreddFound).toFixed(2)}x (target >= 2x)`
  );
  console.log(`Dredd found: ${dreddFoundOps.join(', ') || 'none'}`);
  const missed = expected.filter((e) => !ours[0].failures.includes(e));
  if (missed.length > 0) console.log(`ours missed: ${missed.join(', ')}`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
