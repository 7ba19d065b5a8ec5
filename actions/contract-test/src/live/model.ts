// The loaded spec (Swagger 2.0, OAS 3.0 or 3.1) turned into one shape the live engine walks: operations with
// their parameters (style and explode settled), bodies, responses, links and security, whatever the version.
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { textOf } from '../../../../shared/src/lib/text.js';
import type { JsonObject, JsonValue, LoadedSpec, SourceLocation } from '../spec/types.js';
import { HTTP_METHODS, type HttpMethod } from './types.js';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: JsonObject;
  style: string;
  explode: boolean;
  allowReserved: boolean;
  /** Set for parameters described with `content` (the value is serialised as that media type, JSON only). */
  contentType?: string;
  /** Example values written in the spec, in the order found. */
  examples: JsonValue[];
}

export interface MediaModel {
  type: string;
  schema?: JsonObject;
  examples: JsonValue[];
  encoding?: JsonObject;
}

export interface RequestBodyModel {
  required: boolean;
  content: MediaModel[];
}

export interface HeaderModel {
  name: string;
  required: boolean;
  schema: JsonObject;
}

export interface LinkModel {
  name: string;
  operationId?: string;
  operationRef?: string;
  parameters: Record<string, JsonValue>;
  requestBody?: JsonValue;
}

export interface ResponseModel {
  /** As written: 200, 2XX or default. */
  key: string;
  content: MediaModel[];
  headers: HeaderModel[];
  links: LinkModel[];
}

export type SchemeKind = 'bearer' | 'basic' | 'apiKey' | 'other';

export interface SchemeModel {
  name: string;
  kind: SchemeKind;
  /** apiKey: where the key goes. */
  in?: 'header' | 'query' | 'cookie';
  /** apiKey: the header, query parameter or cookie name. */
  paramName?: string;
  /** What the spec calls it (http/bearer, oauth2, mutualTLS ...), for messages. */
  description: string;
}

export interface Operation {
  /** `GET /items/{id}`. */
  key: string;
  method: HttpMethod;
  path: string;
  operationId?: string;
  location?: SourceLocation;
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responses: ResponseModel[];
  /** Alternatives (any one suffices), each a set of schemes used together; [] means no security. */
  security: SchemeModel[][];
  /** Some alternative is empty ({}): anonymous access is documented as allowed. */
  anonymousAllowed: boolean;
  deprecated: boolean;
}

export interface ApiModel {
  spec: LoadedSpec;
  version: LoadedSpec['version'];
  title?: string;
  /** Path of the first server (OAS 3) or basePath (2.0), no trailing slash; '' when none. */
  basePath: string;
  operations: Operation[];
  /** The documented methods of each path template. */
  methodsByPath: Map<string, HttpMethod[]>;
  schemes: Map<string, SchemeModel>;
  /** Resolves a local JSON pointer (`#/components/schemas/Cat`), for discriminator mappings. */
  resolvePointer(ref: string): JsonValue | undefined;
  /** Schemas under components/schemas (or definitions) by name. */
  namedSchemas: Map<string, JsonObject>;
  /** Problems that stop nothing but deserve a line in the report. */
  notes: string[];
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asObject(value: JsonValue | undefined): JsonObject {
  return isObject(value) ? value : {};
}

function asString(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const IN_VALUES = new Set<ParameterLocation>(['path', 'query', 'header', 'cookie']);

/** Parameter examples in Dredd's order of preference first (x-example), then OAS 3's, then the schema's. */
function parameterExamples(node: JsonObject, schema: JsonObject): JsonValue[] {
  const found: JsonValue[] = [];
  if (node['x-example'] !== undefined) found.push(node['x-example']);
  if (node.example !== undefined) found.push(node.example);
  for (const example of Object.values(asObject(node.examples))) {
    if (isObject(example) && example.value !== undefined) found.push(example.value);
  }
  found.push(...schemaExamples(schema));
  return found;
}

export function schemaExamples(schema: JsonObject): JsonValue[] {
  const found: JsonValue[] = [];
  if (schema.example !== undefined) found.push(schema.example);
  if (Array.isArray(schema.examples)) found.push(...schema.examples);
  return found;
}

function mediaExamples(node: JsonObject): JsonValue[] {
  const found: JsonValue[] = [];
  if (node.example !== undefined) found.push(node.example);
  for (const example of Object.values(asObject(node.examples))) {
    if (isObject(example) && example.value !== undefined) found.push(example.value);
  }
  return found;
}

function defaultStyle(location: ParameterLocation): string {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

function parameterOas3(node: JsonObject): ParameterModel | undefined {
  const name = asString(node.name);
  const location = asString(node.in) as ParameterLocation | undefined;
  if (name === undefined || location === undefined || !IN_VALUES.has(location)) return undefined;
  let schema = asObject(node.schema);
  let contentType: string | undefined;
  if (!isObject(node.schema) && isObject(node.content)) {
    const [type, media] = Object.entries(node.content)[0] ?? [];
    if (type !== undefined) {
      contentType = type;
      schema = asObject(asObject(media).schema);
    }
  }
  const style = asString(node.style) ?? defaultStyle(location);
  return {
    name,
    in: location,
    required: location === 'path' ? true : node.required === true,
    schema,
    style,
    explode: typeof node.explode === 'boolean' ? node.explode : style === 'form',
    allowReserved: node.allowReserved === true,
    contentType,
    examples: parameterExamples(node, schema)
  };
}

const SWAGGER_SCHEMA_KEYS = [
  'type',
  'format',
  'items',
  'enum',
  'default',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf'
];

/** A Swagger 2.0 non-body parameter carries its schema keywords inline; collectionFormat becomes a style. */
function parameterSwagger(node: JsonObject): ParameterModel | undefined {
  const name = asString(node.name);
  const location = asString(node.in) as ParameterLocation | undefined;
  if (name === undefined || location === undefined || !IN_VALUES.has(location)) return undefined;
  const schema: JsonObject = {};
  for (const key of SWAGGER_SCHEMA_KEYS) if (node[key] !== undefined) schema[key] = swaggerItems(node[key], key);
  if (node['x-nullable'] === true) schema.nullable = true;
  const format = asString(node.collectionFormat) ?? 'csv';
  let style = defaultStyle(location);
  let explode = false;
  if (schema.type === 'array') {
    if (format === 'multi') explode = true;
    else if (format === 'ssv') style = 'spaceDelimited';
    else if (format === 'pipes') style = 'pipeDelimited';
    else if (format === 'tsv') style = 'tabDelimited';
  } else explode = style === 'form';
  return {
    name,
    in: location,
    required: location === 'path' ? true : node.required === true,
    schema,
    style,
    explode,
    allowReserved: false,
    examples: parameterExamples(node, schema)
  };
}

function swaggerItems(value: JsonValue, key: string): JsonValue {
  if (key !== 'items' || !isObject(value)) return value;
  const items: JsonObject = {};
  for (const k of SWAGGER_SCHEMA_KEYS) if (value[k] !== undefined) items[k] = swaggerItems(value[k], k);
  return items;
}

function mergeParameters(
  level: JsonValue | undefined,
  operation: JsonValue | undefined,
  read: (node: JsonObject) => ParameterModel | undefined
): { params: ParameterModel[]; body: JsonObject[] } {
  const byKey = new Map<string, ParameterModel>();
  const body: JsonObject[] = [];
  for (const list of [level, operation]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      if (!isObject(raw)) continue;
      if (raw.in === 'body' || raw.in === 'formData') {
        body.push(raw);
        continue;
      }
      const param = read(raw);
      // Operation-level parameters override path-level ones with the same name and location.
      if (param) byKey.set(`${param.in}:${param.in === 'header' ? param.name.toLowerCase() : param.name}`, param);
    }
  }
  return { params: [...byKey.values()], body };
}

function mediaList(content: JsonValue | undefined): MediaModel[] {
  return Object.entries(asObject(content)).map(([type, node]) => {
    const media = asObject(node);
    return {
      type,
      schema: isObject(media.schema) ? media.schema : undefined,
      examples: mediaExamples(media),
      encoding: isObject(media.encoding) ? media.encoding : undefined
    };
  });
}

function headerList(headers: JsonValue | undefined, swagger: boolean): HeaderModel[] {
  return Object.entries(asObject(headers)).flatMap(([name, node]) => {
    const header = asObject(node);
    // Content-Type is described by the media types, not as a header (OAS 3 says to ignore it).
    if (name.toLowerCase() === 'content-type') return [];
    let schema = asObject(header.schema);
    if (swagger) {
      schema = {};
      for (const key of SWAGGER_SCHEMA_KEYS) if (header[key] !== undefined) schema[key] = header[key]!;
    } else if (!isObject(header.schema) && isObject(header.content)) {
      schema = asObject(asObject(Object.values(header.content)[0]).schema);
    }
    // Swagger 2.0 headers have no `required`: a documented header is expected.
    return [{ name, required: swagger ? true : header.required === true, schema }];
  });
}

function linkList(links: JsonValue | undefined): LinkModel[] {
  return Object.entries(asObject(links)).map(([name, node]) => {
    const link = asObject(node);
    return {
      name,
      operationId: asString(link.operationId),
      operationRef: asString(link.operationRef),
      parameters: asObject(link.parameters),
      requestBody: link.requestBody
    };
  });
}

function schemeModel(name: string, node: JsonObject, swagger: boolean): SchemeModel {
  const type = asString(node.type) ?? '';
  if (swagger) {
    if (type === 'basic') return { name, kind: 'basic', description: 'basic' };
    if (type === 'apiKey')
      return {
        name,
        kind: 'apiKey',
        in: node.in === 'query' ? 'query' : 'header',
        paramName: asString(node.name) ?? name,
        description: `apiKey in ${textOf(node.in)}`
      };
    if (type === 'oauth2') return { name, kind: 'bearer', description: 'oauth2' };
    return { name, kind: 'other', description: type };
  }
  if (type === 'http') {
    const scheme = (asString(node.scheme) ?? '').toLowerCase();
    if (scheme === 'basic') return { name, kind: 'basic', description: 'http basic' };
    if (scheme === 'bearer') return { name, kind: 'bearer', description: 'http bearer' };
    return { name, kind: 'other', description: `http ${scheme}` };
  }
  if (type === 'apiKey') {
    const where = node.in === 'query' || node.in === 'cookie' ? node.in : 'header';
    return {
      name,
      kind: 'apiKey',
      in: where,
      paramName: asString(node.name) ?? name,
      description: `apiKey in ${where}`
    };
  }
  if (type === 'oauth2' || type === 'openIdConnect') return { name, kind: 'bearer', description: type };
  return { name, kind: 'other', description: type || 'unknown' };
}

function serverPath(document: JsonObject, swagger: boolean): string {
  if (swagger) return (asString(document.basePath) ?? '').replace(/\/+$/, '');
  const first = Array.isArray(document.servers) ? asObject(document.servers[0]) : {};
  let url = asString(first.url) ?? '';
  for (const [name, variable] of Object.entries(asObject(first.variables))) {
    url = url.split(`{${name}}`).join(textOf(asObject(variable).default ?? ''));
  }
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url)?.[1] ?? (url.startsWith('/') ? url : '');
  return path.replace(/[?#].*$/, '').replace(/\/+$/, '');
}

/** Builds the model; throws ConfigurationError when there is nothing to test. */
export function buildModel(spec: LoadedSpec): ApiModel {
  const document = spec.document;
  const swagger = spec.version === '2.0';
  const notes: string[] = [];
  const schemes = new Map<string, SchemeModel>();
  const schemeSource = swagger ? document.securityDefinitions : asObject(document.components).securitySchemes;
  for (const [name, node] of Object.entries(asObject(schemeSource))) {
    schemes.set(name, schemeModel(name, asObject(node), swagger));
  }
  const namedSchemas = new Map<string, JsonObject>();
  const schemaSource = swagger ? document.definitions : asObject(document.components).schemas;
  for (const [name, node] of Object.entries(asObject(schemaSource))) if (isObject(node)) namedSchemas.set(name, node);

  const globalConsumes = Array.isArray(document.consumes) ? document.consumes.map(String) : [];
  const globalProduces = Array.isArray(document.produces) ? document.produces.map(String) : [];
  const operations: Operation[] = [];
  const methodsByPath = new Map<string, HttpMethod[]>();
  const paths = asObject(document.paths);
  for (const [path, pathNode] of Object.entries(paths)) {
    if (!isObject(pathNode) || !path.startsWith('/')) continue;
    const methods: HttpMethod[] = [];
    for (const method of HTTP_METHODS) {
      const node = pathNode[method];
      if (!isObject(node)) continue;
      methods.push(method);
      const { params, body } = mergeParameters(
        pathNode.parameters,
        node.parameters,
        swagger ? parameterSwagger : parameterOas3
      );
      const consumes = Array.isArray(node.consumes) ? node.consumes.map(String) : globalConsumes;
      const produces = Array.isArray(node.produces) ? node.produces.map(String) : globalProduces;
      const requestBody = swagger ? swaggerBody(body, consumes) : oas3Body(node.requestBody);
      const responses = Object.entries(asObject(node.responses)).map(([key, raw]): ResponseModel => {
        const response = asObject(raw);
        if (swagger) {
          const types = produces.length > 0 ? produces : ['application/json'];
          const examples = asObject(response.examples);
          return {
            key,
            content: isObject(response.schema)
              ? types.map((type) => ({
                  type,
                  schema: response.schema as JsonObject,
                  examples: examples[type] !== undefined ? [examples[type]!] : []
                }))
              : [],
            headers: headerList(response.headers, true),
            links: []
          };
        }
        return {
          key,
          content: mediaList(response.content),
          headers: headerList(response.headers, false),
          links: linkList(response.links)
        };
      });
      const requirements = Array.isArray(node.security)
        ? node.security
        : Array.isArray(document.security)
          ? document.security
          : [];
      let anonymousAllowed = false;
      const security: SchemeModel[][] = [];
      for (const requirement of requirements) {
        if (!isObject(requirement)) continue;
        const names = Object.keys(requirement);
        if (names.length === 0) {
          anonymousAllowed = true;
          continue;
        }
        const alternative: SchemeModel[] = [];
        for (const name of names) {
          const scheme = schemes.get(name);
          if (scheme) alternative.push(scheme);
          else notes.push(`${method.toUpperCase()} ${path}: security scheme "${name}" is not defined`);
        }
        if (alternative.length === names.length) security.push(alternative);
      }
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        operationId: asString(node.operationId),
        location: spec.locate(pathNode, method),
        parameters: params,
        requestBody,
        responses,
        security,
        anonymousAllowed,
        deprecated: node.deprecated === true
      });
    }
    methodsByPath.set(path, methods);
  }
  if (operations.length === 0) throw new ConfigurationError(`${spec.file}: the spec describes no operations to test`);

  const resolvePointer = (ref: string): JsonValue | undefined => {
    if (!ref.startsWith('#/')) return undefined;
    let node: JsonValue | undefined = document;
    for (const raw of ref.slice(2).split('/')) {
      const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(node)) node = node[Number(token)];
      else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, token)) node = node[token];
      else return undefined;
    }
    return node;
  };

  return {
    spec,
    version: spec.version,
    title: asString(asObject(document.info).title),
    basePath: serverPath(document, swagger),
    operations,
    methodsByPath,
    schemes,
    resolvePointer,
    namedSchemas,
    notes
  };
}

function oas3Body(raw: JsonValue | undefined): RequestBodyModel | undefined {
  if (!isObject(raw)) return undefined;
  const content = mediaList(raw.content);
  if (content.length === 0) return undefined;
  return { required: raw.required === true, content };
}

function swaggerBody(params: JsonObject[], consumes: string[]): RequestBodyModel | undefined {
  const bodyParam = params.find((p) => p.in === 'body');
  if (bodyParam) {
    const types = consumes.length > 0 ? consumes : ['application/json'];
    const schema = asObject(bodyParam.schema);
    const examples = bodyParam['x-example'] !== undefined ? [bodyParam['x-example']] : [];
    return { required: bodyParam.required === true, content: types.map((type) => ({ type, schema, examples })) };
  }
  const fields = params.filter((p) => p.in === 'formData');
  if (fields.length === 0) return undefined;
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const field of fields) {
    const param = parameterSwagger({ ...field, in: 'query' });
    if (!param) continue;
    properties[param.name] = field.type === 'file' ? { type: 'string', format: 'binary' } : param.schema;
    if (field.required === true) required.push(param.name);
  }
  const schema: JsonObject = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  const form = consumes.find((t) => /multipart\/form-data|x-www-form-urlencoded/.test(t));
  const type =
    form ?? (fields.some((f) => f.type === 'file') ? 'multipart/form-data' : 'application/x-www-form-urlencoded');
  return { required: required.length > 0, content: [{ type, schema, examples: [] }] };
}

/** Finds the operation a concrete path (no query) belongs to; templates with fewer parameters win. */
export function matchOperationPath(model: ApiModel, concretePath: string): string | undefined {
  let best: { template: string; params: number } | undefined;
  for (const template of model.methodsByPath.keys()) {
    const pattern = templateRegex(template);
    if (!pattern.test(concretePath)) continue;
    const params = (template.match(/\{[^}]+\}/g) ?? []).length;
    if (!best || params < best.params) best = { template, params };
  }
  return best?.template;
}

const templateCache = new Map<string, RegExp>();

export function templateRegex(template: string): RegExp {
  let regex = templateCache.get(template);
  if (!regex) {
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => (/^\{[^}]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${source}/?$`);
    templateCache.set(template, regex);
  }
  return regex;
}
