// Values onto the wire as OpenAPI describes: parameter styles (simple, label, matrix, form, spaceDelimited,
// pipeDelimited, deepObject) with explode, cookies, allowReserved, and request bodies as JSON, form-urlencoded,
// multipart or text.
import type { JsonObject, JsonValue } from '../spec/types.js';
import { isObject, type MediaModel, type ParameterModel } from './model.js';

const UNRESERVED_EXTRA = /[!'()*]/g;

/** RFC 3986 percent-encoding (encodeURIComponent leaves !'()* alone). */
export function encode(text: string, allowReserved = false): string {
  const encoded = encodeURIComponent(text).replace(
    UNRESERVED_EXTRA,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
  if (!allowReserved) return encoded;
  return encoded.replace(/%(3A|2F|3F|23|5B|5D|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi, (m) => decodeURIComponent(m));
}

/** The text form of one scalar (nested structures become JSON, which is what servers usually accept). */
export function scalarText(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function entries(value: JsonObject): [string, string][] {
  return Object.entries(value).map(([k, v]) => [k, scalarText(v)]);
}

/** The path segment text for `{name}`. */
export function serializePath(param: ParameterModel, value: JsonValue): string {
  const enc = (text: string) => encode(text);
  if (param.contentType) return enc(JSON.stringify(value));
  const { style, explode, name } = param;
  if (Array.isArray(value)) {
    const items = value.map((v) => enc(scalarText(v)));
    if (style === 'label') return `.${items.join(explode ? '.' : ',')}`;
    if (style === 'matrix') return explode ? items.map((i) => `;${name}=${i}`).join('') : `;${name}=${items.join(',')}`;
    return items.join(',');
  }
  if (isObject(value)) {
    const pairs = entries(value).map(([k, v]) => [enc(k), enc(v)] as const);
    const joined = explode ? pairs.map(([k, v]) => `${k}=${v}`) : pairs.flatMap(([k, v]) => [k, v]);
    if (style === 'label') return `.${joined.join(explode ? '.' : ',')}`;
    if (style === 'matrix') return explode ? joined.map((p) => `;${p}`).join('') : `;${name}=${joined.join(',')}`;
    return joined.join(',');
  }
  const text = enc(scalarText(value));
  if (style === 'label') return `.${text}`;
  if (style === 'matrix') return text === '' ? `;${name}` : `;${name}=${text}`;
  return text;
}

/** Encoded `name=value` pairs for the query string. */
export function serializeQuery(param: ParameterModel, value: JsonValue): string[] {
  const enc = (text: string) => encode(text, param.allowReserved);
  const name = encode(param.name);
  if (param.contentType) return [`${name}=${enc(JSON.stringify(value))}`];
  const { style, explode } = param;
  if (Array.isArray(value)) {
    const items = value.map((v) => enc(scalarText(v)));
    if (explode) return items.map((i) => `${name}=${i}`);
    const separator =
      style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : style === 'tabDelimited' ? '%09' : ',';
    return [`${name}=${items.join(separator)}`];
  }
  if (isObject(value)) {
    if (style === 'deepObject') return entries(value).map(([k, v]) => `${name}%5B${encode(k)}%5D=${enc(v)}`);
    if (explode) return entries(value).map(([k, v]) => `${encode(k)}=${enc(v)}`);
    const separator = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
    return [
      `${name}=${entries(value)
        .flatMap(([k, v]) => [enc(k), enc(v)])
        .join(separator)}`
    ];
  }
  return [`${name}=${enc(scalarText(value))}`];
}

/** Header values are sent as written, except bytes a header cannot carry, which are percent-encoded. */
function headerSafe(text: string): string {
  return text.replace(/[^\t\x20-\x7e]/g, (c) => encodeURIComponent(c));
}

export function serializeHeader(param: ParameterModel, value: JsonValue): string {
  if (param.contentType) return headerSafe(JSON.stringify(value));
  if (Array.isArray(value)) return headerSafe(value.map(scalarText).join(','));
  if (isObject(value)) {
    const pairs = entries(value);
    return headerSafe((param.explode ? pairs.map(([k, v]) => `${k}=${v}`) : pairs.flat()).join(','));
  }
  return headerSafe(scalarText(value));
}

/** One `name=value` cookie pair (form style; arrays and objects comma-joined as explode=false). */
export function serializeCookie(param: ParameterModel, value: JsonValue): string {
  let text: string;
  if (param.contentType) text = JSON.stringify(value);
  else if (Array.isArray(value)) text = value.map(scalarText).join(',');
  else if (isObject(value)) text = entries(value).flat().join(',');
  else text = scalarText(value);
  return `${param.name}=${encode(text)}`;
}

/** JSON media types (application/json, anything +json, and wildcards, which JSON satisfies). */
export function isJsonMedia(type: string): boolean {
  const base = type.split(';')[0].trim().toLowerCase();
  return base === '*/*' || base === 'application/*' || base.endsWith('/json') || base.endsWith('+json');
}

/** The media type the engine sends for a body, best first: JSON, form, multipart, text, anything with an example. */
export function rankMediaTypes(content: readonly MediaModel[]): MediaModel[] {
  const rank = (type: string) => {
    const base = type.split(';')[0].trim().toLowerCase();
    if (base === 'application/json') return 0;
    if (isJsonMedia(base) && !base.includes('*')) return 1;
    if (base === 'application/x-www-form-urlencoded') return 2;
    if (base === 'multipart/form-data') return 3;
    if (base.startsWith('text/')) return 4;
    if (base.includes('*')) return 5;
    return 6;
  };
  return [...content].sort((a, b) => rank(a.type) - rank(b.type));
}

export interface SerializedBody {
  contentType: string;
  body: string;
}

/** A body for `media`, or undefined when the engine cannot write that media type from this value. */
export function serializeBody(media: MediaModel, value: JsonValue, boundarySeed: string): SerializedBody | undefined {
  const base = media.type.split(';')[0].trim().toLowerCase();
  if (base === '*/*' || base === 'application/*')
    return { contentType: 'application/json', body: JSON.stringify(value) };
  if (isJsonMedia(base)) return { contentType: media.type, body: JSON.stringify(value) };
  if (base === 'application/x-www-form-urlencoded') {
    if (!isObject(value)) return undefined;
    const pairs: string[] = [];
    for (const [key, field] of Object.entries(value)) {
      const encoding = isObject(media.encoding?.[key]) ? media.encoding[key] : {};
      const explode = typeof encoding.explode === 'boolean' ? encoding.explode : true;
      if (Array.isArray(field) && explode)
        for (const item of field) pairs.push(`${encode(key)}=${encode(scalarText(item))}`);
      else if (Array.isArray(field)) pairs.push(`${encode(key)}=${encode(field.map(scalarText).join(','))}`);
      else pairs.push(`${encode(key)}=${encode(scalarText(field))}`);
    }
    return { contentType: media.type, body: pairs.join('&') };
  }
  if (base === 'multipart/form-data') {
    if (!isObject(value)) return undefined;
    const boundary = `----ubos${boundarySeed}`;
    const parts: string[] = [];
    const part = (name: string, text: string, type?: string, filename?: string) => {
      const disposition = `form-data; name="${name.replace(/"/g, '%22')}"${filename ? `; filename="${filename}"` : ''}`;
      parts.push(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n${text}\r\n`
      );
    };
    const properties = isObject(media.schema?.properties) ? media.schema.properties : {};
    for (const [key, field] of Object.entries(value)) {
      const schema = isObject(properties[key]) ? properties[key] : {};
      const binary = schema.format === 'binary' || schema.contentMediaType !== undefined;
      if (Array.isArray(field) && field.every((item) => item === null || typeof item !== 'object'))
        for (const item of field) part(key, scalarText(item));
      else if (field !== null && typeof field === 'object') part(key, JSON.stringify(field), 'application/json');
      else if (binary) part(key, scalarText(field), 'application/octet-stream', `${key}.bin`);
      else part(key, scalarText(field));
    }
    return { contentType: `multipart/form-data; boundary=${boundary}`, body: `${parts.join('')}--${boundary}--\r\n` };
  }
  if (base.startsWith('text/') || base === 'application/octet-stream')
    return { contentType: media.type, body: typeof value === 'string' ? value : JSON.stringify(value) };
  // Other media types (XML, protobuf ...) only when the spec gave the body as text.
  return typeof value === 'string' ? { contentType: media.type, body: value } : undefined;
}
