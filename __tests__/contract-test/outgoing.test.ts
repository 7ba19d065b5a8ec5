import { describe, expect, test } from '@jest/globals';
import { ALL_CHECKS, diffSpecs, OUTGOING_CHECKS } from '../../actions/contract-test/src/diff/index.js';
import type { Change } from '../../actions/contract-test/src/spec/types.js';
import { specFromYaml } from './spec-fixture.js';

// Webhooks and callbacks: requests the API sends. What a receiver reads (the request) is judged like a response,
// what it answers (the response) like a request, so the same edit has the opposite level to an operation's.
type Doc = Record<string, unknown>;
const NOW = new Date('2026-06-01T00:00:00Z');

const json = (schema: Doc) => ({ content: { 'application/json': { schema } } });
const object = (properties: Doc, required: string[] = []) => ({ type: 'object', properties, required });
const str = { type: 'string' };

function doc(extra: Doc): Doc {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, ...extra };
}

function webhook(payload: Doc, more: Doc = {}): Doc {
  return doc({
    webhooks: {
      orderPaid: {
        post: {
          requestBody: { required: true, ...json(payload) },
          responses: { '200': { description: 'ok' } },
          ...more
        }
      }
    }
  });
}

function diff(base: Doc, head: Doc): Change[] {
  return diffSpecs(specFromYaml(JSON.stringify(base)), specFromYaml(JSON.stringify(head)), { now: NOW });
}

function ids(base: Doc, head: Doc): string[] {
  return diff(base, head).map((c) => `${c.level} ${c.id}`);
}

const levelOf = (id: string) => ALL_CHECKS.find((c) => c.id === id)?.level;

describe('webhooks (OAS 3.1)', () => {
  const payload = object({ id: str, total: { type: 'integer' } }, ['id', 'total']);

  test('a removed webhook is breaking, a deprecated one is not, a new one is compatible', () => {
    const none = doc({ webhooks: {} });
    expect(ids(webhook(payload), none)).toEqual(['error webhook-removed']);
    expect(ids(webhook(payload), doc({}))).toEqual(['error webhook-removed']);
    expect(ids(webhook(payload, { deprecated: true }), none)).toEqual(['info webhook-removed-after-deprecation']);
    expect(ids(none, webhook(payload))).toEqual(['info webhook-added']);
    const [change] = diff(webhook(payload), none);
    expect(change).toMatchObject({ path: 'webhook orderPaid', method: 'post' });
    expect(change.message).toBe(
      'webhook "orderPaid" (POST) was removed without being deprecated first: receivers no longer get it'
    );
  });

  test('a property removed from the payload the API sends breaks receivers', () => {
    const changes = diff(webhook(payload), webhook(object({ id: str }, ['id'])));
    expect(changes.map((c) => `${c.level} ${c.id}`)).toEqual(['error webhook-request-property-removed']);
    expect(changes[0].message).toBe(
      'webhook "orderPaid" (POST), request body (application/json), property total: removed'
    );
  });

  test('the direction is swapped: a new required payload property is compatible, a new enum value is not', () => {
    const more = object({ id: str, total: { type: 'integer' }, note: str }, ['id', 'total', 'note']);
    expect(ids(webhook(payload), webhook(more))).toEqual(['info webhook-request-property-added']);
    const enumBase = object({ state: { type: 'string', enum: ['paid'] } });
    const enumHead = object({ state: { type: 'string', enum: ['paid', 'refunded'] } });
    expect(ids(webhook(enumBase), webhook(enumHead))).toEqual(['warning webhook-request-property-enum-value-added']);
    expect(ids(webhook(payload), webhook(object({ id: str, total: { type: 'integer' } }, ['id'])))).toEqual([
      'error webhook-request-property-became-optional'
    ]);
    expect(ids(webhook(payload), webhook(object({ id: str, total: { type: 'number' } }, ['id', 'total'])))).toEqual([
      'error webhook-request-property-type-changed'
    ]);
    expect(
      ids(webhook(payload), webhook(object({ id: str, total: { type: ['integer', 'null'] } }, ['id', 'total'])))
    ).toEqual(['error webhook-request-property-became-nullable']);
    // The same edit to an ordinary operation's request body has the opposite verdict.
    const operation = (schema: Doc) =>
      doc({
        paths: { '/orders': { post: { requestBody: json(schema), responses: { '200': { description: 'ok' } } } } }
      });
    expect(ids(operation(payload), operation(more))).toEqual(['error new-required-request-property']);
    expect(ids(operation(enumBase), operation(enumHead))).toEqual(['info request-property-enum-value-added']);
  });

  test('what receivers answer is judged like a request: a newly required response property breaks them', () => {
    const answering = (schema: Doc) =>
      webhook(payload, { responses: { '200': { description: 'ok', ...json(schema) } } });
    expect(ids(answering(object({ ack: str })), answering(object({ ack: str }, ['ack'])))).toEqual([
      'error webhook-response-property-became-required'
    ]);
    expect(ids(answering(object({ ack: str })), answering(object({ ack: str, id: str }, ['id'])))).toEqual([
      'error webhook-new-required-response-property'
    ]);
    expect(ids(answering(object({ ack: str, id: str })), answering(object({ ack: str })))).toEqual([
      'warning webhook-response-property-removed'
    ]);
    expect(
      ids(answering(object({ ack: str })), webhook(payload, { responses: { '204': { description: 'ok' } } }))
    ).toEqual(['warning webhook-response-success-status-removed', 'info webhook-response-status-added']);
  });

  test('parameters the API sends: a removed signature header breaks receivers, a new one does not', () => {
    const signed = (parameters: Doc[]) => webhook(payload, { parameters });
    const signature = { name: 'X-Signature', in: 'header', required: true, schema: str };
    const trace = { name: 'X-Trace', in: 'header', schema: str };
    expect(ids(signed([signature]), signed([]))).toEqual(['error webhook-required-request-parameter-removed']);
    expect(ids(signed([trace]), signed([]))).toEqual(['warning webhook-optional-request-parameter-removed']);
    expect(ids(signed([]), signed([signature]))).toEqual(['info webhook-request-parameter-added']);
    expect(ids(signed([signature]), signed([{ ...signature, required: false }]))).toEqual([
      'warning webhook-request-parameter-became-optional'
    ]);
    expect(ids(signed([signature]), signed([{ ...signature, schema: { type: 'string', enum: ['v1'] } }]))).toEqual([]);
    expect(ids(signed([{ ...signature, schema: { type: 'string', enum: ['v1'] } }]), signed([signature]))).toEqual([
      'warning webhook-request-property-became-not-enum'
    ]);
  });

  test('a body the API stops sending, or may send in a new media type, breaks receivers', () => {
    const bare = doc({ webhooks: { orderPaid: { post: { responses: { '200': { description: 'ok' } } } } } });
    expect(ids(webhook(payload), bare)).toEqual(['error webhook-request-body-removed']);
    const two = webhook(payload);
    ((two.webhooks as Doc).orderPaid as { post: { requestBody: { content: Doc } } }).post.requestBody.content[
      'application/xml'
    ] = { schema: str };
    expect(ids(webhook(payload), two)).toEqual(['warning webhook-request-body-media-type-added']);
    expect(ids(two, webhook(payload))).toEqual(['info webhook-request-body-media-type-removed']);
  });
});

describe('callbacks', () => {
  const subscribe = (callbacks: Doc | undefined, extra: Doc = {}) =>
    doc({
      paths: {
        '/subscriptions': {
          post: {
            requestBody: json(object({ url: { type: 'string', format: 'uri' } })),
            responses: { '201': { description: 'created' } },
            ...(callbacks && { callbacks }),
            ...extra
          }
        }
      }
    });
  const event = (schema: Doc, expression = '{$request.body#/url}') => ({
    onEvent: { [expression]: { post: { requestBody: json(schema), responses: { '200': { description: 'ok' } } } } }
  });
  const payload = object({ id: str, kind: str });

  test('a removed callback is breaking and is reported under the operation that registers it', () => {
    const changes = diff(subscribe(event(payload)), subscribe(undefined));
    expect(changes.map((c) => `${c.level} ${c.id}`)).toEqual(['error callback-removed']);
    expect(changes[0]).toMatchObject({ path: '/subscriptions', method: 'post' });
    expect(changes[0].message).toBe(
      'callback "onEvent" (POST {$request.body#/url}) of POST /subscriptions was removed without being deprecated first: receivers no longer get it'
    );
    expect(ids(subscribe(undefined), subscribe(event(payload)))).toEqual(['info callback-added']);
  });

  test('the payload of a callback is judged like a response', () => {
    expect(ids(subscribe(event(payload)), subscribe(event(object({ id: str }))))).toEqual([
      'error callback-request-property-removed'
    ]);
    expect(ids(subscribe(event(payload)), subscribe(event(object({ id: str, kind: str, at: str }, ['at']))))).toEqual([
      'info callback-request-property-added'
    ]);
  });

  test('a callback sent to another URL expression is breaking, and its contents are still compared', () => {
    const moved = subscribe(event(object({ id: str }), '{$request.body#/callbackUrl}'));
    expect(ids(subscribe(event(payload)), moved)).toEqual([
      'error callback-expression-changed',
      'error callback-request-property-removed'
    ]);
  });

  test('callbacks of webhooks and of callbacks are compared, and a cycle of callbacks terminates', () => {
    const nested = (schema: Doc) =>
      doc({
        webhooks: {
          hook: {
            post: {
              responses: { '200': { description: 'ok' } },
              callbacks: event(schema)
            }
          }
        }
      });
    expect(ids(nested(payload), nested(object({ kind: str })))).toEqual(['error callback-request-property-removed']);
    const cyclic = (schema: Doc) => {
      const spec = subscribe(undefined);
      const op = ((spec.paths as Doc)['/subscriptions'] as { post: Doc }).post;
      op.callbacks = { again: { '{$request.body#/url}': { $ref: '#/paths/~1subscriptions' } } };
      op.requestBody = json(schema);
      return spec;
    };
    const changes = diff(cyclic(payload), cyclic(object({ id: str })));
    expect(changes.map((c) => c.id)).toContain('request-property-removed');
    expect(changes.map((c) => c.id)).toContain('callback-request-property-removed');
  });
});

describe('the catalogue of webhook and callback checks', () => {
  test('every webhook and callback check mirrors a check of the other direction, with its level', () => {
    expect(levelOf('webhook-request-property-removed')).toBe(levelOf('response-property-removed'));
    expect(levelOf('webhook-new-required-response-property')).toBe(levelOf('new-required-request-property'));
    expect(levelOf('callback-request-property-enum-value-added')).toBe(levelOf('response-property-enum-value-added'));
    for (const check of OUTGOING_CHECKS) {
      expect(check.id).toMatch(/^(webhook|callback)-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.description).not.toBe('');
    }
  });
});
