// The replay file: failing exchanges (with the steps of their sequences) sent again and re-checked, against the
// same broken server (still failing) and a fixed one (passing), without the spec.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  parseReplay,
  renderReplay,
  replayFailures,
  runLive,
  type LiveRun
} from '../../../actions/contract-test/src/live/index.js';
import { startDefectServer, type DefectServer } from './harness/defect-server.mjs';
import { harnessSpec, MAX_RESPONSE_TIME_MS, SECRETS, SLOW_MS } from './helpers.js';

let broken: DefectServer;
let fixed: DefectServer;
let run: LiveRun;
let text: string;
beforeAll(async () => {
  broken = await startDefectServer({ slowMs: SLOW_MS });
  fixed = await startDefectServer({ conformant: true });
  run = await runLive({
    spec: await harnessSpec('31'),
    baseUrl: broken.url,
    auth: SECRETS,
    maxResponseTimeMs: MAX_RESPONSE_TIME_MS
  });
  text = renderReplay(run);
});
afterAll(async () => {
  await broken.close();
  await fixed.close();
});

describe('replay', () => {
  it('writes NDJSON: a header, then one entry per failure', () => {
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      type: 'ubos-contract-test-replay',
      version: 1,
      spec: 'defects.openapi31.yaml',
      seed: 1
    });
    expect(lines.length - 1).toBe(run.result.failures.length);
    const stateful = lines.find((l) => l.check === 'use-after-free') as {
      steps: { request: { method: string }; capture?: unknown }[];
    };
    expect(stateful.steps.map((s) => s.request.method)).toEqual(['POST', 'GET', 'DELETE', 'GET']);
    expect(stateful.steps[0]!.capture).toMatchObject({ from: 'body', at: '/id' });
  });

  it('against the same broken server every failure fails again', async () => {
    broken.reset();
    const result = await replayFailures({ text, file: 'replay.ndjson', baseUrl: broken.url, auth: SECRETS });
    expect(result.outcomes.filter((o) => o.status !== 'failing')).toEqual([]);
    expect(result.counts.failing).toBe(run.result.failures.length);
    expect(result.verdict).toBe('fail');
  });

  it('against a fixed server every failure passes, stateful ones with the ids the new server hands out', async () => {
    // Fresh ids: the replayed create gets id 1 where the recorded one had another.
    fixed.reset();
    const result = await replayFailures({ text, file: 'replay.ndjson', baseUrl: fixed.url, auth: SECRETS });
    expect(result.outcomes.filter((o) => o.status !== 'passing').map((o) => `${o.check} ${o.detail}`)).toEqual([]);
    expect(result.verdict).toBe('pass');
    const gadgets = fixed.requests.filter((r) => r.url.startsWith('/api/gadgets'));
    expect(gadgets.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/gadgets',
      'GET /api/gadgets/1',
      'DELETE /api/gadgets/1',
      'GET /api/gadgets/1'
    ]);
  });

  it('refuses files that are not replay files, with the line at fault', () => {
    expect(() => parseReplay('', 'r.ndjson')).toThrow('r.ndjson: empty replay file');
    expect(() => parseReplay('{"type":"other"}\n', 'r.ndjson')).toThrow(/not a contract-test replay file/);
    const header = text.split('\n')[0]!;
    expect(() => parseReplay(`${header}\nnot json\n`, 'r.ndjson')).toThrow('r.ndjson:2: not JSON');
    expect(() =>
      parseReplay(
        `${header}\n{"type":"failure","check":"made-up","operation":{},"steps":[{"request":{"method":"GET","path":"/x","headers":{}},"auth":[]}]}\n`,
        'r.ndjson'
      )
    ).toThrow('r.ndjson:2: unknown check "made-up"');
    expect(() =>
      parseReplay(
        `${header}\n{"type":"failure","check":"not-a-server-error","operation":{},"steps":[{"request":{"method":"GET","path":"http://elsewhere/x","headers":{}},"auth":[]}]}\n`,
        'r.ndjson'
      )
    ).toThrow('r.ndjson:2: not a replay entry');
  });
});
