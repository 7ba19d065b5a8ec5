// Endpoints: which paths and operations exist, pairing base paths with head paths, removals (judged by
// deprecation and x-sunset), additions, operations moved to another path or method (paired by operationId),
// deprecation, sunset dates, operationIds and renamed path parameters.
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
  check('path-parameter-renamed', 'info', 'A path template parameter was renamed; the URL shape is unchanged'),
  check(
    'operation-moved',
    'error',
    'An operation moved to another path or method (the same operationId): clients calling the old one get 404 or 405'
  )
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

/** An operation only base has, and the check its removal is reported as unless it moved. */
interface Removal {
  where: Where;
  item: JsonObject;
  op: JsonObject;
  idIfUndeprecated: CheckId;
  parent: Anchor[];
}

/** An operation only head has, and the check its addition is reported as unless it moved. */
interface Addition {
  where: Where;
  item: JsonObject;
  op: JsonObject;
  id: CheckId;
}

/** Base path parameters renamed in head, by position (`/a/{id}` -> `/b/{itemId}`); none when the counts differ. */
function templateRenames(basePath: string, headPath: string): Map<string, string> {
  const rename = new Map<string, string>();
  const baseNames = templateNames(basePath);
  const headNames = templateNames(headPath);
  if (baseNames.length !== headNames.length) return rename;
  baseNames.forEach((name, i) => {
    if (headNames[i] !== name) rename.set(name, headNames[i]);
  });
  return rename;
}

/** How many operations of a spec's paths carry each operationId. */
function operationIdCounts(paths: JsonObject): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of Object.values(paths))
    for (const [, op] of operationsOf(obj(item))) {
      const id = str(op.operationId);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  return counts;
}

/**
 * Which removed operation is which added one (moved to another path, method, or both): the same operationId,
 * carried by exactly one operation in each spec. Nothing else pairs them: operations of one shape are common (every
 * DELETE answering 204), so shape alone would pair unrelated ones. A deprecated operation is never paired: its
 * removal is judged by its deprecation and sunset date.
 */
function pairMoves(
  removals: readonly Removal[],
  additions: readonly Addition[],
  baseIds: ReadonlyMap<string, number>,
  headIds: ReadonlyMap<string, number>
): Map<Removal, Addition> {
  const unique = (counts: ReadonlyMap<string, number>, id: string | undefined) =>
    id !== undefined && counts.get(id) === 1;
  const byId = new Map<string, Addition>();
  for (const addition of additions) {
    const id = str(addition.op.operationId);
    if (unique(headIds, id)) byId.set(id!, addition);
  }
  const moves = new Map<Removal, Addition>();
  for (const removal of removals) {
    const id = str(removal.op.operationId);
    if (!unique(baseIds, id) || removal.op.deprecated === true) continue;
    const addition = byId.get(id!);
    if (addition) moves.set(removal, addition);
  }
  return moves;
}

/**
 * Pairs base paths with head paths, then the operations left on one side by operationId (moves), and reports what
 * exists on one side only; `diffOperation` compares each operation both sides have, moved ones included.
 */
export function diffPaths(e: Emitter, now: Date, diffOperation: (pair: OperationPair) => void): void {
  const { base, head } = e;
  const basePaths = obj(base.document.paths);
  const headPaths = obj(head.document.paths);
  const pairs = pairPaths(Object.keys(basePaths), Object.keys(headPaths));
  const pairedHead = new Set(pairs.values());
  const pathsParent: Anchor[] = [[head.document, 'paths'], [head.document]];
  const removals: Removal[] = [];
  const additions: Addition[] = [];

  for (const [basePath, rawItem] of Object.entries(basePaths)) {
    const baseItem = obj(rawItem);
    const headPath = pairs.get(basePath);
    if (headPath === undefined) {
      for (const [method, op] of operationsOf(baseItem)) {
        removals.push({
          where: { path: basePath, method },
          item: baseItem,
          op,
          idIfUndeprecated: 'api-path-removed-without-deprecation',
          parent: pathsParent
        });
      }
      continue;
    }
    const headItem = obj(headPaths[headPath]);
    const rename = templateRenames(basePath, headPath);
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
        removals.push({
          where: { path: basePath, method },
          item: baseItem,
          op: baseOp,
          idIfUndeprecated: 'api-removed-without-deprecation',
          parent: itemParent
        });
        continue;
      }
      diffOperation({ where, rename, base: [baseItem, baseOp], head: [headItem, headOp] });
    }
    for (const [method, headOp] of headOps) {
      if (isObject(baseItem[method])) continue;
      additions.push({ where: { path: headPath, method }, item: headItem, op: headOp, id: 'endpoint-added' });
    }
  }
  for (const [headPath, rawItem] of Object.entries(headPaths)) {
    if (pairedHead.has(headPath)) continue;
    const headItem = obj(rawItem);
    for (const [method, op] of operationsOf(headItem))
      additions.push({ where: { path: headPath, method }, item: headItem, op, id: 'api-path-added' });
  }

  const moves = pairMoves(removals, additions, operationIdCounts(basePaths), operationIdCounts(headPaths));
  const moved = new Set(moves.values());
  for (const removal of removals) {
    const addition = moves.get(removal);
    if (!addition) {
      reportRemoved(e, removal.where, [removal.item, removal.op], removal.idIfUndeprecated, now, removal.parent);
      continue;
    }
    const [from, to] = [removal.where, addition.where];
    const message = `${opLabel(from)} moved to ${opLabel(to)} (operationId "${str(addition.op.operationId)}")`;
    e.moved(
      'operation-moved',
      to,
      message,
      [[addition.item, to.method], [addition.op]],
      [[removal.item, from.method], [removal.op]]
    );
    diffOperation({
      where: to,
      rename: templateRenames(from.path!, to.path!),
      base: [removal.item, removal.op],
      head: [addition.item, addition.op]
    });
  }
  for (const addition of additions) {
    if (moved.has(addition)) continue;
    const { path, method } = addition.where;
    e.emit(addition.id, addition.where, `${method!.toUpperCase()} ${path} was added`, [addition.op]);
  }
}
