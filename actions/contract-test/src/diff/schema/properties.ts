// Object properties: removed, added, and required-ness, each judged by who sends the object; every property
// both sides have is then compared as a schema of its own. readOnly/writeOnly (access.ts) decide which
// properties belong to a direction at all; additionalProperties is additional.ts; a removed and an added property
// of the same schema are paired as a rename by renames.ts.
import { defineCheck as check } from '../catalog.js';
import { compareAccess, outOfDirection } from './access.js';
import { compareAdditional } from './additional.js';
import type { Comparator } from './comparator.js';
import { pairRenames } from './renames.js';
import { isObject, type Shape } from './shape.js';

export const PROPERTY_CHECKS = [
  check('response-property-removed', 'error', 'A response property was removed; clients reading it break.'),
  check(
    'request-property-removed',
    'warning',
    'A request property was removed; servers may reject clients still sending it.'
  ),
  check('new-required-request-property', 'error', 'A new required request property; existing clients do not send it.'),
  check('new-optional-request-property', 'info', 'A new optional request property.'),
  check('response-property-added', 'info', 'A new response property.'),
  check('request-property-became-required', 'error', 'An optional request property became required.'),
  check('request-property-became-optional', 'info', 'A required request property became optional.'),
  check(
    'response-property-became-optional',
    'error',
    'A required response property became optional; typed clients that rely on it break when it is missing.'
  ),
  check('response-property-became-required', 'info', 'An optional response property became required.')
] as const;

export function compareObject(c: Comparator, b: Shape, h: Shape, path: string): void {
  const req = c.dir === 'request';
  const absent = (s: Shape) => outOfDirection(c, s);
  const child = (name: string) => (path ? `${path}.${name}` : name);
  const names = [...new Set([...b.properties.keys(), ...h.properties.keys()])];
  // Properties one side has, within the direction's contract; a removed and an added one of the same schema are
  // one property renamed (renames.ts).
  const only = (side: Shape, other: Shape) =>
    new Set(
      names.filter((name) => {
        const node = side.properties.get(name);
        if (node === undefined || other.properties.has(name)) return false;
        return !(isObject(node) && absent(c.shape(node)));
      })
    );
  const removed = only(b, h);
  const added = only(h, b);
  const renames = pairRenames(c.equality, b, h, [...removed], [...added]);
  const renamedTo = new Set(renames.values());
  for (const name of names) {
    const bNode = b.properties.get(name);
    const hNode = h.properties.get(name);
    const at = child(name);
    if (bNode !== undefined && hNode === undefined) {
      if (!removed.has(name)) continue;
      const to = renames.get(name);
      if (to !== undefined) {
        const id = req ? 'request-property-renamed' : 'response-property-renamed';
        c.emitRemoved(id, at, `renamed to "${to}"`, b, `properties.${name}`, h, `properties.${to}`);
        continue;
      }
      c.emitRemoved(
        req ? 'request-property-removed' : 'response-property-removed',
        at,
        'removed',
        b,
        `properties.${name}`,
        h,
        'properties'
      );
      continue;
    }
    if (bNode === undefined && hNode !== undefined) {
      if (!added.has(name) || renamedTo.has(name)) continue;
      if (!req) c.emit('response-property-added', at, 'added', h, `properties.${name}`);
      else if (h.required.has(name))
        c.emit('new-required-request-property', at, 'added as required', h, `properties.${name}`);
      else c.emit('new-optional-request-property', at, 'added as optional', h, `properties.${name}`);
      continue;
    }
    const bs = isObject(bNode) ? c.shape(bNode) : undefined;
    const hs = isObject(hNode) ? c.shape(hNode) : undefined;
    if (bs && hs) {
      if (absent(bs) && absent(hs)) continue;
      if (compareAccess(c, bs, hs, at)) continue;
    }
    const bReq = b.required.has(name);
    const hReq = h.required.has(name);
    if (bReq !== hReq) {
      const id = req
        ? hReq
          ? 'request-property-became-required'
          : 'request-property-became-optional'
        : hReq
          ? 'response-property-became-required'
          : 'response-property-became-optional';
      c.emit(id, at, hReq ? 'became required' : 'became optional', h, `properties.${name}`);
    }
    c.compare(bNode, hNode, at);
  }
  compareAdditional(c, b, h, path);
}
