#!/usr/bin/env node
// Benchmark of contract-test on a large real spec: the GitHub REST API description from two published
// versions of @octokit/openapi (devDependencies octokit-openapi-22 and -23).
//   - lint: `ubos-actions contract-test lint` against Spectral's own CLI (`spectral lint`, same spectral:oas
//     recommended ruleset) on the same file, in the same run: the ratio is what counts;
//   - diff: `ubos-actions contract-test diff` between the two versions (no peer runs here: oasdiff is Go/Docker).
// Median of 5 wall times and the peak RSS of each (GNU time's %M). Usage: npm run build && node bench/contract-test-diff.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli/index.js');
const spectral = join(root, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const specs = ['octokit-openapi-22', 'octokit-openapi-23'].map((p) =>
  join(root, 'node_modules', p, 'generated/api.github.com.json')
);
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

for (const [path, hint] of [
  [cli, 'npm run build'],
  [spectral, 'npm ci (devDependency @stoplight/spectral-cli)'],
  ...specs.map((s) => [s, 'npm ci (devDependencies octokit-openapi-22/-23)']),
  ['/usr/bin/time', 'apt-get install time']
]) {
  if (!existsSync(path)) {
    console.error(`${path} is missing: ${hint}`);
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'ubos-bench-ct-'));
// Spectral's CLI needs a ruleset file; this is the same ruleset contract-test uses by default.
const ruleset = join(work, '.spectral.yaml');
writeFileSync(ruleset, "extends: [['spectral:oas', 'recommended']]\n");

// contract-test refuses files outside its working directory, so it runs from node_modules with relative paths.
const modules = join(root, 'node_modules');
const rel = (path) => path.slice(modules.length + 1);

/** Runs a command under GNU time; returns wall seconds, peak RSS in MiB and the exit status. */
function measure(args, cwd) {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, '--max-old-space-size=8192', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30
  });
  const lines = run.stderr.trim().split('\n');
  const [seconds, kib] = lines.pop().split(' ').map(Number);
  // Exit 1 means findings; 2 or more means the run itself failed, which would make its time meaningless.
  if (run.status === null || run.status > 1) {
    console.error(`${args.slice(0, 3).join(' ')} failed (exit ${run.status}):\n${lines.slice(-5).join('\n')}`);
    process.exit(1);
  }
  return { seconds, rssMiB: kib / 1024, status: run.status, stdout: run.stdout };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function bench(label, args, cwd) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(measure(args, cwd));
  return {
    label,
    seconds: median(samples.map((s) => s.seconds)),
    rssMiB: Math.max(...samples.map((s) => s.rssMiB)),
    first: samples[0]
  };
}

const head = specs[1];
const rows = [];
rows.push(
  bench('ubos contract-test lint (v23)', [cli, 'contract-test', 'lint', rel(head), '--format', 'json'], modules)
);
rows.push(
  bench('spectral lint (v23)', [spectral, 'lint', head, '--ruleset', ruleset, '--format', 'json', '--quiet'], work)
);
const diff = bench(
  'ubos contract-test diff (v22 -> v23)',
  [cli, 'contract-test', 'diff', rel(specs[0]), rel(head), '--format', 'json', '--fail-on', 'never'],
  modules
);
rows.push(diff);
rmSync(work, { recursive: true, force: true });

console.log(
  `GitHub REST API description (${specs.map((s) => s.split('/').slice(-3, -2)[0]).join(' vs ')}), median of ${RUNS}`
);
console.log('| run | median wall | peak RSS |');
console.log('| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.label} | ${r.seconds.toFixed(2)} s | ${Math.round(r.rssMiB)} MiB |`);
console.log(`lint time ratio ubos/spectral: ${(rows[0].seconds / rows[1].seconds).toFixed(2)}`);
try {
  const changes = JSON.parse(diff.first.stdout).changes;
  const count = (level) => changes.filter((c) => c.level === level).length;
  console.log(
    `diff v22 -> v23: ${changes.length} changes: ${count('error')} error, ${count('warning')} warning, ${count('info')} info`
  );
} catch {
  console.log(`diff output was not JSON (exit ${diff.first.status})`);
}
