// What to send: per operation a baseline request (the spec's examples where it has them, generated values
// elsewhere), then cases that change one thing from it: each further example, each boundary value of each
// parameter and body field (positive), each single broken constraint (negative). Every generated value is
// validated against its schema before it is used, so a "positive" case is valid and a "negative" one invalid.
import type { JsonObject, JsonValue } from '../spec/types.js';
import type { SchemeShape } from './auth.js';
import { isObject, type ApiModel, type MediaModel, type Operation, type ParameterModel } from './model.js';
import type { Rng } from './prng.js';
import { toPortable, type Direction } from './schema/convert.js';
import { NONE, SchemaGenerator, type Variant } from './schema/generate.js';
import { SchemaValidator } from './schema/validate.js';
import { isJsonMedia, rankMediaTypes, scalarText, serializeBody } from './serialize.js';
import type { CaseKind, PortableSchema } from './types.js';

export interface CaseInput {
  params: Map<ParameterModel, JsonValue>;
  body?: { media: MediaModel; value: JsonValue };
}

export type StatefulRole = 'create' | 'read-after-create' | 'delete' | 'read-after-delete';

export interface PlannedCase {
  op: Operation;
  kind: CaseKind;
  description: string;
  /** Lower-case; differs from op.method for unsupported-method and options probes. */
  method: string;
  input: CaseInput;
  /** `credentials`: apply what the caller configured; `none`: send none and strip any a hook added. */
  auth: 'credentials' | 'none';
  /** missing-header probes: the header left out. */
  omitHeader?: string;
  role?: StatefulRole;
  /** Stateful failures belong to the operation that misbehaved (the create or the delete), not the read. */
  attributeTo?: Operation;
  /** A concrete path to call instead of the template (a Location header). */
  concretePath?: string;
  /** Schemes the previous step used, so a stateful read authenticates like its create. */
  schemes?: SchemeShape[];
}

export interface PortableCache {
  get(schema: JsonObject, direction: Direction): PortableSchema;
}

export function createPortableCache(model: ApiModel): PortableCache {
  const cache = {
    request: new WeakMap<JsonObject, PortableSchema>(),
    response: new WeakMap<JsonObject, PortableSchema>()
  };
  const legacy = model.version !== '3.1';
  return {
    get(schema, direction) {
      let portable = cache[direction].get(schema);
      if (!portable) {
        portable = toPortable(schema, { legacy, direction, model });
        cache[direction].set(schema, portable);
      }
      return portable;
    }
  };
}

/** The value as a server reads it off the wire: scalars become text, structure stays. */
export function wireForm(value: JsonValue): JsonValue {
  if (Array.isArray(value))
    return value.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : scalarText(v)));
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value))
      out[k] = v !== null && typeof v === 'object' ? JSON.stringify(v) : scalarText(v);
    return out;
  }
  return scalarText(value);
}

function describeParam(param: ParameterModel): string {
  return `${param.in}.${param.name}`;
}

export class CasePlanner {
  readonly generator: SchemaGenerator;
  private readonly exampleGenerator: SchemaGenerator;
  readonly notes: string[] = [];

  constructor(
    private readonly model: ApiModel,
    private readonly portables: PortableCache,
    private readonly validator: SchemaValidator,
    private readonly maxCases: number
  ) {
    const legacy = model.version !== '3.1';
    this.generator = new SchemaGenerator({ legacy, direction: 'request', model });
    this.exampleGenerator = new SchemaGenerator({ legacy, direction: 'request', model, preferExamples: true });
  }

  paramValid(param: ParameterModel, value: JsonValue): boolean {
    const portable = this.portables.get(param.schema, 'request');
    // content parameters carry JSON, not text.
    if (param.contentType) return this.validator.validate(portable, value).valid;
    return this.validator.validate(portable, wireForm(value), { coerce: true }).valid;
  }

  bodyValid(media: MediaModel, value: JsonValue): boolean {
    if (!media.schema) return true;
    const portable = this.portables.get(media.schema, 'request');
    if (isJsonMedia(media.type)) return this.validator.validate(portable, value).valid;
    const coerced = isObject(value) ? wireForm(value) : value;
    return this.validator.validate(portable, coerced, { coerce: true }).valid;
  }

  private context(param: ParameterModel) {
    return { wire: !param.contentType, path: param.in === 'path' };
  }

  private bodyContext(media: MediaModel) {
    return { wire: !isJsonMedia(media.type) };
  }

  /** Whether the engine can put this value on the wire as this media type (XML from an object, say, it cannot). */
  writable(media: MediaModel, value: JsonValue): boolean {
    return serializeBody(media, value, '0') !== undefined;
  }

  /** A valid value for a parameter: its first valid example, else a generated one; undefined if none. */
  paramValue(op: Operation, param: ParameterModel, rng: Rng): JsonValue | undefined {
    for (const example of param.examples) {
      if (this.paramValid(param, example)) return example;
    }
    if (param.examples.length > 0)
      this.note(op, `the example of ${describeParam(param)} does not match its schema; not used`);
    for (let attempt = 0; attempt < 4; attempt++) {
      const value = this.generator.sample(param.schema, rng, this.context(param));
      if (value !== NONE && this.paramValid(param, value)) return value;
    }
    return undefined;
  }

  bodyValue(op: Operation, media: MediaModel, rng: Rng): JsonValue | undefined {
    for (const example of media.examples) {
      if (this.bodyValid(media, example)) return example;
    }
    if (media.examples.length > 0)
      this.note(op, `the ${media.type} example of the request body does not match its schema; not used`);
    if (!media.schema) return media.examples[0] ?? undefined;
    for (const generator of [this.exampleGenerator, this.generator]) {
      for (let attempt = 0; attempt < 4; attempt++) {
        const value = generator.sample(media.schema, rng, this.bodyContext(media));
        if (value !== NONE && this.bodyValid(media, value)) return value;
      }
    }
    return undefined;
  }

  private note(op: Operation, text: string): void {
    const line = `${op.key}: ${text}`;
    if (!this.notes.includes(line)) this.notes.push(line);
  }

  /**
   * The request every other case varies: required parameters, optional ones the spec gives an example for,
   * and the body when there is one. Undefined (with a note) when a required value cannot be produced.
   */
  baseline(op: Operation, rng: Rng): CaseInput | undefined {
    const params = new Map<ParameterModel, JsonValue>();
    for (const param of op.parameters) {
      if (!param.required && param.examples.length === 0) continue;
      const value = this.paramValue(op, param, rng);
      if (value === undefined) {
        if (param.required) {
          this.note(op, `no valid value for required ${describeParam(param)}; operation not tested`);
          return undefined;
        }
        continue;
      }
      params.set(param, value);
    }
    if (!op.requestBody) return { params };
    // The first media type (JSON first) the engine can both generate and write.
    for (const media of rankMediaTypes(op.requestBody.content)) {
      const value = this.bodyValue(op, media, rng);
      if (value !== undefined && this.writable(media, value)) return { params, body: { media, value } };
    }
    if (op.requestBody.required) {
      const types = op.requestBody.content.map((m) => m.type).join(', ');
      this.note(op, `no valid request body (${types}) could be generated; operation not tested`);
      return undefined;
    }
    return { params };
  }

  /** The baseline, then one case per further example (parameter examples, other media examples). */
  exampleCases(op: Operation, base: CaseInput, hasExamples: boolean): PlannedCase[] {
    const cases: PlannedCase[] = [
      this.make(
        op,
        hasExamples ? 'example' : 'positive',
        hasExamples ? 'the examples in the spec' : 'a generated valid request',
        base
      )
    ];
    for (const param of op.parameters) {
      const seen = new Set([JSON.stringify(base.params.get(param))]);
      for (const example of param.examples) {
        const key = JSON.stringify(example);
        if (seen.has(key) || !this.paramValid(param, example)) continue;
        seen.add(key);
        cases.push(this.vary(op, 'example', `example ${key} for ${describeParam(param)}`, base, param, example));
      }
    }
    if (op.requestBody) {
      for (const media of op.requestBody.content) {
        const seen = new Set([JSON.stringify(base.body?.media === media ? base.body.value : undefined)]);
        for (const example of media.examples) {
          const key = JSON.stringify(example);
          if (seen.has(key) || !this.bodyValid(media, example) || !this.writable(media, example)) continue;
          seen.add(key);
          cases.push(
            this.make(op, 'example', `${media.type} body example`, {
              params: base.params,
              body: { media, value: example }
            })
          );
        }
      }
    }
    return cases.slice(0, this.maxCases);
  }

  positiveCases(op: Operation, base: CaseInput, rng: Rng): PlannedCase[] {
    const cases: PlannedCase[] = [];
    for (const param of op.parameters) {
      const variants = this.generator.positives(param.schema, rng, this.context(param));
      for (const variant of variants) {
        if (!this.paramValid(param, variant.value)) continue;
        cases.push(this.vary(op, 'positive', `${describeParam(param)}: ${variant.label}`, base, param, variant.value));
      }
      if (!param.required && base.params.has(param)) {
        const params = new Map(base.params);
        params.delete(param);
        cases.push(this.make(op, 'positive', `without optional ${describeParam(param)}`, { ...base, params }));
      }
    }
    if (base.body) {
      const { media, value } = base.body;
      if (media.schema) {
        for (const variant of this.generator.positives(media.schema, rng, this.bodyContext(media), value)) {
          if (!this.bodyValid(media, variant.value)) continue;
          cases.push(
            this.make(op, 'positive', `body ${variant.label}`, {
              params: base.params,
              body: { media, value: variant.value }
            })
          );
        }
      }
      for (const other of op.requestBody!.content) {
        if (other === media || !this.bodyValid(other, value) || !this.writable(other, value)) continue;
        cases.push(
          this.make(op, 'positive', `body as ${other.type}`, { params: base.params, body: { media: other, value } })
        );
      }
      if (!op.requestBody!.required)
        cases.push(this.make(op, 'positive', 'no body (the request body is optional)', { params: base.params }));
    }
    return spread(cases, this.maxCases);
  }

  negativeCases(op: Operation, base: CaseInput, rng: Rng): PlannedCase[] {
    const cases: PlannedCase[] = [];
    for (const param of op.parameters) {
      // A missing required header is the missing-required-header check's own probe.
      if (param.required && param.in !== 'path' && param.in !== 'header' && base.params.has(param)) {
        const params = new Map(base.params);
        params.delete(param);
        cases.push(this.make(op, 'negative', `missing required ${describeParam(param)}`, { ...base, params }));
      }
      const variants: Variant[] = this.generator.negatives(
        param.schema,
        rng,
        this.context(param),
        base.params.get(param)
      );
      for (const variant of variants) {
        if (this.paramValid(param, variant.value)) continue;
        cases.push(this.vary(op, 'negative', `${describeParam(param)}: ${variant.label}`, base, param, variant.value));
      }
    }
    if (op.requestBody) {
      if (op.requestBody.required)
        cases.push(this.make(op, 'negative', 'no body although the request body is required', { params: base.params }));
      if (base.body?.media.schema) {
        const { media, value } = base.body;
        for (const variant of this.generator.negatives(media.schema!, rng, this.bodyContext(media), value)) {
          if (this.bodyValid(media, variant.value)) continue;
          cases.push(
            this.make(op, 'negative', `body ${variant.label}`, {
              params: base.params,
              body: { media, value: variant.value }
            })
          );
        }
      }
    }
    return spread(cases, this.maxCases);
  }

  make(
    op: Operation,
    kind: CaseKind,
    description: string,
    input: CaseInput,
    extra: Partial<PlannedCase> = {}
  ): PlannedCase {
    return { op, kind, description, method: op.method, input, auth: 'credentials', ...extra };
  }

  private vary(
    op: Operation,
    kind: CaseKind,
    description: string,
    base: CaseInput,
    param: ParameterModel,
    value: JsonValue
  ): PlannedCase {
    const params = new Map(base.params);
    params.set(param, value);
    return this.make(op, kind, description, { ...base, params });
  }
}

/** At most `limit` cases, taken evenly from the list so every parameter and field keeps some. */
function spread<T>(cases: T[], limit: number): T[] {
  if (cases.length <= limit) return cases;
  const out: T[] = [];
  const step = cases.length / limit;
  for (let i = 0; i < limit; i++) out.push(cases[Math.floor(i * step)]);
  return out;
}

/** Whether the operation has any example written in the spec (parameters or bodies). */
export function hasExamples(op: Operation): boolean {
  return (
    op.parameters.some((p) => p.examples.length > 0) ||
    (op.requestBody?.content.some(
      (m) => m.examples.length > 0 || (m.schema !== undefined && schemaHasExample(m.schema))
    ) ??
      false)
  );
}

function schemaHasExample(schema: JsonObject): boolean {
  if (schema.example !== undefined || Array.isArray(schema.examples)) return true;
  if (isObject(schema.properties))
    return Object.values(schema.properties).some(
      (p) => isObject(p) && (p.example !== undefined || Array.isArray(p.examples))
    );
  return false;
}
