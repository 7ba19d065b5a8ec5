// Responses of an operation, a webhook or a callback: statuses, media types and their schemas (through the
// comparator), headers, and (the API's own responses only) links.
import type { JsonObject, JsonValue, LoadedSpec } from '../spec/types.js';
import { defineCheck as check } from './catalog.js';
import { obj, opLabel, type Anchor, type Emitter, type SchemaComparator, type Where } from './emitter.js';
import { inner, schemaSink, type ExchangeRoles } from './exchange.js';
import { diffLinks } from './links.js';
import type { CheckId } from './registry.js';
import { mediaTypes } from './request-body.js';

export const RESPONSE_CHECKS = [
  check('response-success-status-removed', 'error', 'A success (2xx or default) response status was removed'),
  check(
    'response-alternative-success-status-removed',
    'warning',
    'A 2xx status was removed while another 2xx stays (a 204 beside a 200): clients that test for it misread a success'
  ),
  check('response-non-success-status-removed', 'warning', 'A non-success response status was removed'),
  check('response-success-status-added', 'info', 'A success response status was added'),
  check('response-non-success-status-added', 'info', 'A non-success response status was added'),
  check('response-media-type-removed', 'error', 'A response media type was removed'),
  check('response-media-type-added', 'info', 'A response media type was added'),
  check('response-required-header-removed', 'error', 'A required response header was removed'),
  check('response-optional-header-removed', 'warning', 'An optional response header was removed'),
  check('response-header-became-optional', 'warning', 'A required response header became optional'),
  check('response-header-added', 'info', 'A response header was added')
] as const;

export interface ResponseVocabulary {
  /** `alternative`: a 2xx status removed while head keeps another 2xx. */
  statusRemoved(success: boolean, alternative: boolean): CheckId | undefined;
  statusAdded(success: boolean): CheckId | undefined;
  responseMediaTypeRemoved?: CheckId;
  responseMediaTypeAdded?: CheckId;
  headerRemoved(required: boolean): CheckId | undefined;
  headerAdded(required: boolean): CheckId | undefined;
  headerBecameOptional?: CheckId;
  headerBecameRequired?: CheckId;
  /** Response links (OAS 3): only the API's own responses carry links clients follow. */
  links: boolean;
}

/** The API's own operations: the server sends the responses, clients read them. */
export const API_RESPONSES: ResponseVocabulary = {
  statusRemoved: (success, alternative) =>
    alternative
      ? 'response-alternative-success-status-removed'
      : success
        ? 'response-success-status-removed'
        : 'response-non-success-status-removed',
  statusAdded: (success) => (success ? 'response-success-status-added' : 'response-non-success-status-added'),
  responseMediaTypeRemoved: 'response-media-type-removed',
  responseMediaTypeAdded: 'response-media-type-added',
  headerRemoved: (required) => (required ? 'response-required-header-removed' : 'response-optional-header-removed'),
  headerAdded: () => 'response-header-added',
  headerBecameOptional: 'response-header-became-optional',
  links: true
};

export function isSuccess(status: string): boolean {
  return status === 'default' || status.startsWith('2');
}

/** A 2xx code or the `2XX` range (not `default`, which also stands for every undocumented error). */
function is2xx(status: string): boolean {
  return status.startsWith('2');
}

function responseContent(spec: LoadedSpec, op: JsonObject, response: JsonObject): Map<string, JsonObject> {
  if (spec.version === '2.0') {
    if (response.schema === undefined) return new Map();
    return new Map(mediaTypes(spec, op, 'produces').map((mt) => [mt, { schema: response.schema }]));
  }
  return new Map(Object.entries(obj(response.content)).map(([mt, m]) => [mt, obj(m)]));
}

function headerSchema(spec: LoadedSpec, header: JsonObject): JsonValue | undefined {
  return spec.version === '2.0' ? header : header.schema;
}

export function diffResponses(
  e: Emitter,
  v: ExchangeRoles & ResponseVocabulary,
  where: Where,
  compare: SchemaComparator,
  baseOp: JsonObject,
  headOp: JsonObject
): void {
  const label = opLabel(where);
  const base = obj(baseOp.responses);
  const head = obj(headOp.responses);
  const sink = schemaSink(e, v);
  for (const [status, raw] of Object.entries(base)) {
    const baseResponse = obj(raw);
    if (!(status in head)) {
      const alternative = is2xx(status) && Object.keys(head).some(is2xx);
      const id = v.statusRemoved(isSuccess(status), alternative);
      if (id)
        e.removed(
          id,
          where,
          `response ${status} was removed from ${label}`,
          [[base, status], [baseResponse]],
          [[headOp, 'responses'], [headOp]]
        );
      continue;
    }
    const headResponse = obj(head[status]);
    const responseParents: Anchor[] = [[head, status], [headResponse]];
    const baseContent = responseContent(e.base, baseOp, baseResponse);
    const headContent = responseContent(e.head, headOp, headResponse);
    for (const [mt, media] of baseContent) {
      const headMedia = headContent.get(mt);
      if (!headMedia) {
        if (v.responseMediaTypeRemoved)
          e.removed(
            v.responseMediaTypeRemoved,
            where,
            `response ${status} of ${label} no longer returns ${mt}`,
            [[obj(baseResponse.content), mt], [media], [baseResponse]],
            [[headResponse, 'content'], ...responseParents]
          );
        continue;
      }
      compare(media.schema, headMedia.schema, {
        direction: v.responseDirection,
        ...where,
        where: inner(where, `response ${status} (${mt})`),
        base: e.base,
        head: e.head,
        emit: sink
      });
    }
    for (const [mt, media] of headContent) {
      if (baseContent.has(mt) || !v.responseMediaTypeAdded) continue;
      const message = `response ${status} of ${label} now also returns ${mt}`;
      e.emit(v.responseMediaTypeAdded, where, message, [obj(headResponse.content), mt], [media], [headResponse]);
    }
    diffHeaders(e, v, where, compare, status, baseResponse, headResponse, responseParents);
    if (v.links) diffLinks(e, where, status, baseResponse, headResponse, responseParents);
  }
  for (const [status, raw] of Object.entries(head)) {
    if (status in base) continue;
    const id = v.statusAdded(isSuccess(status));
    if (id) e.emit(id, where, `response ${status} added to ${label}`, [head, status], [obj(raw)]);
  }
}

function diffHeaders(
  e: Emitter,
  v: ExchangeRoles & ResponseVocabulary,
  where: Where,
  compare: SchemaComparator,
  status: string,
  baseResponse: JsonObject,
  headResponse: JsonObject,
  responseParents: Anchor[]
): void {
  const label = opLabel(where);
  const headersOf = (response: JsonObject) =>
    new Map(Object.entries(obj(response.headers)).map(([k, h]) => [k.toLowerCase(), [k, obj(h)] as const]));
  const baseHeaders = headersOf(baseResponse);
  const headHeaders = headersOf(headResponse);
  for (const [key, [name, header]] of baseHeaders) {
    const target = headHeaders.get(key);
    const headerLabel = `header "${name}" of response ${status} of ${label}`;
    if (!target) {
      // OAS 2.0 has no `required` on response headers: documented headers count as optional there.
      const id = v.headerRemoved(header.required === true);
      if (id)
        e.removed(
          id,
          where,
          `${headerLabel} was removed`,
          [[obj(baseResponse.headers), name], [header]],
          [[headResponse, 'headers'], ...responseParents]
        );
      continue;
    }
    const [, headHeader] = target;
    if (header.required === true && headHeader.required !== true && v.headerBecameOptional)
      e.emit(v.headerBecameOptional, where, `${headerLabel} became optional`, [headHeader, 'required'], [headHeader]);
    if (header.required !== true && headHeader.required === true && v.headerBecameRequired)
      e.emit(v.headerBecameRequired, where, `${headerLabel} became required`, [headHeader, 'required'], [headHeader]);
    compare(headerSchema(e.base, header), headerSchema(e.head, headHeader), {
      direction: v.responseDirection,
      ...where,
      where: inner(where, `response ${status} header "${name}"`),
      base: e.base,
      head: e.head,
      emit: schemaSink(e, v)
    });
  }
  for (const [key, [name, header]] of headHeaders) {
    if (baseHeaders.has(key)) continue;
    const required = header.required === true;
    const id = v.headerAdded(required);
    const message = `${required ? 'required ' : ''}header "${name}" added to response ${status} of ${label}`;
    if (id) e.emit(id, where, message, [header]);
  }
}
