// Bounds: numeric ranges, lengths, item counts, patterns and uniqueness. Tightening breaks what clients send;
// loosening breaks what clients read.
import { defineCheck as check } from '../catalog.js';
import type { Comparator } from './comparator.js';
import { text, type Bound, type Shape } from './shape.js';

export const BOUND_CHECKS = [
  check('request-property-max-decreased', 'error', 'A request maximum (or exclusiveMaximum) was lowered or added.'),
  check('request-property-min-increased', 'error', 'A request minimum (or exclusiveMinimum) was raised or added.'),
  check(
    'response-property-max-increased',
    'warning',
    'A response maximum (or exclusiveMaximum) was raised or removed.'
  ),
  check(
    'response-property-min-decreased',
    'warning',
    'A response minimum (or exclusiveMinimum) was lowered or removed.'
  ),
  check('request-property-max-length-decreased', 'error', 'A request maxLength was lowered or added.'),
  check('request-property-min-length-increased', 'error', 'A request minLength was raised or added.'),
  check('response-property-max-length-increased', 'warning', 'A response maxLength was raised or removed.'),
  check('response-property-min-length-decreased', 'warning', 'A response minLength was lowered or removed.'),
  check('request-property-max-items-decreased', 'error', 'A request maxItems was lowered or added.'),
  check('request-property-min-items-increased', 'error', 'A request minItems was raised or added.'),
  check('response-property-max-items-increased', 'warning', 'A response maxItems was raised or removed.'),
  check('response-property-min-items-decreased', 'warning', 'A response minItems was lowered or removed.'),
  check('request-property-pattern-changed', 'error', 'A request pattern was added or changed.'),
  check('response-property-pattern-changed', 'warning', 'A response pattern was removed or changed.'),
  check('request-property-unique-items-added', 'error', 'A request array now requires unique items.'),
  check('response-property-unique-items-removed', 'warning', 'A response array may now contain duplicates.')
] as const;

export function compareBounds(c: Comparator, b: Shape, h: Shape, path: string): void {
  const req = c.dir === 'request';
  const show = (x: Bound | undefined) => (x ? `${x.exclusive ? '<' : ''}${x.value}` : '(none)');
  const maxTighter = (x: Bound | undefined, y: Bound | undefined) =>
    y !== undefined && (x === undefined || y.value < x.value || (y.value === x.value && y.exclusive && !x.exclusive));
  const minTighter = (x: Bound | undefined, y: Bound | undefined) =>
    y !== undefined && (x === undefined || y.value > x.value || (y.value === x.value && y.exclusive && !x.exclusive));
  const maxWhat = `maximum changed from ${show(b.max)} to ${show(h.max)}`;
  const minWhat = `minimum changed from ${show(b.min)} to ${show(h.min)}`;
  if (req && maxTighter(b.max, h.max)) c.emit('request-property-max-decreased', path, maxWhat, h, 'maximum');
  if (!req && maxTighter(h.max, b.max)) c.emit('response-property-max-increased', path, maxWhat, h, 'maximum');
  if (req && minTighter(b.min, h.min)) c.emit('request-property-min-increased', path, minWhat, h, 'minimum');
  if (!req && minTighter(h.min, b.min)) c.emit('response-property-min-decreased', path, minWhat, h, 'minimum');

  const counts = [
    ['maxLength', 'minLength', 'length'],
    ['maxItems', 'minItems', 'items']
  ] as const;
  for (const [maxKey, minKey, noun] of counts) {
    const bMax = b[maxKey] ?? Infinity;
    const hMax = h[maxKey] ?? Infinity;
    const bMin = b[minKey] ?? 0;
    const hMin = h[minKey] ?? 0;
    const from = (x: number | undefined) => (x === undefined ? '(none)' : String(x));
    const maxWhat = `${maxKey} changed from ${from(b[maxKey])} to ${from(h[maxKey])}`;
    const minWhat = `${minKey} changed from ${from(b[minKey])} to ${from(h[minKey])}`;
    if (req && hMax < bMax) c.emit(`request-property-max-${noun}-decreased`, path, maxWhat, h, maxKey);
    if (!req && hMax > bMax) c.emit(`response-property-max-${noun}-increased`, path, maxWhat, h, maxKey);
    if (req && hMin > bMin) c.emit(`request-property-min-${noun}-increased`, path, minWhat, h, minKey);
    if (!req && hMin < bMin) c.emit(`response-property-min-${noun}-decreased`, path, minWhat, h, minKey);
  }

  if (b.pattern !== h.pattern) {
    const what = `pattern changed from ${text(b.pattern)} to ${text(h.pattern)}`;
    if (req && h.pattern !== undefined) c.emit('request-property-pattern-changed', path, what, h, 'pattern');
    if (!req && b.pattern !== undefined) c.emit('response-property-pattern-changed', path, what, h, 'pattern');
  }
  if (req && h.uniqueItems && !b.uniqueItems)
    c.emit('request-property-unique-items-added', path, 'now requires unique items', h, 'uniqueItems');
  if (!req && b.uniqueItems && !h.uniqueItems)
    c.emit('response-property-unique-items-removed', path, 'no longer guarantees unique items', h);
}
