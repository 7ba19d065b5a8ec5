import { OUTGOING_CHECKS } from '../../../actions/contract-test/src/diff/outgoing.js';
import { diffTable, json, oas, op, type DiffCase, type DiffNearMiss, type Doc } from '../diff-table.js';
import { SCHEMA_CASES, type Dir } from './schema.js';

// Webhooks (OAS 3.1) and callbacks: requests the API sends to its users' receivers. Their operation checks have one
// row per kind; their schema checks reuse the schema comparator's cases (schema.ts) in the swapped direction: what
// the API sends (a response, for the comparator) is the outgoing request, what the receiver answers its response.
type Kind = 'webhook' | 'callback';
type Id = (typeof OUTGOING_CHECKS)[number]['id'];

const EXPRESSION = '{$request.body#/url}';

/** A document in which the API calls one outgoing operation (or none), and where its changes are reported. */
function placement(kind: Kind) {
  if (kind === 'webhook')
    return {
      at: (operation?: Doc, version: '3.0' | '3.1' = '3.1') =>
        oas({}, { webhooks: operation ? { orderPaid: { post: operation } } : {} }, version),
      path: 'webhook orderPaid',
      label: 'webhook "orderPaid" (POST)'
    };
  return {
    at: (operation?: Doc, version: '3.0' | '3.1' = '3.1', expression = EXPRESSION) =>
      oas(
        {
          '/subscribe': { post: op(operation ? { callbacks: { onEvent: { [expression]: { post: operation } } } } : {}) }
        },
        {},
        version
      ),
    path: '/subscribe',
    label: `callback "onEvent" (POST ${EXPRESSION}) of POST /subscribe`
  };
}

const p = (name: string, where: string, extra: Doc = {}) => ({ name, in: where, schema: { type: 'string' }, ...extra });
const withParams = (...parameters: Doc[]) => op({ parameters });
const withBody = (requestBody?: Doc) => op(requestBody ? { requestBody } : {});
const both = { ...json(), 'application/xml': { schema: { type: 'object' } } };
const r = (description: string, extra: Doc = {}) => ({ description, ...extra });
const withResponses = (responses: Doc) => ({ responses });
const withHeaders = (headers: Doc) => withResponses({ '200': r('ok', { headers }) });
const hdr = (extra: Doc = {}) => ({ schema: { type: 'string' }, ...extra });

/** `request` <-> `response` in a schema check id, as outgoing.ts renames them. */
const swap = (id: string) => id.replace(/\b(request|response)\b/, (w) => (w === 'request' ? 'response' : 'request'));

/** The schema, sent by the API (`response` for the comparator: the outgoing request body) or by the receiver. */
const carrying = (dir: Dir, schema: unknown): Doc =>
  dir === 'response'
    ? op({ requestBody: { content: json(schema) } })
    : op({ responses: { '200': { description: 'ok', content: json(schema) } } });

function rows(kind: Kind): { reports: DiffCase<Id>[]; accepts: DiffNearMiss<Id>[] } {
  const { at, path, label } = placement(kind);
  const id = (suffix: string) => `${kind}-${suffix}` as Id;
  const row = (base: Doc, head: Doc, suffix: string, message?: string): DiffCase<Id> => ({
    base: at(base),
    head: at(head),
    id: id(suffix),
    path,
    method: 'post',
    message: message ?? label
  });
  const sig = (extra: Doc = {}) => withParams(p('X-Signature', 'header', extra));
  const reports: DiffCase<Id>[] = [
    { base: at(op()), head: at(), id: id('removed'), path, method: 'post', message: `${label} was removed without` },
    { base: at(op({ deprecated: true })), head: at(), id: id('removed-after-deprecation'), path, method: 'post' },
    { base: at(), head: at(op()), id: id('added'), path, method: 'post', message: `${label} was added` },
    row(op(), op({ deprecated: true }), 'deprecated'),
    row(op({ operationId: 'onPaid' }), op({ operationId: 'paid' }), 'operation-id-changed', '"onPaid" to "paid"'),
    row(sig({ required: true }), withParams(), 'required-request-parameter-removed', '"X-Signature"'),
    row(sig(), withParams(), 'optional-request-parameter-removed', '"X-Signature"'),
    row(withParams(), sig(), 'request-parameter-added', '"X-Signature"'),
    row(sig(), sig({ required: true }), 'request-parameter-became-required', '"X-Signature"'),
    row(sig({ required: true }), sig(), 'request-parameter-became-optional', '"X-Signature"'),
    row(withParams(p('token', 'query')), withParams(p('token', 'header')), 'request-parameter-location-changed'),
    row(
      withParams(p('ids', 'query')),
      withParams(p('ids', 'query', { style: 'pipeDelimited' })),
      'request-parameter-style-changed'
    ),
    row(
      withParams(p('ids', 'query')),
      withParams(p('ids', 'query', { explode: false })),
      'request-parameter-explode-changed'
    ),
    row(sig(), sig({ deprecated: true }), 'request-parameter-deprecated', '"X-Signature"'),
    row(withBody({ content: json() }), withBody(), 'request-body-removed'),
    row(withBody(), withBody({ content: json() }), 'request-body-added'),
    row(withBody({ required: true, content: json() }), withBody({ content: json() }), 'request-body-became-optional'),
    row(withBody({ content: json() }), withBody({ required: true, content: json() }), 'request-body-became-required'),
    row(withBody({ content: json() }), withBody({ content: both }), 'request-body-media-type-added', 'application/xml'),
    row(
      withBody({ content: both }),
      withBody({ content: json() }),
      'request-body-media-type-removed',
      'application/xml'
    ),
    row(
      withResponses({ '200': r('ok'), '204': r('n') }),
      withResponses({ '200': r('ok') }),
      'response-success-status-removed',
      '204'
    ),
    row(
      withResponses({ '200': r('ok'), '410': r('g') }),
      withResponses({ '200': r('ok') }),
      'response-non-success-status-removed',
      '410'
    ),
    row(
      withResponses({ '200': r('ok') }),
      withResponses({ '200': r('ok'), '410': r('g') }),
      'response-status-added',
      '410'
    ),
    row(
      withResponses({ '200': r('ok', { content: both }) }),
      withResponses({ '200': r('ok', { content: json() }) }),
      'response-media-type-removed',
      'application/xml'
    ),
    row(
      withResponses({ '200': r('ok', { content: json() }) }),
      withResponses({ '200': r('ok', { content: both }) }),
      'response-media-type-added',
      'application/xml'
    ),
    row(withHeaders({}), withHeaders({ 'X-Ack': hdr({ required: true }) }), 'new-required-response-header', '"X-Ack"'),
    row(withHeaders({}), withHeaders({ 'X-Ack': hdr() }), 'new-optional-response-header', '"X-Ack"'),
    row(
      withHeaders({ 'X-Ack': hdr() }),
      withHeaders({ 'X-Ack': hdr({ required: true }) }),
      'response-header-became-required'
    ),
    row(
      withHeaders({ 'X-Ack': hdr({ required: true }) }),
      withHeaders({ 'X-Ack': hdr() }),
      'response-header-became-optional'
    ),
    row(withHeaders({ 'X-Ack': hdr() }), withHeaders({}), 'response-header-removed', '"X-Ack"'),
    ...SCHEMA_CASES.map((c) => ({
      base: at(carrying(c.dir, c.base), c.version ?? '3.1'),
      head: at(carrying(c.dir, c.head), c.version ?? '3.1'),
      id: id(swap(c.id)),
      path,
      method: 'post',
      message: `${label}, ${c.dir === 'response' ? 'request body' : 'response 200'} (application/json)`
    }))
  ];
  const accepts: DiffNearMiss<Id>[] = [
    { base: at(sig()), head: at(sig()) },
    // A deprecated outgoing operation may go; an operationId added where there was none renames nothing.
    { base: at(op({ deprecated: true })), head: at(), id: id('removed'), instead: id('removed-after-deprecation') },
    { base: at(op()), head: at(op({ operationId: 'onPaid' })), id: id('operation-id-changed') },
    ...SCHEMA_CASES.map((c) => ({
      base: at(carrying(c.dir, c.nearBase ?? c.base), c.version ?? '3.1'),
      head: at(carrying(c.dir, c.near), c.version ?? '3.1'),
      id: id(swap(c.id)),
      compatible: true
    }))
  ];
  if (kind === 'callback') {
    const callback = placement('callback');
    reports.push({
      base: callback.at(op()),
      head: callback.at(op(), '3.1', '{$request.body#/callbackUrl}'),
      id: 'callback-expression-changed',
      path: '/subscribe',
      method: 'post',
      message: `from ${EXPRESSION} to {$request.body#/callbackUrl}`
    });
    accepts.push({ base: callback.at(op()), head: callback.at(op()), id: 'callback-expression-changed' });
  }
  return { reports, accepts };
}

const webhooks = rows('webhook');
const callbacks = rows('callback');

export default diffTable('outgoing', OUTGOING_CHECKS, {
  reports: [...webhooks.reports, ...callbacks.reports],
  accepts: [...webhooks.accepts, ...callbacks.accepts]
});
