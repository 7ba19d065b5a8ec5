// Endpoints: which paths and operations exist, pairing base paths with head paths, removals (judged by
// deprecation and x-sunset), additions, deprecation, sunset dates, operationIds and renamed path parameters.
import type { JsonObject } from '../spec/types.js';
import { defineCheck as check } from './catalog.js';
import { isObject, obj, opLabel, str, type Anchor, type Emitter, type Where } from './emitter.js';
import type { CheckId } from './registry.js';

export const ENDPOINT_CHECKS = [
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
  check('path-parameter-renamed', 'info', 'A path template parameter was renamed; the URL shape is unchanged')
] as const;

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** `/items/{id}` and `/items/{itemId}` address the same URLs, so they must pair. */
export function normalisePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}
function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
}

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
  idIfUndeprecated: CheckId,
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

/** Deprecation, sunset and operationId of an operation both sides have. */
export function diffDeprecation(e: Emitter, where: Where, base: JsonObject, head: JsonObject): void {
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

/**
 * Which head path each base path is: the same name first, then a remaining path of the same shape (a renamed
 * template parameter), one to one and in spec order. A spec may hold several paths of one shape
 * (`/contacts/{email}` beside `/contacts/{id}`): each keeps its own partner.
 */
export function pairPaths(basePaths: readonly string[], headPaths: readonly string[]): Map<string, string> {
  const pairs = new Map<string, string>();
  const heads = new Set(headPaths);
  for (const path of basePaths) if (heads.has(path)) pairs.set(path, path);
  const unpairedByShape = new Map<string, string[]>();
  for (const path of headPaths) {
    if (pairs.get(path) === path) continue;
    const shape = normalisePath(path);
    unpairedByShape.set(shape, [...(unpairedByShape.get(shape) ?? []), path]);
  }
  for (const path of basePaths) {
    if (pairs.has(path)) continue;
    const partner = unpairedByShape.get(normalisePath(path))?.shift();
    if (partner !== undefined) pairs.set(path, partner);
  }
  return pairs;
}

/** One operation both sides have, with its path items and how base path parameters are named in head. */
export interface OperationPair {
  where: Where;
  rename: Map<string, string>;
  base: [JsonObject, JsonObject];
  head: [JsonObject, JsonObject];
}

/**
 * Pairs base paths with head paths and reports what exists on one side only; `diffOperation` compares each
 * operation both sides have.
 */
export function diffPaths(e: Emitter, now: Date, diffOperation: (pair: OperationPair) => void): void {
  const { base, head } = e;
  const basePaths = obj(base.document.paths);
  const headPaths = obj(head.document.paths);
  const pairs = pairPaths(Object.keys(basePaths), Object.keys(headPaths));
  const pairedHead = new Set(pairs.values());
  const pathsParent: Anchor[] = [[head.document, 'paths'], [head.document]];

  for (const [basePath, rawItem] of Object.entries(basePaths)) {
    const baseItem = obj(rawItem);
    const headPath = pairs.get(basePath);
    if (headPath === undefined) {
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
      diffOperation({ where, rename, base: [baseItem, baseOp], head: [headItem, headOp] });
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
}
