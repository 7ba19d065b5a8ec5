// Stateful sequences: create a resource, read it back, delete it, read it again. The way from the create response
// to the read request comes from OpenAPI links, then from inference (POST /things -> GET /things/{id}, the id
// taken from the body), then from a Location header.
import type { JsonValue } from '../spec/types.js';
import { isObject, matchOperationPath, templateRegex, type ApiModel, type LinkModel, type Operation } from './model.js';
import { textOf } from '../../../../shared/src/lib/text.js';

export type Binding = { kind: 'link'; link: LinkModel } | { kind: 'inferred'; param: string } | { kind: 'location' };

export interface ReadTarget {
  read: Operation;
  /** The DELETE on the same path, when the spec has one. */
  remove?: Operation;
  binding: Binding;
}

export interface SequencePlan {
  create: Operation;
  targets: ReadTarget[];
}

function successKeys(op: Operation): boolean {
  return op.responses.some((r) => /^2(\d\d|XX)$/i.test(r.key));
}

function resolveOperationRef(model: ApiModel, link: LinkModel): Operation | undefined {
  if (link.operationId !== undefined) return model.operations.find((o) => o.operationId === link.operationId);
  if (link.operationRef !== undefined) {
    const match = /#\/paths\/([^/]+)\/([a-z]+)$/.exec(link.operationRef);
    if (!match) return undefined;
    const path = decodeURIComponent(match[1]).replace(/~1/g, '/').replace(/~0/g, '~');
    return model.operations.find((o) => o.path === path && o.method === match[2]);
  }
  return undefined;
}

export function planSequences(model: ApiModel): SequencePlan[] {
  const plans: SequencePlan[] = [];
  const byKey = (method: string, path: string) => model.operations.find((o) => o.method === method && o.path === path);
  for (const create of model.operations) {
    if (create.method !== 'post' && create.method !== 'put') continue;
    if (!successKeys(create)) continue;
    const targets: ReadTarget[] = [];
    const seen = new Set<Operation>();
    for (const response of create.responses) {
      if (!/^2/.test(response.key)) continue;
      for (const link of response.links) {
        const target = resolveOperationRef(model, link);
        if (!target || target.method !== 'get' || seen.has(target)) continue;
        seen.add(target);
        targets.push({ read: target, remove: byKey('delete', target.path), binding: { kind: 'link', link } });
      }
    }
    if (create.method === 'post') {
      for (const read of model.operations) {
        if (read.method !== 'get' || seen.has(read)) continue;
        const match = new RegExp(`^${escapeRegex(create.path.replace(/\/$/, ''))}/\\{([^}/]+)\\}$`).exec(read.path);
        if (!match) continue;
        seen.add(read);
        targets.push({ read, remove: byKey('delete', read.path), binding: { kind: 'inferred', param: match[1] } });
      }
    }
    const headerDocumented = create.responses.some(
      (r) => /^2/.test(r.key) && r.headers.some((h) => h.name.toLowerCase() === 'location')
    );
    if (targets.length === 0 && headerDocumented) targets.push({ read: create, binding: { kind: 'location' } });
    if (targets.length > 0) plans.push({ create, targets });
  }
  return plans;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface CreateExchange {
  requestUrl: string;
  requestBody: JsonValue | undefined;
  requestParams: Map<string, JsonValue>;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type ReadBinding =
  /** Path parameter values for the read operation; `capture` says where the id came from (for replays). */
  | { params: Record<string, JsonValue>; capture: Capture }
  /** A Location header: the concrete path to read, and the operation whose template it matches. */
  | { concretePath: string; read: Operation; capture: Capture };

export interface Capture {
  from: 'body' | 'header';
  /** JSON pointer into the body, or a header name. */
  at: string;
  value: string;
}

function pointer(body: unknown, path: string): JsonValue | undefined {
  if (path === '' || path === '/') return body as JsonValue;
  let node: unknown = body;
  for (const raw of path.replace(/^\//, '').split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
  }
  return node as JsonValue | undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Evaluates an OpenAPI runtime expression ($response.body#/id, $response.header.Location, $request.path.x ...). */
export function runtimeExpression(
  expression: JsonValue,
  exchange: CreateExchange
): { value: JsonValue; capture?: Capture } | undefined {
  if (typeof expression !== 'string' || !expression.startsWith('$')) return { value: expression };
  const body = /^\$response\.body(?:#(.*))?$/.exec(expression);
  if (body) {
    const value = pointer(parseJson(exchange.body), body[1] ?? '');
    if (value === undefined || (value !== null && typeof value === 'object')) return undefined;
    return { value, capture: { from: 'body', at: body[1] ?? '', value: String(value) } };
  }
  const header = /^\$response\.header\.(.+)$/.exec(expression);
  if (header) {
    const name = header[1].toLowerCase();
    const value = exchange.headers[name];
    return value === undefined ? undefined : { value, capture: { from: 'header', at: name, value } };
  }
  const request = /^\$request\.(path|query|header)\.(.+)$/.exec(expression);
  if (request) {
    const value = exchange.requestParams.get(`${request[1]}.${request[2]}`);
    return value === undefined ? undefined : { value };
  }
  const requestBody = /^\$request\.body(?:#(.*))?$/.exec(expression);
  if (requestBody) {
    const value = pointer(exchange.requestBody, requestBody[1] ?? '');
    return value === undefined ? undefined : { value };
  }
  if (expression === '$statusCode') return { value: exchange.status };
  return undefined;
}

/** The id a created resource answers to, by the common names, in the body or one level down ({data: {...}}). */
function inferredId(body: unknown, param: string): { value: JsonValue; at: string } | undefined {
  const names = [param, 'id', param.replace(/[-_]?id$/i, '') + 'Id', param.replace(/Id$/, '_id'), '_id', 'uuid', 'key'];
  const look = (node: unknown, prefix: string) => {
    if (!isObject(node)) return undefined;
    for (const name of names) {
      const value = node[name];
      if (typeof value === 'string' || typeof value === 'number') return { value, at: `${prefix}/${name}` };
    }
    return undefined;
  };
  const direct = look(body, '');
  if (direct) return direct;
  if (isObject(body)) {
    for (const [key, value] of Object.entries(body)) {
      const nested = look(value, `/${key}`);
      if (nested) return nested;
    }
  }
  return undefined;
}

/** How to read back what `create` made, from its response; undefined when the response does not say. */
export function bindRead(model: ApiModel, target: ReadTarget, exchange: CreateExchange): ReadBinding | undefined {
  const location = exchange.headers['location'];
  if (target.binding.kind === 'link') {
    const params: Record<string, JsonValue> = {};
    let capture: Capture | undefined;
    for (const [name, expression] of Object.entries(target.binding.link.parameters)) {
      const result = runtimeExpression(expression, exchange);
      if (!result) return undefined;
      params[name.replace(/^(path|query|header|cookie)\./, '')] = result.value;
      capture ??= result.capture;
    }
    const missing = target.read.parameters.some((p) => p.in === 'path' && params[p.name] === undefined);
    if (missing || !capture) return undefined;
    return { params, capture };
  }
  if (target.binding.kind === 'inferred') {
    const found = inferredId(parseJson(exchange.body), target.binding.param);
    if (found) {
      return {
        params: { [target.binding.param]: found.value },
        capture: { from: 'body', at: found.at, value: textOf(found.value) }
      };
    }
  }
  if (location !== undefined) {
    let path: string;
    try {
      const url = new URL(location, exchange.requestUrl);
      path = `${url.pathname}${url.search}`;
    } catch {
      return undefined;
    }
    const base = model.basePath;
    const relative = base !== '' && path.startsWith(`${base}/`) ? path.slice(base.length) : path;
    const template =
      target.binding.kind === 'location' ? matchOperationPath(model, relative.split('?')[0]) : target.read.path;
    if (!template || !templateRegex(template).test(relative.split('?')[0])) return undefined;
    const read = model.operations.find((o) => o.path === template && o.method === 'get');
    if (!read) return undefined;
    return { concretePath: relative, read, capture: { from: 'header', at: 'location', value: location } };
  }
  return undefined;
}
