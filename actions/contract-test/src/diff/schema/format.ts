// Formats: int32 -> int64 and float -> double widen; any other replacement is incompatible both ways.
import { defineCheck as check } from '../catalog.js';
import type { Comparator } from './comparator.js';
import type { Shape } from './shape.js';

export const FORMAT_CHECKS = [
  check('request-property-format-changed', 'error', 'A request format was replaced by an incompatible one.'),
  check('response-property-format-changed', 'error', 'A response format was replaced by an incompatible one.'),
  check('request-property-format-widened', 'info', 'A request format was widened (int32 to int64, float to double).'),
  check(
    'response-property-format-narrowed',
    'info',
    'A response format was narrowed (int64 to int32, double to float).'
  ),
  check(
    'request-property-format-added',
    'warning',
    'A request value gained a format; values that do not match it may be rejected.'
  ),
  check('request-property-format-removed', 'info', 'A request value lost its format.'),
  check('response-property-format-added', 'info', 'A response value gained a format.'),
  check('response-property-format-removed', 'warning', 'A response value lost its format; clients may rely on it.')
] as const;

const FORMAT_WIDENING: Record<string, string> = { int32: 'int64', float: 'double' };

export function compareFormat(c: Comparator, b: Shape, h: Shape, path: string): void {
  if (b.format === h.format) return;
  const what = `format changed from ${b.format ?? '(none)'} to ${h.format ?? '(none)'}`;
  const req = c.dir === 'request';
  if (b.format === undefined) {
    c.emit(req ? 'request-property-format-added' : 'response-property-format-added', path, what, h, 'format');
  } else if (h.format === undefined) {
    c.emit(req ? 'request-property-format-removed' : 'response-property-format-removed', path, what, h);
  } else if (FORMAT_WIDENING[b.format] === h.format) {
    c.emit(req ? 'request-property-format-widened' : 'response-property-format-changed', path, what, h, 'format');
  } else if (FORMAT_WIDENING[h.format] === b.format) {
    c.emit(req ? 'request-property-format-changed' : 'response-property-format-narrowed', path, what, h, 'format');
  } else {
    c.emit(req ? 'request-property-format-changed' : 'response-property-format-changed', path, what, h, 'format');
  }
}
