#!/usr/bin/env node
// Benchmark of migration-safety against squawk 2.66 (optional dependency @squawk-cli/linux-x64, the native Rust binary squawk-cli ships) on the
// trigger.dev Prisma history (../shared/reference/corpora/trigger.dev-migrations, 820 real migrations), both in
// the same run with the same file list, PostgreSQL 16, no framework preset (squawk knows none). Three cases:
//   - the 820-file history, every file linted;
//   - the same history copied 4 times under different folder names (3,280 files), built in a temporary folder;
//   - a pull request: the last 3 migrations are the change set (ours: `--since`, against a commit holding the
//     817 before them, which are replayed; squawk: the 3 files, which is all it reads);
// for each: median wall time of N runs and peak RSS of each tool, and the ratio ours/squawk. The machine's load
// average is printed before and after: the ratio is only meaningful when both were measured side by side.
// On the 820-file case also:
//   - findings per rule for each tool;
//   - agreement per squawk rule: squawk's findings we also report on the same statement (through our rules'
//     `equivalents.squawk`), those we deliberately do not report (our report's `exemptions`, each with its reason
//     and the rule's equivalents), those
//     we miss, and ours that squawk does not report.
// Also in the same run, for scale: Node start-up alone (the floor of any Node CLI), and, when the environment
// sets NODE_EXTRA_CA_CERTS, ours and that floor again without it.
// Usage: npm run build && node bench/migration-safety.mjs [--runs 5] [--show N (examples of misses/extras)]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin/ubos-actions.js');
const bundle = join(root, 'dist/cli/index.js');
const squawk = join(root, 'node_modules/@squawk-cli/linux-x64/bin/squawk');
const corpus = resolve(root, '..', 'shared', 'reference', 'corpora', 'trigger.dev-migrations');
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 && Number(process.argv[at + 1]) >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = option('--runs', 5) || 5;
const SHOW = option('--show', 0);
const PG = '16';
const COPIES = 4;
const CHANGED = 3;

for (const [path, hint] of [
  [bundle, 'npm run build'],
  [squawk, 'npm ci (optional dependency @squawk-cli/linux-x64 2.66.0, the binary of squawk-cli; linux x64 only)'],
  [corpus, 'the trigger.dev migration corpus belongs next to the repository, in ../shared/reference/corpora']
]) {
  if (!existsSync(path)) {
    console.error(`${path} is missing: ${hint}`);
    process.exit(2);
  }
}

// Relative paths from the corpus folder: the same short command line for both tools and comparable file names.
const files = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(corpus, entry.name, 'migration.sql')))
  .map((entry) => `${entry.name}/migration.sql`)
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
if (files.length <= CHANGED) {
  console.error(`${corpus} holds too few */migration.sql`);
  process.exit(2);
}

// The larger corpora are built here, in a temporary folder removed at exit, from the same files.
const scratch = mkdtempSync(join(tmpdir(), 'ubos-ms-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const copyFiles = (list, to) => {
  for (const file of list) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(corpus, file), join(to, file));
  }
};
// COPIES copies of the history, one folder each: every copy is a distinct file to both tools.
const copies = join(scratch, 'copies');
const copiedFiles = [];
for (let i = 1; i <= COPIES; i++) {
  copyFiles(files, join(copies, `copy-${i}`));
  copiedFiles.push(...files.map((file) => `copy-${i}/${file}`));
}
// A pull request: a repository whose base commit holds all but the last CHANGED migrations, and HEAD adds them.
const pr = join(scratch, 'pull-request');
const git = (...args) => {
  const run = spawnSync('git', args, {
    cwd: pr,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@localhost',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@localhost'
    }
  });
  if (run.status !== 0) {
    console.error(`git ${args.join(' ')} failed: ${run.error?.message ?? run.stderr}`);
    process.exit(2);
  }
};
const changed = files.slice(-CHANGED);
copyFiles(files, pr);
git('init', '-q');
git('add', '--', ...files.slice(0, -CHANGED));
git('commit', '-q', '-m', 'base');
git('add', '--', ...changed);
git('commit', '-q', '-m', 'pull request');

const oursOn = (list, extra = []) => ({
  label: 'ubos migration-safety',
  command: process.execPath,
  args: [cli, 'migration-safety', '--format', 'json', '--pg-version', PG, '--framework', 'plain', ...extra, ...list]
});
const squawkOn = (list) => ({
  label: 'squawk 2.66',
  command: squawk,
  args: ['--reporter', 'json', '--pg-version', PG, ...list]
});
const ours = { ...oursOn(files), cwd: corpus };
const theirs = { ...squawkOn(files), cwd: corpus };
const cases = [
  { label: `${files.length} files, whole history`, ours, theirs },
  {
    label: `${copiedFiles.length} files (${COPIES} copies), whole history`,
    ours: { ...oursOn(copiedFiles), cwd: copies },
    theirs: { ...squawkOn(copiedFiles), cwd: copies }
  },
  {
    label: `pull request: ${CHANGED} changed files of ${files.length} (ours replays the ${files.length - CHANGED} before)`,
    ours: { ...oursOn(files, ['--since', 'HEAD~1']), cwd: pr },
    theirs: { ...squawkOn(changed), cwd: pr }
  }
];
// The floor of any Node.js CLI: the runtime starting and exiting with nothing to do.
const nodeFloor = {
  label: 'node -e 0 (Node start-up alone)',
  command: process.execPath,
  args: ['-e', '0'],
  cwd: corpus
};
// NODE_EXTRA_CA_CERTS makes every Node process parse that certificate bundle at start-up (~45-85 ms on the
// 2-vCPU machine this was written on), before any of our code runs; runners seldom set it. When it is set,
// both Node rows are measured a second time without it.
const withoutCa = (tool) => {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return { ...tool, label: `${tool.label}, NODE_EXTRA_CA_CERTS unset`, env };
};
const extraCa = process.env.NODE_EXTRA_CA_CERTS !== undefined;
const floors = extraCa ? [nodeFloor, withoutCa(ours), withoutCa(nodeFloor)] : [nodeFloor];

// Peak RSS: GNU time's %M (the child's maximum resident set, from wait4's rusage) when /usr/bin/time exists;
// otherwise VmHWM from /proc/<pid>/status, polled every 5 ms until the process exits (may miss a last spike).
const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const RSS_METHOD = GNU_TIME ? 'GNU time %M' : '/proc/<pid>/status VmHWM polled every 5 ms';

function failed(tool, status, stderr) {
  // Both tools exit 1 when they report findings; anything else means the run itself failed.
  console.error(`${tool.label} failed (exit ${status}):\n${stderr.trim().split('\n').slice(-8).join('\n')}`);
  process.exit(1);
}

function measureWithTime(tool) {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', tool.command, ...tool.args], {
    cwd: tool.cwd,
    env: tool.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 1 << 30
  });
  const seconds = (performance.now() - started) / 1000;
  const lines = run.stderr.trimEnd().split('\n');
  const kib = Number(lines.pop());
  if (run.status === null || run.status > 1 || !Number.isFinite(kib)) failed(tool, run.status, lines.join('\n'));
  return { seconds, rssMiB: kib / 1024, stdout: run.stdout };
}

function measureWithProc(tool) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(tool.command, tool.args, { cwd: tool.cwd, env: tool.env ?? process.env });
    const out = [];
    const err = [];
    let peakKiB = 0;
    const poll = () => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKiB = Math.max(peakKiB, Number(hwm[1]));
      } catch {
        // The process has just exited.
      }
    };
    const timer = setInterval(poll, 5);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('exit', poll);
    child.on('close', (status) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (status === null || status > 1) failed(tool, status, Buffer.concat(err).toString());
      done({ seconds, rssMiB: peakKiB / 1024, stdout: Buffer.concat(out).toString() });
    });
  });
}

const measure = (tool) => (GNU_TIME ? measureWithTime(tool) : measureWithProc(tool));

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// Alternate the tools so all see the same machine state (page cache, CPU frequency, neighbours).
const measured = [...cases.flatMap((c) => [c.ours, c.theirs]), ...floors];
const samples = new Map(measured.map((tool) => [tool, []]));
const loadBefore = loadavg();
for (let i = 0; i < RUNS; i++) {
  for (const tool of measured) samples.get(tool).push(await measure(tool));
}
const loadAfter = loadavg();
const summary = (tool) => {
  const runs = samples.get(tool);
  return {
    label: tool.label,
    seconds: median(runs.map((r) => r.seconds)),
    rssMiB: Math.max(...runs.map((r) => r.rssMiB)),
    stdout: runs[0].stdout
  };
};
const timing = [summary(ours), summary(theirs), ...floors.map(summary)];

function parseJson(label, text) {
  try {
    return JSON.parse(text);
  } catch {
    console.error(`${label} did not print JSON: ${text.slice(0, 300)}`);
    process.exit(1);
  }
}
const report = parseJson(ours.label, timing[0].stdout);
const squawkFindings = parseJson(theirs.label, timing[1].stdout);

// Our rule catalogue: which squawk rules have an equivalent here at all (findings and exemptions carry their own).
const listed = spawnSync(process.execPath, [cli, 'migration-safety', '--list-rules', '--format', 'json'], {
  encoding: 'utf8'
});
const catalogue = new Map(parseJson('--list-rules', listed.stdout).map((rule) => [rule.id, rule]));
const squawkIdsOf = (finding) => finding.equivalents?.squawk ?? catalogue.get(finding.id)?.equivalents?.squawk ?? [];

// Statement boundaries, found with the PostgreSQL parser both tools use, so a finding anywhere in a statement
// (squawk points at the statement or at a clause in it) matches one anywhere in the same statement.
const require = createRequire(join(root, 'package.json'));
const pg = require('libpg-query');
await pg.loadModule();
const COMMENT = new Set(['SQL_COMMENT', 'C_COMMENT']);

/** For each statement of the file, its first and last line (1-based), from its first to its last real token. */
function statementLines(path) {
  const text = readFileSync(join(corpus, path), 'utf8');
  const bytes = Buffer.from(text, 'utf8');
  const lineStarts = [0];
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lineStarts.push(i + 1);
  const lineOf = (byte) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= byte) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  let stmts;
  let tokens;
  try {
    stmts = pg.parseSync(text).stmts ?? [];
    tokens = pg.scanSync(text).tokens.filter((t) => !COMMENT.has(t.tokenName) && t.text !== ';');
  } catch {
    return [];
  }
  return stmts.map((stmt) => {
    const from = stmt.stmt_location ?? 0;
    const to = stmt.stmt_len ? from + stmt.stmt_len : bytes.length;
    const inside = tokens.filter((t) => t.start >= from && t.end <= to);
    if (inside.length === 0) return { first: lineOf(from), last: lineOf(to) };
    return { first: lineOf(inside[0].start), last: lineOf(inside.at(-1).end - 1) };
  });
}

const statementsOf = new Map();
/** The index of the statement holding a 1-based line; a line between statements belongs to the next one. */
function statementAt(file, line) {
  if (!statementsOf.has(file)) statementsOf.set(file, statementLines(file));
  const statements = statementsOf.get(file);
  const index = statements.findIndex((s) => line <= s.last);
  return index === -1 ? statements.length : index;
}

const relative = (file) => (file.startsWith(corpus + '/') ? file.slice(corpus.length + 1) : file);
const keyOf = (rule, file, line) => `${rule}|${relative(file)}|${statementAt(relative(file), line)}`;

// Our findings and exemptions, keyed by each squawk rule they stand for.
const ourByKey = new Map();
const ourBySquawkRule = new Map();
for (const finding of report.findings) {
  for (const id of squawkIdsOf(finding)) {
    const key = keyOf(id, finding.location.file, finding.location.line);
    ourByKey.set(key, finding);
    if (!ourBySquawkRule.has(id)) ourBySquawkRule.set(id, []);
    ourBySquawkRule.get(id).push({ key, finding });
  }
}
const exemptByKey = new Map();
for (const exemption of report.exemptions ?? []) {
  for (const id of squawkIdsOf(exemption))
    exemptByKey.set(keyOf(id, exemption.location.file, exemption.location.line), exemption);
}

const squawkRules = [...new Set(squawkFindings.map((f) => f.rule_name))].sort();
const rows = [];
const examples = [];
for (const rule of squawkRules) {
  const mine = squawkFindings.filter((f) => f.rule_name === rule);
  // squawk's lines are 0-based.
  const keys = mine.map((f) => keyOf(rule, f.file, f.line + 1));
  const theirKeys = new Set(keys);
  const row = { rule, squawk: mine.length, matched: 0, exempted: 0, reasons: new Map(), missed: 0, extra: 0 };
  keys.forEach((key, i) => {
    if (ourByKey.has(key)) row.matched++;
    else if (exemptByKey.has(key)) {
      row.exempted++;
      const reason = exemptByKey.get(key).reason;
      row.reasons.set(reason, (row.reasons.get(reason) ?? 0) + 1);
    } else {
      row.missed++;
      examples.push(`  missed ${rule}: ${relative(mine[i].file)}:${mine[i].line + 1} ${mine[i].message}`);
    }
  });
  for (const { key, finding } of ourBySquawkRule.get(rule) ?? []) {
    if (theirKeys.has(key)) continue;
    row.extra++;
    examples.push(
      `  extra  ${rule}: ${relative(finding.location.file)}:${finding.location.line} ${finding.id}: ${finding.message}`
    );
  }
  row.mapped = ourBySquawkRule.has(rule) || [...catalogue.values()].some((r) => r.equivalents?.squawk?.includes(rule));
  rows.push(row);
}

const percent = (part, whole) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);
const count = (list, pick) => {
  const counts = new Map();
  for (const item of list) counts.set(pick(item), (counts.get(pick(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};

const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`trigger.dev migrations, PostgreSQL ${PG}, median of ${RUNS} runs each, tools alternating`);
console.log(`peak RSS measured with ${RSS_METHOD}; load average ${load(loadBefore)} before, ${load(loadAfter)} after`);
console.log('');
console.log('| case | ours | squawk | ratio ours/squawk | ours peak RSS | squawk peak RSS | findings ours / squawk |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const c of cases) {
  const a = summary(c.ours);
  const b = summary(c.theirs);
  const findingsOf = (label, text) => {
    const parsed = parseJson(label, text);
    return Array.isArray(parsed) ? parsed.length : parsed.findings.length;
  };
  console.log(
    `| ${c.label} | ${a.seconds.toFixed(3)} s | ${b.seconds.toFixed(3)} s | ${(a.seconds / b.seconds).toFixed(2)} | ${a.rssMiB.toFixed(0)} MiB | ${b.rssMiB.toFixed(0)} MiB | ${findingsOf(a.label, a.stdout)} / ${findingsOf(b.label, b.stdout)} |`
  );
}
console.log('');
console.log(`${files.length}-file case in detail:`);
console.log('| tool | median wall | peak RSS | findings |');
console.log('| --- | --- | --- | --- |');
console.log(
  `| ${timing[0].label} | ${timing[0].seconds.toFixed(3)} s | ${timing[0].rssMiB.toFixed(0)} MiB | ${report.findings.length} (+${report.exemptions?.length ?? 0} not flagged, with a reason) |`
);
console.log(
  `| ${timing[1].label} | ${timing[1].seconds.toFixed(3)} s | ${timing[1].rssMiB.toFixed(0)} MiB | ${squawkFindings.length} |`
);
console.log(
  `| ratio ours/squawk | ${(timing[0].seconds / timing[1].seconds).toFixed(2)} | ${(timing[0].rssMiB / timing[1].rssMiB).toFixed(2)} | |`
);
console.log('');
console.log('For scale, in the same run (ratio to squawk):');
console.log('| process | median wall | peak RSS | wall ratio to squawk |');
console.log('| --- | --- | --- | --- |');
for (const row of timing.slice(2)) {
  console.log(
    `| ${row.label} | ${row.seconds.toFixed(3)} s | ${row.rssMiB.toFixed(0)} MiB | ${(row.seconds / timing[1].seconds).toFixed(2)} |`
  );
}

console.log('');
console.log('Findings per rule, ours:');
console.log('| rule | findings | squawk equivalent |');
console.log('| --- | --- | --- |');
for (const [rule, n] of count(report.findings, (f) => f.id)) {
  console.log(`| ${rule} | ${n} | ${(catalogue.get(rule)?.equivalents?.squawk ?? []).join(', ') || '-'} |`);
}
console.log('');
console.log('Findings per rule, squawk:');
console.log('| rule | findings |');
console.log('| --- | --- |');
for (const [rule, n] of count(squawkFindings, (f) => f.rule_name)) console.log(`| ${rule} | ${n} |`);

console.log('');
console.log('Agreement per squawk rule (same statement, through equivalents):');
console.log('| squawk rule | squawk | we also | exempted | missed | extra (ours only) | agreement | excl. exempted |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
const total = { squawk: 0, matched: 0, exempted: 0, missed: 0, extra: 0 };
for (const row of rows) {
  for (const k of Object.keys(total)) total[k] += row[k];
  console.log(
    `| ${row.rule}${row.mapped ? '' : ' (no equivalent rule)'} | ${row.squawk} | ${row.matched} | ${row.exempted} | ${row.missed} | ${row.extra} | ${percent(row.matched, row.squawk)} | ${percent(row.matched, row.squawk - row.exempted)} |`
  );
}
console.log(
  `| all | ${total.squawk} | ${total.matched} | ${total.exempted} | ${total.missed} | ${total.extra} | ${percent(total.matched, total.squawk)} | ${percent(total.matched, total.squawk - total.exempted)} |`
);
const shared = rows.filter((r) => r.mapped);
const sharedTotal = (k) => shared.reduce((sum, r) => sum + r[k], 0);
console.log(
  `shared rules only: ${percent(sharedTotal('matched'), sharedTotal('squawk'))} raw, ${percent(sharedTotal('matched'), sharedTotal('squawk') - sharedTotal('exempted'))} excluding exemptions`
);
const exempting = rows.filter((r) => r.exempted > 0);
if (exempting.length) {
  console.log('');
  console.log("Not flagged, and why (the reasons of our JSON report's `exemptions` on squawk's statements):");
  for (const row of exempting) {
    const reasons = [...row.reasons].sort((a, b) => b[1] - a[1]);
    console.log(`- ${row.rule}: ${reasons.map(([reason, n]) => `${n} ${reason}`).join('; ')}`);
  }
}
const unmatched = report.findings.filter((f) => squawkIdsOf(f).length === 0);
console.log('');
console.log(
  `ours with no squawk equivalent (hazards squawk does not look for): ${unmatched.length} findings: ${count(
    unmatched,
    (f) => f.id
  )
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ')}`
);
if (SHOW > 0 && examples.length) {
  console.log('');
  const byRule = new Map();
  for (const line of examples) {
    const rule = line.split(':')[0];
    if (!byRule.has(rule)) byRule.set(rule, []);
    if (byRule.get(rule).length < SHOW) byRule.get(rule).push(line);
  }
  for (const lines of byRule.values()) console.log(lines.join('\n'));
}
