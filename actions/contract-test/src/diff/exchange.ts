// What an operation of the API and an out-of-band request it makes (a webhook or a callback) have in common: a
// request with parameters and a body, responses with bodies, headers and links. One implementation compares them;
// a Vocabulary says which check id each difference is reported as, because the same difference breaks one side of
// an ordinary operation and the other side of a webhook (see outgoing.ts).
import type { Change, ChangeLevel, JsonObject, JsonValue, LoadedSpec, SourceLocation } from '../spec/types.js';
import { isJsonObject, wasAt } from './catalog.js';

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

export const isObject = isJsonObject;
export function obj(value: JsonValue | undefined): JsonObject {
  return isObject(value) ? value : {};
}
export function arr(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}
export function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export interface Where {
  path?: string;
  method?: string;
  /** How messages name the operation (default: `METHOD path`). */
  label?: string;
}

export function opLabel(where: Where): string {
  return where.label ?? `${(where.method ?? '').toUpperCase()} ${where.path ?? ''}`.trim();
}

/** A node and optionally one of its keys; lists of anchors go from the most to the least specific. */
export type Anchor = [JsonValue | undefined, string?];

/**
 * Turns findings into Changes. Every location it produces is in the head spec: a change to something head has
 * points at it, a removal points at head's nearest surviving parent and names the base location in its message
 * (a base line number on the head file would land on an unrelated line).
 */
export class Emitter {
  constructor(
    readonly base: LoadedSpec,
    readonly head: LoadedSpec,
    readonly sink: (change: Change) => void,
    private readonly levels: ReadonlyMap<string, ChangeLevel>
  ) {}

  private readonly visited = new WeakMap<object, WeakSet<object>>();

  /** True the first time a pair of base and head nodes is offered: shared or cyclic parts are compared once. */
  firstVisit(base: object, head: object): boolean {
    let seen = this.visited.get(base);
    if (!seen) this.visited.set(base, (seen = new WeakSet()));
    if (seen.has(head)) return false;
    seen.add(head);
    return true;
  }

  private place(spec: LoadedSpec, at: readonly Anchor[]): SourceLocation | undefined {
    for (const [node, key] of at) {
      if (node === undefined) continue;
      const location = spec.locate(node, key);
      if (location) return location;
    }
    return undefined;
  }

  private push(id: string, where: Where, message: string, location?: SourceLocation, baseLocation?: SourceLocation) {
    const level = this.levels.get(id);
    if (!level) throw new Error(`unknown check id ${id}`);
    const change: Change = { id, level, message };
    if (where.path !== undefined) change.path = where.path;
    if (where.method !== undefined) change.method = where.method;
    const at = location ?? this.head.locate(this.head.document);
    if (at) change.location = at;
    if (baseLocation) change.baseLocation = baseLocation;
    this.sink(change);
  }

  /** Something the head spec has (added or changed); synthesised nodes (OAS 2.0) have no location. */
  emit(id: string, where: Where, message: string, ...at: Anchor[]): void {
    this.push(id, where, message, this.place(this.head, at));
  }

  /** Something only the base spec has: `was` are its base anchors, `parent` head's surviving parents. */
  removed(id: string, where: Where, message: string, was: readonly Anchor[], parent: readonly Anchor[]): void {
    const baseLocation = this.place(this.base, was);
    this.push(id, where, `${message}${wasAt(baseLocation)}`, this.place(this.head, parent), baseLocation);
  }
}

/**
 * The check id for each kind of difference, or undefined where it is not reported. Ordinary operations use the
 * catalogue of operations.ts; webhooks and callbacks their mirrored ones (outgoing.ts).
 */
export interface Vocabulary {
  /** How the comparator judges request schemas: 'request' when clients send them, 'response' when the API does. */
  requestDirection: 'request' | 'response';
  responseDirection: 'request' | 'response';
  /** Renames a schema check id the comparator reports (identity for ordinary operations). */
  schemaId(id: string): string;
  parameterRemoved(required: boolean): string | undefined;
  parameterAdded(required: boolean): string | undefined;
  parameterBecameRequired?: string;
  parameterBecameOptional?: string;
  parameterLocationChanged?: string;
  parameterStyleChanged?: string;
  parameterExplodeChanged?: string;
  parameterDeprecated?: string;
  bodyAdded(required: boolean): string | undefined;
  bodyRemoved?: string;
  bodyBecameRequired?: string;
  bodyBecameOptional?: string;
  bodyMediaTypeRemoved?: string;
  bodyMediaTypeAdded?: string;
  statusRemoved(success: boolean): string | undefined;
  statusAdded(success: boolean): string | undefined;
  responseMediaTypeRemoved?: string;
  responseMediaTypeAdded?: string;
  headerRemoved(required: boolean): string | undefined;
  headerAdded(required: boolean): string | undefined;
  headerBecameOptional?: string;
  headerBecameRequired?: string;
  /** Response links (OAS 3): only the API's own responses carry links clients follow. */
  links: boolean;
}

// ---- parameters ------------------------------------------------------------------------------------------

/** Path-level parameters apply to every operation unless the operation redefines the same (in, name). */
export function effectiveParameters(
  item: JsonObject,
  op: JsonObject,
  rename?: Map<string, string>
): Map<string, JsonObject> {
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

/** Where head's parameters of one operation are written, for removals: the operation's list, the path's, the operation. */
function parameterParents(headItem: JsonObject, headOp: JsonObject): Anchor[] {
  return [[headOp, 'parameters'], [headItem, 'parameters'], [headOp]];
}

export function schemaSink(e: Emitter, v: Vocabulary): (change: Change) => void {
  return (change) => e.sink({ ...change, id: v.schemaId(change.id) });
}

export function diffParameters(
  e: Emitter,
  v: Vocabulary,
  where: Where,
  compare: SchemaComparator,
  base: Map<string, JsonObject>,
  head: Map<string, JsonObject>,
  headItem: JsonObject,
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
    if (v.parameterLocationChanged) e.emit(v.parameterLocationChanged, where, message, [headParam, 'in'], [headParam]);
  }
  for (const key of removed) {
    if (moved.has(key)) continue;
    const param = base.get(key)!;
    // A removed parameter does not make requests fail (servers ignore what they do not read), but a client that
    // relied on it, e.g. as a filter, silently gets different results: possibly breaking, never compatible.
    const id = v.parameterRemoved(param.required === true);
    if (id)
      e.removed(
        id,
        where,
        `${describe(param)} was removed from ${label}`,
        [[param]],
        parameterParents(headItem, headOp)
      );
  }
  for (const key of added) {
    if (moved.has(key)) continue;
    const param = head.get(key)!;
    const required = param.required === true;
    const id = v.parameterAdded(required);
    if (id)
      e.emit(id, where, `new ${required ? 'required' : 'optional'} ${describe(param)} in ${label}`, [param], [headOp]);
  }
  for (const [key, baseParam] of base) {
    const headParam = head.get(key);
    if (!headParam) continue;
    const name = describe(headParam);
    if (baseParam.required !== true && headParam.required === true) {
      if (v.parameterBecameRequired)
        e.emit(
          v.parameterBecameRequired,
          where,
          `${name} of ${label} became required`,
          [headParam, 'required'],
          [headParam]
        );
    } else if (baseParam.required === true && headParam.required !== true) {
      if (v.parameterBecameOptional)
        e.emit(
          v.parameterBecameOptional,
          where,
          `${name} of ${label} became optional`,
          [headParam, 'required'],
          [headParam]
        );
    }
    if (baseParam.deprecated !== true && headParam.deprecated === true && v.parameterDeprecated) {
      const message = `${name} of ${label} became deprecated`;
      e.emit(v.parameterDeprecated, where, message, [headParam, 'deprecated'], [headParam]);
    }
    if (e.base.version !== '2.0' && e.head.version !== '2.0') {
      const location = str(headParam.in) ?? 'query';
      const baseStyle = str(baseParam.style) ?? defaultStyle(location);
      const headStyle = str(headParam.style) ?? defaultStyle(location);
      if (baseStyle !== headStyle && v.parameterStyleChanged) {
        const message = `style of ${name} of ${label} changed from ${baseStyle} to ${headStyle}`;
        e.emit(v.parameterStyleChanged, where, message, [headParam, 'style'], [headParam]);
      }
      const baseExplode = typeof baseParam.explode === 'boolean' ? baseParam.explode : baseStyle === 'form';
      const headExplode = typeof headParam.explode === 'boolean' ? headParam.explode : headStyle === 'form';
      if (baseExplode !== headExplode && v.parameterExplodeChanged) {
        const message = `explode of ${name} of ${label} changed from ${baseExplode} to ${headExplode}`;
        e.emit(v.parameterExplodeChanged, where, message, [headParam, 'explode'], [headParam]);
      }
    }
    compare(parameterSchema(e.base, baseParam), parameterSchema(e.head, headParam), {
      direction: v.requestDirection,
      ...where,
      where: inner(where, name),
      base: e.base,
      head: e.head,
      emit: schemaSink(e, v)
    });
  }
}

// ---- request bodies --------------------------------------------------------------------------------------

export interface Body {
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

export function requestBodyOf(spec: LoadedSpec, item: JsonObject, op: JsonObject): Body | undefined {
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

/** Labels in messages: "request body (application/json)" of an operation, "POST webhook x, request body" of others. */
function inner(where: Where, what: string): string {
  return where.label === undefined ? what : `${where.label}, ${what}`;
}

export function diffRequestBody(
  e: Emitter,
  v: Vocabulary,
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

// ---- responses -------------------------------------------------------------------------------------------

export function isSuccess(status: string): boolean {
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

export function diffResponses(
  e: Emitter,
  v: Vocabulary,
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
      const id = v.statusRemoved(isSuccess(status));
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
  v: Vocabulary,
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

// ---- links -----------------------------------------------------------------------------------------------

/** What a link makes a client do: which operation it calls and with which values. */
function linkTarget(link: JsonObject): string {
  const ref = str(link.operationRef);
  if (ref !== undefined) return `operationRef ${ref}`;
  const id = str(link.operationId);
  return id !== undefined ? `operationId ${id}` : '(no target)';
}

function canonical(value: JsonValue | undefined): string {
  if (!isObject(value)) return JSON.stringify(value ?? null);
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
    .join(',')}}`;
}

function diffLinks(
  e: Emitter,
  where: Where,
  status: string,
  baseResponse: JsonObject,
  headResponse: JsonObject,
  responseParents: Anchor[]
): void {
  const label = opLabel(where);
  const baseLinks = obj(baseResponse.links);
  const headLinks = obj(headResponse.links);
  for (const [name, raw] of Object.entries(baseLinks)) {
    const link = obj(raw);
    const what = `link "${name}" of response ${status} of ${label}`;
    const headLink = headLinks[name];
    if (!isObject(headLink)) {
      e.removed(
        'response-link-removed',
        where,
        `${what} was removed`,
        [[baseLinks, name], [link]],
        [[headResponse, 'links'], ...responseParents]
      );
      continue;
    }
    if (linkTarget(link) !== linkTarget(headLink)) {
      const message = `${what} now calls ${linkTarget(headLink)} instead of ${linkTarget(link)}`;
      const key = headLink.operationRef !== undefined ? 'operationRef' : 'operationId';
      e.emit('response-link-target-changed', where, message, [headLink, key], [headLink]);
    }
    for (const key of ['parameters', 'requestBody', 'server'] as const) {
      if (canonical(link[key]) === canonical(headLink[key])) continue;
      const message = `${key} of ${what} changed from ${canonical(link[key])} to ${canonical(headLink[key])}`;
      e.emit('response-link-values-changed', where, message, [headLink, key], [headLink]);
    }
  }
  for (const [name, raw] of Object.entries(headLinks)) {
    if (name in baseLinks) continue;
    e.emit(
      'response-link-added',
      where,
      `link "${name}" added to response ${status} of ${label}`,
      [headLinks, name],
      [raw]
    );
  }
}
