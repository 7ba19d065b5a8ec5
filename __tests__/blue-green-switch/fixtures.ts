// Shared set-up of the blue-green tests: two colour backends behind a real nginx or HAProxy started by the
// harness, a router config written to a temp dir (the state file lands next to it), and a load generator that
// plays the users whose requests the judge reads.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseRouterConfig } from '../../actions/blue-green-switch/src/engine/config.js';
import { runOperation, type OperationOptions } from '../../actions/blue-green-switch/src/engine/operations.js';
import type { OperationResult, RouterConfig } from '../../actions/blue-green-switch/src/engine/types.js';
import { allOn } from '../../actions/blue-green-switch/src/engine/weights.js';
import {
  logFormatName,
  renderNjsUpstreamFile,
  renderUpstreamFile
} from '../../actions/blue-green-switch/src/routers/nginx.js';
import {
  njsVariable,
  renderNjsScript,
  renderWeightsFile
} from '../../actions/blue-green-switch/src/routers/support/nginx-njs.js';
import { startColorBackend, type ColorBackend, type StartColorBackendOptions } from '../harness/color-backend.js';
import { startHaproxy, type HaproxyServer } from '../harness/haproxy.js';
import { startNginx, type NginxServer } from '../harness/nginx.js';

export interface Rig {
  kind: 'nginx' | 'haproxy';
  blue: ColorBackend;
  green: ColorBackend;
  /** Base URL through the router. */
  url: string;
  dir: string;
  configFile: string;
  /** The router config YAML as written. */
  yaml: string;
  config(): RouterConfig;
  /** Rewrites router.yml with extra/overridden YAML lines appended to a section. */
  rewrite(yaml: string): void;
  run(options: Partial<OperationOptions> & Pick<OperationOptions, 'operation'>): Promise<OperationResult>;
  haproxy?: HaproxyServer;
  nginx?: NginxServer;
  upstreamFile?: string;
  stop(): Promise<void>;
}

export interface RigOptions {
  blue?: Omit<StartColorBackendOptions, 'color'>;
  green?: Omit<StartColorBackendOptions, 'color'>;
  /** Extra YAML under verify:. */
  verifyExtra?: string;
  /** Extra YAML under the router's section. */
  routerExtra?: string;
  /** nginx: `switch: njs` (the njs module loaded, proxy_pass to the njs variable), adopted before nginx starts. */
  njs?: boolean;
  /** nginx: dynamic modules to load (njs implies ngx_http_js_module). */
  modules?: readonly string[];
}

const FAST_VERIFY = `  header: x-color
  window: 40
  timeout: 10s
  request-timeout: 2s
  concurrency: 4`;

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-bgs-test-'));
}

async function backends(options: RigOptions): Promise<[ColorBackend, ColorBackend]> {
  return Promise.all([
    startColorBackend({ color: 'blue', seed: 11, ...options.blue }),
    startColorBackend({ color: 'green', seed: 22, ...options.green })
  ]);
}

function rigBase(
  kind: Rig['kind'],
  blue: ColorBackend,
  green: ColorBackend,
  url: string,
  yaml: string,
  stopRouter: () => Promise<void>
) {
  const dir = tempDir();
  const configFile = path.join(dir, 'router.yml');
  fs.writeFileSync(configFile, yaml);
  const rig: Rig = {
    kind,
    blue,
    green,
    url,
    dir,
    configFile,
    yaml,
    config: () => parseRouterConfig({ text: fs.readFileSync(configFile, 'utf8'), path: configFile, cwd: dir, env: {} }),
    rewrite(text) {
      fs.writeFileSync(configFile, text);
    },
    run: (options) =>
      runOperation({
        config: rig.config(),
        runId: 'test-run',
        env: {},
        cwd: dir,
        lockTimeoutMs: 0,
        stepWaitMs: 300,
        ...options
      }),
    async stop() {
      await stopRouter();
      await Promise.all([blue.stop(), green.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return rig;
}

export async function haproxyRig(options: RigOptions = {}): Promise<Rig> {
  const [blue, green] = await backends(options);
  const haproxy = await startHaproxy({
    servers: [
      { name: 'blue1', address: blue.port, weight: 100 },
      { name: 'green1', address: green.port, weight: 0 }
    ]
  });
  const yaml = `type: haproxy
colors:
  blue:
    servers: [blue1]
  green:
    servers: [green1]
verify:
  url: ${haproxy.url}/version
${FAST_VERIFY}
${options.verifyExtra ?? ''}
haproxy:
  socket: ${haproxy.socket}
  backend: app
  drain-timeout: 5s
  log-ring: bgs
${options.routerExtra ?? ''}
`;
  const rig = rigBase('haproxy', blue, green, haproxy.url, yaml, () => haproxy.stop());
  rig.haproxy = haproxy;
  return rig;
}

export async function nginxRig(options: RigOptions = {}): Promise<Rig> {
  const [blue, green] = await backends(options);
  let upstreamFile = '';
  let yamlText = '';
  const nginx = await startNginx({
    workerProcesses: 2,
    modules: options.njs ? ['ngx_http_js_module'] : (options.modules ?? []),
    config: ({ port, prefix }) => {
      upstreamFile = path.join(prefix, 'conf', 'bgs-app.conf');
      yamlText = `type: nginx
colors:
  blue:
    servers: [${blue.address}]
  green:
    servers: [${green.address}]
verify:
  url: http://127.0.0.1:${port}/version
${FAST_VERIFY}
${options.verifyExtra ?? ''}
nginx:
  config: ${path.join(prefix, 'conf', 'nginx.conf')}
  prefix: ${prefix}
  upstream-file: ${upstreamFile}
  upstream: app
  reload-timeout: 5s
  keepalive: 8
  access-log: ${path.join(prefix, 'logs', 'bgs.json')}
${options.njs ? '  switch: njs\n  keepalive-timeout: 300ms\n' : ''}${options.routerExtra ?? ''}
`;
      // The first deployment's upstream file, as the action writes it (nginx -t needs it before nginx starts).
      const config = parseRouterConfig({ text: yamlText, path: path.join(prefix, 'router.yml'), cwd: prefix, env: {} });
      if (options.njs) {
        fs.writeFileSync(config.nginx!.scriptFile, renderNjsScript(config));
        fs.writeFileSync(config.nginx!.weightsFile, renderWeightsFile(allOn('blue', ['blue', 'green'])));
        fs.writeFileSync(upstreamFile, renderNjsUpstreamFile(config));
      } else {
        fs.writeFileSync(upstreamFile, renderUpstreamFile(config, allOn('blue', ['blue', 'green'])));
      }
      return `include ${upstreamFile};
server {
    listen 127.0.0.1:${port};
    location / {
        proxy_pass http://${options.njs ? `$${njsVariable('app')}` : 'app'};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        access_log ${path.join(prefix, 'logs', 'bgs.json')} ${logFormatName('app')};
    }
}
`;
    }
  });
  const rig = rigBase('nginx', blue, green, nginx.url, yamlText, () => nginx.stop());
  rig.nginx = nginx;
  rig.upstreamFile = upstreamFile;
  return rig;
}

/** GET through the router on a fresh connection: the colour that answered (or the status when none did). */
export function colorOf(url: string): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 5000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.headers['x-color'] ?? `status ${res.statusCode}`)));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve(`error ${e.message}`));
  });
}

export async function shares(url: string, n: number): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const c = await colorOf(url);
    seen[c] = (seen[c] ?? 0) + 1;
  }
  return seen;
}

/**
 * Users: `concurrency` keep-alive loops of requests until stopped, counting failures by kind (status >= 500,
 * error codes). A reset of a request sent on a reused keep-alive connection is retried once, as HTTP clients do
 * for idempotent requests (RFC 9112 9.3.1; Node's docs suggest the same with req.reusedSocket): a server that
 * closes an idle connection (nginx's old workers at a reload) races with a request already on its way.
 */
export function startLoad(
  url: string,
  concurrency = 4
): { stop(): Promise<{ sent: number; failed: number; retried: number; kinds: Record<string, number> }> } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let running = true;
  let sent = 0;
  let failed = 0;
  let retried = 0;
  const kinds: Record<string, number> = {};
  const count = (kind: string) => {
    failed++;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  };
  const once = (retry: boolean) =>
    new Promise<void>((resolve) => {
      const req = http.get(url, { agent, timeout: 5000 }, (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 0) >= 500) count(`status ${res.statusCode}`);
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (retry && req.reusedSocket && error.code === 'ECONNRESET') {
          retried++;
          void once(false).then(resolve);
          return;
        }
        count(error.code ?? error.message);
        resolve();
      });
    });
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) {
      sent++;
      await once(true);
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return { sent, failed, retried, kinds };
    }
  };
}

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
