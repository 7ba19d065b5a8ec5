import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGateConfig, type ConfigSources } from '../../actions/health-gate/src/config.js';
import { gateConfigJsonSchema } from '../../actions/health-gate/src/config-schema.js';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { repoRoot } from '../harness/runner.js';

function sources(overrides: Partial<ConfigSources>): ConfigSources {
  return {
    timing: {},
    env: {},
    cwd: repoRoot,
    readFile: (path) => readFileSync(path, 'utf8'),
    ...overrides
  };
}

const load = (checksText: string, extra: Partial<ConfigSources> = {}) =>
  loadGateConfig(sources({ checksText, ...extra }));

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadGateConfig', () => {
  it('builds one readiness HTTP check in simple mode with the built-in timing', () => {
    const config = loadGateConfig(sources({ url: 'https://app.example/readyz', expectStatus: '200' }));
    expect(config.deadlineMs).toBe(300_000);
    expect(config.checks).toEqual([
      expect.objectContaining({
        name: 'url',
        type: 'http',
        role: 'readiness',
        url: 'https://app.example/readyz',
        method: 'GET',
        expectStatus: '200',
        interval: 5_000,
        timeout: 5_000,
        successThreshold: 1,
        failureThreshold: 0,
        followRedirects: false,
        warnAs: 'warn',
        tls: { insecure: false }
      })
    ]);
  });

  it('layers timing: built-in < inputs < config defaults < the check itself', () => {
    const config = load(
      [
        'deadline: 2m',
        'defaults:',
        '  interval: 2s',
        'checks:',
        '  - { name: a, type: tcp, host: localhost, port: 5432 }',
        '  - { name: b, type: tcp, host: localhost, port: 6379, interval: 250ms, success-threshold: 3 }'
      ].join('\n'),
      { timing: { interval: 10_000, timeout: 1_000 } }
    );
    expect(config.deadlineMs).toBe(120_000);
    expect(config.checks[0]).toMatchObject({ interval: 2_000, timeout: 1_000, successThreshold: 1 });
    expect(config.checks[1]).toMatchObject({ interval: 250, timeout: 1_000, successThreshold: 3 });
  });

  it('reads every check type with its own keys', () => {
    const config = load(`
- name: api
  type: http
  role: startup
  url: http://127.0.0.1:8080/readyz
  method: post
  headers: { Authorization: Bearer tok-123, X-Trace: abc }
  json: ['$.status == "pass"']
  body-regex: ok
  max-latency: 300ms
  follow-redirects: true
  warn-as: fail
- name: db
  type: postgres
  connection-string: postgres://app:pg-pass@127.0.0.1:5432/app
  query: select count(*) from items
  expect: "0"
  migrations: { dir: db/migrations }
- name: cache
  type: redis
  url: redis://127.0.0.1:6379/0
  password: redis-pass
  expect-role: master
- name: load
  type: burst
  url: http://127.0.0.1:8080/items
  requests: 200
  concurrency: 20
  max-error-rate: 0.5%
  max-p95: 150ms
- name: slo
  type: prometheus
  url: http://127.0.0.1:9090
  query: sum(rate(http_requests_total{code=~"5.."}[5m]))
  max: 0.001
`);
    expect(config.checks.map((c) => [c.name, c.type, c.role])).toEqual([
      ['api', 'http', 'startup'],
      ['db', 'postgres', 'readiness'],
      ['cache', 'redis', 'readiness'],
      ['load', 'burst', 'readiness'],
      ['slo', 'prometheus', 'readiness']
    ]);
    expect(config.checks[0]).toMatchObject({ method: 'POST', maxLatency: 300, followRedirects: true, warnAs: 'fail' });
    expect(config.checks[1]).toMatchObject({ expect: '0', migrations: { dir: 'db/migrations' } });
    expect(config.checks[3]).toMatchObject({ maxErrorRate: 0.005, maxP95: 150, requests: 200, concurrency: 20 });
    expect(config.checks[4]).toMatchObject({ max: 0.001, emptyAs: 'fail' });
    expect(config.secrets).toEqual(expect.arrayContaining(['Bearer tok-123', 'tok-123', 'pg-pass', 'redis-pass']));
    expect(config.secrets).not.toContain('abc');
  });

  it('expands ${NAME} from the environment and keeps $${ literal', () => {
    const config = load('- { type: http, url: "http://${HOST}:8080/a$${b}" }', { env: { HOST: 'green.internal' } });
    expect(config.checks[0]).toMatchObject({ url: 'http://green.internal:8080/a${b}' });
    expect(configError(() => load('- { type: http, url: "http://${NOPE}/" }'))).toMatch(
      /environment variable NOPE is not set/
    );
  });

  it('reads a CA file relative to the working directory', () => {
    const config = load('- { type: http, url: "https://localhost/", tls: { ca: __tests__/fixtures/tls/ca.crt } }');
    expect(config.checks[0]).toMatchObject({
      tls: { insecure: false, ca: expect.stringContaining('BEGIN CERTIFICATE') }
    });
    expect(configError(() => load('- { type: http, url: "https://x/", tls: { ca: missing.pem } }'))).toMatch(
      /"tls.ca" file missing.pem cannot be read/
    );
  });

  it.each([
    [
      '- { name: db, type: postgres, conection-string: "postgres://x" }',
      /check "db" \(checks\[0\]\): unknown key "conection-string" for a postgres check \(did you mean "connection-string"\?\)/
    ],
    ['- { type: http }', /checks\[0\]: "url" is required/],
    ['- { name: x, type: smtp }', /"type" must be one of http, postgres, redis, tcp, burst, prometheus/],
    [
      '- { name: x, type: http, url: "http://a", interval: 5 }',
      /check "x" \(checks\[0\]\): "interval": Duration "5" has no unit/
    ],
    ['- { name: x, type: http, url: "http://a", expect-status: "9xx" }', /check "x" \(checks\[0\]\): "expect-status"/],
    ['- { name: x, type: http, url: "http://a", json: ["$.a ==="] }', /check "x" \(checks\[0\]\): "json"/],
    ['- { name: x, type: tcp, host: a, port: 70000 }', /"port" must be between 1 and 65535/],
    ['- { name: x, type: burst, url: "http://a", max-error-rate: 150% }', /"max-error-rate" must be a ratio/],
    ['- { name: x, type: prometheus, url: "http://a", query: up }', /needs "max" or "min"/],
    ['- { name: x, type: postgres, connection-string: "mysql://a" }', /must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [
      '- { name: x, type: redis, url: "redis://a", expect-role: leader }',
      /"expect-role" must be one of master, replica/
    ],
    [
      '- { name: a, type: tcp, host: h, port: 1 }\n- { name: a, type: tcp, host: h, port: 2 }',
      /two checks are named "a"/
    ],
    [
      'checks: [ { type: tcp, host: h, port: 1 } ]\ndeadlien: 1m',
      /unknown key "deadlien" \(did you mean "deadline"\?\)/
    ],
    ['defaults: { intervals: 1s }\nchecks: []', /unknown key "defaults.intervals"/],
    ['- type: http\n  url: [unclosed', /invalid YAML at line 2/],
    ['just a string', /must be a list of checks or a mapping with "checks"/]
  ])('rejects %j with one clear line', (text, message) => {
    const error = configError(() => load(text));
    expect(error).toMatch(message);
    expect(error).not.toContain('\n');
  });

  it('refuses a YAML alias bomb quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`
      );
    bomb.push('checks: []');
    const started = Date.now();
    expect(configError(() => load(bomb.join('\n')))).toMatch(/alias/i);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('needs at least one check', () => {
    expect(configError(() => loadGateConfig(sources({})))).toMatch(/no checks/);
  });
});

describe('config.schema.json', () => {
  it('is the schema generated from the key tables (regenerate: node bin/ubos-actions.js health-gate --print-schema)', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'health-gate/config.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(gateConfigJsonSchema())));
  });
});

describe('check origins', () => {
  it('records the config file line of each check, and none for the checks input', () => {
    const text =
      'deadline: 1m\nchecks:\n  - { name: a, type: tcp, host: h, port: 1 }\n\n  - name: b\n    type: tcp\n    host: h\n    port: 2\n';
    const fromFile = loadGateConfig(sources({ configFile: { path: 'gate.yml', text } }));
    expect(fromFile.checks.map((c) => c.origin)).toEqual([
      { file: 'gate.yml', line: 3 },
      { file: 'gate.yml', line: 5 }
    ]);
    const fromInput = loadGateConfig(sources({ checksText: text }));
    expect(fromInput.checks.map((c) => c.origin)).toEqual([undefined, undefined]);
  });
});

describe('loadGateConfig: ${NAME} expansion (issue 12)', () => {
  const env = {
    API_TOKEN: 'tok-Secret-1',
    REGION: 'eu-west-1',
    ACTIONS_RUNTIME_TOKEN: 'runtime',
    GITHUB_TOKEN: 'ghs_x',
    GITHUB_SHA: 'abc123',
    INPUT_URL: 'u'
  };

  it.each([
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_CACHE_URL',
    'GITHUB_TOKEN',
    'GITHUB_OUTPUT',
    'RUNNER_TOKEN',
    'INPUT_URL',
    'STATE_password',
    'github_token',
    'Runner_Temp'
  ])('refuses ${%s} with one line naming it and its line', (name) => {
    const text = `checks:\n  - name: api\n    type: http\n    url: "http://127.0.0.1:1/?q=\${${name}}"\n`;
    const message = configError(() =>
      loadGateConfig(sources({ configFile: { path: 'gate.yml', text }, env: { [name]: 'x' } }))
    );
    expect(message).toBe(
      `gate.yml: check "api" (checks[0]), line 4: \${${name}} is a runner variable and is never expanded (it may hold a token); pass the value the check needs through env: under a name of your own`
    );
  });

  it('refuses a runner variable wherever it is written: defaults, deadline, headers, public-env', () => {
    expect(configError(() => load('deadline: "${RUNNER_X}"\nchecks: []', { env }))).toMatch(
      /\$\{RUNNER_X\} is a runner variable/
    );
    expect(
      configError(() =>
        load('- { type: http, url: "http://a/", headers: { X-A: "${ACTIONS_RUNTIME_TOKEN}" } }', { env })
      )
    ).toMatch(/line 1: \$\{ACTIONS_RUNTIME_TOKEN\} is a runner variable/);
    expect(configError(() => load('public-env: [GITHUB_TOKEN]\nchecks: []', { env }))).toMatch(
      /"public-env": GITHUB_TOKEN is a runner variable/
    );
  });

  it('refuses a malformed or unclosed reference instead of sending it as text', () => {
    expect(configError(() => load('- { type: http, url: "http://a/${ API_TOKEN }" }', { env }))).toMatch(
      /"\$\{ API_TOKEN \}" is not a variable reference/
    );
    expect(configError(() => load('- { type: http, url: "http://a/${INPUT-X}" }', { env }))).toMatch(
      /is not a variable reference/
    );
    expect(configError(() => load('- { type: http, url: "http://a/${API_TOKEN" }', { env }))).toMatch(
      /unclosed "\$\{"/
    );
  });

  it('returns every expanded value as a secret unless marked public', () => {
    const config = load(
      [
        'public-env: [REGION]',
        'checks:',
        '  - { type: http, url: "http://${REGION}.internal/${GITHUB_SHA}", headers: { X-Trace: "${API_TOKEN}" } }',
        '  - { type: tcp, host: "${API_TOKEN:public}", port: 1 }'
      ].join('\n'),
      { env }
    );
    expect(config.checks[0]).toMatchObject({
      url: 'http://eu-west-1.internal/abc123',
      headers: { 'X-Trace': 'tok-Secret-1' }
    });
    expect(config.secrets).toContain('tok-Secret-1');
    expect(config.secrets).not.toContain('eu-west-1');
    expect(config.secrets).not.toContain('abc123');
  });

  it('keeps an expanded secret out of the error a bad value causes', () => {
    const message = configError(() => load('- { type: http, url: "http://a/", interval: "${API_TOKEN}" }', { env }));
    expect(message).not.toContain('tok-Secret-1');
    expect(message).toMatch(/"interval": Invalid duration "\*\*\*"/);
  });
});

describe('loadGateConfig: derived credential forms are secrets (issue 12)', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64');

  it.each([
    ['http://ops:pw-1@h/', ['pw-1', b64('ops:pw-1'), `Basic ${b64('ops:pw-1')}`]],
    ['http://ops:p%40ss%3A2@h/', ['p@ss:2', b64('ops:p@ss:2')]],
    ['http://token-only-3@h/', ['token-only-3', b64('token-only-3:')]],
    ['http://h/?access_token=q-4', ['q-4']]
  ])('for an http check on %s', (url, expected) => {
    expect(load(`- { type: http, url: "${url}" }`).secrets).toEqual(expect.arrayContaining(expected));
  });

  it('for headers: the bearer token, and the user:password of a Basic header', () => {
    const basic = b64('admin:hdr-5');
    const config = load(
      `- { type: http, url: "http://h/", headers: { Authorization: "Basic ${basic}", X-Auth-Token: "Bearer tk-6", X-Mine: m-7 }, secret-headers: [X-Mine] }`
    );
    expect(config.secrets).toEqual(
      expect.arrayContaining([basic, 'admin:hdr-5', 'hdr-5', 'tk-6', 'Bearer tk-6', 'm-7'])
    );
    expect(config.checks[0]).toMatchObject({
      secretHeaders: expect.arrayContaining(['authorization', 'x-auth-token', 'x-mine'])
    });
  });

  it('for prometheus and burst URLs, and md5(password + user) for PostgreSQL', () => {
    const config = load(
      [
        '- { type: prometheus, url: "http://r:prom-8@h", query: up, max: 1 }',
        '- { type: burst, url: "http://b:burst-9@h/" }',
        '- { type: postgres, connection-string: "postgres://app:pg-10@h/db" }'
      ].join('\n')
    );
    const md5 = createHash('md5').update('pg-10app').digest('hex');
    expect(config.secrets).toEqual(
      expect.arrayContaining([b64('r:prom-8'), b64('b:burst-9'), 'pg-10', md5, `md5${md5}`])
    );
  });
});

describe('loadGateConfig: duration bounds (issue 12)', () => {
  it.each([
    ['deadline: 1000h', /"deadline": Duration "1000h" is longer than the maximum of 24h/],
    ['deadline: 50ms', /"deadline": Duration "50ms" is shorter than the minimum of 100ms/],
    ['defaults: { interval: 0s }', /"interval": Duration "0s" is shorter than the minimum of 100ms/],
    ['defaults: { interval: 99ms }', /shorter than the minimum of 100ms/],
    ['defaults: { timeout: 0s }', /"timeout": Duration "0s" is shorter than the minimum of 10ms/],
    ['defaults: { initial-delay: 25h }', /"initial-delay": Duration "25h" is longer than the maximum of 24h/],
    ['defaults: { interval: 5 m }', /no space between a number and its unit; write "5m"/],
    ['defaults: { interval: 1e3s }', /Invalid duration "1e3s"/],
    ['defaults: { timeout: -5s }', /Invalid duration "-5s"/],
    ['defaults: { timeout: .inf }', /Invalid duration "Infinity"/],
    ['deadline: 1m\ndefaults: { timeout: 2m }', /check "a": "timeout" 2m is longer than the deadline 1m/],
    ['deadline: 5s\ndefaults: { initial-delay: 6s }', /"initial-delay" 6s is not shorter than the deadline 5s/],
    [
      'deadline: 1m\ndefaults: { interval: 30s, success-threshold: 3 }',
      /take at least 1m, not shorter than the deadline 1m/
    ]
  ])('refuses %j in one line', (head, message) => {
    const error = configError(() => load(`${head}\nchecks:\n  - { name: a, type: tcp, host: h, port: 1 }`));
    expect(error).toMatch(message);
    expect(error).not.toContain('\n');
  });

  it.each([
    [{ deadline: 3_600_000_000 }, /"deadline" is 1000h; the longest deadline is 24h/],
    [{ interval: 0 }, /"interval" is 0ms; the shortest interval is 100ms/],
    [{ timeout: 5 }, /"timeout" is 5ms; the shortest timeout is 10ms/],
    [{ interval: Number.NaN }, /"interval" is NaN/]
  ])('refuses timing %j from inputs or flags', (timing, message) => {
    expect(configError(() => load('- { type: tcp, host: h, port: 1 }', { timing }))).toMatch(message);
  });

  it('shortens an inherited timeout to the deadline, but refuses one written next to it', () => {
    const burst = load('deadline: 20s\nchecks:\n  - { type: burst, url: "http://h/" }');
    expect(burst.checks[0].timeout).toBe(20_000);
    const inherited = load('deadline: 2s\nchecks:\n  - { type: tcp, host: h, port: 1 }', {
      timing: { timeout: 5_000 }
    });
    expect(inherited.checks[0].timeout).toBe(2_000);
    expect(configError(() => load('deadline: 2s\nchecks:\n  - { type: tcp, host: h, port: 1, timeout: 3s }'))).toMatch(
      /"timeout" 3s is longer than the deadline 2s/
    );
    expect(
      configError(() => load('- { type: tcp, host: h, port: 1 }', { timing: { timeout: 60_000, deadline: 10_000 } }))
    ).toMatch(/"timeout" 1m is longer than the deadline 10s/);
  });
});
