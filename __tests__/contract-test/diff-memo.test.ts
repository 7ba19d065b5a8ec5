// jest project: integration (times two diffs of a generated spec)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffSpecs } from '../../actions/contract-test/src/diff/index.js';
import { compareSchemasInFull } from '../../actions/contract-test/src/diff/schema/index.js';
import { loadSpec } from '../../actions/contract-test/src/spec/load.js';
import { collectGarbage } from '../../actions/contract-test/src/spec/memory.js';
import type { Change } from '../../actions/contract-test/src/spec/types.js';
import { repoRoot } from '../harness/runner.js';

// The schema memo (diff/schema/comparator.ts): a large schema that many operations reference is compared once,
// and equal subtrees are skipped. What it reports must be exactly what comparing every schema in full reports.
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-memo-'));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** A large schema: `width` properties, each an object of a few typed fields, nested `depth` levels. */
function bigSchema(width: number, depth: number, changed: boolean): Record<string, unknown> {
  const level = (d: number): Record<string, unknown> => ({
    type: 'object',
    required: ['p0'],
    properties: Object.fromEntries(
      Array.from({ length: width }, (_, i) => [
        `p${i}`,
        d === 0
          ? {
              type: changed && i === 3 ? 'integer' : 'string',
              maxLength: 64,
              enum: changed && i === 5 ? ['a', 'b'] : ['a', 'b', 'c']
            }
          : level(d - 1)
      ])
    )
  });
  return level(depth);
}

function spec(operations: number, changed: boolean): string {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < operations; i++) {
    const response = {
      description: 'ok',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Big' } } }
    };
    paths[`/things${i}`] = {
      get: {
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', maximum: changed && i === 7 ? 10 : 100 } }
        ],
        responses: { '200': response }
      },
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Big' } } } },
        responses: { '201': { description: 'created' } }
      }
    };
  }
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths,
    components: { schemas: { Big: bigSchema(10, 1, changed) } }
  });
}

function load(text: string, name: string) {
  fs.writeFileSync(path.join(root, name), text);
  return loadSpec(name, { root });
}

/** The fastest of some runs of a diff on freshly loaded specs (the memo lives as long as the two specs). */
function timed(base: string, head: string, inFull: boolean): { changes: Change[]; seconds: number } {
  let best = Number.POSITIVE_INFINITY;
  let changes: Change[] = [];
  for (let run = 0; run < (inFull ? 1 : 3); run++) {
    const [b, h] = [load(base, 'base.json'), load(head, 'head.json')];
    const started = process.hrtime.bigint();
    changes = diffSpecs(b, h, inFull ? { compare: compareSchemasInFull } : {});
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return { changes, seconds: best };
}

describe('the schema memo', () => {
  const base = spec(200, false);

  it('compares a large unchanged schema referenced from 200 operations in a fraction of the time, with the same result', () => {
    const head = spec(200, false).replace('"maximum":100}}],"responses"', '"maximum":50}}],"responses"');
    const full = timed(base, head, true);
    const memo = timed(base, head, false);
    console.log(`unchanged shared schema: in full ${full.seconds.toFixed(3)} s, memoised ${memo.seconds.toFixed(3)} s`);
    expect(memo.changes).toEqual(full.changes);
    expect(full.changes.map((c) => c.id)).toEqual(['request-property-max-decreased']);
    // About 1:80 here; the bound leaves room for a busy machine.
    expect(memo.seconds).toBeLessThan(full.seconds / 4);
  }, 120_000);

  it('reports a change inside the shared schema under every owner, as comparing in full does', () => {
    const head = spec(200, true);
    const full = timed(base, head, true);
    const memo = timed(base, head, false);
    console.log(`changed shared schema: in full ${full.seconds.toFixed(3)} s, memoised ${memo.seconds.toFixed(3)} s`);
    expect(memo.changes).toEqual(full.changes);
    expect(new Set(full.changes.map((c) => c.id))).toEqual(
      new Set([
        'request-property-max-decreased',
        'request-property-type-changed',
        'response-property-type-changed',
        'request-property-enum-value-removed',
        'response-property-enum-value-removed'
      ])
    );
    expect(memo.seconds).toBeLessThan(full.seconds);
  }, 120_000);

  it('finds the same changes between the two GitHub REST descriptions as comparing in full', () => {
    const github = (version: string) =>
      loadSpec('api.github.com.json', {
        root: path.join(repoRoot, 'node_modules', `octokit-openapi-${version}`, 'generated')
      });
    // Each diff on its own pair, the first pair collected before the second is loaded (timings are logged only).
    const time = (compare?: typeof compareSchemasInFull): [Change[], number] => {
      const [base22, head23] = [github('22'), github('23')];
      const started = process.hrtime.bigint();
      const changes = diffSpecs(base22, head23, compare ? { compare } : {});
      return [changes, Number(process.hrtime.bigint() - started) / 1e9];
    };
    const [full, fullSeconds] = time(compareSchemasInFull);
    collectGarbage();
    const [memo, memoSeconds] = time();
    console.log(`GitHub v22 -> v23: in full ${fullSeconds.toFixed(2)} s, memoised ${memoSeconds.toFixed(2)} s`);
    expect(full.length).toBeGreaterThan(100);
    expect(memo).toEqual(full);
  }, 120_000);
});
