// Types: a request type that no longer accepts a kind of value, or a response type that may carry a new kind.
import { defineCheck as check } from '../catalog.js';
import type { Comparator } from './comparator.js';
import { covers, type Shape } from './shape.js';

export const TYPE_CHECKS = [
  check('request-property-type-changed', 'error', 'A request type no longer accepts values it accepted.'),
  check(
    'response-property-type-changed',
    'error',
    'A response type may now carry values of a type clients do not expect.'
  ),
  check('request-property-type-widened', 'info', 'A request type accepts more (e.g. integer to number).'),
  check(
    'response-property-type-narrowed',
    'info',
    'A response type carries fewer kinds of values (e.g. number to integer).'
  )
] as const;

/** Returns false when the types are incompatible, since checks of type-specific keywords would be noise. */
export function compareTypes(c: Comparator, b: Shape, h: Shape, path: string): boolean {
  if (!b.types || !h.types) return true;
  const lost = [...b.types].filter((t) => !covers(h.types!, t));
  const gained = [...h.types].filter((t) => !covers(b.types!, t));
  if (lost.length === 0 && gained.length === 0) return true;
  const what = `type changed from ${[...b.types].join('|')} to ${[...h.types].join('|')}`;
  if (c.dir === 'request') {
    if (lost.length > 0) {
      c.emit('request-property-type-changed', path, what, h, 'type');
      return false;
    }
    c.emit('request-property-type-widened', path, what, h, 'type');
  } else {
    if (gained.length > 0) {
      c.emit('response-property-type-changed', path, what, h, 'type');
      return false;
    }
    c.emit('response-property-type-narrowed', path, what, h, 'type');
  }
  return true;
}
