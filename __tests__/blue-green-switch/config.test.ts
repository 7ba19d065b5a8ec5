import { describe, expect, it } from '@jest/globals';
import { parseRouterConfig } from '../../actions/blue-green-switch/src/engine/config.js';
import {
  canaryWeights,
  parseSteps,
  resolveTarget,
  serverWeights,
  sharesFromServerWeights,
  validateWeights
} from '../../actions/blue-green-switch/src/engine/weights.js';

const parse = (text: string, env: Record<string, string> = {}) =>
  parseRouterConfig({ text, path: '/etc/bgs/router.yml', cwd: '/work', env });
const base = `type: nginx
colors:
  blue:
    servers: [127.0.0.1:8081, 127.0.0.1:8082]
  green:
    servers: 127.0.0.1:9081
verify:
  url: http://127.0.0.1:8080/version
  header: X-Color
nginx:
  config: nginx.conf
  upstream-file: /etc/nginx/bgs/app.conf
  upstream: app
`;

describe('router config', () => {
  it('reads a file config with defaults, relative paths against its directory and the state next to it', () => {
    const config = parse(base);
    expect(config).toMatchObject({
      type: 'nginx',
      source: '/etc/bgs/router.yml',
      stateFile: '/etc/bgs/router.state.json',
      colors: [
        { name: 'blue', servers: ['127.0.0.1:8081', '127.0.0.1:8082'], urls: [], id: 'blue' },
        { name: 'green', servers: ['127.0.0.1:9081'], urls: [], id: 'green' }
      ],
      verify: {
        header: 'x-color',
        tolerance: 0.1,
        window: 100,
        maxRequests: 2000,
        timeoutMs: 30_000,
        requestTimeoutMs: 2000,
        concurrency: 4
      },
      nginx: {
        binary: 'nginx',
        config: '/etc/bgs/nginx.conf',
        upstreamFile: '/etc/nginx/bgs/app.conf',
        upstream: 'app',
        reloadTimeoutMs: 30_000,
        keepalive: 0
      }
    });
  });

  it('nginx.switch: njs puts the script and the weights file beside the include; reload stays the default', () => {
    expect(parse(base).nginx).toMatchObject({ switch: 'reload', drainTimeoutMs: 30_000 });
    expect(parse(base).nginx!.keepaliveTimeoutMs).toBeUndefined();
    const njs = parse(base + '  switch: njs\n  keepalive: 8\n  keepalive-timeout: 2s\n  reload-timeout: 10s\n');
    expect(njs.nginx).toMatchObject({
      switch: 'njs',
      scriptFile: '/etc/nginx/bgs/app.bgs.js',
      weightsFile: '/etc/nginx/bgs/app.weights.json',
      keepaliveTimeoutMs: 2000,
      drainTimeoutMs: 10_000
    });
    const own = parse(base + '  switch: njs\n  weights-file: state/w.json\n  drain-timeout: 1m\n');
    expect(own.nginx).toMatchObject({ weightsFile: '/etc/bgs/state/w.json', drainTimeoutMs: 60_000 });
  });

  it('inline YAML keeps its state in the workspace and expands ${NAME}', () => {
    const config = parseRouterConfig({
      text: 'type: haproxy\ncolors: {blue: {servers: [b]}, green: {servers: [g], id: v2}}\nverify: {url: "http://lb/", json: $.build.color, tolerance: 5%}\nhaproxy: {socket: "${SOCK}", backend: app}\n',
      name: 'input "router"',
      cwd: '/work',
      env: { SOCK: '/run/haproxy/admin.sock' }
    });
    expect(config.stateFile).toBe('/work/blue-green-switch.state.json');
    expect(config.haproxy).toMatchObject({ socket: '/run/haproxy/admin.sock', backend: 'app', drainTimeoutMs: 30_000 });
    expect(config.verify).toMatchObject({ jsonField: 'build.color', tolerance: 0.05 });
    expect(config.colors[1]!.id).toBe('v2');
  });

  it.each([
    ['type: traefik\n', /^\/etc\/bgs\/router\.yml:1: type must be one of nginx, haproxy, command; got "traefik"$/],
    [base.replace('  header: X-Color\n', ''), /^\/etc\/bgs\/router\.yml:7: verify\.header or verify\.json is required/],
    [
      base.replace('servers: 127.0.0.1:9081', 'servers: []'),
      /^\/etc\/bgs\/router\.yml:6: colors\.green\.servers must list at least one server$/
    ],
    [
      base.replace('servers: 127.0.0.1:9081', 'servers: [nope]'),
      /:6: colors\.green\.servers entries must be host:port for nginx; got "nope"$/
    ],
    [
      base.replace('servers: 127.0.0.1:9081', 'servers: [127.0.0.1:8081]'),
      /:2: colors server 127\.0\.0\.1:8081 belongs to both blue and green$/
    ],
    [
      base.replace('  green:\n    servers: 127.0.0.1:9081\n', ''),
      /:2: colors must define at least two colours; got 1$/
    ],
    [
      base.replace('  header: X-Color', '  header: X-Color\n  tolerance: 150%'),
      /:10: verify\.tolerance must be a ratio like 0\.05 or 5%; got "150%"$/
    ],
    [
      base.replace('  header: X-Color', '  header: X-Color\n  timeout: 30'),
      /:10: verify\.timeout must be a duration like 30s or 2m: Duration "30" has no unit/
    ],
    [
      base.replace('  upstream: app', '  upstream: app\n  colour: blue'),
      /:14: unknown key "colour" in nginx \(known: switch, binary, config,/
    ],
    [base + 'haproxy: {socket: /s, backend: b}\n', /:14: haproxy is set but type is nginx$/],
    [
      base.replace('  upstream: app', '  upstream: app\n  server-options: "weight=1; }"'),
      /server-options must not contain ; \{ \} or line breaks$/
    ],
    [base.replace('blue:\n', 'other:\n'), /:3: colors\.other is reserved; choose another colour name$/],
    ['type: nginx\ncolors: [1, 2\n', /^\/etc\/bgs\/router\.yml: invalid YAML at line 3, column 1: /],
    [
      base.replace('url: http://127.0.0.1:8080/version', 'url: ftp://lb/'),
      /:8: verify\.url must be an http:\/\/ or https:\/\/ URL; got "ftp:\/\/lb\/"$/
    ],
    [base.replace('127.0.0.1:8080', '${LB}'), /^\/etc\/bgs\/router\.yml: environment variable LB is not set$/],
    [base + '  switch: lua\n', /:14: nginx\.switch must be one of reload, njs; got "lua"$/],
    [base + '  weights-file: w.json\n', /:14: nginx\.weights-file is only used with nginx\.switch: njs$/],
    [
      base + '  switch: reload\n  drain-timeout: 5s\n',
      /:15: nginx\.drain-timeout is only used with nginx\.switch: njs$/
    ],
    [base + '  keepalive-timeout: 2s\n', /:14: nginx\.keepalive-timeout needs nginx\.keepalive above 0$/]
  ])('a mistake is one line with the file and line: %#', (text, message) => {
    expect(() => parse(text)).toThrow(message);
  });

  it('collects credentials of the verify probe for masking', () => {
    const config = parse(
      base.replace('  header: X-Color', '  header: X-Color\n  headers: { Authorization: "Bearer s3cr3t" }')
    );
    expect(config.secrets).toEqual(['Bearer s3cr3t', 's3cr3t']);
  });
});

describe('weights', () => {
  const colors = ['blue', 'green'];

  it('validates range, sum and colours', () => {
    expect(validateWeights({ blue: 90, green: 10 }, colors, 'x')).toEqual({ blue: 90, green: 10 });
    expect(validateWeights({ green: 100 }, colors, 'x')).toEqual({ blue: 0, green: 100 });
    expect(() => validateWeights({ blue: 101, green: -1 }, colors, 'x')).toThrow(
      'x: weight of blue must be a whole percent between 0 and 100; got 101'
    );
    expect(() => validateWeights({ blue: 50.5, green: 49.5 }, colors, 'x')).toThrow('got 50.5');
    expect(() => validateWeights({ blue: 40, green: 40 }, colors, 'x')).toThrow(
      'x: weights must sum to 100; got 80 (blue 40 / green 40)'
    );
    expect(() => validateWeights([100], colors, 'x')).toThrow(
      'x: weights must be a mapping of colour to percent; got [100]'
    );
  });

  it('parses canary schedules', () => {
    expect(parseSteps('10,50,100')).toEqual([10, 50, 100]);
    expect(parseSteps('5%\n25% 100%')).toEqual([5, 25, 100]);
    expect(() => parseSteps('0,50')).toThrow(
      'steps: "0" is not a percent between 1 and 100; write steps like 10,50,100'
    );
    expect(() => parseSteps('10,150')).toThrow('"150" is not a percent between 1 and 100');
    expect(() => parseSteps('50,10')).toThrow('steps: steps must increase; 10 follows 50');
    expect(() => parseSteps(' , ')).toThrow('steps: no steps');
  });

  it('resolves the target colour', () => {
    expect(resolveTarget(undefined, 'blue', colors)).toBe('green');
    expect(resolveTarget('other', 'green', colors)).toBe('blue');
    expect(resolveTarget('blue', 'blue', colors)).toBe('blue');
    expect(() => resolveTarget('Green', 'blue', colors)).toThrow(
      'unknown colour "Green"; the router config defines blue, green'
    );
    expect(() => resolveTarget('', null, colors)).toThrow('"to" is required: traffic is split');
  });

  it('per-server weights give each colour exactly its share, also with unequal server counts', () => {
    const specs = [
      { name: 'blue', servers: ['b1', 'b2', 'b3'], urls: [], id: 'blue' },
      { name: 'green', servers: ['g1', 'g2'], urls: [], id: 'green' }
    ];
    const w = serverWeights(canaryWeights('blue', 'green', 10, colors), specs);
    // 90 % over 3 servers against 10 % over 2: 6 + 6 + 6 against 1 + 1, i.e. 18 : 2
    expect(Object.fromEntries(w)).toEqual({ b1: 6, b2: 6, b3: 6, g1: 1, g2: 1 });
    const back = sharesFromServerWeights(
      [...w].map(([s, weight]) => ({ color: s[0] === 'b' ? 'blue' : 'green', weight })),
      colors
    );
    expect(back).toEqual({ blue: 90, green: 10 });
    // HAProxy caps weights at 256: scaled, within a fraction of a percent
    const many = serverWeights(
      { blue: 99, green: 1 },
      [
        { ...specs[0]!, servers: ['b1'] },
        { ...specs[1]!, servers: ['g1', 'g2', 'g3'] }
      ],
      256
    );
    expect(Math.max(...many.values())).toBeLessThanOrEqual(256);
    expect(Object.fromEntries(many)).toEqual({ b1: 256, g1: 1, g2: 1, g3: 1 });
  });
});
