// The dora-report benchmark's two processes in one bundle (bench/dora-report.mjs builds and starts it):
//   `serve`: the GitHub emulator loaded with a synthetic year (1,000 deployments, 5,000 commits, 1,500 PRs,
//            40 incidents), answering `counts` messages with its request log's per-route counts;
//   (none):  starts `serve` as a child, runs dora-report's engine through the GraphQL adapter, then the plain
//            REST adapter (a call per deployment for statuses, per commit for its PR), and prints both.
import { fork } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createOctokit } from '../shared/src/actions/octokit.js';
import { GitHubDoraClient } from '../actions/dora-report/src/github/client.js';
import { parseOptions, runDoraReport, type DoraReport } from '../actions/dora-report/src/engine/index.js';
import { startGitHubApi, type RequestCounts } from '../__tests__/harness/github-api.js';
import { RepoBuilder } from '../__tests__/dora-report/builder.js';

const YEAR_START = Date.parse('2025-01-01T00:00:00Z');
const YEAR_MS = 365 * 24 * 3_600_000;
const MIN = 60_000;
const iso = (t: number) => new Date(t).toISOString();

/** A fixed pseudo-random sequence: the same year every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export function syntheticYear() {
  const rnd = random(42);
  const repo = new RepoBuilder('acme', 'year', '2024-12-01T00:00:00Z');
  repo.deploy({ created: '2024-12-31T12:00:00Z', statuses: [['success', '2024-12-31T12:10:00Z']] });
  // 951 slots, one in twenty with a failed attempt before the success, and one last deployment: 1,000.
  const SLOTS = 951;
  const PULLS = 1500;
  const slot = YEAR_MS / SLOTS;
  let pr = 0;
  let incidents = 0;
  let hotfixes = 0;
  let reverts = 0;
  for (let i = 0; i < SLOTS; i++) {
    const t = YEAR_START + i * slot;
    // 1.5 PRs per deployment slot on average, merged before the deployment.
    const wanted = Math.round(((i + 1) * PULLS) / SLOTS) - pr;
    for (let k = 0; k < wanted; k++) {
      pr++;
      const merged = t + (k + 1) * 20 * MIN;
      const n = 1 + (pr % 3);
      const commits = Array.from({ length: n }, (_, j) => iso(merged - (4 + rnd() * 40) * 3_600_000 + j * 10 * MIN));
      const kind = pr % 20 < 12 ? 'squash' : pr % 20 < 17 ? 'rebase' : 'merge';
      const hotfix = pr % 75 === 0;
      const revert = pr % 150 === 7;
      if (hotfix) hotfixes++;
      if (revert) reverts++;
      const spec = {
        number: pr,
        title: revert ? `Revert "PR ${pr - 1}"` : hotfix ? `Hotfix ${pr}` : `Change ${pr}`,
        head: revert ? `revert-${pr - 1}-x` : hotfix ? `hotfix/${pr}` : `feature/${pr}`,
        body: revert ? `Reverts acme/year#${pr - 1}` : '',
        labels: hotfix ? ['hotfix'] : [],
        commits,
        opened: iso(merged - 3 * 3_600_000),
        review: iso(merged - 2 * 3_600_000),
        merged: iso(merged)
      };
      if (kind === 'squash') repo.squash(spec);
      else if (kind === 'rebase') repo.rebase(spec);
      else repo.merge(spec);
    }
    const deployAt = t + 2 * 3_600_000;
    if (i % 20 === 5) {
      // a failed attempt, retried 30 minutes later
      repo.deploy({
        created: iso(deployAt),
        statuses: [
          ['in_progress', iso(deployAt)],
          ['failure', iso(deployAt + 5 * MIN)]
        ]
      });
      repo.deploy({ created: iso(deployAt + 30 * MIN), statuses: [['success', iso(deployAt + 40 * MIN)]] });
    } else {
      repo.deploy({
        created: iso(deployAt),
        statuses: [
          ['in_progress', iso(deployAt)],
          ['success', iso(deployAt + 10 * MIN)]
        ]
      });
    }
    if (i % 23 === 12 && incidents < 40) {
      incidents++;
      // three in four open within the 24h window after a deployment
      const opened = deployAt + (incidents % 4 === 0 ? 30 : 2) * 3_600_000;
      repo.incident({
        number: 100_000 + incidents,
        title: `Incident ${incidents}`,
        opened: iso(opened),
        closed: iso(opened + (1 + (incidents % 5)) * 3_600_000)
      });
    }
  }
  // Pushes without a PR fill the commit count to 5,000.
  let extra = 0;
  while (repo.commits.length < 5000) {
    extra++;
    repo.push(`extra${extra}`, iso(YEAR_START + YEAR_MS - 10 * 3_600_000 + extra * MIN));
  }
  repo.deploy({
    created: iso(YEAR_START + YEAR_MS - 2 * 3_600_000),
    statuses: [['success', iso(YEAR_START + YEAR_MS - 110 * MIN)]]
  });
  return {
    fixture: repo.fixture(),
    stats: {
      deployments: repo.deployments.length - 1,
      commits: repo.commits.length,
      pulls: repo.pulls.length,
      incidents,
      hotfixes,
      reverts
    }
  };
}

async function serve(): Promise<void> {
  const year = syntheticYear();
  const api = await startGitHubApi({ fixtures: { token: 'bench-token', repos: [year.fixture] } });
  process.on('message', (message: { type: string; from?: number }) => {
    if (message.type === 'counts')
      process.send!({ type: 'counts', counts: api.requestCounts(message.from ?? 0), length: api.requests.length });
    if (message.type === 'stop') void api.stop().then(() => process.exit(0));
  });
  process.send!({ type: 'ready', url: api.url, token: api.token, stats: year.stats });
}

interface Run {
  label: string;
  ms: number;
  counts: RequestCounts;
  report: DoraReport;
}

async function main(): Promise<void> {
  const child = fork(process.argv[1]!, ['serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ url: string; token: string; stats: Record<string, number> }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const counts = (from: number) =>
    new Promise<{ counts: RequestCounts; length: number }>((resolve) => {
      child.once('message', (m) => resolve(m as never));
      child.send({ type: 'counts', from });
    });
  const options = parseOptions({
    repositories: ['acme/year'],
    since: '2025-01-01',
    until: '2026-01-01',
    now: new Date('2026-01-02T00:00:00Z')
  });
  const run = async (label: string, graphql: boolean): Promise<Run> => {
    const before = (await counts(0)).length;
    const octokit = createOctokit({
      token: ready.token,
      baseUrl: ready.url,
      requestSpacing: false,
      logger: { debug() {}, info() {}, warning: (m) => console.error(m) }
    });
    const started = performance.now();
    const report = await runDoraReport(new GitHubDoraClient({ octokit, graphql }), options);
    const ms = performance.now() - started;
    return { label, ms, counts: (await counts(before)).counts, report };
  };
  const ours = await run('dora-report (GraphQL + link-header REST)', true);
  const naive = await run('naive REST (statuses per deployment, PR per commit)', false);
  child.send({ type: 'stop' });

  const value = (r: Run, id: string) => r.report.repositories[0]!.metrics.find((m) => m.id === id)!.current;
  console.log(
    `synthetic year: ${ready.stats.deployments} deployments, ${ready.stats.commits} commits, ${ready.stats.pulls} PRs, ${ready.stats.incidents} incidents`
  );
  console.log('');
  console.log('| approach | API calls | GraphQL | REST | wall time |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of [ours, naive]) {
    console.log(
      `| ${r.label} | ${r.counts.total} | ${r.counts.graphql} | ${r.counts.rest} | ${(r.ms / 1000).toFixed(2)} s |`
    );
  }
  console.log(
    `| ratio (naive / dora-report) | ${(naive.counts.total / ours.counts.total).toFixed(0)}x | | | ${(naive.ms / ours.ms).toFixed(1)}x |`
  );
  console.log('');
  console.log('calls by route:');
  const routes = new Set([...Object.keys(ours.counts.byRoute), ...Object.keys(naive.counts.byRoute)]);
  for (const route of [...routes].sort())
    console.log(
      `  ${route.padEnd(62)} ${String(ours.counts.byRoute[route] ?? 0).padStart(6)} ${String(naive.counts.byRoute[route] ?? 0).padStart(6)}`
    );
  console.log('');
  for (const id of [
    'deployment-frequency',
    'change-lead-time',
    'change-fail-rate',
    'failed-deployment-recovery-time',
    'deployment-rework-rate',
    'successful-deploys'
  ]) {
    const a = value(ours, id);
    const b = value(naive, id);
    console.log(`  ${id.padEnd(34)} ${a.display}${a.value === b.value ? '' : `   (naive: ${b.display})`}`);
  }
  const pass = ours.counts.total <= 50 && ours.ms < 10_000;
  console.log('');
  console.log(`target: <= 50 calls and < 10 s: ${pass ? 'met' : 'NOT met'}`);
  process.exitCode = pass ? 0 : 1;
}

const entry = process.argv[1] ? pathToFileURL(process.argv[1]).href === import.meta.url : false;
if (entry && process.argv[2] === 'serve') void serve();
else if (entry)
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
