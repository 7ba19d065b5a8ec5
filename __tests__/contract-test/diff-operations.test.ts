import { describe, expect, test } from '@jest/globals';
import type { Change, LoadedSpec } from '../../actions/contract-test/src/spec/types.js';
import {
  diffOperations,
  normalisePath,
  OPERATION_CHECKS,
  type SchemaCompareContext
} from '../../actions/contract-test/src/diff/operations.js';
import { ALL_CHECKS, diffSpecs, summarizeChanges } from '../../actions/contract-test/src/diff/index.js';
import { specFromYaml } from './spec-fixture.js';

type Doc = Record<string, unknown>;
type Version = '3.0' | '3.1';
const NOW = new Date('2026-06-01T00:00:00Z');

interface CompareCall {
  direction: string;
  where: string;
  path?: string;
  method?: string;
  base: unknown;
  head: unknown;
}

function spec(doc: Doc): LoadedSpec {
  // JSON is YAML: building documents as objects keeps the many small cases readable.
  return specFromYaml(JSON.stringify(doc));
}

function oas(version: Version | '2.0', paths: Doc, extra: Doc = {}): Doc {
  const head = version === '2.0' ? { swagger: '2.0' } : { openapi: version === '3.0' ? '3.0.3' : '3.1.0' };
  return { ...head, info: { title: 't', version: '1' }, paths, ...extra };
}

const ok = { '200': { description: 'ok' } };
function op(extra: Doc = {}): Doc {
  return { responses: ok, ...extra };
}

function run(base: Doc, head: Doc): { changes: Change[]; calls: CompareCall[] } {
  const changes: Change[] = [];
  const calls: CompareCall[] = [];
  const compare = (b: unknown, h: unknown, ctx: SchemaCompareContext) => {
    calls.push({ direction: ctx.direction, where: ctx.where, path: ctx.path, method: ctx.method, base: b, head: h });
  };
  diffOperations(spec(base), spec(head), compare, (c) => changes.push(c), { now: NOW });
  return { changes, calls };
}

function ids(base: Doc, head: Doc): string[] {
  return run(base, head).changes.map((c) => c.id);
}

function levelOf(id: string): string | undefined {
  return OPERATION_CHECKS.find((c) => c.id === id)?.level;
}

function only(base: Doc, head: Doc, id: string): Change {
  const { changes } = run(base, head);
  const found = changes.filter((c) => c.id === id);
  expect(found).toHaveLength(1);
  expect(found[0].level).toBe(levelOf(id));
  return found[0];
}

describe.each<Version>(['3.0', '3.1'])('OAS %s endpoints', (v) => {
  const two = oas(v, { '/a': { get: op(), post: op({ operationId: 'createA' }) } });

  test('path removed without deprecation is an error; keeping it is silent', () => {
    const one = oas(v, { '/a': { get: op() } });
    const change = only(one, oas(v, {}), 'api-path-removed-without-deprecation');
    expect(change).toMatchObject({ level: 'error', path: '/a', method: 'get' });
    expect(ids(two, oas(v, {}))).toEqual([
      'api-path-removed-without-deprecation',
      'api-path-removed-without-deprecation'
    ]);
    expect(ids(two, two)).toEqual([]);
  });

  test('operation removed: error unless deprecated; sunset in the future is an error', () => {
    const head = oas(v, { '/a': { get: op() } });
    expect(only(two, head, 'api-removed-without-deprecation')).toMatchObject({ path: '/a', method: 'post' });
    const deprecated = oas(v, { '/a': { get: op(), post: op({ deprecated: true }) } });
    expect(ids(deprecated, head)).toEqual(['api-removed-after-deprecation']);
    const future = oas(v, { '/a': { get: op(), post: op({ deprecated: true, 'x-sunset': '2099-01-01' }) } });
    expect(only(future, head, 'api-removed-before-sunset').message).toContain('2099-01-01');
    const past = oas(v, { '/a': { get: op(), post: op({ deprecated: true, 'x-sunset': '2026-01-01' }) } });
    expect(ids(past, head)).toEqual(['api-removed-after-deprecation']);
    // A sunset without deprecation does not excuse a removal.
    const sunsetOnly = oas(v, { '/a': { get: op(), post: op({ 'x-sunset': '2000-01-01' }) } });
    expect(ids(sunsetOnly, head)).toEqual(['api-removed-without-deprecation']);
  });

  test('a deprecated path removed entirely is info', () => {
    const base = oas(v, { '/a': { get: op({ deprecated: true }) } });
    expect(ids(base, oas(v, {}))).toEqual(['api-removed-after-deprecation']);
  });

  test('path and operation added are info', () => {
    const one = oas(v, { '/a': { get: op() } });
    expect(only(oas(v, {}), one, 'api-path-added')).toMatchObject({ level: 'info', path: '/a', method: 'get' });
    expect(only(one, two, 'endpoint-added')).toMatchObject({ level: 'info', method: 'post' });
  });

  test('deprecation, reactivation and sunset changes', () => {
    const dep = (extra: Doc) => oas(v, { '/a': { get: op({ deprecated: true, ...extra }) } });
    const plain = oas(v, { '/a': { get: op() } });
    expect(only(plain, dep({ 'x-sunset': '2027-01-01' }), 'endpoint-deprecated').message).toContain('2027-01-01');
    expect(only(dep({}), plain, 'endpoint-reactivated').level).toBe('info');
    expect(
      only(dep({ 'x-sunset': '2027-01-01' }), dep({ 'x-sunset': '2028-01-01' }), 'api-sunset-date-changed')
    ).toBeDefined();
    const forward = only(
      dep({ 'x-sunset': '2028-01-01' }),
      dep({ 'x-sunset': '2027-01-01' }),
      'api-sunset-date-brought-forward'
    );
    expect(forward.message).toMatch(/2028-01-01 to 2027-01-01/);
    expect(ids(dep({ 'x-sunset': '2027-01-01' }), dep({ 'x-sunset': '2027-01-01' }))).toEqual([]);
  });

  test('operationId changed is a warning; adding one is not', () => {
    const renamed = oas(v, { '/a': { get: op(), post: op({ operationId: 'makeA' }) } });
    expect(only(two, renamed, 'operation-id-changed').message).toContain('"createA" to "makeA"');
    const none = oas(v, { '/a': { get: op(), post: op() } });
    expect(ids(none, two)).toEqual([]);
  });

  test('renaming a path parameter pairs the paths and their parameters', () => {
    const param = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
    const base = oas(v, { '/items/{id}': { parameters: [param('id')], get: op() } });
    const head = oas(v, { '/items/{itemId}': { parameters: [param('itemId')], get: op() } });
    const { changes, calls } = run(base, head);
    expect(changes.map((c) => c.id)).toEqual(['path-parameter-renamed']);
    expect(changes[0].message).toContain('{id} -> {itemId}');
    expect(calls.map((c) => c.where)).toEqual(['path parameter "itemId"']);
    // Near miss: a different literal segment is a different path.
    const moved = oas(v, { '/things/{id}': { parameters: [param('id')], get: op() } });
    expect(ids(base, moved).sort()).toEqual(['api-path-added', 'api-path-removed-without-deprecation']);
    expect(normalisePath('/a/{x}/b/{y}')).toBe('/a/{}/b/{}');
  });
});

describe.each<Version>(['3.0', '3.1'])('OAS %s parameters', (v) => {
  const schema = v === '3.0' ? { type: 'integer', nullable: true } : { type: ['integer', 'null'] };
  const p = (name: string, where: string, extra: Doc = {}) => ({ name, in: where, schema, ...extra });
  const withParams = (...parameters: Doc[]) => oas(v, { '/a': { get: op({ parameters }) } });
  const none = withParams();

  test('new required parameter (query and header) is an error; new optional is info', () => {
    expect(
      only(none, withParams(p('limit', 'query', { required: true })), 'new-required-request-parameter').message
    ).toBe('new required query parameter "limit" in GET /a');
    expect(
      only(none, withParams(p('X-Tenant', 'header', { required: true })), 'new-required-request-parameter').message
    ).toContain('header parameter "X-Tenant"');
    expect(ids(none, withParams(p('limit', 'query')))).toEqual(['new-optional-request-parameter']);
  });

  test('parameter removed is a warning', () => {
    expect(only(withParams(p('limit', 'query')), none, 'request-parameter-removed').level).toBe('warning');
    expect(ids(withParams(p('limit', 'query')), withParams(p('limit', 'query')))).toEqual([]);
  });

  test('header parameters pair case-insensitively', () => {
    expect(ids(withParams(p('X-Id', 'header')), withParams(p('x-id', 'header')))).toEqual([]);
  });

  test('became required / optional', () => {
    const optional = withParams(p('limit', 'query'));
    const required = withParams(p('limit', 'query', { required: true }));
    expect(only(optional, required, 'request-parameter-became-required').level).toBe('error');
    expect(only(required, optional, 'request-parameter-became-optional').level).toBe('info');
    expect(ids(optional, withParams(p('limit', 'query', { required: false })))).toEqual([]);
  });

  test('parameter moved between locations is an error, not a remove plus add', () => {
    const change = only(
      withParams(p('token', 'query')),
      withParams(p('token', 'header')),
      'request-parameter-location-changed'
    );
    expect(change.message).toContain('from query to header');
    expect(ids(withParams(p('X-Token', 'query')), withParams(p('x-token', 'header')))).toEqual([
      'request-parameter-location-changed'
    ]);
    expect(ids(withParams(p('token', 'query')), withParams(p('token', 'header')))).toEqual([
      'request-parameter-location-changed'
    ]);
  });

  test('style and explode changes are warnings; explicit defaults are not changes', () => {
    const base = withParams(p('ids', 'query'));
    expect(
      only(base, withParams(p('ids', 'query', { style: 'pipeDelimited' })), 'request-parameter-style-changed').message
    ).toContain('from form to pipeDelimited');
    expect(ids(base, withParams(p('ids', 'query', { style: 'form', explode: true })))).toEqual([]);
    expect(
      only(base, withParams(p('ids', 'query', { explode: false })), 'request-parameter-explode-changed').level
    ).toBe('warning');
    expect(
      ids(withParams(p('id', 'header')), withParams(p('id', 'header', { style: 'simple', explode: false })))
    ).toEqual([]);
  });

  test('parameter deprecated is info', () => {
    expect(
      only(
        withParams(p('q', 'query')),
        withParams(p('q', 'query', { deprecated: true })),
        'request-parameter-deprecated'
      ).level
    ).toBe('info');
  });

  test('path-level parameters merge with operation-level ones, the operation overriding', () => {
    const pathLevel = oas(v, { '/a': { parameters: [p('limit', 'query')], get: op() } });
    const overridden = oas(v, {
      '/a': { parameters: [p('limit', 'query')], get: op({ parameters: [p('limit', 'query', { required: true })] }) }
    });
    expect(ids(pathLevel, overridden)).toEqual(['request-parameter-became-required']);
    // Near miss: moving the same declaration from path level to operation level changes nothing.
    const moved = oas(v, { '/a': { get: op({ parameters: [p('limit', 'query')] }) } });
    expect(ids(pathLevel, moved)).toEqual([]);
  });

  test('parameter schemas go to the comparator as request schemas', () => {
    const { calls } = run(withParams(p('limit', 'query')), withParams(p('limit', 'query')));
    expect(calls).toEqual([
      { direction: 'request', where: 'query parameter "limit"', path: '/a', method: 'get', base: schema, head: schema }
    ]);
    const content = { name: 'f', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } };
    expect(run(withParams(content), withParams(content)).calls[0].head).toEqual({ type: 'object' });
  });
});

describe.each<Version>(['3.0', '3.1'])('OAS %s request bodies', (v) => {
  const json = { 'application/json': { schema: { type: 'object' } } };
  const withBody = (requestBody?: Doc) => oas(v, { '/a': { post: op(requestBody ? { requestBody } : {}) } });
  const none = withBody();

  test('body added: required is an error, optional is info', () => {
    expect(only(none, withBody({ required: true, content: json }), 'request-body-added-required').level).toBe('error');
    expect(ids(none, withBody({ content: json }))).toEqual(['request-body-added-optional']);
  });

  test('body became required / optional; removed is a warning', () => {
    const optional = withBody({ content: json });
    const required = withBody({ required: true, content: json });
    expect(only(optional, required, 'request-body-became-required').level).toBe('error');
    expect(only(required, optional, 'request-body-became-optional').level).toBe('info');
    expect(only(optional, none, 'request-body-removed').level).toBe('warning');
    expect(ids(required, required)).toEqual([]);
  });

  test('request media types removed / added; schemas compared per media type', () => {
    const both = withBody({ content: { ...json, 'application/xml': { schema: { type: 'object' } } } });
    const jsonOnly = withBody({ content: json });
    expect(only(both, jsonOnly, 'request-body-media-type-removed').message).toContain('application/xml');
    expect(only(jsonOnly, both, 'request-body-media-type-added').level).toBe('info');
    const { calls } = run(both, jsonOnly);
    expect(calls).toEqual([
      expect.objectContaining({ direction: 'request', where: 'request body (application/json)' })
    ]);
  });
});

describe.each<Version>(['3.0', '3.1'])('OAS %s responses', (v) => {
  const json = (schema: Doc = { type: 'object' }) => ({ 'application/json': { schema } });
  const withResponses = (responses: Doc) => oas(v, { '/a': { get: { responses } } });

  test('success status removed is a warning while another 2xx stays, non-success a warning', () => {
    const base = withResponses({
      '200': { description: 'ok' },
      '201': { description: 'c' },
      '404': { description: 'nf' }
    });
    expect(
      only(
        base,
        withResponses({ '200': { description: 'ok' }, '404': { description: 'nf' } }),
        'response-alternative-success-status-removed'
      ).message
    ).toBe('response 201 was removed from GET /a');
    expect(
      only(
        base,
        withResponses({ '200': { description: 'ok' }, '201': { description: 'c' } }),
        'response-non-success-status-removed'
      ).level
    ).toBe('warning');
    const withDefault = withResponses({ default: { description: 'd' } });
    expect(ids(withDefault, withResponses({ '200': { description: 'ok' } })).sort()).toEqual([
      'response-success-status-added',
      'response-success-status-removed'
    ]);
  });

  test('status added is info', () => {
    const base = withResponses({ '200': { description: 'ok' } });
    expect(ids(base, withResponses({ '200': { description: 'ok' }, '202': { description: 'a' } }))).toEqual([
      'response-success-status-added'
    ]);
    expect(ids(base, withResponses({ '200': { description: 'ok' }, '429': { description: 'slow' } }))).toEqual([
      'response-non-success-status-added'
    ]);
  });

  test('response media types and schemas', () => {
    const both = withResponses({
      '200': { description: 'ok', content: { ...json(), 'text/csv': { schema: { type: 'string' } } } }
    });
    const jsonOnly = withResponses({ '200': { description: 'ok', content: json() } });
    expect(only(both, jsonOnly, 'response-media-type-removed').message).toBe(
      'response 200 of GET /a no longer returns text/csv'
    );
    expect(only(jsonOnly, both, 'response-media-type-added').level).toBe('info');
    const { calls } = run(jsonOnly, jsonOnly);
    expect(calls).toEqual([
      expect.objectContaining({ direction: 'response', where: 'response 200 (application/json)' })
    ]);
  });

  test('response headers: removed (required error, optional warning), became optional, added', () => {
    const hdr = (extra: Doc = {}) => ({ schema: { type: 'integer' }, ...extra });
    const withHeaders = (headers: Doc) => withResponses({ '200': { description: 'ok', headers } });
    const required = withHeaders({ 'X-Rate': hdr({ required: true }) });
    const optional = withHeaders({ 'X-Rate': hdr() });
    const empty = withHeaders({});
    expect(only(required, empty, 'response-required-header-removed').message).toContain(
      'header "X-Rate" of response 200'
    );
    expect(only(optional, empty, 'response-optional-header-removed').level).toBe('warning');
    expect(only(required, optional, 'response-header-became-optional').level).toBe('warning');
    expect(only(empty, optional, 'response-header-added').level).toBe('info');
    expect(ids(optional, required)).toEqual([]);
    expect(run(optional, optional).calls).toEqual([
      expect.objectContaining({ direction: 'response', where: 'response 200 header "X-Rate"' })
    ]);
  });
});

describe.each<Version>(['3.0', '3.1'])('OAS %s security', (v) => {
  const schemes = () => ({
    components: {
      securitySchemes: {
        key: { type: 'apiKey', in: 'header', name: 'X-Key' },
        oauth: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: 'https://t', scopes: { read: 'r', write: 'w' } } }
        }
      }
    }
  });
  const withSecurity = (opSecurity?: unknown[], global?: unknown[]) =>
    oas(
      v,
      { '/a': { get: op(opSecurity ? { security: opSecurity } : {}) } },
      { ...schemes(), ...(global ? { security: global } : {}) }
    );

  test('requirement added to an open operation is an error, unless {} stays an alternative', () => {
    const change = only(withSecurity(), withSecurity([{ key: [] }]), 'security-requirement-added');
    expect(change).toMatchObject({ path: '/a', method: 'get' });
    expect(ids(withSecurity(), withSecurity([{ key: [] }, {}]))).toEqual(['security-alternative-added']);
  });

  test('global requirement added is an error without a path', () => {
    const change = only(withSecurity(), withSecurity(undefined, [{ key: [] }]), 'security-requirement-added');
    expect(change.path).toBeUndefined();
    expect(change.message).toContain('global security');
  });

  test('adding a scheme to an existing requirement (AND) is an error; adding an alternative (OR) is info', () => {
    expect(ids(withSecurity([{ key: [] }]), withSecurity([{ key: [], oauth: ['read'] }]))).toEqual([
      'security-requirement-added'
    ]);
    expect(
      only(withSecurity([{ key: [] }]), withSecurity([{ key: [] }, { oauth: ['read'] }]), 'security-alternative-added')
        .level
    ).toBe('info');
  });

  test('alternative removed is an error; requirement removed is info', () => {
    expect(
      only(
        withSecurity([{ key: [] }, { oauth: ['read'] }]),
        withSecurity([{ oauth: ['read'] }]),
        'security-alternative-removed'
      ).level
    ).toBe('error');
    expect(ids(withSecurity([{ key: [] }]), withSecurity([]))).toEqual(['security-requirement-removed']);
    expect(ids(withSecurity([{ key: [], oauth: [] }]), withSecurity([{ key: [] }]))).toEqual([
      'security-requirement-removed'
    ]);
  });

  test('scope added is an error, scope removed is info', () => {
    expect(
      only(withSecurity([{ oauth: ['read'] }]), withSecurity([{ oauth: ['read', 'write'] }]), 'security-scope-added')
        .message
    ).toContain('write');
    expect(ids(withSecurity([{ oauth: ['read', 'write'] }]), withSecurity([{ oauth: ['read'] }]))).toEqual([
      'security-scope-removed'
    ]);
  });

  test('an operation that inherits an unchanged global requirement reports nothing; overriding it does', () => {
    const global = withSecurity(undefined, [{ key: [] }]);
    expect(ids(global, withSecurity([{ key: [] }], [{ key: [] }]))).toEqual([]);
    expect(ids(global, withSecurity([{ oauth: ['read'] }], [{ key: [] }]))).toEqual(['security-requirement-added']);
  });

  test('security schemes removed, changed, added', () => {
    const without = (name: string) => {
      const doc = withSecurity();
      delete (doc.components as { securitySchemes: Doc }).securitySchemes[name];
      return doc;
    };
    expect(only(withSecurity(), without('key'), 'security-scheme-removed').message).toContain('"key"');
    expect(only(without('key'), withSecurity(), 'security-scheme-added').level).toBe('info');
    const changed = withSecurity();
    (changed.components as { securitySchemes: Doc }).securitySchemes.key = { type: 'apiKey', in: 'query', name: 'key' };
    expect(only(withSecurity(), changed, 'security-scheme-type-changed').message).toContain('apiKey/header/X-Key');
    const described = withSecurity();
    (described.components as { securitySchemes: Doc }).securitySchemes.key = {
      type: 'apiKey',
      in: 'header',
      name: 'X-Key',
      description: 'now documented'
    };
    expect(ids(withSecurity(), described)).toEqual([]);
  });
});

describe.each<Version>(['3.0', '3.1'])('OAS %s servers', (v) => {
  const withServers = (...urls: string[]) => oas(v, { '/a': { get: op() } }, { servers: urls.map((url) => ({ url })) });

  test('base path changed is an error; host-only change is a warning', () => {
    expect(
      only(withServers('https://api.example.com/v1'), withServers('https://api.example.com/v2'), 'server-url-changed')
        .message
    ).toContain('from /v1 to /v2');
    expect(
      only(withServers('https://api.example.com/v1'), withServers('https://api.example.org/v1'), 'server-host-changed')
        .level
    ).toBe('warning');
    expect(ids(withServers('https://api.example.com/v1/'), withServers('https://api.example.com/v1'))).toEqual([]);
  });

  test('server removed is a warning, added is info', () => {
    const both = withServers('https://a.example.com/v1', 'https://b.example.net/v1');
    expect(ids(both, withServers('https://a.example.com/v1'))).toEqual(['server-removed']);
    expect(ids(withServers('https://a.example.com/v1'), both)).toEqual(['server-added']);
  });

  test('dropping the servers list moves the base path to /', () => {
    expect(ids(withServers('/v1'), oas(v, { '/a': { get: op() } }))).toEqual(['server-url-changed']);
    expect(ids(withServers('/'), oas(v, { '/a': { get: op() } }))).toEqual([]);
  });
});

describe('OAS 2.0', () => {
  const swagger = (paths: Doc, extra: Doc = {}) => oas('2.0', paths, extra);
  const body = (required: boolean) => ({ name: 'b', in: 'body', required, schema: { type: 'object' } });

  test('body parameters are request bodies, not parameters', () => {
    const none = swagger({ '/a': { post: op() } });
    expect(ids(none, swagger({ '/a': { post: op({ parameters: [body(true)] }) } }))).toEqual([
      'request-body-added-required'
    ]);
    expect(ids(none, swagger({ '/a': { post: op({ parameters: [body(false)] }) } }))).toEqual([
      'request-body-added-optional'
    ]);
    const { calls } = run(
      swagger({ '/a': { post: op({ parameters: [body(true)] }) } }),
      swagger({ '/a': { post: op({ parameters: [body(true)] }) } })
    );
    expect(calls).toEqual([
      expect.objectContaining({ where: 'request body (application/json)', head: { type: 'object' } })
    ]);
  });

  test('consumes and produces drive media types', () => {
    const resp = { '200': { description: 'ok', schema: { type: 'object' } } };
    const doc = (consumes: string[], produces: string[]) =>
      swagger({ '/a': { post: { parameters: [body(true)], responses: resp } } }, { consumes, produces });
    const base = doc(['application/json', 'application/xml'], ['application/json', 'text/csv']);
    expect(ids(base, doc(['application/json'], ['application/json', 'text/csv']))).toEqual([
      'request-body-media-type-removed'
    ]);
    expect(ids(base, doc(['application/json', 'application/xml'], ['application/json']))).toEqual([
      'response-media-type-removed'
    ]);
    expect(ids(base, base)).toEqual([]);
  });

  test('non-body parameters are their own schema, without the parameter keys', () => {
    const q = { name: 'limit', in: 'query', required: true, type: 'integer', maximum: 100 };
    const base = swagger({ '/a': { get: op({ parameters: [q] }) } });
    const { calls, changes } = run(base, base);
    expect(changes).toEqual([]);
    expect(calls[0]).toEqual(
      expect.objectContaining({ where: 'query parameter "limit"', head: { type: 'integer', maximum: 100 } })
    );
    const lowered = swagger({ '/a': { get: op({ parameters: [{ ...q, maximum: 10 }] }) } });
    expect(diffSpecs(spec(base), spec(lowered)).map((c) => c.id)).toEqual(['request-property-max-decreased']);
  });

  test('basePath, host and schemes', () => {
    const base = swagger({}, { host: 'api.example.com', basePath: '/v1', schemes: ['https', 'http'] });
    expect(ids(base, swagger({}, { host: 'api.example.com', basePath: '/v2', schemes: ['https', 'http'] }))).toEqual([
      'server-url-changed'
    ]);
    expect(ids(base, swagger({}, { host: 'api.example.org', basePath: '/v1', schemes: ['https', 'http'] }))).toEqual([
      'server-host-changed'
    ]);
    expect(ids(base, swagger({}, { host: 'api.example.com', basePath: '/v1', schemes: ['https'] }))).toEqual([
      'server-scheme-removed'
    ]);
    expect(ids(base, swagger({}, { host: 'api.example.com', basePath: '/v1/', schemes: ['http', 'https'] }))).toEqual(
      []
    );
  });

  test('securityDefinitions', () => {
    const defs = (d: Doc) => swagger({}, { securityDefinitions: d });
    expect(ids(defs({ key: { type: 'apiKey', in: 'header', name: 'k' } }), defs({}))).toEqual([
      'security-scheme-removed'
    ]);
  });
});

describe('locations and YAML with $ref', () => {
  const base = specFromYaml(`
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /items:
    get:
      parameters:
        - $ref: '#/components/parameters/Limit'
      responses:
        '200': { $ref: '#/components/responses/Items' }
components:
  parameters:
    Limit: { name: limit, in: query, schema: { type: integer } }
  responses:
    Items:
      description: ok
      content:
        application/json: { schema: { $ref: '#/components/schemas/Item' } }
  schemas:
    Item: { type: object }
`);
  const head = specFromYaml(`
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /items:
    get:
      parameters:
        - { name: limit, in: query, required: true, schema: { type: integer } }
      responses:
        '200':
          description: ok
          content:
            application/json: { schema: { type: object } }
`);

  test('resolved $refs compare like inline definitions; changes carry head locations', () => {
    const headParam = ((head.document.paths as Doc)['/items'] as { get: { parameters: Doc[] } }).get.parameters[0];
    const located: LoadedSpec = {
      ...head,
      locate: (node, key) =>
        node === headParam && key === 'required' ? { file: 'openapi.yaml', line: 7, column: 30 } : undefined
    };
    const changes: Change[] = [];
    diffOperations(
      base,
      located,
      () => undefined,
      (c) => changes.push(c),
      { now: NOW }
    );
    expect(changes).toEqual([
      {
        id: 'request-parameter-became-required',
        level: 'error',
        path: '/items',
        method: 'get',
        message: 'query parameter "limit" of GET /items became required',
        location: { file: 'openapi.yaml', line: 7, column: 30 }
      }
    ]);
  });

  test('removals are located at the head parent; the base location is only named', () => {
    const baseOp = (base.document.paths as { '/items': { get: Doc } })['/items'].get;
    const located: LoadedSpec = {
      ...base,
      locate: (node) => (node === baseOp ? { file: 'old.yaml', line: 5, column: 5 } : undefined)
    };
    const head = specFromYaml('openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n');
    const changes: Change[] = [];
    diffOperations(
      located,
      {
        ...head,
        locate: (node, key) =>
          node === head.document && key === 'paths' ? { file: 'new.yaml', line: 3, column: 1 } : undefined
      },
      () => undefined,
      (c) => changes.push(c)
    );
    expect(changes[0].location).toEqual({ file: 'new.yaml', line: 3, column: 1 });
    expect(changes[0].baseLocation).toEqual({ file: 'old.yaml', line: 5, column: 5 });
    expect(changes[0].message).toBe(
      'GET /items was removed without being deprecated first (was at old.yaml:5 in the base spec)'
    );
  });
});

describe('precision', () => {
  test.each<Version>(['3.0', '3.1'])('purely compatible evolutions yield no error or warning (%s)', (v) => {
    const base = oas(
      v,
      {
        '/items/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          get: op({
            operationId: 'getItem',
            parameters: [{ name: 'fields', in: 'query', required: true, schema: { type: 'string' } }]
          }),
          put: op({ requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } } })
        }
      },
      {
        servers: [{ url: 'https://api.example.com/v1' }],
        security: [{ key: [] }],
        components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } }
      }
    );
    const head = oas(
      v,
      {
        '/items/{itemId}': {
          parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'string' } }],
          get: op({
            operationId: 'getItem',
            parameters: [
              { name: 'fields', in: 'query', schema: { type: 'string' } },
              { name: 'expand', in: 'query', schema: { type: 'string' } },
              { name: 'X-Trace', in: 'header', schema: { type: 'string' } }
            ],
            responses: { ...ok, '404': { description: 'nf' }, '206': { description: 'partial' } }
          }),
          put: op({
            requestBody: {
              content: {
                'application/json': { schema: { type: 'object' } },
                'application/merge-patch+json': { schema: { type: 'object' } }
              }
            }
          }),
          delete: op()
        },
        '/health': { get: op({ security: [] }) }
      },
      {
        servers: [{ url: 'https://api.example.com/v1' }, { url: 'https://eu.api.example.com/v1' }],
        security: [{ key: [] }, { oauth: ['read'] }],
        components: {
          securitySchemes: {
            key: { type: 'apiKey', in: 'header', name: 'X-Key' },
            oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://t', scopes: { read: 'r' } } } }
          }
        }
      }
    );
    const { changes } = run(base, head);
    expect(changes.filter((c) => c.level !== 'info')).toEqual([]);
    expect(new Set(changes.map((c) => c.id))).toEqual(
      new Set([
        'path-parameter-renamed',
        'request-parameter-became-optional',
        'new-optional-request-parameter',
        'response-success-status-added',
        'response-non-success-status-added',
        'request-body-became-optional',
        'request-body-media-type-added',
        'endpoint-added',
        'api-path-added',
        'security-alternative-added',
        'security-scheme-added',
        'server-added'
      ])
    );
  });
});

describe('diffSpecs', () => {
  test('sorts by level, path, method, id and drops duplicates', () => {
    const base = spec(
      oas('3.0', {
        '/b': { get: op({ parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] }) },
        '/a': { get: op(), post: op() }
      })
    );
    const head = spec(
      oas('3.0', {
        '/b': { get: op({ parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] }) },
        '/a': { get: op() },
        '/c': { get: op() }
      })
    );
    const duplicate: Change = { id: 'schema-x', level: 'warning', path: '/b', method: 'get', message: 'same' };
    const changes = diffSpecs(base, head, {
      compare: (_b, _h, ctx) => (ctx.emit(duplicate), ctx.emit({ ...duplicate }))
    });
    expect(changes.map((c) => [c.level, c.path, c.method, c.id])).toEqual([
      ['error', '/a', 'post', 'api-removed-without-deprecation'],
      ['warning', '/b', 'get', 'schema-x'],
      ['info', '/c', 'get', 'api-path-added']
    ]);
    expect(summarizeChanges(changes)).toEqual({ errors: 1, warnings: 1, infos: 1 });
    expect(summarizeChanges([])).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  test('the catalogue has unique kebab-case ids with a level and description', () => {
    const all = ALL_CHECKS.map((c) => c.id);
    expect(new Set(all).size).toBe(all.length);
    for (const check of OPERATION_CHECKS) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(check.level);
      expect(check.description.length).toBeGreaterThan(10);
    }
  });
});

describe('with the real schema comparator', () => {
  test.each<Version>(['3.0', '3.1'])(
    'a parameter type change and a request enum narrowing are errors at the operation (%s)',
    (v) => {
      const doc = (type: string, values: string[]) =>
        spec(
          oas(v, {
            '/a': {
              get: op({ parameters: [{ name: 'limit', in: 'query', schema: { type } }] }),
              post: op({
                requestBody: {
                  content: {
                    'application/json': {
                      schema: { type: 'object', properties: { kind: { type: 'string', enum: values } } }
                    }
                  }
                }
              })
            }
          })
        );
      const changes = diffSpecs(doc('integer', ['a', 'b']), doc('string', ['a']));
      const errors = changes.filter((c) => c.level === 'error');
      expect(errors.map((c) => [c.method, c.id])).toEqual([
        ['get', 'request-property-type-changed'],
        ['post', 'request-property-enum-value-removed']
      ]);
      expect(errors.every((c) => c.path === '/a')).toBe(true);
      expect(errors[0].message).toContain('limit');
      expect(diffSpecs(doc('integer', ['a']), doc('integer', ['a', 'b'])).filter((c) => c.level === 'error')).toEqual(
        []
      );
    }
  );
});

describe.each<Version>(['3.0', '3.1'])('OAS %s response links and path-level servers', (v) => {
  const linked = (links: Doc) =>
    oas(v, { '/orders': { post: op({ responses: { '201': { description: 'created', links } } }) } });
  const byId = { operationId: 'getOrder', parameters: { id: '$response.body#/id' } };

  test('a removed link may break clients that follow it; a new one is compatible', () => {
    const change = only(linked({ GetOrder: byId }), linked({}), 'response-link-removed');
    expect(change.message).toBe('link "GetOrder" of response 201 of POST /orders was removed');
    only(linked({}), linked({ GetOrder: byId }), 'response-link-added');
  });

  test('a link that calls another operation, or passes other values, is reported', () => {
    only(
      linked({ GetOrder: byId }),
      linked({ GetOrder: { ...byId, operationId: 'fetchOrder' } }),
      'response-link-target-changed'
    );
    only(
      linked({ GetOrder: byId }),
      linked({ GetOrder: { ...byId, operationRef: '#/paths/~1orders~1{id}/get', operationId: undefined } }),
      'response-link-target-changed'
    );
    const change = only(
      linked({ GetOrder: byId }),
      linked({ GetOrder: { ...byId, parameters: { id: '$response.body#/orderId' } } }),
      'response-link-values-changed'
    );
    expect(change.message).toContain('parameters of link "GetOrder"');
    expect(ids(linked({ GetOrder: byId }), linked({ GetOrder: { ...byId, description: 'x' } }))).toEqual([]);
  });

  const served = (item: Doc, opServers?: Doc[]) =>
    oas(
      v,
      { '/files': { ...item, get: op(opServers ? { servers: opServers } : {}) } },
      { servers: [{ url: 'https://api.example.com/v1' }] }
    );

  test('a path-level server whose base path changed breaks the operations under it', () => {
    const change = only(
      served({ servers: [{ url: 'https://files.example.com/v1' }] }),
      served({ servers: [{ url: 'https://files.example.com/v2' }] }),
      'server-url-changed'
    );
    expect(change).toMatchObject({ path: '/files', method: 'get' });
    expect(change.message).toContain('for GET /files');
    only(served({}), served({ servers: [{ url: 'https://files.example.com/v1' }] }), 'server-host-changed');
  });

  test('operation-level servers override the path and the document', () => {
    only(
      served({}, [{ url: 'https://a.example.com/v1' }, { url: 'https://b.example.com/x' }]),
      served({}, [{ url: 'https://a.example.com/v1' }]),
      'server-removed'
    );
    only(
      served({}, [{ url: 'https://a.example.com/v1' }]),
      served({}, [{ url: 'https://a.example.com/v1' }, { url: 'https://c.example.com/y' }]),
      'server-added'
    );
    expect(
      ids(served({}, [{ url: 'https://a.example.com/v1' }]), served({}, [{ url: 'https://a.example.com/v1' }]))
    ).toEqual([]);
  });
});
