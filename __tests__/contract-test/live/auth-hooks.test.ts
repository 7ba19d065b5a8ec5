// Credentials from each security scheme (bearer, basic, API key in header, query and cookie), their redaction
// from every report, and the Dredd-style hooks file (only loaded when named).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHooksFile, renderReplay, runLive } from '../../../actions/contract-test/src/live/index.js';
import { contractReport } from '../../../actions/contract-test/src/render.js';
import { renderFormat } from '../../../shared/src/cli/command.js';
import { runHook } from '../../../actions/contract-test/src/live/hooks.js';
import { startDefectServer, type DefectServer, type LoggedRequest } from './harness/defect-server.mjs';
import { compact, harnessSpec, SECRETS } from './helpers.js';

let server: DefectServer;
let work: string;
beforeAll(async () => {
  server = await startDefectServer({ conformant: true });
  work = mkdtempSync(join(tmpdir(), 'ubos-live-hooks-'));
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const to = (path: string) => (r: LoggedRequest) => r.url.split('?')[0] === `/api${path}`;

describe('auth', () => {
  it('sends each scheme its credential where the scheme says, and none on the ignored-auth probe', async () => {
    server.reset();
    const run = await runLive({ spec: await harnessSpec('30'), baseUrl: server.url, auth: SECRETS });
    expect(compact(run.result.failures)).toEqual([]);
    const basic = `Basic ${Buffer.from(SECRETS.basic).toString('base64')}`;
    const seen = (path: string, has: (r: LoggedRequest) => boolean) =>
      server.requests.filter(to(path)).filter(has).length;
    expect(seen('/me', (r) => r.headers.authorization === 'Bearer tok-123')).toBeGreaterThan(0);
    expect(seen('/basic', (r) => r.headers.authorization === basic)).toBeGreaterThan(0);
    expect(seen('/keys/header', (r) => r.headers['x-api-key'] === 'key-456')).toBeGreaterThan(0);
    expect(seen('/keys/query', (r) => r.url.includes('api_key=key-456'))).toBeGreaterThan(0);
    expect(seen('/keys/cookie', (r) => String(r.headers.cookie).includes('sid=key-456'))).toBeGreaterThan(0);
    // The probe of each secured GET carries nothing.
    for (const path of ['/me', '/basic', '/keys/header', '/keys/query', '/keys/cookie']) {
      const bare = server.requests
        .filter(to(path))
        .filter(
          (r) =>
            r.method === 'GET' &&
            !r.headers.authorization &&
            !r.headers['x-api-key'] &&
            !r.url.includes('api_key') &&
            !r.headers.cookie
        );
      expect(bare.length).toBe(1);
    }
    expect(run.result.checks.find((c) => c.id === 'ignored-auth')?.evaluated).toBe(6);
  });

  it('without credentials, 401s on secured operations are not failures', async () => {
    const run = await runLive({ spec: await harnessSpec('31'), baseUrl: server.url });
    expect(compact(run.result.failures)).toEqual([]);
  });

  it('wrong credentials fail positive-data-acceptance there, and no secret reaches any report', async () => {
    const wrong = { bearer: 'wrong-bearer-secret', basic: 'alice:wrong-password', apiKey: 'wrong-key-value' };
    const run = await runLive({ spec: await harnessSpec('30'), baseUrl: server.url, auth: wrong });
    expect(compact(run.result.failures)).toEqual(
      ['/admin/stats', '/basic', '/keys/cookie', '/keys/header', '/keys/query', '/me'].map(
        (p) => `error positive-data-acceptance GET ${p}`
      )
    );
    const report = contractReport({ spec: 'openapi.yaml', linted: false, lint: [], changes: [], live: run.result });
    const reports = [
      ...(['json', 'junit', 'markdown', 'text'] as const).map((format) => renderFormat(report, format)),
      report.findings.map((f) => f.message).join('\n'),
      renderReplay(run)
    ].join('\n');
    for (const secret of [
      'wrong-bearer-secret',
      'wrong-password',
      'wrong-key-value',
      Buffer.from(wrong.basic).toString('base64')
    ]) {
      expect(reports).not.toContain(secret);
    }
    expect(reports).toContain('api_key=***');
  });

  it('per-scheme secrets override the general ones', async () => {
    const run = await runLive({
      spec: await harnessSpec('30'),
      baseUrl: server.url,
      auth: { ...SECRETS, schemes: { apiKeyQuery: 'not-the-key' } }
    });
    expect(compact(run.result.failures)).toEqual(['error positive-data-acceptance GET /keys/query']);
  });
});

describe('hooks', () => {
  it('runs Dredd-named hooks: beforeAll, beforeEach, before, after, afterEach, afterAll; skip and fail', async () => {
    const out = join(work, 'calls.json');
    const file = join(work, 'hooks.mjs');
    writeFileSync(
      file,
      `import { writeFileSync } from 'node:fs';
const calls = { beforeAll: 0, beforeEach: 0, afterEach: 0, created: [], callback: 0 };
export default (hooks) => {
  hooks.beforeAll((transactions) => { calls.beforeAll = transactions.length; });
  hooks.beforeEach((tx) => { calls.beforeEach++; tx.request.headers['authorization'] = 'Bearer tok-123'; });
  hooks.before('GET /tenant', (tx) => { tx.request.headers['x-tenant-id'] = 'from-hook'; });
  hooks.before('getSlow', (tx) => { tx.skip = true; });
  hooks.after('createWidget', (tx) => { if (tx.real && tx.real.statusCode === 201) calls.created.push(JSON.parse(tx.real.body).id); });
  hooks.after('getVersion', (tx, done) => { calls.callback++; tx.fail = 'version must be 2'; setTimeout(done, 1); });
  hooks.afterEach(async () => { calls.afterEach++; });
  hooks.afterAll(() => { writeFileSync(${JSON.stringify(out)}, JSON.stringify(calls)); });
};
`
    );
    const hooks = await loadHooksFile('hooks.mjs', work);
    server.reset();
    const run = await runLive({ spec: await harnessSpec('30'), baseUrl: server.url, hooks });
    const calls = JSON.parse(readFileSync(out, 'utf8')) as {
      beforeAll: number;
      beforeEach: number;
      afterEach: number;
      created: number[];
      callback: number;
    };
    expect(calls.beforeAll).toBe(37);
    expect(calls.beforeEach).toBeGreaterThan(calls.afterEach);
    expect(calls.afterEach).toBe(run.result.requests);
    expect(calls.created.length).toBeGreaterThan(0);
    expect(calls.callback).toBeGreaterThan(0);
    expect(server.requests.filter(to('/slow')).filter((r) => r.method === 'GET')).toEqual([]);
    const tenant = server.requests.filter(to('/tenant')).filter((r) => r.method === 'GET');
    // Every GET but the missing-header probe, which the engine keeps bare whatever the hooks add.
    expect(tenant.filter((r) => r.headers['x-tenant-id'] !== 'from-hook').length).toBe(1);
    // The hook adds a bearer token everywhere; the unauthenticated probe strips it, so /me still refuses it.
    expect(compact(run.result.failures)).toEqual(['error hook-assertion GET /version']);
    expect(run.result.failures[0]!.message).toBe('hook: version must be 2');
    expect(run.result.notes).toContain('1 request skipped by hooks');
  });

  it('named exports work too', async () => {
    writeFileSync(
      join(work, 'named.mjs'),
      `export const before = { listTags: (tx) => { tx.fail = 'tags are frozen'; } };\nexport function afterAll() {}\n`
    );
    const hooks = await loadHooksFile('named.mjs', work);
    expect(hooks.before.get('listTags')).toHaveLength(1);
    expect(hooks.afterAll).toHaveLength(1);
  });

  it('a missing file, a file without hooks, a throwing or hanging hook: one clear line each', async () => {
    await expect(loadHooksFile('nope.mjs', work)).rejects.toThrow('hooks file nope.mjs does not exist');
    writeFileSync(join(work, 'empty.mjs'), 'export const unrelated = 1;\n');
    await expect(loadHooksFile('empty.mjs', work)).rejects.toThrow(/registers no hooks/);
    writeFileSync(join(work, 'bad.mjs'), 'export default () => { throw new Error("boom"); };\n');
    await expect(loadHooksFile('bad.mjs', work)).rejects.toThrow('hooks file bad.mjs: registering hooks failed: boom');
    writeFileSync(
      join(work, 'throws.mjs'),
      "export default (h) => h.before('ping', () => { throw new Error('kaput'); });\n"
    );
    const throwing = await loadHooksFile('throws.mjs', work);
    await expect(runLive({ spec: await harnessSpec('30'), baseUrl: server.url, hooks: throwing })).rejects.toThrow(
      'hooks file throws.mjs: before GET /ping failed: kaput'
    );
    const never = () => new Promise<void>(() => undefined);
    await expect(runHook(never, [], 'beforeAll', 'slow.mjs', 50)).rejects.toThrow(
      'hooks file slow.mjs: beforeAll failed: did not finish within 50ms'
    );
  });
});
