// Swagger 2.0 specs (body and collectionFormat parameters, x-example, x-nullable, basePath), and servers that
// misbehave at the HTTP level: hanging, resetting, oversized, redirecting, not JSON. Every such answer is a
// failure of the right check, never a crash or a hang.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLiveSpec, runLive } from '../../../actions/contract-test/src/live/index.js';
import { startFaultServer, type FaultServer } from '../../harness/fault-server.js';
import { startDefectServer, type DefectServer } from './harness/defect-server.mjs';
import { compact, SECRETS } from './helpers.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('Swagger 2.0', () => {
  let broken: DefectServer;
  let fixed: DefectServer;
  beforeAll(async () => {
    broken = await startDefectServer({ defects: ['boundary-500'] });
    fixed = await startDefectServer({ conformant: true });
  });
  afterAll(async () => {
    await broken.close();
    await fixed.close();
  });

  it('finds the boundary 500 and nothing else; the conformant server passes', async () => {
    const spec = await loadLiveSpec('swagger20.yaml', { workspace: FIXTURES });
    const bad = await runLive({ spec, baseUrl: broken.url, auth: SECRETS });
    expect(compact(bad.result.failures)).toEqual(['error not-a-server-error GET /search']);
    const good = await runLive({ spec, baseUrl: fixed.url, auth: SECRETS });
    expect(compact(good.result.failures)).toEqual([]);
    expect(good.result.spec.version).toBe('2.0');
    const styles = fixed.requests.filter((r) => r.url.startsWith('/api/styles/'));
    expect(styles.some((r) => /tags=\w+(%20\w+)+/.test(r.url))).toBe(true);
    expect(styles.some((r) => /ids=-?\d+(\|-?\d+)+/.test(r.url))).toBe(true);
    expect(fixed.requests.some((r) => r.url === '/api/widgets/1' && r.method === 'GET')).toBe(true);
  });
});

describe('misbehaving servers', () => {
  let server: FaultServer;
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ubos-live-hostile-'));
    const op = (status: string, schema = '{type: object, required: [ok], properties: {ok: {type: boolean}}}') =>
      `    get:\n      responses:\n        '${status}':\n          description: d\n          content:\n            application/json:\n              schema: ${schema}\n`;
    writeFileSync(
      join(work, 'api.yaml'),
      `openapi: 3.0.3\ninfo: {title: hostile, version: '1'}\npaths:\n  /hang:\n${op('200')}  /reset:\n${op('200')}  /big:\n${op('200', '{type: string}')}  /redirect:\n${op('200')}  /notjson:\n${op('200')}  /html:\n${op('200')}\n`
    );
    server = await startFaultServer({
      routes: {
        '/hang': { type: 'hang' },
        '/reset': { type: 'reset' },
        '/big': { status: 200, headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(300_000)}"` },
        '/redirect': { status: 302, headers: { location: 'http://127.0.0.1:9/elsewhere' } },
        '/notjson': { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok": tru' },
        '/html': { type: 'wrong-content-type' },
        '*': { status: 405, headers: { allow: 'GET' }, body: { error: 'no' } }
      }
    });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('reports each as a failure of the right check, within the time limit', async () => {
    const spec = await loadLiveSpec('api.yaml', { workspace: work });
    const started = Date.now();
    const run = await runLive({
      spec,
      baseUrl: server.url,
      timeoutMs: 300,
      maxBodyBytes: 64 * 1024,
      checks: [
        'not-a-server-error',
        'status-code-conformance',
        'content-type-conformance',
        'response-schema-conformance'
      ]
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(compact(run.result.failures)).toEqual([
      'error content-type-conformance GET /html',
      'error not-a-server-error GET /hang',
      'error not-a-server-error GET /reset',
      'error response-schema-conformance GET /notjson',
      'error status-code-conformance GET /redirect'
    ]);
    const messages = Object.fromEntries(run.result.failures.map((f) => [f.operation.path, f.message]));
    expect(messages['/hang']).toBe('no response: no complete response within 300ms');
    expect(messages['/reset']).toMatch(/^no response: (connection reset by the server|socket hang up)/);
    expect(messages['/notjson']).toMatch(/not valid JSON/);
    expect(messages['/redirect']).toBe('undocumented status 302 (documented: 200)');
    // The 300 kB body was read up to the limit only, and the schema check did not judge a cut body.
    expect(server.requestsTo('/big').length).toBeGreaterThan(0);
  });
});
