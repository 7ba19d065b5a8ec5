// additionalProperties: a request object that closes (false) rejects what clients sent; a response object that
// opens may carry properties clients never saw. Two schemas of additional properties are compared as schemas.
import { defineCheck as check } from '../catalog.js';
import type { JsonValue } from '../../spec/types.js';
import type { Comparator } from './comparator.js';
import { isObject, type Shape } from './shape.js';

export const ADDITIONAL_CHECKS = [
  check(
    'request-property-additional-properties-restricted',
    'error',
    'A request object no longer accepts additional properties.'
  ),
  check(
    'response-property-additional-properties-allowed',
    'warning',
    'A response object may now carry undeclared properties.'
  )
] as const;

export function compareAdditional(c: Comparator, b: Shape, h: Shape, path: string): void {
  const req = c.dir === 'request';
  const closed = (v: JsonValue | undefined) => v === false;
  if (req && closed(h.additional) && !closed(b.additional))
    c.emit(
      'request-property-additional-properties-restricted',
      path,
      'additionalProperties became false',
      h,
      'additionalProperties'
    );
  if (!req && closed(b.additional) && !closed(h.additional))
    c.emit(
      'response-property-additional-properties-allowed',
      path,
      'additionalProperties is no longer false',
      h,
      'additionalProperties'
    );
  if (isObject(b.additional) && isObject(h.additional)) c.compare(b.additional, h.additional, path ? `${path}.*` : '*');
}
