// `engine: dredd`: runs Dredd 14.1.0 (for teams migrating from it) with the team's dredd.yml and maps its xunit
// report into the live result. The dredd.yml is rewritten first: the spec, the endpoint and the reporter are
// ours; keys that run repository code (server, hookfiles, language, require) or fetch from the network (path)
// are dropped unless the caller opted in to hooks by naming a hooks file, which Dredd then runs itself.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { redact, redactUrl } from '../../../../shared/src/lib/redact.js';
import { Credentials } from './auth.js';
import { buildModel, matchOperationPath, type ApiModel, type Operation } from './model.js';
import { apiRoot } from './request.js';
import type { AuthSecrets, LiveFailure, LiveResult, LoadedSpec, OperationCoverage, RecordedExchange } from './types.js';

export const DEFAULT_DREDD_TIMEOUT_MS = 10 * 60_000;

export interface DreddOptions {
  /** The loaded spec (what failures are located in), and its file on disk for Dredd. */
  spec: LoadedSpec;
  specPath: string;
  baseUrl: string;
  /** The team's dredd.yml, if any. */
  configFile?: string;
  /** A Dredd hookfile; only then are hooks run (and the config's hookfiles kept). */
  hooksFile?: string;
  /** How to start Dredd: an executable and its first arguments (see findDredd). */
  command: string[];
  auth?: AuthSecrets;
  timeoutMs?: number;
  cwd: string;
  /** Environment for the Dredd process (the caller decides; the engine reads none). */
  env?: Record<string, string | undefined>;
}

/** Dredd from the workspace's node_modules, else from PATH; undefined when neither has it. */
export function findDredd(cwd: string, path: string | undefined): string[] | undefined {
  const local = join(cwd, 'node_modules', '.bin', 'dredd');
  const candidates = [
    local,
    ...(path ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'dredd'))
  ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return [candidate];
    } catch {
      // not there
    }
  }
  return undefined;
}

const DROPPED = [
  'server',
  'server-wait',
  'language',
  'require',
  'hookfiles',
  'init',
  'reporter',
  'output',
  'color',
  'config',
  'path',
  'names',
  'dry-run',
  'blueprint',
  'endpoint'
];

function readConfig(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`${file}: not a readable dredd.yml: ${(error as Error).message.split('\n')[0]}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ConfigurationError(`${file}: a dredd.yml must be a mapping`);
  return parsed as Record<string, unknown>;
}

interface XunitCase {
  name: string;
  timeMs: number;
  failure?: string;
  skipped: boolean;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Dredd's xunit reporter output: <testcase name=".." time=".."> with an optional <failure> (CDATA) or <skipped/>. */
export function parseXunit(xml: string): XunitCase[] {
  const cases: XunitCase[] = [];
  const pattern = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const match of xml.matchAll(pattern)) {
    const attributes = match[1];
    const name = decodeXml(/\bname="([^"]*)"/.exec(attributes)?.[1] ?? '');
    const time = Number(/\btime="([^"]*)"/.exec(attributes)?.[1] ?? '0');
    const inner = match[3] ?? '';
    const failure = /<failure[^>]*>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))<\/failure>/.exec(inner);
    cases.push({
      name,
      timeMs: Number.isFinite(time) ? time * 1000 : 0,
      failure: failure ? (failure[1] ?? decodeXml(failure[2] ?? '')) : undefined,
      skipped: /<skipped/.test(inner)
    });
  }
  return cases;
}

/** The Gavel field a Dredd message line is about, as one of our check ids. */
function checkFor(line: string, actualStatus: number | undefined): string {
  if (/^statusCode:/.test(line))
    return actualStatus !== undefined && actualStatus >= 500 ? 'not-a-server-error' : 'status-code-conformance';
  if (/^headers:/.test(line))
    return /content-type/i.test(line) ? 'content-type-conformance' : 'response-headers-conformance';
  if (/^body:/.test(line)) return 'response-schema-conformance';
  return 'dredd';
}

function section(text: string, title: string): string {
  const match = new RegExp(`(?:^|\\n)${title}:\\n([\\s\\S]*?)(?=\\n(?:Message|Request|Expected|Actual):\\n|$)`).exec(
    text
  );
  return match?.[1]?.trim() ?? '';
}

function field(block: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\n)${name}: ?([^\\n]*)`).exec(block)?.[1]?.trim();
}

function headersOf(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  const match = /(?:^|\n)headers: ?\n((?: {4}[^\n]*\n?)*)/.exec(block);
  for (const line of (match?.[1] ?? '').split('\n')) {
    const header = /^ {4}([^:]+): ?(.*)$/.exec(line);
    if (header) out[header[1].toLowerCase()] = header[2]!;
  }
  return out;
}

function bodyOf(block: string): string | undefined {
  const match = /(?:^|\n)body: ?\n([\s\S]*?)(?=\n(?:statusCode|headers|bodyEncoding|uri|method):|$)/.exec(block);
  const body = match?.[1]?.trim();
  return body === '' ? undefined : body;
}

const ESC = String.fromCharCode(27);

/** Dredd colours its log even with color off in places; the escape codes are noise in a one-line error. */
function stripAnsi(text: string): string {
  return text
    .split(ESC)
    .map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, '')))
    .join('');
}

function runProcess(
  command: string[],
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs: number }
) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }>(
    (resolvePromise, reject) => {
      const child = spawn(command[0], [...command.slice(1), ...args], {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe']
      });
      let stdout = '';
      let stderr = '';
      const cap = 4 * 1024 * 1024;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = (stdout + chunk).slice(-cap)));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-cap)));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, options.timeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new ConfigurationError(`dredd could not be started (${command[0]}): ${error.message}`));
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        resolvePromise({ code, stdout, stderr, timedOut });
      });
    }
  );
}

/** Runs Dredd and maps its results; throws ConfigurationError when Dredd could not test at all. */
export async function runDredd(options: DreddOptions): Promise<LiveResult> {
  const started = performance.now();
  const model = buildModel(options.spec);
  const root = apiRoot(options.baseUrl, model);
  const credentials = new Credentials(options.auth);
  const config = options.configFile ? readConfig(resolve(options.cwd, options.configFile)) : {};
  const configDir = options.configFile ? dirname(resolve(options.cwd, options.configFile)) : options.cwd;
  const safe: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (DROPPED.includes(key) || key.startsWith('hooks-worker')) {
      if (
        key !== 'blueprint' &&
        key !== 'endpoint' &&
        key !== 'reporter' &&
        key !== 'output' &&
        key !== 'color' &&
        value !== null &&
        value !== false &&
        !(Array.isArray(value) && value.length === 0)
      )
        dropped.push(key);
      continue;
    }
    safe[key] = value;
  }
  const work = mkdtempSync(join(tmpdir(), 'ubos-dredd-'));
  const report = join(work, 'report.xml');
  const headers = Array.isArray(safe.header) ? safe.header.map(String) : [];
  // Dredd sends the same headers everywhere: the first secured operation's scheme decides where credentials go.
  const secured = model.operations.find((o) => credentials.choose(o) !== undefined);
  if (secured) {
    const applied = credentials.apply(credentials.choose(secured)!);
    for (const [name, value] of Object.entries(applied.headers)) headers.push(`${name}: ${value}`);
  }
  const hooks = options.hooksFile ? [resolve(options.cwd, options.hooksFile)] : [];
  if (options.hooksFile && Array.isArray(config.hookfiles))
    hooks.push(...config.hookfiles.map((f) => resolve(configDir, String(f))));
  else if (options.hooksFile && typeof config.hookfiles === 'string') hooks.push(resolve(configDir, config.hookfiles));
  const written = {
    ...safe,
    ...(headers.length > 0 ? { header: headers } : {}),
    ...(hooks.length > 0 ? { hookfiles: hooks } : {}),
    blueprint: isAbsolute(options.specPath) ? options.specPath : resolve(options.cwd, options.specPath),
    endpoint: root,
    // Dredd 14 turns a config file without `path` into [null, ...] and fails with "invalid pattern".
    path: [],
    reporter: ['xunit'],
    output: [report],
    color: false
  };
  const configPath = join(work, 'dredd.yml');
  // The file may hold credentials: only this user reads it, and it is removed when Dredd is done.
  writeFileSync(configPath, stringifyYaml(written), { mode: 0o600 });
  const secrets = [...credentials.secrets];
  let run: Awaited<ReturnType<typeof runProcess>>;
  try {
    run = await runProcess(options.command, ['--config', configPath], {
      cwd: configDir,
      env: options.env,
      timeoutMs: options.timeoutMs ?? DEFAULT_DREDD_TIMEOUT_MS
    });
    if (run.timedOut)
      throw new ConfigurationError(
        `dredd did not finish within ${Math.round((options.timeoutMs ?? DEFAULT_DREDD_TIMEOUT_MS) / 1000)}s`
      );
    const xml = existsSync(report) ? readFileSync(report, 'utf8') : '';
    const cases = parseXunit(xml);
    if (cases.length === 0) {
      const reason = `${run.stderr}\n${run.stdout}`
        .split('\n')
        .map((line) => stripAnsi(line).trim())
        .find((line) => /^error:/i.test(line));
      throw new ConfigurationError(
        `dredd ran no test${reason ? `: ${redact(reason.replace(/^error:\s*/i, ''), secrets)}` : ` (exit ${run.code})`}`
      );
    }
    return mapResult(model, options.spec, root, cases, secrets, performance.now() - started, dropped);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function mapResult(
  model: ApiModel,
  spec: LoadedSpec,
  root: string,
  cases: XunitCase[],
  secrets: string[],
  durationMs: number,
  dropped: string[]
): LiveResult {
  const failures: LiveFailure[] = [];
  const perOp = new Map<Operation, { requests: number; statuses: Set<string>; checks: Set<string> }>();
  const notes: string[] = [];
  if (dropped.length > 0)
    notes.push(
      `dredd.yml keys not used (they run code or fetch; name a hooks file to opt in to hooks): ${dropped.join(', ')}`
    );
  const rootPath = new URL(root).pathname.replace(/\/+$/, '');
  for (const testCase of cases) {
    const match = /^([A-Z]+) \((\d{3})\) (\S+)/.exec(testCase.name);
    if (!match) {
      notes.push(`dredd test "${redact(testCase.name, secrets)}" could not be matched to an operation`);
      continue;
    }
    const [, method, status, uri] = match as unknown as [string, string, string, string];
    const path = uri.split('?')[0];
    const relative = rootPath !== '' && path.startsWith(rootPath) ? path.slice(rootPath.length) : path;
    const template = matchOperationPath(model, relative) ?? matchOperationPath(model, path);
    const op = model.operations.find((o) => o.path === template && o.method === method.toLowerCase());
    if (!op) {
      notes.push(`dredd test ${method} ${path} matches no operation of the spec`);
      continue;
    }
    let tally = perOp.get(op);
    if (!tally) {
      tally = { requests: 0, statuses: new Set(), checks: new Set() };
      perOp.set(op, tally);
    }
    if (testCase.skipped) continue;
    tally.requests++;
    tally.statuses.add(status);
    for (const id of ['status-code-conformance', 'response-headers-conformance', 'response-schema-conformance'])
      tally.checks.add(id);
    if (!testCase.failure) continue;
    const text = redact(testCase.failure, secrets);
    const request = section(text, 'Request');
    const actual = section(text, 'Actual');
    const actualStatus = Number(field(actual, 'statusCode'));
    const exchange: RecordedExchange = {
      request: {
        method,
        url: redactUrl(`${new URL(root).origin}${field(request, 'uri') ?? uri}`),
        headers: headersOf(request),
        ...(bodyOf(request) ? { body: bodyOf(request) } : {})
      },
      ...(Number.isFinite(actualStatus) && actualStatus > 0
        ? {
            response: {
              status: actualStatus,
              headers: headersOf(actual),
              ...(bodyOf(actual) ? { body: bodyOf(actual) } : {}),
              timeMs: Math.round(testCase.timeMs)
            }
          }
        : {})
    };
    const lines = section(text, 'Message')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const byCheck = new Map<string, string[]>();
    for (const line of lines.length > 0 ? lines : [text.split('\n')[0] ?? 'failed']) {
      const id = checkFor(line, Number.isFinite(actualStatus) ? actualStatus : undefined);
      byCheck.set(id, [...(byCheck.get(id) ?? []), line.replace(/^(statusCode|headers|body):\s*/, '')]);
    }
    for (const [id, messages] of byCheck) {
      tally.checks.add(id);
      failures.push({
        id,
        level: 'error',
        operation: { method, path: op.path, ...(op.operationId ? { operationId: op.operationId } : {}) },
        ...(op.location ? { location: op.location } : {}),
        message: messages.join('; '),
        case: `dredd: ${testCase.name}`,
        kind: 'example',
        occurrences: 1,
        changed: false,
        exchange
      });
    }
  }
  const perOperation: OperationCoverage[] = model.operations.map((op) => {
    const tally = perOp.get(op);
    const seen = [...(tally?.statuses ?? [])].filter((s) => op.responses.some((r) => r.key === s));
    return {
      method: op.method.toUpperCase(),
      path: op.path,
      ...(op.operationId ? { operationId: op.operationId } : {}),
      requests: tally?.requests ?? 0,
      statuses: { documented: op.responses.map((r) => r.key), seen },
      parameters: { documented: op.parameters.map((p) => `${p.in}.${p.name}`), sent: [] },
      checks: [...(tally?.checks ?? [])]
    };
  });
  const count = (pick: (o: OperationCoverage) => [number, number]) =>
    perOperation.reduce((acc, o) => ({ covered: acc.covered + pick(o)[0], total: acc.total + pick(o)[1] }), {
      covered: 0,
      total: 0
    });
  const checkIds = [...new Set(failures.map((f) => f.id))];
  const requests = cases.filter((c) => !c.skipped).length;
  return {
    engine: 'dredd',
    verdict: failures.length > 0 ? 'fail' : 'pass',
    spec: { file: spec.file, version: spec.version, ...(model.title ? { title: model.title } : {}) },
    baseUrl: redactUrl(root),
    seed: 0,
    budget: requests,
    requests,
    budgetExhausted: false,
    durationMs: Math.round(durationMs),
    checks: ['status-code-conformance', 'response-headers-conformance', 'response-schema-conformance', ...checkIds]
      .filter((id, i, all) => all.indexOf(id) === i)
      .map((id) => ({ id, title: id, evaluated: requests, failed: failures.filter((f) => f.id === id).length })),
    failures,
    coverage: {
      operations: count((o) => [o.requests > 0 ? 1 : 0, 1]),
      statuses: count((o) => [o.statuses.seen.length, o.statuses.documented.length]),
      parameters: count((o) => [0, o.parameters.documented.length]),
      perOperation,
      undocumented: []
    },
    notes
  };
}
