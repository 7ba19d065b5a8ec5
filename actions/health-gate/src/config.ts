// Turns the action inputs / CLI flags and an optional YAML config into validated, typed checks. Every mistake
// is one ConfigurationError naming the check and the key, so a user never has to read a stack trace. What every
// check has (name, type, role, timing) is read here; each check type reads its own keys (checks/*.ts).
import { isMap, isNode, isSeq, visit } from 'yaml';
import { formatDuration, type DurationBounds } from '../../../shared/src/lib/duration.js';
import { ConfigurationError, isConfigurationError } from '../../../shared/src/lib/errors.js';
import { headerValueSecrets, redact, urlSecrets } from '../../../shared/src/lib/redact.js';
import { parseYamlDocument } from '../../../shared/src/lib/yaml.js';
import { CHECK_KINDS } from './checks/index.js';
import { CHECK_TYPES, commonKeys, DURATION_LIMITS, TIMING_KEYS, TOP_LEVEL_KEYS, type KeySpec } from './config-keys.js';
import { isMapping, KeyReader, type Raw } from './config-reader.js';
import { isRefusedEnvName, isPublicRunVariable } from './env-policy.js';
import type { Check, CheckTiming, CheckType, Role } from './types.js';

export interface GateConfig {
  deadlineMs: number;
  checks: Check[];
  /**
   * Every value that must not be shown: credentials in URLs and secret headers with every form derived from
   * them that is sent (Basic base64, bearer token, the md5 PostgreSQL hash), and every value ${NAME} expanded
   * that the config does not mark public. The adapter masks them; the gate redacts them from its report.
   */
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

const ALWAYS_SECRET_HEADERS = ['authorization', 'cookie', 'proxy-authorization', 'x-api-key'];
// The same names the request code treats as sensitive, so what is redacted there is masked here.
const SENSITIVE_HEADER = /auth|token|key|secret|cookie|password|session/i;

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
  /** Every string value holding "${" with its 1-based line, to point an expansion error at its line. */
  references: { text: string; line: number }[];
}

/** Parses YAML with the line of any syntax error; alias expansion is capped against "billion laughs" input. */
export function parseYamlText(text: string, source: string): ParsedYaml {
  const { doc, lineCounter, value } = parseYamlDocument(text, source);
  const list = isSeq(doc.contents) ? doc.contents : isMap(doc.contents) ? doc.contents.get('checks', true) : undefined;
  const checkLines = isSeq(list)
    ? list.items.map((item) => lineCounter.linePos(isNode(item) ? (item.range?.[0] ?? 0) : 0).line)
    : [];
  const references: ParsedYaml['references'] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('${')) return;
      references.push({ text: node.value, line: lineCounter.linePos(node.range?.[0] ?? 0).line });
    }
  });
  return { value, checkLines, references };
}

/**
 * ${NAME} expansion. A reference names an environment variable the workflow chose to pass; the runner's own
 * variables (tokens, runtime URLs, inputs) are refused, because a config from the repository could otherwise
 * send them to any host. Every expanded value is a secret unless the config marks it public.
 */
class Expander {
  constructor(
    private readonly env: ConfigSources['env'],
    private readonly publicNames: ReadonlySet<string>,
    private readonly references: ParsedYaml['references'],
    private readonly secrets: string[]
  ) {}

  private at(where: string, token: string): string {
    const line = this.references.find((r) => r.text.includes(token))?.line;
    return line === undefined ? where : `${where}, line ${line}`;
  }

  string(value: string, where: string): string {
    return value.replace(/\$\$\{|\$\{([^}]*)\}|\$\{/g, (match: string, inner: string | undefined) => {
      if (match === '$${') return '${';
      if (inner === undefined) {
        throw new ConfigurationError(
          `${this.at(where, match)}: unclosed "\${"; write \${NAME}, or $\${ for a literal "\${"`
        );
      }
      const reference = /^([A-Za-z_][A-Za-z0-9_]*)(:public)?$/.exec(inner);
      if (!reference) {
        throw new ConfigurationError(
          `${this.at(where, match)}: "${match}" is not a variable reference; write \${NAME} or \${NAME:public}, or $\${ for a literal "\${"`
        );
      }
      const [, name, inlinePublic] = reference as unknown as [string, string, string | undefined];
      if (isRefusedEnvName(name)) {
        throw new ConfigurationError(
          `${this.at(where, match)}: \${${name}} is a runner variable and is never expanded (it may hold a token); ` +
            'pass the value the check needs through env: under a name of your own'
        );
      }
      const found = this.env[name];
      if (found === undefined) {
        throw new ConfigurationError(`${this.at(where, match)}: environment variable ${name} is not set`);
      }
      const isPublic = inlinePublic !== undefined || this.publicNames.has(name) || isPublicRunVariable(name);
      if (!isPublic && found.trim() !== '') this.secrets.push(found);
      return found;
    });
  }

  all(value: unknown, where: string): unknown {
    if (typeof value === 'string') return this.string(value, where);
    if (Array.isArray(value)) return value.map((v) => this.all(v, where));
    if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.all(v, where)]));
    return value;
  }
}

function checkKeysFor(type: CheckType): Record<string, KeySpec> {
  return { ...commonKeys(), ...CHECK_KINDS[type].keys };
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

/** The names of the headers treated as secret: always-secret ones, the config's list, and sensitive-looking names. */
function secretHeaderNames(headers: Record<string, string>, extra: string[]): string[] {
  const listed = new Set([...ALWAYS_SECRET_HEADERS, ...extra.map((h) => h.trim().toLowerCase())]);
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .filter((name) => listed.has(name) || SENSITIVE_HEADER.test(name));
  return [...new Set([...names, ...extra.map((h) => h.trim().toLowerCase()).filter((h) => h !== '')])];
}

function secretHeaderValues(headers: Record<string, string>, names: readonly string[]): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    // "Bearer abc" may later be printed as just "abc"; "Basic xyz" as the user:password it decodes to.
    if (names.includes(name.toLowerCase())) values.push(...headerValueSecrets(value));
  }
  return values;
}

function parseCheck(
  raw: unknown,
  index: number,
  source: string,
  defaults: CheckTiming,
  sources: ConfigSources,
  secrets: string[],
  expander: Expander
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
  const expanded = expander.all(raw, where) as Raw;
  const r = new KeyReader(expanded, where, sources);
  const base = {
    name: named ?? `${checkType}-${index + 1}`,
    role: r.enumValue<Role>('role', ['startup', 'liveness', 'readiness', 'smoke']) ?? 'readiness',
    ...readTiming(r, defaults)
  };
  return CHECK_KINDS[checkType].parse({
    read: r,
    where,
    base,
    url: (key = 'url') => {
      const value = r.requiredString(key);
      secrets.push(...urlSecrets(value));
      return value;
    },
    secretHeaders: (headers) => {
      const names = secretHeaderNames(headers, r.stringList('secret-headers'));
      secrets.push(...secretHeaderValues(headers, names));
      return names;
    },
    secret: (...values) => secrets.push(...values)
  });
}

interface RawConfig {
  deadline?: number;
  defaults: Partial<CheckTiming>;
  checks: unknown[];
  publicNames: Set<string>;
}

function readPublicEnv(value: unknown, source: string): Set<string> {
  if (value === undefined || value === null) return new Set();
  const list = typeof value === 'string' ? value.split(/[\s,]+/).filter((n) => n !== '') : value;
  if (!Array.isArray(list) || list.some((name) => typeof name !== 'string')) {
    throw new ConfigurationError(`${source}: "public-env" must be a list of environment variable names`);
  }
  for (const name of list as string[]) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new ConfigurationError(`${source}: "public-env": ${JSON.stringify(name)} is not a variable name`);
    }
    if (isRefusedEnvName(name)) {
      throw new ConfigurationError(`${source}: "public-env": ${name} is a runner variable and is never expanded`);
    }
  }
  return new Set(list as string[]);
}

function readConfigDocument(
  parsed: ParsedYaml,
  source: string,
  sources: ConfigSources,
  secrets: string[]
): RawConfig & { expander: Expander } {
  const { value } = parsed;
  const plain = (checks: unknown[]) => {
    const publicNames = new Set<string>();
    return {
      defaults: {},
      checks,
      publicNames,
      expander: new Expander(sources.env, publicNames, parsed.references, secrets)
    };
  };
  if (value === null || value === undefined) return plain([]);
  if (Array.isArray(value)) return plain(value);
  if (!isMapping(value)) throw new ConfigurationError(`${source}: must be a list of checks or a mapping with "checks"`);
  const known = Object.keys(TOP_LEVEL_KEYS);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new ConfigurationError(`${source}: unknown key "${key}"${suggestion(key, known)}`);
  }
  if (!Array.isArray(value.checks)) throw new ConfigurationError(`${source}: "checks" must be a list`);
  const publicNames = readPublicEnv(value['public-env'], source);
  const expander = new Expander(sources.env, publicNames, parsed.references, secrets);
  // The checks are expanded one by one (so an error names its check); the rest of the document here.
  const { checks: _checks, 'public-env': _public, ...rest } = value;
  const expanded = expander.all(rest, source) as Raw;
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
    defaults = Object.fromEntries(Object.entries(readTiming(d, {} as CheckTiming)).filter(([, v]) => v !== undefined));
  }
  return { deadline: top.duration('deadline'), defaults, checks: value.checks, publicNames, expander };
}

/** Refuses timing from inputs or flags outside the bounds a config file gets (see DURATION_LIMITS). */
function checkTimingOverrides(timing: TimingOverrides): void {
  const given: [string, number | undefined][] = [
    ['interval', timing.interval],
    ['timeout', timing.timeout],
    ['initial-delay', timing.initialDelay],
    ['deadline', timing.deadline]
  ];
  for (const [key, value] of given) {
    if (value === undefined) continue;
    const limits: DurationBounds = DURATION_LIMITS[key] ?? DURATION_LIMITS.default;
    if (!Number.isFinite(value) || (limits.min !== undefined && value < limits.min)) {
      throw new ConfigurationError(
        `"${key}" is ${formatDuration(value)}; the shortest ${key} is ${formatDuration(limits.min ?? 0)}`
      );
    }
    if (limits.max !== undefined && value > limits.max) {
      throw new ConfigurationError(
        `"${key}" is ${formatDuration(value)}; the longest ${key} is ${formatDuration(limits.max)}`
      );
    }
  }
}

/**
 * What only the whole config can tell: a check that cannot pass before the deadline, or whose attempt budget
 * outlasts it. A timeout nobody wrote for this gate (the built-in 5s, a burst's implied 60s) is shortened to
 * the deadline instead.
 */
function fitToDeadline(check: Check, explicitTimeout: boolean, deadlineMs: number, where: string): Check {
  const deadline = formatDuration(deadlineMs);
  if (check.timeout > deadlineMs) {
    if (explicitTimeout) {
      throw new ConfigurationError(
        `${where}: "timeout" ${formatDuration(check.timeout)} is longer than the deadline ${deadline}`
      );
    }
    check = { ...check, timeout: deadlineMs };
  }
  if (check.initialDelay >= deadlineMs) {
    throw new ConfigurationError(
      `${where}: "initial-delay" ${formatDuration(check.initialDelay)} is not shorter than the deadline ${deadline}`
    );
  }
  const earliest = check.initialDelay + (check.successThreshold - 1) * check.interval;
  if (earliest >= deadlineMs) {
    throw new ConfigurationError(
      `${where}: ${check.successThreshold} passing attempts ${formatDuration(check.interval)} apart` +
        `${check.initialDelay > 0 ? ` after an initial delay of ${formatDuration(check.initialDelay)}` : ''}` +
        ` take at least ${formatDuration(earliest)}, not shorter than the deadline ${deadline}`
    );
  }
  return check;
}

/** Builds the gate's checks from every source; names must be unique across them. */
export function loadGateConfig(sources: ConfigSources): GateConfig {
  const secrets: string[] = [];
  try {
    return buildGateConfig(sources, secrets);
  } catch (error) {
    // A message may quote a value after expansion ("got ..."): it must not carry what is masked.
    if (isConfigurationError(error) && secrets.length > 0) {
      throw new ConfigurationError(redact(error.message, secrets));
    }
    throw error;
  }
}

function buildGateConfig(sources: ConfigSources, secrets: string[]): GateConfig {
  const { timing } = sources;
  checkTimingOverrides(timing);
  const inputTiming: CheckTiming = {
    interval: timing.interval ?? BUILT_IN_TIMING.interval,
    timeout: timing.timeout ?? BUILT_IN_TIMING.timeout,
    initialDelay: timing.initialDelay ?? BUILT_IN_TIMING.initialDelay,
    successThreshold: timing.successThreshold ?? BUILT_IN_TIMING.successThreshold,
    failureThreshold: timing.failureThreshold ?? BUILT_IN_TIMING.failureThreshold
  };
  // The action input always carries its default (5s): only another value counts as written.
  const inputTimeoutWritten = timing.timeout !== undefined && timing.timeout !== BUILT_IN_TIMING.timeout;
  const checks: { check: Check; explicitTimeout: boolean; where: string }[] = [];
  let deadlineMs = timing.deadline;

  if (sources.url !== undefined) {
    const raw = { type: 'http', name: 'url', url: sources.url, 'expect-status': sources.expectStatus ?? '2xx' };
    const noExpansion = new Expander({}, new Set(), [], secrets);
    checks.push({
      check: parseCheck(raw, 0, 'input "url"', inputTiming, { ...sources, env: {} }, secrets, noExpansion),
      explicitTimeout: inputTimeoutWritten,
      where: 'input "url"'
    });
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
    const doc = readConfigDocument(parsed, source, sources, secrets);
    if (doc.deadline !== undefined && deadlineMs === undefined) deadlineMs = doc.deadline;
    const defaults = { ...inputTiming, ...doc.defaults };
    doc.checks.forEach((raw, index) => {
      const check = parseCheck(raw, index, source, defaults, sources, secrets, doc.expander);
      const line = parsed.checkLines[index];
      const ownTimeout = isMapping(raw) && raw.timeout !== undefined && raw.timeout !== null;
      checks.push({
        check: file && line ? { ...check, origin: { file, line } } : check,
        explicitTimeout:
          ownTimeout ||
          ((doc.defaults.timeout !== undefined || inputTimeoutWritten) && check.timeout === defaults.timeout),
        where: `${file && line ? `${file}:${line}` : source}: check "${check.name}"`
      });
    });
  }

  if (checks.length === 0) {
    throw new ConfigurationError('no checks: set "url" for a single HTTP check, or "checks" / "config" for several');
  }
  const seen = new Set<string>();
  for (const { check } of checks) {
    if (seen.has(check.name))
      throw new ConfigurationError(`two checks are named "${check.name}"; names must be unique`);
    seen.add(check.name);
  }
  const deadline = deadlineMs ?? DEFAULT_DEADLINE_MS;
  return {
    deadlineMs: deadline,
    checks: checks.map(({ check, explicitTimeout, where }) => fitToDeadline(check, explicitTimeout, deadline, where)),
    secrets: [...new Set(secrets)].filter((s) => s.trim() !== '')
  };
}
