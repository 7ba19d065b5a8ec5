// Security requirements (document and operation level) and the security schemes they name.
import type { JsonObject, JsonValue, LoadedSpec } from '../spec/types.js';
import { defineCheck as check } from './catalog.js';
import { arr, isObject, obj, type Anchor, type Emitter, type Where } from './emitter.js';
import { textOf } from '../../../../shared/src/lib/text.js';

export const SECURITY_CHECKS = [
  check('security-requirement-added', 'error', 'A security requirement clients do not yet satisfy was added'),
  check('security-alternative-added', 'info', 'A new security alternative was added; old ones still work'),
  check('security-alternative-removed', 'error', 'A security alternative clients use was removed'),
  check('security-requirement-removed', 'info', 'A security requirement was removed or relaxed'),
  check('security-scope-added', 'error', 'An OAuth/OpenID scope was added to a security requirement'),
  check('security-scope-removed', 'info', 'A scope was removed from a security requirement'),
  check('security-scheme-removed', 'warning', 'A security scheme definition was removed from the components'),
  check('security-scheme-type-changed', 'error', 'A security scheme changed its type or location'),
  check('security-scheme-added', 'info', 'A security scheme definition was added')
] as const;

/** One alternative of a security requirement list: scheme name -> scopes (all must hold together). */
type Alternative = Map<string, Set<string>>;

/** An absent or empty list means anonymous access, which is the alternative `{}`. */
function alternatives(value: JsonValue | undefined): Alternative[] {
  const list = arr(value).filter(isObject);
  if (list.length === 0) return [new Map<string, Set<string>>()];
  return list.map((req) => new Map(Object.entries(req).map(([k, v]) => [k, new Set(arr(v).map(String))])));
}
function keyOf(alt: Alternative): string {
  return [...alt.keys()].sort().join(' + ');
}
function describeAlt(alt: Alternative): string {
  return alt.size === 0 ? 'anonymous access' : `{${keyOf(alt)}}`;
}
/** A client that satisfies `client` also satisfies `required` when every scheme and scope asked is held. */
function satisfies(client: Alternative, required: Alternative): boolean {
  for (const [scheme, scopes] of required) {
    const held = client.get(scheme);
    if (!held) return false;
    for (const scope of scopes) if (!held.has(scope)) return false;
  }
  return true;
}

export function diffSecurity(
  e: Emitter,
  where: Where,
  scope: string,
  baseValue: JsonValue | undefined,
  headValue: JsonValue | undefined,
  headNode: JsonObject,
  baseNode: JsonObject
): void {
  const base = alternatives(baseValue);
  const head = alternatives(headValue);
  const stranded = base.filter((b) => !head.some((h) => satisfies(b, h)));
  const baseKeys = new Map(base.map((a) => [keyOf(a), a]));
  const headKeys = new Map(head.map((a) => [keyOf(a), a]));
  const at: Anchor[] = [[headNode, 'security'], [headNode]];
  const baseAt: Anchor[] = [[baseNode, 'security'], [baseNode]];
  for (const [key, alt] of headKeys) {
    const before = baseKeys.get(key);
    if (before) {
      for (const [scheme, scopes] of alt) {
        const was = before.get(scheme) ?? new Set<string>();
        const extra = [...scopes].filter((s) => !was.has(s));
        const dropped = [...was].filter((s) => !scopes.has(s));
        if (extra.length > 0) {
          e.emit(
            'security-scope-added',
            where,
            `${scope} requirement ${scheme} now needs scope(s) ${extra.join(', ')}`,
            ...at
          );
        }
        if (dropped.length > 0) {
          e.emit(
            'security-scope-removed',
            where,
            `${scope} requirement ${scheme} no longer needs scope(s) ${dropped.join(', ')}`,
            ...at
          );
        }
      }
      continue;
    }
    if (alt.size === 0) continue;
    // Dropping a scheme from an AND-requirement shows up as a new, smaller alternative: report it as a removal.
    const relaxes = base.some((b) => !headKeys.has(keyOf(b)) && satisfies(b, alt));
    if (relaxes && stranded.length === 0) continue;
    if (stranded.length > 0) {
      const from = base.map(describeAlt).join(' or ');
      e.emit('security-requirement-added', where, `${scope} now requires ${describeAlt(alt)} (was ${from})`, ...at);
    } else {
      e.emit('security-alternative-added', where, `${scope} now also accepts ${describeAlt(alt)}`, ...at);
    }
  }
  const newAlternatives = [...headKeys.keys()].some((k) => !baseKeys.has(k) && k !== '');
  for (const [key, alt] of baseKeys) {
    if (headKeys.has(key)) continue;
    if (!stranded.includes(alt)) {
      e.emit('security-requirement-removed', where, `${scope} no longer requires ${describeAlt(alt)}`, ...at);
    } else if (!newAlternatives) {
      e.removed('security-alternative-removed', where, `${scope} no longer accepts ${describeAlt(alt)}`, baseAt, at);
    }
  }
}

function schemesOf(spec: LoadedSpec): JsonObject {
  return spec.version === '2.0'
    ? obj(spec.document.securityDefinitions)
    : obj(obj(spec.document.components).securitySchemes);
}

/** Where head keeps its scheme definitions, for a removed one. */
function schemesParents(spec: LoadedSpec): Anchor[] {
  const doc = spec.document;
  if (spec.version === '2.0') return [[doc, 'securityDefinitions'], [doc]];
  const components = obj(doc.components);
  return [[components, 'securitySchemes'], [doc, 'components'], [doc]];
}

export function diffSecuritySchemes(e: Emitter): void {
  const base = schemesOf(e.base);
  const head = schemesOf(e.head);
  for (const [name, raw] of Object.entries(base)) {
    const scheme = obj(raw);
    const headScheme = head[name];
    if (!isObject(headScheme)) {
      e.removed(
        'security-scheme-removed',
        {},
        `security scheme "${name}" was removed`,
        [[base, name], [scheme]],
        schemesParents(e.head)
      );
      continue;
    }
    const shape = (s: JsonObject) => [s.type, s.in, s.name, s.scheme].map((v) => textOf(v ?? '')).join('/');
    if (shape(scheme) !== shape(headScheme)) {
      const message = `security scheme "${name}" changed from ${shape(scheme)} to ${shape(headScheme)}`;
      e.emit('security-scheme-type-changed', {}, message, [headScheme, 'type'], [headScheme]);
    }
  }
  for (const [name, raw] of Object.entries(head)) {
    if (name in base) continue;
    e.emit('security-scheme-added', {}, `security scheme "${name}" was added`, [head, name], [raw]);
  }
}
