import { RESPONSE_CHECKS } from '../../../actions/contract-test/src/diff/responses.js';
import { diffTable, json, oas, type Doc } from '../diff-table.js';

// The responses of an operation: statuses, their media types, their headers.
const withResponses = (responses: Doc) => oas({ '/a': { get: { responses } } });
const r = (description: string, extra: Doc = {}) => ({ description, ...extra });
const only200 = withResponses({ '200': r('ok') });
const hdr = (extra: Doc = {}) => ({ schema: { type: 'integer' }, ...extra });
const withHeaders = (headers: Doc) => withResponses({ '200': r('ok', { headers }) });
const csv = { 'text/csv': { schema: { type: 'string' } } };

export default diffTable('responses', RESPONSE_CHECKS, {
  reports: [
    {
      base: withResponses({ default: r('d') }),
      head: only200,
      id: 'response-success-status-removed',
      path: '/a',
      method: 'get'
    },
    {
      base: withResponses({ '200': r('ok'), '201': r('c') }),
      head: only200,
      id: 'response-alternative-success-status-removed',
      message: 'response 201 was removed from GET /a'
    },
    {
      base: withResponses({ '200': r('ok'), '404': r('nf') }),
      head: only200,
      id: 'response-non-success-status-removed',
      message: '404'
    },
    { base: only200, head: withResponses({ '200': r('ok'), '202': r('a') }), id: 'response-success-status-added' },
    {
      base: only200,
      head: withResponses({ '200': r('ok'), '429': r('slow') }),
      id: 'response-non-success-status-added',
      message: '429'
    },
    {
      base: withResponses({ '200': r('ok', { content: { ...json(), ...csv } }) }),
      head: withResponses({ '200': r('ok', { content: json() }) }),
      id: 'response-media-type-removed',
      message: 'response 200 of GET /a no longer returns text/csv'
    },
    {
      base: withResponses({ '200': r('ok', { content: json() }) }),
      head: withResponses({ '200': r('ok', { content: { ...json(), ...csv } }) }),
      id: 'response-media-type-added',
      message: 'text/csv'
    },
    {
      base: withHeaders({ 'X-Rate': hdr({ required: true }) }),
      head: withHeaders({}),
      id: 'response-required-header-removed',
      message: 'header "X-Rate" of response 200'
    },
    {
      base: withHeaders({ 'X-Rate': hdr() }),
      head: withHeaders({}),
      id: 'response-optional-header-removed',
      message: '"X-Rate"'
    },
    {
      base: withHeaders({ 'X-Rate': hdr({ required: true }) }),
      head: withHeaders({ 'X-Rate': hdr() }),
      id: 'response-header-became-optional',
      message: '"X-Rate"'
    },
    { base: withHeaders({}), head: withHeaders({ 'X-Rate': hdr() }), id: 'response-header-added', message: '"X-Rate"' }
  ],
  accepts: [
    { base: only200, head: only200 },
    // An optional header that became required only promises more.
    { base: withHeaders({ 'X-Rate': hdr() }), head: withHeaders({ 'X-Rate': hdr({ required: true }) }) },
    // The last success status removed is the breaking check, not the "alternative" one.
    {
      base: withResponses({ '200': r('ok'), '404': r('nf') }),
      head: withResponses({ '404': r('nf') }),
      id: 'response-alternative-success-status-removed',
      instead: 'response-success-status-removed'
    }
  ]
});
