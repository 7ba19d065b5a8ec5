#!/usr/bin/env node
// Benchmark of contract-test on a large real spec: the GitHub REST API description from two published versions
// of @octokit/openapi (devDependencies octokit-openapi-22 and -23), each run beside its peers on the same files:
//   - floor: a plain JSON.parse of the two files (what no loader that keeps positions can beat);
//   - load: `contract-test diff` of v23 with itself (both loads, nothing to report);
//   - diff v22 -> v23: ours, Optic (`optic diff --check`, loose validation: strict refuses the description) and
//     openapi-diff, both installed on first use into bench/.peers at pinned versions (not dependencies of ours);
//   - lint: ours against Spectral's own CLI (same spectral:oas recommended ruleset) on the whole v23, with
//     max-spec-size raised (at the default our full lint is refused: more than 350,000 expanded nodes), and ours
//     with lint-scope changed for a one-operation change (the base is v23 with one optional query parameter more
//     on one operation), which is what a pull request runs;
//   - YAML: a 20 MB YAML spec generated from v23 (yaml's stringify, its paths repeated under new names until the
//     text passes 20 MB), loaded by ours (`diff` of the file with itself: two loads, max-spec-size raised) beside
//     JSON.parse of its JSON form and yaml.parse of the YAML, each also twice.
// Median of N wall times (default 5) and the peak RSS of each (GNU time's %M), in one run, so the ratios are what
// count. Usage: npm run build && node bench/contract-test-diff.mjs [--runs N] [--limit seconds per run] [--no-peers]
// [--cli <bundle>] (a CLI bundle built elsewhere: node scripts/build.mjs --out <dir>, then <dir>/cli/index.js)
// [--only yaml|diff] (just the YAML rows, or just the floor, load and diff rows of the GitHub pair)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const cli = resolve(option('--cli') ?? join(root, 'dist/cli/index.js'));
const ONLY_YAML = option('--only') === 'yaml';
const ONLY_DIFF = option('--only') === 'diff';
const spectral = join(root, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const specs = ['octokit-openapi-22', 'octokit-openapi-23'].map((p) =>
  join(root, 'node_modules', p, 'generated/api.github.com.json')
);
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const WITH_PEERS = !process.argv.includes('--no-peers');
/** Past this a run is stopped and reported as not finished (Optic took over 15 minutes on this pair). */
const LIMIT_SECONDS = Number(process.argv[process.argv.indexOf('--limit') + 1]) || 600;

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

// The diff peers, pinned. Optic pins ajv 8.17.1 while the Spectral it brings wants ^8.18: one ajv 8 for all, or
// ajv-errors compiles code for the wrong ajv and Optic crashes at start.
const PEERS = { '@useoptic/optic': '1.0.9', 'openapi-diff': '0.24.1' };
const peersDir = join(root, 'bench', '.peers');
function installPeers() {
  const manifest = { private: true, dependencies: PEERS, overrides: { 'ajv@8': '8.20.0' } };
  const file = join(peersDir, 'package.json');
  const wanted = JSON.stringify(manifest, null, 2);
  const bins = ['optic', 'openapi-diff'].map((b) => join(peersDir, 'node_modules', '.bin', b));
  if (existsSync(file) && readFileSync(file, 'utf8') === wanted && bins.every((b) => existsSync(b))) return bins;
  mkdirSync(peersDir, { recursive: true });
  writeFileSync(file, wanted);
  console.error(
    `installing ${Object.entries(PEERS)
      .map(([n, v]) => `${n}@${v}`)
      .join(', ')} into bench/.peers ...`
  );
  const run = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: peersDir,
    stdio: 'inherit'
  });
  if (run.status !== 0) {
    console.error('npm install of the peers failed; rerun with --no-peers to skip them');
    process.exit(2);
  }
  return bins;
}
const [optic, openapiDiff] = WITH_PEERS && !ONLY_YAML ? installPeers() : [];

const work = mkdtempSync(join(tmpdir(), 'ubos-bench-ct-'));
// Spectral's CLI needs a ruleset file; this is the same ruleset contract-test uses by default.
const ruleset = join(work, '.spectral.yaml');
writeFileSync(ruleset, "extends: [['spectral:oas', 'recommended']]\n");
// The one-operation change: the base has one optional query parameter more, so the head removed it.
const oneChangeBase = join(work, 'one-change-base.json');
{
  const doc = JSON.parse(readFileSync(specs[1], 'utf8'));
  const op = doc.paths['/repos/{owner}/{repo}/issues'].get;
  op.parameters = [...op.parameters, { name: 'bench_only', in: 'query', schema: { type: 'string' } }];
  writeFileSync(oneChangeBase, JSON.stringify(doc, null, 2));
}
const floorScript = join(work, 'floor.mjs');
writeFileSync(
  floorScript,
  `import { readFileSync } from 'node:fs';\nfor (const f of process.argv.slice(2)) JSON.parse(readFileSync(f, 'utf8'));\n`
);
// The 20 MB YAML spec, generated the same way every run.
const yamlModule = join(root, 'node_modules', 'yaml', 'dist', 'index.js');
const bigYaml = join(work, 'github-20mb.yaml');
const bigYamlJson = join(work, 'github-20mb.json');
const emptySpec = join(work, 'empty.json');
if (!ONLY_DIFF) {
  const { stringify } = await import(yamlModule);
  const doc = JSON.parse(readFileSync(specs[1], 'utf8'));
  const original = Object.entries(doc.paths);
  const options = { lineWidth: 0, aliasDuplicateObjects: false };
  // Shared objects would become anchors and aliases: each copy is written out, as in a long hand-written spec.
  const render = (copies) => {
    const paths = {};
    for (let copy = 0; copy < copies; copy++)
      for (const [name, item] of original) paths[copy === 0 ? name : `/copy${copy}${name}`] = item;
    return { paths, text: stringify({ ...doc, paths }, options) };
  };
  const once = Buffer.byteLength(render(1).text);
  let copies = Math.ceil((20 * 1024 * 1024) / once);
  let big = render(copies);
  while (Buffer.byteLength(big.text) < 20 * 1024 * 1024) big = render(++copies);
  writeFileSync(bigYaml, big.text);
  writeFileSync(bigYamlJson, JSON.stringify({ ...doc, paths: big.paths }));
  // The base of the one-load row: no paths, no components, so the diff beside the load is a list of additions.
  writeFileSync(emptySpec, JSON.stringify({ openapi: doc.openapi, info: doc.info, paths: {} }));
}
const yamlParseScript = join(work, 'yaml-parse.mjs');
writeFileSync(
  yamlParseScript,
  `import { readFileSync } from 'node:fs';\nimport { parse } from ${JSON.stringify(yamlModule)};\nfor (const f of process.argv.slice(2)) parse(readFileSync(f, 'utf8'), { uniqueKeys: false });\n`
);

// contract-test refuses files outside its working directory, so it runs from node_modules with relative paths.
const modules = join(root, 'node_modules');
const rel = (path) => path.slice(modules.length + 1);

/**
 * Runs a command under GNU time; returns wall seconds, peak RSS in MiB, the exit status and the output. `ok`
 * says which exit statuses mean the run did its work (findings are not failures).
 */
function measure(command, args, cwd, ok) {
  // timeout(1) ends the command itself (killing GNU time would leave it running); it exits 124 then.
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', 'timeout', String(LIMIT_SECONDS), command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // The peers get the heap ours gets (a Node program's default heap is smaller than this machine's memory).
    env: { ...process.env, OPTIC_TELEMETRY_OFF: 'true', NO_COLOR: '1', NODE_OPTIONS: '--max-old-space-size=8192' }
  });
  const lines = run.stderr.trim().split('\n');
  const [seconds, kib] = lines.pop().split(' ').map(Number);
  const status = run.status;
  return { seconds, rssMiB: kib / 1024, status, ok: ok(status), stdout: run.stdout, stderr: lines.join('\n') };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const node = (script, ...args) => [process.execPath, ['--max-old-space-size=8192', script, ...args]];
const findingsOk = (status) => status === 0 || status === 1;

function bench(label, [command, args], cwd, ok = findingsOk, runs = RUNS) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const sample = measure(command, args, cwd, ok);
    samples.push(sample);
    // A refusal or a crash takes the same time every run: once is enough to report it.
    if (!sample.ok) break;
  }
  const row = {
    label,
    seconds: median(samples.map((s) => s.seconds)),
    rssMiB: Math.max(...samples.map((s) => s.rssMiB)),
    first: samples[0],
    ok: samples.every((s) => s.ok)
  };
  const why = row.first.stderr.split('\n').find((l) => /error|invalid|refus|would walk/i.test(l));
  if (row.first.status === 124) row.note = `did not finish in ${LIMIT_SECONDS} s`;
  else if (!row.ok)
    row.note = `did not complete (exit ${row.first.status}): ${(why ?? row.first.stderr.split('\n')[0] ?? '').slice(0, 160)}`;
  console.error(
    `${label}: ${row.seconds.toFixed(2)} s, ${Math.round(row.rssMiB)} MiB${row.note ? `, ${row.note}` : ''}`
  );
  return row;
}

/** Like bench for several commands, one run of each in turn. */
function benchTurns(commands) {
  const samples = commands.map(() => []);
  for (let i = 0; i < RUNS; i++)
    commands.forEach(([, [command, args], cwd], k) => samples[k].push(measure(command, args, cwd, findingsOk)));
  return commands.map(([label], k) => {
    const runs = samples[k];
    const row = {
      label,
      seconds: median(runs.map((s) => s.seconds)),
      rssMiB: Math.max(...runs.map((s) => s.rssMiB)),
      first: runs[0],
      ok: runs.every((s) => s.ok)
    };
    if (!row.ok) row.note = `did not complete (exit ${runs.find((s) => !s.ok).status})`;
    console.error(
      `${label}: ${row.seconds.toFixed(2)} s, ${Math.round(row.rssMiB)} MiB${row.note ? `, ${row.note}` : ''}`
    );
    return row;
  });
}

const [base, head] = specs;
const rows = {};
if (!ONLY_DIFF) {
  const yamlMiB = (readFileSync(bigYaml).length / 1024 / 1024).toFixed(1);
  rows.yamlFloor = bench(
    `floor: JSON.parse of the ${yamlMiB} MiB YAML spec's JSON form, twice`,
    node(floorScript, bigYamlJson, bigYamlJson),
    modules,
    (s) => s === 0
  );
  rows.yamlParse = bench(
    `yaml.parse of the ${yamlMiB} MiB YAML spec, twice`,
    node(yamlParseScript, bigYaml, bigYaml),
    modules,
    (s) => s === 0
  );
  // One load: the spec diffed against an empty one. An upper bound (the diff and its report of every operation as
  // added are in it too); the CLI has no load-only command.
  rows.yamlLoadOnce = bench(
    `ubos load of the ${yamlMiB} MiB YAML spec, once (diff against an empty spec, --max-spec-size 200MiB)`,
    node(
      cli,
      'contract-test',
      'diff',
      'empty.json',
      'github-20mb.yaml',
      '--max-spec-size',
      '200MiB',
      '--format',
      'json',
      '--fail-on',
      'never'
    ),
    work
  );
  rows.yamlLoad = bench(
    `ubos load of the ${yamlMiB} MiB YAML spec, twice (diff with itself, --max-spec-size 200MiB)`,
    node(
      cli,
      'contract-test',
      'diff',
      'github-20mb.yaml',
      'github-20mb.yaml',
      '--max-spec-size',
      '200MiB',
      '--format',
      'json'
    ),
    work
  );
}
if (!ONLY_YAML) {
  rows.floor = bench('floor: JSON.parse of both files', node(floorScript, base, head), modules, (s) => s === 0);
  rows.load = bench(
    'ubos load (diff v23 with itself)',
    node(cli, 'contract-test', 'diff', rel(head), rel(head), '--format', 'json', '--fail-on', 'never'),
    modules
  );
  rows.diff = bench(
    'ubos contract-test diff v22 -> v23',
    node(cli, 'contract-test', 'diff', rel(base), rel(head), '--format', 'json', '--fail-on', 'never'),
    modules
  );
  if (optic)
    rows.optic = bench(
      `optic diff --check --validation loose (${PEERS['@useoptic/optic']})`,
      [optic, ['diff', base, head, '--check', '--validation', 'loose']],
      work,
      // Optic exits 1 when its checks fail, which is a finished run.
      findingsOk
    );
  if (openapiDiff)
    rows.openapiDiff = bench(`openapi-diff (${PEERS['openapi-diff']})`, [openapiDiff, [base, head]], work, findingsOk);
  if (!ONLY_DIFF) {
    rows.lintDefault = bench(
      'ubos lint v23, default max-spec-size',
      node(cli, 'contract-test', 'lint', rel(head), '--format', 'json'),
      modules,
      findingsOk,
      1
    );
    rows.lintChanged = bench(
      'ubos lint v23, lint-scope changed, one operation changed',
      node(
        cli,
        'contract-test',
        'lint',
        rel(head),
        '--lint-scope',
        'changed',
        '--base-spec',
        oneChangeBase,
        '--format',
        'json'
      ),
      modules
    );
    // The two long lints take turns, so that load from elsewhere on the machine falls on both alike.
    [rows.lintFull, rows.spectral] = benchTurns([
      [
        'ubos lint v23, whole spec (--max-spec-size 200MiB)',
        node(cli, 'contract-test', 'lint', rel(head), '--max-spec-size', '200MiB', '--format', 'json'),
        modules
      ],
      [
        'spectral lint v23 (its CLI)',
        node(spectral, 'lint', head, '--ruleset', ruleset, '--format', 'json', '--quiet'),
        work
      ]
    ]);
  }
}
rmSync(work, { recursive: true, force: true });

console.log(`GitHub REST API description (octokit-openapi-22 vs -23), median of ${RUNS}, peak RSS of the runs`);
console.log('| run | median wall | peak RSS | note |');
console.log('| --- | ---: | ---: | --- |');
for (const r of Object.values(rows))
  console.log(`| ${r.label} | ${r.seconds.toFixed(2)} s | ${Math.round(r.rssMiB)} MiB | ${r.note ?? ''} |`);
const ratio = (a, b) => (a.ok && b.ok ? (a.seconds / b.seconds).toFixed(2) : 'n/a');
if (rows.yamlLoad)
  console.log(
    `YAML load / JSON.parse floor: ${ratio(rows.yamlLoad, rows.yamlFloor)}×, / yaml.parse: ${ratio(rows.yamlLoad, rows.yamlParse)}×; one load at most ${rows.yamlLoadOnce.seconds.toFixed(2)} s (with a diff against an empty spec; target: under 5 s)`
  );
if (ONLY_YAML) process.exit(0);
console.log(`diff / floor: ${ratio(rows.diff, rows.floor)}× (target ≤ 10×)`);
for (const peer of [rows.optic, rows.openapiDiff].filter(Boolean))
  console.log(`diff ubos / ${peer.label}: ${ratio(rows.diff, peer)}`);
if (rows.lintChanged) {
  console.log(`lint changed scope / spectral full: ${ratio(rows.lintChanged, rows.spectral)} (target ≤ 0.1)`);
  console.log(`lint full ubos / spectral: ${ratio(rows.lintFull, rows.spectral)} (target ≤ 1)`);
  try {
    const envelope = JSON.parse(rows.lintChanged.first.stdout);
    console.log(`changed scope linted: ${JSON.stringify(envelope.specs?.[0]?.lintScope)}`);
  } catch {
    console.log('the changed-scope lint output was not JSON');
  }
}
try {
  const changes = JSON.parse(rows.diff.first.stdout).changes;
  const count = (level) => changes.filter((c) => c.level === level).length;
  console.log(
    `diff v22 -> v23: ${changes.length} changes: ${count('error')} error, ${count('warning')} warning, ${count('notice')} compatible (notice)`
  );
} catch {
  console.log('an output was not JSON');
}
