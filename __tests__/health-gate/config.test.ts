import { describe, expect, it } from '@jest/globals';
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
