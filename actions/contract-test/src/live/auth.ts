// Credentials from the spec's security schemes: bearer (also oauth2 and openIdConnect tokens), basic, and API
// keys in a header, the query or a cookie. The secret values come from the caller and are collected for
// redaction the moment they are known.
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import type { Operation, SchemeModel } from './model.js';
import type { AuthSecrets } from './types.js';

export interface AppliedAuth {
  headers: Record<string, string>;
  /** Encoded `name=value` pairs. */
  query: string[];
  /** `name=value` cookie pairs. */
  cookies: string[];
  /** The schemes used, by name. */
  schemes: string[];
}

export interface SchemeShape {
  name: string;
  kind: SchemeModel['kind'];
  in?: SchemeModel['in'];
  paramName?: string;
}

export class Credentials {
  readonly secrets: string[] = [];

  constructor(private readonly secretsIn: AuthSecrets = {}) {
    const add = (value: string | undefined) => {
      if (value) this.secrets.push(value);
    };
    add(secretsIn.bearer);
    add(secretsIn.apiKey);
    for (const value of Object.values(secretsIn.schemes ?? {})) add(value);
    for (const basic of [secretsIn.basic, ...Object.values(secretsIn.schemes ?? {})]) {
      if (!basic) continue;
      const colon = basic.indexOf(':');
      if (colon > 0) add(basic.slice(colon + 1));
    }
    if (secretsIn.basic !== undefined && secretsIn.basic.indexOf(':') < 0)
      throw new ConfigurationError('the basic auth secret must be "user:password"');
    if (secretsIn.basic) add(Buffer.from(secretsIn.basic, 'utf8').toString('base64'));
    for (const value of Object.values(secretsIn.schemes ?? {})) add(Buffer.from(value, 'utf8').toString('base64'));
  }

  get any(): boolean {
    return this.secrets.length > 0;
  }

  private valueFor(scheme: SchemeShape): string | undefined {
    const named = this.secretsIn.schemes?.[scheme.name];
    if (named !== undefined) return named;
    if (scheme.kind === 'bearer') return this.secretsIn.bearer;
    if (scheme.kind === 'basic') return this.secretsIn.basic;
    if (scheme.kind === 'apiKey') return this.secretsIn.apiKey;
    return undefined;
  }

  /** The first alternative of the operation's security whose every scheme has a credential; undefined if none. */
  choose(operation: Operation): SchemeShape[] | undefined {
    for (const alternative of operation.security) {
      if (alternative.every((scheme) => this.valueFor(scheme) !== undefined)) return alternative.map(shapeOf);
    }
    return undefined;
  }

  apply(schemes: readonly SchemeShape[]): AppliedAuth {
    const applied: AppliedAuth = { headers: {}, query: [], cookies: [], schemes: [] };
    for (const scheme of schemes) {
      const value = this.valueFor(scheme);
      if (value === undefined) continue;
      applied.schemes.push(scheme.name);
      if (scheme.kind === 'bearer') applied.headers['authorization'] = `Bearer ${value}`;
      else if (scheme.kind === 'basic')
        applied.headers['authorization'] = `Basic ${Buffer.from(value, 'utf8').toString('base64')}`;
      else if (scheme.kind === 'apiKey' && scheme.paramName) {
        if (scheme.in === 'query')
          applied.query.push(`${encodeURIComponent(scheme.paramName)}=${encodeURIComponent(value)}`);
        else if (scheme.in === 'cookie') applied.cookies.push(`${scheme.paramName}=${encodeURIComponent(value)}`);
        else applied.headers[scheme.paramName.toLowerCase()] = value;
      }
    }
    return applied;
  }
}

export function shapeOf(scheme: SchemeModel): SchemeShape {
  return { name: scheme.name, kind: scheme.kind, in: scheme.in, paramName: scheme.paramName };
}

/** Where every scheme of an operation would put a credential: what an unauthenticated probe must not carry. */
export function credentialSlots(operation: Operation): { headers: string[]; query: string[]; cookies: string[] } {
  const slots = { headers: new Set<string>(), query: new Set<string>(), cookies: new Set<string>() };
  for (const scheme of operation.security.flat()) {
    if (scheme.kind === 'bearer' || scheme.kind === 'basic') slots.headers.add('authorization');
    else if (scheme.kind === 'apiKey' && scheme.paramName) {
      if (scheme.in === 'query') slots.query.add(scheme.paramName);
      else if (scheme.in === 'cookie') slots.cookies.add(scheme.paramName);
      else slots.headers.add(scheme.paramName.toLowerCase());
    }
  }
  return { headers: [...slots.headers], query: [...slots.query], cookies: [...slots.cookies] };
}
