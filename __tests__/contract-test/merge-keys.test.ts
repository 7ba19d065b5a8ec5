import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { diffSpecs } from '../../actions/contract-test/src/diff/index.js';
import { lintSpec } from '../../actions/contract-test/src/lint/lint.js';
import { loadSpec } from '../../actions/contract-test/src/spec/load.js';
import type { Change, JsonObject } from '../../actions/contract-test/src/spec/types.js';

// YAML merge keys (`<<: *anchor`, `<<: [*a, *b]`) resolved as YAML 1.1 does: keys written in the map win over merged
// ones wherever they are written, an earlier merged map wins over a later one, and what comes from an anchor keeps
// the anchor's position.
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'merge-keys-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

let count = 0;
function write(text: string): string {
  const file = path.join(tmp, `spec-${++count}.yaml`);
  fs.writeFileSync(file, text);
  return file;
}

const load = (text: string) => loadSpec(write(text), { root: tmp });
const diff = (base: string, head: string): Change[] => diffSpecs(load(base), load(head));
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

/** A spec whose one response schema takes its properties from anchors. */
function spec(anchors: string, properties: string): string {
  return `openapi: 3.0.3
info: {title: t, version: '1'}
x-fragments:
${anchors}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
${properties}
`;
}

describe('merge keys in the diff', () => {
  it('sees a property removed from a merged anchor, located at the head schema and naming the base line', () => {
    const base = spec(
      '  common: &common\n    id: {type: string}\n    createdAt: {type: string}',
      '                  <<: *common\n                  total: {type: integer}'
    );
    const head = spec(
      '  common: &common\n    id: {type: string}',
      '                  <<: *common\n                  total: {type: integer}'
    );
    const changes = diff(base, head);
    expect(changes.map((c) => c.id)).toEqual(['response-property-removed']);
    expect(changes[0].message).toContain('property createdAt: removed');
    expect(changes[0].message).toContain(`(was at spec-1.yaml:${lineOf(base, 'createdAt')} in the base spec)`);
    expect(changes[0].location).toMatchObject({ file: 'spec-2.yaml', line: lineOf(head, '  properties:') });
  });

  it('sees a change inside merged content, located at the anchor definition', () => {
    const base = spec('  common: &common\n    state: {type: string, enum: [open]}', '                  <<: *common');
    const head = spec(
      '  common: &common\n    state: {type: string, enum: [open, closed]}',
      '                  <<: *common'
    );
    const changes = diff(base, head);
    expect(changes.map((c) => c.id)).toEqual(['response-property-enum-value-added']);
    expect(changes[0].location?.line).toBe(lineOf(head, 'enum: [open, closed]'));
  });

  it('lets earlier maps of a merge list win over later ones', () => {
    const anchors = '  a: &a\n    x: {type: string}\n  b: &b\n    x: {type: integer}\n    y: {type: string}';
    const base = load(spec(anchors, '                  <<: [*a, *b]'));
    const props = (s: typeof base) =>
      (
        (
          ((((s.document.paths as JsonObject)['/orders'] as JsonObject).get as JsonObject).responses as JsonObject)[
            '200'
          ] as JsonObject
        ).content as JsonObject
      )['application/json'] as JsonObject;
    expect(JSON.stringify(props(base))).toBe(
      JSON.stringify({ schema: { type: 'object', properties: { x: { type: 'string' }, y: { type: 'string' } } } })
    );
    const changes = diff(
      spec(anchors, '                  <<: [*a, *b]'),
      spec(anchors, '                  <<: [*b, *a]')
    );
    expect(changes.map((c) => c.id)).toEqual(['response-property-type-changed']);
  });

  it('lets keys written in the map win over merged ones, before or after the merge key', () => {
    const anchors = '  a: &a\n    x: {type: string}\n    y: {type: string}';
    const before = spec(anchors, '                  x: {type: integer}\n                  <<: *a');
    const after = spec(anchors, '                  <<: *a\n                  x: {type: integer}');
    expect(diff(before, after)).toEqual([]);
    expect(diff(spec(anchors, '                  <<: *a'), before).map((c) => c.id)).toEqual([
      'response-property-type-changed'
    ]);
  });

  it('merges parameters and operations, so a merged parameter that became required is breaking', () => {
    const text = (required: boolean) => `openapi: 3.0.3
info: {title: t, version: '1'}
x-params:
  limit: &limit {name: limit, in: query, schema: {type: integer}}
x-ops:
  list: &list
    operationId: list
    responses: {'200': {description: ok}}
paths:
  /a:
    get:
      <<: *list
      parameters:
        - <<: *limit
          required: ${required}
`;
    expect(diff(text(false), text(true)).map((c) => c.id)).toEqual(['request-parameter-became-required']);
  });

  it('treats a quoted "<<" as an ordinary key (JSON has no merge keys)', () => {
    const json = load(
      JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, 'x-a': { '<<': { b: 1 } } })
    );
    expect(json.document['x-a']).toEqual({ '<<': { b: 1 } });
    const yaml = load("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-a: {'<<': {b: 1}}\n");
    expect(yaml.document['x-a']).toEqual({ '<<': { b: 1 } });
  });

  it.each([
    ['a: &a {b: {<<: *a}}', /line 5, column \d+: a merge key \(<<\) merges a mapping into itself$/],
    ['a: {<<: 3}', /line 5, column \d+: a merge key \(<<\) takes a mapping, an alias of one, or a list of those$/],
    ['x: &x {}\n  a: {<<: [*x, 1]}', /line 6, column \d+: a merge key \(<<\) takes a mapping/],
    ['a: {x: 1, <<: {y: 1}, x: 2}', /line 5, column \d+: duplicate key "x"$/]
  ])('refuses a bad merge %j with one line', (yaml, message) => {
    const file = write(`openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-t:\n  ${yaml}\n`);
    let error: unknown;
    try {
      loadSpec(file, { root: tmp });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('counts merged aliases against the alias cap (billion laughs through merge keys)', () => {
    const lines = [
      'openapi: 3.0.3',
      "info: {title: t, version: '1'}",
      'paths: {}',
      'x-l0: &l0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}'
    ];
    for (let i = 1; i <= 9; i++) {
      const refs = Array.from({ length: 10 }, (_, k) => `k${k}: *l${i - 1}`).join(', ');
      lines.push(`x-l${i}: &l${i} {<<: *l${i - 1}, ${refs}}`);
    }
    const file = write(lines.join('\n') + '\n');
    expect(() => loadSpec(file, { root: tmp })).toThrow(/YAML aliases expand to more than \d+ nodes/);
  });
});

describe('merge keys in the lint', () => {
  const text = `openapi: 3.0.3
info: {title: t, version: '1', description: d, contact: {name: x}}
servers: [{url: 'https://x.example.com'}]
tags: [{name: known}]
x-op: &op
  operationId: shared
  description: d
  tags: [unknown]
  responses: {'200': {description: ok}}
paths:
  /a:
    get:
      operationId: listA
      <<: *op
  /b:
    get:
      <<: *op
`;

  it('sees keys written before the merge key as YAML 1.1 does, and merged findings at the anchor', async () => {
    const file = path.basename(write(text));
    const findings = await lintSpec({ text, file, root: tmp });
    const codes = findings.map((f) => f.code);
    // Spectral alone lets the merged operationId override the one written before `<<`, and reports a duplicate.
    expect(codes).not.toContain('operation-operationId-unique');
    const tag = findings.filter((f) => f.code === 'operation-tag-defined');
    expect(tag.length).toBeGreaterThan(0);
    expect(tag.every((f) => f.location.line === lineOf(text, 'tags: [unknown]'))).toBe(true);
  });
});
