// jest project: integration (diffs a generated spec of thousands of operations)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffSpecs } from '../../actions/contract-test/src/diff/index.js';
import { loadSpec } from '../../actions/contract-test/src/spec/load.js';
import type { Change, LoadedSpec } from '../../actions/contract-test/src/spec/types.js';
import { repoRoot } from '../harness/runner.js';

// Every change is located in the head spec. A removal points at head's nearest object that still exists (the path
// item of a removed operation, `paths` when the whole path is gone, the `properties` of a removed property) and
// names where the removed thing was in the base spec in its message. The base and head below differ by hundreds
// of lines, so a base line number used on the head file would land somewhere else entirely.
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'removed-locations-'));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const padding = (n: number) => Array.from({ length: n }, (_, i) => `  x-pad-${i}: ${i}`).join('\n');

const BASE = `openapi: 3.1.0
info:
  title: t
  version: '1'
paths:
  /orders:
    get:
      operationId: list
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: X-Trace, in: header, schema: {type: string}}
      responses:
        '200':
          description: ok
          headers:
            X-Rate: {schema: {type: integer}}
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string}
                  total: {type: integer}
            application/xml:
              schema: {type: string}
        '404': {description: missing}
    delete:
      responses: {'204': {description: gone}}
  /legacy:
    put:
      responses: {'200': {description: ok}}
webhooks:
  orderPaid:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {id: {type: string}}}
      responses: {'200': {description: ok}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
    old: {type: http, scheme: basic}
servers:
  - url: https://api.example.com/v1
  - url: https://eu.example.org/v1
`;

const HEAD = `openapi: 3.1.0
info:
  title: t
  version: '1'
x-padding:
${padding(400)}
paths:
  /orders:
    get:
      operationId: list
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string}
webhooks: {}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
servers:
  - url: https://api.example.com/v1
`;

function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line, i) => i >= from && line.includes(needle));
  if (index < 0) throw new Error(`${needle} not found`);
  return index + 1;
}

let base: LoadedSpec;
let head: LoadedSpec;
let changes: Change[];
beforeAll(() => {
  fs.writeFileSync(path.join(root, 'base.yaml'), BASE);
  fs.writeFileSync(path.join(root, 'head.yaml'), HEAD);
  base = loadSpec('base.yaml', { root });
  head = loadSpec('head.yaml', { root });
  changes = diffSpecs(base, head, { now: new Date('2026-06-01') });
});

function change(id: string, messagePart = ''): Change {
  const found = changes.filter((c) => c.id === id && c.message.includes(messagePart));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('removals are located at the head parent and name the base location', () => {
  it.each([
    ['api-removed-without-deprecation', 'DELETE /orders', '  /orders:', 'delete:'],
    ['api-path-removed-without-deprecation', 'PUT /legacy', 'paths:', 'put:'],
    ['request-parameter-removed', 'X-Trace', '      parameters:', 'X-Trace'],
    ['response-non-success-status-removed', 'response 404', '      responses:', "'404'"],
    ['response-media-type-removed', 'application/xml', '          content:', 'application/xml'],
    ['response-optional-header-removed', 'X-Rate', "        '200':", 'X-Rate'],
    ['response-property-removed', 'total', '                properties:', 'total:'],
    ['webhook-removed', 'orderPaid', 'webhooks:', 'post:'],
    ['security-scheme-removed', '"old"', '  securitySchemes:', 'old:'],
    ['server-removed', 'eu.example.org', 'servers:', 'eu.example.org']
  ])('%s (%s)', (id, part, headNeedle, baseNeedle) => {
    const found = change(id, part);
    expect(found.location).toMatchObject({ file: 'head.yaml', line: lineOf(HEAD, headNeedle) });
    const baseLine = lineOf(BASE, baseNeedle);
    expect(found.baseLocation).toMatchObject({ file: 'base.yaml', line: baseLine });
    expect(found.message).toMatch(new RegExp(`\\(was at base\\.yaml:${baseLine} in the base spec\\)$`));
  });

  it('never uses the base spec for a location: the invariant, checked on every change', () => {
    expect(changes.length).toBeGreaterThanOrEqual(10);
    for (const c of changes) {
      expect(c.location?.file).toBe('head.yaml');
      expect(c.location!.line).toBeLessThanOrEqual(HEAD.split('\n').length);
    }
  });
});

describe('on the GitHub REST description (v22 -> v23), no location comes from the base', () => {
  it('marks every base location and finds none among the changes', () => {
    const dir = path.join(repoRoot, 'node_modules');
    const gitBase = loadSpec(path.join(dir, 'octokit-openapi-22/generated/api.github.com.json'), { root: dir });
    const gitHead = loadSpec(path.join(dir, 'octokit-openapi-23/generated/api.github.com.json'), { root: dir });
    const marked: LoadedSpec = {
      ...gitBase,
      locate: (node, key) => {
        const at = gitBase.locate(node, key);
        return at && { ...at, file: `BASE:${at.file}` };
      }
    };
    const all = diffSpecs(marked, gitHead);
    const removals = all.filter((c) => c.baseLocation !== undefined);
    expect(removals.length).toBeGreaterThan(10);
    for (const c of all) expect(c.location?.file).toBe('octokit-openapi-23/generated/api.github.com.json');
    for (const c of removals) expect(c.message).toMatch(/\(was at BASE:octokit-openapi-22\/.*:\d+ in the base spec\)$/);
  }, 120_000);
});
