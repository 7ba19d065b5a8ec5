#!/usr/bin/env node
// Benchmark of blue-green-switch against the naive way each router is usually switched, on a real nginx and a
// real HAProxy started like the test harness does, under the same load in the same run:
//   load: autocannon, 50 keep-alive connections, for the whole of each row;
//   per row: 20 switches, 20 rollbacks and 5 canaries (10 -> 50 -> 100 %, 1 s per step); after every change the
//            colour that stopped taking traffic is redeployed (its server stops and starts again), as in a real
//            blue-green cycle, which is when a switch that has not really finished shows up as failed requests;
//   rows:    nginx with the action (upstream file, nginx -t, graceful reload, old workers exited, verified),
//            nginx with the action in nginx.switch: njs mode (the weights file njs reads per request, no reload,
//            drained when nginx holds no connection to the old colour, verified; needs libnginx-mod-http-js) and
//            the naive way (rewrite the upstream file, nginx -s reload, no test, no drain); HAProxy with the action
//            (runtime API, no reload, drain to 0 sessions, verified) and the naive way (rewrite haproxy.cfg,
//            haproxy -sf <old pids>);
//   measured: requests and failed requests by kind; switch and rollback latency from the command to 100 %
//            verified by probing (for the naive rows: the same probe, started after their command returns).
// It bundles bench/blue-green.ts (engine + harness) with ncc into .tmp/ (inside the repo, so autocannon
// resolves from node_modules). Takes about 4 minutes.
// Usage: node bench/blue-green.mjs        (BGS_BENCH_SWITCHES / BGS_BENCH_CANARIES shrink it for a smoke run;
//        BGS_BENCH_ROWS=nginx,nginx-njs,haproxy picks rows, of nginx, nginx-naive, nginx-njs, haproxy, haproxy-naive)
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = join(root, '.tmp', `bench-blue-green-${process.pid}`);
mkdirSync(out, { recursive: true });
try {
  const ncc = spawnSync(
    process.execPath,
    [
      require.resolve('@vercel/ncc/dist/ncc/cli.js'),
      'build',
      'bench/blue-green.ts',
      '-o',
      out,
      '-q',
      '-e',
      'autocannon'
    ],
    { cwd: root, stdio: 'inherit' }
  );
  if (ncc.status !== 0) throw new Error('ncc could not bundle bench/blue-green.ts');
  const run = spawnSync(process.execPath, [join(out, 'index.js')], { cwd: root, stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
