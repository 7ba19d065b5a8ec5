// Diff-aware ordering (changed operations first, reported apart), the base version of the spec run against the
// same server, the request budget, and seed reproducibility.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLiveSpec, runLive } from '../../../actions/contract-test/src/live/index.js';
import { startDefectServer, type DefectServer } from './harness/defect-server.mjs';
import { compact, HARNESS, harnessSpec, SECRETS } from './helpers.js';

let broken: DefectServer;
let fixed: DefectServer;
beforeAll(async () => {
  broken = await startDefectServer({ defects: ['extra-enum-value', 'accepts-invalid-data', 'wrong-content-type'] });
  fixed = await startDefectServer({ conformant: true });
});
afterAll(async () => {
  await broken.close();
  await fixed.close();
});

const pathOf = (url: string) => url.split('?')[0]!.replace(/^\/api/, '');

describe('diff-aware ordering', () => {
  it('tests the changed operations first and reports them apart', async () => {
    broken.reset();
    const run = await runLive({
      spec: await harnessSpec('30'),
      baseUrl: broken.url,
      auth: SECRETS,
      changedOperations: [
        { method: 'get', path: '/orders' },
        { method: 'POST', path: '/signups' },
        { method: 'get', path: '/no-such-path' }
      ]
    });
    const paths = broken.requests.map((r) => pathOf(r.url));
    const changed = (p: string) => p === '/orders' || p === '/signups';
    const lastChanged = paths.map(changed).lastIndexOf(true);
    const firstOther = paths.findIndex((p) => !changed(p));
    expect(lastChanged).toBeLessThan(firstOther);
    expect(run.result.changed).toEqual({
      operations: [
        { method: 'GET', path: '/orders', operationId: 'listOrders' },
        { method: 'POST', path: '/signups', operationId: 'createSignup' }
      ],
      notInSpec: [{ method: 'get', path: '/no-such-path' }],
      failures: 2
    });
    expect(run.result.failures.map((f) => [f.operation.path, f.changed])).toEqual([
      ['/orders', true],
      ['/signups', true],
      ['/version', false]
    ]);
  });

  it('runs the base version of the spec against the same server and reports it apart', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ubos-live-base-'));
    try {
      // The base version promised a `build` in /version; the new server (and head spec) dropped it.
      const head = readFileSync(join(HARNESS, 'defects.openapi30.yaml'), 'utf8');
      const base = head.replace(
        'required: [version]\n                properties:\n                  version:\n                    type: string',
        'required: [version, build]\n                properties:\n                  version:\n                    type: string\n                  build:\n                    type: string'
      );
      expect(base).not.toBe(head);
      writeFileSync(join(work, 'base.yaml'), base);
      fixed.reset();
      const run = await runLive({
        spec: await harnessSpec('30'),
        baseSpec: await loadLiveSpec('base.yaml', { workspace: work }),
        baseUrl: fixed.url,
        auth: SECRETS
      });
      expect(run.result.failures).toEqual([]);
      expect(compact(run.result.base!.failures)).toEqual(['error response-schema-conformance GET /version']);
      expect(run.result.base!.spec.file).toBe('base.yaml');
      expect(run.result.verdict).toBe('fail');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('budget and seed', () => {
  it('never sends more than the budget, says so, and still reaches every operation first', async () => {
    fixed.reset();
    const run = await runLive({ spec: await harnessSpec('30'), baseUrl: fixed.url, auth: SECRETS, budget: 40 });
    expect(run.result.requests).toBe(40);
    expect(fixed.requests.length).toBe(40);
    expect(run.result.budgetExhausted).toBe(true);
    expect(run.result.notes.some((n) => /budget \(40\) ran out/.test(n))).toBe(true);
    expect(run.result.coverage.operations.covered).toBe(37);
  });

  it('the same seed sends the same requests; another seed different ones', async () => {
    const requests = async (seed: number) => {
      fixed.reset();
      await runLive({ spec: await harnessSpec('31'), baseUrl: fixed.url, auth: SECRETS, seed, concurrency: 1 });
      return fixed.requests.map((r) => `${r.method} ${r.url} ${r.body}`);
    };
    const first = await requests(3);
    const again = await requests(3);
    const other = await requests(4);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first.length).toBeGreaterThan(300);
  });
});
