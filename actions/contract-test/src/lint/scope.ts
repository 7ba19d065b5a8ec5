// lint-scope: changed. A pull request that touches one operation of a 13 MB description should not pay for a
// full Spectral run (72 s and 2.6 GB on the GitHub REST description): Spectral gets a document cut down to the
// operations the diff reports, every component they reach, and the document-level objects the rules read, all at
// the JSON paths they have in the head file, so a finding's path is also its path in the head and its position is
// looked up there. Unchanged operations are not linted; the report says so.
import { parse as parseYaml } from 'yaml';
import { MAX_YAML_ALIAS_COUNT } from '../../../../shared/src/lib/yaml.js';
import type { Change, JsonObject, JsonValue, LoadedSpec, OpenApiVersion, SourceLocation } from '../spec/types.js';

export type LintScopeName = 'all' | 'changed';

export interface ScopedDocument {
  document: JsonObject;
  /** Operations kept (`METHOD /path`), in document order. */
  operations: string[];
  /** Operations in the head. */
  totalOperations: number;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Objects that belong to the whole document: kept whole, whatever changed. */
const OAS3_KEEP_COMPONENTS = new Set(['securitySchemes']);

const shape = (path: string) => path.replace(/\{[^}]*\}/g, '{}');

/** Sets a key as data: a hostile "__proto__" key must not become the prototype. */
function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `METHOD /path` pairs and whole paths the changes are about. */
export function changedTargets(changes: readonly Change[]): { operations: Set<string>; paths: Set<string> } {
  const operations = new Set<string>();
  const paths = new Set<string>();
  for (const change of changes) {
    if (change.path === undefined) continue;
    if (change.method === undefined) paths.add(change.path);
    else operations.add(`${change.method.toLowerCase()} ${change.path}`);
  }
  return { operations, paths };
}

function decodePointer(ref: string): string[] | undefined {
  if (!ref.startsWith('#/')) return ref === '#' ? [] : undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(2));
  } catch {
    return undefined;
  }
  return fragment.split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The cut-down document, or a reason why the spec cannot be cut (then the caller lints all of it). `raw` is the
 * head as written (with its $refs), never the resolved document.
 */
export function scopeDocument(
  raw: JsonObject,
  version: OpenApiVersion,
  changes: readonly Change[]
): ScopedDocument | { reason: string } {
  const targets = changedTargets(changes);
  const targetShapes = new Set(
    [...targets.operations].map((key) => {
      const space = key.indexOf(' ');
      return `${key.slice(0, space)} ${shape(key.slice(space + 1))}`;
    })
  );
  const pathShapes = new Set([...targets.paths].map(shape));
  const document: JsonObject = {};
  const componentKeys =
    version === '2.0' ? new Set(['definitions', 'parameters', 'responses']) : new Set(['components']);
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'paths' || key === 'webhooks' || componentKeys.has(key)) continue;
    // An extension that references components (GitHub's `x-webhooks`: 0.6 MB reaching half of them) is the
    // extension's business, not a rule's: kept only when it references nothing.
    if (key.startsWith('x-') && hasRef(value)) continue;
    setOwn(document, key, value);
  }

  const rawPaths = isObject(raw.paths) ? raw.paths : undefined;
  const entries = Object.entries(rawPaths ?? {}).filter((entry): entry is [string, JsonObject] => isObject(entry[1]));
  const named = (path: string, method: string) =>
    targets.paths.has(path) ||
    pathShapes.has(shape(path)) ||
    targets.operations.has(`${method} ${path}`) ||
    targetShapes.has(`${method} ${shape(path)}`);
  // Paths of one shape are kept together: Spectral's path-params compares them ("must not be equivalent").
  const keptShapes = new Set<string>();
  for (const [path, item] of entries) {
    if (Object.keys(item).some((key) => METHODS.has(key) && named(path, key))) keptShapes.add(shape(path));
    else if (typeof item.$ref === 'string' && (targets.paths.has(path) || pathShapes.has(shape(path))))
      keptShapes.add(shape(path));
  }
  const operations: string[] = [];
  let totalOperations = 0;
  const keptPaths: JsonObject = {};
  for (const [path, item] of entries) {
    const whole = keptShapes.has(shape(path)) && !Object.keys(item).some((key) => METHODS.has(key) && named(path, key));
    const kept: JsonObject = {};
    let any = false;
    for (const [key, value] of Object.entries(item)) {
      if (!METHODS.has(key)) {
        setOwn(kept, key, value);
        continue;
      }
      totalOperations++;
      if (whole || named(path, key)) {
        setOwn(kept, key, value);
        operations.push(`${key.toUpperCase()} ${path}`);
        any = true;
      }
    }
    // A path item that is itself a $ref carries its operations in the target: kept whole.
    if (any || (keptShapes.has(shape(path)) && typeof item.$ref === 'string'))
      setOwn(keptPaths, path, any ? kept : item);
  }
  if (rawPaths !== undefined) document.paths = keptPaths;
  // Webhooks are few and have no path of their own in a change: kept whole when any changed.
  if (raw.webhooks !== undefined && changes.some((c) => c.id.startsWith('webhook-'))) document.webhooks = raw.webhooks;

  // Components: what the kept parts reach through $refs, transitively, at the same pointer.
  const place = (pointer: string[], value: JsonValue) => {
    let target = document;
    for (let i = 0; i < pointer.length - 1; i++) {
      const step = pointer[i];
      const next = target[step];
      if (!isObject(next) || !Object.hasOwn(target, step)) {
        const fresh: JsonObject = {};
        setOwn(target, step, fresh);
      }
      target = target[step] as JsonObject;
    }
    const last = pointer[pointer.length - 1];
    setOwn(target, last, value);
  };
  const lookup = (root: JsonObject, pointer: string[]): JsonValue | undefined => {
    let node: JsonValue | undefined = root;
    for (const step of pointer) {
      if (Array.isArray(node)) node = node[Number(step)];
      else if (isObject(node) && Object.hasOwn(node, step)) node = node[step];
      else return undefined;
    }
    return node;
  };
  // The security schemes every operation's `security` names (and document-level rules read) are kept whole.
  if (version !== '2.0' && isObject(raw.components)) {
    for (const [key, value] of Object.entries(raw.components)) {
      if (OAS3_KEEP_COMPONENTS.has(key)) place(['components', key], value);
    }
  }
  const placed = new Set<string>();
  const queue: JsonValue[] = [document];
  let external: string | undefined;
  const seen = new Set<object>();
  while (queue.length > 0) {
    const node = queue.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) queue.push(item);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const pointer = decodePointer(value);
        if (pointer === undefined) {
          external ??= value;
          continue;
        }
        const id = pointer.join('\u0000');
        if (pointer.length === 0 || placed.has(id)) continue;
        placed.add(id);
        const target = lookup(raw, pointer);
        // A dangling $ref stays dangling: Spectral reports it as in a full lint.
        if (target === undefined) continue;
        if (lookup(document, pointer) === undefined) place(pointer, target);
        queue.push(target);
      } else queue.push(value);
    }
  }
  if (external !== undefined) return { reason: `it references another document (${external})` };

  return { document: reorder(document, raw), operations, totalOperations };
}

function hasRef(value: JsonValue): boolean {
  const stack: JsonValue[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (!Array.isArray(node) && typeof node.$ref === 'string') return true;
    stack.push(...(Array.isArray(node) ? node : Object.values(node)));
  }
  return false;
}

/** Keys in the head's order, so that a rule that reports "the first ..." picks the same one. */
function reorder(document: JsonObject, raw: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(document, key)) continue;
    const value = document[key]!;
    const original = raw[key];
    const next = isObject(value) && isObject(original) && value !== original ? reorder(value, original) : value;
    setOwn(out, key, next);
  }
  return out;
}

/**
 * The loaded head's objects ($refs resolved) at the cut's top-level keys and operations: what Spectral will walk
 * for the cut, to hold it to the lint's node cap.
 */
export function resolvedParts(document: JsonObject, cut: JsonObject): JsonObject {
  const parts: JsonObject = {};
  for (const key of Object.keys(cut)) {
    if (key !== 'paths' && key !== 'components')
      setOwn(parts, key, Object.hasOwn(document, key) ? document[key]! : null);
  }
  const paths: JsonObject = {};
  const headPaths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(isObject(cut.paths) ? cut.paths : {})) {
    const headItem = Object.hasOwn(headPaths, path) ? headPaths[path] : undefined;
    const resolved: JsonObject = {};
    for (const key of Object.keys(isObject(item) ? item : {}))
      setOwn(resolved, key, isObject(headItem) && Object.hasOwn(headItem, key) ? headItem[key]! : null);
    setOwn(paths, path, resolved);
  }
  setOwn(parts, 'paths', paths);
  // Spectral walks the components of the cut where they are defined as well as where they are used.
  const components: JsonObject = {};
  const headComponents = isObject(document.components) ? document.components : {};
  for (const [section, entries] of Object.entries(isObject(cut.components) ? cut.components : {})) {
    const headSection = Object.hasOwn(headComponents, section) ? headComponents[section] : undefined;
    const resolved: JsonObject = {};
    for (const name of Object.keys(isObject(entries) ? entries : {}))
      setOwn(resolved, name, isObject(headSection) && Object.hasOwn(headSection, name) ? headSection[name]! : null);
    setOwn(components, section, resolved);
  }
  setOwn(parts, 'components', components);
  return parts;
}

/**
 * The head as written, $refs and all (the loader's document has them replaced). The loader read the same text
 * first, so what it refused (syntax, size, alias bombs) never gets here.
 */
export function documentAsWritten(text: string): JsonObject | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = parseYaml(body, { merge: true, maxAliasCount: MAX_YAML_ALIAS_COUNT, uniqueKeys: false });
  }
  return isObject(parsed as JsonValue) ? (parsed as JsonObject) : undefined;
}

/**
 * Where a JSON path of the head is written: the key of its last step that exists (or the item, for an array
 * index). A path that goes through a $ref ends at the object the $ref is written in, as Spectral places such
 * findings.
 */
export function locateByPath(
  spec: LoadedSpec,
  path: readonly string[]
): { location: SourceLocation; at: 'key' | 'node' } | undefined {
  let node: JsonValue = spec.document;
  const root = spec.locate(node);
  let best: { location: SourceLocation; at: 'key' | 'node' } | undefined = root && { location: root, at: 'node' };
  for (const step of path) {
    if (node === null || typeof node !== 'object') break;
    const next: JsonValue | undefined = Array.isArray(node)
      ? node[Number(step)]
      : Object.hasOwn(node, step)
        ? node[step]
        : undefined;
    if (next === undefined) break;
    const here = Array.isArray(node) ? spec.locate(next) : spec.locate(node, step);
    if (here) best = { location: here, at: Array.isArray(node) ? 'node' : 'key' };
    node = next;
  }
  return best;
}

/**
 * Places findings of the cut where a full lint would: Spectral (its YAML parser, which the full lint uses for
 * JSON too) puts a finding about a key's value just after the key's colon, or at the value itself when that is
 * a scalar on the same line.
 */
export function spectralLocator(
  spec: LoadedSpec,
  text: string
): (path: readonly string[]) => SourceLocation | undefined {
  let starts: number[] | undefined;
  return (path) => {
    const found = locateByPath(spec, path);
    if (!found || found.at === 'node') return found?.location;
    starts ??= lineStartsOf(text);
    const { line, column } = found.location;
    const lineStart = starts[line - 1];
    if (lineStart === undefined) return found.location;
    const after = afterColon(text, lineStart + column - 1);
    return after === undefined ? found.location : { ...found.location, column: after - lineStart + 1 };
  };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The offset just after the key at `offset` and its colon, or of a scalar value that follows on the line. */
function afterColon(text: string, offset: number): number | undefined {
  let i = offset;
  const quote = text[i];
  if (quote === '"' || quote === "'") {
    for (i++; i < text.length; i++) {
      if (quote === '"' && text[i] === '\\') i++;
      else if (text[i] === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else break;
      } else if (text[i] === '\n') return undefined;
    }
    i++;
  } else {
    while (i < text.length && text[i] !== ':' && text[i] !== '\n') i++;
  }
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] !== ':') return undefined;
  const colon = i + 1;
  let v = colon;
  while (text[v] === ' ' || text[v] === '\t') v++;
  const c = text[v];
  if (c === undefined || c === '\n' || c === '\r' || c === '{' || c === '[' || c === '#') return colon;
  return v;
}
