#!/usr/bin/env node
// The JSON readers that keep positions, side by side on the GitHub REST description (octokit-openapi-22 and -23,
// 12 MB each, both files per run): contract-test's own reader (spec/json-source.ts, what the loader uses), and the
// two the issue names from the npm registry, each building the values as well as the positions, as a loader needs:
//   - @humanwhocodes/momoa: parse (an AST with line/column/offset per node), then evaluate (the values);
//   - jsonc-parser: parseTree (an AST with offsets), then getNodeValue (the values);
// and the floor, JSON.parse (no positions). Fresh process per run, readers in turns, median wall and peak RSS.
// The two peers are installed on first use into bench/.peers-json at pinned versions (not dependencies of ours).
// Usage: node bench/json-readers.mjs [--runs 5]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const at = process.argv.indexOf('--runs');
const RUNS = at > 0 && Number(process.argv[at + 1]) > 0 ? Number(process.argv[at + 1]) : 5;
const files = ['octokit-openapi-22', 'octokit-openapi-23'].map((p) =>
  join(root, 'node_modules', p, 'generated', 'api.github.com.json')
);
for (const file of files)
  if (!existsSync(file)) {
    console.error(`${file} is missing: npm ci (the devDependencies octokit-openapi-22 and -23)`);
    process.exit(2);
  }

const PEERS = { '@humanwhocodes/momoa': '3.3.13', 'jsonc-parser': '3.3.1' };
const peersDir = join(root, 'bench', '.peers-json');
const manifest = JSON.stringify({ private: true, dependencies: PEERS }, null, 2);
const installed = Object.keys(PEERS).every((name) => existsSync(join(peersDir, 'node_modules', name, 'package.json')));
if (
  !installed ||
  !existsSync(join(peersDir, 'package.json')) ||
  readFileSync(join(peersDir, 'package.json'), 'utf8') !== manifest
) {
  mkdirSync(peersDir, { recursive: true });
  writeFileSync(join(peersDir, 'package.json'), manifest);
  console.error(
    `installing ${Object.entries(PEERS)
      .map(([n, v]) => `${n}@${v}`)
      .join(', ')} into bench/.peers-json ...`
  );
  const run = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: peersDir,
    stdio: 'inherit'
  });
  if (run.status !== 0) {
    console.error('npm install of momoa and jsonc-parser failed (the npm registry must be reachable)');
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'ubos-json-readers-'));
try {
  // Ours as the action runs it: bundled by ncc.
  const ncc = spawnSync(
    process.execPath,
    [require.resolve('@vercel/ncc/dist/ncc/cli.js'), 'build', 'bench/json-readers.ts', '-o', join(work, 'ours'), '-q'],
    { cwd: root, stdio: 'inherit' }
  );
  if (ncc.status !== 0) throw new Error('ncc could not bundle bench/json-readers.ts');
  const peers = join(work, 'peers.mjs');
  writeFileSync(
    peers,
    `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(peersDir, 'package.json'))});
const [reader, ...files] = process.argv.slice(2);
const started = performance.now();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  if (reader === 'momoa') {
    const momoa = require('@humanwhocodes/momoa');
    momoa.evaluate(momoa.parse(text));
  } else if (reader === 'jsonc-parser') {
    const jsonc = require('jsonc-parser');
    const errors = [];
    const tree = jsonc.parseTree(text, errors, { disallowComments: true });
    if (errors.length > 0) throw new Error(file + ': ' + errors.length + ' errors');
    jsonc.getNodeValue(tree);
  } else JSON.parse(text);
}
console.log(JSON.stringify({ ms: performance.now() - started }));
`
  );
  const readers = [
    ['JSON.parse (floor, no positions)', [peers, 'json-parse']],
    ['contract-test reader (spec/json-source.ts)', [join(work, 'ours', 'index.js')]],
    [`@humanwhocodes/momoa ${PEERS['@humanwhocodes/momoa']} parse + evaluate`, [peers, 'momoa']],
    [`jsonc-parser ${PEERS['jsonc-parser']} parseTree + getNodeValue`, [peers, 'jsonc-parser']]
  ];
  const samples = readers.map(() => []);
  for (let i = 0; i < RUNS; i++)
    readers.forEach(([label, args], k) => {
      const run = spawnSync(
        '/usr/bin/time',
        ['-f', '%e %M', process.execPath, '--max-old-space-size=8192', ...args, ...files],
        {
          encoding: 'utf8'
        }
      );
      if (run.status !== 0) throw new Error(`${label} failed:\n${run.stderr}`);
      const [seconds, kib] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
      samples[k].push({ seconds, rss: kib / 1024, ms: JSON.parse(run.stdout.trim()).ms });
    });
  const median = (values) => {
    const s = [...values].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const floor = median(samples[0].map((s) => s.ms));
  console.log(
    `Both GitHub REST descriptions (v22, v23), median of ${RUNS} fresh processes, readers in turns (Node ${process.version})`
  );
  console.log('| reader | reading (in process) | ratio to JSON.parse | whole process | peak RSS |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  readers.forEach(([label], k) => {
    const ms = median(samples[k].map((s) => s.ms));
    console.log(
      `| ${label} | ${(ms / 1000).toFixed(2)} s | ${(ms / floor).toFixed(1)}× | ${median(samples[k].map((s) => s.seconds)).toFixed(2)} s | ${Math.round(Math.max(...samples[k].map((s) => s.rss)))} MiB |`
    );
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
