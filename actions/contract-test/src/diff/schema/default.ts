// Defaults: a client that omits a value gets the default, so a changed default changes its behaviour.
import { defineCheck as check } from '../catalog.js';
import type { Comparator } from './comparator.js';
import { text, valueKey, type Shape } from './shape.js';

export const DEFAULT_CHECKS = [
  check(
    'request-property-default-changed',
    'warning',
    'A request default changed; clients omitting the value get another behaviour.'
  ),
  check('response-property-default-changed', 'warning', 'A response default changed.')
] as const;

export function compareDefault(c: Comparator, b: Shape, h: Shape, path: string): void {
  if (!b.hasDefault || !h.hasDefault) return;
  if (valueKey(b.default ?? null) === valueKey(h.default ?? null)) return;
  const id = c.dir === 'request' ? 'request-property-default-changed' : 'response-property-default-changed';
  c.emit(id, path, `default changed from ${text(b.default)} to ${text(h.default)}`, h, 'default');
}
