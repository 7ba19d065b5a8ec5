import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { findNginxModule } from './binaries.js';
import { isProcessAlive } from './exec.js';
import { startFaultServer, type FaultServer } from './fault-server.js';
import { reverseProxyConfig, startNginx, type NginxServer } from './nginx.js';
import { canConnect } from './ports.js';

/**
 * GET on a fresh connection. (A keep-alive client can lose a request during a reload: the old worker closes
 * its idle connections while the client may already be sending on one. Fresh connections never fail.)
 */
function get(url: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

describe('nginx harness', () => {
  let blue: FaultServer;
  let green: FaultServer;
  let nginx: NginxServer | undefined;

  beforeAll(async () => {
    blue = await startFaultServer({ routes: { '*': { status: 200, body: 'blue', headers: { 'x-color': 'blue' } } } });
    green = await startFaultServer({
      routes: { '*': { status: 200, body: 'green', headers: { 'x-color': 'green' } } }
    });
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([blue.stop(), green.stop()]);
  }, 30_000);

  it('starts a private master in its own prefix and proxies to the upstream', async () => {
    nginx = await startNginx({ config: { upstreams: [blue.port] } });
    expect(nginx.prefix).toMatch(/\/ubos-nginx-[^/]+$/);
    expect(fs.existsSync(`${nginx.prefix}/nginx.pid`)).toBe(true);
    expect(Number(fs.readFileSync(`${nginx.prefix}/nginx.pid`, 'utf8').trim())).toBe(nginx.pid);
    expect(nginx.configText()).toContain('daemon off;');
    expect(nginx.workerPids()).toHaveLength(1);

    const res = await get(`${nginx.url}/orders/42?x=1`);
    expect(res.status).toBe(200);
    expect(res.body).toBe('blue');
    expect(res.headers['x-color']).toBe('blue');
    expect(blue.requests.at(-1)).toMatchObject({ method: 'GET', url: '/orders/42?x=1' });
    expect(fs.readFileSync(`${nginx.prefix}/logs/access.log`, 'utf8')).toContain('GET /orders/42?x=1');
  });

  it('passes upstream failures through (502 when the upstream resets)', async () => {
    blue.setRoute('/boom', { type: 'reset' });
    blue.setRoute('/unavailable', { status: 503, body: 'down' });
    expect((await get(`${nginx!.url}/boom`)).status).toBe(502);
    expect((await get(`${nginx!.url}/unavailable`)).status).toBe(503);
  });

  it('reload() switches traffic from blue to green with new workers and no failed request', async () => {
    const oldWorkers = nginx!.workerPids();
    const results: { body: string; startedAfterReload: boolean }[] = [];
    let reloaded = false;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const startedAfterReload = reloaded;
        const res = await get(`${nginx!.url}/`).catch((error: Error) => ({ status: 0, body: error.message }));
        results.push({ body: res.status === 200 ? res.body : `error ${res.status} ${res.body}`, startedAfterReload });
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await nginx!.reload({ upstreams: [green.port] });
    reloaded = true;
    const afterReload = await get(`${nginx!.url}/`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    polling = false;
    await poller;

    expect(afterReload.body).toBe('green');
    expect(nginx!.workerPids().some((pid) => oldWorkers.includes(pid))).toBe(false);
    // No request failed; old and new workers overlap briefly while the reload is under way (both accept on
    // the shared socket), but once reload() resolved only the new config answers.
    expect(results.filter((r) => r.body !== 'blue' && r.body !== 'green')).toEqual([]);
    expect(results[0]!.body).toBe('blue');
    const after = results.filter((r) => r.startedAfterReload);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => r.body === 'green')).toBe(true);
  });

  it('reload() accepts a config function and extra directives', async () => {
    await nginx!.reload(
      ({ port }) =>
        reverseProxyConfig({ port, upstreams: [blue.port], locationExtra: '        add_header X-Proxy ubos always;' }) +
        `server {\n    listen 127.0.0.1:${port};\n    server_name health.local;\n    location / { return 200 "ok\\n"; }\n}\n`
    );
    const res = await get(`${nginx!.url}/`);
    expect(res.body).toBe('blue');
    expect(res.headers['x-proxy']).toBe('ubos');
  });

  it('reload() rejects an invalid config and keeps serving the old one', async () => {
    const before = nginx!.configText();
    await expect(nginx!.reload('server { listen 127.0.0.1:1; bogus_directive on; }')).rejects.toThrow(
      /unknown directive "bogus_directive"/
    );
    expect(nginx!.configText()).toBe(before);
    expect((await get(`${nginx!.url}/`)).body).toBe('blue');
  });

  it('reload() reports a config that passes nginx -t but cannot be applied, and keeps serving', async () => {
    // A port something else already holds: nginx -t does not bind, the reload does, and fails.
    await nginx!
      .reload(
        ({ port }) =>
          reverseProxyConfig({ port, upstreams: [blue.port] }) + `server { listen 127.0.0.1:${green.port}; }\n`
      )
      .then(
        () => {
          throw new Error('expected the reload to fail');
        },
        (error: Error) => expect(error.message).toMatch(/could not apply the new config[\s\S]*bind\(\)/)
      );
    expect(nginx!.configText()).not.toContain(`listen 127.0.0.1:${green.port}`);
    expect((await get(`${nginx!.url}/`)).body).toBe('blue');
  }, 30_000);

  it('stop() ends master and workers, frees the port and removes the prefix, even with a hanging request', async () => {
    const server = nginx!;
    blue.setRoute('/hang', { type: 'hang' });
    const hanging = fetch(`${server.url}/hang`).then(
      (res) => res.status,
      () => 'error'
    );
    while (blue.requestsTo('/hang').length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const pids = [server.pid, ...server.workerPids()];
    const started = Date.now();
    await server.stop();
    await server.stop();
    nginx = undefined;
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const pid of pids) expect(isProcessAlive(pid)).toBe(false);
    expect(await canConnect(server.port)).toBe(false);
    expect(fs.existsSync(server.prefix)).toBe(false);
    expect(await hanging).toBe('error');
  }, 30_000);

  it('fails to start with nginx -t output for a broken config and leaves no prefix', async () => {
    const before = fs.readdirSync('/tmp').filter((name) => name.startsWith('ubos-nginx-'));
    await expect(startNginx({ config: 'this is not nginx;' })).rejects.toThrow(/nginx -t rejected the config/);
    const after = fs.readdirSync('/tmp').filter((name) => name.startsWith('ubos-nginx-'));
    expect(after).toEqual(before);
  });
});

describe('nginx harness: dynamic modules', () => {
  it('loads the njs module (ngx_http_js_module) so a js_set variable answers', async () => {
    const dir = fs.mkdtempSync(`${os.tmpdir()}/ubos-njs-test-`);
    fs.writeFileSync(`${dir}/hello.js`, "function hello(r) { return 'njs ' + r.method; }\nexport default { hello };\n");
    const server = await startNginx({
      modules: ['ngx_http_js_module'],
      config: ({ port }) =>
        `js_import hello from ${dir}/hello.js;\njs_set $hello hello.hello;\nserver {\n    listen 127.0.0.1:${port};\n    location / { return 200 "$hello\\n"; }\n}\n`
    });
    try {
      expect(server.configText()).toMatch(/^load_module \/\S+\/ngx_http_js_module\.so;$/m);
      expect((await get(`${server.url}/`)).body).toBe('njs GET\n');
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a module that is not installed fails with the package to install', () => {
    expect(() => findNginxModule('ngx_http_js_module', ['/nonexistent'])).toThrow(
      /^ngx_http_js_module\.so not found: apt-get install libnginx-mod-http-js /
    );
  });
});
