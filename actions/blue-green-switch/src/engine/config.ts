// The router config (a YAML file or the inline YAML of an input) into a typed RouterConfig. Every mistake is one
// ConfigurationError with the file and line: `router.yml:9: colors.green.servers must not be empty`.
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { parseDuration } from '../../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { headerValueSecrets, urlSecrets } from '../../../../shared/src/lib/redact.js';
import type { ColorSpec, CommandSpec, HaproxySpec, NginxSpec, RouterConfig, RouterType, VerifySpec } from './types.js';
import { isRunnerVariable } from './env.js';
import { NGINX_SWITCH_MODES, ROUTER_TYPES, type NginxSwitchMode } from './types.js';
import { parsePositionedYaml, type PositionedYaml, type YamlPath } from '../../../../shared/src/lib/yaml.js';

export interface RouterConfigSource {
  /** YAML text. */
  text: string;
  /** A file path (relative paths inside resolve against its directory), or undefined for inline YAML. */
  path?: string;
  /** Name for messages when inline (e.g. `input "router"`). */
  name?: string;
  /** Directory relative paths resolve against for inline YAML (the workspace). */
  cwd: string;
  /** Values for ${NAME} references. */
  env: Record<string, string | undefined>;
}

const TOP_KEYS = ['type', 'colors', 'verify', 'initial', 'state-file', 'nginx', 'haproxy', 'command'];
const COLOR_KEYS = ['servers', 'url', 'urls', 'id'];
const VERIFY_KEYS = [
  'url',
  'header',
  'json',
  'headers',
  'tolerance',
  'window',
  'max-requests',
  'timeout',
  'request-timeout',
  'concurrency'
];
const NGINX_KEYS = [
  'switch',
  'binary',
  'config',
  'prefix',
  'upstream-file',
  'upstream',
  'pid-file',
  'reload-timeout',
  'server-options',
  'keepalive',
  'keepalive-timeout',
  'access-log',
  'weights-file',
  'drain-timeout'
];
const HAPROXY_KEYS = [
  'socket',
  'backend',
  'timeout',
  'drain-timeout',
  'log-ring',
  'maint-after-drain',
  'server-state-file'
];
const COMMAND_KEYS = ['apply', 'status', 'drain', 'timeout'];
const SECRET_HEADERS = ['authorization', 'cookie', 'proxy-authorization', 'x-api-key'];
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

type Raw = Record<string, unknown>;

function isMapping(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Replaces ${NAME} with the environment's value ($${ keeps a literal ${); an unset name is an error, and so is a
 * runner variable (engine/env.ts).
 */
function expand(value: unknown, env: RouterConfigSource['env'], where: () => string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, escaped: string, name: string) => {
      if (escaped) return match.slice(1);
      if (isRunnerVariable(name)) {
        throw new ConfigurationError(
          `${where()}\${${name}} is a runner variable and is never expanded; pass the value through env: under a name of your own`
        );
      }
      const found = env[name];
      if (found === undefined) throw new ConfigurationError(`${where()}environment variable ${name} is not set`);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((v) => expand(v, env, where));
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v, env, where)]));
  return value;
}

/** Reads typed values from one mapping, naming the key path and line in every error. */
class Reader {
  constructor(
    private readonly yaml: PositionedYaml,
    private readonly raw: Raw,
    private readonly path: YamlPath
  ) {}

  private name(key: string): string {
    return [...this.path, key].join('.');
  }

  fail(key: string, message: string): never {
    throw new ConfigurationError(`${this.yaml.where([...this.path, key])}${this.name(key)} ${message}`);
  }

  onlyKeys(known: readonly string[]): void {
    for (const key of Object.keys(this.raw)) {
      if (!known.includes(key)) {
        const where = this.path.length === 0 ? '' : ` in ${this.path.join('.')}`;
        throw new ConfigurationError(
          `${this.yaml.where([...this.path, key])}unknown key "${key}"${where} (known: ${known.join(', ')})`
        );
      }
    }
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined && this.raw[key] !== null;
  }

  string(key: string): string | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw[key];
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') this.fail(key, `must be a string; got ${JSON.stringify(value)}`);
    return value.trim();
  }

  required(key: string): string {
    const value = this.string(key);
    if (value === undefined || value === '') this.fail(key, 'is required');
    return value;
  }

  stringList(key: string): string[] {
    if (!this.has(key)) return [];
    const value = this.raw[key];
    const list = typeof value === 'string' ? value.split(/[\s,]+/).filter((v) => v !== '') : value;
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
      this.fail(key, `must be a list of strings; got ${JSON.stringify(value)}`);
    }
    return (list as unknown[]).map((v) => String(v).trim());
  }

  duration(key: string, fallback: string): number {
    const text = this.string(key) ?? fallback;
    try {
      return parseDuration(text);
    } catch (e) {
      this.fail(key, `must be a duration like 30s or 2m: ${(e as Error).message}`);
    }
  }

  integer(key: string, fallback: number, min: number, max: number): number {
    if (!this.has(key)) return fallback;
    const text = String(this.raw[key]).trim();
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      this.fail(key, `must be a whole number between ${min} and ${max}; got ${JSON.stringify(this.raw[key])}`);
    }
    return value;
  }

  ratio(key: string, fallback: number): number {
    if (!this.has(key)) return fallback;
    const text = String(this.raw[key]).trim();
    const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
    const value = percent ? Number(percent[1]) / 100 : /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
    if (!(value >= 0 && value <= 1))
      this.fail(key, `must be a ratio like 0.05 or 5%; got ${JSON.stringify(this.raw[key])}`);
    return value;
  }

  boolean(key: string, fallback: boolean): boolean {
    if (!this.has(key)) return fallback;
    const value = this.raw[key];
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    this.fail(key, `must be true or false; got ${JSON.stringify(value)}`);
  }

  headers(key: string): Record<string, string> {
    if (!this.has(key)) return {};
    const value = this.raw[key];
    if (!isMapping(value)) this.fail(key, 'must be a mapping of header names to values');
    const out: Record<string, string> = {};
    for (const [name, v] of Object.entries(value)) {
      if (typeof v !== 'string' && typeof v !== 'number') this.fail(`${key}.${name}`, 'must be a string');
      out[name] = String(v);
    }
    return out;
  }

  mapping(key: string): Reader | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw[key];
    if (!isMapping(value)) this.fail(key, 'must be a mapping');
    return new Reader(this.yaml, value, [...this.path, key]);
  }

  entries(): [string, unknown][] {
    return Object.entries(this.raw);
  }

  child(key: string): Reader {
    return new Reader(this.yaml, this.raw[key] as Raw, [...this.path, key]);
  }
}

function httpUrl(reader: Reader, key: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    reader.fail(key, `must be an http:// or https:// URL; got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    reader.fail(key, `must be an http:// or https:// URL; got ${JSON.stringify(value)}`);
  }
  return value;
}

const HOST_PORT = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

function readColors(top: Reader, type: RouterType): ColorSpec[] {
  if (!top.has('colors')) top.fail('colors', 'is required (a mapping such as blue: {servers: [...]}, green: {...})');
  const colors = top.mapping('colors')!;
  const specs: ColorSpec[] = [];
  for (const [name, value] of colors.entries()) {
    if (!NAME.test(name))
      colors.fail(name, 'is not a valid colour name (letters, digits, - and _, starting with a letter)');
    if (name === 'other' || name === 'unknown') colors.fail(name, 'is reserved; choose another colour name');
    if (!isMapping(value)) colors.fail(name, 'must be a mapping with "servers"');
    const color = colors.child(name);
    color.onlyKeys(COLOR_KEYS);
    const servers = color.stringList('servers');
    if (servers.length === 0) color.fail('servers', 'must list at least one server');
    if (new Set(servers).size !== servers.length) color.fail('servers', 'lists a server twice');
    if (type === 'nginx') {
      for (const server of servers) {
        if (!HOST_PORT.test(server) && !server.startsWith('unix:')) {
          color.fail('servers', `entries must be host:port for nginx; got ${JSON.stringify(server)}`);
        }
      }
    }
    if (type === 'haproxy') {
      for (const server of servers) {
        if (!/^[A-Za-z0-9._:-]+$/.test(server)) {
          color.fail('servers', `entries must be HAProxy server names; got ${JSON.stringify(server)}`);
        }
      }
    }
    const urls = [...color.stringList('urls'), ...(color.has('url') ? [color.required('url')] : [])];
    urls.forEach((u) => httpUrl(color, color.has('url') ? 'url' : 'urls', u));
    specs.push({ name, servers, urls, id: color.string('id') ?? name });
  }
  if (specs.length < 2) top.fail('colors', `must define at least two colours; got ${specs.length}`);
  if (specs.length > 8) top.fail('colors', 'defines more than 8 colours');
  const owners = new Map<string, string>();
  for (const spec of specs) {
    for (const server of spec.servers) {
      const other = owners.get(server);
      if (other) top.fail('colors', `server ${server} belongs to both ${other} and ${spec.name}`);
      owners.set(server, spec.name);
    }
  }
  const ids = new Set(specs.map((s) => s.id));
  if (ids.size !== specs.length)
    top.fail('colors', 'two colours have the same id; the verify probe could not tell them apart');
  return specs;
}

function readVerify(top: Reader): VerifySpec {
  if (!top.has('verify'))
    top.fail('verify', 'is required (url through the router and header or json naming the colour)');
  const verify = top.mapping('verify')!;
  verify.onlyKeys(VERIFY_KEYS);
  const header = verify.string('header')?.toLowerCase();
  const jsonField = verify.string('json')?.replace(/^\$\./, '');
  if (!header && !jsonField) verify.fail('header', 'or verify.json is required: how a response names its colour');
  if (header && jsonField) verify.fail('json', 'and verify.header are exclusive; choose one');
  if (jsonField !== undefined && !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(jsonField)) {
    verify.fail('json', `must be a dot path such as color or build.color; got ${JSON.stringify(jsonField)}`);
  }
  const window = verify.integer('window', 100, 10, 10_000);
  const maxRequests = verify.integer('max-requests', Math.max(2_000, window), 1, 1_000_000);
  if (maxRequests < window) verify.fail('max-requests', `must be at least verify.window (${window})`);
  return {
    url: httpUrl(verify, 'url', verify.required('url')),
    header,
    jsonField,
    headers: verify.headers('headers'),
    tolerance: verify.ratio('tolerance', 0.1),
    window,
    maxRequests,
    timeoutMs: verify.duration('timeout', '30s'),
    requestTimeoutMs: verify.duration('request-timeout', '2s'),
    concurrency: verify.integer('concurrency', 4, 1, 64)
  };
}

function readNginx(top: Reader, base: string): NginxSpec {
  if (!top.has('nginx')) top.fail('nginx', 'is required for type nginx (config, upstream-file, upstream)');
  const n = top.mapping('nginx')!;
  n.onlyKeys(NGINX_KEYS);
  const path = (key: string) => {
    const value = n.string(key);
    return value === undefined || value === '' ? undefined : isAbsolute(value) ? value : resolve(base, value);
  };
  const upstream = n.required('upstream');
  if (!/^[A-Za-z0-9_.-]+$/.test(upstream))
    n.fail('upstream', `must be an nginx upstream name; got ${JSON.stringify(upstream)}`);
  const serverOptions = n.string('server-options') ?? '';
  if (/[;{}\n]/.test(serverOptions)) n.fail('server-options', 'must not contain ; { } or line breaks');
  const mode = n.string('switch') ?? 'reload';
  if (!NGINX_SWITCH_MODES.includes(mode as NginxSwitchMode)) {
    n.fail('switch', `must be one of ${NGINX_SWITCH_MODES.join(', ')}; got ${JSON.stringify(mode)}`);
  }
  if (mode !== 'njs') {
    for (const key of ['weights-file', 'drain-timeout']) {
      if (n.has(key)) n.fail(key, 'is only used with nginx.switch: njs');
    }
  }
  const keepalive = n.integer('keepalive', 0, 0, 10_000);
  if (n.has('keepalive-timeout') && keepalive === 0) n.fail('keepalive-timeout', 'needs nginx.keepalive above 0');
  const upstreamFile = path('upstream-file') ?? n.fail('upstream-file', 'is required (the file the action owns)');
  const stem = upstreamFile.replace(/\.conf$/, '');
  const reloadTimeoutMs = n.duration('reload-timeout', '30s');
  const weightsFile = path('weights-file') ?? `${stem}.weights.json`;
  if (/["'\\\n]/.test(weightsFile)) n.fail('weights-file', 'must not contain quotes, backslashes or line breaks');
  return {
    switch: mode as NginxSwitchMode,
    binary: n.string('binary') || 'nginx',
    config: path('config') ?? n.fail('config', 'is required (the nginx.conf that includes upstream-file)'),
    prefix: path('prefix'),
    upstreamFile,
    upstream,
    pidFile: path('pid-file'),
    reloadTimeoutMs,
    serverOptions,
    keepalive,
    ...(n.has('keepalive-timeout') ? { keepaliveTimeoutMs: n.duration('keepalive-timeout', '60s') } : {}),
    accessLog: path('access-log'),
    weightsFile,
    scriptFile: `${stem}.bgs.js`,
    drainTimeoutMs: n.has('drain-timeout') ? n.duration('drain-timeout', '30s') : reloadTimeoutMs
  };
}

function readHaproxy(top: Reader, base: string): HaproxySpec {
  if (!top.has('haproxy')) top.fail('haproxy', 'is required for type haproxy (socket, backend)');
  const h = top.mapping('haproxy')!;
  h.onlyKeys(HAPROXY_KEYS);
  const socket = h.required('socket');
  const backend = h.required('backend');
  if (!/^[A-Za-z0-9_.:-]+$/.test(backend))
    h.fail('backend', `must be an HAProxy backend name; got ${JSON.stringify(backend)}`);
  const logRing = h.string('log-ring');
  if (logRing !== undefined && !/^[A-Za-z0-9_.-]+$/.test(logRing)) h.fail('log-ring', 'must be a ring section name');
  const stateFile = h.string('server-state-file') || undefined;
  return {
    socket: isAbsolute(socket) ? socket : resolve(base, socket),
    backend,
    timeoutMs: h.duration('timeout', '5s'),
    drainTimeoutMs: h.duration('drain-timeout', '30s'),
    logRing: logRing || undefined,
    maintAfterDrain: h.boolean('maint-after-drain', false),
    serverStateFile: stateFile ? (isAbsolute(stateFile) ? stateFile : resolve(base, stateFile)) : undefined
  };
}

function readCommand(top: Reader, base: string): CommandSpec {
  if (!top.has('command')) top.fail('command', 'is required for type command (apply, status)');
  const c = top.mapping('command')!;
  c.onlyKeys(COMMAND_KEYS);
  return {
    apply: c.required('apply'),
    status: c.required('status'),
    drain: c.string('drain') || undefined,
    timeoutMs: c.duration('timeout', '30s'),
    cwd: base
  };
}

export function parseRouterConfig(source: RouterConfigSource): RouterConfig {
  const name = source.path ?? source.name ?? 'router config';
  const yaml = parsePositionedYaml(source.text, name, { lineNumbers: source.path !== undefined });
  if (!isMapping(yaml.value)) {
    throw new ConfigurationError(`${name}: must be a mapping with type, colors and verify`);
  }
  const expanded = expand(yaml.value, source.env, () => `${name}: `) as Raw;
  const top = new Reader(yaml, expanded, []);
  top.onlyKeys(TOP_KEYS);
  const typeText = top.required('type');
  if (!ROUTER_TYPES.includes(typeText as RouterType)) {
    top.fail('type', `must be one of ${ROUTER_TYPES.join(', ')}; got ${JSON.stringify(typeText)}`);
  }
  const type = typeText as RouterType;
  const base = source.path
    ? dirname(isAbsolute(source.path) ? source.path : resolve(source.cwd, source.path))
    : source.cwd;
  const colors = readColors(top, type);
  const verify = readVerify(top);
  const initial = top.string('initial');
  if (initial !== undefined && !colors.some((c) => c.name === initial)) {
    top.fail(
      'initial',
      `must be one of the colours (${colors.map((c) => c.name).join(', ')}); got ${JSON.stringify(initial)}`
    );
  }
  const stateText = top.string('state-file');
  const stateFile = stateText
    ? isAbsolute(stateText)
      ? stateText
      : resolve(base, stateText)
    : source.path
      ? resolve(base, `${basename(source.path).replace(/\.ya?ml$/i, '')}.state.json`)
      : resolve(base, 'blue-green-switch.state.json');
  for (const other of ROUTER_TYPES) {
    if (other !== type && top.has(other)) top.fail(other, `is set but type is ${type}`);
  }
  // Credentials in a URL (user:password@) are masked too, raw, decoded and as the Basic header built from them.
  const secrets: string[] = [verify.url, ...colors.flatMap((c) => c.urls)].flatMap(urlSecrets);
  for (const [header, value] of Object.entries(verify.headers)) {
    if (SECRET_HEADERS.includes(header.toLowerCase())) secrets.push(...headerValueSecrets(value));
  }
  return {
    type,
    source: name,
    colors,
    verify,
    initial,
    stateFile,
    nginx: type === 'nginx' ? readNginx(top, base) : undefined,
    haproxy: type === 'haproxy' ? readHaproxy(top, base) : undefined,
    command: type === 'command' ? readCommand(top, base) : undefined,
    secrets
  };
}
