#!/usr/bin/env node
// Where migration-safety's time goes on a cold run (every CI run is one), on the trigger.dev corpus, median of
// N fresh processes per phase. A diagnostic beside bench/migration-safety.mjs, not a comparison:
//   parse       every file through the PostgreSQL parser (wasm) and the statement splitting around it;
//   no-rules    the lint driver with no rules: parse + schema replay + transaction tracking;
//   idle-rules  the same with all 48 rules present but doing nothing: the cost of calling them;
//   all-rules   the real run, then the report model and its JSON, as `--format json` prints it;
//   per-rule    (with --per-rule) the real run with a timer around each rule's calls: the rules that cost most
//               (wall time inside the calls, timer included; a diagnostic, not added to the table).
// It bundles migration-safety-phases.ts with ncc into a temporary folder, as the action is bundled.
// Usage: node bench/migration-safety-phases.mjs [--runs 5] [--per-rule]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const corpus = resolve(root, '..', 'shared', 'reference', 'corpora', 'trigger.dev-migrations');
const at = process.argv.indexOf('--runs');
const RUNS = at > 0 && Number(process.argv[at + 1]) > 0 ? Number(process.argv[at + 1]) : 5;
if (!existsSync(corpus)) {
  console.error(`${corpus} is missing: the corpus belongs next to the repository, in ../shared/reference/corpora`);
  process.exit(2);
}

const out = mkdtempSync(join(tmpdir(), 'ubos-phases-'));
try {
  const ncc = spawnSync(
    process.execPath,
    [require.resolve('@vercel/ncc/dist/ncc/cli.js'), 'build', 'bench/migration-safety-phases.ts', '-o', out, '-q'],
    { cwd: root, stdio: 'inherit' }
  );
  if (ncc.status !== 0) throw new Error('ncc could not bundle bench/migration-safety-phases.ts');
  cpSync(join(root, 'node_modules/libpg-query/wasm/libpg-query.wasm'), join(out, 'libpg-query.wasm'));

  const PER_RULE = process.argv.includes('--per-rule');
  const phases = ['parse', 'no-rules', 'idle-rules', 'all-rules', ...(PER_RULE ? ['per-rule'] : [])];
  const samples = new Map(phases.map((p) => [p, []]));
  const wall = new Map(phases.map((p) => [p, []]));
  // Phases alternate so all see the same machine state.
  for (let i = 0; i < RUNS; i++) {
    for (const phase of phases) {
      const started = performance.now();
      const run = spawnSync(process.execPath, [join(out, 'index.js'), corpus, phase], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`phase ${phase} failed:\n${run.stderr}`);
      wall.get(phase).push(performance.now() - started);
      samples.get(phase).push(JSON.parse(run.stdout.trim().split('\n').pop()));
    }
  }
  const median = (values) => {
    const s = [...values].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const of = (phase, key) => median(samples.get(phase).map((t) => t[key]));
  const ms = (value) => `${value.toFixed(0)} ms`;
  console.log(
    `trigger.dev migrations, cold runs, median of ${RUNS} fresh processes per phase (Node ${process.version})`
  );
  const steps = ['load-parser', 'find-and-read', 'all-rules', 'report'];
  // Wall time and CPU time (user + system, all threads: the wasm compiler and the GC run beside the main one).
  const row = (label, wallMs, cpuMs) => console.log(`| ${label} | ${ms(wallMs)} | ${ms(cpuMs)} |`);
  console.log('');
  console.log('| step | wall | CPU |');
  console.log('| --- | --- | --- |');
  row(
    'process start-up to the first line of ours (the run minus what it timed inside)',
    median(wall.get('all-rules')) - steps.reduce((sum, step) => sum + of('all-rules', step), 0),
    of('all-rules', 'cpu total') - steps.reduce((sum, step) => sum + of('all-rules', `cpu ${step}`), 0)
  );
  row('instantiate the parser (wasm)', of('all-rules', 'load-parser'), of('all-rules', 'cpu load-parser'));
  row('find and read the files', of('all-rules', 'find-and-read'), of('all-rules', 'cpu find-and-read'));
  row('parse every file', of('parse', 'parse'), of('parse', 'cpu parse'));
  row(
    'schema replay and transaction tracking (no-rules minus parse)',
    of('no-rules', 'no-rules') - of('parse', 'parse'),
    of('no-rules', 'cpu no-rules') - of('parse', 'cpu parse')
  );
  row(
    'calling 48 idle rules on every statement (idle-rules minus no-rules)',
    of('idle-rules', 'idle-rules') - of('no-rules', 'no-rules'),
    of('idle-rules', 'cpu idle-rules') - of('no-rules', 'cpu no-rules')
  );
  row(
    "the rules' own work (all-rules minus idle-rules)",
    of('all-rules', 'all-rules') - of('idle-rules', 'idle-rules'),
    of('all-rules', 'cpu all-rules') - of('idle-rules', 'cpu idle-rules')
  );
  row('the report model and its JSON (--format json)', of('all-rules', 'report'), of('all-rules', 'cpu report'));
  row('whole process, all rules', median(wall.get('all-rules')), of('all-rules', 'cpu total'));
  if (PER_RULE) {
    const ids = Object.keys(samples.get('per-rule')[0]).filter((key) => key.startsWith('rule '));
    const perRule = ids.map((key) => [key.slice(5), of('per-rule', key)]).sort((a, b) => b[1] - a[1]);
    const total = perRule.reduce((sum, [, value]) => sum + value, 0);
    console.log('');
    console.log(`| rule (time inside its calls, median) | wall |`);
    console.log('| --- | --- |');
    for (const [id, value] of perRule.slice(0, 20)) console.log(`| ${id} | ${value.toFixed(1)} ms |`);
    console.log(`| all ${perRule.length} rules | ${ms(total)} |`);
  }
  console.log('');
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} at the end`
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
