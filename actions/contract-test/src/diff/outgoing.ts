// Webhooks (OAS 3.1 `webhooks`) and callbacks (`callbacks` of an operation): requests the API SENDS to a receiver
// that its users run. They are compared like operations, but the roles are swapped, and so is what breaks:
//
// - The request (parameters and body) is written by the API and read by the receiver, the way a response is read
//   by a client. So it is judged like a response: a property or parameter the API stops sending, a value that may
//   now be null, a new enum value or media type the receiver has never seen, all break a receiver; a new required
//   property or parameter merely adds data the receiver can ignore.
// - The response is written by the receiver and read by the API, the way a request is read by a server. So it is
//   judged like a request: the API newly requiring a header or property, or accepting fewer values or media types,
//   breaks receivers that answer as they did before.
//
// The check ids say which message of which exchange they are about (`webhook-request-...`, `callback-response-...`);
// the schema checks are the comparator's own, judged in the swapped direction and renamed accordingly, so
// `webhook-request-property-removed` is judged as `response-property-removed` is and has its level.
import type { ChangeLevel, CheckInfo, JsonObject } from '../spec/types.js';
import { defineCheck } from './catalog.js';
import {
  isObject,
  obj,
  opLabel,
  str,
  type Anchor,
  type Emitter,
  type SchemaComparator,
  type Where
} from './emitter.js';
import { operationsOf } from './endpoints.js';
import type { Vocabulary } from './exchange.js';
import { diffParameters, effectiveParameters } from './parameters.js';
import { diffRequestBody, requestBodyOf } from './request-body.js';
import { diffResponses } from './responses.js';
import { SCHEMA_CHECKS } from './schema/registry.js';

type Kind = 'webhook' | 'callback';

/** `request` <-> `response` in a schema check id (each names exactly one), as a type. */
type Swapped<Id extends string> = string extends Id
  ? string
  : Id extends `${infer A}request${infer B}`
    ? `${A}response${B}`
    : Id extends `${infer A}response${infer B}`
      ? `${A}request${B}`
      : never;

/** `request` <-> `response` in a schema check id: the direction the comparator judged it in, swapped. */
function swapDirection<Id extends string>(id: Id): Swapped<Id> {
  return id.replace(/\b(request|response)\b/, (word) => (word === 'request' ? 'response' : 'request')) as Swapped<Id>;
}

function operationChecks<K extends Kind, Extra extends CheckInfo>(kind: K, extra: readonly Extra[]) {
  const c = <const Suffix extends string>(suffix: Suffix, level: ChangeLevel, description: string) =>
    defineCheck(`${kind}-${suffix}`, level, description);
  const a = kind === 'webhook' ? 'A webhook' : 'A callback';
  return [
    c('removed', 'error', `${a} operation was removed without being deprecated first: receivers no longer get it`),
    c('removed-after-deprecation', 'info', `A deprecated ${kind} operation was removed`),
    c('added', 'info', `${a} operation was added`),
    c('deprecated', 'info', `${a} operation became deprecated`),
    c(
      'operation-id-changed',
      'warning',
      `The operationId of ${kind} operation changed (generated handler names change)`
    ),
    ...extra,
    c(
      'required-request-parameter-removed',
      'error',
      `The API no longer sends a parameter ${kind} receivers always got`
    ),
    c('optional-request-parameter-removed', 'warning', `The API no longer sends an optional ${kind} parameter`),
    c('request-parameter-added', 'info', `The API sends a new ${kind} parameter (receivers may ignore it)`),
    c('request-parameter-became-required', 'info', `A ${kind} parameter is now always sent`),
    c('request-parameter-became-optional', 'warning', `A ${kind} parameter receivers always got may now be missing`),
    c('request-parameter-location-changed', 'error', `A ${kind} parameter moved, e.g. from query to header`),
    c('request-parameter-style-changed', 'warning', `A ${kind} parameter serialisation style changed`),
    c('request-parameter-explode-changed', 'warning', `A ${kind} parameter explode setting changed`),
    c('request-parameter-deprecated', 'info', `A ${kind} parameter became deprecated`),
    c('request-body-removed', 'error', `The API no longer sends the ${kind} request body`),
    c('request-body-added', 'info', `The API now sends a ${kind} request body`),
    c('request-body-became-optional', 'warning', `The ${kind} request body may now be missing`),
    c('request-body-became-required', 'info', `The ${kind} request body is now always sent`),
    c(
      'request-body-media-type-added',
      'warning',
      `The API may send a ${kind} body in a media type receivers never got`
    ),
    c('request-body-media-type-removed', 'info', `The API no longer sends a ${kind} body media type`),
    c(
      'response-success-status-removed',
      'warning',
      `A success status receivers answer ${kind} requests with is no longer documented: the API may treat it as a failure`
    ),
    c(
      'response-non-success-status-removed',
      'info',
      `A non-success status of ${kind} receivers is no longer documented`
    ),
    c('response-status-added', 'info', `A status receivers may answer ${kind} requests with was added`),
    c(
      'response-media-type-removed',
      'error',
      `The API no longer accepts a media type receivers answer ${kind} requests in`
    ),
    c('response-media-type-added', 'info', `The API accepts a new media type in ${kind} responses`),
    c('new-required-response-header', 'error', `The API now requires a header in ${kind} responses`),
    c('new-optional-response-header', 'info', `A header receivers may send in ${kind} responses was added`),
    c('response-header-became-required', 'error', `A header of ${kind} responses became required`),
    c('response-header-became-optional', 'info', `A header of ${kind} responses became optional`),
    c('response-header-removed', 'info', `A header of ${kind} responses is no longer read`)
  ] as const;
}

const CALLBACK_ONLY_CHECKS = [
  defineCheck(
    'callback-expression-changed',
    'error',
    'The runtime expression giving a callback URL changed: the API calls another URL than clients registered'
  )
] as const;

function schemaChecks<K extends Kind>(kind: K) {
  return SCHEMA_CHECKS.map((check) => {
    const sentByApi = /\bresponse\b/.test(check.id);
    const message = sentByApi
      ? `In a ${kind} request (the API sends it: judged as \`${check.id}\`)`
      : `In a ${kind} response (the receiver sends it: judged as \`${check.id}\`)`;
    return defineCheck(`${kind}-${swapDirection(check.id)}`, check.level, `${message}: ${check.description}`);
  });
}

export const OUTGOING_CHECKS = [
  ...operationChecks('webhook', []),
  ...schemaChecks('webhook'),
  ...operationChecks('callback', CALLBACK_ONLY_CHECKS),
  ...schemaChecks('callback')
] as const;

function vocabulary(kind: Kind): Vocabulary {
  const id = <const Suffix extends string>(suffix: Suffix) => `${kind}-${suffix}` as const;
  return {
    requestDirection: 'response',
    responseDirection: 'request',
    schemaId: (schemaId) => id(swapDirection(schemaId)),
    parameterRemoved: (required) =>
      id(required ? 'required-request-parameter-removed' : 'optional-request-parameter-removed'),
    parameterAdded: () => id('request-parameter-added'),
    parameterBecameRequired: id('request-parameter-became-required'),
    parameterBecameOptional: id('request-parameter-became-optional'),
    parameterLocationChanged: id('request-parameter-location-changed'),
    parameterStyleChanged: id('request-parameter-style-changed'),
    parameterExplodeChanged: id('request-parameter-explode-changed'),
    parameterDeprecated: id('request-parameter-deprecated'),
    bodyAdded: () => id('request-body-added'),
    bodyRemoved: id('request-body-removed'),
    bodyBecameRequired: id('request-body-became-required'),
    bodyBecameOptional: id('request-body-became-optional'),
    bodyMediaTypeRemoved: id('request-body-media-type-removed'),
    bodyMediaTypeAdded: id('request-body-media-type-added'),
    statusRemoved: (success) => id(success ? 'response-success-status-removed' : 'response-non-success-status-removed'),
    statusAdded: () => id('response-status-added'),
    responseMediaTypeRemoved: id('response-media-type-removed'),
    responseMediaTypeAdded: id('response-media-type-added'),
    headerRemoved: () => id('response-header-removed'),
    headerAdded: (required) => id(required ? 'new-required-response-header' : 'new-optional-response-header'),
    headerBecameOptional: id('response-header-became-optional'),
    headerBecameRequired: id('response-header-became-required'),
    links: false
  };
}

const VOCABULARIES: Record<Kind, Vocabulary> = { webhook: vocabulary('webhook'), callback: vocabulary('callback') };

type WhereOf = (method: string) => Where;

function reportRemoved(
  e: Emitter,
  kind: Kind,
  where: Where,
  [item, op]: [JsonObject, JsonObject],
  parent: Anchor[]
): void {
  const label = opLabel(where);
  const was: Anchor[] = [[item, where.method], [op]];
  if (op.deprecated === true)
    e.removed(`${kind}-removed-after-deprecation`, where, `deprecated ${label} was removed`, was, parent);
  else
    e.removed(
      `${kind}-removed`,
      where,
      `${label} was removed without being deprecated first: receivers no longer get it`,
      was,
      parent
    );
}

/** Compares one path item the API calls (a webhook, or a callback's URL expression) method by method. */
function diffItem(
  e: Emitter,
  compare: SchemaComparator,
  kind: Kind,
  whereOf: WhereOf,
  baseItem: JsonObject,
  headItem: JsonObject,
  itemParent: Anchor[]
): void {
  // Shared (and cyclic, through callbacks of callbacks) path items are compared once per pair.
  if (!e.firstVisit(baseItem, headItem)) return;
  const v = VOCABULARIES[kind];
  const headOps = new Map(operationsOf(headItem));
  for (const [method, baseOp] of operationsOf(baseItem)) {
    const where = whereOf(method);
    const headOp = headOps.get(method);
    if (!headOp) {
      reportRemoved(e, kind, where, [baseItem, baseOp], itemParent);
      continue;
    }
    const label = opLabel(where);
    if (baseOp.deprecated !== true && headOp.deprecated === true)
      e.emit(`${kind}-deprecated`, where, `${label} became deprecated`, [headOp, 'deprecated'], [headOp]);
    const baseId = str(baseOp.operationId);
    const headId = str(headOp.operationId);
    if (baseId !== undefined && headId !== baseId) {
      const message = `operationId of ${label} changed from "${baseId}" to ${headId ? `"${headId}"` : 'none'}`;
      e.emit(`${kind}-operation-id-changed`, where, message, [headOp, 'operationId'], [headOp]);
    }
    diffParameters(
      e,
      v,
      where,
      compare,
      effectiveParameters(baseItem, baseOp),
      effectiveParameters(headItem, headOp),
      headItem,
      headOp
    );
    diffRequestBody(
      e,
      v,
      where,
      compare,
      headOp,
      requestBodyOf(e.base, baseItem, baseOp),
      requestBodyOf(e.head, headItem, headOp)
    );
    diffResponses(e, v, where, compare, baseOp, headOp);
    diffCallbacks(e, compare, where, baseOp, headOp);
  }
  for (const [method, headOp] of headOps) {
    if (isObject(baseItem[method])) continue;
    e.emit(`${kind}-added`, whereOf(method), `${opLabel(whereOf(method))} was added`, [headOp]);
  }
}

/** OAS 3.1 `webhooks`: named path items the API calls on its users' receivers. */
export function diffWebhooks(e: Emitter, compare: SchemaComparator): void {
  const base = obj(e.base.document.webhooks);
  const head = obj(e.head.document.webhooks);
  const parent: Anchor[] = [[e.head.document, 'webhooks'], [e.head.document]];
  const whereOf =
    (name: string): WhereOf =>
    (method) => ({ path: `webhook ${name}`, method, label: `webhook "${name}" (${method.toUpperCase()})` });
  for (const [name, raw] of Object.entries(base)) {
    const baseItem = obj(raw);
    const headItem = head[name];
    if (!isObject(headItem)) {
      for (const [method, op] of operationsOf(baseItem))
        reportRemoved(e, 'webhook', whereOf(name)(method), [baseItem, op], parent);
      continue;
    }
    diffItem(e, compare, 'webhook', whereOf(name), baseItem, headItem, [[head, name], [headItem], ...parent]);
  }
  for (const [name, raw] of Object.entries(head)) {
    if (isObject(base[name])) continue;
    for (const [method, op] of operationsOf(obj(raw)))
      e.emit('webhook-added', whereOf(name)(method), `${opLabel(whereOf(name)(method))} was added`, [op]);
  }
}

/** The URL expressions of one Callback Object (its other keys are `x-` extensions). */
function expressions(callback: JsonObject): Map<string, JsonObject> {
  return new Map(
    Object.entries(callback)
      .filter(([key, value]) => !key.startsWith('x-') && isObject(value))
      .map(([key, value]) => [key, value as JsonObject])
  );
}

/** `callbacks` of an operation (of the API, a webhook or another callback): named maps of URL expression to path item. */
export function diffCallbacks(
  e: Emitter,
  compare: SchemaComparator,
  owner: Where,
  baseOp: JsonObject,
  headOp: JsonObject
): void {
  const base = obj(baseOp.callbacks);
  const head = obj(headOp.callbacks);
  const parent: Anchor[] = [[headOp, 'callbacks'], [headOp]];
  const whereOf =
    (name: string, expression: string): WhereOf =>
    (method) => ({
      ...(owner.path !== undefined && { path: owner.path }),
      ...(owner.method !== undefined && { method: owner.method }),
      label: `callback "${name}" (${method.toUpperCase()} ${expression}) of ${opLabel(owner)}`
    });
  for (const [name, raw] of Object.entries(base)) {
    const baseExpressions = expressions(obj(raw));
    const headCallback = head[name];
    if (!isObject(headCallback)) {
      for (const [expression, item] of baseExpressions)
        for (const [method, op] of operationsOf(item))
          reportRemoved(e, 'callback', whereOf(name, expression)(method), [item, op], parent);
      continue;
    }
    const headExpressions = expressions(headCallback);
    const callbackParent: Anchor[] = [[head, name], [headCallback], ...parent];
    const unmatchedBase = [...baseExpressions.keys()].filter((x) => !headExpressions.has(x));
    const unmatchedHead = [...headExpressions.keys()].filter((x) => !baseExpressions.has(x));
    // One expression on each side that differs: the same callback now goes to another URL.
    const moved = unmatchedBase.length === 1 && unmatchedHead.length === 1;
    if (moved) {
      const [from, to] = [unmatchedBase[0], unmatchedHead[0]];
      const message = `the URL of callback "${name}" of ${opLabel(owner)} changed from ${from} to ${to}`;
      e.emit('callback-expression-changed', owner, message, [headCallback, to], ...callbackParent);
      diffItem(e, compare, 'callback', whereOf(name, to), baseExpressions.get(from)!, headExpressions.get(to)!, [
        [headCallback, to],
        ...callbackParent
      ]);
    }
    for (const [expression, baseItem] of baseExpressions) {
      const headItem = headExpressions.get(expression);
      if (headItem) {
        const itemParent: Anchor[] = [[headCallback, expression], [headItem], ...callbackParent];
        diffItem(e, compare, 'callback', whereOf(name, expression), baseItem, headItem, itemParent);
      } else if (!moved) {
        for (const [method, op] of operationsOf(baseItem))
          reportRemoved(e, 'callback', whereOf(name, expression)(method), [baseItem, op], callbackParent);
      }
    }
    if (moved) continue;
    for (const [expression, headItem] of headExpressions) {
      if (baseExpressions.has(expression)) continue;
      for (const [method, op] of operationsOf(headItem))
        e.emit(
          'callback-added',
          whereOf(name, expression)(method),
          `${opLabel(whereOf(name, expression)(method))} was added`,
          [op]
        );
    }
  }
  for (const [name, raw] of Object.entries(head)) {
    if (isObject(base[name])) continue;
    for (const [expression, item] of expressions(obj(raw)))
      for (const [method, op] of operationsOf(item))
        e.emit(
          'callback-added',
          whereOf(name, expression)(method),
          `${opLabel(whereOf(name, expression)(method))} was added`,
          [op]
        );
  }
}
