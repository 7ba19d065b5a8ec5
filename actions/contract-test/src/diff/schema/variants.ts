// oneOf and anyOf: variants are paired by likeness (a discriminating const decides), then each pair is compared
// as a schema; a request that loses a variant breaks clients sending it, a response that gains one breaks
// clients reading it.
import type { JsonValue, LoadedSpec } from '../../spec/types.js';
import { defineCheck as check } from '../catalog.js';
import type { Comparator } from './comparator.js';
import { covers, isObject, text, valueKey, type Shape } from './shape.js';

export const VARIANT_CHECKS = [
  check('request-property-one-of-variant-removed', 'error', 'A oneOf variant accepted in requests was removed.'),
  check('request-property-one-of-variant-added', 'info', 'A oneOf variant was added to a request schema.'),
  check('response-property-one-of-variant-added', 'warning', 'A response may now be of a new oneOf variant.'),
  check('response-property-one-of-variant-removed', 'info', 'A oneOf variant was removed from a response schema.'),
  check('request-property-any-of-variant-removed', 'error', 'An anyOf variant accepted in requests was removed.'),
  check('request-property-any-of-variant-added', 'info', 'An anyOf variant was added to a request schema.'),
  check('response-property-any-of-variant-added', 'warning', 'A response may now match a new anyOf variant.'),
  check('response-property-any-of-variant-removed', 'info', 'An anyOf variant was removed from a response schema.')
] as const;

/** A variant in messages: its component name, else its type and values or property names. */
function describe(c: Comparator, node: JsonValue, spec: LoadedSpec): string {
  const name = spec.componentName(node);
  if (name) return name;
  if (!isObject(node)) return JSON.stringify(node);
  const s = c.shape(node);
  const type = s.types ? [...s.types].join('|') : 'any';
  if (s.values) return `${type} ${text(s.isConst ? s.values[0] : s.values)}`;
  if (s.properties.size > 0) return `${type} {${[...s.properties.keys()].join(', ')}}`;
  return type;
}

/** How alike two variants are, or -1 when they cannot be the same variant. */
function similarity(c: Comparator, base: JsonValue, head: JsonValue): number {
  if (base === head) return 1000;
  if (!isObject(base) || !isObject(head)) return -1;
  const b = c.shape(base);
  const h = c.shape(head);
  if (b.types && h.types) {
    const overlap = [...b.types].some((t) => covers(h.types!, t)) || [...h.types].some((t) => covers(b.types!, t));
    if (!overlap) return -1;
  }
  let score = 1;
  const names = new Set([...b.properties.keys(), ...h.properties.keys()]);
  let shared = 0;
  for (const name of names) {
    const bp = b.properties.get(name);
    const hp = h.properties.get(name);
    if (bp === undefined || hp === undefined) continue;
    shared++;
    // A discriminating single-valued property (kind: const 'cat') decides which variant is which.
    const bv = isObject(bp) ? c.shape(bp) : undefined;
    const hv = isObject(hp) ? c.shape(hp) : undefined;
    if (bv?.values?.length === 1 && hv?.values?.length === 1) {
      if (valueKey(bv.values[0]) !== valueKey(hv.values[0])) return -1;
      score += 10;
    }
  }
  if (names.size > 0) {
    if (shared === 0) return -1;
    score += (10 * shared) / names.size;
  }
  if (b.values && h.values) {
    const hKeys = new Set(h.values.map(valueKey));
    if (!b.values.some((v) => hKeys.has(valueKey(v)))) return -1;
  }
  return score;
}

export function compareVariants(
  c: Comparator,
  kind: 'oneOf' | 'anyOf',
  bList: JsonValue[],
  hList: JsonValue[],
  path: string,
  b: Shape,
  h: Shape
): void {
  const scored: { i: number; j: number; score: number }[] = [];
  bList.forEach((bv, i) =>
    hList.forEach((hv, j) => {
      const score = similarity(c, bv, hv);
      if (score >= 0) scored.push({ i, j, score });
    })
  );
  scored.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const bUsed = new Map<number, number>();
  const hUsed = new Set<number>();
  for (const { i, j } of scored) {
    if (bUsed.has(i) || hUsed.has(j)) continue;
    bUsed.set(i, j);
    hUsed.add(j);
  }
  const slug = kind === 'oneOf' ? 'one-of' : 'any-of';
  bList.forEach((bv, i) => {
    if (bUsed.has(i)) return;
    const id = `${c.dir}-property-${slug}-variant-removed` as const;
    c.emitRemoved(id, path, `${kind} variant ${describe(c, bv, c.ctx.base)} removed`, b, kind, h, kind);
  });
  hList.forEach((hv, j) => {
    if (hUsed.has(j)) return;
    const id = `${c.dir}-property-${slug}-variant-added` as const;
    c.emit(id, path, `${kind} variant ${describe(c, hv, c.ctx.head)} added`, h, kind);
  });
  for (const [i, j] of bUsed) {
    const at = hList.length > 1 ? `${path}${path ? '.' : ''}${kind}[${j}]` : path;
    c.compare(bList[i], hList[j], at, true);
  }
}
