// Builds a LoadedSpec from inline YAML for diff tests, resolving local "#/..." refs in memory. It stands in for
// the real loader (spec/load.ts) so the diff checks can be tested on small specs without files; it knows no
// source positions.
import { parse } from 'yaml';
import type { JsonObject, JsonValue, LoadedSpec } from '../../actions/contract-test/src/spec/types.js';

function pointer(document: JsonObject, ref: string): JsonValue {
  let node: JsonValue = document;
  for (const raw of ref.replace(/^#\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`fixture: no ${ref}`);
    node = (node as Record<string, JsonValue>)[key];
  }
  return node;
}

export function specFromYaml(text: string): LoadedSpec {
  const document = parse(text) as JsonObject;
  const resolved = new Map<string, JsonValue>();
  // Resolved targets are shared and may be cyclic: walk each object once.
  const walked = new Set<object>();
  const resolve = (node: JsonValue): JsonValue => {
    if (node !== null && typeof node === 'object') {
      if (walked.has(node)) return node;
      if (typeof (node as JsonObject).$ref !== 'string') walked.add(node);
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => (node[i] = resolve(item)));
      return node;
    }
    if (node === null || typeof node !== 'object') return node;
    const ref = node.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      if (!resolved.has(ref)) {
        const target = pointer(document, ref);
        resolved.set(ref, target);
        resolve(target);
      }
      const target = resolved.get(ref)!;
      const siblings = Object.keys(node).filter((k) => k !== '$ref');
      return siblings.length === 0
        ? target
        : { ...(target as JsonObject), ...Object.fromEntries(siblings.map((k) => [k, node[k]])) };
    }
    for (const key of Object.keys(node)) node[key] = resolve(node[key]);
    return node;
  };
  resolve(document);
  const names = new Map<JsonValue, string>();
  const schemas = ((document.components as JsonObject | undefined)?.schemas ?? document.definitions) as
    JsonObject | undefined;
  for (const [name, schema] of Object.entries(schemas ?? {})) names.set(schema, name);
  const version =
    typeof document.swagger === 'string' ? '2.0' : String(document.openapi).startsWith('3.1') ? '3.1' : '3.0';
  return {
    version,
    file: 'openapi.yaml',
    document,
    files: ['openapi.yaml'],
    locate: () => undefined,
    componentName: (node) => names.get(node)
  };
}
