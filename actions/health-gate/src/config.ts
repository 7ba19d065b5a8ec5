// Turns the action inputs / CLI flags and an optional YAML config into validated, typed checks. Every mistake
// is one ConfigurationError naming the check and the key, so a user never has to read a stack trace.
import { isAbsolute, resolve } from 'node:path';
import { isMap, isNode, isSeq, LineCounter, parseDocument } from 'yaml';
import { parseDuration } from '../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { credentialsInUrl } from '../../../shared/src/lib/redact.js';
import { CHECK_TYPES, commonKeys, TIMING_KEYS, TOP_LEVEL_KEYS, TYPE_KEYS, type KeySpec } from './config-schema.js';
import { parseJsonAssertion } from './json-assert.js';
import { parseStatusMatcher } from './status-match.js';
import type { AttemptStatus, Check, CheckTiming, CheckType, Role, TlsOptions } from './types.js';

export interface GateConfig {
  deadlineMs: number;
  checks: Check[];
  /** Every credential found in the config, for masking and redaction. */
  secrets: string[];
}

/** Timing given outside the config (action inputs, CLI flags); a config's own `defaults:` wins over these. */
export interface TimingOverrides {
  interval?: number;
  timeout?: number;
  initialDelay?: number;
  successThreshold?: number;
  failureThreshold?: number;
  deadline?: number;
}

export interface ConfigSources {
  /** Simple mode: one HTTP readiness check. */
  url?: string;
  expectStatus?: string;
  /** YAML text of the `checks` input (a list, or the same mapping a config file holds). */
  checksText?: string;
  /** A config file: its path (for messages) and text. */
  configFile?: { path: string; text: string };
  timing: TimingOverrides;
  /** Values for ${NAME} references in the YAML. */
  env: Record<string, string | undefined>;
  /** Relative paths (CA files, migrations dirs) resolve against it. */
  cwd: string;
  readFile(path: string): string;
}

export const BUILT_IN_TIMING: CheckTiming = {
  interval: 5_000,
  timeout: 5_000,
  initialDelay: 0,
  successThreshold: 1,
  failureThreshold: 0
};
export const DEFAULT_DEADLINE_MS = 5 * 60_000;
const BURST_MIN_TIMEOUT_MS = 60_000;

const ALWAYS_SECRET_HEADERS = ['authorization', 'cookie', 'proxy-authorization', 'x-api-key'];

type Raw = Record<string, unknown>;

function isMapping(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Levenshtein distance, for "did you mean" on misspelt keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

function suggestion(key: string, known: string[]): string {
  const best = known.map((k) => ({ k, d: distance(key, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best.k}"?)` : '';
}

export interface ParsedYaml {
  value: unknown;
  /** 1-based line of each entry of the checks list (a top-level list, or the list under `checks:`). */
  checkLines: number[];
}

/** Parses YAML with the line of any syntax error; alias expansion is capped against "billion laughs" input. */
export function parseYamlText(text: string, source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new ConfigurationError(
      `${source}: invalid YAML at line ${line}, column ${col}: ${error.message.split('\n')[0]}`
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigurationError(`${source}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const list = isSeq(doc.contents) ? doc.contents : isMap(doc.contents) ? doc.contents.get('checks', true) : undefined;
  const checkLines = isSeq(list)
    ? list.items.map((item) => lineCounter.linePos(isNode(item) ? (item.range?.[0] ?? 0) : 0).line)
    : [];
  return { value, checkLines };
}

/** Replaces ${NAME} with the environment's value ($${ keeps a literal ${); an unset name is an error. */
function expandEnv(value: string, env: ConfigSources['env'], where: string): string {
  return value.replace(/\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, escaped: string, name: string) => {
    if (escaped) return match.slice(1);
    const found = env[name];
    if (found === undefined) throw new ConfigurationError(`${where}: environment variable ${name} is not set`);
    return found;
  });
}

function expandAll(value: unknown, env: ConfigSources['env'], where: string): unknown {
  if (typeof value === 'string') return expandEnv(value, env, where);
  if (Array.isArray(value)) return value.map((v) => expandAll(v, env, where));
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandAll(v, env, where)]));
  return value;
}

/** Reads one key's value by its spec; `where` names the check and source for the error. */
class KeyReader {
  constructor(
    private readonly raw: Raw,
    private readonly where: string,
    private readonly sources: ConfigSources
  ) {}

  private fail(key: string, expected: string): never {
    throw new ConfigurationError(`${this.where}: "${key}" must be ${expected}; got ${JSON.stringify(this.raw[key])}`);
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined && this.raw[key] !== null;
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
      return parseDuration(value);
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
    const value = typeof this.raw[key] === 'number' ? (this.raw[key] as number) : Number(String(this.raw[key]));
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

function checkKeysFor(type: CheckType): Record<string, KeySpec> {
  return { ...commonKeys(), ...TYPE_KEYS[type] };
}

function validateStatus(text: string, where: string): string {
  try {
    parseStatusMatcher(text);
  } catch (e) {
    throw new ConfigurationError(`${where}: "expect-status": ${(e as Error).message}`);
  }
  return text;
}

function readTiming(reader: KeyReader, defaults: CheckTiming): CheckTiming {
  return {
    interval: reader.duration('interval') ?? defaults.interval,
    timeout: reader.duration('timeout') ?? defaults.timeout,
    initialDelay: reader.duration('initial-delay') ?? defaults.initialDelay,
    successThreshold:
      reader.integer('success-threshold', TIMING_KEYS['success-threshold']) ?? defaults.successThreshold,
    failureThreshold: reader.integer('failure-threshold', TIMING_KEYS['failure-threshold']) ?? defaults.failureThreshold
  };
}

function secretHeaderValues(headers: Record<string, string>, extra: string[]): string[] {
  const secretNames = new Set([...ALWAYS_SECRET_HEADERS, ...extra.map((h) => h.toLowerCase())]);
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!secretNames.has(name.toLowerCase())) continue;
    values.push(value);
    // "Bearer abc" may later be printed as just "abc".
    const token = /^\S+\s+(\S+)$/.exec(value)?.[1];
    if (token) values.push(token);
  }
  return values;
}

function parseCheck(
  raw: unknown,
  index: number,
  source: string,
  defaults: CheckTiming,
  sources: ConfigSources,
  secrets: string[]
): Check {
  const position = `checks[${index}]`;
  if (!isMapping(raw)) throw new ConfigurationError(`${source}: ${position} must be a mapping with at least "type"`);
  const named = typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name.trim() : undefined;
  const label = named ? `check "${named}" (${position})` : position;
  const where = `${source}: ${label}`;
  const type = raw.type;
  if (typeof type !== 'string' || !CHECK_TYPES.includes(type as CheckType)) {
    throw new ConfigurationError(
      `${where}: "type" must be one of ${CHECK_TYPES.join(', ')}; got ${JSON.stringify(type)}`
    );
  }
  const checkType = type as CheckType;
  const known = Object.keys(checkKeysFor(checkType));
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) {
      throw new ConfigurationError(`${where}: unknown key "${key}" for a ${checkType} check${suggestion(key, known)}`);
    }
  }
  const expanded = expandAll(raw, sources.env, where) as Raw;
  const r = new KeyReader(expanded, where, sources);
  const base = {
    name: named ?? `${checkType}-${index + 1}`,
    role: (r.enumValue<Role>('role', ['startup', 'liveness', 'readiness', 'smoke']) ?? 'readiness') as Role,
    ...readTiming(r, defaults)
  };
  const keys = TYPE_KEYS[checkType];
  const url = (key = 'url') => {
    const value = r.requiredString(key);
    secrets.push(...credentialsInUrl(value));
    return value;
  };

  switch (checkType) {
    case 'http': {
      const headers = r.stringMap('headers');
      secrets.push(...secretHeaderValues(headers, r.stringList('secret-headers')));
      const json = r.stringList('json');
      for (const assertion of json) {
        try {
          parseJsonAssertion(assertion);
        } catch (e) {
          throw new ConfigurationError(`${where}: "json": ${(e as Error).message}`);
        }
      }
      const bodyRegex = r.string('body-regex');
      if (bodyRegex !== undefined) {
        try {
          new RegExp(bodyRegex);
        } catch (e) {
          throw new ConfigurationError(`${where}: "body-regex": ${(e as Error).message}`);
        }
      }
      return {
        ...base,
        type: 'http',
        url: url(),
        method: (r.string('method') ?? 'GET').toUpperCase(),
        headers,
        body: r.string('body'),
        expectStatus: validateStatus(r.string('expect-status') ?? '2xx', where),
        json,
        bodyRegex,
        maxLatency: r.duration('max-latency'),
        tls: r.tls('tls'),
        followRedirects: r.boolean('follow-redirects') ?? false,
        warnAs: r.enumValue<AttemptStatus>('warn-as', ['pass', 'warn', 'fail']) ?? 'warn'
      };
    }
    case 'postgres': {
      const connectionString = url('connection-string');
      if (!/^postgres(ql)?:\/\//.test(connectionString)) {
        throw new ConfigurationError(`${where}: "connection-string" must be a postgres:// or postgresql:// URL`);
      }
      let migrations;
      if (r.has('migrations')) {
        const m = expanded.migrations;
        if (!isMapping(m) || typeof m.dir !== 'string' || m.dir.trim() === '') {
          throw new ConfigurationError(`${where}: "migrations" must be a mapping with at least "dir"`);
        }
        const unknown = Object.keys(m).filter((k) => !['dir', 'table', 'column'].includes(k));
        if (unknown.length > 0) throw new ConfigurationError(`${where}: unknown key "migrations.${unknown[0]}"`);
        migrations = {
          dir: m.dir,
          table: typeof m.table === 'string' ? m.table : undefined,
          column: typeof m.column === 'string' ? m.column : undefined
        };
      }
      const query = r.string('query');
      const expect = r.string('expect');
      if (expect !== undefined && query === undefined) {
        throw new ConfigurationError(`${where}: "expect" needs a "query"`);
      }
      return { ...base, type: 'postgres', connectionString, query, expect, migrations };
    }
    case 'redis': {
      const redisUrl = url();
      if (!/^rediss?:\/\//.test(redisUrl))
        throw new ConfigurationError(`${where}: "url" must be a redis:// or rediss:// URL`);
      const password = r.string('password');
      if (password) secrets.push(password);
      return {
        ...base,
        type: 'redis',
        url: redisUrl,
        password,
        tls: r.tls('tls'),
        expectRole: r.enumValue<'master' | 'replica'>('expect-role', ['master', 'replica'])
      };
    }
    case 'tcp': {
      const port = r.integer('port', keys.port);
      if (port === undefined) throw new ConfigurationError(`${where}: "port" is required`);
      return { ...base, type: 'tcp', host: r.requiredString('host'), port };
    }
    case 'burst': {
      const headers = r.stringMap('headers');
      secrets.push(...secretHeaderValues(headers, r.stringList('secret-headers')));
      // One attempt of a burst is the whole burst, so the per-attempt default of 5s is far too short for it.
      const timeout = r.has('timeout') ? base.timeout : Math.max(base.timeout, BURST_MIN_TIMEOUT_MS);
      return {
        ...base,
        timeout,
        type: 'burst',
        url: url(),
        method: (r.string('method') ?? 'GET').toUpperCase(),
        headers,
        body: r.string('body'),
        expectStatus: validateStatus(r.string('expect-status') ?? '2xx', where),
        requests: r.integer('requests', keys.requests) ?? 100,
        concurrency: r.integer('concurrency', keys.concurrency) ?? 10,
        maxErrorRate: r.ratio('max-error-rate') ?? 0.001,
        maxP95: r.duration('max-p95') ?? 200,
        maxP99: r.duration('max-p99'),
        requestTimeout: r.duration('request-timeout') ?? 5_000,
        tls: r.tls('tls')
      };
    }
    case 'prometheus': {
      const headers = r.stringMap('headers');
      secrets.push(...secretHeaderValues(headers, r.stringList('secret-headers')));
      const max = r.number('max');
      const min = r.number('min');
      if (max === undefined && min === undefined) {
        throw new ConfigurationError(`${where}: a prometheus check needs "max" or "min"`);
      }
      return {
        ...base,
        type: 'prometheus',
        url: url(),
        query: r.requiredString('query'),
        headers,
        max,
        min,
        emptyAs: r.enumValue<AttemptStatus>('empty-as', ['pass', 'warn', 'fail']) ?? 'fail',
        tls: r.tls('tls')
      };
    }
  }
}

interface RawConfig {
  deadline?: number;
  defaults: Partial<CheckTiming>;
  checks: unknown[];
}

function readConfigDocument(value: unknown, source: string, sources: ConfigSources): RawConfig {
  if (value === null || value === undefined) return { defaults: {}, checks: [] };
  if (Array.isArray(value)) return { defaults: {}, checks: value };
  if (!isMapping(value)) throw new ConfigurationError(`${source}: must be a list of checks or a mapping with "checks"`);
  const known = Object.keys(TOP_LEVEL_KEYS);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new ConfigurationError(`${source}: unknown key "${key}"${suggestion(key, known)}`);
  }
  if (!Array.isArray(value.checks)) throw new ConfigurationError(`${source}: "checks" must be a list`);
  const expanded = expandAll(value, sources.env, source) as Raw;
  const top = new KeyReader(expanded, source, sources);
  let defaults: Partial<CheckTiming> = {};
  if (top.has('defaults')) {
    if (!isMapping(expanded.defaults)) throw new ConfigurationError(`${source}: "defaults" must be a mapping`);
    const timingKeys = Object.keys(TIMING_KEYS);
    for (const key of Object.keys(expanded.defaults)) {
      if (!timingKeys.includes(key)) {
        throw new ConfigurationError(`${source}: unknown key "defaults.${key}"${suggestion(key, timingKeys)}`);
      }
    }
    const d = new KeyReader(expanded.defaults, `${source}: defaults`, sources);
    defaults = Object.fromEntries(
      Object.entries(readTiming(d, {} as CheckTiming)).filter(([, v]) => v !== undefined)
    ) as Partial<CheckTiming>;
  }
  return { deadline: top.duration('deadline'), defaults, checks: value.checks };
}

/** Builds the gate's checks from every source; names must be unique across them. */
export function loadGateConfig(sources: ConfigSources): GateConfig {
  const { timing } = sources;
  const inputTiming: CheckTiming = {
    interval: timing.interval ?? BUILT_IN_TIMING.interval,
    timeout: timing.timeout ?? BUILT_IN_TIMING.timeout,
    initialDelay: timing.initialDelay ?? BUILT_IN_TIMING.initialDelay,
    successThreshold: timing.successThreshold ?? BUILT_IN_TIMING.successThreshold,
    failureThreshold: timing.failureThreshold ?? BUILT_IN_TIMING.failureThreshold
  };
  const secrets: string[] = [];
  const checks: Check[] = [];
  let deadlineMs = timing.deadline;

  if (sources.url !== undefined) {
    const raw = { type: 'http', name: 'url', url: sources.url, 'expect-status': sources.expectStatus ?? '2xx' };
    checks.push(parseCheck(raw, 0, 'input "url"', inputTiming, { ...sources, env: {} }, secrets));
  }
  // Only a config file has lines worth pointing at; the checks input lives inside the workflow file.
  const documents: { source: string; parsed: ParsedYaml; file?: string }[] = [];
  if (sources.checksText !== undefined) {
    documents.push({ source: 'input "checks"', parsed: parseYamlText(sources.checksText, 'input "checks"') });
  }
  if (sources.configFile) {
    const source = sources.configFile.path;
    documents.push({ source, parsed: parseYamlText(sources.configFile.text, source), file: source });
  }
  for (const { source, parsed, file } of documents) {
    const doc = readConfigDocument(parsed.value, source, sources);
    if (doc.deadline !== undefined && deadlineMs === undefined) deadlineMs = doc.deadline;
    const defaults = { ...inputTiming, ...doc.defaults };
    doc.checks.forEach((raw, index) => {
      const check = parseCheck(raw, index, source, defaults, sources, secrets);
      const line = parsed.checkLines[index];
      checks.push(file && line ? { ...check, origin: { file, line } } : check);
    });
  }

  if (checks.length === 0) {
    throw new ConfigurationError('no checks: set "url" for a single HTTP check, or "checks" / "config" for several');
  }
  const seen = new Set<string>();
  for (const check of checks) {
    if (seen.has(check.name))
      throw new ConfigurationError(`two checks are named "${check.name}"; names must be unique`);
    seen.add(check.name);
  }
  return {
    deadlineMs: deadlineMs ?? DEFAULT_DEADLINE_MS,
    checks,
    secrets: [...new Set(secrets)].filter((s) => s !== '')
  };
}
