// Reads the keys of one mapping of a gate config (a check, or `defaults:`) by kind, so that every mistake is one
// ConfigurationError naming the check and the key. The parser (config.ts) and each check type's own parse
// (checks/*.ts) read through it.
import { isAbsolute, resolve } from 'node:path';
import { parseDuration } from '../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { DURATION_LIMITS, type KeySpec } from './config-keys.js';
import { parseStatusMatcher } from './status-match.js';
import type { TlsOptions } from './types.js';

export type Raw = Record<string, unknown>;

export function isMapping(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where relative paths (CA files) resolve, and how a file named in the config is read. */
export interface FileAccess {
  cwd: string;
  readFile(path: string): string;
}

/** Reads one key's value by its spec; `where` names the check and source for the error. */
export class KeyReader {
  constructor(
    private readonly raw: Raw,
    private readonly where: string,
    private readonly sources: FileAccess
  ) {}

  private fail(key: string, expected: string): never {
    throw new ConfigurationError(`${this.where}: "${key}" must be ${expected}; got ${JSON.stringify(this.raw[key])}`);
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined && this.raw[key] !== null;
  }

  /** The value as written (after expansion), for a key whose shape its check type reads itself. */
  value(key: string): unknown {
    return this.raw[key];
  }

  string(key: string): string | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw[key];
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') this.fail(key, 'a string');
    return value;
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined || value.trim() === '') throw new ConfigurationError(`${this.where}: "${key}" is required`);
    return value.trim();
  }

  duration(key: string): number | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    try {
      return parseDuration(value, DURATION_LIMITS[key] ?? DURATION_LIMITS.default);
    } catch (e) {
      throw new ConfigurationError(`${this.where}: "${key}": ${(e as Error).message}`);
    }
  }

  integer(key: string, spec: KeySpec): number | undefined {
    if (!this.has(key)) return undefined;
    const value = Number(this.raw[key]);
    const text = String(this.raw[key]).trim();
    if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(value)) this.fail(key, 'a whole number');
    if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
      this.fail(key, `between ${spec.min} and ${spec.max}`);
    }
    return value;
  }

  number(key: string): number | undefined {
    if (!this.has(key)) return undefined;
    const value = typeof this.raw[key] === 'number' ? this.raw[key] : Number(String(this.raw[key]));
    if (String(this.raw[key]).trim() === '' || Number.isNaN(value)) this.fail(key, 'a number');
    return value;
  }

  ratio(key: string): number | undefined {
    if (!this.has(key)) return undefined;
    const text = String(this.raw[key]).trim();
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
    const value = percent ? Number(percent[1]) / 100 : Number(text);
    if (text === '' || Number.isNaN(value) || value < 0 || value > 1) this.fail(key, 'a ratio like 0.001 or 0.1%');
    return value;
  }

  boolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw[key];
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    this.fail(key, 'true or false');
  }

  enumValue<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!values.includes(value as T)) this.fail(key, `one of ${values.join(', ')}`);
    return value as T;
  }

  stringList(key: string): string[] {
    if (!this.has(key)) return [];
    const value = this.raw[key];
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
      this.fail(key, 'a list of strings');
    }
    return (list as unknown[]).map(String);
  }

  stringMap(key: string): Record<string, string> {
    if (!this.has(key)) return {};
    const value = this.raw[key];
    if (!isMapping(value)) this.fail(key, 'a mapping of names to strings');
    const entries = Object.entries(value);
    for (const [k, v] of entries) {
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        throw new ConfigurationError(`${this.where}: "${key}.${k}" must be a string`);
      }
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
  }

  tls(key: string): TlsOptions {
    if (!this.has(key)) return { insecure: false };
    const value = this.raw[key];
    if (!isMapping(value)) this.fail(key, 'a mapping with ca and/or insecure');
    const unknown = Object.keys(value).filter((k) => k !== 'ca' && k !== 'insecure');
    if (unknown.length > 0) throw new ConfigurationError(`${this.where}: unknown key "${key}.${unknown[0]}"`);
    const insecure = value.insecure === true || value.insecure === 'true';
    let ca: string | undefined;
    if (typeof value.ca === 'string' && value.ca.trim() !== '') {
      if (value.ca.includes('-----BEGIN')) ca = value.ca;
      else {
        const path = isAbsolute(value.ca) ? value.ca : resolve(this.sources.cwd, value.ca);
        try {
          ca = this.sources.readFile(path);
        } catch {
          throw new ConfigurationError(`${this.where}: "${key}.ca" file ${value.ca} cannot be read`);
        }
      }
    }
    return { ca, insecure };
  }
}

/** An `expect-status` matcher, refused with the check's name when it does not parse. */
export function validateStatus(text: string, where: string): string {
  try {
    parseStatusMatcher(text);
  } catch (e) {
    throw new ConfigurationError(`${where}: "expect-status": ${(e as Error).message}`);
  }
  return text;
}
