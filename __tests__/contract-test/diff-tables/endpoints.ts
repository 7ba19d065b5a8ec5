import { ENDPOINT_CHECKS } from '../../../actions/contract-test/src/diff/endpoints.js';
import { diffTable, oas, op, type Doc } from '../diff-table.js';

// Paths and operations: removed (with or without deprecation and sunset), added, moved, deprecated, renamed.
const one = (get: Doc = {}) => oas({ '/a': { get: op(get) } });
const two = (post: Doc = {}) => oas({ '/a': { get: op(), post: op(post) } });
const empty = oas({});
const param = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const item = (path: string, name: string) => oas({ [path]: { parameters: [param(name)], get: op() } });
/** One operation, at this path and method, with this operationId. */
const at = (path: string, method: string, operationId?: string) =>
  oas({ [path]: { [method]: op(operationId ? { operationId } : {}) } });

export default diffTable('endpoints', ENDPOINT_CHECKS, {
  reports: [
    {
      base: one(),
      head: empty,
      id: 'api-path-removed-without-deprecation',
      path: '/a',
      method: 'get',
      message: 'GET /a'
    },
    { base: two(), head: one(), id: 'api-removed-without-deprecation', path: '/a', method: 'post', message: 'POST /a' },
    {
      base: two({ deprecated: true, 'x-sunset': '2099-01-01' }),
      head: one(),
      id: 'api-removed-before-sunset',
      path: '/a',
      method: 'post',
      message: '2099-01-01'
    },
    {
      base: two({ deprecated: true }),
      head: one(),
      id: 'api-removed-after-deprecation',
      path: '/a',
      method: 'post',
      message: 'deprecated POST /a was removed'
    },
    { base: empty, head: one(), id: 'api-path-added', path: '/a', method: 'get' },
    { base: one(), head: two(), id: 'endpoint-added', path: '/a', method: 'post' },
    {
      base: one(),
      head: one({ deprecated: true, 'x-sunset': '2027-01-01' }),
      id: 'endpoint-deprecated',
      path: '/a',
      method: 'get',
      message: '2027-01-01'
    },
    { base: one({ deprecated: true }), head: one(), id: 'endpoint-reactivated', path: '/a', method: 'get' },
    {
      base: one({ deprecated: true, 'x-sunset': '2027-01-01' }),
      head: one({ deprecated: true, 'x-sunset': '2028-01-01' }),
      id: 'api-sunset-date-changed',
      path: '/a',
      method: 'get'
    },
    {
      base: one({ deprecated: true, 'x-sunset': '2028-01-01' }),
      head: one({ deprecated: true, 'x-sunset': '2027-01-01' }),
      id: 'api-sunset-date-brought-forward',
      path: '/a',
      method: 'get',
      message: '2028-01-01 to 2027-01-01'
    },
    {
      base: two({ operationId: 'createA' }),
      head: two({ operationId: 'makeA' }),
      id: 'operation-id-changed',
      path: '/a',
      method: 'post',
      message: '"createA" to "makeA"'
    },
    {
      base: item('/items/{id}', 'id'),
      head: item('/items/{itemId}', 'itemId'),
      id: 'path-parameter-renamed',
      message: '{id} -> {itemId}'
    },
    {
      base: at('/articles/feed', 'get', 'getFeed'),
      head: at('/feed', 'put', 'getFeed'),
      id: 'operation-moved',
      path: '/feed',
      method: 'put',
      message: 'GET /articles/feed moved to PUT /feed (operationId "getFeed")'
    }
  ],
  accepts: [
    { base: two(), head: two() },
    // A path that keeps one of its operations is not a removed path (the operation's removal is reported).
    {
      base: two(),
      head: one(),
      id: 'api-path-removed-without-deprecation',
      instead: 'api-removed-without-deprecation'
    },
    { base: one({ deprecated: true }), head: empty, id: 'api-path-removed-without-deprecation', compatible: true },
    { base: two({ deprecated: true }), head: one(), id: 'api-removed-without-deprecation', compatible: true },
    // A sunset already passed, or a sunset without deprecation, is no "before sunset".
    { base: two({ deprecated: true, 'x-sunset': '2026-01-01' }), head: one(), id: 'api-removed-before-sunset' },
    {
      base: two({ 'x-sunset': '2000-01-01' }),
      head: one(),
      id: 'api-removed-after-deprecation',
      instead: 'api-removed-without-deprecation'
    },
    {
      base: one({ deprecated: true, 'x-sunset': '2027-01-01' }),
      head: one({ deprecated: true, 'x-sunset': '2027-01-01' })
    },
    // Adding an operationId where there was none renames nothing.
    { base: two(), head: two({ operationId: 'createA' }), id: 'operation-id-changed' },
    // Another literal segment is another path, not a renamed parameter.
    { base: item('/items/{id}', 'id'), head: item('/things/{id}', 'id'), id: 'path-parameter-renamed' },
    // Only the same operationId makes a move: another one, or none, is a removal plus an addition.
    {
      base: at('/articles/feed', 'get', 'getFeed'),
      head: at('/feed', 'get', 'feed'),
      id: 'operation-moved',
      instead: 'api-path-removed-without-deprecation'
    },
    { base: at('/a', 'post'), head: at('/a', 'put'), id: 'operation-moved', instead: 'api-removed-without-deprecation' }
  ]
});
