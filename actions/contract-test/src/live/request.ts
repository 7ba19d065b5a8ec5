// A planned case as the HTTP request the engine sends: parameters serialised in their styles, the body in its
// media type, credentials from the chosen security scheme, and the spec's server path under the base URL.
import type { PlannedCase } from './cases.js';
import type { Credentials } from './auth.js';
import type { ApiModel } from './model.js';
import { serializeBody, serializeCookie, serializeHeader, serializePath, serializeQuery } from './serialize.js';
import type { WireRequest } from './client.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';

export const USER_AGENT = 'ubos-actions-contract-test';

export interface BuiltRequest {
  request: WireRequest;
  /** Security schemes whose credentials were added. */
  schemes: string[];
  /** `query.q`, `path.id` ...: the documented parameters this request carries. */
  sentParams: string[];
}

/** The base URL's own path wins; a bare origin gets the spec's server path (servers[0] or basePath). */
export function apiRoot(baseUrl: string, model: ApiModel): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigurationError(`base URL "${baseUrl}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigurationError(`base URL "${baseUrl}" must be http:// or https://`);
  if (url.username || url.password)
    throw new ConfigurationError('the base URL must not carry credentials; use the auth secrets');
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path === '' ? model.basePath : path}`;
}

export function buildRequest(
  kase: PlannedCase,
  root: string,
  credentials: Credentials,
  extraHeaders: Record<string, string>,
  boundarySeed: string
): BuiltRequest {
  const { op } = kase;
  let path = kase.concretePath ?? op.path;
  const query: string[] = [];
  const cookies: string[] = [];
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  for (const [name, value] of Object.entries(extraHeaders)) headers[name.toLowerCase()] = value;
  const sentParams: string[] = [];
  for (const [param, value] of kase.input.params) {
    if (param.in === 'path') {
      if (kase.concretePath) continue;
      path = path.split(`{${param.name}}`).join(serializePath(param, value));
    } else if (param.in === 'query') query.push(...serializeQuery(param, value));
    else if (param.in === 'header') {
      if (kase.omitHeader !== undefined && param.name.toLowerCase() === kase.omitHeader.toLowerCase()) continue;
      headers[param.name.toLowerCase()] = serializeHeader(param, value);
    } else cookies.push(serializeCookie(param, value));
    sentParams.push(`${param.in}.${param.name}`);
  }
  const accept = [...new Set(op.responses.flatMap((r) => r.content.map((m) => m.type)))];
  if (accept.length > 0 && kase.method !== 'options') headers['accept'] = accept.join(', ');
  let body: string | undefined;
  if (kase.input.body) {
    const serialized = serializeBody(kase.input.body.media, kase.input.body.value, boundarySeed);
    if (serialized) {
      headers['content-type'] = serialized.contentType;
      body = serialized.body;
    }
  }
  let schemes: string[] = [];
  if (kase.auth === 'credentials') {
    const chosen = kase.schemes ?? credentials.choose(op);
    if (chosen) {
      const applied = credentials.apply(chosen);
      Object.assign(headers, applied.headers);
      query.push(...applied.query);
      cookies.push(...applied.cookies);
      schemes = applied.schemes;
    }
  }
  if (cookies.length > 0) headers['cookie'] = cookies.join('; ');
  const [concrete, concreteQuery] = path.split('?', 2) as [string, string | undefined];
  const allQuery = [...(concreteQuery ? [concreteQuery] : []), ...query];
  const url = `${root}${concrete}${allQuery.length > 0 ? `?${allQuery.join('&')}` : ''}`;
  return { request: { method: kase.method.toUpperCase(), url, headers, body }, schemes, sentParams };
}
