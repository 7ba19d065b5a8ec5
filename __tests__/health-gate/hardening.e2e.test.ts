import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaultServer, type FaultServer, type LoggedRequest } from '../harness/fault-server.js';
import { repoRoot, runAction, type RunResult } from '../harness/runner.js';

// The hardening classes of issue 12 (and issue 10's "checks left out of failed-checks"), tried the way a
// workflow meets them: the bundled action under the runner emulator, and the CLI. Two fault servers on two
// ports are two origins.
let a: FaultServer;
let b: FaultServer;
let workspace: string;

beforeAll(async () => {
  a = await startFaultServer();
  b = await startFaultServer();
  workspace = mkdtempSync(join(tmpdir(), 'ubos-hg-hardening-'));
}, 30_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

beforeEach(() => {
  a.clearRequests();
  b.clearRequests();
});

/** What a workflow (or anyone reading the job) can see, except the ::add-mask:: commands themselves. */
function visible(result: RunResult): string {
  const stdout = result.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return [stdout, result.stderr, result.summary, JSON.stringify(result.outputs)].join('\n');
}

function expectNoLeak(result: RunResult, ...secrets: string[]): void {
  const seen = visible(result);
  for (const secret of secrets) {
    expect(seen).not.toContain(secret);
    expect(result.masked).toContain(secret);
  }
}

function errorAnnotations(result: RunResult) {
  return result.annotations.filter((annotation) => annotation.level === 'error');
}

/** One clear line: one error annotation, no stack trace, a failed step. */
function expectOneLine(result: RunResult, message: RegExp): string {
  expect(result.exitCode).toBe(1);
  const errors = errorAnnotations(result);
  expect(errors).toHaveLength(1);
  expect(errors[0]!.message).toMatch(message);
  expect(errors[0]!.message).not.toContain('\n');
  expect(result.stdout).not.toMatch(/^\s+at /m);
  expect(result.stderr).toBe('');
  return errors[0]!.message;
}

function gate(config: string, options: { env?: Record<string, string>; inputs?: Record<string, string> } = {}) {
  writeFileSync(join(workspace, 'gate.yml'), config);
  return runAction('health-gate', {
    workspace,
    inputs: { config: 'gate.yml', ...options.inputs },
    ...(options.env ? { env: options.env } : {})
  });
}

/** The bundled CLI through bin/, asynchronously: the fault servers live in this process. */
function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/ubos-actions.js'), 'health-gate', ...args], {
      cwd: workspace,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: workspace, ...env }
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Answers with what it received, as a service with a debug endpoint or a hostile one would. */
const echo = (request: LoggedRequest) => ({
  status: 200,
  body: { echo: { url: request.url, headers: request.headers, body: request.body } }
});

describe('class 1: ${NAME} expansion never reads runner variables and masks what it expands', () => {
  it.each([
    ['ACTIONS_RUNTIME_TOKEN', 'runtime-tok-9a8b7c'],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'oidc-req-tok-5d4e'],
    ['ACTIONS_ID_TOKEN_REQUEST_URL', 'https://oidc.example/tok-7f'],
    ['GITHUB_TOKEN', 'ghs_aaaaBBBBccccDDDD'],
    ['RUNNER_TEMP', '/tmp/runner-temp-secretish'],
    ['INPUT_URL', 'http://input-value-3c'],
    ['STATE_token', 'saved-state-tok-1'],
    ['GITHUB_ENV', '/home/runner/env-file-22'],
    // Windows resolves environment names case-insensitively: the spelling must not matter.
    ['Actions_Runtime_Token', 'runtime-tok-mixed-case']
  ])('refuses ${%s} with one line naming it and its line, and sends nothing', async (name, value) => {
    const config = ['checks:', '  - name: api', '    type: http', `    url: "${a.url}/probe?t=\${${name}}"`].join('\n');
    const result = await gate(config, { env: { [name]: value, [name.toUpperCase()]: value } });
    const message = expectOneLine(result, new RegExp(`\\$\\{${name}\\} is a runner variable`));
    expect(message).toContain('gate.yml');
    expect(message).toContain('line 4');
    expect(a.requests).toHaveLength(0);
    expect(visible(result)).not.toContain(value);
  });

  it('masks every expanded value in logs, annotations, summary and outputs, even when the service echoes it', async () => {
    a.setRoute('/echo', { type: 'function', respond: echo });
    const env = { TRACE_TOKEN: 'trace-Secret-1111', PATH_PART: 'path-Secret-2222', BODY_SECRET: 'body-Secret-3333' };
    const config = [
      'checks:',
      '  - name: api',
      '    type: http',
      '    method: POST',
      `    url: "${a.url}/echo?part=\${PATH_PART}"`,
      '    headers: { X-Trace: "${TRACE_TOKEN}" }',
      '    body: "payload=${BODY_SECRET}"',
      `    json: ['$.echo.headers["x-trace"] == "nothing"', '$.echo.url == "nothing"', '$.echo.body == "nothing"']`,
      '    failure-threshold: 1'
    ].join('\n');
    const result = await gate(config, { env });
    expect(result.exitCode).toBe(1);
    expect(a.requestsTo('/echo')[0]!.headers['x-trace']).toBe(env.TRACE_TOKEN);
    expect(JSON.parse(result.outputs['result-json']!).checks[0].lastError).toContain('***');
    expectNoLeak(result, ...Object.values(env));
  });

  it('masks an expanded value that a configuration error would quote', async () => {
    const config = ['checks:', '  - name: api', '    type: http', `    url: "${a.url}/"`, '    interval: "${WAIT}"'];
    const result = await gate(config.join('\n'), { env: { WAIT: 'wait-Secret-4444' } });
    expectOneLine(result, /"interval"/);
    expect(visible(result)).not.toContain('wait-Secret-4444');
  });

  it('does not mask values the config marks public (public-env, ${NAME:public}, the run metadata)', async () => {
    a.setRoute('/eu-west-1/readyz', { status: 200 });
    const config = [
      'public-env: [REGION]',
      'checks:',
      '  - name: api',
      '    type: http',
      `    url: "${a.url}/\${REGION}/readyz?build=\${BUILD:public}&sha=\${GITHUB_SHA}"`
    ].join('\n');
    const result = await gate(config, { env: { REGION: 'eu-west-1', BUILD: 'build-77' } });
    expect(result.exitCode).toBe(0);
    expect(a.requestsTo('/eu-west-1/readyz')[0]!.query).toMatchObject({ build: 'build-77' });
    expect(result.masked).not.toContain('eu-west-1');
    expect(result.masked).not.toContain('build-77');
    expect(result.stdout).toContain(`/eu-west-1/readyz?build=build-77`);
  });

  it('refuses a runner variable in the CLI too, and keeps expanded values out of its JSON report', async () => {
    writeFileSync(
      join(workspace, 'cli-gate.yml'),
      `- { name: api, type: http, url: "${a.url}/x?t=\${ACTIONS_RUNTIME_TOKEN}" }`
    );
    const refused = await cli(['--config', 'cli-gate.yml'], { ACTIONS_RUNTIME_TOKEN: 'cli-runtime-tok' });
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/\$\{ACTIONS_RUNTIME_TOKEN\} is a runner variable/);
    expect(a.requests).toHaveLength(0);

    a.setRoute('/echo', { type: 'function', respond: echo });
    const config = `- { name: api, type: http, url: "${a.url}/echo", headers: { X-Trace: "\${TRACE}" }, json: ['$.echo.headers["x-trace"] == "no"'], failure-threshold: 1 }`;
    writeFileSync(join(workspace, 'cli-gate.yml'), config);
    const run = await cli(['--config', 'cli-gate.yml', '--format', 'json'], { TRACE: 'cli-trace-Secret' });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toContain('cli-trace-Secret');
  });
});

describe('class 2: every form of a credential that is sent is masked', () => {
  const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

  it.each([
    ['ops', 'pw-Secret-5555', 'pw-Secret-5555'],
    ['ops', 'p%40ss-Secret%2F6', 'p@ss-Secret/6'],
    ['tok-Only-User-7777', '', '']
  ])('URL credentials %s:%s are masked as the Basic header the service echoes', async (user, raw, decoded) => {
    a.setRoute('/echo', { type: 'function', respond: echo });
    const userinfo = raw === '' ? user : `${user}:${raw}`;
    const url = a.url.replace('http://', `http://${userinfo}@`);
    const checks = `- { name: api, type: http, url: "${url}/echo", json: ['$.echo.headers.authorization == "no"'], failure-threshold: 1 }`;
    const result = await runAction('health-gate', { workspace, inputs: { checks } });
    expect(result.exitCode).toBe(1);
    const encoded = basic(decodeURIComponent(user), decoded);
    expect(a.requestsTo('/echo')[0]!.headers.authorization).toBe(`Basic ${encoded}`);
    expectNoLeak(result, encoded, ...(decoded ? [decoded] : [user]));
  });

  it('masks a Basic header given as a header, and the user:password a service decodes from it', async () => {
    a.setRoute('/decoded', {
      type: 'function',
      respond: (request) => {
        const token = String(request.headers.authorization ?? '').replace(/^Basic /, '');
        return { status: 200, body: { login: Buffer.from(token, 'base64').toString('utf8') } };
      }
    });
    const encoded = basic('admin', 'hdr-Secret-8888');
    const checks = `- { name: api, type: http, url: "${a.url}/decoded", headers: { Authorization: "Basic ${encoded}" }, json: ['$.login == "nobody"'], failure-threshold: 1 }`;
    const result = await runAction('health-gate', { workspace, inputs: { checks } });
    expect(result.exitCode).toBe(1);
    expectNoLeak(result, encoded, 'hdr-Secret-8888');
  });

  it('masks the Basic form of a Prometheus URL credential echoed in an API error', async () => {
    a.setRoute('/prom/api/v1/query', {
      type: 'function',
      respond: (request) => ({
        status: 400,
        body: { status: 'error', errorType: 'bad_data', error: `rejected ${String(request.headers.authorization)}` }
      })
    });
    const url = a.url.replace('http://', 'http://reader:prom-Secret-9999@');
    const checks = `- { name: slo, type: prometheus, url: "${url}/prom", query: up, max: 1, failure-threshold: 1 }`;
    const result = await runAction('health-gate', { workspace, inputs: { checks } });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.outputs['result-json']!).checks[0].lastError).toContain('rejected ***');
    expectNoLeak(result, basic('reader', 'prom-Secret-9999'), 'prom-Secret-9999');
  });

  it('masks the bearer token a health document echoes without its scheme', async () => {
    a.setRoute('/health', {
      type: 'function',
      respond: (request) => ({
        status: 200,
        headers: { 'content-type': 'application/health+json' },
        body: {
          status: 'fail',
          checks: { auth: [{ status: 'fail', output: `token ${String(request.headers['x-auth-token'])} expired` }] }
        }
      })
    });
    const checks = `- { name: api, type: http, url: "${a.url}/health", headers: { X-Auth-Token: "Bearer bearer-Secret-1212" }, failure-threshold: 1 }`;
    const result = await runAction('health-gate', { workspace, inputs: { checks } });
    expect(result.exitCode).toBe(1);
    expectNoLeak(result, 'bearer-Secret-1212', 'Bearer bearer-Secret-1212');
  });
});

describe('class 3: a redirect to another origin carries no secret header', () => {
  const SECRET_HEADERS = {
    Authorization: 'Bearer auth-Secret-1',
    'X-Api-Key': 'key-Secret-2',
    'X-Custom': 'custom-Secret-3',
    'X-Session-Id': 'session-Secret-4',
    Cookie: 'sid=cookie-Secret-5',
    'X-Forwarded-Value': 'env-Secret-6'
  };

  function redirectGate(target: string, status = 302) {
    a.setRoute('/hop', { status, headers: { location: target } });
    const headers = Object.entries({ ...SECRET_HEADERS, 'X-Forwarded-Value': '${FORWARDED}', 'X-Public': 'hello' })
      .map(([name, value]) => `${name}: "${value}"`)
      .join(', ');
    const config = [
      'checks:',
      '  - name: api',
      '    type: http',
      `    url: "${a.url}/hop"`,
      `    headers: { ${headers} }`,
      '    secret-headers: [X-Custom]',
      '    follow-redirects: true',
      '    failure-threshold: 1'
    ].join('\n');
    return gate(config, { env: { FORWARDED: 'env-Secret-6' } });
  }

  it.each([301, 302, 303, 307, 308])('drops every secret header on a %i to another port', async (status) => {
    b.setRoute('/landing', { status: 200 });
    const result = await redirectGate(`${b.url}/landing`, status);
    expect(result.exitCode).toBe(0);
    const landing = b.requestsTo('/landing')[0]!;
    for (const name of Object.keys(SECRET_HEADERS)) expect(landing.headers[name.toLowerCase()]).toBeUndefined();
    expect(landing.headers['x-public']).toBe('hello');
    expect(JSON.stringify(landing.headers)).not.toMatch(/Secret-\d/);
  });

  it('keeps the headers on a redirect within the same origin', async () => {
    a.setRoute('/same', { status: 200 });
    const result = await redirectGate('/same');
    expect(result.exitCode).toBe(0);
    const same = a.requestsTo('/same')[0]!;
    expect(same.headers['x-api-key']).toBe('key-Secret-2');
    expect(same.headers['x-custom']).toBe('custom-Secret-3');
  });

  it('does not send a body holding a secret to another origin on a 307', async () => {
    b.setRoute('/landing', { status: 200 });
    a.setRoute('/post', { status: 307, headers: { location: `${b.url}/landing` } });
    const config = [
      'checks:',
      `  - { name: api, type: http, method: POST, url: "${a.url}/post", body: "token=\${BODY_TOKEN}", follow-redirects: true, failure-threshold: 1 }`
    ].join('\n');
    const result = await gate(config, { env: { BODY_TOKEN: 'body-Secret-7' } });
    expect(result.exitCode).toBe(1);
    expect(b.requestsTo('/landing')).toHaveLength(0);
    expect(JSON.parse(result.outputs['result-json']!).checks[0].lastError).toMatch(/request body holds a secret/);
  });
});

describe('class 4: durations are bounded, in one line', () => {
  it.each([
    [{ deadline: '1000h' }, /"deadline" is 1000h; the longest deadline is 24h/],
    [{ deadline: '25h' }, /the longest deadline is 24h/],
    [{ interval: '0s' }, /the shortest interval is 100ms/],
    [{ interval: '50ms' }, /the shortest interval is 100ms/],
    [{ timeout: '0ms' }, /the shortest timeout is 10ms/],
    [{ timeout: '-5s' }, /Input "timeout" must be a duration.*got "-5s"/],
    [{ interval: '1e3s' }, /Input "interval" must be a duration.*got "1e3s"/],
    [{ interval: '5 m' }, /Input "interval" must be a duration.*got "5 m"/],
    [{ deadline: 'NaNs' }, /Input "deadline" must be a duration.*got "NaNs"/],
    [{ deadline: 'Infinitym' }, /Input "deadline" must be a duration.*got "Infinitym"/]
  ])('refuses the inputs %j', async (inputs, message) => {
    const started = Date.now();
    const result = await runAction('health-gate', { workspace, inputs: { url: `${a.url}/never`, ...inputs } });
    expectOneLine(result, message);
    expect(a.requestsTo('/never')).toHaveLength(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ['deadline: 1000h', /"deadline": Duration "1000h" is longer than the maximum of 24h/],
    ['deadline: 1e3s', /"deadline": Invalid duration "1e3s"/],
    [
      'defaults: { interval: 5 m }',
      /"interval": Invalid duration "5 m": no space between a number and its unit; write "5m"/
    ],
    ['defaults: { timeout: -1s }', /"timeout": Invalid duration "-1s"/],
    ['defaults: { interval: .nan }', /"interval": Invalid duration "NaN"/],
    ['defaults: { interval: 0s }', /"interval": Duration "0s" is shorter than the minimum of 100ms/],
    ['deadline: 1m\ndefaults: { timeout: 10m }', /"timeout" 10m is longer than the deadline 1m/],
    ['deadline: 10s\ndefaults: { initial-delay: 10s }', /"initial-delay" 10s is not shorter than the deadline 10s/],
    [
      'deadline: 10s\ndefaults: { interval: 5s, success-threshold: 3 }',
      /3 passing attempts 5s apart take at least 10s, not shorter than the deadline 10s/
    ]
  ])('refuses the config %j', async (head, message) => {
    const result = await gate(`${head}\nchecks:\n  - { name: api, type: http, url: "${a.url}/never" }\n`);
    expectOneLine(result, message);
    expect(a.requestsTo('/never')).toHaveLength(0);
  });

  it('cuts the default timeout to a shorter deadline instead of refusing it', async () => {
    a.setRoute('/ok', { status: 200 });
    const result = await gate(`deadline: 2s\nchecks:\n  - { name: api, type: http, url: "${a.url}/ok" }\n`);
    expect(result.exitCode).toBe(0);
  });

  it.each([
    [['--deadline', '1000h'], /the longest deadline is 24h/],
    [['--interval', '0s'], /the shortest interval is 100ms/],
    [['--timeout', '5 m'], /no space between a number and its unit/]
  ])('refuses the CLI flags %j with exit 2 and one line', async (flags, message) => {
    const run = await cli(['--url', `${a.url}/never`, ...flags]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(a.requestsTo('/never')).toHaveLength(0);
  });

  it('keeps a bounded attempt history in result-json and says how many attempts it left out', async () => {
    a.setRoute('/down', { status: 503 });
    const result = await runAction('health-gate', {
      workspace,
      inputs: { url: `${a.url}/down`, interval: '100ms', timeout: '1s', deadline: '7s' }
    });
    expect(result.exitCode).toBe(1);
    const [check] = JSON.parse(result.outputs['result-json']!).checks;
    expect(check.attempts).toBeGreaterThan(60);
    expect(check.history).toHaveLength(60);
    expect(check.omittedAttempts).toBe(check.attempts - 60);
    expect(result.summary).toMatch(/… \d+ attempts omitted …/);
  }, 30_000);
});

describe('class 6: every check failing when the gate stops is a failed check', () => {
  /** Half of the requests fail, each after a short delay, so a burst takes a while. */
  const halfFailing = (delayMs: number) => ({
    type: 'function' as const,
    respond: (_request: LoggedRequest, n: number) => ({ status: n % 2 === 0 ? 500 : 200, delayMs })
  });

  it('reports a burst at 50 % errors still running when another check fails, and keeps passing ones out', async () => {
    a.setRoute('/broken', { status: 500 });
    a.setRoute('/burst', halfFailing(20));
    a.setRoute('/slow-green', { status: 200 });
    const config = [
      'deadline: 30s',
      'checks:',
      `  - { name: api, type: http, url: "${a.url}/broken", failure-threshold: 3, interval: 300ms }`,
      `  - { name: load, type: burst, url: "${a.url}/burst", requests: 400, concurrency: 2, max-error-rate: 1% }`,
      `  - { name: warming, type: http, url: "${a.url}/slow-green", success-threshold: 5, interval: 2s }`
    ].join('\n');
    const result = await gate(config);
    expect(result.exitCode).toBe(1);
    expect(result.outputs['failed-checks']).toBe('api,load');
    const report = JSON.parse(result.outputs['result-json']!);
    const byName = Object.fromEntries(report.checks.map((c: { name: string }) => [c.name, c]));
    expect(byName.load).toMatchObject({ verdict: 'fail', attempts: 1 });
    expect(byName.load.lastError).toMatch(/already \d+ errors/);
    expect(byName.warming.verdict).toBe('cancelled');
    expect(errorAnnotations(result).map((e) => e.title)).toEqual(
      expect.arrayContaining(['Health check api failed', 'Health check load failed'])
    );
  }, 30_000);

  it('reports a check whose last completed attempt failed, through the CLI as well', async () => {
    a.setRoute('/broken', { status: 500 });
    a.setRoute('/flaky', { status: 503 });
    const config = [
      'deadline: 30s',
      'checks:',
      `  - { name: api, type: http, url: "${a.url}/broken", failure-threshold: 4, interval: 200ms }`,
      `  - { name: flaky, type: http, url: "${a.url}/flaky", interval: 5s }`
    ].join('\n');
    writeFileSync(join(workspace, 'stop.yml'), config);
    const run = await cli(['--config', 'stop.yml', '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.failedChecks).toEqual(['api', 'flaky']);
    expect(report.checks[1]).toMatchObject({ verdict: 'fail', lastError: expect.stringMatching(/status 503/) });
    expect(report.checks[1].reason).toMatch(/failing when the gate stopped/);

    const action = await gate(config);
    expect(action.outputs['failed-checks']).toBe('api,flaky');
  }, 30_000);

  it('gives a check with no completed attempt at the deadline an error to show', async () => {
    a.setRoute('/hang', { type: 'hang' });
    const result = await gate(
      `deadline: 1s\nchecks:\n  - { name: api, type: http, url: "${a.url}/hang", timeout: 1s }\n`
    );
    expect(result.exitCode).toBe(1);
    expect(result.outputs['failed-checks']).toBe('api');
    const [check] = JSON.parse(result.outputs['result-json']!).checks;
    expect(check.lastError).toMatch(/no attempt completed/);
    expect(errorAnnotations(result)[0]!.message).toMatch(/no attempt completed/);
  });
});
