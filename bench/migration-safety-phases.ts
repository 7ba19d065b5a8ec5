// One cold run of one phase of migration-safety on the trigger.dev corpus, timed from inside the process (see
// migration-safety-phases.mjs, which builds this file and runs each phase in fresh processes).
import '../shared/src/lib/bundle-runtime.js';
import { existsSync, readdirSync } from 'node:fs';
import { renderFormat } from '../shared/src/cli/command.js';
import { resolveSettings } from '../actions/migration-safety/src/config.js';
import { buildSources, expandPaths, upMigrations } from '../actions/migration-safety/src/files.js';
import { lintMigrationsSync } from '../actions/migration-safety/src/engine/lint.js';
import { parseFile } from '../actions/migration-safety/src/engine/parse-file.js';
import { loadParser } from '../actions/migration-safety/src/engine/parse.js';
import type { Rule } from '../actions/migration-safety/src/engine/rule.js';
import { migrationReport } from '../actions/migration-safety/src/report.js';
import { ALL_RULES } from '../actions/migration-safety/src/rules/index.js';

const [corpus, phase] = process.argv.slice(2);

/** The rules with checks that do nothing: what calling 48 rules on every statement costs by itself. */
const idle: Rule[] = ALL_RULES.map((rule) => ({
  ...rule,
  check: rule.check ? () => {} : undefined,
  checkFile: undefined
}));

/** Every rule's check and checkFile wrapped in a timer: where the rules' own work goes (phase per-rule). */
const ruleTimes: Record<string, number> = {};
const timed: Rule[] = ALL_RULES.map((rule) => {
  const wrap =
    <C>(fn: ((context: C) => void) | undefined) =>
    (context: C) => {
      const started = performance.now();
      try {
        fn!(context);
      } finally {
        ruleTimes[rule.id] = (ruleTimes[rule.id] ?? 0) + performance.now() - started;
      }
    };
  return {
    ...rule,
    check: rule.check ? wrap(rule.check.bind(rule)) : undefined,
    checkFile: rule.checkFile ? wrap(rule.checkFile.bind(rule)) : undefined
  };
});

async function main(): Promise<void> {
  const times: Record<string, number> = {};
  // CPU time (user + system, every thread of the process) beside the wall time: on a loaded machine the wall
  // time of a step is mostly waiting for a core, its CPU time much less so.
  const cpuNow = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  let mark = performance.now();
  let cpuMark = cpuNow();
  const lap = (name: string) => {
    const now = performance.now();
    const cpu = cpuNow();
    times[name] = now - mark;
    times[`cpu ${name}`] = cpu - cpuMark;
    mark = now;
    cpuMark = cpu;
  };
  await loadParser();
  lap('load-parser');
  const args = readdirSync(corpus)
    .filter((dir) => existsSync(`${corpus}/${dir}/migration.sql`))
    .map((dir) => `${dir}/migration.sql`);
  const sources = buildSources(upMigrations(expandPaths(args, corpus).files, 'plain'), corpus);
  lap('find-and-read');
  const options = { pgVersion: 16, framework: 'plain' as const };
  if (phase === 'parse') for (const source of sources) parseFile(source.text, options);
  else {
    const rules = phase === 'no-rules' ? [] : phase === 'idle-rules' ? idle : phase === 'per-rule' ? timed : ALL_RULES;
    const result = lintMigrationsSync(sources, options, rules);
    lap(phase);
    if (phase === 'per-rule') for (const [id, ms] of Object.entries(ruleTimes)) times[`rule ${id}`] = ms;
    if (phase === 'all-rules') {
      // What the CLI does after the lint: the report model, then its JSON (the bench's --format json).
      const settings = resolveSettings(undefined, { pgVersion: '16', framework: 'plain', label: (s) => `--${s}` });
      const report = migrationReport({ result, settings, scope: 'Whole history', warnings: [], notices: [] });
      if (renderFormat(report, 'json').length === 0) throw new Error('the JSON report is empty');
      lap('report');
    }
  }
  if (phase === 'parse') lap(phase);
  // Since the process started: what start-up cost is the rest.
  times['cpu total'] = cpuNow();
  console.log(JSON.stringify(times));
}

void main();
