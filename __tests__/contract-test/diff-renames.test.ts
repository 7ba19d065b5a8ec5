// Renames and moves (issue 19): a property removed and another added with the same schema is one renamed property,
// and an operation removed and another added with the same operationId is one moved operation. Each is ONE change,
// located at the new place with the old one as its base location, instead of a removal plus an addition; what is
// ambiguous or not exactly the same stays a removal plus an addition. Every case runs on a pair of OAS 3.0 and of
// OAS 3.1 specs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptChanges, parseIgnoreFile, type AcceptEntry } from '../../actions/contract-test/src/accept.js';
import { parseCheckLevels } from '../../actions/contract-test/src/check-levels.js';
import { ALL_CHECKS, diffSpecs } from '../../actions/contract-test/src/diff/index.js';
import { loadSpec } from '../../actions/contract-test/src/spec/load.js';
import type { Change, ChangeLevel } from '../../actions/contract-test/src/spec/types.js';
import { json, oas, op, type Doc } from './diff-table.js';
import { specFromYaml } from './spec-fixture.js';

const VERSIONS = ['3.0', '3.1'] as const;
type Version = (typeof VERSIONS)[number];
const IDS = ALL_CHECKS.map((c) => c.id);

const diff = (base: Doc, head: Doc, levels?: ReadonlyMap<string, ChangeLevel | 'off'>) =>
  diffSpecs(specFromYaml(JSON.stringify(base)), specFromYaml(JSON.stringify(head)), levels ? { levels } : {});
const shown = (changes: Change[]) =>
  changes.map((c) => [c.level, c.id, c.method, c.path].filter((part) => part !== undefined).join(' '));

const str = { type: 'string' };
const int = { type: 'integer' };
const strings = { type: 'array', items: str };
const object = (properties: Doc, required: string[] = []) => ({
  type: 'object',
  properties,
  ...(required.length > 0 && { required })
});

/** POST /articles sending this body. */
const sending = (v: Version, schema: unknown) =>
  oas({ '/articles': { post: op({ requestBody: { content: json(schema) } }) } }, {}, v);
/** GET /articles/{slug} answering this body. */
const answering = (v: Version, schema: unknown) =>
  oas(
    {
      '/articles/{slug}': {
        get: op({
          parameters: [{ name: 'slug', in: 'path', required: true, schema: str }],
          responses: { '200': { description: 'ok', content: json(schema) } }
        })
      }
    },
    {},
    v
  );

describe.each(VERSIONS)('OAS %s renamed properties', (v) => {
  it('a request property renamed is one error naming both names', () => {
    const changes = diff(
      sending(v, object({ title: str, tagList: strings })),
      sending(v, object({ title: str, tags: strings }))
    );
    expect(shown(changes)).toEqual(['error request-property-renamed post /articles']);
    expect(changes[0].message).toBe('request body (application/json), property tagList: renamed to "tags"');
  });

  it('a response property renamed is one error naming both names', () => {
    const node = object({ id: str });
    const base = answering(v, object({ edges: { type: 'array', items: node } }, ['edges']));
    const head = answering(v, object({ connections: { type: 'array', items: node } }, ['connections']));
    const changes = diff(base, head);
    expect(shown(changes)).toEqual(['error response-property-renamed get /articles/{slug}']);
    expect(changes[0].message).toContain('property edges: renamed to "connections"');
  });

  it('a nested property renamed is reported at its path', () => {
    const article = (tagsKey: string) => object({ article: object({ title: str, [tagsKey]: strings }, ['title']) });
    const changes = diff(sending(v, article('tagList')), sending(v, article('tags')));
    expect(shown(changes)).toEqual(['error request-property-renamed post /articles']);
    expect(changes[0].message).toContain('property article.tagList: renamed to "tags"');
  });

  it('a renamed property whose schema is a shared, cyclic ($ref) schema is paired', () => {
    const node = { $ref: '#/components/schemas/Node' };
    const spec = (key: string) => ({
      ...sending(v, object({ [key]: node })),
      components: { schemas: { Node: object({ name: str, children: { type: 'array', items: node } }) } }
    });
    expect(shown(diff(spec('root'), spec('tree')))).toEqual(['error request-property-renamed post /articles']);
    // The same name in another part of the cycle is another schema: not the same property.
    const changed = {
      ...sending(v, object({ tree: node })),
      components: { schemas: { Node: object({ name: str, kids: { type: 'array', items: node } }) } }
    };
    expect(shown(diff(spec('root'), changed))).toEqual([
      'warning request-property-removed post /articles',
      'info new-optional-request-property post /articles'
    ]);
  });

  it('descriptions and examples do not tell two properties apart', () => {
    const base = sending(v, object({ tagList: { ...strings, description: 'the tags', example: ['a'] } }));
    const head = sending(v, object({ tags: { ...strings, description: 'tags of the article' } }));
    expect(shown(diff(base, head))).toEqual(['error request-property-renamed post /articles']);
  });

  it('two removed candidates of the same schema for one added: not paired', () => {
    const changes = diff(sending(v, object({ a: str, b: str })), sending(v, object({ c: str })));
    expect(shown(changes)).toEqual([
      'warning request-property-removed post /articles',
      'warning request-property-removed post /articles',
      'info new-optional-request-property post /articles'
    ]);
  });

  it('one removed with two added candidates of its schema: not paired', () => {
    const changes = diff(answering(v, object({ a: str })), answering(v, object({ b: str, c: str })));
    expect(shown(changes)).toEqual([
      'error response-property-removed get /articles/{slug}',
      'info response-property-added get /articles/{slug}',
      'info response-property-added get /articles/{slug}'
    ]);
  });

  it('a schema a kept sibling also has does not tell the property apart: not paired', () => {
    // GitHub's /rate_limit: `resources` holds a dozen properties of one schema; one went, another came.
    const limit = { $ref: '#/components/schemas/RateLimit' };
    const spec = (resource: string) => ({
      ...answering(v, object({ resources: object({ core: limit, search: limit, [resource]: limit }) })),
      components: { schemas: { RateLimit: object({ limit: int, remaining: int }, ['limit', 'remaining']) } }
    });
    expect(shown(diff(spec('code_scanning_upload'), spec('copilot_usage_records')))).toEqual([
      'error response-property-removed get /articles/{slug}',
      'info response-property-added get /articles/{slug}'
    ]);
    expect(
      shown(diff(sending(v, object({ title: str, body: str })), sending(v, object({ title: str, content: str }))))
    ).toEqual(['warning request-property-removed post /articles', 'info new-optional-request-property post /articles']);
  });

  it('a different schema is a removal plus an addition, whatever differs', () => {
    const removedAndAdded = [
      'warning request-property-removed post /articles',
      'info new-optional-request-property post /articles'
    ];
    const pairs: [unknown, unknown][] = [
      [strings, { type: 'array', items: int }],
      [str, { ...str, format: 'date-time' }],
      [
        { ...str, enum: ['a', 'b'] },
        { ...str, enum: ['a'] }
      ],
      [str, { ...str, maxLength: 10 }],
      [object({ x: str }), object({ x: str }, ['x'])],
      [{}, {}]
    ];
    for (const [from, to] of pairs)
      expect(shown(diff(sending(v, object({ a: from })), sending(v, object({ b: to }))))).toEqual(removedAndAdded);
    // Required-ness in the object is part of the property: an optional one replaced by a required one.
    expect(shown(diff(sending(v, object({ a: str })), sending(v, object({ b: str }, ['b']))))).toEqual([
      'error new-required-request-property post /articles',
      'warning request-property-removed post /articles'
    ]);
  });

  it('two renames of different schemas in one object are both paired; enum order does not matter', () => {
    const base = sending(v, object({ tagList: strings, kind: { ...str, enum: ['a', 'b'] } }));
    const head = sending(v, object({ tags: strings, type: { ...str, enum: ['b', 'a'] } }));
    const changes = diff(base, head);
    expect(shown(changes)).toEqual([
      'error request-property-renamed post /articles',
      'error request-property-renamed post /articles'
    ]);
    expect(changes.map((c) => c.message.replace(/.*property /, ''))).toEqual([
      'tagList: renamed to "tags"',
      'kind: renamed to "type"'
    ]);
  });

  it('a property outside the direction (readOnly in a request) is not a rename candidate', () => {
    const base = sending(v, object({ id: { ...str, readOnly: true } }));
    expect(shown(diff(base, sending(v, object({ uuid: { ...str, readOnly: true } }))))).toEqual([]);
  });
});

/** The follow operation at this path and method; its path parameter is named as the path's template names it. */
const profile = (path: string, method: string, extra: Doc = {}) => ({
  [path]: {
    parameters: [{ name: /\{(\w+)\}/.exec(path)![1], in: 'path', required: true, schema: str }],
    [method]: op({ operationId: 'followUser', ...extra })
  }
});
const other = { '/profiles/{username}': { get: op({ operationId: 'getProfile' }) } };

describe.each(VERSIONS)('OAS %s moved operations', (v) => {
  const spec = (paths: Doc) => oas({ ...other, ...paths }, {}, v);

  it('a method change is one error at the new method', () => {
    const changes = diff(
      spec(profile('/profiles/{username}/follow', 'post')),
      spec(profile('/profiles/{username}/follow', 'put'))
    );
    expect(shown(changes)).toEqual(['error operation-moved put /profiles/{username}/follow']);
    expect(changes[0].message).toBe(
      'POST /profiles/{username}/follow moved to PUT /profiles/{username}/follow (operationId "followUser")'
    );
  });

  it('a path change is one error at the new path', () => {
    const base = spec({ '/articles/feed': { get: op({ operationId: 'getFeed' }) } });
    const head = spec({ '/feed': { get: op({ operationId: 'getFeed' }) } });
    const changes = diff(base, head);
    expect(shown(changes)).toEqual(['error operation-moved get /feed']);
    expect(changes[0].message).toBe('GET /articles/feed moved to GET /feed (operationId "getFeed")');
  });

  it('a path and method change is one error, and the moved operation is still compared', () => {
    const base = spec(profile('/profiles/{username}/follow', 'post'));
    const head = spec(
      profile('/follows/{user}', 'put', {
        parameters: [{ name: 'notify', in: 'query', required: true, schema: { type: 'boolean' } }]
      })
    );
    const changes = diff(base, head);
    expect(shown(changes)).toEqual([
      'error new-required-request-parameter put /follows/{user}',
      'error operation-moved put /follows/{user}'
    ]);
    expect(changes[1].message).toContain('POST /profiles/{username}/follow moved to PUT /follows/{user}');
  });

  it('a different operationId (or none) is a removal plus an addition', () => {
    const base = spec(profile('/profiles/{username}/follow', 'post'));
    const renamed = spec(profile('/profiles/{username}/follow', 'put', { operationId: 'follow' }));
    expect(shown(diff(base, renamed))).toEqual([
      'error api-removed-without-deprecation post /profiles/{username}/follow',
      'info endpoint-added put /profiles/{username}/follow'
    ]);
    const anonymous = (method: string) => oas({ '/feed': { [method]: op() } }, {}, v);
    expect(shown(diff(anonymous('post'), anonymous('put')))).toEqual([
      'error api-removed-without-deprecation post /feed',
      'info endpoint-added put /feed'
    ]);
  });

  it('the same shape without the same operationId is never paired', () => {
    const base = oas({ '/a/{id}': { delete: op({ operationId: 'deleteA' }) } }, {}, v);
    const head = oas({ '/b/{id}': { delete: op({ operationId: 'deleteB' }) } }, {}, v);
    expect(shown(diff(base, head))).toEqual([
      'error api-path-removed-without-deprecation delete /a/{id}',
      'info api-path-added delete /b/{id}'
    ]);
  });

  it('an operationId carried twice, or a deprecated operation, is not paired', () => {
    const twice = oas({ '/a': { get: op({ operationId: 'x' }) }, '/b': { get: op({ operationId: 'x' }) } }, {}, v);
    const moved = oas({ '/a': { get: op({ operationId: 'x' }) }, '/c': { get: op({ operationId: 'x' }) } }, {}, v);
    expect(shown(diff(twice, moved))).toEqual([
      'error api-path-removed-without-deprecation get /b',
      'info api-path-added get /c'
    ]);
    const deprecated = oas({ '/a': { get: op({ operationId: 'x', deprecated: true }) } }, {}, v);
    expect(shown(diff(deprecated, oas({ '/b': { get: op({ operationId: 'x' }) } }, {}, v)))).toEqual([
      'info api-removed-after-deprecation get /a',
      'info api-path-added get /b'
    ]);
  });
});

describe('renames and moves in files', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'diff-renames-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    writeFileSync(join(root, name), text);
    return loadSpec(join(root, name), { root });
  };
  const spec = (padding: number, path: string, method: string, property: string) =>
    [
      'openapi: 3.1.0',
      'info: {title: t, version: "1"}',
      ...Array.from({ length: padding }, (_, i) => `x-pad-${i}: ${i}`),
      'paths:',
      `  ${path}:`,
      `    ${method}:`,
      '      operationId: createArticle',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              type: object',
      '              properties:',
      `                ${property}: {type: array, items: {type: string}}`,
      '      responses:',
      "        '200': {description: ok}",
      ''
    ].join('\n');

  it('locate the new place in head and the old one in base', () => {
    const base = write('base.yaml', spec(0, '/articles', 'post', 'tagList'));
    const head = write('head.yaml', spec(5, '/posts', 'put', 'tags'));
    const changes = diffSpecs(base, head);
    expect(shown(changes)).toEqual(['error operation-moved put /posts', 'error request-property-renamed put /posts']);
    const [moved, renamed] = changes;
    expect(moved.location).toMatchObject({ file: 'head.yaml', line: 10 });
    expect(moved.baseLocation).toMatchObject({ file: 'base.yaml', line: 5 });
    expect(moved.message).toBe(
      'POST /articles moved to PUT /posts (operationId "createArticle") (was at base.yaml:5 in the base spec)'
    );
    expect(renamed.location).toMatchObject({ file: 'head.yaml', line: 18 });
    expect(renamed.baseLocation).toMatchObject({ file: 'base.yaml', line: 13 });
    expect(renamed.message).toContain('property tagList: renamed to "tags" (was at base.yaml:13 in the base spec)');
  });
});

describe('the ignore file and the config file know the new checks', () => {
  const base = oas({
    '/articles': { post: op({ operationId: 'create', requestBody: { content: json(object({ tagList: strings })) } }) }
  });
  const head = oas({
    '/posts': { put: op({ operationId: 'create', requestBody: { content: json(object({ tags: strings })) } }) }
  });

  it('accepts a move and a rename by check id, path and method', () => {
    const ignore = parseIgnoreFile(
      [
        'accept:',
        '  - id: operation-moved',
        '    path: /posts',
        '    method: PUT',
        '    reason: v2 paths',
        '  - id: request-property-renamed',
        '    path: /posts',
        '    method: put',
        '    reason: clients send both for a release',
        ''
      ].join('\n'),
      '.github/contract-test-ignore.yml',
      IDS
    );
    const used = new Set<AcceptEntry>();
    const out = acceptChanges(diff(base, head), 'api.yaml', { ignore, today: '2026-06-01' }, used);
    expect(out.map((c) => [c.id, c.accepted?.reason])).toEqual([
      ['operation-moved', 'v2 paths'],
      ['request-property-renamed', 'clients send both for a release']
    ]);
    expect(used.size).toBe(2);
  });

  it('sets their levels, or turns them off', () => {
    const levels = parseCheckLevels(
      'checks:\n  operation-moved: warning\n  request-property-renamed: off\n  response-property-renamed: info\n',
      '.github/contract-test.yml',
      IDS
    ).levels;
    expect(shown(diff(base, head, levels))).toEqual(['warning operation-moved put /posts']);
  });
});
