// Parameters (query, header, cookie, path) of an operation, a webhook or a callback: added, removed, moved to
// another location, required-ness, serialisation, deprecation, and their schemas (through the comparator).
import type { JsonObject, JsonValue, LoadedSpec } from '../spec/types.js';
import { defineCheck as check } from './catalog.js';
import {
  arr,
  isObject,
  obj,
  opLabel,
  str,
  type Anchor,
  type Emitter,
  type SchemaComparator,
  type Where
} from './emitter.js';
import { inner, schemaSink, type ExchangeRoles } from './exchange.js';
import type { CheckId } from './registry.js';

export const PARAMETER_CHECKS = [
  check('new-required-request-parameter', 'error', 'A new required parameter (query, header, cookie, path)'),
  check('new-optional-request-parameter', 'info', 'A new optional parameter'),
  check('request-parameter-removed', 'warning', 'A parameter was removed: values clients send are now ignored'),
  check('request-parameter-became-required', 'error', 'An optional parameter became required'),
  check('request-parameter-became-optional', 'info', 'A required parameter became optional'),
  check('request-parameter-location-changed', 'error', 'A parameter moved, e.g. from query to header'),
  check('request-parameter-style-changed', 'warning', 'A parameter serialisation style changed'),
  check('request-parameter-explode-changed', 'warning', 'A parameter explode setting changed'),
  check('request-parameter-deprecated', 'info', 'A parameter became deprecated')
] as const;

/** Which check each parameter difference is; undefined where a side of the exchange does not report it. */
export interface ParameterVocabulary {
  parameterRemoved(required: boolean): CheckId | undefined;
  parameterAdded(required: boolean): CheckId | undefined;
  parameterBecameRequired?: CheckId;
  parameterBecameOptional?: CheckId;
  parameterLocationChanged?: CheckId;
  parameterStyleChanged?: CheckId;
  parameterExplodeChanged?: CheckId;
  parameterDeprecated?: CheckId;
}

/** The API's own operations: clients send the parameters. */
export const API_PARAMETERS: ParameterVocabulary = {
  parameterRemoved: () => 'request-parameter-removed',
  parameterAdded: (required) => (required ? 'new-required-request-parameter' : 'new-optional-request-parameter'),
  parameterBecameRequired: 'request-parameter-became-required',
  parameterBecameOptional: 'request-parameter-became-optional',
  parameterLocationChanged: 'request-parameter-location-changed',
  parameterStyleChanged: 'request-parameter-style-changed',
  parameterExplodeChanged: 'request-parameter-explode-changed',
  parameterDeprecated: 'request-parameter-deprecated'
};

/** Path-level parameters apply to every operation unless the operation redefines the same (in, name). */
export function effectiveParameters(
  item: JsonObject,
  op: JsonObject,
  rename?: Map<string, string>
): Map<string, JsonObject> {
  const params = new Map<string, JsonObject>();
  for (const raw of [...arr(item.parameters), ...arr(op.parameters)]) {
    if (!isObject(raw)) continue;
    const location = str(raw.in);
    const name = str(raw.name);
    if (!location || !name || location === 'body') continue;
    const paired = location === 'path' ? (rename?.get(name) ?? name) : name;
    // Header names are case-insensitive on the wire.
    params.set(`${location}:${location === 'header' ? paired.toLowerCase() : paired}`, raw);
  }
  return params;
}

/** The name part of a pairing key, case-folded because a header may have been a query parameter before. */
function nameOf(key: string): string {
  return key.slice(key.indexOf(':') + 1).toLowerCase();
}

function defaultStyle(location: string): string {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

/** OAS 3 keeps the schema under `schema` or `content`; OAS 2.0 non-body parameters are their own schema. */
function parameterSchema(spec: LoadedSpec, param: JsonObject): JsonValue | undefined {
  if (spec.version === '2.0') {
    // The parameter's own keys would read as JSON Schema keywords (`required: true` is not a schema `required`).
    const { in: _in, name: _name, required: _required, description: _description, ...schema } = param;
    return schema;
  }
  if (param.schema !== undefined) return param.schema;
  const first = Object.values(obj(param.content))[0];
  return isObject(first) ? first.schema : undefined;
}

/** Where head's parameters of one operation are written, for removals: the operation's list, the path's, the operation. */
function parameterParents(headItem: JsonObject, headOp: JsonObject): Anchor[] {
  return [[headOp, 'parameters'], [headItem, 'parameters'], [headOp]];
}

export function diffParameters(
  e: Emitter,
  v: ExchangeRoles & ParameterVocabulary,
  where: Where,
  compare: SchemaComparator,
  base: Map<string, JsonObject>,
  head: Map<string, JsonObject>,
  headItem: JsonObject,
  headOp: JsonObject
): void {
  const label = opLabel(where);
  const describe = (p: JsonObject) => `${str(p.in)} parameter "${str(p.name)}"`;
  const removed = [...base.keys()].filter((k) => !head.has(k));
  const added = [...head.keys()].filter((k) => !base.has(k));
  const moved = new Set<string>();
  for (const key of removed) {
    const param = base.get(key)!;
    const target = added.find((k) => !moved.has(k) && nameOf(k) === nameOf(key));
    if (target === undefined) continue;
    const headParam = head.get(target)!;
    moved.add(key).add(target);
    const message = `${describe(param)} of ${label} moved from ${str(param.in)} to ${str(headParam.in)}`;
    if (v.parameterLocationChanged) e.emit(v.parameterLocationChanged, where, message, [headParam, 'in'], [headParam]);
  }
  for (const key of removed) {
    if (moved.has(key)) continue;
    const param = base.get(key)!;
    // A removed parameter does not make requests fail (servers ignore what they do not read), but a client that
    // relied on it, e.g. as a filter, silently gets different results: possibly breaking, never compatible.
    const id = v.parameterRemoved(param.required === true);
    if (id)
      e.removed(
        id,
        where,
        `${describe(param)} was removed from ${label}`,
        [[param]],
        parameterParents(headItem, headOp)
      );
  }
  for (const key of added) {
    if (moved.has(key)) continue;
    const param = head.get(key)!;
    const required = param.required === true;
    const id = v.parameterAdded(required);
    if (id)
      e.emit(id, where, `new ${required ? 'required' : 'optional'} ${describe(param)} in ${label}`, [param], [headOp]);
  }
  for (const [key, baseParam] of base) {
    const headParam = head.get(key);
    if (!headParam) continue;
    const name = describe(headParam);
    if (baseParam.required !== true && headParam.required === true) {
      if (v.parameterBecameRequired)
        e.emit(
          v.parameterBecameRequired,
          where,
          `${name} of ${label} became required`,
          [headParam, 'required'],
          [headParam]
        );
    } else if (baseParam.required === true && headParam.required !== true) {
      if (v.parameterBecameOptional)
        e.emit(
          v.parameterBecameOptional,
          where,
          `${name} of ${label} became optional`,
          [headParam, 'required'],
          [headParam]
        );
    }
    if (baseParam.deprecated !== true && headParam.deprecated === true && v.parameterDeprecated) {
      const message = `${name} of ${label} became deprecated`;
      e.emit(v.parameterDeprecated, where, message, [headParam, 'deprecated'], [headParam]);
    }
    if (e.base.version !== '2.0' && e.head.version !== '2.0') {
      const location = str(headParam.in) ?? 'query';
      const baseStyle = str(baseParam.style) ?? defaultStyle(location);
      const headStyle = str(headParam.style) ?? defaultStyle(location);
      if (baseStyle !== headStyle && v.parameterStyleChanged) {
        const message = `style of ${name} of ${label} changed from ${baseStyle} to ${headStyle}`;
        e.emit(v.parameterStyleChanged, where, message, [headParam, 'style'], [headParam]);
      }
      const baseExplode = typeof baseParam.explode === 'boolean' ? baseParam.explode : baseStyle === 'form';
      const headExplode = typeof headParam.explode === 'boolean' ? headParam.explode : headStyle === 'form';
      if (baseExplode !== headExplode && v.parameterExplodeChanged) {
        const message = `explode of ${name} of ${label} changed from ${baseExplode} to ${headExplode}`;
        e.emit(v.parameterExplodeChanged, where, message, [headParam, 'explode'], [headParam]);
      }
    }
    compare(parameterSchema(e.base, baseParam), parameterSchema(e.head, headParam), {
      direction: v.requestDirection,
      ...where,
      where: inner(where, name),
      base: e.base,
      head: e.head,
      emit: schemaSink(e, v)
    });
  }
}
