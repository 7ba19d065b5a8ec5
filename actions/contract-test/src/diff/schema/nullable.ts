// Nullability: a response value that may now be null breaks clients that parse it; a request value that no
// longer accepts null breaks clients that send it.
import { defineCheck as check } from '../catalog.js';
import type { Comparator } from './comparator.js';
import type { Shape } from './shape.js';

export const NULLABLE_CHECKS = [
  check(
    'response-property-became-nullable',
    'error',
    'A response value may now be null; typed clients that do not expect null break.'
  ),
  check('request-property-became-nullable', 'info', 'A request value now accepts null.'),
  check('request-property-became-not-nullable', 'error', 'A request value no longer accepts null.'),
  check('response-property-became-not-nullable', 'info', 'A response value is no longer null.')
] as const;

export function compareNullable(c: Comparator, b: Shape, h: Shape, path: string): void {
  if (b.nullable === h.nullable) return;
  const key = h.origin.has('type') ? 'type' : undefined;
  if (h.nullable) {
    const id = c.dir === 'response' ? 'response-property-became-nullable' : 'request-property-became-nullable';
    c.emit(id, path, 'became nullable', h, key);
  } else {
    const id = c.dir === 'request' ? 'request-property-became-not-nullable' : 'response-property-became-not-nullable';
    c.emit(id, path, 'is no longer nullable', h, key);
  }
}
