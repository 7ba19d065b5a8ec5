export const id = 544;
export const ids = [544];
export const modules = {

/***/ 85544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ cli_command)
});

// EXTERNAL MODULE: ./shared/src/cli/command.ts + 1 modules
var command = __webpack_require__(79665);
// EXTERNAL MODULE: ./shared/src/lib/duration.ts
var duration = __webpack_require__(64363);
// EXTERNAL MODULE: ./shared/src/lib/errors.ts
var errors = __webpack_require__(76088);
// EXTERNAL MODULE: ./shared/src/lib/suggest.ts
var suggest = __webpack_require__(68437);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/src/lib/redact.ts
var redact = __webpack_require__(53570);
// EXTERNAL MODULE: ./shared/src/lib/runner-env.ts
var runner_env = __webpack_require__(17515);
;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/env.ts
// Which of the step's environment variables reach repository-written config and the user's commands. ${NAME}
// in a router config follows the family's policy (shared/src/lib/runner-env.ts). The command router's commands
// get what a `run:` step of the same job would see: the step's env without the action's inputs, its saved state
// and the runtime tokens.

/** What only the action (not a `run:` step) sees: its inputs, its saved state, the runtime's tokens. */
const ACTION_ONLY_PREFIXES = [
    'INPUT_',
    'STATE_',
    'ACTIONS_RUNTIME_',
    'ACTIONS_ID_TOKEN_',
    'ACTIONS_CACHE_',
    'ACTIONS_RESULTS_'
];
/** The environment of the command router's commands: the step's, less what only the action itself sees. */
function commandEnvironment(env) {
    return Object.fromEntries(Object.entries(env).filter(([name]) => !ACTION_ONLY_PREFIXES.some((p) => name.toUpperCase().startsWith(p))));
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/types.ts
const ROUTER_TYPES = ['nginx', 'haproxy', 'command'];
const OPERATIONS = ['status', 'switch', 'canary', 'rollback', 'promote', 'abort'];
/**
 * How the nginx router changes weights: `reload` rewrites the upstream file and reloads nginx (every reload closes
 * idle keep-alive client connections); `njs` has nginx's njs module pick the colour per request from a weights
 * file the action rewrites, with no reload (the include changes, and nginx reloads, only when it is adopted).
 */
const NGINX_SWITCH_MODES = ['reload', 'njs'];
const STATE_SCHEMA = 'ubos/blue-green-switch/state@1';

// EXTERNAL MODULE: ./shared/src/lib/yaml.ts
var lib_yaml = __webpack_require__(88164);
;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/config.ts
// The router config (a YAML file or the inline YAML of an input) into a typed RouterConfig. Every mistake is one
// ConfigurationError with the file and line: `router.yml:9: colors.green.servers must not be empty`.







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
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Replaces ${NAME} with the environment's value ($${ keeps a literal ${); an unset name is an error, and so is a
 * runner variable (engine/env.ts).
 */
function expand(value, env, where) {
    if (typeof value === 'string') {
        return value.replace(/\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, escaped, name) => {
            if (escaped)
                return match.slice(1);
            if ((0,runner_env/* isRunnerVariable */.R)(name)) {
                throw new errors/* ConfigurationError */.j1(`${where()}\${${name}} is a runner variable and is never expanded; pass the value through env: under a name of your own`);
            }
            const found = env[name];
            if (found === undefined)
                throw new errors/* ConfigurationError */.j1(`${where()}environment variable ${name} is not set`);
            return found;
        });
    }
    if (Array.isArray(value))
        return value.map((v) => expand(v, env, where));
    if (isMapping(value))
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v, env, where)]));
    return value;
}
/** Reads typed values from one mapping, naming the key path and line in every error. */
class Reader {
    yaml;
    raw;
    path;
    constructor(yaml, raw, path) {
        this.yaml = yaml;
        this.raw = raw;
        this.path = path;
    }
    name(key) {
        return [...this.path, key].join('.');
    }
    fail(key, message) {
        throw new errors/* ConfigurationError */.j1(`${this.yaml.where([...this.path, key])}${this.name(key)} ${message}`);
    }
    onlyKeys(known) {
        for (const key of Object.keys(this.raw)) {
            if (!known.includes(key)) {
                const where = this.path.length === 0 ? '' : ` in ${this.path.join('.')}`;
                throw new errors/* ConfigurationError */.j1(`${this.yaml.where([...this.path, key])}unknown key "${key}"${where} (known: ${known.join(', ')})`);
            }
        }
    }
    has(key) {
        return this.raw[key] !== undefined && this.raw[key] !== null;
    }
    string(key) {
        if (!this.has(key))
            return undefined;
        const value = this.raw[key];
        if (typeof value === 'number')
            return String(value);
        if (typeof value !== 'string')
            this.fail(key, `must be a string; got ${JSON.stringify(value)}`);
        return value.trim();
    }
    required(key) {
        const value = this.string(key);
        if (value === undefined || value === '')
            this.fail(key, 'is required');
        return value;
    }
    stringList(key) {
        if (!this.has(key))
            return [];
        const value = this.raw[key];
        const list = typeof value === 'string' ? value.split(/[\s,]+/).filter((v) => v !== '') : value;
        if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
            this.fail(key, `must be a list of strings; got ${JSON.stringify(value)}`);
        }
        return list.map((v) => String(v).trim());
    }
    duration(key, fallback) {
        const text = this.string(key) ?? fallback;
        try {
            return (0,duration/* parseDuration */.E9)(text);
        }
        catch (e) {
            this.fail(key, `must be a duration like 30s or 2m: ${e.message}`);
        }
    }
    integer(key, fallback, min, max) {
        if (!this.has(key))
            return fallback;
        const text = String(this.raw[key]).trim();
        const value = Number(text);
        if (!/^\d+$/.test(text) || value < min || value > max) {
            this.fail(key, `must be a whole number between ${min} and ${max}; got ${JSON.stringify(this.raw[key])}`);
        }
        return value;
    }
    ratio(key, fallback) {
        if (!this.has(key))
            return fallback;
        const text = String(this.raw[key]).trim();
        const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
        const value = percent ? Number(percent[1]) / 100 : /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
        if (!(value >= 0 && value <= 1))
            this.fail(key, `must be a ratio like 0.05 or 5%; got ${JSON.stringify(this.raw[key])}`);
        return value;
    }
    boolean(key, fallback) {
        if (!this.has(key))
            return fallback;
        const value = this.raw[key];
        if (value === true || value === 'true')
            return true;
        if (value === false || value === 'false')
            return false;
        this.fail(key, `must be true or false; got ${JSON.stringify(value)}`);
    }
    headers(key) {
        if (!this.has(key))
            return {};
        const value = this.raw[key];
        if (!isMapping(value))
            this.fail(key, 'must be a mapping of header names to values');
        const out = {};
        for (const [name, v] of Object.entries(value)) {
            if (typeof v !== 'string' && typeof v !== 'number')
                this.fail(`${key}.${name}`, 'must be a string');
            out[name] = String(v);
        }
        return out;
    }
    mapping(key) {
        if (!this.has(key))
            return undefined;
        const value = this.raw[key];
        if (!isMapping(value))
            this.fail(key, 'must be a mapping');
        return new Reader(this.yaml, value, [...this.path, key]);
    }
    entries() {
        return Object.entries(this.raw);
    }
    child(key) {
        return new Reader(this.yaml, this.raw[key], [...this.path, key]);
    }
}
function httpUrl(reader, key, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        reader.fail(key, `must be an http:// or https:// URL; got ${JSON.stringify(value)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        reader.fail(key, `must be an http:// or https:// URL; got ${JSON.stringify(value)}`);
    }
    return value;
}
const HOST_PORT = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;
function readColors(top, type) {
    if (!top.has('colors'))
        top.fail('colors', 'is required (a mapping such as blue: {servers: [...]}, green: {...})');
    const colors = top.mapping('colors');
    const specs = [];
    for (const [name, value] of colors.entries()) {
        if (!NAME.test(name))
            colors.fail(name, 'is not a valid colour name (letters, digits, - and _, starting with a letter)');
        if (name === 'other' || name === 'unknown')
            colors.fail(name, 'is reserved; choose another colour name');
        if (!isMapping(value))
            colors.fail(name, 'must be a mapping with "servers"');
        const color = colors.child(name);
        color.onlyKeys(COLOR_KEYS);
        const servers = color.stringList('servers');
        if (servers.length === 0)
            color.fail('servers', 'must list at least one server');
        if (new Set(servers).size !== servers.length)
            color.fail('servers', 'lists a server twice');
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
    if (specs.length < 2)
        top.fail('colors', `must define at least two colours; got ${specs.length}`);
    if (specs.length > 8)
        top.fail('colors', 'defines more than 8 colours');
    const owners = new Map();
    for (const spec of specs) {
        for (const server of spec.servers) {
            const other = owners.get(server);
            if (other)
                top.fail('colors', `server ${server} belongs to both ${other} and ${spec.name}`);
            owners.set(server, spec.name);
        }
    }
    const ids = new Set(specs.map((s) => s.id));
    if (ids.size !== specs.length)
        top.fail('colors', 'two colours have the same id; the verify probe could not tell them apart');
    return specs;
}
function readVerify(top) {
    if (!top.has('verify'))
        top.fail('verify', 'is required (url through the router and header or json naming the colour)');
    const verify = top.mapping('verify');
    verify.onlyKeys(VERIFY_KEYS);
    const header = verify.string('header')?.toLowerCase();
    const jsonField = verify.string('json')?.replace(/^\$\./, '');
    if (!header && !jsonField)
        verify.fail('header', 'or verify.json is required: how a response names its colour');
    if (header && jsonField)
        verify.fail('json', 'and verify.header are exclusive; choose one');
    if (jsonField !== undefined && !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(jsonField)) {
        verify.fail('json', `must be a dot path such as color or build.color; got ${JSON.stringify(jsonField)}`);
    }
    const window = verify.integer('window', 100, 10, 10_000);
    const maxRequests = verify.integer('max-requests', Math.max(2_000, window), 1, 1_000_000);
    if (maxRequests < window)
        verify.fail('max-requests', `must be at least verify.window (${window})`);
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
function readNginx(top, base) {
    if (!top.has('nginx'))
        top.fail('nginx', 'is required for type nginx (config, upstream-file, upstream)');
    const n = top.mapping('nginx');
    n.onlyKeys(NGINX_KEYS);
    const path = (key) => {
        const value = n.string(key);
        return value === undefined || value === '' ? undefined : (0,external_node_path_.isAbsolute)(value) ? value : (0,external_node_path_.resolve)(base, value);
    };
    const upstream = n.required('upstream');
    if (!/^[A-Za-z0-9_.-]+$/.test(upstream))
        n.fail('upstream', `must be an nginx upstream name; got ${JSON.stringify(upstream)}`);
    const serverOptions = n.string('server-options') ?? '';
    if (/[;{}\n]/.test(serverOptions))
        n.fail('server-options', 'must not contain ; { } or line breaks');
    const mode = n.string('switch') ?? 'reload';
    if (!NGINX_SWITCH_MODES.includes(mode)) {
        n.fail('switch', `must be one of ${NGINX_SWITCH_MODES.join(', ')}; got ${JSON.stringify(mode)}`);
    }
    if (mode !== 'njs') {
        for (const key of ['weights-file', 'drain-timeout']) {
            if (n.has(key))
                n.fail(key, 'is only used with nginx.switch: njs');
        }
    }
    const keepalive = n.integer('keepalive', 0, 0, 10_000);
    if (n.has('keepalive-timeout') && keepalive === 0)
        n.fail('keepalive-timeout', 'needs nginx.keepalive above 0');
    const upstreamFile = path('upstream-file') ?? n.fail('upstream-file', 'is required (the file the action owns)');
    const stem = upstreamFile.replace(/\.conf$/, '');
    const reloadTimeoutMs = n.duration('reload-timeout', '30s');
    const weightsFile = path('weights-file') ?? `${stem}.weights.json`;
    if (/["'\\\n]/.test(weightsFile))
        n.fail('weights-file', 'must not contain quotes, backslashes or line breaks');
    return {
        switch: mode,
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
function readHaproxy(top, base) {
    if (!top.has('haproxy'))
        top.fail('haproxy', 'is required for type haproxy (socket, backend)');
    const h = top.mapping('haproxy');
    h.onlyKeys(HAPROXY_KEYS);
    const socket = h.required('socket');
    const backend = h.required('backend');
    if (!/^[A-Za-z0-9_.:-]+$/.test(backend))
        h.fail('backend', `must be an HAProxy backend name; got ${JSON.stringify(backend)}`);
    const logRing = h.string('log-ring');
    if (logRing !== undefined && !/^[A-Za-z0-9_.-]+$/.test(logRing))
        h.fail('log-ring', 'must be a ring section name');
    const stateFile = h.string('server-state-file') || undefined;
    return {
        socket: (0,external_node_path_.isAbsolute)(socket) ? socket : (0,external_node_path_.resolve)(base, socket),
        backend,
        timeoutMs: h.duration('timeout', '5s'),
        drainTimeoutMs: h.duration('drain-timeout', '30s'),
        logRing: logRing || undefined,
        maintAfterDrain: h.boolean('maint-after-drain', false),
        serverStateFile: stateFile ? ((0,external_node_path_.isAbsolute)(stateFile) ? stateFile : (0,external_node_path_.resolve)(base, stateFile)) : undefined
    };
}
function readCommand(top, base) {
    if (!top.has('command'))
        top.fail('command', 'is required for type command (apply, status)');
    const c = top.mapping('command');
    c.onlyKeys(COMMAND_KEYS);
    return {
        apply: c.required('apply'),
        status: c.required('status'),
        drain: c.string('drain') || undefined,
        timeoutMs: c.duration('timeout', '30s'),
        cwd: base
    };
}
function parseRouterConfig(source) {
    const name = source.path ?? source.name ?? 'router config';
    const yaml = (0,lib_yaml.parsePositionedYaml)(source.text, name, { lineNumbers: source.path !== undefined });
    if (!isMapping(yaml.value)) {
        throw new errors/* ConfigurationError */.j1(`${name}: must be a mapping with type, colors and verify`);
    }
    const expanded = expand(yaml.value, source.env, () => `${name}: `);
    const top = new Reader(yaml, expanded, []);
    top.onlyKeys(TOP_KEYS);
    const typeText = top.required('type');
    if (!ROUTER_TYPES.includes(typeText)) {
        top.fail('type', `must be one of ${ROUTER_TYPES.join(', ')}; got ${JSON.stringify(typeText)}`);
    }
    const type = typeText;
    const base = source.path
        ? (0,external_node_path_.dirname)((0,external_node_path_.isAbsolute)(source.path) ? source.path : (0,external_node_path_.resolve)(source.cwd, source.path))
        : source.cwd;
    const colors = readColors(top, type);
    const verify = readVerify(top);
    const initial = top.string('initial');
    if (initial !== undefined && !colors.some((c) => c.name === initial)) {
        top.fail('initial', `must be one of the colours (${colors.map((c) => c.name).join(', ')}); got ${JSON.stringify(initial)}`);
    }
    const stateText = top.string('state-file');
    const stateFile = stateText
        ? (0,external_node_path_.isAbsolute)(stateText)
            ? stateText
            : (0,external_node_path_.resolve)(base, stateText)
        : source.path
            ? (0,external_node_path_.resolve)(base, `${(0,external_node_path_.basename)(source.path).replace(/\.ya?ml$/i, '')}.state.json`)
            : (0,external_node_path_.resolve)(base, 'blue-green-switch.state.json');
    for (const other of ROUTER_TYPES) {
        if (other !== type && top.has(other))
            top.fail(other, `is set but type is ${type}`);
    }
    // Credentials in a URL (user:password@) are masked too, raw, decoded and as the Basic header built from them.
    const secrets = [verify.url, ...colors.flatMap((c) => c.urls)].flatMap(redact/* urlSecrets */.Fn);
    for (const [header, value] of Object.entries(verify.headers)) {
        if (SECRET_HEADERS.includes(header.toLowerCase()))
            secrets.push(...(0,redact/* headerValueSecrets */.CF)(value));
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/weights.ts
// Weights as data: validation (whole percent, 0-100, summing to 100, known colours), canary schedules, and the
// translation of colour shares into per-server weights a weighted round robin honours exactly.

/** Throws a one-line ConfigurationError unless weights cover exactly the known colours, 0-100, sum 100. */
function validateWeights(weights, colors, where) {
    if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) {
        throw new errors/* ConfigurationError */.j1(`${where}: weights must be a mapping of colour to percent; got ${JSON.stringify(weights)}`);
    }
    const entries = Object.entries(weights);
    for (const [color, value] of entries) {
        if (!colors.includes(color)) {
            throw new errors/* ConfigurationError */.j1(`${where}: unknown colour "${color}" in weights (known: ${colors.join(', ')})`);
        }
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
            throw new errors/* ConfigurationError */.j1(`${where}: weight of ${color} must be a whole percent between 0 and 100; got ${JSON.stringify(value)}`);
        }
    }
    const result = {};
    for (const color of colors)
        result[color] = weights[color] ?? 0;
    const sum = Object.values(result).reduce((a, b) => a + b, 0);
    if (sum !== 100)
        throw new errors/* ConfigurationError */.j1(`${where}: weights must sum to 100; got ${sum} (${weights_formatWeights(result)})`);
    return result;
}
/** `blue 90 / green 10`. */
function weights_formatWeights(weights) {
    return Object.entries(weights)
        .map(([color, weight]) => `${color} ${weight}`)
        .join(' / ');
}
function weights_sameWeights(a, b) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}
/** All traffic on one colour. */
function allOn(color, colors) {
    return Object.fromEntries(colors.map((c) => [c, c === color ? 100 : 0]));
}
/** The colour with all the traffic, or null when it is split. */
function weights_liveColor(weights) {
    return Object.entries(weights).find(([, w]) => w === 100)?.[0] ?? null;
}
/** The new colour at `percent`, the old one at the rest. */
function canaryWeights(from, to, percent, colors) {
    const weights = Object.fromEntries(colors.map((c) => [c, 0]));
    weights[to] = percent;
    weights[from] = (weights[from] ?? 0) + 100 - percent;
    return weights;
}
/** Parses `10,50,100` (commas, spaces or newlines; `%` allowed): whole percents 1-100, strictly increasing. */
function parseSteps(text, where = 'steps') {
    const parts = text
        .split(/[\s,]+/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
    if (parts.length === 0)
        throw new errors/* ConfigurationError */.j1(`${where}: no steps; write them like 10,50,100`);
    const steps = parts.map((part) => {
        const match = /^(\d+)%?$/.exec(part);
        const value = match ? Number(match[1]) : NaN;
        if (!match || value < 1 || value > 100) {
            throw new errors/* ConfigurationError */.j1(`${where}: "${part}" is not a percent between 1 and 100; write steps like 10,50,100`);
        }
        return value;
    });
    for (let i = 1; i < steps.length; i++) {
        if (steps[i] <= steps[i - 1]) {
            throw new errors/* ConfigurationError */.j1(`${where}: steps must increase; ${steps[i]} follows ${steps[i - 1]}`);
        }
    }
    return steps;
}
/** Resolves `--to`: a colour's name, or `other` / empty for the one colour that is not live. */
function resolveTarget(to, live, colors) {
    const wanted = to?.trim() ?? '';
    if (wanted === '' || wanted === 'other') {
        if (colors.length !== 2) {
            throw new errors/* ConfigurationError */.j1(`"to" is required with ${colors.length} colours (choose one of ${colors.join(', ')})`);
        }
        if (live === null) {
            throw new errors/* ConfigurationError */.j1(`"to" is required: traffic is split, so there is no "other" colour (${colors.join(', ')})`);
        }
        return colors.find((c) => c !== live);
    }
    if (!colors.includes(wanted)) {
        throw new errors/* ConfigurationError */.j1(`unknown colour "${wanted}"; the router config defines ${colors.join(', ')}`);
    }
    return wanted;
}
function gcd(a, b) {
    return b === 0 ? a : gcd(b, a % b);
}
/**
 * Per-server integer weights for a weighted round robin such that each colour's share is exactly its weight:
 * every server of colour c gets W_c * L / n_c, L = lcm of the server counts, reduced by the common divisor.
 * A colour at 0 gets 0 (the router decides whether that is `down`, omitted, or weight 0). When the result
 * exceeds `max` (HAProxy: 256) it is scaled down and rounded: shares then deviate by at most a few tenths of a
 * percent, which the verify tolerance absorbs.
 */
function serverWeights(weights, colors, max = Number.MAX_SAFE_INTEGER) {
    const counts = colors.map((c) => c.servers.length);
    const lcm = counts.reduce((a, b) => (a * b) / gcd(a, b), 1);
    const raw = new Map();
    for (const color of colors) {
        const perServer = ((weights[color.name] ?? 0) * lcm) / color.servers.length;
        for (const server of color.servers)
            raw.set(server, perServer);
    }
    const positive = [...raw.values()].filter((w) => w > 0);
    const divisor = positive.reduce((a, b) => gcd(a, b), positive[0] ?? 1);
    const highest = Math.max(1, ...positive.map((w) => w / divisor));
    const scale = highest > max ? max / highest : 1;
    const result = new Map();
    for (const [server, w] of raw)
        result.set(server, w === 0 ? 0 : Math.max(1, Math.round((w / divisor) * scale)));
    return result;
}
/** Whole-percent shares per colour from per-server weights (the inverse of serverWeights, rounded). */
function sharesFromServerWeights(perServer, colors) {
    const total = perServer.reduce((a, s) => a + s.weight, 0);
    const weights = Object.fromEntries(colors.map((c) => [c, 0]));
    if (total === 0)
        return weights;
    for (const s of perServer)
        weights[s.color] = (weights[s.color] ?? 0) + (s.weight / total) * 100;
    // Largest-remainder rounding keeps the sum at exactly 100.
    const floors = Object.entries(weights).map(([c, w]) => ({
        c,
        floor: Math.floor(w + 1e-9),
        rest: w - Math.floor(w + 1e-9)
    }));
    let missing = 100 - floors.reduce((a, f) => a + f.floor, 0);
    for (const f of [...floors].sort((a, b) => b.rest - a.rest)) {
        if (missing <= 0)
            break;
        f.floor++;
        missing--;
    }
    return Object.fromEntries(floors.map((f) => [f.c, f.floor]));
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./actions/blue-green-switch/src/routers/support/process.ts
// Running the router's programs (nginx -t, the command router's commands) with a timeout and bounded output;
// a program that cannot be started is reported, never thrown as a bare spawn error.


const MAX_OUTPUT = 4 * 1024 * 1024;
function runProgram(file, args, options) {
    const started = performance.now();
    return new Promise((resolve) => {
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        let settled = false;
        const child = (0,external_node_child_process_.spawn)(file, args, {
            cwd: options.cwd,
            env: options.env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: false
        });
        const done = (result) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            resolve({ ...result, stdout, stderr, timedOut, durationMs: performance.now() - started });
        };
        const kill = () => {
            try {
                child.kill('SIGKILL');
            }
            catch {
                // gone
            }
        };
        const timer = setTimeout(() => {
            timedOut = true;
            kill();
        }, options.timeoutMs);
        const onAbort = () => kill();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        child.stdout.setEncoding('utf8').on('data', (chunk) => {
            if (stdout.length < MAX_OUTPUT)
                stdout += chunk;
        });
        child.stderr.setEncoding('utf8').on('data', (chunk) => {
            if (stderr.length < MAX_OUTPUT)
                stderr += chunk;
        });
        child.once('error', (error) => done({ code: null, startError: error }));
        child.once('close', (code) => done({ code }));
    });
}
/** `sh -c command`: for commands the workflow author wrote in the router config. */
function runShell(command, options) {
    return runProgram('/bin/sh', ['-c', command], options);
}
/** One line on why a program failed: its first meaningful output line, or how it ended. */
function failureLine(what, result, timeoutMs) {
    if (result.startError)
        return `${what} could not be started: ${result.startError.code ?? result.startError.message}`;
    if (result.timedOut)
        return `${what} did not finish within ${(0,duration/* formatDuration */.a3)(timeoutMs)}`;
    const text = `${result.stderr}\n${result.stdout}`
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
    const found = text.find((l) => /\[emerg\]|error/i.test(l)) ?? text[0];
    // nginx writes "2026/12/02 08:00:08 [emerg] 123#123: msg" to a configured error log, "nginx: [emerg] msg" else.
    const line = found
        ?.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d (\[\w+\]) \d+#\d+: /, '$1 ')
        .replace(/^nginx: (\[\w+\])/, '$1');
    return `${what} exited with ${result.code}${line ? `: ${line}` : ''}`;
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/routers/command.ts
// Any other router, through commands the workflow author wrote in the router config (they run only because
// that config names them, with `sh -c` in the config's directory):
//   apply   gets the weights as environment variables (BGS_WEIGHTS='{"blue":90,"green":10}', BGS_WEIGHT_BLUE=90,
//           BGS_WEIGHT_GREEN=10, BGS_SERVERS_BLUE=...) and exits 0 once the router has them;
//   status  prints the router's current weights as JSON ({"blue": 90, "green": 10} or {"weights": {...}});
//   drain   (optional) gets BGS_DRAIN_COLORS and exits 0 once those colours have no requests in flight.



function envName(color) {
    return color.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
function createCommandRouter(config, dependencies) {
    const spec = config.command;
    const colors = config.colors.map((c) => c.name);
    const baseEnv = () => {
        const env = { ...dependencies.env, BGS_COLORS: colors.join(',') };
        for (const c of config.colors)
            env[`BGS_SERVERS_${envName(c.name)}`] = c.servers.join(',');
        return env;
    };
    const run = (what, command, env, signal) => runShell(command, { timeoutMs: spec.timeoutMs, cwd: spec.cwd, env, signal }).then((result) => {
        if (result.code !== 0)
            throw new errors/* ConfigurationError */.j1(failureLine(`command router ${what} (${command})`, result, spec.timeoutMs));
        return result;
    });
    const read = async (signal) => {
        const result = await run('status', spec.status, baseEnv(), signal);
        let parsed;
        try {
            parsed = JSON.parse(result.stdout);
        }
        catch {
            const first = result.stdout.trim().split('\n')[0] ?? '';
            throw new errors/* ConfigurationError */.j1(`command router status printed no JSON: ${JSON.stringify(first.slice(0, 80))}`);
        }
        const raw = typeof parsed === 'object' && parsed !== null && 'weights' in parsed ? parsed.weights : parsed;
        const weights = validateWeights(raw, colors, 'command router status');
        return {
            weights,
            servers: config.colors.flatMap((c) => c.servers.map((s) => ({ color: c.name, name: s, weight: weights[c.name], state: 'unknown' }))),
            detail: `command router status (${spec.status})`
        };
    };
    return {
        type: 'command',
        // The commands may be edited between runs; the colours and their servers are what the state is about.
        identity: `command:${spec.cwd}#${config.colors.map((c) => `${c.name}=${c.servers.join('+')}`).join(',')}`,
        describe: () => `command router (${spec.apply})`,
        async preflight(context) {
            await read(context.signal);
        },
        read: (context) => read(context.signal),
        async apply(weights, context) {
            const env = { ...baseEnv(), BGS_WEIGHTS: JSON.stringify(weights) };
            for (const [color, weight] of Object.entries(weights))
                env[`BGS_WEIGHT_${envName(color)}`] = String(weight);
            const result = await run('apply', spec.apply, env, context.signal);
            const said = result.stdout.trim().split('\n').pop();
            return {
                message: `applied ${weights_formatWeights(weights)} with ${spec.apply}${said ? `: ${said.slice(0, 200)}` : ''}`,
                warnings: []
            };
        },
        async drain(drainColors, context) {
            if (!spec.drain)
                return { drained: true, message: 'no drain command configured' };
            const result = await runShell(spec.drain, {
                timeoutMs: spec.timeoutMs,
                cwd: spec.cwd,
                env: { ...baseEnv(), BGS_DRAIN_COLORS: drainColors.join(',') },
                signal: context.signal
            });
            return result.code === 0
                ? { drained: true, message: `drain command done for ${drainColors.join(', ')}` }
                : { drained: false, message: failureLine(`command router drain (${spec.drain})`, result, spec.timeoutMs) };
        }
    };
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/time.ts
// Waiting that a cancelled run can interrupt: every wait in the engine and the routers goes through here.
class Cancelled extends Error {
    name = 'Cancelled';
    constructor() {
        super('cancelled');
    }
}
/** Resolves after ms; rejects with Cancelled as soon as the signal aborts. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new Cancelled());
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(new Cancelled());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** Polls `done` every intervalMs until it returns true (resolves true) or timeoutMs passes (resolves false). */
async function pollUntil(done, timeoutMs, intervalMs, signal) {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
        if (await done())
            return true;
        const left = deadline - performance.now();
        if (left <= 0)
            return false;
        await sleep(Math.min(intervalMs, left), signal);
    }
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
;// CONCATENATED MODULE: ./actions/blue-green-switch/src/routers/support/haproxy-api.ts
// A client of HAProxy's runtime API over its admin socket: one connection per command (the non-interactive
// mode: HAProxy answers and closes), a timeout on each, errors as one line that says what to fix, and parsers
// for `show servers state`, `show stat` (CSV) and the judge's ring log lines.



/** Cap on one answer; `show events` of a large ring is the biggest thing we read. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
function describeSocketError(socket, error) {
    switch (error.code) {
        case 'ENOENT':
            return `HAProxy admin socket ${socket} does not exist: is HAProxy running with "stats socket ${socket} level admin"?`;
        case 'ECONNREFUSED':
            return `HAProxy is not running: its admin socket ${socket} refused the connection`;
        case 'EACCES':
        case 'EPERM':
            return `permission denied on HAProxy admin socket ${socket}: run as its owner or widen its mode ("stats socket ... mode 660 group ...")`;
        case 'ENOTSOCK':
            return `${socket} is not a socket: point haproxy.socket at HAProxy's "stats socket"`;
        default:
            return `cannot talk to HAProxy on ${socket}: ${error.message}`;
    }
}
class HaproxyApi {
    socket;
    timeoutMs;
    constructor(socket, timeoutMs) {
        this.socket = socket;
        this.timeoutMs = timeoutMs;
    }
    /** Sends one command; resolves with HAProxy's answer (which may be an error text). */
    command(line, signal) {
        return new Promise((resolve, reject) => {
            const connection = external_node_net_default().connect(this.socket);
            const chunks = [];
            let size = 0;
            const finish = (error, answer) => {
                clearTimeout(timer);
                signal?.removeEventListener('abort', onAbort);
                connection.destroy();
                if (error)
                    reject(error);
                else
                    resolve(answer ?? '');
            };
            const onAbort = () => finish(new Error(`HAProxy command "${line}" was cancelled`));
            const timer = setTimeout(() => finish(new errors/* ConfigurationError */.j1(`HAProxy did not answer "${line}" on ${this.socket} within ${(0,duration/* formatDuration */.a3)(this.timeoutMs)}`)), this.timeoutMs);
            signal?.addEventListener('abort', onAbort, { once: true });
            connection.on('data', (chunk) => {
                size += chunk.length;
                if (size > MAX_ANSWER_BYTES)
                    finish(new errors/* ConfigurationError */.j1(`HAProxy's answer to "${line}" is larger than 64 MiB`));
                else
                    chunks.push(chunk);
            });
            connection.on('error', (error) => finish(new errors/* ConfigurationError */.j1(describeSocketError(this.socket, error))));
            connection.on('end', () => finish(undefined, Buffer.concat(chunks).toString('utf8')));
            connection.write(`${line}\n`);
        });
    }
    /** A command that answers nothing on success (set server ...); any text back is HAProxy's error. */
    async expectSilent(line, signal) {
        const answer = (await this.command(line, signal)).trim();
        if (answer === '')
            return;
        if (/permission denied/i.test(answer)) {
            throw new errors/* ConfigurationError */.j1(`HAProxy refused "${line}": the admin socket ${this.socket} is not "level admin" (HAProxy said: ${answer})`);
        }
        throw new errors/* ConfigurationError */.j1(`HAProxy refused "${line}": ${answer.split('\n')[0]}`);
    }
}
/** Parses `show servers state <backend>` (format version 1: a version line, a `#` header, then rows). */
function parseServersState(text) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const header = lines.find((l) => l.startsWith('# '));
    if (!header)
        throw new errors/* ConfigurationError */.j1(`unexpected answer to "show servers state": ${lines[0] ?? '(empty)'}`);
    const names = header.slice(2).trim().split(/\s+/);
    const index = (name) => {
        const i = names.indexOf(name);
        if (i < 0)
            throw new errors/* ConfigurationError */.j1(`"show servers state" has no ${name} column`);
        return i;
    };
    const columns = {
        backend: index('be_name'),
        name: index('srv_name'),
        address: index('srv_addr'),
        opState: index('srv_op_state'),
        adminState: index('srv_admin_state'),
        userWeight: index('srv_uweight'),
        initialWeight: index('srv_iweight'),
        port: names.indexOf('srv_port')
    };
    return lines
        .filter((l) => !l.startsWith('#') && /^\d+\s/.test(l))
        .map((l) => {
        const f = l.trim().split(/\s+/);
        return {
            backend: f[columns.backend],
            name: f[columns.name],
            address: f[columns.address],
            port: columns.port >= 0 ? Number(f[columns.port]) : 0,
            opState: Number(f[columns.opState]),
            adminState: Number(f[columns.adminState]),
            userWeight: Number(f[columns.userWeight]),
            initialWeight: Number(f[columns.initialWeight])
        };
    });
}
/** Parses `show stat` CSV into one record per row, keyed by the header's column names. */
function parseStatCsv(text) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const header = lines[0];
    if (!header?.startsWith('# '))
        throw new errors/* ConfigurationError */.j1(`unexpected answer to "show stat": ${header ?? '(empty)'}`);
    const names = header.slice(2).split(',');
    return lines.slice(1).map((line) => {
        const fields = line.split(',');
        return Object.fromEntries(names.map((name, i) => [name, fields[i] ?? '']));
    });
}
/** The judge's log-format: `log-format "ubos-bgs %Ts.%ms %b %s %ST %Ta"`, found anywhere in a ring line. */
const RING_LOG_FORMAT = 'ubos-bgs %Ts.%ms %b %s %ST %Ta';
const RING_LINE = /ubos-bgs (\d+)\.(\d{3}) (\S+) (\S+) (-?\d+) (-?\d+)/;
function parseRingLines(text) {
    const out = [];
    for (const line of text.split('\n')) {
        const m = RING_LINE.exec(line);
        if (!m)
            continue;
        out.push({
            at: Number(m[1]) * 1000 + Number(m[2]),
            backend: m[3],
            server: m[4],
            status: Number(m[5]),
            totalMs: Number(m[6])
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/routers/haproxy.ts
// HAProxy through its runtime API: weights and states are changed live (`set server <b>/<s> weight N`,
// `state ready|drain|maint`), read back with `show servers state` and `show stat`; nothing is reloaded. Drain is
// confirmed by polling the servers' current sessions (scur) down to zero. Runtime changes would be lost on a
// later reload unless HAProxy loads them from a server-state file; with `server-state-file` set here, the
// router dumps `show servers state` to it after every change (see docs/routers/haproxy.md).






/** HAProxy's largest absolute server weight. */
const MAX_WEIGHT = 256;
const MAINT_BITS = 0x01 | 0x02 | 0x04 | 0x20 | 0x40;
const DRAIN_BITS = 0x08 | 0x10;
const DRAIN_POLL_MS = 100;
function stateOf(row) {
    if (row.adminState & MAINT_BITS)
        return 'maint';
    if (row.adminState & DRAIN_BITS)
        return 'drain';
    if (row.opState === 0)
        return 'down';
    if (row.opState === 2 || row.opState === 1 || row.opState === 3)
        return 'up';
    return 'unknown';
}
function createHaproxyRouter(config) {
    const spec = config.haproxy;
    const api = new HaproxyApi(spec.socket, spec.timeoutMs);
    const colorOf = new Map();
    for (const color of config.colors)
        for (const server of color.servers)
            colorOf.set(server, color.name);
    const ours = (row) => colorOf.has(row.name);
    const serversState = async (signal) => {
        const answer = await api.command(`show servers state ${spec.backend}`, signal);
        if (/can't find backend/i.test(answer)) {
            throw new errors/* ConfigurationError */.j1(`HAProxy has no backend "${spec.backend}" (haproxy.backend in ${config.source})`);
        }
        return parseServersState(answer).filter((r) => r.backend === spec.backend);
    };
    const stats = async (signal) => {
        const rows = parseStatCsv(await api.command(`show stat ${spec.backend} 4 -1`, signal));
        return new Map(rows.filter((r) => r.pxname === spec.backend).map((r) => [r.svname, r]));
    };
    const dumpServerState = async (signal) => {
        if (!spec.serverStateFile)
            return;
        const text = await api.command('show servers state', signal);
        const temp = `${spec.serverStateFile}.tmp-${process.pid}`;
        (0,external_node_fs_.writeFileSync)(temp, text);
        (0,external_node_fs_.renameSync)(temp, spec.serverStateFile);
    };
    const read = async (context) => {
        const rows = (await serversState(context.signal)).filter(ours);
        const sessions = await stats(context.signal);
        const servers = rows.map((row) => ({
            color: colorOf.get(row.name),
            name: row.name,
            address: row.port ? `${row.address}:${row.port}` : row.address,
            weight: row.userWeight,
            state: stateOf(row),
            sessions: Number(sessions.get(row.name)?.scur ?? 0)
        }));
        // A server in drain or maintenance gets no new requests, whatever its weight says.
        const effective = servers.map((s) => ({
            color: s.color,
            weight: s.state === 'maint' || s.state === 'drain' ? 0 : s.weight
        }));
        return {
            weights: sharesFromServerWeights(effective, config.colors.map((c) => c.name)),
            servers,
            detail: `backend ${spec.backend} on ${spec.socket}`
        };
    };
    const setAll = async (targets, rows, signal) => {
        const byName = new Map(rows.map((r) => [r.name, r]));
        // Raise first, lower second: at no moment do all servers have weight 0.
        const order = [...targets.entries()].sort((a, b) => b[1] - a[1]);
        for (const [server, weight] of order) {
            const row = byName.get(server);
            if (weight > 0 && stateOf(row) !== 'up' && stateOf(row) !== 'down') {
                await api.expectSilent(`set server ${spec.backend}/${server} state ready`, signal);
            }
            await api.expectSilent(`set server ${spec.backend}/${server} weight ${weight}`, signal);
        }
    };
    const traffic = {
        source: spec.logRing ? `HAProxy show stat and ring ${spec.logRing}` : 'HAProxy show stat',
        async start(context) {
            const before = await stats(context.signal);
            const startedAt = Date.now();
            return {
                async stop(stopContext) {
                    const after = await stats(stopContext.signal);
                    const result = Object.fromEntries(config.colors.map((c) => [c.name, { requests: 0, errors: 0, latenciesMs: [] }]));
                    const counter = (row, key) => Number(row?.[key] || 0);
                    for (const [server, color] of colorOf) {
                        const a = after.get(server);
                        const b = before.get(server);
                        const t = result[color];
                        // req_tot counts HTTP requests; older versions leave it empty for servers, so fall back to sessions.
                        const requestsKey = a?.req_tot ? 'req_tot' : 'stot';
                        t.requests += Math.max(0, counter(a, requestsKey) - counter(b, requestsKey));
                        t.errors += Math.max(0, counter(a, 'hrsp_5xx') - counter(b, 'hrsp_5xx'));
                        t.errors += Math.max(0, counter(a, 'econ') - counter(b, 'econ'));
                    }
                    if (spec.logRing) {
                        const answer = await api.command(`show events ${spec.logRing}`, stopContext.signal);
                        if (/unknown|no such/i.test(answer.split('\n')[0] ?? '') && !answer.includes('ubos-bgs')) {
                            throw new errors/* ConfigurationError */.j1(`HAProxy has no ring "${spec.logRing}" (haproxy.log-ring): ${answer.trim()}`);
                        }
                        // The accept time has ms resolution; a request accepted in the same ms as the start still counts.
                        for (const line of parseRingLines(answer)) {
                            if (line.backend !== spec.backend || line.at < startedAt - 1 || line.totalMs < 0)
                                continue;
                            const color = colorOf.get(line.server);
                            if (color)
                                result[color].latenciesMs.push(line.totalMs);
                        }
                    }
                    return result;
                }
            };
        }
    };
    return {
        type: 'haproxy',
        identity: `haproxy:${spec.socket}#${spec.backend}`,
        describe: () => `HAProxy backend ${spec.backend} (${spec.socket})`,
        async preflight(context) {
            const level = (await api.command('show cli level', context.signal)).trim();
            if (level !== '' && level !== 'admin' && !/unknown command/i.test(level)) {
                throw new errors/* ConfigurationError */.j1(`HAProxy admin socket ${spec.socket} is "level ${level}"; switching needs "stats socket ${spec.socket} level admin"`);
            }
            const rows = await serversState(context.signal);
            const names = rows.map((r) => r.name);
            for (const server of colorOf.keys()) {
                if (!names.includes(server)) {
                    throw new errors/* ConfigurationError */.j1(`server ${server} (colour ${colorOf.get(server)}) is not in HAProxy backend ${spec.backend} (it has ${names.join(', ') || 'no servers'})`);
                }
            }
        },
        read,
        async apply(weights, context) {
            const rows = (await serversState(context.signal)).filter(ours);
            const previous = new Map(rows.map((r) => [r.name, r.userWeight]));
            const targets = serverWeights(weights, config.colors, MAX_WEIGHT);
            try {
                await setAll(targets, rows, context.signal);
            }
            catch (error) {
                // Put back what was there, so a refused command never leaves a half-applied split.
                await setAll(previous, rows).catch(() => undefined);
                throw error;
            }
            const warnings = [];
            try {
                await dumpServerState(context.signal);
            }
            catch (error) {
                warnings.push(`could not write haproxy.server-state-file ${spec.serverStateFile}: ${error.message}`);
            }
            const detail = [...targets].map(([s, w]) => `${s}=${w}`).join(' ');
            return { message: `set ${weights_formatWeights(weights)} on backend ${spec.backend} (${detail})`, warnings };
        },
        async drain(colors, context) {
            const servers = [...colorOf].filter(([, c]) => colors.includes(c)).map(([s]) => s);
            if (servers.length === 0)
                return { drained: true, message: 'nothing to drain' };
            let busy = [];
            const drained = await pollUntil(async () => {
                const current = await stats(context.signal);
                busy = servers
                    .filter((s) => Number(current.get(s)?.scur ?? 0) > 0)
                    .map((s) => `${s} (${current.get(s).scur})`);
                return busy.length === 0;
            }, spec.drainTimeoutMs, DRAIN_POLL_MS, context.signal);
            if (!drained) {
                return {
                    drained: false,
                    message: `${busy.join(', ')} still had sessions after ${(0,duration/* formatDuration */.a3)(spec.drainTimeoutMs)} (haproxy.drain-timeout)`
                };
            }
            if (spec.maintAfterDrain) {
                for (const s of servers)
                    await api.expectSilent(`set server ${spec.backend}/${s} state maint`, context.signal);
                await dumpServerState(context.signal);
            }
            return {
                drained: true,
                message: `${servers.join(', ')} at 0 sessions${spec.maintAfterDrain ? ', now in maintenance' : ''}`
            };
        },
        traffic
    };
}

// EXTERNAL MODULE: external "node:dns/promises"
var promises_ = __webpack_require__(71553);
;// CONCATENATED MODULE: ./actions/blue-green-switch/src/routers/support/nginx-njs.ts
const HEADER = '# Managed by ubos/actions blue-green-switch (nginx.switch: njs): rewritten when the router config changes; edits here are lost.';
/** The line that marks an include as this mode's (read() tells the two shapes apart by it). */
const NJS_MARKER = '# ubos-bgs-mode: njs';
function safeName(upstream) {
    return upstream.replace(/[^A-Za-z0-9_]/g, '_');
}
/** The variable the user's `proxy_pass http://$ubos_bgs_<upstream>;` names. */
function njsVariable(upstream) {
    return `ubos_bgs_${safeName(upstream)}`;
}
/** One upstream per colour: `<upstream>__<colour>`. */
function colorUpstream(upstream, color) {
    return `${upstream}__${color}`;
}
/** The upstream the script names when it cannot read the weights: all servers down, so 502 (colours start with a letter). */
function unavailableUpstream(upstream) {
    return `${upstream}__0_no_weights`;
}
function renderWeightsFile(weights) {
    return `${JSON.stringify(weights)}\n`;
}
function renderNjsScript(config) {
    const spec = config.nginx;
    const upstreams = Object.fromEntries(config.colors.map((c) => [c.name, colorUpstream(spec.upstream, c.name)]));
    return `// Managed by ubos/actions blue-green-switch (nginx.switch: njs); rewritten when the router config changes.
// Picks the upstream of a request from the weights file, read on every request (njs 0.7 keeps nothing between
// requests). A colour at 0 is never picked; an unreadable file sends the request to an upstream whose servers are
// all down (502) and says why in the error log.
var fs = require('fs');
var FILE = ${JSON.stringify(spec.weightsFile)};
var UPSTREAMS = ${JSON.stringify(upstreams)};
var NONE = ${JSON.stringify(unavailableUpstream(spec.upstream))};
var COLORS = Object.keys(UPSTREAMS);

function pick(r) {
  var weights;
  try {
    weights = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  } catch (e) {
    r.error('ubos blue-green-switch: cannot read ' + FILE + ': ' + e.message);
    return NONE;
  }
  var total = 0;
  var i;
  for (i = 0; i < COLORS.length; i++) {
    var w = weights[COLORS[i]];
    if (typeof w === 'number' && w > 0) total += w;
  }
  if (!(total > 0)) {
    r.error('ubos blue-green-switch: ' + FILE + ' gives no colour a weight above 0');
    return NONE;
  }
  var x = Math.random() * total;
  var last = NONE;
  for (i = 0; i < COLORS.length; i++) {
    var weight = weights[COLORS[i]];
    if (!(typeof weight === 'number' && weight > 0)) continue;
    last = UPSTREAMS[COLORS[i]];
    x -= weight;
    if (x < 0) return last;
  }
  return last;
}

export default { pick: pick };
`;
}
/** The include: the script, the variable, the judge's log_format, and one upstream per colour. */
function renderNjsInclude(config, logFormat) {
    const spec = config.nginx;
    const module = njsVariable(spec.upstream);
    const lines = [
        HEADER,
        NJS_MARKER,
        `# The weights are in ${spec.weightsFile}, read by ${spec.scriptFile} on every request: a switch rewrites that file, nginx is not reloaded.`,
        `# Proxy with: proxy_pass http://$${module};`,
        `js_import ${module} from ${spec.scriptFile};`,
        `js_set $${module} ${module}.pick;`,
        logFormat
    ];
    for (const color of config.colors) {
        lines.push(`upstream ${colorUpstream(spec.upstream, color.name)} {`);
        for (const server of color.servers) {
            lines.push(`    server ${server}${spec.serverOptions ? ` ${spec.serverOptions}` : ''}; # ${color.name}`);
        }
        if (spec.keepalive > 0)
            lines.push(`    keepalive ${spec.keepalive};`);
        if (spec.keepalive > 0 && spec.keepaliveTimeoutMs !== undefined) {
            lines.push(`    keepalive_timeout ${Math.max(1, Math.round(spec.keepaliveTimeoutMs))}ms;`);
        }
        lines.push('}');
    }
    lines.push(`upstream ${unavailableUpstream(spec.upstream)} {`, '    server 127.0.0.1:9 down;', '}', '');
    return lines.join('\n');
}
function isNjsInclude(text) {
    return text.split('\n').includes(NJS_MARKER);
}
/** Whether nginx -T's dump loads the njs module (or nginx was built with it). */
function loadsNjsModule(dump, versionOutput) {
    const text = dump.replace(/#[^\n]*/g, '');
    return /^\s*load_module\s+\S*ngx_http_js_module\.so\s*;/m.test(text) || /njs/.test(versionOutput);
}
/** Whether anything in the dump (outside our include) uses the variable, e.g. `proxy_pass http://$ubos_bgs_app;`. */
function usesVariable(dump, includeText, upstream) {
    const variable = `$${njsVariable(upstream)}`;
    const count = (text) => text.replace(/#[^\n]*/g, '').split(variable).length - 1;
    return count(dump) > count(includeText);
}
const NJS_PACKAGE_HINT = 'nginx.switch: njs needs the njs module: apt-get install libnginx-mod-http-js, and load it in the main context of nginx.conf with "load_module modules/ngx_http_js_module.so;" (Debian\'s nginx.conf includes /etc/nginx/modules-enabled/*.conf, which does it)';

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/routers/support/proc.ts
// Linux /proc reads the nginx router uses to see a reload through (which workers a master has, whether a process
// still lives) and, in njs mode, a drain (the TCP connections nginx still has open to a colour).

function processAlive(pid) {
    try {
        process.kill(pid, 0);
    }
    catch (error) {
        // EPERM: it exists, it is just not ours to signal.
        return error.code === 'EPERM';
    }
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        return state !== 'Z' && state !== 'X';
    }
    catch {
        return true;
    }
}
/** Direct children of pid with their command lines (empty when /proc cannot be read). */
function childrenOf(pid) {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)('/proc').filter((e) => /^\d+$/.test(e));
    }
    catch {
        return [];
    }
    const out = [];
    for (const entry of entries) {
        try {
            const stat = (0,external_node_fs_.readFileSync)(`/proc/${entry}/stat`, 'utf8');
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            if (Number(fields[1]) !== pid || fields[0] === 'Z')
                continue;
            const commandLine = (0,external_node_fs_.readFileSync)(`/proc/${entry}/cmdline`, 'utf8').replace(/\0+$/, '').split('\0').join(' ');
            out.push({ pid: Number(entry), commandLine });
        }
        catch {
            // exited while we looked
        }
    }
    return out;
}
/** The hex form /proc/net/tcp{,6} gives a remote address: each 32-bit word of the address in host (little-endian) order. */
function procHex(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i += 4) {
        for (const b of bytes.slice(i, i + 4).reverse())
            out += b.toString(16).padStart(2, '0');
    }
    return out.toUpperCase();
}
function ipv4Bytes(ip) {
    const parts = ip.split('.').map(Number);
    return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : undefined;
}
function ipv6Bytes(ip) {
    let text = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
    let tail = [];
    const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
    if (v4) {
        const bytes = ipv4Bytes(v4[1]);
        if (!bytes)
            return undefined;
        tail = bytes;
        text = `${text.slice(0, -v4[1].length)}0:0`;
    }
    const [head, rest] = text.split('::');
    const groups = (s) => (s ? s.split(':') : []);
    const h = groups(head);
    const r = groups(rest);
    const fill = text.includes('::') ? 8 - h.length - r.length : 0;
    const all = [...h, ...Array(Math.max(0, fill)).fill('0'), ...r];
    if (all.length !== 8 || all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g)))
        return undefined;
    const bytes = all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 255]);
    if (tail.length === 4)
        bytes.splice(12, 4, ...tail);
    return bytes;
}
/** The remote-address column values (`0100007F:1F90`) a connection to ip:port shows in /proc/net/tcp or tcp6. */
function procRemoteAddresses(ip, port) {
    const p = port.toString(16).toUpperCase().padStart(4, '0');
    const v4 = ipv4Bytes(ip);
    if (v4)
        return [`${procHex(v4)}:${p}`, `${procHex([...Array(10).fill(0), 255, 255, ...v4])}:${p}`];
    const v6 = ipv6Bytes(ip);
    return v6 ? [`${procHex(v6)}:${p}`] : [];
}
/** Socket inodes the processes hold open; undefined when a process's fds cannot be read (another user's). */
function socketInodes(pids) {
    const inodes = new Set();
    for (const pid of pids) {
        let fds;
        try {
            fds = (0,external_node_fs_.readdirSync)(`/proc/${pid}/fd`);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                continue;
            return undefined;
        }
        for (const fd of fds) {
            try {
                const m = /^socket:\[(\d+)\]$/.exec((0,external_node_fs_.readlinkSync)(`/proc/${pid}/fd/${fd}`));
                if (m)
                    inodes.add(m[1]);
            }
            catch {
                // closed while we looked
            }
        }
    }
    return inodes;
}
/**
 * Open TCP connections (established or being set up) to any of the remote addresses (procRemoteAddresses),
 * counted among the given socket inodes, or among every socket of the machine when inodes is undefined.
 */
function tcpConnectionsTo(remotes, inodes) {
    let count = 0;
    for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch {
            continue;
        }
        for (const line of text.split('\n').slice(1)) {
            const f = line.trim().split(/\s+/);
            if (f.length < 10)
                continue;
            // 01 ESTABLISHED, 02 SYN_SENT: a request can be on its way or waiting for its answer.
            if ((f[3] !== '01' && f[3] !== '02') || !remotes.has(f[2]))
                continue;
            if (inodes && !inodes.has(f[9]))
                continue;
            count++;
        }
    }
    return count;
}
/**
 * When a process started, in ms since the epoch, to 10 ms (/proc/<pid>/stat's start time in clock ticks since
 * boot, at Linux's fixed USER_HZ of 100, against /proc/uptime read at the same moment); undefined when /proc
 * cannot tell.
 */
function processStartMs(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        const now = Date.now();
        const uptime = Number((0,external_node_fs_.readFileSync)('/proc/uptime', 'utf8').split(' ')[0]);
        const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
        return Number.isFinite(uptime) && Number.isFinite(ticks) ? now - (uptime * 1000 - ticks * 10) : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/routers/nginx.ts
// nginx through an include the action owns and the user's nginx.conf includes inside `http {}`, in one of two
// modes (nginx.switch). `reload` (the default): the include is an upstream whose server weights are the split; a
// change is: write the new file atomically, `nginx -t` with the user's config and prefix (a rejected file is put
// back and never reaches a reload; nginx's message is the error), SIGHUP to the master named by the pid file, then
// watch /proc until new workers serve and the old ones have finished their requests and exited, bounded by
// nginx.reload-timeout (nginx's own bound is worker_shutdown_timeout, see docs/routers/nginx.md). `njs`: the include
// defines one upstream per colour and an njs variable that picks one per request from a weights file
// (support/nginx-njs.ts); a change rewrites only that file, with no reload, so no client connection is closed. The
// include itself changes (and goes through nginx -t and one reload, as above) only when it is adopted. Both modes
// share everything about the nginx process (binary, -t, -T, pid file, reload, the judge's access log); they differ
// in what is written, read back and waited for in drain, so they live in one router with one branch per method.
//
// Reload mode: a colour at 0 % keeps its server lines, marked `down`: nginx refuses weight=0, and an upstream whose
// shape never changes keeps the file readable and the read-back exact. nginx never sends to a `down` server, also
// not when the live servers fail, which is the point: 0 % means 0 %.










const TEST_TIMEOUT_MS = 30_000;
const WORKER_POLL_MS = 20;
/** New workers normally start within milliseconds of the HUP; this bounds waiting for them. */
const NEW_WORKERS_TIMEOUT_MS = 15_000;
const nginx_HEADER = '# Managed by ubos/actions blue-green-switch: rewritten on every switch, edits here are lost.';
/** The log_format the judge reads; one per upstream, so two switched apps can share an nginx. */
function logFormatName(upstream) {
    return `ubos_bgs_${upstream.replace(/[^A-Za-z0-9_]/g, '_')}`;
}
/** The judge's log_format line (the same in both modes: keyed by $upstream_addr, a server of one colour). */
function logFormatLine(upstream) {
    return `log_format ${logFormatName(upstream)} escape=json '{"t":$msec,"upstream":"$upstream_addr","status":"$upstream_status","rt":"$upstream_response_time","code":$status}';`;
}
function renderUpstreamFile(config, weights) {
    const spec = config.nginx;
    const perServer = serverWeights(weights, config.colors);
    const lines = [
        nginx_HEADER,
        `# weights: ${JSON.stringify(weights)}`,
        logFormatLine(spec.upstream),
        `upstream ${spec.upstream} {`
    ];
    for (const color of config.colors) {
        for (const server of color.servers) {
            const weight = perServer.get(server);
            const options = spec.serverOptions ? ` ${spec.serverOptions}` : '';
            lines.push(`    server ${server}${weight > 0 ? ` weight=${weight}` : ' down'}${options}; # ${color.name}`);
        }
    }
    if (spec.keepalive > 0)
        lines.push(`    keepalive ${spec.keepalive};`);
    if (spec.keepalive > 0 && spec.keepaliveTimeoutMs !== undefined) {
        lines.push(`    keepalive_timeout ${Math.max(1, Math.round(spec.keepaliveTimeoutMs))}ms;`);
    }
    lines.push('}', '');
    return lines.join('\n');
}
/** The njs mode's include, with the judge's log_format. */
function renderNjsUpstreamFile(config) {
    return renderNjsInclude(config, logFormatLine(config.nginx.upstream));
}
/** Per-server weights from an upstream file (ours or a hand-written one being adopted). */
function parseUpstreamFile(text, config) {
    const spec = config.nginx;
    const colorOf = new Map();
    for (const c of config.colors)
        for (const s of c.servers)
            colorOf.set(s, c.name);
    const withoutComments = text.replace(/#[^\n]*/g, '');
    const block = new RegExp(`upstream\\s+${spec.upstream.replace(/[.]/g, '\\.')}\\s*\\{([^}]*)\\}`).exec(withoutComments);
    if (!block) {
        throw new errors/* ConfigurationError */.j1(`${spec.upstreamFile} has no "upstream ${spec.upstream} { }" block (nginx.upstream in ${config.source})`);
    }
    const servers = [];
    for (const statement of block[1].split(';')) {
        const words = statement.trim().split(/\s+/);
        if (words[0] !== 'server')
            continue;
        const address = words[1];
        const color = colorOf.get(address);
        if (!color) {
            throw new errors/* ConfigurationError */.j1(`${spec.upstreamFile}: server ${address} belongs to no colour in ${config.source}`);
        }
        const down = words.includes('down');
        const weightWord = words.find((w) => w.startsWith('weight='));
        servers.push({ color, server: address, weight: down ? 0 : weightWord ? Number(weightWord.slice(7)) : 1, down });
    }
    return servers;
}
function atomicWrite(file, text) {
    const temp = `${file}.tmp-${process.pid}`;
    const fd = (0,external_node_fs_.openSync)(temp, 'w', 0o644);
    try {
        (0,external_node_fs_.writeSync)(fd, text);
        (0,external_node_fs_.fsyncSync)(fd);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    (0,external_node_fs_.renameSync)(temp, file);
}
function realpathOr(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return (0,external_node_path_.resolve)(path);
    }
}
/** A file's text, or undefined when it does not exist (what putting files back needs to know). */
function readIfExists(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** Puts files back as they were (removing those that did not exist). */
function putBack(snapshot) {
    for (const [file, text] of snapshot) {
        if (text === undefined)
            (0,external_node_fs_.rmSync)(file, { force: true });
        else
            atomicWrite(file, text);
    }
}
/** nginx's answer to an include it cannot load, with what to do when it is the njs module that is missing. */
function withNjsHint(message) {
    return /unknown directive "js_(import|set)"/.test(message) ? `${message}; ${NJS_PACKAGE_HINT}` : message;
}
function createNginxRouter(config) {
    const spec = config.nginx;
    const colors = config.colors.map((c) => c.name);
    const baseArgs = [
        '-c',
        spec.config,
        ...(spec.prefix ? ['-p', spec.prefix.endsWith('/') ? spec.prefix : `${spec.prefix}/`] : [])
    ];
    let lastOldWorkers = [];
    const nginx = async (args, signal) => {
        const result = await runProgram(spec.binary, [...args, ...baseArgs], { timeoutMs: TEST_TIMEOUT_MS, signal });
        if (result.startError?.code === 'ENOENT') {
            throw new errors/* ConfigurationError */.j1(`nginx not found: "${spec.binary}" (nginx.binary); apt-get install nginx, or set its path`);
        }
        return result;
    };
    /** nginx -T: the full config with "# configuration file <path>:" before each file it read. */
    const dumpConfig = async (signal) => {
        const result = await nginx(['-T'], signal);
        if (result.code !== 0)
            throw new errors/* ConfigurationError */.j1(failureLine(`nginx -T -c ${spec.config}`, result, TEST_TIMEOUT_MS));
        return result.stdout;
    };
    const pidFile = async (dump) => {
        if (spec.pidFile)
            return spec.pidFile;
        const prefix = spec.prefix ?? (0,external_node_path_.dirname)((0,external_node_path_.dirname)(spec.config));
        const directive = /^\s*pid\s+([^;\s]+)\s*;/m.exec(dump.replace(/#[^\n]*/g, ''))?.[1];
        if (directive)
            return (0,external_node_path_.isAbsolute)(directive) ? directive : (0,external_node_path_.resolve)(prefix, directive);
        const version = await nginx(['-V']);
        const compiled = /--pid-path=(\S+)/.exec(version.stderr + version.stdout)?.[1];
        if (compiled)
            return (0,external_node_path_.isAbsolute)(compiled) ? compiled : (0,external_node_path_.resolve)(prefix, compiled);
        return (0,external_node_path_.resolve)(prefix, 'logs/nginx.pid');
    };
    let masterPidFile;
    const masterPid = () => {
        const file = masterPidFile;
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(file, 'utf8').trim();
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`nginx is not running: no pid file at ${file} (set nginx.pid-file if it lives elsewhere)`);
        }
        const pid = Number(text);
        if (!Number.isInteger(pid) || pid <= 0)
            throw new errors/* ConfigurationError */.j1(`nginx pid file ${file} holds no pid: ${JSON.stringify(text.slice(0, 40))}`);
        try {
            process.kill(pid, 0);
        }
        catch (error) {
            if (error.code === 'EPERM') {
                throw new errors/* ConfigurationError */.j1(`permission denied signalling nginx (pid ${pid}): run as the user nginx's master runs as, or root`);
            }
            throw new errors/* ConfigurationError */.j1(`nginx is not running: pid file ${file} names ${pid}, which no longer exists`);
        }
        return pid;
    };
    const workers = (pid) => childrenOf(pid).filter((c) => c.commandLine.startsWith('nginx: worker process'));
    const serving = (pid) => workers(pid)
        .filter((c) => !c.commandLine.includes('shutting down'))
        .map((c) => c.pid);
    const readFile = () => {
        try {
            return (0,external_node_fs_.readFileSync)(spec.upstreamFile, 'utf8');
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`cannot read the upstream file ${spec.upstreamFile}`);
        }
    };
    const test = async (signal) => {
        const result = await nginx(['-t', '-q'], signal);
        return result.code === 0 ? undefined : failureLine('nginx -t', result, TEST_TIMEOUT_MS);
    };
    const traffic = spec.accessLog
        ? {
            source: `nginx access log ${spec.accessLog}`,
            async start() {
                const logFile = spec.accessLog;
                let offset = 0;
                try {
                    offset = (0,external_node_fs_.readFileSync)(logFile).length;
                }
                catch {
                    offset = 0;
                }
                return {
                    async stop() {
                        const addressColor = new Map();
                        for (const c of config.colors)
                            for (const s of c.servers)
                                addressColor.set(s, c.name);
                        const result = Object.fromEntries(colors.map((c) => [c, { requests: 0, errors: 0, latenciesMs: [] }]));
                        let text;
                        try {
                            const all = (0,external_node_fs_.readFileSync)(logFile);
                            text = all.subarray(Math.min(offset, all.length)).toString('utf8');
                        }
                        catch {
                            throw new errors/* ConfigurationError */.j1(`cannot read nginx.access-log ${logFile}: is "access_log ${logFile} ${logFormatName(spec.upstream)};" in the proxying location?`);
                        }
                        for (const line of text.split('\n')) {
                            if (!line.startsWith('{'))
                                continue;
                            let entry;
                            try {
                                entry = JSON.parse(line);
                            }
                            catch {
                                continue;
                            }
                            // After retries nginx lists every upstream tried ("a, b"); the last one answered.
                            const upstream = (entry.upstream ?? '')
                                .split(/[,:]\s/)
                                .pop()
                                ?.trim() ?? '';
                            const color = addressColor.get(upstream);
                            if (!color)
                                continue;
                            const status = Number((entry.status ?? '').split(/[,:]\s/).pop());
                            const seconds = Number((entry.rt ?? '').split(/[,:]\s/).pop());
                            const t = result[color];
                            t.requests++;
                            if (!(status > 0) || status >= 500)
                                t.errors++;
                            if (Number.isFinite(seconds))
                                t.latenciesMs.push(seconds * 1000);
                        }
                        return result;
                    }
                };
            }
        }
        : undefined;
    const readReloadShape = (text) => {
        const servers = parseUpstreamFile(text, config);
        const readings = servers.map((s) => ({
            color: s.color,
            name: s.server,
            address: s.server,
            weight: s.weight,
            // `down` is how this router writes 0 %: administratively off, not a failed health check.
            state: s.down ? 'maint' : 'up'
        }));
        return {
            weights: sharesFromServerWeights(servers, colors),
            servers: readings,
            detail: `upstream ${spec.upstream} in ${spec.upstreamFile}`
        };
    };
    /** njs mode: the weights file, exactly what the script reads on every request. */
    const readWeightsFile = () => {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(spec.weightsFile, 'utf8');
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`cannot read the weights file ${spec.weightsFile} (nginx.weights-file): ${error.code ?? String(error)}`);
        }
        let raw;
        try {
            raw = JSON.parse(text);
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`the weights file ${spec.weightsFile} is not JSON: ${JSON.stringify(text.slice(0, 60))}`);
        }
        return validateWeights(raw, colors, `weights file ${spec.weightsFile}`);
    };
    const read = async () => {
        const text = readFile();
        // Until njs mode is adopted (the first apply), nginx runs the reload-mode upstream: read what is in force.
        if (spec.switch !== 'njs' || !isNjsInclude(text))
            return readReloadShape(text);
        const weights = readWeightsFile();
        return {
            weights,
            servers: config.colors.flatMap((c) => c.servers.map((server) => ({
                color: c.name,
                name: server,
                address: server,
                weight: weights[c.name] ?? 0,
                state: (weights[c.name] ?? 0) > 0 ? 'up' : 'maint'
            }))),
            detail: `weights file ${spec.weightsFile}, read per request by ${spec.scriptFile} (njs)`
        };
    };
    /** njs mode: whether the include and the script on disk are what this config renders (else it is adopted). */
    const njsCurrent = () => readIfExists(spec.upstreamFile) === renderNjsUpstreamFile(config) &&
        readIfExists(spec.scriptFile) === renderNjsScript(config);
    /**
     * njs mode: whether the running nginx has loaded the include and the script on disk: both written before its
     * serving workers started (a reload starts new workers after reading the config). Files written since (created
     * on a first run, left by a run killed before it put them back, edited by hand) need the adoption's reload.
     */
    const njsLoaded = () => {
        const starts = serving(masterPid())
            .map(processStartMs)
            .filter((t) => t !== undefined);
        if (starts.length === 0)
            return true; // /proc cannot tell: the verify probe still checks the result
        const since = Math.min(...starts);
        return [spec.upstreamFile, spec.scriptFile].every((file) => (0,external_node_fs_.statSync)(file).mtimeMs <= since);
    };
    /**
     * njs mode: writes the script, the include and (when given) the weights; returns what puts all three back. A
     * running njs config reads the weights file at once, so an adoption writes the weights only after nginx -t.
     */
    const writeNjsFiles = (weights) => {
        const snapshot = new Map();
        for (const file of [spec.scriptFile, spec.weightsFile, spec.upstreamFile])
            snapshot.set(file, readIfExists(file));
        atomicWrite(spec.scriptFile, renderNjsScript(config));
        if (weights)
            atomicWrite(spec.weightsFile, renderWeightsFile(weights));
        atomicWrite(spec.upstreamFile, renderNjsUpstreamFile(config));
        return snapshot;
    };
    /**
     * SIGHUP to the master, then waits until new workers serve and the old ones have exited (bounded by
     * reload-timeout: a warning, not a failure). `undo` puts the files back when nginx cannot be signalled or does
     * not start new workers.
     */
    const reload = async (context, undo) => {
        masterPidFile ??= await pidFile(await dumpConfig(context.signal));
        const pid = masterPid();
        const old = workers(pid).map((w) => w.pid);
        const oldServing = new Set(serving(pid));
        try {
            process.kill(pid, 'SIGHUP');
        }
        catch (error) {
            undo();
            throw new errors/* ConfigurationError */.j1(`cannot signal nginx (pid ${pid}): ${error.code}`);
        }
        const applied = await pollUntil(() => {
            const now = serving(pid);
            return now.some((w) => !oldServing.has(w)) && now.every((w) => !oldServing.has(w));
        }, NEW_WORKERS_TIMEOUT_MS, WORKER_POLL_MS, context.signal);
        if (!applied) {
            undo();
            throw new errors/* ConfigurationError */.j1(`nginx (pid ${pid}) did not start workers with the new config within ${(0,duration/* formatDuration */.a3)(NEW_WORKERS_TIMEOUT_MS)} (see its error log); the ${spec.switch === 'njs' ? 'include, script and weights file were' : 'upstream file was'} put back`);
        }
        lastOldWorkers = old;
        const exited = await pollUntil(() => old.every((w) => !processAlive(w)), spec.reloadTimeoutMs, WORKER_POLL_MS, context.signal);
        const warnings = exited
            ? []
            : [
                `${old.filter(processAlive).length} old nginx worker(s) still running ${(0,duration/* formatDuration */.a3)(spec.reloadTimeoutMs)} after the reload (long-lived connections; set worker_shutdown_timeout)`
            ];
        return { pid, warnings };
    };
    const waitOldWorkers = async (context) => {
        // Only old workers can still be sending to a colour now at 0 %; they exit once their requests are done.
        const exited = await pollUntil(() => lastOldWorkers.every((w) => !processAlive(w)), spec.reloadTimeoutMs, WORKER_POLL_MS, context.signal);
        const left = lastOldWorkers.filter(processAlive);
        return exited
            ? { drained: true, message: 'old nginx workers have exited' }
            : {
                drained: false,
                message: `${left.length} old nginx worker(s) (pid ${left.join(', ')}) still running after ${(0,duration/* formatDuration */.a3)(spec.reloadTimeoutMs)}; set worker_shutdown_timeout`
            };
    };
    /**
     * njs mode: no reload, so no old workers; a request that picked a colour before its weight went to 0 is still
     * on a TCP connection from a worker to one of that colour's servers. Drained = the workers hold no such
     * connection (an idle upstream keep-alive connection counts too: it cannot be told apart from a busy one).
     */
    const drainConnections = async (drained, context) => {
        const remotes = new Set();
        const unwatched = [];
        for (const color of config.colors.filter((c) => drained.includes(c.name))) {
            for (const server of color.servers) {
                const m = /^\[?(.+?)\]?:(\d+)$/.exec(server);
                if (server.startsWith('unix:') || !m) {
                    unwatched.push(server);
                    continue;
                }
                try {
                    for (const { address } of await (0,promises_.lookup)(m[1], { all: true })) {
                        for (const remote of procRemoteAddresses(address, Number(m[2])))
                            remotes.add(remote);
                    }
                }
                catch {
                    unwatched.push(server);
                }
            }
        }
        const note = unwatched.length > 0 ? ` (not watched: ${unwatched.join(', ')})` : '';
        const pid = masterPid();
        let mine = true;
        const open = () => {
            const inodes = socketInodes(workers(pid).map((w) => w.pid));
            mine = inodes !== undefined;
            return tcpConnectionsTo(remotes, inodes);
        };
        const names = drained.join(', ');
        const closed = await pollUntil(() => open() === 0, spec.drainTimeoutMs, WORKER_POLL_MS, context.signal);
        if (closed) {
            return {
                drained: true,
                message: `nginx has no connection open to ${names}: nothing in flight${mine ? '' : " (counted every process: the workers' sockets could not be read)"}${note}`
            };
        }
        return {
            drained: false,
            message: `${open()} connection(s) from nginx to ${names} still open after ${(0,duration/* formatDuration */.a3)(spec.drainTimeoutMs)}: requests still running, or idle upstream keep-alive connections (set nginx.keepalive-timeout)${note}`
        };
    };
    const njs = spec.switch === 'njs';
    return {
        type: 'nginx',
        identity: `nginx:${realpathOr(spec.upstreamFile)}#${spec.upstream}`,
        describe: () => njs
            ? `nginx upstreams ${spec.upstream}__<colour> picked by njs (${spec.upstreamFile}, weights in ${spec.weightsFile})`
            : `nginx upstream ${spec.upstream} (${spec.upstreamFile})`,
        async preflight(context) {
            if (!(0,external_node_fs_.existsSync)(spec.config))
                throw new errors/* ConfigurationError */.j1(`nginx config ${spec.config} does not exist (nginx.config in ${config.source})`);
            const first = config.initial ?? colors[0];
            if (!(0,external_node_fs_.existsSync)(spec.upstreamFile)) {
                // First run: the files are ours to create, with everything on the initial colour.
                if (njs)
                    writeNjsFiles(allOn(first, colors));
                else
                    atomicWrite(spec.upstreamFile, renderUpstreamFile(config, allOn(first, colors)));
                context.log(`created ${spec.upstreamFile} with all traffic on ${first}`);
            }
            let dump;
            if (njs && !njsCurrent()) {
                // Not adopted yet (or the config changed what the include says): nginx -T with the include this run would
                // write, with the weights in force now, then everything put back; the first apply writes it for real.
                const snapshot = writeNjsFiles((await read()).weights);
                try {
                    dump = await dumpConfig(context.signal);
                }
                catch (error) {
                    throw new errors/* ConfigurationError */.j1(`${withNjsHint(error.message)} (with the njs include this run would write; nothing was changed; proxy with "proxy_pass http://$${njsVariable(spec.upstream)};")`);
                }
                finally {
                    putBack(snapshot);
                }
            }
            else {
                dump = await dumpConfig(context.signal);
            }
            const wanted = realpathOr(spec.upstreamFile);
            const files = [...dump.matchAll(/^# configuration file (.+):$/gm)].map((m) => realpathOr(m[1]));
            if (!files.includes(wanted)) {
                throw new errors/* ConfigurationError */.j1(`${spec.config} does not include ${spec.upstreamFile}: add "include ${spec.upstreamFile};" inside its http { } block`);
            }
            if (njs) {
                const version = await nginx(['-V'], context.signal);
                if (!loadsNjsModule(dump, version.stderr + version.stdout))
                    throw new errors/* ConfigurationError */.j1(NJS_PACKAGE_HINT);
                if (!usesVariable(dump, renderNjsUpstreamFile(config), spec.upstream)) {
                    throw new errors/* ConfigurationError */.j1(`nothing in ${spec.config} proxies to the colour njs picks: write "proxy_pass http://$${njsVariable(spec.upstream)};" in the location (nginx.switch: njs)`);
                }
            }
            masterPidFile = await pidFile(dump);
            masterPid();
        },
        read,
        async apply(weights, context) {
            if (njs && njsCurrent() && njsLoaded()) {
                // The switch itself: one atomic rename; the next request reads it. No reload, no connection closed.
                atomicWrite(spec.weightsFile, renderWeightsFile(weights));
                return { message: `wrote ${weights_formatWeights(weights)} to ${spec.weightsFile} (njs, no reload)`, warnings: [] };
            }
            let snapshot;
            if (njs) {
                snapshot = writeNjsFiles();
            }
            else {
                snapshot = new Map([[spec.upstreamFile, readFile()]]);
                atomicWrite(spec.upstreamFile, renderUpstreamFile(config, weights));
            }
            const rejected = await test(context.signal);
            if (rejected) {
                putBack(snapshot);
                throw new errors/* ConfigurationError */.j1(njs
                    ? `${withNjsHint(rejected)} (the include, script and weights file were put back; nginx was not reloaded)`
                    : `${rejected} (the upstream file was put back; nginx was not reloaded)`);
            }
            if (njs)
                atomicWrite(spec.weightsFile, renderWeightsFile(weights));
            const { pid, warnings } = await reload(context, () => putBack(snapshot));
            return {
                message: njs
                    ? `adopted njs mode: wrote ${weights_formatWeights(weights)} to ${spec.weightsFile} and the include ${spec.upstreamFile}, nginx -t ok, reloaded pid ${pid} (later switches rewrite only the weights file)`
                    : `wrote ${weights_formatWeights(weights)} to ${spec.upstreamFile}, nginx -t ok, reloaded pid ${pid}`,
                warnings
            };
        },
        async drain(drained, context) {
            if (!njs)
                return waitOldWorkers(context);
            // The adoption's reload (this run) left old workers: they may still serve the reload-mode upstream.
            if (lastOldWorkers.length > 0) {
                const old = await waitOldWorkers(context);
                if (!old.drained)
                    return old;
            }
            return drainConnections(drained, context);
        },
        traffic
    };
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/routers/index.ts



const ROUTERS = {
    nginx: (config) => createNginxRouter(config),
    haproxy: (config) => createHaproxyRouter(config),
    command: (config, dependencies) => createCommandRouter(config, dependencies)
};
function createRouter(config, dependencies) {
    return ROUTERS[config.type](config, dependencies);
}

// EXTERNAL MODULE: ./actions/health-gate/src/config.ts + 1 modules
var config = __webpack_require__(49020);
// EXTERNAL MODULE: ./actions/health-gate/src/gate.ts
var gate = __webpack_require__(66127);
// EXTERNAL MODULE: ./actions/health-gate/src/probes.ts
var probes = __webpack_require__(85579);
;// CONCATENATED MODULE: ./actions/health-gate/src/engine/index.ts
// The health gate's public surface for other actions (blue-green-switch runs it between canary steps): the
// check schema and its parser, the scheduler, the real probes and the report types. Another action imports
// health-gate only through this module, so the files behind it can move without breaking anyone.




;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/gate.ts
// The gate between canary steps is health-gate's engine, imported through its public surface, with the same
// check schema. One gate file serves both places it runs: before the first step against the new colour
// directly, and after each step through the router. Checks say where they point with ${BGS_TARGET_URL}
// (the colour's own URL, or the router's), ${BGS_TARGET_COLOR} and ${BGS_PHASE} (direct | router).


function load(source, target, dependencies) {
    return (0,config/* loadGateConfig */.Yj)({
        configFile: { path: source.path, text: source.text },
        timing: {},
        env: {
            ...dependencies.env,
            BGS_TARGET_URL: target.url.replace(/\/+$/, ''),
            BGS_TARGET_COLOR: target.color,
            BGS_PHASE: target.phase
        },
        cwd: dependencies.cwd,
        readFile: dependencies.readFile
    });
}
/** Parses the gate once up front (a mistake fails the run before any traffic moves), runs it per target. */
function prepareGate(source, example, dependencies) {
    const first = load(source, example, dependencies);
    return {
        source: source.path,
        secrets: first.secrets,
        async run(target, signal) {
            const config = load(source, target, dependencies);
            const report = await (0,gate/* runGate */.Rg)({
                checks: config.checks,
                deadlineMs: config.deadlineMs,
                probes: dependencies.probes ?? probes/* probes */.K,
                cwd: dependencies.cwd,
                secrets: config.secrets,
                signal
            });
            const failed = report.checks.filter((c) => c.verdict === 'fail' || c.verdict === 'cancelled');
            const took = (0,duration/* formatDuration */.a3)(report.durationMs);
            const message = report.verdict === 'fail'
                ? `gate failed on ${target.color} (${target.phase}): ${failed
                    .map((c) => `${c.name}: ${c.reason ?? 'failed'}${c.lastError ? ` (${c.lastError})` : ''}`)
                    .join('; ')}`
                : `gate ${report.verdict === 'warn' ? 'passed with warnings' : 'passed'} on ${target.color} (${target.phase}): ${report.checks.length} check(s) in ${took}`;
            return {
                verdict: report.verdict,
                target: target.phase,
                failedChecks: report.failedChecks,
                durationMs: report.durationMs,
                message
            };
        }
    };
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/stats.ts
// The statistics of the canary judge, as pure functions: the standard normal distribution, a two-proportion
// z-test on error rates, the Mann-Whitney U test with the normal approximation (tie and continuity
// corrections, as in the usual textbook and scipy's method="asymptotic"), the Hodges-Lehmann shift estimate and
// percentiles. Written here rather than pulled in: the judge needs these few functions and nothing else.
/**
 * Standard normal CDF to about 1e-14 absolute error: the rational approximation of Hart (1968) in the form
 * published by West (2005), with a continued fraction for the far tail. Math.erf does not exist in JavaScript.
 */
function normalCdf(x) {
    if (Number.isNaN(x))
        return NaN;
    const z = Math.abs(x);
    let tail;
    if (z > 37) {
        tail = 0;
    }
    else {
        const e = Math.exp((-z * z) / 2);
        if (z < 7.07106781186547) {
            let n = 3.52624965998911e-2 * z + 0.700383064443688;
            n = n * z + 6.37396220353165;
            n = n * z + 33.912866078383;
            n = n * z + 112.079291497871;
            n = n * z + 221.213596169931;
            n = n * z + 220.206867912376;
            let d = 8.83883476483184e-2 * z + 1.75566716318264;
            d = d * z + 16.064177579207;
            d = d * z + 86.7807322029461;
            d = d * z + 296.564248779674;
            d = d * z + 637.333633378831;
            d = d * z + 793.826512519948;
            d = d * z + 440.413735824752;
            tail = (e * n) / d;
        }
        else {
            let f = z + 0.65;
            f = z + 4 / f;
            f = z + 3 / f;
            f = z + 2 / f;
            f = z + 1 / f;
            tail = e / f / 2.506628274631;
        }
    }
    return x > 0 ? 1 - tail : tail;
}
/** P(Z > z), computed without the cancellation of 1 - normalCdf(z) for large z. */
function normalSf(z) {
    return normalCdf(-z);
}
/**
 * Two-proportion z-test with the pooled variance: H0 p1 = p2, against p1 > p2 ('greater') or p1 != p2.
 * x = events (errors), n = trials (requests); sample 1 is the new colour.
 */
function twoProportionZTest(x1, n1, x2, n2, alternative = 'greater') {
    if (n1 <= 0 || n2 <= 0)
        throw new RangeError('twoProportionZTest: both samples need at least one trial');
    if (x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2)
        throw new RangeError('twoProportionZTest: events must be within 0..trials');
    const p1 = x1 / n1;
    const p2 = x2 / n2;
    const pooled = (x1 + x2) / (n1 + n2);
    const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    if (standardError === 0)
        return { p1, p2, standardError, z: null, pValue: null };
    const z = (p1 - p2) / standardError;
    const pValue = alternative === 'greater' ? normalSf(z) : Math.min(1, 2 * normalSf(Math.abs(z)));
    return { p1, p2, standardError, z, pValue };
}
/** Average ranks (1-based) of values, ties sharing the mean of their positions; also the tie term. */
function rankWithTies(values) {
    const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
    const ranks = new Float64Array(values.length);
    let tieTerm = 0;
    for (let i = 0; i < order.length;) {
        let j = i + 1;
        while (j < order.length && values[order[j]] === values[order[i]])
            j++;
        const rank = (i + 1 + j) / 2;
        for (let k = i; k < j; k++)
            ranks[order[k]] = rank;
        const t = j - i;
        tieTerm += t * t * t - t;
        i = j;
    }
    return { ranks, tieTerm };
}
/**
 * Mann-Whitney U test, normal approximation with tie correction and (by default) continuity correction.
 * 'greater' tests whether sample 1 tends to larger values (the new colour is slower).
 */
function mannWhitneyU(sample1, sample2, alternative = 'greater', continuity = true) {
    const n1 = sample1.length;
    const n2 = sample2.length;
    if (n1 === 0 || n2 === 0)
        throw new RangeError('mannWhitneyU: both samples need at least one value');
    const { ranks, tieTerm } = rankWithTies([...sample1, ...sample2]);
    let r1 = 0;
    for (let i = 0; i < n1; i++)
        r1 += ranks[i];
    const u1 = r1 - (n1 * (n1 + 1)) / 2;
    const u2 = n1 * n2 - u1;
    const n = n1 + n2;
    const mean = (n1 * n2) / 2;
    const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
    if (!(variance > 0))
        return { u1, u2, z: null, pValue: null, tieTerm };
    const sd = Math.sqrt(variance);
    const u = alternative === 'greater' ? u1 : Math.max(u1, u2);
    const z = (u - mean - (continuity ? 0.5 : 0)) / sd;
    const p = alternative === 'greater' ? normalSf(z) : 2 * normalSf(z);
    return { u1, u2, z, pValue: Math.min(1, Math.max(0, p)), tieTerm };
}
/** Median of all pairwise differences x - y: the shift estimate that goes with the Mann-Whitney test. */
function hodgesLehmannShift(sample1, sample2) {
    if (sample1.length === 0 || sample2.length === 0)
        throw new RangeError('hodgesLehmannShift: empty sample');
    const diffs = new Float64Array(sample1.length * sample2.length);
    let k = 0;
    for (const x of sample1)
        for (const y of sample2)
            diffs[k++] = x - y;
    diffs.sort();
    const mid = diffs.length >> 1;
    return diffs.length % 2 === 1 ? diffs[mid] : (diffs[mid - 1] + diffs[mid]) / 2;
}
/** Linear-interpolation percentile (numpy's default), q in 0..100; null for an empty sample. */
function percentile(values, q) {
    if (values.length === 0)
        return null;
    const sorted = Float64Array.from(values).sort();
    const position = (q / 100) * (sorted.length - 1);
    const lower = Math.floor(position);
    const upper = Math.ceil(position);
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
/** At most `limit` values, evenly spread over the sample (deterministic, keeps the arrival mix). */
function thin(values, limit) {
    if (values.length <= limit)
        return [...values];
    const out = [];
    const stride = values.length / limit;
    for (let i = 0; i < limit; i++)
        out.push(values[Math.floor(i * stride)]);
    return out;
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/judge.ts
// The built-in canary judge: the new colour against the old one over the same window of real traffic, as the
// router itself counted it. Two questions, each answered pass / fail / inconclusive:
//   errors:  did the error rate rise by more than the allowed margin, and is the rise significant
//            (two-proportion z-test, one-sided)?
//   latency: is the new colour slower by more than the allowed tolerance (Hodges-Lehmann shift against
//            max(tolerance x old median, a floor in ms)), and is that significant (Mann-Whitney U, one-sided)?
// A difference that is large but not significant is inconclusive, not a pass: too little traffic to tell.
// A significant but small difference passes: real, but within what the user accepts (Kayenta's stance too).

const DEFAULT_JUDGE = {
    minRequests: 50,
    confidence: 0.95,
    maxErrorRateIncrease: 0.01,
    maxLatencyIncrease: 0.25,
    minLatencyIncreaseMs: 5,
    onInconclusive: 'continue'
};
/** Pairwise differences for Hodges-Lehmann are n x m; this many values per side keeps it at a million. */
const SHIFT_SAMPLE_LIMIT = 1000;
const pct = (rate) => `${(rate * 100).toFixed(rate < 0.001 && rate > 0 ? 3 : 2)}%`;
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)}ms`;
const p = (value) => (value === null ? 'n/a' : value < 0.0001 ? '<0.0001' : value.toFixed(4));
function judgeErrorRate(old, fresh, options) {
    const oldRate = old.requests > 0 ? old.errors / old.requests : 0;
    const newRate = fresh.requests > 0 ? fresh.errors / fresh.requests : 0;
    const base = { oldRate, newRate, pValue: null, z: null };
    if (old.requests < options.minRequests || fresh.requests < options.minRequests) {
        return {
            ...base,
            verdict: 'inconclusive',
            reason: `too few requests to compare error rates (new ${fresh.requests}, old ${old.requests}; need ${options.minRequests} each)`
        };
    }
    const test = twoProportionZTest(fresh.errors, fresh.requests, old.errors, old.requests, 'greater');
    const increase = newRate - oldRate;
    const numbers = `error rate ${pct(newRate)} vs ${pct(oldRate)} (p=${p(test.pValue)})`;
    let verdict;
    let reason;
    if (increase <= options.maxErrorRateIncrease) {
        verdict = 'pass';
        reason = `${numbers}: within +${pct(options.maxErrorRateIncrease)}`;
    }
    else if (test.pValue !== null && test.pValue < 1 - options.confidence) {
        verdict = 'fail';
        reason = `${numbers}: +${pct(increase)} > +${pct(options.maxErrorRateIncrease)}, significant at ${pct(options.confidence)}`;
    }
    else {
        verdict = 'inconclusive';
        reason = `${numbers}: +${pct(increase)} but not significant at ${pct(options.confidence)}`;
    }
    return { verdict, oldRate, newRate, pValue: test.pValue, z: test.z, reason };
}
function judgeLatency(old, fresh, options) {
    const oldMedianMs = percentile(old.latenciesMs, 50);
    const newMedianMs = percentile(fresh.latenciesMs, 50);
    const base = { oldMedianMs, newMedianMs, shiftMs: null, pValue: null, u: null };
    if (old.latenciesMs.length < options.minRequests || fresh.latenciesMs.length < options.minRequests) {
        return {
            ...base,
            verdict: 'inconclusive',
            reason: `too few latency samples (new ${fresh.latenciesMs.length}, old ${old.latenciesMs.length}; need ${options.minRequests} each)`
        };
    }
    const test = mannWhitneyU(fresh.latenciesMs, old.latenciesMs, 'greater');
    const shiftMs = hodgesLehmannShift(thin(fresh.latenciesMs, SHIFT_SAMPLE_LIMIT), thin(old.latenciesMs, SHIFT_SAMPLE_LIMIT));
    const allowed = Math.max(options.minLatencyIncreaseMs, options.maxLatencyIncrease * (oldMedianMs ?? 0));
    const numbers = `median ${ms(newMedianMs)} vs ${ms(oldMedianMs)}, shift ${shiftMs >= 0 ? '+' : ''}${ms(shiftMs)} (p=${p(test.pValue)})`;
    let verdict;
    let reason;
    if (shiftMs <= allowed) {
        verdict = 'pass';
        reason = `${numbers}: within +${ms(allowed)}`;
    }
    else if (test.pValue !== null && test.pValue < 1 - options.confidence) {
        verdict = 'fail';
        reason = `${numbers}: slower by more than +${ms(allowed)}, significant at ${pct(options.confidence)}`;
    }
    else {
        verdict = 'inconclusive';
        reason = `${numbers}: slower by more than +${ms(allowed)} but not significant at ${pct(options.confidence)}`;
    }
    return { verdict, oldMedianMs, newMedianMs, shiftMs, pValue: test.pValue, u: test.u1, reason };
}
/** The judgement of `fresh` (the new colour) against `old` over one window; `source` says where numbers came from. */
function judgeCanary(traffic, oldColor, newColor, options, source) {
    const empty = { requests: 0, errors: 0, latenciesMs: [] };
    const old = traffic[oldColor] ?? empty;
    const fresh = traffic[newColor] ?? empty;
    const errorRate = judgeErrorRate(old, fresh, options);
    const latencyMeasured = old.latenciesMs.length > 0 || fresh.latenciesMs.length > 0;
    const latency = latencyMeasured
        ? judgeLatency(old, fresh, options)
        : {
            verdict: 'inconclusive',
            oldMedianMs: null,
            newMedianMs: null,
            shiftMs: null,
            pValue: null,
            u: null,
            reason: `latency not measured: ${source} gave no per-request latencies`
        };
    // Latency the router cannot measure does not hold the judgement up; errors still decide.
    const parts = latencyMeasured ? [errorRate, latency] : [errorRate];
    const verdict = parts.some((x) => x.verdict === 'fail')
        ? 'fail'
        : parts.some((x) => x.verdict === 'inconclusive')
            ? 'inconclusive'
            : 'pass';
    const deciding = parts.find((x) => x.verdict === verdict) ?? errorRate;
    const perColor = {};
    for (const [color, t] of Object.entries(traffic)) {
        perColor[color] = {
            requests: t.requests,
            errors: t.errors,
            errorRate: t.requests > 0 ? t.errors / t.requests : 0,
            p50Ms: percentile(t.latenciesMs, 50),
            p95Ms: percentile(t.latenciesMs, 95)
        };
    }
    return { verdict, reason: deciding.reason, source, perColor, errorRate, latency };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/lock.ts
// One run at a time per router: a lock file created with O_EXCL next to the state, holding its owner (pid,
// host, run id). A second run waits up to its lock timeout, then fails in one line naming the holder; 0 means
// fail at once. A lock whose owner process is gone (same host) or that is older than staleAfter is taken over,
// so a runner killed mid-switch does not block the next deploy forever.






const POLL_MS = 100;
/** The current holder of a lock file, or undefined when there is none (or it cannot be read). */
function readLock(file) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
function staleReason(file, staleAfterMs) {
    let age;
    try {
        age = Date.now() - (0,external_node_fs_.statSync)(file).mtimeMs;
    }
    catch {
        return undefined; // gone already: not stale, just free
    }
    const owner = readLock(file);
    if (!owner)
        return age > 5_000 ? 'unreadable and older than 5s' : undefined;
    if (owner.host === (0,external_node_os_.hostname)() && Number.isInteger(owner.pid) && !processAlive(owner.pid)) {
        return `its process ${owner.pid} (run ${owner.runId}) is gone`;
    }
    if (age > staleAfterMs)
        return `older than ${(0,duration/* formatDuration */.a3)(staleAfterMs)}`;
    return undefined;
}
async function lock_acquireLock(file, options) {
    const owner = {
        pid: process.pid,
        host: (0,external_node_os_.hostname)(),
        runId: options.runId,
        startedAt: new Date().toISOString(),
        token: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`
    };
    const started = performance.now();
    for (;;) {
        try {
            const fd = (0,external_node_fs_.openSync)(file, 'wx', 0o644);
            try {
                (0,external_node_fs_.writeSync)(fd, JSON.stringify(owner));
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            return {
                file,
                owner,
                release() {
                    if (readLock(file)?.token === owner.token) {
                        try {
                            (0,external_node_fs_.unlinkSync)(file);
                        }
                        catch {
                            // already gone
                        }
                    }
                }
            };
        }
        catch (error) {
            const code = error.code;
            if (code !== 'EEXIST')
                throw new errors/* ConfigurationError */.j1(`cannot create lock file ${file}: ${code ?? String(error)}`);
        }
        const stale = staleReason(file, options.staleAfterMs);
        if (stale) {
            // Rename first: of two runs taking over the same stale lock, only one rename succeeds.
            const aside = `${file}.stale-${process.pid}`;
            try {
                (0,external_node_fs_.renameSync)(file, aside);
                (0,external_node_fs_.unlinkSync)(aside);
                options.log?.(`took over a stale lock ${file}: ${stale}`);
            }
            catch {
                // someone else took it over first
            }
            continue;
        }
        const waited = performance.now() - started;
        if (waited >= options.waitMs) {
            const holder = readLock(file);
            const who = holder
                ? `run ${holder.runId} (pid ${holder.pid} on ${holder.host}) since ${holder.startedAt}`
                : 'another run';
            throw new errors/* ConfigurationError */.j1(`${who} is switching this router (lock ${file}); ${options.waitMs > 0 ? `waited ${(0,duration/* formatDuration */.a3)(options.waitMs)}` : 'not waiting (lock-timeout 0)'}`);
        }
        await sleep(Math.min(POLL_MS, options.waitMs - waited), options.signal);
    }
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/state.ts
// The saved state next to the router config: what is live, what was live before (so rollback needs nothing
// else), a canary in progress, and who wrote it when. Written atomically (temp file + rename), so a run killed
// mid-write leaves the previous state, never half a file. A state that is not JSON, not ours, or not this
// router's is one clear error: acting on it could send traffic to the wrong place.




const MOVE_AWAY = 'move it away to start again from what the router has now';
function state_readState(file, routerIdentity, colors) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return null;
        throw new errors/* ConfigurationError */.j1(`cannot read state file ${file}: ${error.code ?? String(error)}`);
    }
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`state file ${file} is corrupt (not JSON); ${MOVE_AWAY}`);
    }
    if (typeof raw !== 'object' || raw === null || raw.schema !== STATE_SCHEMA) {
        const schema = typeof raw === 'object' && raw !== null ? raw.schema : undefined;
        throw new errors/* ConfigurationError */.j1(`state file ${file} is not a blue-green-switch state (schema ${JSON.stringify(schema ?? null)}, expected "${STATE_SCHEMA}"); ${MOVE_AWAY}`);
    }
    const state = raw;
    if (state.router !== routerIdentity) {
        throw new errors/* ConfigurationError */.j1(`state file ${file} belongs to another router (${String(state.router)}), not ${routerIdentity}; give this router its own state-file`);
    }
    const where = `state file ${file}`;
    const color = (value, key) => {
        if (value === null || value === undefined)
            return null;
        if (typeof value !== 'string' || !colors.includes(value)) {
            throw new errors/* ConfigurationError */.j1(`${where}: ${key} ${JSON.stringify(value)} is not a colour of the router config (${colors.join(', ')}); ${MOVE_AWAY}`);
        }
        return value;
    };
    const canary = state.canary;
    if (canary !== null && canary !== undefined) {
        if (typeof canary !== 'object' || !Array.isArray(canary.steps) || typeof canary.stepIndex !== 'number') {
            throw new errors/* ConfigurationError */.j1(`${where}: canary is malformed; ${MOVE_AWAY}`);
        }
        color(canary.from, 'canary.from');
        color(canary.to, 'canary.to');
        validateWeights(canary.fromWeights, colors, `${where} (canary.fromWeights)`);
    }
    return {
        schema: STATE_SCHEMA,
        router: state.router,
        live: color(state.live, 'live'),
        previous: color(state.previous, 'previous'),
        weights: validateWeights(state.weights, colors, where),
        previousWeights: state.previousWeights
            ? validateWeights(state.previousWeights, colors, `${where} (previousWeights)`)
            : null,
        canary: canary ?? null,
        lastOperation: state.lastOperation ?? null,
        updatedAt: String(state.updatedAt ?? ''),
        runId: String(state.runId ?? ''),
        ...(typeof state.deploymentId === 'number' ? { deploymentId: state.deploymentId } : {}),
        ...(typeof state.previousDeploymentId === 'number' ? { previousDeploymentId: state.previousDeploymentId } : {})
    };
}
function writeState(file, state) {
    const temp = `${file}.tmp-${process.pid}`;
    try {
        const fd = (0,external_node_fs_.openSync)(temp, 'w', 0o644);
        try {
            (0,external_node_fs_.writeSync)(fd, JSON.stringify(state, null, 2) + '\n');
            (0,external_node_fs_.fsyncSync)(fd);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        (0,external_node_fs_.renameSync)(temp, file);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`cannot write state file ${file}: ${error.code ?? String(error)}`);
    }
}

// EXTERNAL MODULE: ./shared/src/lib/http.ts
var http = __webpack_require__(58719);
;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/verify.ts
// Verification by probing: after every change, requests through the router until the share of responses from
// each colour over the last `window` responses matches the weights (a colour at 0 % must not answer at all,
// the others within the tolerance), or the time or request budget runs out. Routers are never trusted to
// have done what they said: this is what makes "switched" mean switched.




const UNKNOWN = 'unknown';
const MAX_BODY = 1024 * 1024;
/** The colour a response names (by header or JSON field), or undefined. */
function identify(response, spec, colors) {
    let value;
    if (spec.header) {
        value = response.headers[spec.header];
    }
    else if (spec.jsonField) {
        try {
            value = spec.jsonField
                .split('.')
                .reduce((node, key) => typeof node === 'object' && node !== null ? node[key] : undefined, JSON.parse(response.body));
        }
        catch {
            return undefined;
        }
    }
    if (typeof value !== 'string' && typeof value !== 'number')
        return undefined;
    const text = String(value).trim();
    return colors.find((c) => c.id === text || c.id.toLowerCase() === text.toLowerCase())?.name;
}
function describeShares(shares) {
    return Object.entries(shares)
        .filter(([name, share]) => name !== UNKNOWN || share > 0)
        .map(([name, share]) => `${name} ${(share * 100).toFixed(0)}%`)
        .join(', ');
}
function sharesMatch(shares, weights, tolerance) {
    for (const [color, weight] of Object.entries(weights)) {
        const share = shares[color] ?? 0;
        if (weight === 0 ? share > 0 : Math.abs(share - weight / 100) > tolerance + 1e-9)
            return false;
    }
    return (shares[UNKNOWN] ?? 0) <= tolerance;
}
async function verify_verifyWeights(options) {
    const { spec, colors, weights } = options;
    const started = performance.now();
    const deadline = started + spec.timeoutMs;
    const window = [];
    let sent = 0;
    let done = false;
    let lastError;
    const shares = () => {
        const counts = Object.fromEntries([...colors.map((c) => c.name), UNKNOWN].map((n) => [n, 0]));
        for (const entry of window)
            counts[entry] = (counts[entry] ?? 0) + 1;
        return Object.fromEntries(Object.entries(counts).map(([n, c]) => [n, window.length ? c / window.length : 0]));
    };
    const timer = new AbortController();
    const stop = setTimeout(() => timer.abort(), spec.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;
    const worker = async () => {
        while (!done && sent < spec.maxRequests && performance.now() < deadline && !signal.aborted) {
            sent++;
            let entry = UNKNOWN;
            try {
                const response = await (0,http/* httpRequest */.aj)(spec.url, {
                    headers: spec.headers,
                    timeoutMs: Math.min(spec.requestTimeoutMs, Math.max(1, deadline - performance.now())),
                    // A keep-alive connection closed by a reload can fail the next request on it: one retry.
                    retries: 1,
                    backoffMs: 5,
                    retryOn: () => false,
                    maxBodyBytes: MAX_BODY,
                    secrets: options.secrets,
                    signal
                });
                entry = identify(response, spec, colors) ?? UNKNOWN;
                if (entry === UNKNOWN)
                    lastError = `status ${response.status} without a colour`;
            }
            catch (error) {
                if (signal.aborted)
                    break;
                lastError = error.message;
            }
            if (done)
                break;
            window.push(entry);
            if (window.length > spec.window)
                window.shift();
            if (window.length >= spec.window && sharesMatch(shares(), weights, spec.tolerance))
                done = true;
        }
    };
    try {
        await Promise.all(Array.from({ length: spec.concurrency }, worker));
    }
    finally {
        clearTimeout(stop);
    }
    if (options.signal?.aborted)
        throw new Cancelled();
    const durationMs = performance.now() - started;
    const observed = shares();
    const want = Object.entries(weights)
        .map(([c, w]) => `${c} ${w}%`)
        .join(', ');
    if (done) {
        return {
            ok: true,
            requests: sent,
            shares: observed,
            durationMs,
            message: `verified ${describeShares(observed)} over the last ${window.length} of ${sent} requests in ${(0,duration/* formatDuration */.a3)(durationMs)}`
        };
    }
    const why = sent >= spec.maxRequests
        ? `${sent} requests (verify.max-requests)`
        : `${(0,duration/* formatDuration */.a3)(spec.timeoutMs)} (verify.timeout)`;
    const error = lastError ? `; last problem: ${(0,redact/* redact */.E$)(lastError, options.secrets ?? [])}` : '';
    return {
        ok: false,
        requests: sent,
        shares: observed,
        durationMs,
        message: `traffic did not match ${want} (±${(spec.tolerance * 100).toFixed(0)}%) after ${why}: saw ${describeShares(observed) || 'no responses'}${error}`
    };
}
/** The verify URL's path and query on another origin (a colour's direct URL). */
function directUrl(base, verifyUrl) {
    const target = new URL(verifyUrl);
    const origin = new URL(base);
    const basePath = origin.pathname.replace(/\/+$/, '');
    return `${origin.origin}${basePath}${target.pathname}${target.search}`;
}
/** One request to each of a colour's servers directly: it must answer below 400 and name that colour. */
async function probeColorDirectly(color, urls, spec, colors, signal, secrets = []) {
    const failures = [];
    for (const base of urls) {
        const url = directUrl(base, spec.url);
        try {
            const response = await (0,http/* httpRequest */.aj)(url, {
                headers: spec.headers,
                timeoutMs: spec.requestTimeoutMs,
                retries: 2,
                backoffMs: 100,
                maxBodyBytes: MAX_BODY,
                secrets,
                signal
            });
            const named = identify(response, spec, colors);
            if (response.status >= 400)
                failures.push(`${url} answered ${response.status}`);
            else if (named !== color.name)
                failures.push(`${url} says it is ${named ?? 'no known colour'}, not ${color.name}`);
        }
        catch (error) {
            if (signal?.aborted)
                throw new Cancelled();
            failures.push((0,redact/* redact */.E$)(error.message, secrets));
        }
    }
    return failures.length === 0
        ? { ok: true, message: `${color.name}: ${urls.length} server(s) answer directly and name ${color.name}` }
        : { ok: false, message: failures.join('; ') };
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/operations.ts
// The operations: status, switch, canary, promote, abort, rollback. Each one takes the router's lock (status
// only reads), checks the router and the saved state, moves traffic through the Router interface, verifies every
// change by probing, and returns a typed result with a timeline. Whatever fails after traffic moved (verify,
// gate, judge, a refused apply, a cancelled run) puts traffic back on the old colour and verifies that too,
// unless the user chose on-failure: stop.














const DEFAULT_STEPS = [10, 50, 100];
const DEFAULT_STEP_WAIT_MS = 30_000;
const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_LOCK_STALE_MS = 60 * 60_000;
/** What failed in a change; turned into a failed result, with traffic put back first. */
class StepFailure extends Error {
}
function describeCanary(canary) {
    const at = canary.steps[canary.stepIndex];
    return `a canary ${canary.from} → ${canary.to} is half done (step ${canary.stepIndex + 1} of ${canary.steps.length}, ${at ?? 0}% ${canary.to}, run ${canary.runId} since ${canary.startedAt})`;
}
class Run {
    options;
    started = performance.now();
    timeline = [];
    warnings = [];
    router;
    colors;
    context;
    secrets;
    state = null;
    reading;
    gate;
    lastJudge;
    deploymentId;
    /** The colour this run's deployment ships (what an automatic rollback moves away from). */
    deploymentColor;
    /** Set once any apply went through: only then is there traffic to put back. */
    moved = false;
    /** The deployment live when the run started: marked inactive once this run's deployment succeeds. */
    replacedDeploymentId;
    /** What a failure of this operation puts back (switch, canary, promote; not the rollbacks themselves). */
    restoreTo;
    constructor(options) {
        this.options = options;
        this.router = options.router ?? createRouter(options.config, { env: commandEnvironment(options.env) });
        this.colors = options.config.colors.map((c) => c.name);
        const signal = options.signal ?? new AbortController().signal;
        this.context = { signal, log: (m) => options.log?.(m) };
        this.secrets = [...options.config.secrets];
    }
    get config() {
        return this.options.config;
    }
    /** Whether a failure now leaves traffic where it is (on-failure: stop, or a cancel under onCancel: stop). */
    leavesTraffic() {
        return this.options.onFailure === 'stop' || (this.context.signal.aborted && this.options.onCancel === 'stop');
    }
    elapsed() {
        return Math.round(performance.now() - this.started);
    }
    record(entry) {
        const full = {
            ...entry,
            message: (0,redact/* redact */.E$)(entry.message, this.secrets),
            at: entry.at ?? this.elapsed() - entry.durationMs
        };
        this.timeline.push(full);
        this.options.log?.(`${full.ok ? '✓' : '✗'} ${full.phase}${full.step ? ` ${full.step}` : ''}: ${full.message}`);
        return full;
    }
    note(message) {
        this.record({ phase: 'note', ok: true, message, durationMs: 0 });
    }
    warn(message) {
        this.warnings.push((0,redact/* redact */.E$)(message, this.secrets));
        this.options.log?.(`warning: ${message}`);
    }
    /** A context whose waits are not cut by the run's cancellation: putting traffic back must finish. */
    restoreContext() {
        return { signal: new AbortController().signal, log: this.context.log };
    }
    async timed(work) {
        const start = performance.now();
        const value = await work();
        return { value, durationMs: Math.round(performance.now() - start) };
    }
    saveState(update) {
        const base = this.state ?? {
            schema: STATE_SCHEMA,
            router: this.router.identity,
            live: weights_liveColor(this.reading.weights),
            previous: null,
            weights: this.reading.weights,
            previousWeights: null,
            canary: null,
            lastOperation: null,
            updatedAt: '',
            runId: ''
        };
        this.state = { ...base, ...update, updatedAt: new Date().toISOString(), runId: this.options.runId };
        writeState(this.config.stateFile, this.state);
    }
    directUrls(color) {
        const spec = this.config.colors.find((c) => c.name === color);
        if (spec.urls.length > 0)
            return spec.urls;
        return this.reading.servers
            .filter((s) => s.color === color && s.address && !s.address.startsWith('unix:'))
            .map((s) => `http://${s.address}`);
    }
    environmentUrl() {
        return new URL(this.config.verify.url).origin;
    }
    // ---------------------------------------------------------------------------------------- building blocks
    /** Apply + verify; throws StepFailure (or a router's ConfigurationError) when either fails. */
    async change(weights, step, context = this.context) {
        if (!this.moved && this.restoreTo) {
            this.options.onTrafficMove?.({
                operation: this.options.operation,
                restore: this.restoreTo,
                ...(this.deploymentId !== undefined ? { deploymentId: this.deploymentId } : {})
            });
        }
        const applied = await this.timed(() => this.router.apply(weights, context));
        this.moved = true;
        this.record({
            phase: 'apply',
            step,
            weights,
            ok: true,
            message: applied.value.message,
            durationMs: applied.durationMs
        });
        applied.value.warnings.forEach((w) => this.warn(w));
        const verified = await verify_verifyWeights({
            spec: this.config.verify,
            colors: this.config.colors,
            weights,
            signal: context.signal,
            secrets: this.secrets
        });
        this.record({
            phase: 'verify',
            step,
            weights,
            ok: verified.ok,
            message: verified.message,
            durationMs: Math.round(verified.durationMs),
            verify: verified
        });
        if (!verified.ok)
            throw new StepFailure(verified.message);
    }
    /** The pre-switch checks on the target colour: the router's view of its servers, each server directly, the gate. */
    async preCheck(target) {
        const start = performance.now();
        const down = this.reading.servers.filter((s) => s.color === target && s.state === 'down');
        if (down.length > 0) {
            const message = `${down.map((s) => s.name).join(', ')} of ${target} ${down.length === 1 ? 'is' : 'are'} down in ${this.router.describe()}`;
            this.record({ phase: 'pre-check', ok: false, message, durationMs: Math.round(performance.now() - start) });
            return message;
        }
        const urls = this.directUrls(target);
        const spec = this.config.colors.find((c) => c.name === target);
        if (urls.length === 0) {
            this.note(`no direct URL for ${target} (colors.${target}.url): its servers were not probed before the switch`);
        }
        else {
            const probed = await probeColorDirectly(spec, urls, this.config.verify, this.config.colors, this.context.signal, this.secrets);
            this.record({
                phase: 'pre-check',
                ok: probed.ok,
                message: probed.message,
                durationMs: Math.round(performance.now() - start)
            });
            if (!probed.ok)
                return probed.message;
        }
        if (this.gate) {
            const url = urls[0];
            if (!url) {
                this.note(`gate before the switch skipped: no direct URL for ${target}`);
                return undefined;
            }
            const result = await this.gate.run({ url, color: target, phase: 'direct' }, this.context.signal);
            this.record({
                phase: 'gate',
                ok: result.verdict !== 'fail',
                message: result.message,
                durationMs: Math.round(result.durationMs),
                gate: result
            });
            if (result.verdict === 'fail')
                return result.message;
        }
        return undefined;
    }
    async gateThroughRouter(target, step) {
        if (!this.gate)
            return;
        const result = await this.gate.run({ url: this.environmentUrl(), color: target, phase: 'router' }, this.context.signal);
        this.record({
            phase: 'gate',
            step,
            ok: result.verdict !== 'fail',
            message: result.message,
            durationMs: Math.round(result.durationMs),
            gate: result
        });
        if (result.verdict === 'fail')
            throw new StepFailure(result.message);
    }
    async drain(colors) {
        if (colors.length === 0)
            return;
        const drained = await this.timed(() => this.router.drain(colors, this.restoreContext()));
        this.record({
            phase: 'drain',
            ok: drained.value.drained,
            message: drained.value.message,
            durationMs: drained.durationMs
        });
        if (!drained.value.drained)
            this.warn(drained.value.message);
    }
    /** Puts traffic back and verifies it; returns whether that worked (a failure is in the timeline). */
    async restore(weights) {
        const start = performance.now();
        try {
            await this.change(weights, undefined, this.restoreContext());
            this.record({
                phase: 'restore',
                weights,
                ok: true,
                message: `traffic back on ${weights_formatWeights(weights)}, verified`,
                durationMs: Math.round(performance.now() - start)
            });
            return true;
        }
        catch (error) {
            const message = `could NOT put traffic back on ${weights_formatWeights(weights)}: ${error.message}`;
            this.record({ phase: 'restore', weights, ok: false, message, durationMs: Math.round(performance.now() - start) });
            return false;
        }
    }
    // ----------------------------------------------------------------------------------------- deployments
    async deploymentStart(color, previous, weights, rollback, description, restores) {
        if (!this.options.deployments)
            return;
        this.deploymentColor = color;
        try {
            this.deploymentId = await this.options.deployments.start({
                color,
                previous,
                weights,
                rollback,
                description,
                ...(restores !== undefined ? { restores } : {})
            });
        }
        catch (error) {
            this.warn(`could not record a GitHub deployment: ${error.message}`);
        }
    }
    async deploymentFinish(success, description) {
        const recorder = this.options.deployments;
        if (!recorder || this.deploymentId === undefined)
            return;
        try {
            await recorder.finish(this.deploymentId, success ? 'success' : 'failure', description, success ? this.environmentUrl() : undefined);
            const replaced = this.replacedDeploymentId;
            if (success && replaced !== undefined && replaced !== this.deploymentId) {
                await recorder.markInactive(replaced, `replaced by deployment ${this.deploymentId}`);
            }
        }
        catch (error) {
            this.warn(`could not update GitHub deployment ${this.deploymentId}: ${error.message}`);
        }
    }
    /**
     * The state's deployment ids after this run's deployment took over: it is live, and the one it replaced shipped
     * what is now previousWeights (what a later rollback records the commit of).
     */
    deploymentIds() {
        // Without a recorded deployment (deployment: false, or GitHub failed) no deployment shipped what is live now.
        const replaced = this.replacedDeploymentId === this.deploymentId ? undefined : this.replacedDeploymentId;
        return { deploymentId: this.deploymentId, previousDeploymentId: replaced };
    }
    /**
     * The automatic rollback is a deployment of its own (payload rollback: true), as a manual one is: without it the
     * failed deployment has no recovery in dora-report (the old colour serving again is what restored service) and
     * the rollback does not count as rework. The step's deployment-id stays the failed deployment's.
     */
    async recordAutomaticRollback(weights, reason) {
        const back = weights_liveColor(weights);
        const failedId = this.deploymentId;
        if (!back || failedId === undefined || !this.deploymentColor || back === this.deploymentColor)
            return;
        await this.deploymentStart(back, this.deploymentColor, weights, true, `automatic rollback to ${back}: ${reason}`, this.replacedDeploymentId);
        if (this.deploymentId === failedId)
            return;
        await this.deploymentFinish(true, `rolled back: ${back} is live again`);
        this.deploymentId = failedId;
    }
    // --------------------------------------------------------------------------------------------- result
    result(verdict, message, rolledBack = false) {
        const weights = this.state?.weights ?? this.reading?.weights ?? {};
        return {
            operation: this.options.operation,
            verdict: verdict === 'pass' && this.warnings.length > 0 ? 'warn' : verdict,
            message: (0,redact/* redact */.E$)(message, this.secrets),
            router: { type: this.router.type, description: this.router.describe() },
            live: weights_liveColor(weights) ?? this.state?.live ?? null,
            previous: this.state?.previous ?? null,
            weights,
            rolledBack,
            canary: this.state?.canary ?? null,
            ...(this.lastJudge ? { judge: this.lastJudge } : {}),
            timeline: this.timeline,
            warnings: this.warnings,
            ...(verdict !== 'fail' || rolledBack ? { environmentUrl: this.environmentUrl() } : {}),
            ...(this.deploymentId !== undefined ? { deploymentId: this.deploymentId } : {}),
            durationMs: this.elapsed()
        };
    }
    /**
     * After a failed change: back to `weights` (verified) under on-failure rollback, else left as is. The state
     * follows what the router has.
     */
    async fail(reason, weights, extra = {}) {
        if (!this.moved) {
            await this.deploymentFinish(false, reason);
            return this.result('fail', `${reason}; traffic unchanged`);
        }
        if (this.leavesTraffic()) {
            const why = this.options.onFailure === 'stop' ? 'on-failure: stop' : 'rollback on cancel is off';
            await this.deploymentFinish(false, `stopped: ${reason}`);
            return this.result('fail', `${reason}; traffic left as is (${why})`);
        }
        const restored = await this.restore(weights);
        this.saveState({ weights, canary: null, ...extra });
        await this.deploymentFinish(false, restored ? `rolled back to ${weights_liveColor(weights) ?? weights_formatWeights(weights)}: ${reason}` : reason);
        if (restored)
            await this.recordAutomaticRollback(weights, reason);
        return restored
            ? this.result('fail', `${reason}; traffic back on ${weights_formatWeights(weights)} (verified)`, true)
            : this.result('fail', `${reason}; and traffic could NOT be verified back on ${weights_formatWeights(weights)}`, false);
    }
}
/** Why a change failed, in one line; a bug (anything else) puts traffic back first and is rethrown. */
async function failureReason(error, run, weights) {
    if (error instanceof Cancelled || run.context.signal.aborted)
        return 'the run was cancelled';
    if (error instanceof StepFailure || (0,errors/* isConfigurationError */.p0)(error))
        return error.message;
    if (run.moved)
        await run.restore(weights);
    throw error;
}
// ------------------------------------------------------------------------------------------ operations
async function operations_status(run) {
    await run.router.preflight(run.context);
    run.reading = await run.router.read(run.context);
    run.state = state_readState(run.config.stateFile, run.router.identity, run.colors);
    run.note(`router: ${weights_formatWeights(run.reading.weights)} (${run.reading.detail})`);
    const lock = readLock(`${run.config.stateFile}.lock`);
    if (lock)
        run.note(`locked by run ${lock.runId} (pid ${lock.pid} on ${lock.host}) since ${lock.startedAt}`);
    if (run.state && !weights_sameWeights(run.state.weights, run.reading.weights)) {
        run.warn(`the router has ${weights_formatWeights(run.reading.weights)} but the state file says ${weights_formatWeights(run.state.weights)} (changed outside this action?)`);
    }
    const live = weights_liveColor(run.reading.weights);
    const result = run.result('pass', '');
    result.weights = run.reading.weights;
    result.live = live;
    if (run.state?.canary) {
        result.message = `${describeCanary(run.state.canary)}: run promote, abort or rollback`;
        result.verdict = 'warn';
    }
    else {
        result.message = live
            ? `${live} is live (${weights_formatWeights(run.reading.weights)})`
            : `traffic is split: ${weights_formatWeights(run.reading.weights)}`;
    }
    return result;
}
function refuseHalfDone(run) {
    if (run.state?.canary)
        throw new errors/* ConfigurationError */.j1(`${describeCanary(run.state.canary)}: run promote, abort or rollback first`);
}
async function switchTo(run) {
    refuseHalfDone(run);
    const current = run.reading.weights;
    const from = weights_liveColor(current);
    const target = resolveTarget(run.options.to, from, run.colors);
    const weights = allOn(target, run.colors);
    run.restoreTo = current;
    if (weights_sameWeights(current, weights)) {
        run.note(`${target} already has all traffic`);
        return run.result('pass', `${target} is already live; nothing to do`);
    }
    const refused = await run.preCheck(target);
    if (refused)
        return run.result('fail', `refusing to switch to ${target}: ${refused}`);
    await run.deploymentStart(target, from, weights, false, `switch to ${target}`);
    try {
        await run.change(weights);
        await run.gateThroughRouter(target);
    }
    catch (error) {
        return run.fail(`switch to ${target} failed: ${await failureReason(error, run, current)}`, current);
    }
    await run.drain(run.colors.filter((c) => (current[c] ?? 0) > 0 && c !== target));
    run.saveState({
        live: target,
        previous: from ?? run.state?.live ?? null,
        weights,
        previousWeights: current,
        canary: null,
        lastOperation: 'switch',
        ...run.deploymentIds()
    });
    await run.deploymentFinish(true, `${target} is live`);
    return run.result('pass', `${target} is live (switched from ${from ?? weights_formatWeights(current)} in ${(0,duration/* formatDuration */.a3)(run.elapsed())}, verified)`);
}
/** Steps from canary.stepIndex + 1 on; shared by canary and promote. */
async function runSteps(run, canary) {
    const { from, to, steps, fromWeights } = canary;
    const stepWait = run.options.stepWaitMs ?? DEFAULT_STEP_WAIT_MS;
    const judgeOptions = run.options.judge === false ? undefined : (run.options.judge ?? DEFAULT_JUDGE);
    const meter = judgeOptions ? run.router.traffic : undefined;
    if (judgeOptions && !meter)
        run.note(`judge off: ${run.router.describe()} gives no per-colour request numbers`);
    let progress = canary;
    run.restoreTo = fromWeights;
    try {
        for (let index = canary.stepIndex + 1; index < steps.length; index++) {
            const percent = steps[index];
            const step = index + 1;
            const weights = canaryWeights(from, to, percent, run.colors);
            await run.change(weights, step);
            progress = { ...progress, stepIndex: index };
            run.saveState({ weights, canary: progress, lastOperation: run.options.operation });
            if (percent === 100) {
                await run.gateThroughRouter(to, step);
                break;
            }
            const window = meter ? await meter.start(run.context) : undefined;
            const waitStart = performance.now();
            await sleep(stepWait, run.context.signal);
            run.record({
                phase: 'wait',
                step,
                weights,
                ok: true,
                message: `waited ${(0,duration/* formatDuration */.a3)(stepWait)} at ${percent}% ${to}`,
                durationMs: Math.round(performance.now() - waitStart)
            });
            if (window && judgeOptions && meter) {
                const judgeStart = performance.now();
                const traffic = await window.stop(run.context);
                const judged = judgeCanary(traffic, from, to, judgeOptions, meter.source);
                run.lastJudge = judged;
                const failing = judged.verdict === 'fail' || (judged.verdict === 'inconclusive' && judgeOptions.onInconclusive === 'fail');
                run.record({
                    phase: 'judge',
                    step,
                    weights,
                    ok: !failing,
                    message: `judge ${judged.verdict}: ${judged.reason}`,
                    durationMs: Math.round(performance.now() - judgeStart),
                    judge: judged
                });
                if (judged.verdict === 'inconclusive' && !failing)
                    run.warn(`step ${step}: judge inconclusive (${judged.reason}); continuing (judge on-inconclusive: continue)`);
                await run.gateThroughRouter(to, step);
                if (failing)
                    throw new StepFailure(`judge ${judged.verdict} at step ${step} (${percent}% ${to}): ${judged.reason}`);
            }
            else {
                await run.gateThroughRouter(to, step);
            }
        }
    }
    catch (error) {
        const reason = await failureReason(error, run, fromWeights);
        const step = progress.stepIndex + 1;
        const stops = run.leavesTraffic();
        const stopExtra = stops ? {} : { live: from, lastOperation: run.options.operation };
        if (stops)
            run.saveState({ canary: progress });
        const at = reason.startsWith('judge') ? reason : `canary step ${step} of ${steps.length} failed: ${reason}`;
        return run.fail(at, fromWeights, stopExtra);
    }
    const last = steps[steps.length - 1];
    if (last < 100) {
        run.saveState({ canary: progress, lastOperation: run.options.operation });
        return run.result('pass', `canary paused at ${last}% ${to} (step ${steps.length} of ${steps.length}): run promote to finish, or abort`);
    }
    await run.drain([from]);
    run.saveState({
        live: to,
        previous: from,
        weights: allOn(to, run.colors),
        previousWeights: fromWeights,
        canary: null,
        lastOperation: run.options.operation,
        ...run.deploymentIds()
    });
    await run.deploymentFinish(true, `${to} is live after ${steps.join(', ')}%`);
    return run.result('pass', `${to} is live after canary ${steps.join(' → ')}% in ${(0,duration/* formatDuration */.a3)(run.elapsed())}, verified`);
}
async function canaryOp(run) {
    refuseHalfDone(run);
    const current = run.reading.weights;
    const from = weights_liveColor(current);
    if (!from) {
        throw new errors/* ConfigurationError */.j1(`traffic is split (${weights_formatWeights(current)}) and no canary is recorded: switch to one colour first`);
    }
    const to = resolveTarget(run.options.to, from, run.colors);
    if (to === from)
        throw new errors/* ConfigurationError */.j1(`${to} is already live; a canary needs the other colour`);
    const steps = run.options.steps ?? DEFAULT_STEPS;
    const refused = await run.preCheck(to);
    if (refused)
        return run.result('fail', `refusing to start a canary of ${to}: ${refused}`);
    await run.deploymentStart(to, from, allOn(to, run.colors), false, `canary ${from} → ${to} (${steps.join(', ')}%)`);
    const canary = {
        from,
        to,
        steps,
        stepIndex: -1,
        fromWeights: current,
        startedAt: new Date().toISOString(),
        runId: run.options.runId,
        ...(run.deploymentId !== undefined ? { deploymentId: run.deploymentId } : {})
    };
    return runSteps(run, canary);
}
async function promote(run) {
    const canary = run.state?.canary;
    if (!canary)
        throw new errors/* ConfigurationError */.j1('no canary in progress; nothing to promote');
    run.note(`promoting: ${describeCanary(canary)}`);
    run.deploymentId = canary.deploymentId;
    const steps = canary.steps[canary.steps.length - 1] === 100 ? canary.steps : [...canary.steps, 100];
    return runSteps(run, { ...canary, steps, stepIndex: Math.max(canary.stepIndex, steps.length - 2) });
}
async function abort(run, operation) {
    const canary = run.state.canary;
    run.note(`${operation}: ${describeCanary(canary)}`);
    if (canary.deploymentId !== undefined) {
        run.deploymentId = canary.deploymentId;
        await run.deploymentFinish(false, `canary aborted: back on ${canary.from}`);
        run.deploymentId = undefined;
    }
    // The deployment live before the canary (the state keeps it until the canary finishes) shipped fromWeights.
    const restores = run.replacedDeploymentId === canary.deploymentId ? undefined : run.replacedDeploymentId;
    await run.deploymentStart(canary.from, canary.to, canary.fromWeights, true, `${operation}: back to ${canary.from}`, restores);
    try {
        await run.change(canary.fromWeights, undefined, run.restoreContext());
    }
    catch (error) {
        return run.result('fail', `${operation} of the canary failed: ${await failureReason(error, run, canary.fromWeights)}`);
    }
    await run.drain([canary.to]);
    run.saveState({
        live: canary.from,
        weights: canary.fromWeights,
        canary: null,
        lastOperation: operation,
        ...(run.deploymentId !== undefined ? { deploymentId: run.deploymentId } : {})
    });
    await run.deploymentFinish(true, `${operation}: ${canary.from} is live again`);
    return run.result('pass', `canary ${operation === 'abort' ? 'aborted' : 'rolled back'}: ${canary.from} is live again (verified)`, true);
}
async function rollback(run) {
    if (run.state?.canary)
        return abort(run, 'rollback');
    const state = run.state;
    if (!state?.previousWeights) {
        throw new errors/* ConfigurationError */.j1(`nothing to roll back to: ${run.config.stateFile} records no previous state`);
    }
    const current = run.reading.weights;
    if (state.lastOperation === 'rollback' && weights_sameWeights(current, state.weights)) {
        run.note('the last operation was this rollback and the router still has its weights');
        return run.result('pass', `already rolled back: ${weights_liveColor(current) ?? weights_formatWeights(current)} is live`, true);
    }
    if (!weights_sameWeights(current, state.weights)) {
        run.warn(`the router had ${weights_formatWeights(current)}, not ${weights_formatWeights(state.weights)} as recorded; rolling back anyway`);
    }
    const target = state.previousWeights;
    const targetColor = weights_liveColor(target);
    await run.deploymentStart(targetColor ?? state.previous ?? run.colors[0], state.live, target, true, `rollback to ${targetColor ?? weights_formatWeights(target)}`, state.previousDeploymentId);
    // Rollback is the emergency exit: no gate, no waiting for the run's cancellation; apply and verify only.
    let failure;
    try {
        await run.change(target, undefined, run.restoreContext());
    }
    catch (error) {
        failure = await failureReason(error, run, target);
    }
    if (failure && !run.moved) {
        await run.deploymentFinish(false, `rollback failed: ${failure}`);
        return run.result('fail', `rollback failed, traffic unchanged: ${failure}`);
    }
    run.saveState({
        live: targetColor,
        previous: state.live,
        weights: target,
        previousWeights: current,
        canary: null,
        lastOperation: 'rollback',
        ...(failure ? {} : run.deploymentIds())
    });
    if (failure) {
        await run.deploymentFinish(false, `rollback applied but not verified: ${failure}`);
        return run.result('fail', `rollback to ${weights_formatWeights(target)} applied but not verified: ${failure}`, true);
    }
    await run.drain(run.colors.filter((c) => (current[c] ?? 0) > 0 && (target[c] ?? 0) === 0));
    await run.deploymentFinish(true, `rolled back: ${targetColor ?? weights_formatWeights(target)} is live`);
    return run.result('pass', `rolled back to ${targetColor ?? weights_formatWeights(target)} in ${(0,duration/* formatDuration */.a3)(run.elapsed())} (verified)`, true);
}
/** Runs one operation. ConfigurationError before any traffic moved; a failed result (with traffic restored) after. */
async function runOperation(options) {
    const run = new Run(options);
    if (options.operation === 'status')
        return operations_status(run);
    if (options.gate) {
        run.gate = prepareGate(options.gate, { url: run.environmentUrl(), color: options.config.colors[0].name, phase: 'direct' }, {
            env: options.env,
            cwd: options.cwd,
            readFile: options.readFile ?? ((p) => (0,external_node_fs_.readFileSync)(p, 'utf8')),
            probes: options.gateProbes
        });
        run.secrets.push(...run.gate.secrets);
        if (run.gate.secrets.length > 0)
            options.onSecrets?.(run.gate.secrets);
    }
    let lock;
    try {
        lock = await lock_acquireLock(`${options.config.stateFile}.lock`, {
            runId: options.runId,
            waitMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
            staleAfterMs: options.lockStaleAfterMs ?? DEFAULT_LOCK_STALE_MS,
            signal: options.signal,
            log: (m) => run.warn(m)
        });
        await run.router.preflight(run.context);
        run.state = state_readState(options.config.stateFile, run.router.identity, run.colors);
        run.replacedDeploymentId = run.state?.deploymentId;
        run.reading = await run.router.read(run.context);
        switch (options.operation) {
            case 'switch':
                return await switchTo(run);
            case 'canary':
                return await canaryOp(run);
            case 'promote':
                return await promote(run);
            case 'abort':
                if (!run.state?.canary)
                    throw new errors/* ConfigurationError */.j1('no canary in progress; nothing to abort (rollback goes back to the previous colour)');
                return await abort(run, 'abort');
            case 'rollback':
                return await rollback(run);
            default:
                throw new errors/* ConfigurationError */.j1(`unknown operation "${String(options.operation)}"`);
        }
    }
    catch (error) {
        if (error instanceof Cancelled)
            throw new errors/* ConfigurationError */.j1('cancelled before any traffic moved');
        throw error;
    }
    finally {
        lock?.release();
    }
}
/**
 * After a run that was cut short while traffic moved (cancelled and killed before it could put traffic back,
 * or crashed): back to the weights before it, verified, and the state file says so. The interrupted run's
 * canary in the state file is what to restore; without one, `restore`. Nothing is touched when the run had
 * finished its change, when traffic is already back (then it is verified), or when there is nothing to restore.
 * Safe to run twice.
 */
async function recoverInterrupted(options) {
    const run = new Run({ ...options, operation: 'abort', onFailure: 'rollback' });
    let lock;
    try {
        lock = await acquireLock(`${options.config.stateFile}.lock`, {
            runId: options.runId,
            waitMs: options.lockTimeoutMs ?? 60_000,
            staleAfterMs: DEFAULT_LOCK_STALE_MS,
            log: (m) => run.note(m)
        });
        await run.router.preflight(run.context);
        run.state = readState(options.config.stateFile, run.router.identity, run.colors);
        run.replacedDeploymentId = run.state?.deploymentId;
        run.reading = await run.router.read(run.context);
        const current = run.reading.weights;
        const canary = run.state?.canary?.runId === options.runId ? run.state.canary : null;
        const target = canary?.fromWeights ?? options.restore;
        if (!target)
            return run.result('pass', 'nothing to put back: the interrupted run recorded no change');
        const interruptedDeployment = canary?.deploymentId ?? options.deploymentId;
        const closeInterrupted = async (description) => {
            if (interruptedDeployment === undefined)
                return;
            run.deploymentId = interruptedDeployment;
            await run.deploymentFinish(false, description);
            run.deploymentId = undefined;
        };
        const back = formatWeights(target);
        if (sameWeights(current, target)) {
            const verified = await verifyWeights({
                spec: run.config.verify,
                colors: run.config.colors,
                weights: target,
                secrets: run.secrets
            });
            run.record({
                phase: 'verify',
                weights: target,
                ok: verified.ok,
                message: verified.message,
                durationMs: Math.round(verified.durationMs),
                verify: verified
            });
            if (canary)
                run.saveState({ live: liveColor(target), weights: target, canary: null, lastOperation: 'abort' });
            await closeInterrupted(`interrupted; traffic back on ${liveColor(target) ?? back}`);
            return verified.ok
                ? run.result('pass', `traffic is already back on ${back} (verified)`)
                : run.result('fail', `traffic is back on ${back} by the router's account, but ${verified.message}`);
        }
        // The run wrote its end to the state file (and no canary, its own or one it promoted, is left half done).
        if (run.state &&
            !run.state.canary &&
            run.state.runId === options.runId &&
            sameWeights(run.state.weights, current)) {
            return run.result('pass', `nothing to put back: the run had finished its ${run.state.lastOperation ?? 'change'}`);
        }
        run.note(`the run ${options.runId} was interrupted with ${formatWeights(current)}; putting back ${back}`);
        await closeInterrupted(`interrupted; rolled back to ${liveColor(target) ?? back}`);
        const color = liveColor(target) ?? run.state?.live ?? run.colors[0];
        // Rolled back from: the canary's new colour, else the colour that had gained the most.
        const from = canary?.to ??
            run.colors.filter((c) => c !== color).sort((a, b) => (current[b] ?? 0) - (current[a] ?? 0))[0] ??
            null;
        // The state still names the deployment live before the interrupted run: it shipped what goes back now.
        const restores = run.replacedDeploymentId === interruptedDeployment ? undefined : run.replacedDeploymentId;
        await run.deploymentStart(color, from, target, true, 'rollback after an interrupted run', restores);
        try {
            await run.change(target, undefined, run.restoreContext());
        }
        catch (error) {
            const reason = await failureReason(error, run, target);
            await run.deploymentFinish(false, `rollback failed: ${reason}`);
            return run.result('fail', `could NOT put traffic back on ${back}: ${reason}`);
        }
        await run.drain(run.colors.filter((c) => (current[c] ?? 0) > 0 && (target[c] ?? 0) === 0));
        run.saveState({
            live: liveColor(target),
            weights: target,
            canary: null,
            lastOperation: 'abort',
            ...(run.deploymentId !== undefined ? { deploymentId: run.deploymentId } : {})
        });
        await run.deploymentFinish(true, `rolled back: ${color} is live again`);
        return run.result('pass', `put traffic back on ${back} after the interrupted run (verified)`, true);
    }
    finally {
        lock?.release();
    }
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/engine/index.ts
// blue-green-switch's public surface: what main.ts, cli.ts and other actions use. Nothing here reads the
// environment or imports @actions/*.









// EXTERNAL MODULE: ./shared/src/lib/markdown.ts
var markdown = __webpack_require__(41794);
// EXTERNAL MODULE: ./shared/src/lib/report.ts
var report = __webpack_require__(60621);
;// CONCATENATED MODULE: ./actions/blue-green-switch/src/report.ts
// An operation's result as the action family's ActionReport: the verdict and one line, a failed check as an
// error (the gate's annotated at its file), the engine's warnings, the timeline of every step with its weights
// and gate/judge results, the judge's numbers per colour, the JSON envelope's fields, the outputs and the text
// format. No I/O; main.ts, post.ts and cli.ts all say the same thing through it.




const weightsText = (w) => (w ? weights_formatWeights(w) : '');
const report_pct = (rate) => `${(rate * 100).toFixed(2)}%`;
const msText = (value) => (value === null ? '—' : `${value.toFixed(1)} ms`);
/** A failed step that means the operation failed; drains that ran out of time are warnings already. */
const FAILING_PHASES = new Set(['pre-check', 'gate', 'apply', 'verify', 'judge', 'restore']);
function where(entry) {
    const step = entry.step ? `step ${entry.step}` : '';
    const weights = entry.weights ? weights_formatWeights(entry.weights) : '';
    return step && weights ? `${step} (${weights}): ` : step || weights ? `${step || weights}: ` : '';
}
function warningId(message) {
    if (/GitHub deployment/.test(message))
        return 'deployment';
    if (/judge/.test(message))
        return 'judge';
    if (/lock/.test(message))
        return 'lock';
    if (/drain|workers|sessions/.test(message))
        return 'drain';
    return 'warning';
}
function findingsOf(result, options) {
    const findings = [];
    if (result.verdict === 'fail') {
        for (const entry of result.timeline.filter((e) => !e.ok && FAILING_PHASES.has(e.phase))) {
            findings.push({
                level: 'error',
                id: entry.phase,
                title: `blue-green-switch ${entry.phase} failed`,
                message: `${where(entry)}${entry.message}`,
                ...(entry.phase === 'gate' && options.gateFile ? { location: { file: options.gateFile } } : {})
            });
        }
        if (findings.length === 0) {
            const id = /the run was cancelled/.test(result.message) ? 'cancelled' : 'operation';
            findings.push({ level: 'error', id, title: `blue-green-switch ${id}`, message: result.message });
        }
    }
    for (const warning of result.warnings)
        findings.push({ level: 'warning', id: warningId(warning), message: warning });
    if (result.verdict === 'warn' && result.warnings.length === 0)
        findings.push({ level: 'warning', id: result.canary ? 'canary' : 'operation', message: result.message });
    return findings;
}
function headline(result) {
    if (result.operation === 'status')
        return `Blue-green status: ${result.message}`;
    const outcome = result.verdict === 'fail' ? 'failed' : result.verdict === 'warn' ? 'done with warnings' : 'done';
    return `Blue-green ${result.operation} ${outcome}: ${result.message}`;
}
function gateCell(entry) {
    if (entry.gate)
        return `gate ${entry.gate.verdict} (${entry.gate.target})`;
    if (entry.judge)
        return `judge ${entry.judge.verdict}`;
    return '';
}
function timelineSection(result) {
    return {
        level: 'info',
        title: 'Timeline',
        open: true,
        table: {
            headers: ['at', 'step', 'phase', 'weights', 'check', 'result', 'took'],
            rows: result.timeline.map((e) => [
                `+${(0,duration/* formatDuration */.a3)(e.at)}`,
                e.step ? String(e.step) : '',
                e.phase,
                weightsText(e.weights),
                gateCell(e),
                `${e.ok ? '✅' : '❌'} ${(0,markdown/* escapeMarkdown */.FV)(e.message)}`,
                (0,duration/* formatDuration */.a3)(e.durationMs)
            ])
        }
    };
}
function judgeSection(result) {
    const judged = result.timeline.filter((e) => e.judge !== undefined);
    if (judged.length === 0)
        return undefined;
    const last = judged[judged.length - 1].judge;
    const rows = judged.flatMap((e) => Object.entries(e.judge.perColor).map(([color, c]) => [
        String(e.step ?? ''),
        (0,markdown/* escapeMarkdown */.FV)(color),
        String(c.requests),
        String(c.errors),
        report_pct(c.errorRate),
        msText(c.p50Ms),
        msText(c.p95Ms),
        e.judge.verdict
    ]));
    return {
        level: 'info',
        title: `Canary judge: ${last.verdict}`,
        open: last.verdict === 'fail',
        intro: `Numbers from ${(0,markdown/* escapeMarkdown */.FV)(last.source)}. Errors: ${(0,markdown/* escapeMarkdown */.FV)(last.errorRate.reason)}. Latency: ${(0,markdown/* escapeMarkdown */.FV)(last.latency.reason)}.`,
        table: { headers: ['step', 'colour', 'requests', 'errors', 'error rate', 'p50', 'p95', 'verdict'], rows }
    };
}
function context(result) {
    const lines = [
        `Router: ${(0,markdown/* codeSpan */.SS)(result.router.description)}. Live: **${(0,markdown/* escapeMarkdown */.FV)(result.live ?? 'split')}**, previous: ${(0,markdown/* escapeMarkdown */.FV)(result.previous ?? '—')}, weights ${(0,markdown/* escapeMarkdown */.FV)(weightsText(result.weights))}${result.rolledBack ? ', rolled back' : ''}.`
    ];
    if (result.canary) {
        const c = result.canary;
        lines.push(`Canary ${(0,markdown/* escapeMarkdown */.FV)(c.from)} → ${(0,markdown/* escapeMarkdown */.FV)(c.to)} at step ${c.stepIndex + 1} of ${c.steps.length} (${c.steps.join(', ')}%): promote to finish it, abort to undo it.`);
    }
    if (result.deploymentId !== undefined)
        lines.push(`GitHub deployment ${result.deploymentId}.`);
    return lines;
}
/** The terminal form: the verdict line, the router line, the timeline, the judge's numbers, the warnings. */
function renderText(result) {
    const lines = [
        `${result.verdict.toUpperCase()}: ${result.message}`,
        `router: ${result.router.description}; live: ${result.live ?? 'split'}; previous: ${result.previous ?? '-'}; weights: ${weightsText(result.weights)}`
    ];
    const entry = (e) => `+${(0,duration/* formatDuration */.a3)(e.at).padEnd(7)} ${e.ok ? 'ok  ' : 'FAIL'} ${`${e.phase}${e.step ? ` ${e.step}` : ''}`.padEnd(10)} ${(0,duration/* formatDuration */.a3)(e.durationMs).padStart(6)}  ${e.message}`;
    if (result.timeline.length > 0)
        lines.push('', ...result.timeline.map(entry));
    if (result.judge) {
        lines.push('', `judge (${result.judge.source}): ${result.judge.verdict}`);
        for (const [color, c] of Object.entries(result.judge.perColor)) {
            lines.push(`  ${color.padEnd(8)} requests=${c.requests} errors=${c.errors} (${report_pct(c.errorRate)}) p50=${msText(c.p50Ms)} p95=${msText(c.p95Ms)}`);
        }
    }
    for (const warning of result.warnings)
        lines.push(`warning: ${warning}`);
    return lines.join('\n') + '\n';
}
function switchReport(result, options = {}) {
    const findings = findingsOf(result, options);
    const counts = { ...(0,report/* countFindings */.Gt)(findings), changes: result.timeline.filter((e) => e.phase === 'apply').length };
    const errors = findings.filter((f) => f.level === 'error');
    const warnings = findings.filter((f) => f.level === 'warning');
    const judge = judgeSection(result);
    const { verdict: _verdict, ...fields } = result;
    return {
        tool: 'blue-green-switch',
        title: `Blue-green ${result.operation}`,
        verdict: result.verdict,
        headline: headline(result),
        counts,
        findings,
        context: context(result),
        sections: [
            ...(errors.length > 0
                ? [{ level: 'error', title: 'Failed', items: errors.map((f) => (0,markdown/* escapeMarkdown */.FV)(f.message)) }]
                : []),
            ...(warnings.length > 0
                ? [{ level: 'warning', title: 'Warnings', items: warnings.map((f) => (0,markdown/* escapeMarkdown */.FV)(f.message)) }]
                : []),
            ...(result.timeline.length > 0 ? [timelineSection(result)] : []),
            ...(judge ? [judge] : [])
        ],
        json: { findings: findings.map(report/* findingJson */.aO), ...fields },
        outputs: {
            'live-color': result.live ?? '',
            'previous-color': result.previous ?? '',
            weights: JSON.stringify(result.weights),
            'rolled-back': String(result.rolledBack),
            'deployment-id': result.deploymentId === undefined ? '' : String(result.deploymentId)
        },
        text: () => renderText(result)
    };
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/settings.ts
// Turning what a user wrote (action inputs or CLI flags) into the engine's options, once for both: where a
// router config or gate comes from, the judge's thresholds, the run id. Every mistake is one line naming the
// setting with the label the caller gives (`Input "steps"`, `--steps`).




/** A config is small; anything bigger is a wrong path (a log, a binary), not a config. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** YAML written in the value itself (lines, a flow mapping, or `key: value`), rather than a path. */
function isInlineYaml(value) {
    const text = value.trim();
    return /[\r\n]/.test(text) || text.startsWith('{') || /^[\w-]+:\s/.test(text);
}
/** A router config or gate: the YAML itself, or the file the value names (relative to cwd). */
function readConfigText(value, cwd, label) {
    if (isInlineYaml(value))
        return { text: value };
    const path = (0,external_node_path_.isAbsolute)(value.trim()) ? value.trim() : (0,external_node_path_.resolve)(cwd, value.trim());
    let size;
    try {
        const stat = (0,external_node_fs_.statSync)(path);
        if (!stat.isFile())
            throw new errors/* ConfigurationError */.j1(`${label}: ${value} is not a file`);
        size = stat.size;
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j1)
            throw error;
        throw new errors/* ConfigurationError */.j1(`${label}: cannot read ${value} (${error.code ?? String(error)})`);
    }
    if (size > MAX_CONFIG_BYTES)
        throw new errors/* ConfigurationError */.j1(`${label}: ${value} is larger than 1 MiB; is it a config?`);
    try {
        return { text: (0,external_node_fs_.readFileSync)(path, 'utf8'), path };
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${label}: cannot read ${value} (${error.code ?? String(error)})`);
    }
}
/** A path as reports name it: relative to the workspace with `/` when inside it, else absolute. */
function displayPath(path, workspace) {
    const rel = (0,external_node_path_.relative)(workspace, path);
    return rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel.split('\\').join('/') : path;
}
/** `1%`, `0.01`: a share between 0 and max. */
function parseRatio(text, label, max = 1) {
    const trimmed = text.trim();
    const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
    const value = percent ? Number(percent[1]) / 100 : /^\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
    if (!(value >= 0 && value <= max)) {
        throw new errors/* ConfigurationError */.j1(`${label} must be a share like 5% or 0.05, at most ${max * 100}%; got "${text}"`);
    }
    return value;
}
function judgeOptions(settings, label) {
    if (!settings.enabled)
        return false;
    return {
        ...DEFAULT_JUDGE,
        minRequests: settings.minRequests,
        maxErrorRateIncrease: parseRatio(settings.maxErrorIncrease, label('judge-max-error-increase')),
        // A latency may rise by more than 100 % and still be accepted on purpose (a cache-less first version).
        maxLatencyIncrease: parseRatio(settings.maxLatencyIncrease, label('judge-max-latency-increase'), 100),
        onInconclusive: settings.onInconclusive
    };
}
/**
 * The id a workflow run leaves in the state and the lock: run id and attempt (what a person looks up), the job,
 * and the process, so two jobs of one run (a matrix) never take each other's canary for their own.
 */
function runIdFrom(env, pid) {
    const run = env.GITHUB_RUN_ID;
    if (!run)
        return `cli-${pid}`;
    return `${run}.${env.GITHUB_RUN_ATTEMPT ?? '1'}/${env.GITHUB_JOB ?? 'job'}/${pid}`;
}
/** Reads and checks everything an operation needs before it starts: a mistake is one line, nothing has moved. */
function prepareOperation(settings, context) {
    const { cwd, env, label } = context;
    const router = readConfigText(settings.router, cwd, label('router'));
    const config = parseRouterConfig({ ...router, name: label('router').toLowerCase(), cwd, env });
    const gate = settings.gate === undefined ? undefined : readConfigText(settings.gate, cwd, label('gate'));
    return {
        router,
        ...(gate?.path ? { gateFile: displayPath(gate.path, cwd) } : {}),
        options: {
            operation: settings.operation,
            config,
            to: settings.to,
            steps: settings.steps === undefined ? undefined : parseSteps(settings.steps, label('steps')),
            stepWaitMs: settings.stepWaitMs,
            gate: gate && { path: gate.path ?? label('gate').toLowerCase(), text: gate.text },
            judge: judgeOptions(settings.judge, label),
            onFailure: settings.onFailure,
            onCancel: settings.onCancel,
            lockTimeoutMs: settings.lockTimeoutMs,
            runId: context.runId,
            env,
            cwd
        }
    };
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/signals.ts
function cancelOnSignals(onSignal, options = {}) {
    const controller = new AbortController();
    const handler = (signal) => {
        const first = !controller.signal.aborted;
        onSignal(signal, first);
        if (first)
            controller.abort();
        else if (options.exitOnSecond)
            process.exit(130);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        dispose() {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        }
    };
}

;// CONCATENATED MODULE: ./actions/blue-green-switch/src/cli.ts
// `ubos-actions blue-green-switch <verb>`: the same engine and report as the action, from a terminal or another
// CI. Each verb declares its own flags (so `canary --help` lists exactly what a canary takes); Ctrl-C puts
// traffic back before exiting (twice quits at once).








const FORMATS = ['text', 'json', 'markdown'];
const COMMON = {
    config: { type: 'string', value: '<router.yml>', description: 'The router config (required)' },
    format: (0,command/* formatFlag */.AN)(FORMATS),
    'fail-on': command/* FAIL_ON_FLAG */.EK
};
const CHANGE = {
    'lock-timeout': {
        type: 'string',
        value: '<duration>',
        description: 'Wait this long for another run on the same router; 0s fails at once',
        default: '5m'
    },
    'run-id': {
        type: 'string',
        value: '<id>',
        description: 'Recorded in the state file and the lock',
        default: 'cli-<pid>'
    }
};
const MOVE = {
    to: { type: 'string', value: '<colour|other>', description: 'The colour traffic moves to', default: 'other' },
    gate: { type: 'string', value: '<gate.yml>', description: 'health-gate checks run before and after each step' },
    'on-failure': {
        type: 'string',
        value: '<rollback|stop>',
        description: 'After a failed check: put traffic back, or leave it',
        default: 'rollback'
    }
};
const JUDGE = {
    'step-wait': {
        type: 'string',
        value: '<duration>',
        description: 'How long each step below 100 % takes traffic before it is judged',
        default: '30s'
    },
    'no-judge': { type: 'boolean', description: "Do not compare the colours' errors and latencies between steps" },
    'judge-min-requests': {
        type: 'string',
        value: '<n>',
        description: 'Requests per colour before the judge decides',
        default: String(DEFAULT_JUDGE.minRequests)
    },
    'judge-max-error-increase': {
        type: 'string',
        value: '<share>',
        description: 'Largest accepted error-rate rise, in percentage points',
        default: '1%'
    },
    'judge-max-latency-increase': {
        type: 'string',
        value: '<share>',
        description: 'Largest accepted median-latency rise, relative',
        default: '25%'
    },
    'judge-on-inconclusive': {
        type: 'string',
        value: '<continue|fail>',
        description: 'What an undecided step does',
        default: 'continue'
    }
};
const FLAGS = {
    status: COMMON,
    switch: { ...COMMON, ...MOVE, ...CHANGE },
    canary: {
        ...COMMON,
        ...MOVE,
        steps: {
            type: 'string',
            value: '<percent,...>',
            description: "The new colour's share at each step (ending below 100 pauses)",
            default: '10,50,100'
        },
        ...JUDGE,
        ...CHANGE
    },
    promote: { ...COMMON, gate: MOVE.gate, 'on-failure': MOVE['on-failure'], ...CHANGE },
    abort: { ...COMMON, ...CHANGE },
    rollback: { ...COMMON, ...CHANGE }
};
const SUMMARIES = {
    status: 'What is live, a half-done canary, who holds the lock',
    switch: 'All traffic to the other colour at once: checked first, verified, old colour drained',
    canary: 'Traffic to the other colour by steps, judged and gated between them; back on a failure',
    promote: 'Take a paused canary to 100 %',
    abort: 'Put a canary back where it started',
    rollback: 'Back to the saved previous weights (no gate, no waiting)'
};
const SUBCOMMANDS = OPERATIONS.map((op) => ({
    name: op,
    summary: SUMMARIES[op],
    usage: [`blue-green-switch ${op} --config <router.yml> [options]`],
    flags: FLAGS[op]
}));
function cli_duration(flag, value) {
    if (value === undefined)
        return undefined;
    try {
        return (0,duration/* parseDuration */.E9)(value);
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`--${flag} must be a duration like 30s or 5m: ${e.message}`);
    }
}
function choice(flag, value, allowed, fallback) {
    const chosen = (value ?? fallback);
    if (!allowed.includes(chosen))
        throw new errors/* ConfigurationError */.j1(`--${flag} must be ${allowed.join(' or ')}; got "${value}"`);
    return chosen;
}
function wholeNumber(flag, value, fallback) {
    if (value === undefined)
        return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1)
        throw new errors/* ConfigurationError */.j1(`--${flag} must be a whole number of at least 1; got "${value}"`);
    return Number(value);
}
function verbOf(argv) {
    const verb = argv[0];
    if (verb !== undefined && OPERATIONS.includes(verb))
        return verb;
    const guess = verb && !verb.startsWith('-') ? (0,suggest/* closestName */.N)(verb, OPERATIONS) : undefined;
    throw new errors/* ConfigurationError */.j1(`the first argument must be one of ${OPERATIONS.join(', ')}${verb === undefined ? '' : `; got "${verb}"`}${guess ? ` (did you mean "${guess}"?)` : ''}`);
}
const cli_command = {
    name: 'blue-green-switch',
    summary: 'Switch, canary, promote, abort or roll back traffic between colours on nginx, HAProxy or a command router',
    usage: SUBCOMMANDS.flatMap((s) => s.usage),
    flags: COMMON,
    subcommands: SUBCOMMANDS,
    async run(argv, io) {
        const operation = verbOf(argv);
        const { values: raw } = (0,command/* parseFlags */.bQ)(argv.slice(1), FLAGS[operation], false);
        const values = raw;
        const text = (flag) => values[flag];
        const format = (0,command/* parseFormat */.Xc)(text('format'), FORMATS, 'text');
        const failOn = (0,command/* parseFailOnFlag */.nI)(text('fail-on'));
        const config = text('config');
        if (!config)
            throw new errors/* ConfigurationError */.j1(`--config <router.yml> is required; usage: ubos-actions blue-green-switch ${operation} --config <router.yml> [options]`);
        const env = io.env ?? process.env;
        const { options } = prepareOperation({
            operation,
            router: config,
            to: text('to'),
            steps: text('steps'),
            stepWaitMs: cli_duration('step-wait', text('step-wait')),
            gate: text('gate'),
            judge: {
                enabled: values['no-judge'] !== true,
                minRequests: wholeNumber('judge-min-requests', text('judge-min-requests'), DEFAULT_JUDGE.minRequests),
                maxErrorIncrease: text('judge-max-error-increase') ?? '1%',
                maxLatencyIncrease: text('judge-max-latency-increase') ?? '25%',
                onInconclusive: choice('judge-on-inconclusive', text('judge-on-inconclusive'), ['continue', 'fail'], 'continue')
            },
            onFailure: choice('on-failure', text('on-failure'), ['rollback', 'stop'], 'rollback'),
            onCancel: 'rollback',
            lockTimeoutMs: cli_duration('lock-timeout', text('lock-timeout'))
        }, {
            cwd: io.cwd,
            env,
            runId: text('run-id') ?? runIdFrom({}, process.pid),
            label: (name) => `--${name === 'router' ? 'config' : name}`
        });
        const cancel = cancelOnSignals((signal, first) => io.stderr(first ? `${signal}: cancelling; traffic goes back first (again to quit at once)\n` : `${signal}: quitting\n`), { exitOnSecond: true });
        try {
            const result = await runOperation({
                ...options,
                signal: cancel.signal,
                log: format === 'text' ? (line) => io.stderr(`${line}\n`) : undefined
            });
            return (0,command/* printReport */.Y_)(switchReport(result), format, failOn, io);
        }
        finally {
            cancel.dispose();
        }
    }
};


/***/ }),

/***/ 58719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   j$: () => (/* binding */ HttpError)
/* harmony export */ });
/* unused harmony exports defaultRetryOn, backoffDelay, parseRetryAfter, httpRequestSecrets */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76088);
/* harmony import */ var _http_transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6191);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53570);
/**
 * The HTTP client of the actions: the transport (http-transport.ts: TLS options, redirects that drop secrets
 * across origins, size caps, timing) with what a client needs on top: a per-attempt timeout, retries with capped
 * exponential backoff and Retry-After, JSON, and error messages that say what went wrong in plain words without
 * ever containing a credential.
 */



/**
 * A request that could not produce a usable response. The message is safe to print: the original error is
 * deliberately not attached as `cause`, since its text may quote the URL with its credentials.
 */
class HttpError extends Error {
    details;
    name = 'HttpError';
    constructor(message, details) {
        super(message);
        this.details = details;
    }
}
const DEFAULTS = {
    timeoutMs: 10_000,
    retries: 0,
    backoffMs: 200,
    maxBackoffMs: 30_000,
    maxBodyBytes: 10 * 1024 * 1024,
    maxRedirects: 5
};
function defaultRetryOn(status) {
    return status === 429 || status >= 500;
}
/**
 * The delay before retry number `retry` (1-based): base * 2^(retry-1), capped, then "equal jitter" (half
 * fixed, half random) so that many clients retrying together spread out but none retries immediately.
 */
function backoffDelay(retry, baseMs, capMs, random = Math.random) {
    const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
    return Math.round(exponential / 2 + random() * (exponential / 2));
}
/** Retry-After as milliseconds from now: either delta-seconds or an HTTP date; undefined if unusable. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * Every secret a request with these options sends, in every form (URL credentials raw, decoded and as the Basic
 * header's base64, sensitive header values and their tokens), for an adapter to mask before anything is logged.
 */
function httpRequestSecrets(url, options = {}) {
    return [...new Set(requestSecrets(url, options.headers, options.secrets))];
}
/** The abort reason as an Error (AbortController.abort() gives a DOMException; abort('x') a string). */
function abortError(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new Error(String(reason));
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(abortError(signal));
        const onAbort = () => {
            clearTimeout(timer);
            if (signal)
                reject(abortError(signal));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
function formatMegabytes(bytes) {
    return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(2)} MiB` : `${bytes} bytes`;
}
// What a failed exchange says, in the words of this client's messages ("... failed after 2 attempts: <why>").
const REASONS = {
    refused: 'connection refused',
    reset: 'connection reset by the server'
};
// Failures that another attempt cannot fix.
const FINAL = new Set(['invalid', 'redirect', 'too-large', 'aborted']);
/** Sends a request, retrying as configured; resolves with the last response, whatever its status. */
async function httpRequest(url, options = {}) {
    const method = (options.method ?? 'GET').toUpperCase();
    const displayUrl = (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(url);
    const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    const maxAttempts = 1 + Math.max(0, Math.floor(options.retries ?? DEFAULTS.retries));
    const backoffMs = options.backoffMs ?? DEFAULTS.backoffMs;
    const maxBackoffMs = options.maxBackoffMs ?? DEFAULTS.maxBackoffMs;
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
    const retryOn = options.retryOn ?? defaultRetryOn;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
        const secrets = [...(options.secrets ?? []), ...(0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .credentialsInUrl */ .FB)(url)];
        throw new HttpError((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(`${method} ${displayUrl} failed: not a valid http(s) URL`, secrets), {
            method,
            url: (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(displayUrl, secrets),
            attempts: 0
        });
    }
    const request = { secrets: (0,_http_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .requestSecrets */ .pN)(url, options.headers, options.secrets) };
    const safe = (text) => (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(text, request.secrets);
    const fail = (message, details) => new HttpError(safe(message), { method, url: safe(displayUrl), ...details });
    const attemptsText = (n) => `after ${n} attempt${n === 1 ? '' : 's'}`;
    for (let attempt = 1;; attempt++) {
        if (options.signal?.aborted) {
            throw fail(`${method} ${displayUrl} was aborted`, { attempts: attempt - 1 });
        }
        let raw;
        try {
            raw = await (0,_http_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .sendRequest */ .w$)({
                url,
                method,
                headers: options.headers,
                body: options.body,
                tls: options.tls,
                followRedirects: (options.maxRedirects ?? DEFAULTS.maxRedirects) > 0,
                maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
                signal: options.signal,
                timeoutMs,
                maxBodyBytes,
                secrets: request.secrets
            });
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1)
                throw fail(`${method} ${displayUrl} failed: ${error.message}`, { attempts: attempt });
            if (!(error instanceof _http_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .RequestError */ .GI))
                throw error;
            const code = error.kind === 'timeout' ? 'ETIMEDOUT' : error.code;
            const details = { attempts: attempt, ...(code ? { code } : {}) };
            if (error.kind === 'aborted')
                throw fail(`${method} ${displayUrl} was aborted`, details);
            if (error.kind === 'too-large')
                throw fail(`${method} ${displayUrl} returned a response body larger than ${formatMegabytes(maxBodyBytes)}`, details);
            const reason = error.kind === 'timeout' ? `timed out after ${timeoutMs}ms` : (REASONS[error.kind] ?? error.message);
            if (FINAL.has(error.kind))
                throw fail(`${method} ${displayUrl} failed: ${reason}`, details);
            if (attempt >= maxAttempts)
                throw fail(`${method} ${displayUrl} failed ${attemptsText(attempt)}: ${reason}`, details);
            await waitOrAbort(backoffDelay(attempt, backoffMs, maxBackoffMs), attempt);
            continue;
        }
        const timeMs = raw.latencyMs;
        if (attempt < maxAttempts && retryOn(raw.status)) {
            const retryAfter = raw.status === 429 || raw.status === 503 ? parseRetryAfter(raw.headers['retry-after']) : undefined;
            const delay = retryAfter !== undefined ? Math.min(retryAfter, maxBackoffMs) : backoffDelay(attempt, backoffMs, maxBackoffMs);
            await waitOrAbort(delay, attempt);
            continue;
        }
        return toResponse(raw, timeMs, attempt);
    }
    async function waitOrAbort(ms, attempt) {
        try {
            await sleep(ms, options.signal);
        }
        catch {
            throw fail(`${method} ${displayUrl} was aborted`, { attempts: attempt });
        }
    }
    function toResponse(raw, timeMs, attempts) {
        return {
            status: raw.status,
            headers: raw.headers,
            body: raw.body,
            timeMs,
            attempts,
            json() {
                try {
                    return JSON.parse(raw.body);
                }
                catch (error) {
                    const reason = error instanceof Error ? error.message : String(error);
                    throw fail(`${method} ${displayUrl} returned a body that is not JSON: ${reason}`, {
                        attempts,
                        status: raw.status
                    });
                }
            }
        };
    }
}


/***/ })

};
