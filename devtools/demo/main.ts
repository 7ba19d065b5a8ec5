// `npm run demo`: the sample service (examples/) through the whole pipeline on this machine, with the real parts:
// a PostgreSQL cluster with a staging and a production database (migrations linted, then applied by
// examples/deploy/migrate.sh), the OpenAPI spec (linted, diffed against the release in production, tested live
// against each new colour), two colours behind a real nginx (staging) and a real HAProxy (production), the
// health gate, the expand-contract sequencing, a judged canary 10 -> 50 -> 100 under user traffic, Deployment
// records in the GitHub API emulator, and a DORA report over them. Each step runs the bundled CLI (dist/cli) as
// deploy.yml runs the actions, except the switch itself: blue-green-switch's CLI records no Deployments, so the
// demo runs the action's bundle through the runner emulator, as the workflow does.
//
// The story: production and staging run 1.0.0 on blue. main then gets an expand migration (0003) and, too early,
// its contract (0004): the sequencing refuses that run before anything deploys. 1.1.0 (the expand, GET /version)
// goes out: staging switches to green, the smoke test passes, production runs a canary to 100 %. 1.2.0 (the
// contract, now allowed) carries a fault that shows only under production load: the canary's judge and gate
// catch it at 10 % and put production back on green. dora-report reads the records.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseRouterConfig } from '../../actions/blue-green-switch/src/engine/config.js';
import { allOn } from '../../actions/blue-green-switch/src/engine/weights.js';
import { logFormatName, renderUpstreamFile } from '../../actions/blue-green-switch/src/routers/nginx.js';
import { findBinary, findPostgresBinaries } from '../binaries.js';
import { onProcessExit } from '../exec.js';
import { startGitHubApi, type DeploymentFixture, type GitHubApi } from '../github-api.js';
import { startHaproxy } from '../haproxy.js';
import { startNginx, type NginxServer } from '../nginx.js';
import { freePort } from '../ports.js';
import { runSql, startPostgresCluster } from '../postgres.js';
import { writeOwner } from '../reaper.js';
import { runAction } from '../runner.js';
import { createDemoRepo, type DemoCommit } from './repo.js';
import {
  releaseBanner,
  stepLine,
  type DemoSummary,
  type DeploymentRow,
  type Stage,
  type StepRecord
} from './report.js';
import { killRunning, run, startService, startUsers, type CliRun, type ServiceProcess } from './services.js';

const TOKEN = 'ghs_demoToken000000000000000000000000';
const OWNER = 'acme';
const REPO = 'items';
const SPEC = 'examples/service/openapi.yaml';
const MIGRATIONS = 'examples/service/migrations';
const GATE = 'examples/deploy/gate.yml';
const ROUTERS = { staging: 'examples/deploy/staging-router.yml', production: 'examples/deploy/production-router.yml' };
/** The 1.2.0 fault: after this many /items requests (the gates and the live test send fewer), half fail. */
const FAULT = { FAULT_AFTER_REQUESTS: '260', FAULT_ERROR_RATE: '0.5' };

type Env = 'staging' | 'production';

export interface DemoOptions {
  /** The ubos/actions checkout (dist/ and examples/ are read from it). */
  root: string;
  log?: (line: string) => void;
  /** Canary step wait (default 3s). */
  stepWait?: string;
}

class DemoFailure extends Error {}

export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const root = options.root;
  const cliPath = path.join(root, 'dist', 'cli', 'index.js');
  if (!fs.existsSync(cliPath)) throw new DemoFailure(`${cliPath} is missing: run npm run build`);
  // What the demo starts, looked for before it starts anything: a missing one is one line naming its package.
  const pgBin = findPostgresBinaries().dir;
  findBinary('psql', { aptPackage: 'postgresql-client' });
  findBinary('nginx');
  findBinary('haproxy', { extraDirs: ['/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin'] });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-demo-'));
  writeOwner(work);
  const cancelWorkHook = onProcessExit(() => fs.rmSync(work, { recursive: true, force: true }));
  const steps: StepRecord[] = [];
  const cleanups: { what: string; stop: () => Promise<void> | void }[] = [];
  const services = new Map<string, ServiceProcess>();
  let release = '';
  let ok = true;
  let github: GitHubApi | undefined;
  let versionOf = new Map<string, string>();

  const record = (stage: Stage, step: string, outcome: StepRecord['outcome'], summary: string, ms: number) => {
    const entry = { release, stage, step, outcome, summary, ms };
    steps.push(entry);
    log(stepLine(entry));
    return entry;
  };
  /** A step that must pass; a failure ends the demo (after clean-up) with ok false. */
  const must = (stage: Stage, step: string, passed: boolean, summary: string, ms: number) => {
    record(stage, step, passed ? 'pass' : 'fail', summary, ms);
    if (!passed) throw new DemoFailure(`${release} ${stage}: ${step} failed: ${summary}`);
  };

  const baseEnv: Record<string, string> = {
    PATH: [pgBin, '/usr/sbin', process.env.PATH ?? '/usr/bin:/bin'].join(path.delimiter),
    HOME: process.env.HOME ?? work,
    LANG: 'C.UTF-8',
    TMPDIR: os.tmpdir()
  };
  const headline = (text: string, pattern: RegExp): string =>
    text
      .split('\n')
      .find((line) => pattern.test(line))
      ?.trim() ??
    text.trim().split('\n').pop() ??
    '';

  try {
    // ------------------------------------------------------------------------------------------------ setup
    log(releaseBanner('setup: PostgreSQL, nginx, HAProxy, the GitHub API emulator, the sample repository'));
    const setupStarted = performance.now();
    const repo = createDemoRepo(root, path.join(work, 'repo'));
    const ports = {
      staging: { blue: await freePort(), green: await freePort() },
      production: { blue: await freePort(), green: await freePort() }
    };
    const stateDir = path.join(work, 'state');
    fs.mkdirSync(stateDir);
    const started = await Promise.allSettled([
      startPostgresCluster(),
      startStagingNginx(root, ports.staging, stateDir),
      startHaproxy({
        backend: 'items',
        servers: [
          { name: 'blue1', address: ports.production.blue, weight: 100 },
          { name: 'green1', address: ports.production.green, weight: 0 }
        ]
      })
    ] as const);
    // What did start is stopped in `finally` even when something else did not.
    const [pgStarted, nginxStarted, haproxyStarted] = started;
    if (pgStarted.status === 'fulfilled') {
      const cluster = pgStarted.value;
      // Ctrl-C ends the process: the exit hooks stop what the harness starters do not (nginx, HAProxy and the
      // colours hook themselves).
      const cancelPgHook = onProcessExit(() => cluster.stopSync());
      cleanups.push({
        what: 'PostgreSQL',
        stop: async () => {
          await cluster.stop();
          cancelPgHook();
        }
      });
    }
    if (nginxStarted.status === 'fulfilled') cleanups.push({ what: 'nginx', stop: () => nginxStarted.value.stop() });
    if (haproxyStarted.status === 'fulfilled')
      cleanups.push({ what: 'HAProxy', stop: () => haproxyStarted.value.stop() });
    const cluster = settledValue(pgStarted);
    const nginx = settledValue(nginxStarted);
    const haproxy = settledValue(haproxyStarted);
    await runSql(cluster.connectionString(), 'CREATE DATABASE items_staging; CREATE DATABASE items_production;');
    const databaseUrl: Record<Env, string> = {
      staging: cluster.connectionString('items_staging'),
      production: cluster.connectionString('items_production')
    };
    const routerEnv: Record<string, string> = {
      ROUTER_STATE_DIR: stateDir,
      STAGING_BLUE: `127.0.0.1:${ports.staging.blue}`,
      STAGING_GREEN: `127.0.0.1:${ports.staging.green}`,
      STAGING_URL: nginx.url,
      STAGING_NGINX_DIR: nginx.prefix,
      PRODUCTION_BLUE_URL: `http://127.0.0.1:${ports.production.blue}`,
      PRODUCTION_GREEN_URL: `http://127.0.0.1:${ports.production.green}`,
      PRODUCTION_URL: haproxy.url,
      PRODUCTION_HAPROXY_SOCKET: haproxy.socket
    };
    versionOf = new Map(Object.values(repo.commits).map((c) => [c.sha, c.version ?? c.sha.slice(0, 7)]));
    github = await startGitHubApi({
      fixtures: {
        token: TOKEN,
        repos: [
          {
            owner: OWNER,
            name: REPO,
            defaultBranch: 'main',
            branches: { main: repo.commits.v120.sha },
            commits: repo.fixtures(),
            deployments: (['staging', 'production'] as Env[]).map((environment) =>
              bootstrapDeployment(repo.commits.v100, environment)
            )
          }
        ]
      }
    });
    const api = github;
    cleanups.push({ what: 'the GitHub API emulator', stop: () => api.stop() });
    const githubEnv = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url, GITHUB_GRAPHQL_URL: api.graphqlUrl };

    const cli = (args: string[], env: Record<string, string> = {}, timeoutMs?: number): Promise<CliRun> =>
      run(process.execPath, [cliPath, ...args], { cwd: repo.dir, env: { ...baseEnv, ...env }, timeoutMs });
    const migrate = (environment: Env) =>
      run('bash', ['examples/deploy/migrate.sh'], {
        cwd: repo.dir,
        env: { ...baseEnv, DATABASE_URL: databaseUrl[environment] }
      });
    const deploy = async (
      environment: Env,
      color: 'blue' | 'green',
      version: string,
      env: Record<string, string> = {}
    ) => {
      const key = `${environment}/${color}`;
      await services.get(key)?.stop();
      services.set(
        key,
        await startService({ repoDir: repo.dir, port: ports[environment][color], color, version, env })
      );
    };

    // Both environments run 1.0.0 on blue, deployed three days ago (their Deployment records are fixtures).
    repo.checkout(repo.commits.v100.sha);
    for (const environment of ['staging', 'production'] as Env[]) {
      const migrated = await migrate(environment);
      if (migrated.code !== 0) throw new DemoFailure(`migrate.sh on ${environment}: ${migrated.stderr.trim()}`);
      await deploy(environment, 'blue', '1.0.0');
    }
    cleanups.push({
      what: 'the sample service colours',
      stop: async () => {
        await Promise.all([...services.values()].map((s) => s.stop()));
      }
    });
    record(
      'setup',
      'environments',
      'pass',
      `staging (nginx ${nginx.url}) and production (HAProxy ${haproxy.url}) run 1.0.0 on blue; PostgreSQL ${cluster.port}`,
      performance.now() - setupStarted
    );

    // ------------------------------------------------------------------------------------------------ steps
    const sequencing = async (stage: Stage) => {
      const gate = await run(
        process.execPath,
        [
          path.join(root, 'scripts/expand-contract-gate.mjs'),
          MIGRATIONS,
          '--repo',
          `${OWNER}/${REPO}`,
          '--cli',
          cliPath
        ],
        { cwd: repo.dir, env: { ...baseEnv, ...githubEnv } }
      );
      const line = headline(gate.stdout, /^Expand-contract gate/);
      const detail = gate.stdout.split('\n').find((l) => /^\s+\S+\.sql:\d+:/.test(l));
      return { gate, line, detail: detail?.trim(), stage };
    };

    const ciStage = async (base: DemoCommit) => {
      // ci.yml's test-command, as the sample service's pipeline sets it.
      const tests = await run(process.execPath, ['--test', 'examples/service/server.test.mjs'], {
        cwd: repo.dir,
        env: baseEnv
      });
      const counts = ['pass', 'fail'].map((what) => tests.stdout.match(new RegExp(`^ℹ ${what} (\\d+)$`, 'm'))?.[1]);
      must(
        'ci',
        'tests',
        tests.code === 0,
        `node --test: ${counts[0] ?? '?'} passed, ${counts[1] ?? '?'} failed`,
        tests.ms
      );
      const lint = await cli(['migration-safety', MIGRATIONS, '--framework', 'plain', '--since', base.sha]);
      must('ci', 'migration-safety', lint.code === 0, headline(lint.stdout, /^Migration safety/), lint.ms);
      const specLint = await cli(['contract-test', 'lint', SPEC]);
      must('ci', 'spec lint', specLint.code === 0, headline(specLint.stdout, /^Contract/), specLint.ms);
      const diff = await cli(['contract-test', 'diff', '--base-ref', base.sha, SPEC]);
      const change = diff.stdout.split('\n').find((l) => /(added|removed|changed)/i.test(l) && /:\d+/.test(l));
      must(
        'ci',
        `spec diff vs ${versionOf.get(base.sha)}`,
        diff.code === 0,
        [headline(diff.stdout, /^Contract/), change ? `(${change.trim()})` : ''].join(' '),
        diff.ms
      );
    };

    const liveSupported = /\blive\b/.test((await cli(['contract-test', '--help'])).stdout);

    const deployStage = async (
      environment: Env,
      commit: DemoCommit,
      strategy: 'switch' | 'canary',
      expectFailure = false,
      faultEnv: Record<string, string> = {}
    ): Promise<{ rolledBack: boolean }> => {
      const stage: Stage = environment;
      const seq = await sequencing(stage);
      must(stage, 'expand-contract', seq.gate.code === 0, seq.line, seq.gate.ms);
      const status = await cli(
        ['blue-green-switch', 'status', '--config', ROUTERS[environment], '--format', 'json'],
        routerEnv
      );
      const live = (JSON.parse(status.stdout || '{}') as { live?: string }).live;
      if (status.code !== 0 || (live !== 'blue' && live !== 'green'))
        throw new DemoFailure(`blue-green-switch status on ${environment}: ${status.stderr.trim() || status.stdout}`);
      const idle = live === 'blue' ? 'green' : 'blue';
      const migrated = await migrate(environment);
      const applied = migrated.stdout.match(/applying \S+/g)?.map((l) => path.basename(l.slice(9))) ?? [];
      must(
        stage,
        'migrate',
        migrated.code === 0,
        applied.length ? `applied ${applied.join(', ')}` : 'nothing to apply',
        migrated.ms
      );
      const deployStarted = performance.now();
      await deploy(environment, idle, commit.version!, faultEnv);
      must(
        stage,
        `deploy ${idle}`,
        true,
        `${commit.version} started on ${idle} (${services.get(`${environment}/${idle}`)!.url})${Object.keys(faultEnv).length ? ' with the injected fault' : ''}`,
        performance.now() - deployStarted
      );
      const targetUrl = `http://127.0.0.1:${ports[environment][idle]}`;
      const gateEnv = {
        BGS_TARGET_URL: targetUrl,
        BGS_TARGET_COLOR: idle,
        BGS_PHASE: 'direct',
        DATABASE_URL: databaseUrl[environment]
      };
      const gate = await cli(['health-gate', '--config', GATE], gateEnv);
      must(stage, `health-gate ${idle}`, gate.code === 0, headline(gate.stdout, /^Health gate/), gate.ms);
      if (liveSupported) {
        const live = await cli([
          'contract-test',
          'live',
          SPEC,
          '--base-url',
          targetUrl,
          '--budget',
          '40',
          '--seed',
          '1'
        ]);
        must(stage, `contract live ${idle}`, live.code === 0, headline(live.stdout, /^Contract/), live.ms);
      } else {
        record(
          stage,
          `contract live ${idle}`,
          'skipped',
          'NOT RUN: contract-test live is not in this build of the CLI yet (it lands with contract-test part 2)',
          0
        );
      }
      const users = strategy === 'canary' ? startUsers(`${routerEnv.PRODUCTION_URL}/items`) : undefined;
      const switchStarted = performance.now();
      const switched = await runAction('blue-green-switch', {
        root,
        workspace: repo.dir,
        timeoutMs: 120_000,
        inputs: {
          router: ROUTERS[environment],
          operation: strategy,
          to: idle,
          steps: '10,50,100',
          'step-wait': options.stepWait ?? '3s',
          gate: GATE,
          judge: 'true',
          'judge-min-requests': '30',
          'judge-max-latency-increase': '200%',
          'lock-timeout': '10s',
          deployment: 'true',
          environment,
          'github-token': TOKEN
        },
        env: {
          ...baseEnv,
          ...routerEnv,
          DATABASE_URL: databaseUrl[environment],
          GITHUB_API_URL: api.url,
          GITHUB_GRAPHQL_URL: api.graphqlUrl,
          GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
          GITHUB_SHA: commit.sha,
          GITHUB_RUN_ID: String(steps.length + 1000)
        }
      });
      const switchMs = performance.now() - switchStarted;
      const traffic = users ? await users.stop() : undefined;
      const report = JSON.parse(switched.outputs['result-json'] ?? '{}') as SwitchReport;
      const rolledBack = switched.outputs['rolled-back'] === 'true';
      const what = [
        strategy === 'canary' ? canarySummary(report, idle) : (report.message ?? switched.stderr.trim()),
        traffic ? `users: ${traffic.sent} requests, ${traffic.failed} failed` : '',
        `deployment #${switched.outputs['deployment-id'] || '?'}`
      ]
        .filter(Boolean)
        .join('; ');
      const name = strategy === 'canary' ? 'canary 10→50→100' : `switch to ${idle}`;
      if (expectFailure) {
        record(stage, name, switched.exitCode === 1 && rolledBack ? 'rolled-back' : 'fail', what, switchMs);
        if (switched.exitCode !== 1 || !rolledBack)
          throw new DemoFailure(`the faulty canary was not rolled back: ${what}`);
        // deploy.yml's rollback-command: the faulty colour goes away.
        await services.get(`${environment}/${idle}`)?.stop();
        services.delete(`${environment}/${idle}`);
      } else {
        must(stage, name, switched.exitCode === 0 && switched.outputs['live-color'] === idle, what, switchMs);
      }
      return { rolledBack };
    };

    const smokeStage = async () => {
      const smoke = await cli(['health-gate', '--config', GATE], {
        BGS_TARGET_URL: nginx.url,
        BGS_TARGET_COLOR: '',
        BGS_PHASE: 'router',
        DATABASE_URL: databaseUrl.staging
      });
      must('smoke', 'health-gate via nginx', smoke.code === 0, headline(smoke.stdout, /^Health gate/), smoke.ms);
    };

    // ------------------------------------------------------------------------------- run 1: contract too early
    release = `main at ${repo.commits.contract.sha.slice(0, 7)} (0003 expand + 0004 contract, not released)`;
    log(releaseBanner(`pipeline run for ${release}`));
    repo.checkout(repo.commits.contract.sha);
    const early = await sequencing('staging');
    record(
      'staging',
      'expand-contract',
      early.gate.code === 1 ? 'refused' : 'fail',
      `${early.line}${early.detail ? `: ${early.detail}` : ''}; nothing deployed`,
      early.gate.ms
    );
    if (early.gate.code !== 1) throw new DemoFailure('the sequencing let a contract through before its expand shipped');

    // ------------------------------------------------------------------------------------------- release 1.1.0
    release = `release 1.1.0 (${repo.commits.v110.sha.slice(0, 7)})`;
    log(releaseBanner(release));
    repo.checkout(repo.commits.v110.sha);
    await ciStage(repo.commits.v100);
    await deployStage('staging', repo.commits.v110, 'switch');
    await smokeStage();
    await deployStage('production', repo.commits.v110, 'canary');

    // ------------------------------------------------------------------------------------------- release 1.2.0
    release = `release 1.2.0 (${repo.commits.v120.sha.slice(0, 7)})`;
    log(releaseBanner(`${release}: the contract, and a fault that shows under production load`));
    repo.checkout(repo.commits.v120.sha);
    await ciStage(repo.commits.v110);
    await deployStage('staging', repo.commits.v120, 'switch');
    await smokeStage();
    await deployStage('production', repo.commits.v120, 'canary', true, FAULT);

    // --------------------------------------------------------------------------------------------------- DORA
    release = 'DORA';
    log(releaseBanner('DORA report over the production Deployment records'));
    const dora = await cli(
      ['dora-report', '--repo', `${OWNER}/${REPO}`, '--environment', 'production', '--period', '30d'],
      githubEnv
    );
    const doraLine = headline(dora.stdout, /^DORA report for/);
    must('report', 'dora-report', dora.code === 0, doraLine || dora.stderr, dora.ms);
    // The metric lines (title, value, level, score, trend) and the failed deployments it found.
    const metrics = dora.stdout
      .split('\n')
      .filter((line) => /^ {2}\S.*\[.*score/.test(line) || /^ {2}failed deployment/.test(line))
      .map((line) => line.trim());
    return summarize([doraLine.replace(/, compared with .*$/, ''), ...metrics]);
  } catch (error) {
    ok = false;
    if (!(error instanceof DemoFailure)) throw error;
    log(`\ndemo: ${error.message}`);
    return summarize([]);
  } finally {
    killRunning();
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup.stop();
      } catch (error) {
        log(`demo: could not stop ${cleanup.what}: ${(error as Error).message}`);
      }
    }
    fs.rmSync(work, { recursive: true, force: true });
    cancelWorkHook();
  }

  function summarize(dora: string[]): DemoSummary {
    const deployments: DeploymentRow[] = [];
    if (github) {
      const state = github.state.repo(OWNER, REPO);
      for (const d of state.deployments) {
        const statuses = state.deploymentStatuses.get(d.id) ?? [];
        const last = [...statuses].sort((a, b) => b.id - a.id)[0];
        deployments.push({
          id: d.id,
          environment: d.environment,
          version: versionOf.get(d.sha) ?? d.sha.slice(0, 7),
          sha: d.sha,
          task: d.task,
          state: last?.state ?? 'none',
          color: String((d.payload as { color?: string } | null)?.color ?? '')
        });
      }
    }
    return {
      steps,
      deployments,
      dora,
      wallMs: performance.now() - started,
      cleanedUp: cleanups.map((c) => c.what).concat('temp dirs'),
      ok: ok && steps.every((s) => s.outcome !== 'fail')
    };
  }
}

interface SwitchReport {
  message?: string;
  live?: string;
  rolledBack?: boolean;
  timeline?: { phase: string; step?: number; ok: boolean; message: string; weights?: Record<string, number> }[];
}

/** A canary as its steps: the new colour's share, what the judge and the gate said, and where traffic ended. */
function canarySummary(report: SwitchReport, color: string): string {
  const timeline = report.timeline ?? [];
  const steps = [...new Set(timeline.flatMap((t) => (t.step === undefined ? [] : [t.step])))];
  const parts = steps.map((step) => {
    const of = timeline.filter((t) => t.step === step);
    const share = of.find((t) => t.phase === 'apply')?.weights?.[color];
    const verdicts = of
      .filter((t) => t.phase === 'judge' || t.phase === 'gate')
      .map((t) => {
        if (t.ok) return `${t.phase} pass`;
        // The judge's comparison or the gate's budget, without the statistics behind them.
        const why =
          t.phase === 'judge'
            ? /judge fail: (.*?)(?: \(p=|$)/.exec(t.message)?.[1]
            : /: (\S+): .*?(\d+(?:\.\d+)?% errors) \(max ([^)]+)\)/
                .exec(t.message)
                ?.slice(1)
                .join(' ')
                .replace(/ (\S+)$/, ' > $1');
        return `${t.phase} FAIL${why ? ` (${why})` : ''}`;
      });
    return `${share ?? '?'}%: ${verdicts.join(', ') || 'no check'}`;
  });
  const end = report.rolledBack
    ? `rolled back to ${report.live} (verified)`
    : report.live === color
      ? `${color} is live (verified)`
      : (report.message ?? '');
  return `${parts.join(' · ')}; ${end}`;
}

function settledValue<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/** The Deployment record of a release that went out before the demo (3 days ago, in both environments). */
function bootstrapDeployment(commit: DemoCommit, environment: Env): DeploymentFixture {
  const at = (hoursAfter: number) => new Date(Date.parse(commit.date) + hoursAfter * 3_600_000).toISOString();
  return {
    sha: commit.sha,
    ref: commit.sha,
    environment,
    task: 'deploy',
    payload: { color: 'blue', previous: null, weights: { blue: 100, green: 0 }, rollback: false },
    createdAt: at(environment === 'staging' ? 1 : 2),
    statuses: [
      { state: 'in_progress', createdAt: at(environment === 'staging' ? 1 : 2) },
      { state: 'success', createdAt: at(environment === 'staging' ? 1.05 : 2.1) }
    ]
  };
}

/** nginx for staging, serving blue, with the upstream file and access log staging-router.yml names. */
async function startStagingNginx(
  root: string,
  ports: { blue: number; green: number },
  stateDir: string
): Promise<NginxServer> {
  const routerText = fs.readFileSync(path.join(root, ROUTERS.staging), 'utf8');
  return startNginx({
    workerProcesses: 1,
    config: ({ port, prefix }) => {
      const config = parseRouterConfig({
        text: routerText,
        path: path.join(prefix, 'router.yml'),
        cwd: prefix,
        env: {
          ROUTER_STATE_DIR: stateDir,
          STAGING_BLUE: `127.0.0.1:${ports.blue}`,
          STAGING_GREEN: `127.0.0.1:${ports.green}`,
          STAGING_URL: `http://127.0.0.1:${port}`,
          STAGING_NGINX_DIR: prefix
        }
      });
      const upstreamFile = path.join(prefix, 'conf', 'items-upstream.conf');
      // The first deploy's upstream file, as the router writes it (nginx -t needs it before nginx starts).
      fs.writeFileSync(upstreamFile, renderUpstreamFile(config, allOn('blue', ['blue', 'green'])));
      return `include ${upstreamFile};
server {
    listen 127.0.0.1:${port};
    location / {
        proxy_pass http://items;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        access_log ${path.join(prefix, 'logs', 'items.json')} ${logFormatName('items')};
    }
}
`;
    }
  });
}
