// Spectral's example rules (oas3-valid-media-example, oas3-valid-schema-example and their 2.0 twins) clone the
// schema beside every example they check (JSON.parse(JSON.stringify(...))) and hand the clone to ajv, whose own
// cache is keyed by object identity: so every example compiles its schema again. On 150 paths of the GitHub REST
// description that is 148,392 compiles of 1,473 distinct schemas, two thirds of the lint's time and most of its
// memory. Keying ajv's compile by the schema's content instead gives the same validators without the repeats.
//
// The cache sits on the ajv that @stoplight/spectral-functions loads (its own nested copy, ajv 8), so it changes
// nothing for any other ajv in the process. A compile that registers something in the instance (a schema with an
// `$id`, nested ids, anchors) is never served from the cache: compiling such a schema twice is an error in ajv
// ("already exists", "resolves to more than one schema"), and Spectral reports that error as a finding, so the
// second compile must run to report the same finding.
import { createHash } from 'node:crypto';
import * as ajvCoreModule from '@stoplight/spectral-functions/node_modules/ajv/dist/core.js';
import { cjsExports } from '../../../../shared/src/lib/cjs-interop.js';

type Compile = (this: AjvInstance, schema: unknown, meta?: boolean) => unknown;
interface AjvInstance {
  refs: Record<string, unknown>;
  schemas: Record<string, unknown>;
}
interface AjvClass {
  prototype: { compile: Compile };
}

/**
 * ajv's core module sets `exports.default` only: under Node's ESM the namespace's default is the exports object
 * (the class one level down), in the ncc bundle it is the class.
 */
function ajvCore(): AjvClass {
  const exported = cjsExports<{ default: unknown }>(ajvCoreModule, 'default').default as
    AjvClass | { default?: AjvClass };
  const found = typeof exported === 'function' ? exported : (exported as { default?: AjvClass }).default;
  if (typeof found?.prototype?.compile !== 'function') throw new Error("ajv's core class not found");
  return found;
}

/** Per ajv instance (Spectral makes new ones per document), content key -> compiled validator. */
const caches = new WeakMap<AjvInstance, Map<string, unknown>>();
let installed = false;
let counters = { compiles: 0, reused: 0 };

const registered = (ajv: AjvInstance) => Object.keys(ajv.refs).length + Object.keys(ajv.schemas).length;

/** The content key of a schema: a digest of its JSON text, or undefined when it has none (cycles, BigInt). */
function contentKey(schema: unknown, meta: boolean | undefined): string | undefined {
  let text: string;
  try {
    text = JSON.stringify(schema);
  } catch {
    return undefined;
  }
  return `${meta === undefined ? '' : meta ? 'm' : 'n'}${createHash('sha1').update(text).digest('base64')}`;
}

/** Installs the cache once per process; later calls do nothing. */
export function installCompileCache(): void {
  if (installed) return;
  const AjvCore = ajvCore();
  const original = AjvCore.prototype.compile;
  AjvCore.prototype.compile = function compile(this: AjvInstance, schema: unknown, meta?: boolean): unknown {
    counters.compiles++;
    // An $id at the top is looked up by ajv itself (getSchema) before Spectral compiles.
    const plain = typeof schema === 'object' && schema !== null && !('$id' in schema);
    const key = plain ? contentKey(schema, meta) : undefined;
    if (key === undefined) return original.call(this, schema, meta);
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map<string, unknown>()));
    const known = cache.get(key);
    if (known !== undefined) {
      counters.reused++;
      return known;
    }
    const before = registered(this);
    const validator = original.call(this, schema, meta);
    if (registered(this) === before) cache.set(key, validator);
    return validator;
  };
  installed = true;
}

/** Compiles asked for and compiles served from the cache since the last reset (for tests and the bench). */
export function compileCacheCounters(reset = false): { compiles: number; reused: number } {
  const now = counters;
  if (reset) counters = { compiles: 0, reused: 0 };
  return now;
}
