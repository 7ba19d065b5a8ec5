import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import {
  changedTargets,
  documentAsWritten,
  locateByPath,
  resolvedParts,
  scopeDocument,
  spectralLocator,
  type ScopedDocument
} from '../../actions/contract-test/src/lint/scope.js';
import { loadSpec } from '../../actions/contract-test/src/spec/load.js';
import type { Change, JsonObject } from '../../actions/contract-test/src/spec/types.js';

/** A document read by key in assertions (what a missing key gives is checked by the assertion itself). */
type Doc = { [key: string]: Doc };

const change = (path: string | undefined, method?: string, id = 'response-property-removed'): Change => ({
  id,
  level: 'error',
  message: 'm',
  ...(path !== undefined ? { path } : {}),
  ...(method !== undefined ? { method } : {})
});

const SPEC = `
openapi: 3.0.3
info: {title: t, version: "1"}
tags: [{name: pets}]
servers: [{url: https://api.example.com}]
security: [{key: []}]
x-logo: {url: https://example.com/logo.png}
x-hooks: {created: {$ref: '#/components/schemas/Hook'}}
paths:
  /pets/{petId}:
    parameters: [{$ref: '#/components/parameters/PetId'}]
    get:
      responses:
        '200': {$ref: '#/components/responses/Pet'}
    delete:
      responses:
        '204': {description: gone}
  /owners:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Owner'}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
  parameters:
    PetId: {name: petId, in: path, required: true, schema: {type: string}}
  responses:
    Pet:
      description: a pet
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Pet'}
  schemas:
    Pet:
      type: object
      properties:
        owner: {$ref: '#/components/schemas/Owner'}
        parent: {$ref: '#/components/schemas/Pet'}
    Owner: {type: object, properties: {name: {type: string}}}
    Hook: {type: object}
    Unused: {type: string}
`;

function cut(changes: Change[], text = SPEC, version: '2.0' | '3.0' = '3.0'): ScopedDocument {
  const result = scopeDocument(parse(text) as JsonObject, version, changes);
  if ('reason' in result) throw new Error(result.reason);
  return result;
}

describe('scopeDocument (lint-scope: changed)', () => {
  it('keeps the changed operation, its path item, what it references transitively, and the document level', () => {
    const scoped = cut([change('/pets/{petId}', 'get')]);
    expect(scoped.operations).toEqual(['GET /pets/{petId}']);
    expect(scoped.totalOperations).toBe(3);
    const doc = scoped.document as unknown as Doc;
    expect(Object.keys(doc)).toEqual([
      'openapi',
      'info',
      'tags',
      'servers',
      'security',
      'x-logo',
      'paths',
      'components'
    ]);
    expect(Object.keys(doc.paths)).toEqual(['/pets/{petId}']);
    expect(Object.keys(doc.paths['/pets/{petId}'])).toEqual(['parameters', 'get']);
    expect(Object.keys(doc.components).sort()).toEqual(['parameters', 'responses', 'schemas', 'securitySchemes']);
    // Pet reaches Owner through a property and itself through a cycle; Hook and Unused are reached by nothing kept.
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['Owner', 'Pet']);
    expect(doc.components.securitySchemes).toEqual({ key: { type: 'apiKey', in: 'header', name: 'X-Key' } });
  });

  it('drops a top-level extension that references components, keeps one that does not', () => {
    const doc = cut([change('/owners', 'get')]).document as unknown as Doc;
    expect(doc['x-logo']).toBeDefined();
    expect(doc['x-hooks']).toBeUndefined();
    expect(Object.keys(doc.components.schemas)).toEqual(['Owner']);
  });

  it('pairs a change by path shape (the base named the parameter differently) and by whole path', () => {
    expect(cut([change('/pets/{id}', 'delete')]).operations).toEqual(['DELETE /pets/{petId}']);
    expect(cut([change('/pets/{id}')]).operations).toEqual(['GET /pets/{petId}', 'DELETE /pets/{petId}']);
  });

  it('keeps the paths of the same shape with a kept one: Spectral compares them (path-params)', () => {
    const text = `
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a/{x}:
    get: {responses: {'200': {description: ok}}}
    put: {responses: {'200': {description: ok}}}
  /a/{y}:
    delete: {responses: {'204': {description: ok}}}
  /b:
    get: {responses: {'200': {description: ok}}}
`;
    expect(cut([change('/a/{x}', 'get')], text).operations).toEqual(['GET /a/{x}', 'DELETE /a/{y}']);
  });

  it('keeps no operation when nothing changed, and only the document-level objects', () => {
    const scoped = cut([change(undefined, undefined, 'server-removed')]);
    expect(scoped.operations).toEqual([]);
    expect((scoped.document as unknown as Doc).paths).toEqual({});
    expect(Object.keys((scoped.document as unknown as Doc).components)).toEqual(['securitySchemes']);
  });

  it('ignores a change to an operation the head no longer has (removed: nothing to lint)', () => {
    expect(cut([change('/gone', 'get')]).operations).toEqual([]);
  });

  it('places a $ref into the paths section at its pointer, and leaves a dangling $ref dangling', () => {
    const text = `
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses: {'200': {$ref: '#/paths/~1b/get/responses/200'}}
  /b:
    get:
      responses: {'200': {description: ok}}
  /c:
    get:
      responses: {'200': {$ref: '#/components/responses/Missing'}}
`;
    const a = cut([change('/a', 'get')], text).document as unknown as Doc;
    expect(a.paths['/b'].get.responses['200']).toEqual({ description: 'ok' });
    const c = cut([change('/c', 'get')], text).document as unknown as Doc;
    expect(c.components).toBeUndefined();
    expect(c.paths['/c'].get.responses['200']).toEqual({ $ref: '#/components/responses/Missing' });
  });

  it('cannot cut a spec that references another document: the caller lints it whole', () => {
    const text = SPEC.replace("{$ref: '#/components/schemas/Owner'}", "{$ref: 'owner.yaml'}");
    expect(scopeDocument(parse(text) as JsonObject, '3.0', [change('/owners', 'get')])).toEqual({
      reason: 'it references another document (owner.yaml)'
    });
  });

  it('cuts OAS 2 definitions, parameters and responses the same way', () => {
    const text = `
swagger: '2.0'
info: {title: t, version: "1"}
securityDefinitions: {key: {type: apiKey, in: header, name: X-Key}}
paths:
  /a:
    get:
      parameters: [{$ref: '#/parameters/Limit'}]
      responses: {'200': {description: ok, schema: {$ref: '#/definitions/A'}}}
  /b:
    get:
      responses: {'200': {$ref: '#/responses/B'}}
parameters: {Limit: {name: limit, in: query, type: integer}}
responses: {B: {description: b, schema: {$ref: '#/definitions/B'}}}
definitions: {A: {type: object}, B: {type: object}}
`;
    const doc = cut([change('/a', 'get')], text, '2.0').document as unknown as Doc;
    expect(Object.keys(doc)).toEqual(['swagger', 'info', 'securityDefinitions', 'paths', 'parameters', 'definitions']);
    expect(Object.keys(doc.definitions)).toEqual(['A']);
  });

  it('keeps a key named __proto__ as data', () => {
    const raw = JSON.parse(
      '{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"$ref":"#/components/responses/__proto__"}}}}},"components":{"responses":{"__proto__":{"description":"p"}}}}'
    ) as JsonObject;
    const result = scopeDocument(raw, '3.0', [change('/a', 'get')]) as ScopedDocument;
    expect(JSON.stringify(result.document)).toContain('"__proto__":{"description":"p"}');
    expect(({} as Record<string, unknown>).description).toBeUndefined();
  });
});

describe('resolvedParts', () => {
  it('counts what Spectral walks for the cut: the loaded operations and the components where they are defined', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-scope-parts-'));
    fs.writeFileSync(path.join(dir, 'openapi.yaml'), SPEC);
    const head = loadSpec(path.join(dir, 'openapi.yaml'), { root: dir });
    const scoped = cut([change('/owners', 'get')]);
    const parts = resolvedParts(head.document, scoped.document) as unknown as Doc;
    const loaded = head.document as unknown as Doc;
    expect(parts.paths['/owners'].get).toBe(loaded.paths['/owners'].get);
    expect(Object.keys(parts.components.schemas)).toEqual(['Owner']);
    expect(parts.components.schemas.Owner).toBe(loaded.components.schemas.Owner);
    expect(parts.info).toBe(loaded.info);
  });
});

describe('changedTargets', () => {
  it('names operations by lower-case method and path, and whole paths for path-level changes', () => {
    const targets = changedTargets([change('/a', 'GET'), change('/b'), change(undefined)]);
    expect([...targets.operations]).toEqual(['get /a']);
    expect([...targets.paths]).toEqual(['/b']);
  });
});

describe('documentAsWritten and locateByPath', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-scope-'));
  const file = path.join(dir, 'openapi.yaml');
  fs.writeFileSync(file, SPEC.trimStart());
  const lines = SPEC.trimStart().split('\n');
  const lineOf = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;

  it('keeps $refs, reads JSON and YAML (with merge keys), and refuses a top level that is not an object', () => {
    const doc = documentAsWritten(SPEC) as unknown as Doc;
    expect(doc.paths['/owners'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Owner'
    });
    expect(documentAsWritten('\ufeff{"openapi":"3.0.3"}')).toEqual({ openapi: '3.0.3' });
    expect(documentAsWritten('base: &b {x: 1}\nuse: {<<: *b, y: 2}\n')).toEqual({
      base: { x: 1 },
      use: { x: 1, y: 2 }
    });
    expect(documentAsWritten('- 1\n')).toBeUndefined();
  });

  it('places a JSON path at the key of its last step in the head, stopping where a $ref was written', () => {
    const spec = loadSpec(file, { root: dir });
    const at = (p: string[]) => locateByPath(spec, p);
    expect(at(['paths', '/owners', 'get'])).toEqual({
      location: { file: 'openapi.yaml', line: lineOf('/owners:') + 1, column: 5 },
      at: 'key'
    });
    expect(at(['components', 'schemas', 'Pet', 'properties', 'owner'])?.location.line).toBe(lineOf('owner: {$ref'));
    // Through the $ref of the schema: the resolved node has no `$ref` key, so the path ends at `schema`.
    const viaRef = at(['paths', '/owners', 'get', 'responses', '200', 'content', 'application/json', 'schema', '$ref']);
    expect(viaRef?.location.line).toBe(lineOf("schema: {$ref: '#/components/schemas/Owner'}"));
    expect(at(['tags', '0', 'name'])).toMatchObject({ location: { line: lineOf('tags:') }, at: 'key' });
    expect(at(['nowhere'])).toEqual({ location: { file: 'openapi.yaml', line: 1, column: 1 }, at: 'node' });
  });

  it('places a finding as Spectral does: after the colon for a mapping or a block, at a scalar on the same line', () => {
    const text = [
      'openapi: 3.0.3',
      '\'info\': {title: t, version: "1"}',
      'paths:',
      '  "/a":',
      '    get:',
      '      summary:   hello',
      '      responses: {"200": {description: ok}}',
      ''
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'placed.yaml'), text);
    const locate = spectralLocator(loadSpec(path.join(dir, 'placed.yaml'), { root: dir }), text);
    expect(locate(['info'])).toMatchObject({ line: 2, column: 8 });
    expect(locate(['paths', '/a'])).toMatchObject({ line: 4, column: 8 });
    expect(locate(['paths', '/a', 'get', 'summary'])).toMatchObject({ line: 6, column: 18 });
    expect(locate(['paths', '/a', 'get', 'responses', '200'])).toMatchObject({ line: 7, column: 25 });
  });
});
