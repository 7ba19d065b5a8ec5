// Operation-level breaking-change checks: endpoints, parameters, request bodies, responses, links, security and
// servers of the API's own operations, then its webhooks and callbacks (outgoing.ts). Everything inside a schema
// is delegated to an injected comparator so this module can be tested (and evolve) independently of the schema
// comparator; what operations share with webhooks and callbacks is in exchange.ts.
import type { Change, CheckInfo, JsonObject, JsonValue, LoadedSpec } from '../spec/types.js';
import { defineCheck } from './catalog.js';
import {
  arr,
  diffParameters,
  diffRequestBody,
  diffResponses,
  effectiveParameters,
  Emitter,
  isObject,
  obj,
  opLabel,
  requestBodyOf,
  str,
  type Anchor,
  type SchemaComparator,
  type Vocabulary,
  type Where
} from './exchange.js';
import { diffCallbacks, diffWebhooks, OUTGOING_CHECKS } from './outgoing.js';

export type { SchemaCompareContext, SchemaComparator } from './exchange.js';

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
  check('server-scheme-removed', 'warning', 'A transfer scheme (OAS 2.0 schemes) was removed'),
  check(
    'response-link-removed',
    'warning',
    'A response link was removed: clients that follow it (generated hypermedia clients) lose the next call'
  ),
  check('response-link-target-changed', 'warning', 'A response link now calls another operation'),
  check(
    'response-link-values-changed',
    'warning',
    'The parameters, request body or server a response link passes on changed'
  ),
  check('response-link-added', 'info', 'A response link was added')
];

const LEVELS = new Map([...OPERATION_CHECKS, ...OUTGOING_CHECKS].map((c) => [c.id, c.level]));
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The API's own operations: clients send requests and read responses. */
const API_VOCABULARY: Vocabulary = {
  requestDirection: 'request',
  responseDirection: 'response',
  schemaId: (id) => id,
  parameterRemoved: () => 'request-parameter-removed',
  parameterAdded: (required) => (required ? 'new-required-request-parameter' : 'new-optional-request-parameter'),
  parameterBecameRequired: 'request-parameter-became-required',
  parameterBecameOptional: 'request-parameter-became-optional',
  parameterLocationChanged: 'request-parameter-location-changed',
  parameterStyleChanged: 'request-parameter-style-changed',
  parameterExplodeChanged: 'request-parameter-explode-changed',
  parameterDeprecated: 'request-parameter-deprecated',
  bodyAdded: (required) => (required ? 'request-body-added-required' : 'request-body-added-optional'),
  bodyRemoved: 'request-body-removed',
  bodyBecameRequired: 'request-body-became-required',
  bodyBecameOptional: 'request-body-became-optional',
  bodyMediaTypeRemoved: 'request-body-media-type-removed',
  bodyMediaTypeAdded: 'request-body-media-type-added',
  statusRemoved: (success) => (success ? 'response-success-status-removed' : 'response-non-success-status-removed'),
  statusAdded: (success) => (success ? 'response-success-status-added' : 'response-non-success-status-added'),
  responseMediaTypeRemoved: 'response-media-type-removed',
  responseMediaTypeAdded: 'response-media-type-added',
  headerRemoved: (required) => (required ? 'response-required-header-removed' : 'response-optional-header-removed'),
  headerAdded: () => 'response-header-added',
  headerBecameOptional: 'response-header-became-optional',
  links: true
};

/** `/items/{id}` and `/items/{itemId}` address the same URLs, so they must pair. */
export function normalisePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}
function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
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

export function operationsOf(item: JsonObject): [string, JsonObject][] {
  return METHODS.filter((m) => isObject(item[m])).map((m) => [m, item[m] as JsonObject]);
}

function reportRemoved(
  e: Emitter,
  where: Where,
  [item, op]: [JsonObject, JsonObject],
  idIfUndeprecated: string,
  now: Date,
  parent: Anchor[]
): void {
  const label = opLabel(where);
  // Where the removed operation was: its method key in the base path item.
  const was: Anchor[] = [[item, where.method], [op]];
  if (op.deprecated !== true) {
    e.removed(idIfUndeprecated, where, `${label} was removed without being deprecated first`, was, parent);
    return;
  }
  const sunset = sunsetOf(op);
  if (sunset && sunset.getTime() > now.getTime()) {
    const message = `${label} was removed before its sunset date ${day(sunset)}`;
    e.removed('api-removed-before-sunset', where, message, was, parent);
  } else {
    e.removed('api-removed-after-deprecation', where, `deprecated ${label} was removed`, was, parent);
  }
}

function diffDeprecation(e: Emitter, where: Where, base: JsonObject, head: JsonObject): void {
  const label = opLabel(where);
  const wasDeprecated = base.deprecated === true;
  const isDeprecated = head.deprecated === true;
  const headSunset = sunsetOf(head);
  if (!wasDeprecated && isDeprecated) {
    const sunset = headSunset ? `, sunset ${day(headSunset)}` : ', no sunset date';
    e.emit('endpoint-deprecated', where, `${label} became deprecated${sunset}`, [head, 'deprecated'], [head]);
  } else if (wasDeprecated && !isDeprecated) {
    e.emit('endpoint-reactivated', where, `${label} is no longer deprecated`, [head]);
  } else if (wasDeprecated && isDeprecated) {
    const baseSunset = sunsetOf(base);
    if (baseSunset && headSunset && headSunset.getTime() < baseSunset.getTime()) {
      const message = `sunset of ${label} moved earlier from ${day(baseSunset)} to ${day(headSunset)}`;
      e.emit('api-sunset-date-brought-forward', where, message, [head, 'x-sunset'], [head]);
    } else if (headSunset && (!baseSunset || headSunset.getTime() !== baseSunset.getTime())) {
      const from = baseSunset ? day(baseSunset) : 'none';
      const message = `sunset of ${label} changed from ${from} to ${day(headSunset)}`;
      e.emit('api-sunset-date-changed', where, message, [head, 'x-sunset'], [head]);
    }
  }
  const baseId = str(base.operationId);
  const headId = str(head.operationId);
  if (baseId !== undefined && headId !== baseId) {
    const message = `operationId of ${label} changed from "${baseId}" to ${headId ? `"${headId}"` : 'none'}`;
    e.emit('operation-id-changed', where, message, [head, 'operationId'], [head]);
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
  const at: Anchor[] = [[headNode, 'security'], [headNode]];
  const baseAt: Anchor[] = [[baseNode, 'security'], [baseNode]];
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
            ...at
          );
        }
        if (dropped.length > 0) {
          e.emit(
            'security-scope-removed',
            where,
            `${scope} requirement ${scheme} no longer needs scope(s) ${dropped.join(', ')}`,
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
      e.emit('security-requirement-added', where, `${scope} now requires ${describeAlt(alt)} (was ${from})`, ...at);
    } else {
      e.emit('security-alternative-added', where, `${scope} now also accepts ${describeAlt(alt)}`, ...at);
    }
  }
  const newAlternatives = [...headKeys.keys()].some((k) => !baseKeys.has(k) && k !== '');
  for (const [key, alt] of baseKeys) {
    if (headKeys.has(key)) continue;
    if (!stranded.includes(alt)) {
      e.emit('security-requirement-removed', where, `${scope} no longer requires ${describeAlt(alt)}`, ...at);
    } else if (!newAlternatives) {
      e.removed('security-alternative-removed', where, `${scope} no longer accepts ${describeAlt(alt)}`, baseAt, at);
    }
  }
}

function schemesOf(spec: LoadedSpec): JsonObject {
  return spec.version === '2.0'
    ? obj(spec.document.securityDefinitions)
    : obj(obj(spec.document.components).securitySchemes);
}

/** Where head keeps its scheme definitions, for a removed one. */
function schemesParents(spec: LoadedSpec): Anchor[] {
  const doc = spec.document;
  if (spec.version === '2.0') return [[doc, 'securityDefinitions'], [doc]];
  const components = obj(doc.components);
  return [[components, 'securitySchemes'], [doc, 'components'], [doc]];
}

function diffSecuritySchemes(e: Emitter): void {
  const base = schemesOf(e.base);
  const head = schemesOf(e.head);
  for (const [name, raw] of Object.entries(base)) {
    const scheme = obj(raw);
    const headScheme = head[name];
    if (!isObject(headScheme)) {
      e.removed(
        'security-scheme-removed',
        {},
        `security scheme "${name}" was removed`,
        [[base, name], [scheme]],
        schemesParents(e.head)
      );
      continue;
    }
    const shape = (s: JsonObject) => [s.type, s.in, s.name, s.scheme].map((v) => String(v ?? '')).join('/');
    if (shape(scheme) !== shape(headScheme)) {
      const message = `security scheme "${name}" changed from ${shape(scheme)} to ${shape(headScheme)}`;
      e.emit('security-scheme-type-changed', {}, message, [headScheme, 'type'], [headScheme]);
    }
  }
  for (const [name, raw] of Object.entries(head)) {
    if (name in base) continue;
    e.emit('security-scheme-added', {}, `security scheme "${name}" was added`, [head, name], [raw]);
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

/** A `servers` list, with where head writes it (for removals) and where a new or changed entry's key is. */
interface ServerList {
  servers: ServerUrl[];
  /** The object holding the list (the document, a path item or an operation). */
  owner: JsonObject;
}

function documentServers(spec: LoadedSpec): ServerList {
  const doc = spec.document;
  if (spec.version === '2.0') {
    const host = str(doc.host) ?? '';
    return { servers: [parseServer(`//${host}${str(doc.basePath) ?? '/'}`, doc)], owner: doc };
  }
  return { servers: serverList(doc.servers, doc), owner: doc };
}

function serverList(value: JsonValue | undefined, fallback: JsonObject): ServerUrl[] {
  const list = arr(value).filter(isObject);
  // With no servers the spec's base URL is "/" (OAS 3).
  if (list.length === 0) return [parseServer('/', fallback)];
  return list.map((s) => parseServer(str(s.url) ?? '/', s));
}

/** The servers an operation is called on: its own, else its path item's, else the document's (OAS 3). */
function operationServers(spec: LoadedSpec, item: JsonObject, op: JsonObject): ServerList | undefined {
  if (arr(op.servers).length > 0) return { servers: serverList(op.servers, op), owner: op };
  if (arr(item.servers).length > 0) return { servers: serverList(item.servers, item), owner: item };
  return undefined;
}

function diffServerLists(e: Emitter, where: Where, baseList: ServerList, headList: ServerList): void {
  const base = baseList.servers;
  const head = headList.servers;
  const scope = where.path === undefined ? '' : ` for ${opLabel(where)}`;
  const parent: Anchor[] = [[headList.owner, 'servers'], [headList.owner]];
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
      e.removed('server-removed', where, `server ${b.url} was removed${scope}`, [[b.node, 'url'], [b.node]], parent);
      continue;
    }
    taken.add(partner);
    if (partner.path !== b.path) {
      const message = `base path${scope} changed from ${b.path} to ${partner.path} (server ${b.url} -> ${partner.url})`;
      const key = e.head.version === '2.0' ? 'basePath' : 'url';
      e.emit('server-url-changed', where, message, [partner.node, key], [partner.node], ...parent);
    } else if (partner.host !== b.host) {
      const message = `server host${scope} changed from ${b.host || '(none)'} to ${partner.host || '(none)'} (${b.url} -> ${partner.url})`;
      const key = e.head.version === '2.0' ? 'host' : 'url';
      e.emit('server-host-changed', where, message, [partner.node, key], [partner.node], ...parent);
    }
  }
  for (const h of unmatchedHead) {
    if (taken.has(h)) continue;
    e.emit('server-added', where, `server ${h.url} was added${scope}`, [h.node, 'url'], [h.node], ...parent);
  }
}

function diffServers(e: Emitter): void {
  diffServerLists(e, {}, documentServers(e.base), documentServers(e.head));
  if (e.base.version === '2.0' && e.head.version === '2.0') {
    const headSchemes = new Set(arr(e.head.document.schemes).map(String));
    if (headSchemes.size > 0) {
      for (const scheme of arr(e.base.document.schemes).map(String)) {
        if (!headSchemes.has(scheme)) {
          e.emit('server-scheme-removed', {}, `scheme ${scheme} is no longer served`, [e.head.document, 'schemes']);
        }
      }
    }
  }
}

// ---- entry -----------------------------------------------------------------------------------------------

function diffOperation(
  e: Emitter,
  compare: SchemaComparator,
  where: Where,
  rename: Map<string, string>,
  [baseItem, baseOp]: [JsonObject, JsonObject],
  [headItem, headOp]: [JsonObject, JsonObject]
): void {
  const { base, head } = e;
  diffDeprecation(e, where, baseOp, headOp);
  diffParameters(
    e,
    API_VOCABULARY,
    where,
    compare,
    effectiveParameters(baseItem, baseOp, rename),
    effectiveParameters(headItem, headOp),
    headItem,
    headOp
  );
  diffRequestBody(
    e,
    API_VOCABULARY,
    where,
    compare,
    headOp,
    requestBodyOf(base, baseItem, baseOp),
    requestBodyOf(head, headItem, headOp)
  );
  diffResponses(e, API_VOCABULARY, where, compare, baseOp, headOp);
  if (baseOp.security !== undefined || headOp.security !== undefined) {
    const baseSecurity = baseOp.security ?? base.document.security;
    const headSecurity = headOp.security ?? head.document.security;
    diffSecurity(e, where, `${opLabel(where)}`, baseSecurity, headSecurity, headOp, baseOp);
  }
  if (base.version !== '2.0' && head.version !== '2.0') {
    // Path- and operation-level servers override the document's for this operation only.
    const baseServers = operationServers(base, baseItem, baseOp);
    const headServers = operationServers(head, headItem, headOp);
    if (baseServers || headServers)
      diffServerLists(
        e,
        where,
        baseServers ?? documentServers(base),
        headServers ?? { ...documentServers(head), owner: headOp }
      );
  }
  diffCallbacks(e, compare, where, baseOp, headOp);
}

export function diffOperations(
  base: LoadedSpec,
  head: LoadedSpec,
  compare: SchemaComparator,
  emit: (change: Change) => void,
  options: OperationDiffOptions = {}
): void {
  const now = options.now ?? new Date();
  const e = new Emitter(base, head, emit, LEVELS);
  const basePaths = obj(base.document.paths);
  const headPaths = obj(head.document.paths);
  const headByShape = new Map<string, string>();
  for (const path of Object.keys(headPaths))
    if (!headByShape.has(normalisePath(path))) headByShape.set(normalisePath(path), path);
  const pairedHead = new Set<string>();
  const pathsParent: Anchor[] = [[head.document, 'paths'], [head.document]];

  for (const [basePath, rawItem] of Object.entries(basePaths)) {
    const baseItem = obj(rawItem);
    const headPath = headByShape.get(normalisePath(basePath));
    if (headPath === undefined || pairedHead.has(headPath)) {
      for (const [method, op] of operationsOf(baseItem)) {
        reportRemoved(
          e,
          { path: basePath, method },
          [baseItem, op],
          'api-path-removed-without-deprecation',
          now,
          pathsParent
        );
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
        [headPaths, headPath],
        [headItem]
      );
    }

    const headOps = new Map(operationsOf(headItem));
    const itemParent: Anchor[] = [[headPaths, headPath], [headItem], ...pathsParent];
    for (const [method, baseOp] of operationsOf(baseItem)) {
      const where = { path: headPath, method };
      const headOp = headOps.get(method);
      if (!headOp) {
        reportRemoved(
          e,
          { path: basePath, method },
          [baseItem, baseOp],
          'api-removed-without-deprecation',
          now,
          itemParent
        );
        continue;
      }
      diffOperation(e, compare, where, rename, [baseItem, baseOp], [headItem, headOp]);
    }
    for (const [method, headOp] of headOps) {
      if (isObject(baseItem[method])) continue;
      e.emit('endpoint-added', { path: headPath, method }, `${method.toUpperCase()} ${headPath} was added`, [headOp]);
    }
  }
  for (const [headPath, rawItem] of Object.entries(headPaths)) {
    if (pairedHead.has(headPath)) continue;
    for (const [method, op] of operationsOf(obj(rawItem))) {
      e.emit('api-path-added', { path: headPath, method }, `${method.toUpperCase()} ${headPath} was added`, [op]);
    }
  }

  diffSecurity(e, {}, 'global security', base.document.security, head.document.security, head.document, base.document);
  diffSecuritySchemes(e);
  diffServers(e);
  diffWebhooks(e, compare);
}
