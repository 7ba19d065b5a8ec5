import { describe, expect, it } from '@jest/globals';
import { parseRouterConfig } from '../../actions/blue-green-switch/src/engine/config.js';
import {
  isNjsInclude,
  loadsNjsModule,
  renderNjsScript,
  usesVariable
} from '../../actions/blue-green-switch/src/routers/support/nginx-njs.js';
import { renderNjsUpstreamFile } from '../../actions/blue-green-switch/src/routers/nginx.js';
import { procRemoteAddresses } from '../../actions/blue-green-switch/src/routers/support/proc.js';

const config = parseRouterConfig({
  text: `type: nginx
colors:
  blue: {servers: [127.0.0.1:8081, 127.0.0.1:8082]}
  green: {servers: [127.0.0.1:9081]}
  gray: {servers: [127.0.0.1:7081]}
verify: {url: http://127.0.0.1/version, header: x-color}
nginx:
  switch: njs
  config: /etc/nginx/nginx.conf
  upstream-file: /etc/nginx/bgs/app.conf
  upstream: app
  keepalive: 4
  keepalive-timeout: 2s
`,
  path: '/etc/bgs/router.yml',
  cwd: '/',
  env: {}
});

/** The rendered script run as njs would: `require('fs')` and `r` faked, Math.random drawn from `draws`. */
function pickWith(weightsText: string | Error, draws: number[]): { picked: string[]; errors: string[] } {
  const body = renderNjsScript(config).replace(/^export default (.*);$/m, 'return $1;');
  const errors: string[] = [];
  const fs = {
    readFileSync: (file: string) => {
      expect(file).toBe('/etc/nginx/bgs/app.weights.json');
      if (weightsText instanceof Error) throw weightsText;
      return weightsText;
    }
  };
  let i = 0;
  const math = Object.create(Math) as Math;
  math.random = () => draws[i++ % draws.length]!;
  const module = new Function('require', 'Math', body)(() => fs, math) as { pick(r: unknown): string };
  const r = { error: (m: string) => errors.push(m) };
  return { picked: draws.map(() => module.pick(r)), errors };
}

describe('the njs script and include of nginx.switch: njs', () => {
  it('picks by weight over the colours above 0 and never one at 0, at either end of the draw', () => {
    const draws = [0, 0.0999, 0.1, 0.5, 0.9999999];
    expect(pickWith('{"blue":10,"green":90,"gray":0}', draws).picked).toEqual([
      'app__blue',
      'app__blue',
      'app__green',
      'app__green',
      'app__green'
    ]);
    expect(pickWith('{"blue":0,"green":100,"gray":0}', draws).picked).toEqual(Array(5).fill('app__green'));
    expect(pickWith('{"blue":0,"green":0,"gray":100}', [0.9999999]).picked).toEqual(['app__gray']);
  });

  it('an unreadable or empty weights file goes to the upstream whose servers are down, and says why', () => {
    const missing = pickWith(new Error('No such file or directory'), [0.5]);
    expect(missing.picked).toEqual(['app__0_no_weights']);
    expect(missing.errors[0]).toMatch(/cannot read \/etc\/nginx\/bgs\/app\.weights\.json: No such file/);
    expect(pickWith('{"blue":0,"green":0}', [0.5]).picked).toEqual(['app__0_no_weights']);
    expect(pickWith('not json', [0.5]).picked).toEqual(['app__0_no_weights']);
  });

  it('the include: one upstream per colour with its own servers, the variable, the judge log_format', () => {
    const include = renderNjsUpstreamFile(config);
    expect(isNjsInclude(include)).toBe(true);
    expect(include).toContain('js_import ubos_bgs_app from /etc/nginx/bgs/app.bgs.js;');
    expect(include).toContain('js_set $ubos_bgs_app ubos_bgs_app.pick;');
    expect(include).toContain('log_format ubos_bgs_app escape=json');
    expect(include).toMatch(
      /upstream app__blue \{\n {4}server 127\.0\.0\.1:8081; # blue\n {4}server 127\.0\.0\.1:8082; # blue\n {4}keepalive 4;\n {4}keepalive_timeout 2000ms;\n\}/
    );
    expect(include).toMatch(/upstream app__0_no_weights \{\n {4}server 127\.0\.0\.1:9 down;\n\}/);
    expect(include).not.toMatch(/weight=|upstream app \{/);
  });

  it('tells whether nginx loads the module and whether the config proxies to the variable', () => {
    expect(loadsNjsModule('load_module modules/ngx_http_js_module.so;\n', 'nginx version: nginx/1.22.1')).toBe(true);
    expect(loadsNjsModule('# load_module modules/ngx_http_js_module.so;\n', 'nginx version: nginx/1.22.1')).toBe(false);
    const include = renderNjsUpstreamFile(config);
    expect(usesVariable(`${include}\nlocation / { proxy_pass http://$ubos_bgs_app; }`, include, 'app')).toBe(true);
    expect(usesVariable(`${include}\nlocation / { proxy_pass http://app; }`, include, 'app')).toBe(false);
  });
});

describe("the drain's view of nginx's connections (/proc/net/tcp addresses)", () => {
  it('writes addresses the way /proc/net/tcp and tcp6 show them', () => {
    expect(procRemoteAddresses('127.0.0.1', 8080)).toEqual(['0100007F:1F90', '0000000000000000FFFF00000100007F:1F90']);
    expect(procRemoteAddresses('::1', 443)).toEqual(['00000000000000000000000001000000:01BB']);
    expect(procRemoteAddresses('2001:db8::ff00:42:8329', 80)).toEqual(['B80D01200000000000FF000029834200:0050']);
    expect(procRemoteAddresses('not an address', 80)).toEqual([]);
  });
});
