import { PARAMETER_CHECKS } from '../../../actions/contract-test/src/diff/parameters.js';
import { diffTable, oas, op, type Doc } from '../diff-table.js';

// Parameters of an operation (query, header, path, cookie): added, removed, required, moved, serialised.
const p = (name: string, where: string, extra: Doc = {}) => ({
  name,
  in: where,
  schema: { type: 'integer' },
  ...extra
});
const withParams = (...parameters: Doc[]) => oas({ '/a': { get: op({ parameters }) } });
const none = withParams();
const limit = (extra: Doc = {}) => withParams(p('limit', 'query', extra));

export default diffTable('parameters', PARAMETER_CHECKS, {
  reports: [
    {
      base: none,
      head: limit({ required: true }),
      id: 'new-required-request-parameter',
      path: '/a',
      method: 'get',
      message: 'new required query parameter "limit" in GET /a'
    },
    { base: none, head: limit(), id: 'new-optional-request-parameter', path: '/a', method: 'get', message: '"limit"' },
    { base: limit(), head: none, id: 'request-parameter-removed', path: '/a', method: 'get', message: '"limit"' },
    { base: limit(), head: limit({ required: true }), id: 'request-parameter-became-required', message: '"limit"' },
    { base: limit({ required: true }), head: limit(), id: 'request-parameter-became-optional', message: '"limit"' },
    {
      base: withParams(p('token', 'query')),
      head: withParams(p('token', 'header')),
      id: 'request-parameter-location-changed',
      message: 'from query to header'
    },
    {
      base: limit(),
      head: limit({ style: 'pipeDelimited' }),
      id: 'request-parameter-style-changed',
      message: 'from form to pipeDelimited'
    },
    { base: limit(), head: limit({ explode: false }), id: 'request-parameter-explode-changed', message: '"limit"' },
    { base: limit(), head: limit({ deprecated: true }), id: 'request-parameter-deprecated', message: '"limit"' }
  ],
  accepts: [
    { base: limit(), head: limit() },
    // Header names pair case-insensitively; explicit defaults are no change; a path-level declaration moved to
    // the operation is the same parameter.
    { base: withParams(p('X-Id', 'header')), head: withParams(p('x-id', 'header')) },
    { base: limit(), head: limit({ style: 'form', explode: true }) },
    { base: withParams(p('id', 'header')), head: withParams(p('id', 'header', { style: 'simple', explode: false })) },
    { base: limit(), head: limit({ required: false }), id: 'request-parameter-became-required' },
    {
      base: oas({ '/a': { parameters: [p('limit', 'query')], get: op() } }),
      head: limit()
    },
    // A parameter that moved is one change, not a removal plus a new required one.
    {
      base: withParams(p('token', 'query', { required: true })),
      head: withParams(p('token', 'header', { required: true })),
      id: 'new-required-request-parameter',
      instead: 'request-parameter-location-changed'
    }
  ]
});
