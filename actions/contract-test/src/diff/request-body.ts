// The request body of an operation, a webhook or a callback: added, removed, required-ness, its media types and
// their schemas (through the comparator). OAS 2.0 `in: body` parameters are read as a body here.
import type { JsonObject, LoadedSpec } from '../spec/types.js';
import { defineCheck as check } from './catalog.js';
import { arr, isObject, obj, opLabel, type Emitter, type SchemaComparator, type Where } from './emitter.js';
import { inner, schemaSink, type ExchangeRoles } from './exchange.js';
import type { CheckId } from './registry.js';

export const REQUEST_BODY_CHECKS = [
  check('request-body-added-required', 'error', 'A required request body was added'),
  check('request-body-added-optional', 'info', 'An optional request body was added'),
  check('request-body-became-required', 'error', 'The request body became required'),
  check('request-body-became-optional', 'info', 'The request body became optional'),
  check('request-body-removed', 'warning', 'The request body was removed: bodies clients send are now ignored'),
  check('request-body-media-type-removed', 'error', 'A request media type is no longer accepted'),
  check('request-body-media-type-added', 'info', 'A request media type was added')
] as const;

export interface RequestBodyVocabulary {
  bodyAdded(required: boolean): CheckId | undefined;
  bodyRemoved?: CheckId;
  bodyBecameRequired?: CheckId;
  bodyBecameOptional?: CheckId;
  bodyMediaTypeRemoved?: CheckId;
  bodyMediaTypeAdded?: CheckId;
}

/** The API's own operations: clients send the body. */
export const API_REQUEST_BODY: RequestBodyVocabulary = {
  bodyAdded: (required) => (required ? 'request-body-added-required' : 'request-body-added-optional'),
  bodyRemoved: 'request-body-removed',
  bodyBecameRequired: 'request-body-became-required',
  bodyBecameOptional: 'request-body-became-optional',
  bodyMediaTypeRemoved: 'request-body-media-type-removed',
  bodyMediaTypeAdded: 'request-body-media-type-added'
};

export interface Body {
  node: JsonObject;
  required: boolean;
  content: Map<string, JsonObject>;
}

/** OAS 2.0 `consumes`/`produces` of an operation, else of the document, else JSON. */
export function mediaTypes(spec: LoadedSpec, op: JsonObject, key: 'consumes' | 'produces'): string[] {
  const own = arr(op[key]).filter((v): v is string => typeof v === 'string');
  if (Array.isArray(op[key])) return own;
  const global = arr(spec.document[key]).filter((v): v is string => typeof v === 'string');
  return Array.isArray(spec.document[key]) ? global : ['application/json'];
}

export function requestBodyOf(spec: LoadedSpec, item: JsonObject, op: JsonObject): Body | undefined {
  if (spec.version === '2.0') {
    const params = [...arr(item.parameters), ...arr(op.parameters)].filter(isObject);
    const body = params.reverse().find((p) => p.in === 'body');
    if (!body) return undefined;
    const content = new Map(mediaTypes(spec, op, 'consumes').map((mt) => [mt, { schema: body.schema ?? {} }]));
    return { node: body, required: body.required === true, content };
  }
  if (!isObject(op.requestBody)) return undefined;
  const node = op.requestBody;
  const content = new Map(Object.entries(obj(node.content)).map(([mt, m]) => [mt, obj(m)]));
  return { node, required: node.required === true, content };
}

export function diffRequestBody(
  e: Emitter,
  v: ExchangeRoles & RequestBodyVocabulary,
  where: Where,
  compare: SchemaComparator,
  headOp: JsonObject,
  base?: Body,
  head?: Body
): void {
  const label = opLabel(where);
  if (!base && !head) return;
  if (!base) {
    const id = v.bodyAdded(head!.required);
    if (id)
      e.emit(id, where, `${head!.required ? 'required' : 'optional'} request body added to ${label}`, [head!.node]);
    return;
  }
  if (!head) {
    if (v.bodyRemoved) e.removed(v.bodyRemoved, where, `request body removed from ${label}`, [[base.node]], [[headOp]]);
    return;
  }
  if (!base.required && head.required && v.bodyBecameRequired) {
    const message = `request body of ${label} became required`;
    e.emit(v.bodyBecameRequired, where, message, [head.node, 'required'], [head.node]);
  } else if (base.required && !head.required && v.bodyBecameOptional) {
    const message = `request body of ${label} became optional`;
    e.emit(v.bodyBecameOptional, where, message, [head.node, 'required'], [head.node]);
  }
  for (const [mt, media] of base.content) {
    const headMedia = head.content.get(mt);
    if (!headMedia) {
      if (v.bodyMediaTypeRemoved) {
        const message = `request media type ${mt} is no longer accepted by ${label}`;
        e.removed(
          v.bodyMediaTypeRemoved,
          where,
          v.requestDirection === 'request' ? message : `${label} no longer sends request media type ${mt}`,
          [[obj(base.node.content), mt], [media], [base.node]],
          [[head.node, 'content'], [head.node]]
        );
      }
      continue;
    }
    compare(media.schema, headMedia.schema, {
      direction: v.requestDirection,
      ...where,
      where: inner(where, `request body (${mt})`),
      base: e.base,
      head: e.head,
      emit: schemaSink(e, v)
    });
  }
  for (const [mt, media] of head.content) {
    if (base.content.has(mt) || !v.bodyMediaTypeAdded) continue;
    const message = `request media type ${mt} added to ${label}`;
    e.emit(v.bodyMediaTypeAdded, where, message, [obj(head.node.content), mt], [media], [head.node]);
  }
}
