// Operation-level breaking-change checks: endpoints, parameters, request bodies, responses, security and
// servers. Everything inside a schema is delegated to an injected comparator so this module can be tested
// (and evolve) independently of the schema comparator.
import type { Change, CheckInfo, JsonObject, JsonValue, LoadedSpec, SourceLocation } from '../spec/types.js';
import { defineCheck, isJsonObject } from './catalog.js';

/** Mirrors `SchemaContext` of diff/schema.ts (kept structural so this module does not depend on that file). */
export interface SchemaCompareContext {
  direction: 'request' | 'response';
  path?: string;
  method?: string;
  where: string;
  base: LoadedSpec;
  head: LoadedSpec;
  emit(change: Change): void;
}

export type SchemaComparator = (
  base: JsonValue | undefined,
  head: JsonValue | undefined,
  ctx: SchemaCompareContext
) => void;

export interface OperationDiffOptions {
  /** The moment sunset dates are judged against (default: now); injected so tests do not age. */
  now?: Date;
}

const check = defineCheck;

export const OPERATION_CHECKS: CheckInfo[] = [
  check(
    'api-path-removed-without-deprecation',
    'error',
    'A path was removed without its operations being deprecated first'
  ),
  check('api-removed-without-deprecation', 'error', 'An operation was removed without being deprecated first'),
  check('api-removed-before-sunset', 'error', 'A deprecated operation was removed before its x-sunset date'),
  check('api-removed-after-deprecation', 'info', 'A deprecated operation was removed (after its sunset, if any)'),
  check('api-path-added', 'info', 'A new path with its operations was added'),
  check('endpoint-added', 'info', 'A new operation was added to an existing path'),
  check('endpoint-deprecated', 'info', 'An operation became deprecated'),
  check('endpoint-reactivated', 'info', 'A deprecated operation is no longer deprecated'),
  check('api-sunset-date-changed', 'info', 'The x-sunset date of a deprecated operation was postponed or set'),
  check('api-sunset-date-brought-forward', 'warning', 'The x-sunset date of a deprecated operation moved earlier'),
  check('operation-id-changed', 'warning', 'The operationId changed (generated client method names change)'),
  check('path-parameter-renamed', 'info', 'A path template parameter was renamed; the URL shape is unchanged'),
  check('new-required-request-parameter', 'error', 'A new required parameter (query, header, cookie, path)'),
  check('new-optional-request-parameter', 'info', 'A new optional parameter'),
  check('request-parameter-removed', 'warning', 'A parameter was removed: values clients send are now ignored'),
  check('request-parameter-became-required', 'error', 'An optional parameter became required'),
  check('request-parameter-became-optional', 'info', 'A required parameter became optional'),
  check('request-parameter-location-changed', 'error', 'A parameter moved, e.g. from query to header'),
  check('request-parameter-style-changed', 'warning', 'A parameter serialisation style changed'),
  check('request-parameter-explode-changed', 'warning', 'A parameter explode setting changed'),
  check('request-parameter-deprecated', 'info', 'A parameter became deprecated'),
  check('request-body-added-required', 'error', 'A required request body was added'),
  check('request-body-added-optional', 'info', 'An optional request body was added'),
  check('request-body-became-required', 'error', 'The request body became required'),
  check('request-body-became-optional', 'info', 'The request body became optional'),
  check('request-body-removed', 'warning', 'The request body was removed: bodies clients send are now ignored'),
  check('request-body-media-type-removed', 'error', 'A request media type is no longer accepted'),
  check('request-body-media-type-added', 'info', 'A request media type was added'),
  check('response-success-status-removed', 'error', 'A success (2xx or default) response status was removed'),
  check('response-non-success-status-removed', 'warning', 'A non-success response status was removed'),
  check('response-success-status-added', 'info', 'A success response status was added'),
  check('response-non-success-status-added', 'info', 'A non-success response status was added'),
  check('response-media-type-removed', 'error', 'A response media type was removed'),
  check('response-media-type-added', 'info', 'A response media type was added'),
  check('response-required-header-removed', 'error', 'A required response header was removed'),
  check('response-optional-header-removed', 'warning', 'An optional response header was removed'),
  check('response-header-became-optional', 'warning', 'A required response header became optional'),
  check('response-header-added', 'info', 'A response header was added'),
  check('security-requirement-added', 'error', 'A security requirement clients do not yet satisfy was added'),
  check('security-alternative-added', 'info', 'A new security alternative was added; old ones still work'),
  check('security-alternative-removed', 'error', 'A security alternative clients use was removed'),
  check('security-requirement-removed', 'info', 'A security requirement was removed or relaxed'),
  check('security-scope-added', 'error', 'An OAuth/OpenID scope was added to a security requirement'),
  check('security-scope-removed', 'info', 'A scope was removed from a security requirement'),
  check('security-scheme-removed', 'warning', 'A security scheme definition was removed from the components'),
  check('security-scheme-type-changed', 'error', 'A security scheme changed its type or location'),
  check('security-scheme-added', 'info', 'A security scheme definition was added'),
  check('server-url-changed', 'error', 'The base path of a server (or basePath) changed'),
  check('server-host-changed', 'warning', 'The host of a server changed while its base path stayed'),
  check('server-removed', 'warning', 'A server was removed'),
  check('server-added', 'info', 'A server was added'),
  check('server-scheme-removed', 'warning', 'A transfer scheme (OAS 2.0 schemes) was removed')
];

const LEVELS = new Map(OPERATION_CHECKS.map((c) => [c.id, c.level]));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const isObject = isJsonObject;
function obj(value: JsonValue | undefined): JsonObject {
  return isObject(value) ? value : {};
}
function arr(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}
function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `/items/{id}` and `/items/{itemId}` address the same URLs, so they must pair. */
export function normalisePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}
function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
}

interface Where {
  path?: string;
  method?: string;
}

class Emitter {
  constructor(
    readonly base: LoadedSpec,
    readonly head: LoadedSpec,
    readonly sink: (change: Change) => void
  ) {}

  /** `at` lists candidate nodes from most to least specific; synthesised nodes (OAS 2.0) have no location. */
  emit(id: string, where: Where, message: string, spec: LoadedSpec, ...at: [JsonValue | undefined, string?][]) {
    const level = LEVELS.get(id);
    if (!level) throw new Error(`unknown check id ${id}`);
    let location: SourceLocation | undefined;
    for (const [node, key] of at) {
      if (node === undefined) continue;
      location = spec.locate(node, key);
      if (location) break;
    }
    if (!location) location = spec.locate(spec.document);
    const change: Change = { id, level, message };
    if (where.path !== undefined) change.path = where.path;
    if (where.method !== undefined) change.method = where.method;
    if (location) change.location = location;
    this.sink(change);
  }
}

function opLabel(where: Where): string {
  return `${(where.method ?? '').toUpperCase()} ${where.path ?? ''}`.trim();
}

// ---- endpoints -------------------------------------------------------------------------------------------

function sunsetOf(op: JsonObject): Date | undefined {
  const raw = op['x-sunset'] as unknown;
  const date = raw instanceof Date ? raw : typeof raw === 'string' ? new Date(raw) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function operationsOf(item: JsonObject): [string, JsonObject][] {
  return METHODS.filter((m) => isObject(item[m])).map((m) => [m, item[m] as JsonObject]);
}

function reportRemoved(e: Emitter, where: Where, op: JsonObject, idIfUndeprecated: string, now: Date): void {
  const label = opLabel(where);
  if (op.deprecated !== true) {
    e.emit(idIfUndeprecated, where, `${label} was removed without being deprecated first`, e.base, [op]);
    return;
  }
  const sunset = sunsetOf(op);
  if (sunset && sunset.getTime() > now.getTime()) {
    e.emit('api-removed-before-sunset', where, `${label} was removed before its sunset date ${day(sunset)}`, e.base, [
      op,
      'x-sunset'
    ]);
  } else {
    e.emit('api-removed-after-deprecation', where, `deprecated ${label} was removed`, e.base, [op]);
  }
}

function diffDeprecation(e: Emitter, where: Where, base: JsonObject, head: JsonObject): void {
  const label = opLabel(where);
  const wasDeprecated = base.deprecated === true;
  const isDeprecated = head.deprecated === true;
  const headSunset = sunsetOf(head);
  if (!wasDeprecated && isDeprecated) {
    const sunset = headSunset ? `, sunset ${day(headSunset)}` : ', no sunset date';
    e.emit('endpoint-deprecated', where, `${label} became deprecated${sunset}`, e.head, [head, 'deprecated'], [head]);
  } else if (wasDeprecated && !isDeprecated) {
    e.emit('endpoint-reactivated', where, `${label} is no longer deprecated`, e.head, [head]);
  } else if (wasDeprecated && isDeprecated) {
    const baseSunset = sunsetOf(base);
    if (baseSunset && headSunset && headSunset.getTime() < baseSunset.getTime()) {
      const message = `sunset of ${label} moved earlier from ${day(baseSunset)} to ${day(headSunset)}`;
      e.emit('api-sunset-date-brought-forward', where, message, e.head, [head, 'x-sunset'], [head]);
    } else if (headSunset && (!baseSunset || headSunset.getTime() !== baseSunset.getTime())) {
      const from = baseSunset ? day(baseSunset) : 'none';
      const message = `sunset of ${label} changed from ${from} to ${day(headSunset)}`;
      e.emit('api-sunset-date-changed', where, message, e.head, [head, 'x-sunset'], [head]);
    }
  }
  const baseId = str(base.operationId);
  const headId = str(head.operationId);
  if (baseId !== undefined && headId !== baseId) {
    const message = `operationId of ${label} changed from "${baseId}" to ${headId ? `"${headId}"` : 'none'}`;
    e.emit('operation-id-changed', where, message, e.head, [head, 'operationId'], [head]);
  }
}

// ---- parameters ------------------------------------------------------------------------------------------

/** Path-level parameters apply to every operation unless the operation redefines the same (in, name). */
function effectiveParameters(item: JsonObject, op: JsonObject, rename?: Map<string, string>): Map<string, JsonObject> {
  const params = new Map<string, JsonObject>();
  for (const raw of [...arr(item.parameters), ...arr(op.parameters)]) {
    if (!isObject(raw)) continue;
    const location = str(raw.in);
    const name = str(raw.name);
    if (!location || !name || location === 'body') continue;
    const paired = location === 'path' ? (rename?.get(name) ?? name) : name;
    // Header names are case-insensitive on the wire.
    params.set(`${location}:${location === 'header' ? paired.toLowerCase() : paired}`, raw);
  }
  return params;
}

/** The name part of a pairing key, case-folded because a header may have been a query parameter before. */
function nameOf(key: string): string {
  return key.slice(key.indexOf(':') + 1).toLowerCase();
}

function defaultStyle(location: string): string {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

/** OAS 3 keeps the schema under `schema` or `content`; OAS 2.0 non-body parameters are their own schema. */
function parameterSchema(spec: LoadedSpec, param: JsonObject): JsonValue | undefined {
  if (spec.version === '2.0') {
    // The parameter's own keys would read as JSON Schema keywords (`required: true` is not a schema `required`).
    const { in: _in, name: _name, required: _required, description: _description, ...schema } = param;
    return schema;
  }
  if (param.schema !== undefined) return param.schema;
  const first = Object.values(obj(param.content))[0];
  return isObject(first) ? first.schema : undefined;
}

function diffParameters(
  e: Emitter,
  where: Where,
  compare: SchemaComparator,
  base: Map<string, JsonObject>,
  head: Map<string, JsonObject>,
  headOp: JsonObject
): void {
  const label = opLabel(where);
  const describe = (p: JsonObject) => `${str(p.in)} parameter "${str(p.name)}"`;
  const removed = [...base.keys()].filter((k) => !head.has(k));
  const added = [...head.keys()].filter((k) => !base.has(k));
  const moved = new Set<string>();
  for (const key of removed) {
    const param = base.get(key)!;
    const target = added.find((k) => !moved.has(k) && nameOf(k) === nameOf(key));
    if (target === undefined) continue;
    const headParam = head.get(target)!;
    moved.add(key).add(target);
    const message = `${describe(param)} of ${label} moved from ${str(param.in)} to ${str(headParam.in)}`;
    e.emit('request-parameter-location-changed', where, message, e.head, [headParam, 'in'], [headParam]);
  }
  for (const key of removed) {
    if (moved.has(key)) continue;
    const param = base.get(key)!;
    // A removed parameter does not make requests fail (servers ignore what they do not read), but a client that
    // relied on it, e.g. as a filter, silently gets different results: possibly breaking, never compatible.
    const message = `${describe(param)} was removed from ${label}`;
    e.emit('request-parameter-removed', where, message, e.base, [param]);
  }
  for (const key of added) {
    if (moved.has(key)) continue;
    const param = head.get(key)!;
    if (param.required === true) {
      e.emit(
        'new-required-request-parameter',
        where,
        `new required ${describe(param)} in ${label}`,
        e.head,
        [param],
        [headOp]
      );
    } else {
      e.emit(
        'new-optional-request-parameter',
        where,
        `new optional ${describe(param)} in ${label}`,
        e.head,
        [param],
        [headOp]
      );
    }
  }
  for (const [key, baseParam] of base) {
    const headParam = head.get(key);
    if (!headParam) continue;
    const name = describe(headParam);
    if (baseParam.required !== true && headParam.required === true) {
      const message = `${name} of ${label} became required`;
      e.emit('request-parameter-became-required', where, message, e.head, [headParam, 'required'], [headParam]);
    } else if (baseParam.required === true && headParam.required !== true) {
      const message = `${name} of ${label} became optional`;
      e.emit('request-parameter-became-optional', where, message, e.head, [headParam, 'required'], [headParam]);
    }
    if (baseParam.deprecated !== true && headParam.deprecated === true) {
      const message = `${name} of ${label} became deprecated`;
      e.emit('request-parameter-deprecated', where, message, e.head, [headParam, 'deprecated'], [headParam]);
    }
    if (e.base.version !== '2.0' && e.head.version !== '2.0') {
      const location = str(headParam.in) ?? 'query';
      const baseStyle = str(baseParam.style) ?? defaultStyle(location);
      const headStyle = str(headParam.style) ?? defaultStyle(location);
      if (baseStyle !== headStyle) {
        const message = `style of ${name} of ${label} changed from ${baseStyle} to ${headStyle}`;
        e.emit('request-parameter-style-changed', where, message, e.head, [headParam, 'style'], [headParam]);
      }
      const baseExplode = typeof baseParam.explode === 'boolean' ? baseParam.explode : baseStyle === 'form';
      const headExplode = typeof headParam.explode === 'boolean' ? headParam.explode : headStyle === 'form';
      if (baseExplode !== headExplode) {
        const message = `explode of ${name} of ${label} changed from ${baseExplode} to ${headExplode}`;
        e.emit('request-parameter-explode-changed', where, message, e.head, [headParam, 'explode'], [headParam]);
      }
    }
    compare(parameterSchema(e.base, baseParam), parameterSchema(e.head, headParam), {
      direction: 'request',
      ...where,
      where: name,
      base: e.base,
      head: e.head,
      emit: (change) => e.sink(change)
    });
  }
}

// ---- request bodies --------------------------------------------------------------------------------------

interface Body {
  node: JsonObject;
  required: boolean;
  content: Map<string, JsonObject>;
}

function mediaTypes(spec: LoadedSpec, op: JsonObject, key: 'consumes' | 'produces'): string[] {
  const own = arr(op[key]).filter((v): v is string => typeof v === 'string');
  if (Array.isArray(op[key])) return own;
  const global = arr(spec.document[key]).filter((v): v is string => typeof v === 'string');
  return Array.isArray(spec.document[key]) ? global : ['application/json'];
}

function requestBodyOf(spec: LoadedSpec, item: JsonObject, op: JsonObject): Body | undefined {
  if (spec.version === '2.0') {
    const params = [...arr(item.parameters), ...arr(op.parameters)].filter(isObject);
    const body = params.reverse().find((p) => p.in === 'body');
    if (!body) return undefined;
    const content = new Map(
      mediaTypes(spec, op, 'consumes').map((mt) => [mt, { schema: body.schema ?? {} } as JsonObject])
    );
    return { node: body, required: body.required === true, content };
  }
  if (!isObject(op.requestBody)) return undefined;
  const node = op.requestBody;
  const content = new Map(Object.entries(obj(node.content)).map(([mt, m]) => [mt, obj(m)]));
  return { node, required: node.required === true, content };
}

function diffRequestBody(e: Emitter, where: Where, compare: SchemaComparator, base?: Body, head?: Body): void {
  const label = opLabel(where);
  if (!base && !head) return;
  if (!base) {
    const id = head!.required ? 'request-body-added-required' : 'request-body-added-optional';
    e.emit(id, where, `${head!.required ? 'required' : 'optional'} request body added to ${label}`, e.head, [
      head!.node
    ]);
    return;
  }
  if (!head) {
    e.emit('request-body-removed', where, `request body removed from ${label}`, e.base, [base.node]);
    return;
  }
  if (!base.required && head.required) {
    e.emit(
      'request-body-became-required',
      where,
      `request body of ${label} became required`,
      e.head,
      [head.node, 'required'],
      [head.node]
    );
  } else if (base.required && !head.required) {
    e.emit(
      'request-body-became-optional',
      where,
      `request body of ${label} became optional`,
      e.head,
      [head.node, 'required'],
      [head.node]
    );
  }
  for (const [mt, media] of base.content) {
    const headMedia = head.content.get(mt);
    if (!headMedia) {
      const message = `request media type ${mt} is no longer accepted by ${label}`;
      e.emit(
        'request-body-media-type-removed',
        where,
        message,
        e.base,
        [obj(base.node.content), mt],
        [media],
        [base.node]
      );
      continue;
    }
    compare(media.schema, headMedia.schema, {
      direction: 'request',
      ...where,
      where: `request body (${mt})`,
      base: e.base,
      head: e.head,
      emit: (change) => e.sink(change)
    });
  }
  for (const [mt, media] of head.content) {
    if (base.content.has(mt)) continue;
    const message = `request media type ${mt} added to ${label}`;
    e.emit('request-body-media-type-added', where, message, e.head, [obj(head.node.content), mt], [media], [head.node]);
  }
}

// ---- responses -------------------------------------------------------------------------------------------

function isSuccess(status: string): boolean {
  return status === 'default' || status.startsWith('2');
}

function responseContent(spec: LoadedSpec, op: JsonObject, response: JsonObject): Map<string, JsonObject> {
  if (spec.version === '2.0') {
    if (response.schema === undefined) return new Map();
    return new Map(mediaTypes(spec, op, 'produces').map((mt) => [mt, { schema: response.schema } as JsonObject]));
  }
  return new Map(Object.entries(obj(response.content)).map(([mt, m]) => [mt, obj(m)]));
}

function headerSchema(spec: LoadedSpec, header: JsonObject): JsonValue | undefined {
  return spec.version === '2.0' ? header : header.schema;
}

function diffResponses(
  e: Emitter,
  where: Where,
  compare: SchemaComparator,
  baseOp: JsonObject,
  headOp: JsonObject
): void {
  const label = opLabel(where);
  const base = obj(baseOp.responses);
  const head = obj(headOp.responses);
  const sink = (change: Change) => e.sink(change);
  for (const [status, raw] of Object.entries(base)) {
    const baseResponse = obj(raw);
    if (!(status in head)) {
      const id = isSuccess(status) ? 'response-success-status-removed' : 'response-non-success-status-removed';
      e.emit(id, where, `response ${status} was removed from ${label}`, e.base, [base, status], [baseResponse]);
      continue;
    }
    const headResponse = obj(head[status]);
    const baseContent = responseContent(e.base, baseOp, baseResponse);
    const headContent = responseContent(e.head, headOp, headResponse);
    for (const [mt, media] of baseContent) {
      const headMedia = headContent.get(mt);
      if (!headMedia) {
        const message = `response ${status} of ${label} no longer returns ${mt}`;
        e.emit(
          'response-media-type-removed',
          where,
          message,
          e.base,
          [obj(baseResponse.content), mt],
          [media],
          [baseResponse]
        );
        continue;
      }
      compare(media.schema, headMedia.schema, {
        direction: 'response',
        ...where,
        where: `response ${status} (${mt})`,
        base: e.base,
        head: e.head,
        emit: sink
      });
    }
    for (const [mt, media] of headContent) {
      if (baseContent.has(mt)) continue;
      const message = `response ${status} of ${label} now also returns ${mt}`;
      e.emit(
        'response-media-type-added',
        where,
        message,
        e.head,
        [obj(headResponse.content), mt],
        [media],
        [headResponse]
      );
    }
    const baseHeaders = new Map(
      Object.entries(obj(baseResponse.headers)).map(([k, v]) => [k.toLowerCase(), [k, obj(v)] as const])
    );
    const headHeaders = new Map(
      Object.entries(obj(headResponse.headers)).map(([k, v]) => [k.toLowerCase(), [k, obj(v)] as const])
    );
    for (const [key, [name, header]] of baseHeaders) {
      const target = headHeaders.get(key);
      const headerLabel = `header "${name}" of response ${status} of ${label}`;
      if (!target) {
        // OAS 2.0 has no `required` on response headers: documented headers count as optional there.
        const id = header.required === true ? 'response-required-header-removed' : 'response-optional-header-removed';
        e.emit(id, where, `${headerLabel} was removed`, e.base, [obj(baseResponse.headers), name], [header]);
        continue;
      }
      const [, headHeader] = target;
      if (header.required === true && headHeader.required !== true) {
        e.emit(
          'response-header-became-optional',
          where,
          `${headerLabel} became optional`,
          e.head,
          [headHeader, 'required'],
          [headHeader]
        );
      }
      compare(headerSchema(e.base, header), headerSchema(e.head, headHeader), {
        direction: 'response',
        ...where,
        where: `response ${status} header "${name}"`,
        base: e.base,
        head: e.head,
        emit: sink
      });
    }
    for (const [key, [name, header]] of headHeaders) {
      if (baseHeaders.has(key)) continue;
      e.emit('response-header-added', where, `header "${name}" added to response ${status} of ${label}`, e.head, [
        header
      ]);
    }
  }
  for (const [status, raw] of Object.entries(head)) {
    if (status in base) continue;
    const id = isSuccess(status) ? 'response-success-status-added' : 'response-non-success-status-added';
    e.emit(id, where, `response ${status} added to ${label}`, e.head, [head, status], [obj(raw)]);
  }
}

// ---- security --------------------------------------------------------------------------------------------

/** One alternative of a security requirement list: scheme name -> scopes (all must hold together). */
type Alternative = Map<string, Set<string>>;

/** An absent or empty list means anonymous access, which is the alternative `{}`. */
function alternatives(value: JsonValue | undefined): Alternative[] {
  const list = arr(value).filter(isObject);
  if (list.length === 0) return [new Map()];
  return list.map((req) => new Map(Object.entries(req).map(([k, v]) => [k, new Set(arr(v).map(String))])));
}
function keyOf(alt: Alternative): string {
  return [...alt.keys()].sort().join(' + ');
}
function describeAlt(alt: Alternative): string {
  return alt.size === 0 ? 'anonymous access' : `{${keyOf(alt)}}`;
}
/** A client that satisfies `client` also satisfies `required` when every scheme and scope asked is held. */
function satisfies(client: Alternative, required: Alternative): boolean {
  for (const [scheme, scopes] of required) {
    const held = client.get(scheme);
    if (!held) return false;
    for (const scope of scopes) if (!held.has(scope)) return false;
  }
  return true;
}

function diffSecurity(
  e: Emitter,
  where: Where,
  scope: string,
  baseValue: JsonValue | undefined,
  headValue: JsonValue | undefined,
  headNode: JsonObject,
  baseNode: JsonObject
): void {
  const base = alternatives(baseValue);
  const head = alternatives(headValue);
  const stranded = base.filter((b) => !head.some((h) => satisfies(b, h)));
  const baseKeys = new Map(base.map((a) => [keyOf(a), a]));
  const headKeys = new Map(head.map((a) => [keyOf(a), a]));
  const at: [JsonValue | undefined, string?][] = [[headNode, 'security'], [headNode]];
  const baseAt: [JsonValue | undefined, string?][] = [[baseNode, 'security'], [baseNode]];
  for (const [key, alt] of headKeys) {
    const before = baseKeys.get(key);
    if (before) {
      for (const [scheme, scopes] of alt) {
        const was = before.get(scheme) ?? new Set<string>();
        const extra = [...scopes].filter((s) => !was.has(s));
        const dropped = [...was].filter((s) => !scopes.has(s));
        if (extra.length > 0) {
          e.emit(
            'security-scope-added',
            where,
            `${scope} requirement ${scheme} now needs scope(s) ${extra.join(', ')}`,
            e.head,
            ...at
          );
        }
        if (dropped.length > 0) {
          e.emit(
            'security-scope-removed',
            where,
            `${scope} requirement ${scheme} no longer needs scope(s) ${dropped.join(', ')}`,
            e.head,
            ...at
          );
        }
      }
      continue;
    }
    if (alt.size === 0) continue;
    // Dropping a scheme from an AND-requirement shows up as a new, smaller alternative: report it as a removal.
    const relaxes = base.some((b) => !headKeys.has(keyOf(b)) && satisfies(b, alt));
    if (relaxes && stranded.length === 0) continue;
    if (stranded.length > 0) {
      const from = base.map(describeAlt).join(' or ');
      e.emit(
        'security-requirement-added',
        where,
        `${scope} now requires ${describeAlt(alt)} (was ${from})`,
        e.head,
        ...at
      );
    } else {
      e.emit('security-alternative-added', where, `${scope} now also accepts ${describeAlt(alt)}`, e.head, ...at);
    }
  }
  const newAlternatives = [...headKeys.keys()].some((k) => !baseKeys.has(k) && k !== '');
  for (const [key, alt] of baseKeys) {
    if (headKeys.has(key)) continue;
    if (!stranded.includes(alt)) {
      e.emit('security-requirement-removed', where, `${scope} no longer requires ${describeAlt(alt)}`, e.head, ...at);
    } else if (!newAlternatives) {
      e.emit(
        'security-alternative-removed',
        where,
        `${scope} no longer accepts ${describeAlt(alt)}`,
        e.base,
        ...baseAt
      );
    }
  }
}

function schemesOf(spec: LoadedSpec): JsonObject {
  return spec.version === '2.0'
    ? obj(spec.document.securityDefinitions)
    : obj(obj(spec.document.components).securitySchemes);
}

function diffSecuritySchemes(e: Emitter): void {
  const base = schemesOf(e.base);
  const head = schemesOf(e.head);
  for (const [name, raw] of Object.entries(base)) {
    const scheme = obj(raw);
    const headScheme = head[name];
    if (!isObject(headScheme)) {
      e.emit('security-scheme-removed', {}, `security scheme "${name}" was removed`, e.base, [base, name], [scheme]);
      continue;
    }
    const shape = (s: JsonObject) => [s.type, s.in, s.name, s.scheme].map((v) => String(v ?? '')).join('/');
    if (shape(scheme) !== shape(headScheme)) {
      const message = `security scheme "${name}" changed from ${shape(scheme)} to ${shape(headScheme)}`;
      e.emit('security-scheme-type-changed', {}, message, e.head, [headScheme, 'type'], [headScheme]);
    }
  }
  for (const [name, raw] of Object.entries(head)) {
    if (name in base) continue;
    e.emit('security-scheme-added', {}, `security scheme "${name}" was added`, e.head, [head, name], [raw]);
  }
}

// ---- servers ---------------------------------------------------------------------------------------------

interface ServerUrl {
  url: string;
  host: string;
  path: string;
  node: JsonValue;
}

function parseServer(url: string, node: JsonValue): ServerUrl {
  const rest = url.replace(/^[a-z{}][a-z0-9+.\-{}]*:\/\//i, '//');
  let host = '';
  let path = rest;
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    host = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    path = slash < 0 ? '' : rest.slice(slash);
  }
  path = path.replace(/\/+$/, '') || '/';
  return { url, host: host.toLowerCase(), path, node };
}

function serversOf(spec: LoadedSpec): ServerUrl[] {
  const doc = spec.document;
  if (spec.version === '2.0') {
    const host = str(doc.host) ?? '';
    return [parseServer(`//${host}${str(doc.basePath) ?? '/'}`, doc)];
  }
  const list = arr(doc.servers).filter(isObject);
  // With no servers the spec's base URL is "/" (OAS 3).
  if (list.length === 0) return [parseServer('/', doc)];
  return list.map((s) => parseServer(str(s.url) ?? '/', s));
}

function diffServers(e: Emitter): void {
  const base = serversOf(e.base);
  const head = serversOf(e.head);
  const unmatchedHead = head.filter((h) => !base.some((b) => b.url === h.url));
  const taken = new Set<ServerUrl>();
  for (const b of base) {
    if (head.some((h) => h.url === b.url)) continue;
    const pick = (test: (h: ServerUrl) => boolean) => unmatchedHead.find((h) => !taken.has(h) && test(h));
    const partner =
      pick((h) => h.host === b.host) ??
      pick((h) => h.path === b.path) ??
      (base.length === 1 ? pick(() => true) : undefined);
    if (!partner) {
      e.emit('server-removed', {}, `server ${b.url} was removed`, e.base, [b.node, 'url'], [b.node]);
      continue;
    }
    taken.add(partner);
    if (partner.path !== b.path) {
      const message = `base path changed from ${b.path} to ${partner.path} (server ${b.url} -> ${partner.url})`;
      e.emit(
        'server-url-changed',
        {},
        message,
        e.head,
        [partner.node, e.head.version === '2.0' ? 'basePath' : 'url'],
        [partner.node]
      );
    } else if (partner.host !== b.host) {
      const message = `server host changed from ${b.host || '(none)'} to ${partner.host || '(none)'} (${b.url} -> ${partner.url})`;
      e.emit(
        'server-host-changed',
        {},
        message,
        e.head,
        [partner.node, e.head.version === '2.0' ? 'host' : 'url'],
        [partner.node]
      );
    }
  }
  for (const h of unmatchedHead) {
    if (taken.has(h)) continue;
    e.emit('server-added', {}, `server ${h.url} was added`, e.head, [h.node, 'url'], [h.node]);
  }
  if (e.base.version === '2.0' && e.head.version === '2.0') {
    const headSchemes = new Set(arr(e.head.document.schemes).map(String));
    if (headSchemes.size > 0) {
      for (const scheme of arr(e.base.document.schemes).map(String)) {
        if (!headSchemes.has(scheme)) {
          e.emit('server-scheme-removed', {}, `scheme ${scheme} is no longer served`, e.head, [
            e.head.document,
            'schemes'
          ]);
        }
      }
    }
  }
}

// ---- entry -----------------------------------------------------------------------------------------------

export function diffOperations(
  base: LoadedSpec,
  head: LoadedSpec,
  compare: SchemaComparator,
  emit: (change: Change) => void,
  options: OperationDiffOptions = {}
): void {
  const now = options.now ?? new Date();
  const e = new Emitter(base, head, emit);
  const basePaths = obj(base.document.paths);
  const headPaths = obj(head.document.paths);
  const headByShape = new Map<string, string>();
  for (const path of Object.keys(headPaths))
    if (!headByShape.has(normalisePath(path))) headByShape.set(normalisePath(path), path);
  const pairedHead = new Set<string>();

  for (const [basePath, rawItem] of Object.entries(basePaths)) {
    const baseItem = obj(rawItem);
    const headPath = headByShape.get(normalisePath(basePath));
    if (headPath === undefined || pairedHead.has(headPath)) {
      for (const [method, op] of operationsOf(baseItem)) {
        reportRemoved(e, { path: basePath, method }, op, 'api-path-removed-without-deprecation', now);
      }
      continue;
    }
    pairedHead.add(headPath);
    const headItem = obj(headPaths[headPath]);
    const rename = new Map<string, string>();
    const baseNames = templateNames(basePath);
    const headNames = templateNames(headPath);
    baseNames.forEach((name, i) => {
      if (headNames[i] !== undefined && headNames[i] !== name) rename.set(name, headNames[i]);
    });
    if (rename.size > 0) {
      const renamed = [...rename].map(([from, to]) => `{${from}} -> {${to}}`).join(', ');
      e.emit(
        'path-parameter-renamed',
        { path: headPath },
        `path parameter renamed in ${basePath}: ${renamed}`,
        e.head,
        [headPaths, headPath],
        [headItem]
      );
    }

    const headOps = new Map(operationsOf(headItem));
    for (const [method, baseOp] of operationsOf(baseItem)) {
      const where = { path: headPath, method };
      const headOp = headOps.get(method);
      if (!headOp) {
        reportRemoved(e, { path: basePath, method }, baseOp, 'api-removed-without-deprecation', now);
        continue;
      }
      diffDeprecation(e, where, baseOp, headOp);
      diffParameters(
        e,
        where,
        compare,
        effectiveParameters(baseItem, baseOp, rename),
        effectiveParameters(headItem, headOp),
        headOp
      );
      diffRequestBody(e, where, compare, requestBodyOf(base, baseItem, baseOp), requestBodyOf(head, headItem, headOp));
      diffResponses(e, where, compare, baseOp, headOp);
      if (baseOp.security !== undefined || headOp.security !== undefined) {
        const baseSecurity = baseOp.security ?? base.document.security;
        const headSecurity = headOp.security ?? head.document.security;
        diffSecurity(e, where, `${opLabel(where)}`, baseSecurity, headSecurity, headOp, baseOp);
      }
    }
    for (const [method, headOp] of headOps) {
      if (isObject(baseItem[method])) continue;
      e.emit('endpoint-added', { path: headPath, method }, `${method.toUpperCase()} ${headPath} was added`, e.head, [
        headOp
      ]);
    }
  }
  for (const [headPath, rawItem] of Object.entries(headPaths)) {
    if (pairedHead.has(headPath)) continue;
    for (const [method, op] of operationsOf(obj(rawItem))) {
      e.emit('api-path-added', { path: headPath, method }, `${method.toUpperCase()} ${headPath} was added`, e.head, [
        op
      ]);
    }
  }

  diffSecurity(e, {}, 'global security', base.document.security, head.document.security, head.document, base.document);
  diffSecuritySchemes(e);
  diffServers(e);
}
