// Enum and const values: what a request may send (fewer values break clients) and what a response may carry
// (more values break clients).
import { defineCheck as check } from '../catalog.js';
import type { Comparator } from './comparator.js';
import { text, valueKey, type Shape } from './shape.js';

export const VALUE_CHECKS = [
  check('request-property-enum-value-removed', 'error', 'A request enum value was removed; clients sending it break.'),
  check('response-property-enum-value-removed', 'info', 'A response enum value was removed.'),
  check('request-property-enum-value-added', 'info', 'A request enum value was added.'),
  check('response-property-enum-value-added', 'warning', 'A response enum value was added; clients may not handle it.'),
  check('request-property-became-enum', 'error', 'A free request value was restricted to an enum or const.'),
  check(
    'response-property-became-not-enum',
    'warning',
    'A response value is no longer restricted to an enum or const.'
  ),
  check('request-property-const-changed', 'error', 'A request const changed.'),
  check('response-property-const-changed', 'error', 'A response const changed.')
] as const;

export function compareValues(c: Comparator, b: Shape, h: Shape, path: string): void {
  const req = c.dir === 'request';
  if (!b.values && !h.values) return;
  if (!b.values) {
    if (req)
      c.emit('request-property-became-enum', path, `restricted to ${text(h.values)}`, h, h.isConst ? 'const' : 'enum');
    return;
  }
  if (!h.values) {
    if (!req) c.emit('response-property-became-not-enum', path, `no longer restricted to ${text(b.values)}`, h);
    return;
  }
  if (b.isConst && h.isConst) {
    if (valueKey(b.values[0]) !== valueKey(h.values[0])) {
      const id = req ? 'request-property-const-changed' : 'response-property-const-changed';
      c.emit(id, path, `const changed from ${text(b.values[0])} to ${text(h.values[0])}`, h, 'const');
    }
    return;
  }
  const bKeys = new Set(b.values.map(valueKey));
  const hKeys = new Set(h.values.map(valueKey));
  const key = h.isConst ? 'const' : 'enum';
  for (const v of b.values) {
    if (hKeys.has(valueKey(v))) continue;
    const id = req ? 'request-property-enum-value-removed' : 'response-property-enum-value-removed';
    c.emit(id, path, `enum value ${text(v)} removed`, h, key);
  }
  for (const v of h.values) {
    if (bKeys.has(valueKey(v))) continue;
    const id = req ? 'request-property-enum-value-added' : 'response-property-enum-value-added';
    c.emit(id, path, `enum value ${text(v)} added`, h, key);
  }
}
