// Validation with ajv 8: draft-07 for OAS 3.0 / Swagger 2.0 schemas (after convert.ts), JSON Schema 2020-12 for
// OAS 3.1. Values that travelled as text (parameters, headers, form fields) are validated with type coercion,
// so "5" is an integer there as the server would read it.
import * as ajvModule from 'ajv8';
import * as ajv2020Module from 'ajv8/dist/2020.js';
import { cjsExports } from '../../../../../shared/src/lib/cjs-interop.js';
import type { JsonObject, JsonValue } from '../../spec/types.js';
import type { PortableSchema } from '../types.js';
import { FORMATS } from './formats.js';

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params?: Record<string, unknown>;
}
type ValidateFunction = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
interface AjvInstance {
  compile(schema: object): ValidateFunction;
  addFormat(name: string, format: { type: string; validate: (value: never) => boolean }): unknown;
}
type AjvClass = new (options: object) => AjvInstance;

const Ajv07 = cjsExports<{ default: AjvClass }>(ajvModule, 'default').default;
const Ajv2020 = cjsExports<{ default: AjvClass }>(ajv2020Module, 'default').default;

function create(dialect: PortableSchema['dialect'], coerce: boolean): AjvInstance {
  const Class = dialect === '2020-12' ? Ajv2020 : Ajv07;
  const ajv = new Class({
    strict: false,
    allErrors: true,
    logger: false,
    // Specs are not always valid regexes for the u flag; the validator should not give up on them.
    unicodeRegExp: false,
    validateSchema: false,
    ...(coerce ? { coerceTypes: 'array' } : {})
  });
  for (const [name, format] of Object.entries(FORMATS)) {
    ajv.addFormat(name, { type: format.type, validate: format.validate });
  }
  return ajv;
}

export interface ValidationOutcome {
  valid: boolean;
  /** At most a few, one line each: `/items/0/name: must be string`. */
  errors: string[];
}

const MAX_ERRORS = 5;

function describe(error: AjvError, prefix: string): string {
  const where = `${prefix}${error.instancePath}` || '/';
  let message = error.message ?? error.keyword;
  if (error.keyword === 'enum' && Array.isArray(error.params?.allowedValues))
    message = `must be one of ${JSON.stringify(error.params.allowedValues)}`;
  if (error.keyword === 'additionalProperties' && typeof error.params?.additionalProperty === 'string')
    message = `has undocumented property "${error.params.additionalProperty}"`;
  return `${where}: ${message}`;
}

/** Compiled validators, cached per schema object (live runs) or per text (replays read schemas from JSON). */
export class SchemaValidator {
  private readonly instances = new Map<string, AjvInstance>();
  private readonly byObject = new WeakMap<JsonObject, ValidateFunction>();
  private readonly byObjectCoerced = new WeakMap<JsonObject, ValidateFunction>();
  private readonly broken = new WeakMap<JsonObject, string>();

  private instance(dialect: PortableSchema['dialect'], coerce: boolean): AjvInstance {
    const key = `${dialect}:${coerce}`;
    let ajv = this.instances.get(key);
    if (!ajv) {
      ajv = create(dialect, coerce);
      this.instances.set(key, ajv);
    }
    return ajv;
  }

  /** Validates data; `coerce` wraps it so even a top-level string can be read as a number. */
  validate(
    portable: PortableSchema,
    data: unknown,
    options: { coerce?: boolean; prefix?: string } = {}
  ): ValidationOutcome {
    const coerce = options.coerce === true;
    const cache = coerce ? this.byObjectCoerced : this.byObject;
    const failure = this.broken.get(portable.schema);
    if (failure !== undefined) return { valid: true, errors: [] };
    let validate = cache.get(portable.schema);
    if (!validate) {
      const schema = coerce ? wrap(portable) : portable.schema;
      try {
        validate = this.instance(portable.dialect, coerce).compile(schema);
      } catch (error) {
        // A schema ajv cannot compile (a bad pattern, say) is the spec's problem; lint reports it. Here it
        // validates nothing rather than failing every response.
        this.broken.set(portable.schema, error instanceof Error ? error.message : String(error));
        return { valid: true, errors: [] };
      }
      cache.set(portable.schema, validate);
    }
    const input = coerce ? { value: data } : data;
    if (validate(input)) return { valid: true, errors: [] };
    const prefix = options.prefix ?? '';
    const errors = (validate.errors ?? [])
      .filter((e) => e.keyword !== 'if')
      .map((e) => describe(coerce ? { ...e, instancePath: e.instancePath.replace(/^\/value/, '') } : e, prefix));
    return { valid: false, errors: [...new Set(errors)].slice(0, MAX_ERRORS) };
  }

  /** Compiles ahead of use, so the cost is not paid while requests are in flight (it would skew their times). */
  warm(portable: PortableSchema, options: { coerce?: boolean } = {}): void {
    this.validate(portable, undefined, options);
  }

  /** Why a schema could not be compiled, if it could not. */
  compileProblem(portable: PortableSchema): string | undefined {
    return this.broken.get(portable.schema);
  }
}

/**
 * Text cannot tell oneOf branches apart ("5" is both an integer and a string once read), so for values that
 * travelled as text oneOf means anyOf.
 */
function textual(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(textual);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const name = key === 'oneOf' ? 'anyOf' : key;
    // Literal values stay as they are; only schema keywords are renamed.
    const literal = key === 'enum' || key === 'const' || key === 'default';
    Object.defineProperty(out, name, {
      value: literal ? child : textual(child),
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return out;
}

/** Coercion only applies to values inside an object, so the value moves under a property. */
function wrap(portable: PortableSchema): JsonObject {
  const defsKey = portable.dialect === '2020-12' ? '$defs' : 'definitions';
  const { [defsKey]: defs, ...rest } = textual(portable.schema) as JsonObject;
  const wrapped: JsonObject = { type: 'object', properties: { value: rest } };
  if (defs !== undefined) wrapped[defsKey] = defs;
  return wrapped;
}
