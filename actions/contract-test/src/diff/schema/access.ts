// readOnly and writeOnly: a readOnly property is never sent by clients and a writeOnly one never returned, so
// each is outside one direction's contract; a property that moves in or out of it is reported here.
import { defineCheck as check } from '../catalog.js';
import type { Comparator } from './comparator.js';
import type { Shape } from './shape.js';

export const ACCESS_CHECKS = [
  check(
    'request-property-became-read-only',
    'error',
    'A request property became readOnly; clients sending it may be rejected or ignored.'
  ),
  check('request-property-became-not-read-only', 'info', 'A readOnly property can now be sent in requests.'),
  check(
    'response-property-became-write-only',
    'error',
    'A response property became writeOnly; it is no longer returned.'
  ),
  check('response-property-became-not-write-only', 'info', 'A writeOnly property is now returned in responses.')
] as const;

/** Whether a property is outside the contract of the direction compared (readOnly in requests, writeOnly in responses). */
export function outOfDirection(c: Comparator, s: Shape): boolean {
  return c.dir === 'request' ? s.readOnly : s.writeOnly;
}

/** Reports a property that moved in or out of the direction's contract; true when it did (nothing else to compare). */
export function compareAccess(c: Comparator, bs: Shape, hs: Shape, at: string): boolean {
  if (c.dir === 'request' && hs.readOnly !== bs.readOnly) {
    const id = hs.readOnly ? 'request-property-became-read-only' : 'request-property-became-not-read-only';
    c.emit(id, at, hs.readOnly ? 'became readOnly' : 'is no longer readOnly', hs, 'readOnly');
    return true;
  }
  if (c.dir === 'response' && hs.writeOnly !== bs.writeOnly) {
    const id = hs.writeOnly ? 'response-property-became-write-only' : 'response-property-became-not-write-only';
    c.emit(id, at, hs.writeOnly ? 'became writeOnly' : 'is no longer writeOnly', hs, 'writeOnly');
    return true;
  }
  return false;
}
