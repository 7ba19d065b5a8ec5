export const id = 148;
export const ids = [148];
export const modules = {

/***/ 59513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ CHECK_KINDS)
});

// UNUSED EXPORTS: kindOf

// EXTERNAL MODULE: ./shared/src/lib/redact.ts
var redact = __webpack_require__(53570);
// EXTERNAL MODULE: ./actions/health-gate/src/status-match.ts
var status_match = __webpack_require__(42978);
// EXTERNAL MODULE: ./shared/src/lib/http-transport.ts
var http_transport = __webpack_require__(6191);
// EXTERNAL MODULE: ./actions/health-gate/src/config-keys.ts
var config_keys = __webpack_require__(92575);
// EXTERNAL MODULE: ./actions/health-gate/src/config-reader.ts
var config_reader = __webpack_require__(47276);
;// CONCATENATED MODULE: ./actions/health-gate/src/checks/kind.ts
/** Declares a check type; the type parameter ties its parse and probe to its check interface (types.ts). */
function defineCheckKind(kind) {
    return kind;
}

;// CONCATENATED MODULE: ./actions/health-gate/src/checks/burst.ts
// The burst check: a short load sample against one endpoint, judged on error rate and tail latency the way an
// SLO is (p95/p99), with the distribution kept for the report.






/**
 * Nearest-rank percentile (the smallest sample with at least p% of samples at or below it): always a value
 * that was actually observed, never an interpolation. NaN for no samples.
 */
function percentile(values, p) {
    if (values.length === 0)
        return Number.NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
    return sorted[Math.max(1, rank) - 1];
}
/** Upper bounds (ms) of the latency histogram's buckets; a last open bucket catches the rest. */
const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 200, 300, 500, 750, 1000, 2000, 5000, 10000];
/** Per-bucket (not cumulative) counts, trimmed after the last non-empty bucket. */
function latencyHistogram(latencies) {
    const buckets = [...LATENCY_BUCKETS_MS, null].map((leMs) => ({ leMs, count: 0 }));
    for (const latency of latencies) {
        const bucket = buckets.find((candidate) => candidate.leMs === null || latency <= candidate.leMs);
        bucket.count++;
    }
    let last = buckets.length - 1;
    while (last > 0 && buckets[last].count === 0)
        last--;
    return buckets.slice(0, last + 1);
}
function percent(rate) {
    return `${+(rate * 100).toFixed(2)}%`;
}
function ms(value) {
    return Number.isNaN(value) ? 'n/a' : `${Math.round(value)} ms`;
}
const probeBurst = async (check, context) => {
    const matches = (0,status_match/* parseStatusMatcher */.W)(check.expectStatus);
    const expected = (0,status_match/* describeStatusMatcher */.c)(check.expectStatus);
    const total = Math.max(0, Math.floor(check.requests));
    const concurrency = Math.max(1, Math.min(total, Math.floor(check.concurrency)));
    const samples = [];
    const started = performance.now();
    let next = 0;
    const worker = async () => {
        while (next < total && !context.signal.aborted) {
            next++;
            try {
                const response = await (0,http_transport/* sendRequest */.w$)({
                    url: check.url,
                    method: check.method,
                    headers: check.headers,
                    ...(check.body === undefined ? {} : { body: check.body }),
                    tls: check.tls,
                    signal: context.signal,
                    timeoutMs: check.requestTimeout,
                    ...(check.secretHeaders ? { secretHeaders: check.secretHeaders } : {}),
                    ...(context.secrets ? { secrets: context.secrets } : {})
                });
                samples.push({
                    status: response.status,
                    latencyMs: response.latencyMs,
                    ...(matches(response.status) ? {} : { error: `status ${response.status}` })
                });
            }
            catch (error) {
                // The attempt's own end is not a property of the service: those requests are not counted at all.
                if (context.signal.aborted)
                    return;
                samples.push({ error: error instanceof Error ? error.message : String(error) });
            }
        }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsedMs = Math.round(performance.now() - started);
    const latencies = samples.flatMap((sample) => (sample.latencyMs === undefined ? [] : [sample.latencyMs]));
    const errors = samples.filter((sample) => sample.error !== undefined);
    const errorRate = samples.length === 0 ? 0 : errors.length / samples.length;
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const p99 = percentile(latencies, 99);
    // reduce rather than Math.max(...latencies), whose spread overflows the stack on very large bursts.
    const max = latencies.length === 0 ? Number.NaN : latencies.reduce((highest, latency) => Math.max(highest, latency), -Infinity);
    const statusCounts = {};
    for (const sample of samples) {
        const key = sample.status === undefined ? 'error' : String(sample.status);
        statusCounts[key] = (statusCounts[key] ?? 0) + 1;
    }
    const errorCounts = new Map();
    for (const { error } of errors)
        errorCounts.set(error, (errorCounts.get(error) ?? 0) + 1);
    const topErrors = [...errorCounts].sort((a, b) => b[1] - a[1]).slice(0, 3);
    const round = (value) => (Number.isNaN(value) ? null : Math.round(value * 10) / 10);
    const observed = {
        requests: samples.length,
        planned: total,
        concurrency,
        errors: errors.length,
        errorRate,
        p50: round(p50),
        p95: round(p95),
        p99: round(p99),
        max: round(max),
        durationMs: elapsedMs,
        statusCounts,
        errorCounts: Object.fromEntries(errorCounts),
        histogram: latencyHistogram(latencies)
    };
    const secrets = [...(0,redact/* urlSecrets */.Fn)(check.url), ...(context.secrets ?? [])];
    const safe = (text) => (0,redact/* redact */.E$)(text, secrets);
    if (context.signal.aborted) {
        // Errors among the requests sent may already exceed the budget of the whole burst: then no result of
        // the requests not sent could save it, and the cut attempt is a failure the gate must report.
        const decided = total > 0 && errors.length / total > check.maxErrorRate;
        const listed = topErrors.map(([text, count]) => `${count}× ${text}`).join(', ');
        return {
            status: 'fail',
            ...(decided ? { conclusive: true } : {}),
            message: safe(decided
                ? `stopped after ${samples.length} of ${total} requests, already ${errors.length} errors ` +
                    `(${percent(errorRate)} of those sent; over the ${percent(check.maxErrorRate)} budget of the whole burst)` +
                    (listed ? `; ${listed}` : '')
                : `stopped after ${samples.length} of ${total} requests (attempt aborted)`),
            observed
        };
    }
    const failing = [];
    const parts = [`${samples.length} requests`];
    const errorsOver = errorRate > check.maxErrorRate;
    parts.push(`${percent(errorRate)} errors (max ${percent(check.maxErrorRate)})`);
    if (errorsOver)
        failing.push('error rate');
    const latencyPart = (name, value, limit) => {
        if (limit === undefined) {
            if (name === 'p95')
                parts.push(`p95 ${ms(value)}`);
            return;
        }
        // No response at all means no latency to trust; the error rate already carries the failure.
        const over = Number.isNaN(value) || value > limit;
        parts.push(`${name} ${ms(value)} (max ${limit} ms)`);
        if (over)
            failing.push(name);
    };
    latencyPart('p95', p95, check.maxP95);
    latencyPart('p99', p99, check.maxP99);
    let message = parts.join(', ');
    if (topErrors.length > 0) {
        const listed = topErrors.map(([text, count]) => `${count}× ${text}`).join(', ');
        const statusErrors = errors.some((sample) => sample.status !== undefined);
        message += `; ${listed}${errorCounts.size > topErrors.length ? ', …' : ''}`;
        if (statusErrors)
            message += ` (expected ${expected})`;
    }
    if (failing.length > 0)
        message += `; over the limit: ${failing.join(', ')}`;
    return { status: failing.length > 0 ? 'fail' : 'pass', message: safe(message), observed };
};
// One attempt of a burst is the whole burst, so the per-attempt default of 5s is far too short for it.
const BURST_MIN_TIMEOUT_MS = 60_000;
const BURST_KEYS = {
    url: { kind: 'string', required: true, description: 'URL to load.' },
    method: { kind: 'string', description: 'HTTP method (default GET).' },
    headers: config_keys/* HEADERS_KEY */.tS,
    'secret-headers': config_keys/* SECRET_HEADERS_KEY */.WI,
    body: { kind: 'string', description: 'Request body.' },
    'expect-status': { kind: 'string', description: 'Statuses that count as success (default 2xx).' },
    requests: { kind: 'integer', min: 1, max: 100000, description: 'Number of sample requests (default 100).' },
    concurrency: { kind: 'integer', min: 1, max: 1000, description: 'Requests in flight at once (default 10).' },
    'max-error-rate': { kind: 'ratio', description: 'Highest acceptable error rate: 0.001 or 0.1% (default 0.1%).' },
    'max-p95': { kind: 'duration', description: 'Highest acceptable p95 latency (default 200ms).' },
    'max-p99': { kind: 'duration', description: 'Highest acceptable p99 latency.' },
    'request-timeout': { kind: 'duration', description: 'Timeout of one sample request (default 5s).' },
    tls: config_keys/* TLS_KEY */.Ms
};
const burstCheck = defineCheckKind({
    type: 'burst',
    keys: BURST_KEYS,
    parse({ read: r, where, base, url, secretHeaders }) {
        const headers = r.stringMap('headers');
        const secretHeaderList = secretHeaders(headers);
        const timeout = r.has('timeout') ? base.timeout : Math.max(base.timeout, BURST_MIN_TIMEOUT_MS);
        return {
            ...base,
            timeout,
            type: 'burst',
            url: url(),
            method: (r.string('method') ?? 'GET').toUpperCase(),
            headers,
            secretHeaders: secretHeaderList,
            body: r.string('body'),
            expectStatus: (0,config_reader/* validateStatus */.d_)(r.string('expect-status') ?? '2xx', where),
            requests: r.integer('requests', BURST_KEYS.requests) ?? 100,
            concurrency: r.integer('concurrency', BURST_KEYS.concurrency) ?? 10,
            maxErrorRate: r.ratio('max-error-rate') ?? 0.001,
            maxP95: r.duration('max-p95') ?? 200,
            maxP99: r.duration('max-p99'),
            requestTimeout: r.duration('request-timeout') ?? 5_000,
            tls: r.tls('tls')
        };
    },
    target: (check) => check.url,
    probe: probeBurst
});

// EXTERNAL MODULE: ./shared/src/lib/errors.ts
var errors = __webpack_require__(76088);
;// CONCATENATED MODULE: ./actions/health-gate/src/json-assert.ts
// Assertions on a JSON response body: `<path> <op> <literal>` or a bare `<path>` (must exist and be non-null).
// The path language is a small JSONPath subset ($, .key, ['key'], [0], [-1], [*], .length): enough to reach
// into health documents, small enough that every message can name the exact element that failed.

// Longest first, so `<=` is not read as `<` followed by a literal starting with `=`.
const OPERATORS = ['==', '!=', '<=', '>=', '=~', '<', '>'];
const DOT_KEY = /[\p{L}\p{N}_$-]+/uy;
class Parser {
    text;
    position = 0;
    constructor(text) {
        this.text = text;
    }
    fail(reason, at = this.position) {
        throw new errors/* ConfigurationError */.j1(`Invalid JSON assertion '${this.text}': ${reason} at column ${at + 1}`);
    }
    skipSpaces() {
        while (this.position < this.text.length && /\s/.test(this.text[this.position]))
            this.position++;
    }
    peek(offset = 0) {
        return this.text[this.position + offset];
    }
    atPathEnd() {
        const c = this.peek();
        return c === undefined || /\s/.test(c) || /[=!<>~]/.test(c);
    }
    parsePath() {
        if (this.peek() !== '$')
            this.fail('a path must start with $');
        this.position++;
        const segments = [];
        while (!this.atPathEnd()) {
            const c = this.peek();
            if (c === '.') {
                this.position++;
                if (this.peek() === '*') {
                    this.position++;
                    segments.push({ kind: 'wildcard' });
                    continue;
                }
                DOT_KEY.lastIndex = this.position;
                const match = DOT_KEY.exec(this.text);
                if (!match)
                    this.fail("expected a key after '.' (use ['key'] for keys with other characters)");
                this.position = DOT_KEY.lastIndex;
                segments.push(match[0] === 'length' ? { kind: 'length' } : { kind: 'key', key: match[0] });
            }
            else if (c === '[') {
                segments.push(this.parseBracket());
            }
            else {
                this.fail(`unexpected '${c}' in the path`);
            }
        }
        return segments;
    }
    parseBracket() {
        const open = this.position;
        this.position++;
        this.skipSpaces();
        const c = this.peek();
        let segment;
        if (c === '*') {
            this.position++;
            segment = { kind: 'wildcard' };
        }
        else if (c === "'" || c === '"') {
            segment = { kind: 'key', key: this.parseQuoted() };
        }
        else {
            const match = /-?\d+/y;
            match.lastIndex = this.position;
            const found = match.exec(this.text);
            if (!found)
                this.fail("expected an index, '*' or a quoted key after '['");
            this.position = match.lastIndex;
            segment = { kind: 'index', index: Number(found[0]) };
        }
        this.skipSpaces();
        if (this.peek() !== ']')
            this.fail("unclosed '['", open);
        this.position++;
        return segment;
    }
    /** A single- or double-quoted string with JSON escapes (and \' inside single quotes). */
    parseQuoted() {
        const start = this.position;
        const quote = this.text[start];
        let json = '"';
        this.position++;
        for (;;) {
            const c = this.peek();
            if (c === undefined)
                this.fail(`unterminated string`, start);
            this.position++;
            if (c === quote)
                break;
            if (c === '\\') {
                const next = this.peek();
                if (next === undefined)
                    this.fail('unterminated string', start);
                this.position++;
                // \' is not a JSON escape; everything else is left for JSON.parse to judge.
                json += next === "'" ? "'" : `\\${next}`;
            }
            else if (c === '"') {
                json += '\\"';
            }
            else {
                json += c;
            }
        }
        try {
            return JSON.parse(`${json}"`);
        }
        catch {
            return this.fail('invalid escape in string', start);
        }
    }
    parseOperator() {
        const op = OPERATORS.find((candidate) => this.text.startsWith(candidate, this.position));
        if (!op)
            this.fail(`expected an operator (${OPERATORS.join(' ')}) after the path`);
        this.position += op.length;
        return op;
    }
    parseRegex() {
        const start = this.position;
        const rest = this.text.slice(start).trimEnd();
        const close = rest.lastIndexOf('/');
        if (!rest.startsWith('/') || close === 0)
            this.fail('=~ needs a /regex/ (with optional flags)', start);
        const pattern = rest.slice(1, close);
        // g and y make RegExp.test stateful across calls, which would make repeated attempts disagree.
        const flags = rest.slice(close + 1).replace(/[gy]/g, '');
        try {
            return new RegExp(pattern, flags);
        }
        catch (error) {
            return this.fail(`invalid regular expression: ${error.message}`, start);
        }
    }
    parseLiteral(op) {
        const start = this.position;
        const rest = this.text.slice(start).trim();
        if (rest === '')
            this.fail(`expected a value after '${op}'`);
        if (rest.startsWith("'")) {
            const value = this.parseQuoted();
            this.skipSpaces();
            if (this.position < this.text.length)
                this.fail('unexpected text after the string');
            return value;
        }
        if (rest.startsWith('/'))
            this.fail(`a /regex/ only works with =~`);
        try {
            return JSON.parse(rest);
        }
        catch {
            const hint = /^[\p{L}_]/u.test(rest) ? ` (quote strings: "${rest}")` : '';
            return this.fail(`expected a JSON value (a "string", a number, true, false or null)${hint}`, start);
        }
    }
}
/** Compiles an assertion; throws ConfigurationError naming the assertion and the column at fault. */
function parseJsonAssertion(text) {
    const parser = new Parser(text);
    parser.skipSpaces();
    if (parser.position >= text.length)
        parser.fail('it is empty');
    const pathStart = parser.position;
    const path = parser.parsePath();
    const pathText = text.slice(pathStart, parser.position);
    parser.skipSpaces();
    if (parser.position >= text.length)
        return { source: text, pathText, path };
    const op = parser.parseOperator();
    parser.skipSpaces();
    if (op === '=~')
        return { source: text, pathText, path, op, regex: parser.parseRegex() };
    const expected = parser.parseLiteral(op);
    if (op !== '==' && op !== '!=' && typeof expected !== 'number') {
        parser.fail(`'${op}' compares numbers, so the value must be a number`);
    }
    return { source: text, pathText, path, op, expected };
}
function segmentText(segment) {
    switch (segment.kind) {
        case 'key':
            return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(segment.key) && segment.key !== 'length'
                ? `.${segment.key}`
                : `[${JSON.stringify(segment.key)}]`;
        case 'index':
            return `[${segment.index}]`;
        case 'wildcard':
            return '[*]';
        case 'length':
            return '.length';
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    return `${show(value)} (a ${typeof value})`;
}
function resolve(segments, value) {
    const results = [];
    const walk = (index, current, path) => {
        if (index === segments.length) {
            results.push({ found: true, path, value: current });
            return;
        }
        const segment = segments[index];
        const next = path + segmentText(segment);
        const full = next +
            segments
                .slice(index + 1)
                .map(segmentText)
                .join('');
        const missing = (reason) => {
            results.push({ found: false, path: full, reason });
        };
        switch (segment.kind) {
            case 'key':
                if (isObject(current) && Object.hasOwn(current, segment.key))
                    return walk(index + 1, current[segment.key], next);
                return missing(isObject(current) ? `${next} does not exist` : `${path} is ${kindOf(current)}, not an object`);
            case 'length':
                if (Array.isArray(current) || typeof current === 'string')
                    return walk(index + 1, current.length, next);
                if (isObject(current) && Object.hasOwn(current, 'length'))
                    return walk(index + 1, current['length'], next);
                return missing(`${path} is ${kindOf(current)}, which has no length`);
            case 'index': {
                if (!Array.isArray(current))
                    return missing(`${path} is ${kindOf(current)}, not an array`);
                const at = segment.index < 0 ? current.length + segment.index : segment.index;
                if (at < 0 || at >= current.length) {
                    return missing(`${path} has ${current.length} element${current.length === 1 ? '' : 's'}`);
                }
                return walk(index + 1, current[at], `${path}[${at}]`);
            }
            case 'wildcard': {
                const entries = Array.isArray(current)
                    ? current.map((element, i) => [`[${i}]`, element])
                    : isObject(current)
                        ? Object.entries(current).map(([key, element]) => [segmentText({ kind: 'key', key }), element])
                        : [];
                if (!Array.isArray(current) && !isObject(current)) {
                    return missing(`${path} is ${kindOf(current)}, not an array`);
                }
                // "All of nothing" would pass vacuously; for a gate an empty list is a missing answer, not a good one.
                if (entries.length === 0) {
                    return missing(`${path} is empty`);
                }
                for (const [suffix, element] of entries)
                    walk(index + 1, element, path + suffix);
                return;
            }
        }
    };
    walk(0, value, '$');
    return results;
}
const MAX_SHOWN = 80;
function show(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a) && Array.isArray(b)) {
        return a.length === b.length && a.every((element, i) => deepEqual(element, b[i]));
    }
    if (isObject(a) && isObject(b)) {
        const keys = Object.keys(a);
        return (keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key])));
    }
    return false;
}
function expectation(assertion) {
    if (!assertion.op)
        return 'a value';
    if (assertion.op === '=~')
        return `=~ ${String(assertion.regex)}`;
    return `${assertion.op} ${show(assertion.expected)}`;
}
/** Checks one element; undefined when it satisfies the assertion, else what is wrong with it. */
function check(assertion, value) {
    const { op } = assertion;
    switch (op) {
        case undefined:
            return value === null ? 'is null' : undefined;
        case '==':
            return deepEqual(value, assertion.expected) ? undefined : `is ${show(value)}`;
        case '!=':
            return deepEqual(value, assertion.expected) ? `is ${show(value)}` : undefined;
        case '=~':
            if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
                return `is ${kindOf(value)}, not text`;
            }
            return assertion.regex.test(String(value)) ? undefined : `is ${show(value)}`;
        default: {
            if (typeof value !== 'number')
                return `is ${kindOf(value)}, not a number`;
            const limit = assertion.expected;
            const ok = op === '<' ? value < limit : op === '<=' ? value <= limit : op === '>' ? value > limit : value >= limit;
            return ok ? undefined : `is ${show(value)}`;
        }
    }
}
/**
 * Evaluates an assertion on a parsed JSON document. With [*] every element must pass (and there must be one);
 * the message names the first element that failed and how many did.
 */
function evaluate(assertion, value) {
    const resolved = resolve(assertion.path, value);
    const failures = [];
    for (const item of resolved) {
        if (!item.found) {
            failures.push(item.reason.startsWith(`${item.path} `) ? item.reason : `${item.path} not found: ${item.reason}`);
            continue;
        }
        const problem = check(assertion, item.value);
        if (problem)
            failures.push(`${item.path} ${problem}, expected ${expectation(assertion)}`);
    }
    if (failures.length === 0) {
        const only = resolved.length === 1 ? resolved[0] : undefined;
        if (only)
            return { ok: true, message: `${assertion.pathText} is ${show(only.value)}` };
        const verdict = assertion.op ? `satisfy ${expectation(assertion)}` : 'exist';
        return { ok: true, message: `all ${resolved.length} of ${assertion.pathText} ${verdict}` };
    }
    const counted = resolved.length > 1 ? ` (${failures.length} of ${resolved.length} failed)` : '';
    return { ok: false, message: `${failures[0]}${counted}` };
}

;// CONCATENATED MODULE: ./actions/health-gate/src/checks/http.ts
// The http check: one request, then everything that makes a response healthy: the status, JSON assertions on
// the body, a body regex, a latency ceiling, and the application/health+json verdict with its warn policy.








// Checks are immutable once configured and probed every interval; compiling once per check object is enough.
const compiled = new WeakMap();
function compile(check) {
    let entry = compiled.get(check);
    if (!entry) {
        entry = {
            matchesStatus: (0,status_match/* parseStatusMatcher */.W)(check.expectStatus),
            expected: (0,status_match/* describeStatusMatcher */.c)(check.expectStatus),
            assertions: check.json.map(parseJsonAssertion),
            ...(check.bodyRegex === undefined ? {} : { bodyRegex: new RegExp(check.bodyRegex) })
        };
        compiled.set(check, entry);
    }
    return entry;
}
const HEALTH_JSON = 'application/health+json';
const HEALTH_STATUSES = {
    pass: 'pass',
    ok: 'pass',
    up: 'pass',
    warn: 'warn',
    fail: 'fail',
    error: 'fail',
    down: 'fail'
};
const MAX_OUTPUT = 100;
function clip(text, max) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Reads an application/health+json document (draft-inadarei-api-health-check). */
function readHealth(document) {
    if (!isRecord(document))
        return { details: [] };
    const reported = typeof document['status'] === 'string' ? document['status'] : undefined;
    const status = reported === undefined ? undefined : HEALTH_STATUSES[reported.trim().toLowerCase()];
    const details = [];
    if (isRecord(document['checks'])) {
        for (const [key, value] of Object.entries(document['checks'])) {
            // The draft says arrays; some services send a single object, which is read the same way.
            const entries = Array.isArray(value) ? value : [value];
            for (const entry of entries) {
                if (!isRecord(entry) || typeof entry['status'] !== 'string')
                    continue;
                const entryStatus = HEALTH_STATUSES[entry['status'].trim().toLowerCase()];
                if (entryStatus === 'pass')
                    continue;
                const id = entries.length > 1 && typeof entry['componentId'] === 'string' ? `[${entry['componentId']}]` : '';
                const output = typeof entry['output'] === 'string' && entry['output'] !== ''
                    ? ` (${clip(entry['output'], MAX_OUTPUT)})`
                    : '';
                details.push(`${key}${id}: ${entry['status']}${output}`);
            }
        }
    }
    return { ...(status ? { status } : {}), ...(reported === undefined ? {} : { reported }), details };
}
function mediaType(contentType) {
    const type = contentType?.split(';')[0]?.trim().toLowerCase();
    return type === '' ? undefined : type;
}
function parseBody(body, contentType) {
    const shown = contentType ? `content-type ${contentType}` : 'no content-type';
    if (body.trim() === '')
        return { ok: false, reason: `body is empty (${shown})` };
    try {
        return { ok: true, value: JSON.parse(body) };
    }
    catch {
        return { ok: false, reason: `body is not JSON (${shown})` };
    }
}
const probeHttp = async (check, context) => {
    const { matchesStatus, expected, assertions, bodyRegex } = compile(check);
    const response = await (0,http_transport/* sendRequest */.w$)({
        url: check.url,
        method: check.method,
        headers: check.headers,
        ...(check.body === undefined ? {} : { body: check.body }),
        tls: check.tls,
        followRedirects: check.followRedirects,
        signal: context.signal,
        ...(check.secretHeaders ? { secretHeaders: check.secretHeaders } : {}),
        ...(context.secrets ? { secrets: context.secrets } : {})
    });
    const latencyMs = Math.round(response.latencyMs);
    const contentType = mediaType(response.headers['content-type']);
    const failures = [];
    const warnings = [];
    const notes = [];
    if (!matchesStatus(response.status)) {
        const location = response.headers['location'];
        const redirect = location && response.status >= 300 && response.status < 400 && !check.followRedirects
            ? ` (redirect to ${(0,redact/* redactUrl */.BO)(location)}, not followed)`
            : '';
        failures.push(`status ${response.status}, expected ${expected}${redirect}`);
    }
    const isHealth = contentType === HEALTH_JSON;
    const parsed = assertions.length > 0 || isHealth ? parseBody(response.body, contentType) : undefined;
    let healthStatus;
    if (isHealth && parsed) {
        if (!parsed.ok) {
            failures.push(`health: ${parsed.reason}`);
        }
        else {
            const health = readHealth(parsed.value);
            healthStatus = health.status;
            const details = health.details.length > 0 ? `: ${health.details.join(', ')}` : '';
            if (health.status === undefined) {
                failures.push(health.reported === undefined
                    ? 'health: the document has no status'
                    : `health: unknown status ${JSON.stringify(health.reported)}`);
            }
            else if (health.status === 'fail') {
                failures.push(`health ${health.reported}${details}`);
            }
            else if (health.status === 'warn') {
                const text = `health ${health.reported}${details}`;
                if (check.warnAs === 'fail')
                    failures.push(`${text} (warn counts as fail)`);
                else if (check.warnAs === 'warn')
                    warnings.push(text);
                else
                    notes.push(`${text} (warn counts as pass)`);
            }
            else {
                notes.push(`health ${health.reported}`);
            }
        }
    }
    if (assertions.length > 0 && parsed) {
        // One line for all assertions: repeating "not JSON" per assertion would only bury the other findings.
        if (!parsed.ok)
            failures.push(parsed.reason);
        else {
            for (const assertion of assertions) {
                const result = evaluate(assertion, parsed.value);
                if (!result.ok)
                    failures.push(result.message);
            }
        }
    }
    if (bodyRegex && !bodyRegex.test(response.body)) {
        failures.push(`body does not match /${check.bodyRegex}/`);
    }
    if (check.maxLatency !== undefined && response.latencyMs > check.maxLatency) {
        failures.push(`latency ${latencyMs} ms over ${check.maxLatency} ms`);
    }
    const status = failures.length > 0 ? 'fail' : warnings.length > 0 ? 'warn' : 'pass';
    const redirects = response.redirects.length;
    const head = `HTTP ${response.status} in ${latencyMs} ms${redirects > 0 ? ` after ${redirects} redirect${redirects === 1 ? '' : 's'}` : ''}`;
    const message = [head, ...failures, ...warnings, ...notes].join('; ');
    return {
        status,
        // A service may echo the request (URL, headers) in its body or Location; its credentials stay out.
        message: (0,redact/* redact */.E$)(message, [...(0,redact/* urlSecrets */.Fn)(check.url), ...(context.secrets ?? [])]),
        observed: {
            status: response.status,
            latencyMs,
            ...(healthStatus ? { healthStatus } : {}),
            ...(redirects > 0 ? { redirects: response.redirects } : {})
        }
    };
};
const httpCheck = defineCheckKind({
    type: 'http',
    keys: {
        url: { kind: 'string', required: true, description: 'URL to request.' },
        method: { kind: 'string', description: 'HTTP method (default GET).' },
        headers: config_keys/* HEADERS_KEY */.tS,
        'secret-headers': config_keys/* SECRET_HEADERS_KEY */.WI,
        body: { kind: 'string', description: 'Request body.' },
        'expect-status': { kind: 'string', description: 'Accepted statuses: 2xx, 200, 200-299, 200,204 (default 2xx).' },
        json: {
            kind: 'string-list',
            description: 'JSON assertions on the body, e.g. $.status == "pass", $.items.length > 0, $.version =~ /^v2/.'
        },
        'body-regex': { kind: 'string', description: 'Regular expression the body must match.' },
        'max-latency': { kind: 'duration', description: 'Slowest acceptable response.' },
        tls: config_keys/* TLS_KEY */.Ms,
        'follow-redirects': { kind: 'boolean', description: 'Follow redirects (default false).' },
        'warn-as': {
            kind: 'enum',
            values: ['pass', 'warn', 'fail'],
            description: 'How an application/health+json "warn" counts (default warn).'
        }
    },
    parse({ read: r, where, base, url, secretHeaders }) {
        const headers = r.stringMap('headers');
        const secretHeaderList = secretHeaders(headers);
        const json = r.stringList('json');
        for (const assertion of json) {
            try {
                parseJsonAssertion(assertion);
            }
            catch (e) {
                throw new errors/* ConfigurationError */.j1(`${where}: "json": ${e.message}`);
            }
        }
        const bodyRegex = r.string('body-regex');
        if (bodyRegex !== undefined) {
            try {
                new RegExp(bodyRegex);
            }
            catch (e) {
                throw new errors/* ConfigurationError */.j1(`${where}: "body-regex": ${e.message}`);
            }
        }
        return {
            ...base,
            type: 'http',
            url: url(),
            method: (r.string('method') ?? 'GET').toUpperCase(),
            headers,
            secretHeaders: secretHeaderList,
            body: r.string('body'),
            expectStatus: (0,config_reader/* validateStatus */.d_)(r.string('expect-status') ?? '2xx', where),
            json,
            bodyRegex,
            maxLatency: r.duration('max-latency'),
            tls: r.tls('tls'),
            followRedirects: r.boolean('follow-redirects') ?? false,
            warnAs: r.enumValue('warn-as', ['pass', 'warn', 'fail']) ?? 'warn'
        };
    },
    target: (check) => check.url,
    probe: probeHttp
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
// EXTERNAL MODULE: ./shared/src/lib/text.ts
var lib_text = __webpack_require__(33588);
// EXTERNAL MODULE: ./shared/src/lib/migration-frameworks.ts
var migration_frameworks = __webpack_require__(4597);
;// CONCATENATED MODULE: ./actions/health-gate/src/checks/migrations.ts
// "Migrations applied": compares what a migration tool recorded in its table with the migration files the
// deployment ships. Each tool names files and records runs differently; this module knows the common ones
// (the table layouts below) and falls back to matching ids against file names for any other table.
//
// The pure part (file names -> ids, table rows -> applied state, the comparison) is separate from the SQL
// part (finding the table and reading it) so that every tool's rules can be tested without a database.





/** The tables looked for when none is configured, in the order they are tried. */
const KNOWN_TABLES = [
    'flyway_schema_history',
    'schema_migrations',
    '_prisma_migrations',
    'knex_migrations',
    'goose_db_version',
    '_sqlx_migrations'
];
// ---------------------------------------------------------------------------------------------------------
// Versions

// ---------------------------------------------------------------------------------------------------------
// Files
// golang-migrate: <version>_<title>.up.<ext> (and a .down twin that is never recorded).
const GOLANG_MIGRATE_FILE = /^(\d+)_.*\.up\.[^.]+$/;
// dbmate (<version>_x.sql), Rails (<timestamp>_x.rb), Ecto (<timestamp>_x.exs).
const VERSIONS_FILE = /^(\d+)(?:[_-].*)?\.(sql|rb|exs)$/;
const GOOSE_FILE = /^(\d+)_.*\.(?:sql|go)$/;
// sqlx: <version>_<description>.sql, or .up.sql/.down.sql for reversible migrations.
const SQLX_FILE = /^(\d+)_.*\.sql$/;
const KNEX_EXTENSIONS = /\.(?:js|cjs|mjs|ts|cts|mts|coffee|litcoffee|ls|eg|iced|co)$/;
const TYPE_DECLARATION = /\.d\.[cm]?ts$/;
// Files that live beside migrations without being ones (checked only for custom tables).
const NOT_A_MIGRATION = /^(?:readme|license|changelog)(?:\.|$)|\.(?:md|txt|json|toml|ya?ml|conf|lock|map)$/i;
/**
 * The version a Flyway file name declares, or undefined for anything that is not a versioned migration: R__
 * (repeatable), U (undo) and B (baseline) files never appear as versioned migrations in the table.
 */
function flywayVersion(fileName) {
    const file = (0,migration_frameworks/* flywayFile */.f8)(fileName);
    return file?.kind === 'versioned' ? file.version : undefined;
}
/**
 * The id a tool records for a migration file (normalised), or undefined when the tool would not run the file
 * as a migration. `relativePath` uses `/` separators; only Flyway looks into subdirectories.
 */
function migrationFileId(layout, relativePath) {
    const fileName = relativePath.slice(relativePath.lastIndexOf('/') + 1);
    switch (layout) {
        case 'flyway':
            return flywayVersion(fileName);
        case 'golang-migrate': {
            const match = GOLANG_MIGRATE_FILE.exec(fileName);
            return match ? (0,migration_frameworks/* versionKey */._5)(match[1]) : undefined;
        }
        case 'versions': {
            if ((0,migration_frameworks/* isDownFile */.Fp)(fileName))
                return undefined;
            const match = VERSIONS_FILE.exec(fileName);
            return match ? (0,migration_frameworks/* versionKey */._5)(match[1]) : undefined;
        }
        case 'goose': {
            if (fileName.endsWith('_test.go'))
                return undefined;
            const match = GOOSE_FILE.exec(fileName);
            return match ? (0,migration_frameworks/* versionKey */._5)(match[1]) : undefined;
        }
        case 'sqlx': {
            if ((0,migration_frameworks/* isDownFile */.Fp)(fileName))
                return undefined;
            const match = SQLX_FILE.exec(fileName);
            return match ? (0,migration_frameworks/* versionKey */._5)(match[1]) : undefined;
        }
        case 'knex':
            return KNEX_EXTENSIONS.test(fileName) && !TYPE_DECLARATION.test(fileName) ? fileName : undefined;
    }
}
/** Every id a custom table might hold for a file: its name, its name without extension, its version. */
function customFileIds(fileName) {
    const ids = new Set([fileName]);
    const withoutExtension = fileName.replace(/\.[^.]+$/, '');
    ids.add(withoutExtension);
    ids.add(withoutExtension.replace(/\.up$/, ''));
    const flyway = flywayVersion(fileName);
    if (flyway !== undefined)
        ids.add(flyway);
    const numeric = /^(\d+)(?:[_.-]|$)/.exec(fileName);
    if (numeric)
        ids.add((0,migration_frameworks/* versionKey */._5)(numeric[1]));
    return [...ids];
}
function isVisibleEntry(name) {
    return !name.startsWith('.');
}
function walkFiles(dir, recursive, prefix = '') {
    const found = [];
    for (const entry of external_node_fs_default().readdirSync(dir, { withFileTypes: true })) {
        if (!isVisibleEntry(entry.name))
            continue;
        const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        if (entry.isDirectory()) {
            if (recursive)
                found.push(...walkFiles(external_node_path_default().join(dir, entry.name), true, relative));
        }
        else if (entry.isFile() || entry.isSymbolicLink()) {
            found.push(relative);
        }
    }
    return found;
}
function sortFiles(files, byVersion) {
    return files.sort((a, b) => {
        const order = byVersion ? (0,migration_frameworks/* compareVersionKeys */.oz)(a.ids[0], b.ids[0]) : 0;
        return order !== 0 ? order : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
}
/** Resolves the migrations dir against `cwd`; a missing or non-directory path is the user's to fix. */
function resolveMigrationsDir(dir, cwd) {
    const resolved = external_node_path_default().resolve(cwd, dir);
    let stat;
    try {
        stat = external_node_fs_default().statSync(resolved);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`migrations directory not found: ${dir} (resolved to ${resolved})`);
    }
    if (!stat.isDirectory())
        throw new errors/* ConfigurationError */.j1(`migrations.dir is not a directory: ${dir}`);
    return resolved;
}
/** The migration files in `dir` as the tool with this table layout sees them, in migration order. */
function listMigrationFiles(dir, layout) {
    if (layout === 'prisma') {
        const files = [];
        for (const entry of external_node_fs_default().readdirSync(dir, { withFileTypes: true })) {
            if (entry.isDirectory() &&
                isVisibleEntry(entry.name) &&
                external_node_fs_default().existsSync(external_node_path_default().join(dir, entry.name, 'migration.sql'))) {
                files.push({ name: entry.name, ids: [entry.name] });
            }
        }
        return sortFiles(files, false);
    }
    if (layout === 'custom') {
        const files = [];
        for (const entry of external_node_fs_default().readdirSync(dir, { withFileTypes: true })) {
            const name = entry.name;
            if (!isVisibleEntry(name) || NOT_A_MIGRATION.test(name) || (0,migration_frameworks/* isDownFile */.Fp)(name))
                continue;
            const flyway = (0,migration_frameworks/* flywayFile */.f8)(name);
            if (flyway && flyway.kind !== 'versioned')
                continue;
            // A directory per migration (Prisma-style) is known by its name.
            if (entry.isDirectory())
                files.push({ name, ids: [name] });
            else
                files.push({ name, ids: customFileIds(name) });
        }
        return sortFiles(files, false);
    }
    const files = [];
    for (const relative of walkFiles(dir, layout === 'flyway')) {
        const id = migrationFileId(layout, relative);
        if (id !== undefined)
            files.push({ name: relative, ids: [id] });
    }
    return sortFiles(files, layout !== 'knex');
}
// ---------------------------------------------------------------------------------------------------------
// Comparison
/** Which files are applied, missing or failed, given what the table records. */
function compareMigrations(files, state) {
    const byKey = new Map();
    for (const entry of state.entries) {
        for (const key of entry.keys) {
            const list = byKey.get(key);
            if (list)
                list.push(entry);
            else
                byKey.set(key, [entry]);
        }
    }
    const matched = new Set();
    const missing = [];
    const failed = [];
    let applied = 0;
    for (const file of files) {
        const entries = file.ids.flatMap((id) => byKey.get(id) ?? []);
        for (const entry of entries)
            matched.add(entry);
        if (entries.some((entry) => !entry.failed)) {
            applied++;
        }
        else if (entries.length > 0) {
            failed.push(file.name);
        }
        else if (state.appliedThrough !== undefined && (0,migration_frameworks/* compareVersionKeys */.oz)(file.ids[0], state.appliedThrough) <= 0) {
            applied++;
        }
        else {
            missing.push(file.name);
        }
    }
    const unknown = [];
    for (const entry of state.entries) {
        if (matched.has(entry))
            continue;
        if (entry.failed)
            failed.push(entry.label);
        else
            unknown.push(entry.label);
    }
    return { missing, failed, unknown, applied, files: files.length };
}
function migrations_text(value) {
    return value === null || value === undefined ? '' : (0,lib_text/* textOf */.b)(value);
}
function truthy(value) {
    return value === true || value === 't' || value === 'true' || value === 1;
}
/** flyway_schema_history rows ordered by installed_rank: the last row for a version decides its state. */
function flywayState(rows) {
    const versioned = new Map();
    const repeatable = new Map();
    let baseline;
    for (const row of rows) {
        const type = migrations_text(row.type).toUpperCase();
        if (type === 'SCHEMA')
            continue;
        if (row.version === null || row.version === undefined || migrations_text(row.version) === '') {
            repeatable.set(migrations_text(row.script), row);
            continue;
        }
        const key = (0,migration_frameworks/* versionKey */._5)(migrations_text(row.version));
        if (type === 'BASELINE') {
            if (baseline === undefined || (0,migration_frameworks/* compareVersionKeys */.oz)(key, baseline) > 0)
                baseline = key;
            continue;
        }
        versioned.set(key, row);
    }
    const entries = [];
    for (const [key, row] of versioned) {
        const type = migrations_text(row.type).toUpperCase();
        // An undo or a `repair`-deleted record leaves the version unapplied.
        if (type === 'DELETE' || type.startsWith('UNDO'))
            continue;
        entries.push({
            keys: [key],
            label: migrations_text(row.script) || `version ${migrations_text(row.version)}`,
            failed: !truthy(row.success)
        });
    }
    for (const [script, row] of repeatable) {
        const type = migrations_text(row.type).toUpperCase();
        if (type === 'DELETE' || truthy(row.success))
            continue;
        entries.push({ keys: [], label: script, failed: true });
    }
    return { entries, appliedThrough: baseline };
}
/** golang-migrate keeps one row: the latest version, dirty when that migration failed half-way. */
function golangMigrateState(rows) {
    let latest;
    for (const row of rows) {
        const version = migrations_text(row.version);
        if (!/^\d+$/.test(version))
            continue;
        const key = (0,migration_frameworks/* versionKey */._5)(version);
        if (!latest || (0,migration_frameworks/* compareVersionKeys */.oz)(key, latest.key) > 0)
            latest = { key, version, dirty: truthy(row.dirty) };
    }
    if (!latest)
        return { entries: [] };
    return {
        entries: [
            { keys: [latest.key], label: `version ${latest.version}${latest.dirty ? ' (dirty)' : ''}`, failed: latest.dirty }
        ],
        appliedThrough: latest.key
    };
}
/** One row per applied version (dbmate, Rails, Ecto's schema_migrations; sqlx and custom tables alike). */
function versionSetState(rows, column = 'version', failedColumn) {
    return {
        entries: rows.map((row) => {
            const value = migrations_text(row[column]);
            return {
                keys: [...new Set([value, (0,migration_frameworks/* versionKey */._5)(value)])],
                label: value,
                failed: failedColumn === undefined ? false : !truthy(row[failedColumn])
            };
        })
    };
}
/**
 * _prisma_migrations may hold several rows per migration (a failed try, then a successful one): a migration
 * is applied when one row finished and was not rolled back; otherwise its last try failed or was rolled back.
 */
function prismaState(rows) {
    const byName = new Map();
    for (const row of rows) {
        const name = migrations_text(row.migration_name);
        const applied = row.finished_at !== null && row.finished_at !== undefined && (row.rolled_back_at ?? null) === null;
        const current = byName.get(name);
        if (current)
            current.applied ||= applied;
        else
            byName.set(name, { applied });
    }
    return {
        entries: [...byName].map(([name, { applied }]) => ({ keys: [name], label: name, failed: !applied }))
    };
}
/** goose_db_version is a log (rows ordered by id): the latest row for a version says whether it is applied. */
function gooseState(rows) {
    const latest = new Map();
    for (const row of rows) {
        const version = migrations_text(row.version_id);
        // Goose's own bookkeeping row.
        if (version === '0')
            continue;
        latest.set((0,migration_frameworks/* versionKey */._5)(version), truthy(row.is_applied));
    }
    const entries = [];
    for (const [key, applied] of latest) {
        if (applied)
            entries.push({ keys: [key], label: `version ${key}`, failed: false });
    }
    return { entries };
}
/** Which layout a table has, from its column names (and the version column's type). */
function layoutFromColumns(columns) {
    const has = (...names) => names.every((name) => columns.has(name));
    if (has('installed_rank', 'version', 'script', 'success'))
        return 'flyway';
    if (has('migration_name', 'finished_at', 'rolled_back_at'))
        return 'prisma';
    if (has('version_id', 'is_applied'))
        return 'goose';
    if (has('version', 'dirty'))
        return 'golang-migrate';
    if (has('version', 'success'))
        return 'sqlx';
    if (has('version'))
        return 'versions';
    if (has('name'))
        return 'knex';
    return undefined;
}
function frameworkName(layout, files) {
    if (layout !== 'versions')
        return layout;
    const extensions = new Set(files.map((file) => file.name.slice(file.name.lastIndexOf('.') + 1)));
    if (extensions.has('rb'))
        return 'rails';
    if (extensions.has('exs'))
        return 'ecto';
    if (extensions.has('sql'))
        return 'dbmate';
    // Without files the bare version table could belong to any of them.
    return 'dbmate/Rails/Ecto';
}
// ---------------------------------------------------------------------------------------------------------
// SQL
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
async function resolveTable(db, table) {
    const { rows } = await db.query(`SELECT c.oid::regclass::text AS relation, n.nspname AS schema, c.relname AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.oid = pg_catalog.to_regclass($1)`, [table]);
    const row = rows[0];
    return row ? { relation: migrations_text(row.relation), schema: migrations_text(row.schema), name: migrations_text(row.name) } : undefined;
}
/** The known tables present in any schema, in KNOWN_TABLES order, those on the search path first. */
async function findKnownTables(db) {
    const { rows } = await db.query(`SELECT c.oid::regclass::text AS relation, n.nspname AS schema, c.relname AS name,
            pg_catalog.pg_table_is_visible(c.oid) AS visible
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
      ORDER BY array_position($1::text[], c.relname::text), pg_catalog.pg_table_is_visible(c.oid) DESC, n.nspname`, [[...KNOWN_TABLES]]);
    return rows.map((row) => ({
        relation: migrations_text(row.relation),
        schema: migrations_text(row.schema),
        name: migrations_text(row.name),
        visible: truthy(row.visible)
    }));
}
async function tableColumns(db, table) {
    const { rows } = await db.query(`SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`, [table.schema, table.name]);
    return new Map(rows.map((row) => [migrations_text(row.column_name), migrations_text(row.data_type)]));
}
/** Reads the table's rows and turns them into the applied state for its layout. */
async function readAppliedState(db, relation, layout, column) {
    const select = async (sql) => (await db.query(sql)).rows;
    switch (layout) {
        case 'flyway':
            return flywayState(await select(`SELECT version, script, type, success FROM ${relation} ORDER BY installed_rank`));
        case 'golang-migrate':
            return golangMigrateState(await select(`SELECT version::text AS version, dirty FROM ${relation}`));
        case 'versions':
            return versionSetState(await select(`SELECT version::text AS version FROM ${relation}`));
        case 'sqlx':
            return versionSetState(await select(`SELECT version::text AS version, success FROM ${relation}`), 'version', 'success');
        case 'prisma':
            return prismaState(await select(`SELECT migration_name, finished_at, rolled_back_at FROM ${relation} ORDER BY started_at`));
        case 'knex':
            return versionSetState(await select(`SELECT name FROM ${relation}`), 'name');
        case 'goose':
            return gooseState(await select(`SELECT version_id::text AS version_id, is_applied FROM ${relation} ORDER BY id`));
        case 'custom':
            return versionSetState(await select(`SELECT ${quoteIdent(column ?? 'version')}::text AS id FROM ${relation} WHERE ${quoteIdent(column ?? 'version')} IS NOT NULL`), 'id');
    }
}
const EXAMPLE_NAMES = {
    flyway: 'V1__init.sql',
    'golang-migrate': '000001_init.up.sql',
    versions: '20240101120000_init.sql',
    prisma: '20240101120000_init/migration.sql',
    knex: '20240101120000_init.js',
    goose: '00001_init.sql',
    sqlx: '20240101120000_init.sql',
    custom: 'any file name'
};
function describeLayoutFailure(table, columns) {
    const names = [...columns.keys()].join(', ') || 'none visible';
    return new errors/* ConfigurationError */.j1(`cannot tell which migration tool writes ${table} (columns: ${names}); set migrations.column to the column ` +
        'holding the version or name');
}
/**
 * Compares the migrations table with the files in `expectation.dir` (resolved against `cwd`). Resolves with
 * found: false when there is no table to read; throws ConfigurationError for a missing dir or an unusable
 * table setting.
 */
async function checkMigrations(db, expectation, cwd) {
    const dir = resolveMigrationsDir(expectation.dir, cwd);
    let candidates;
    if (expectation.table) {
        const table = await resolveTable(db, expectation.table);
        if (!table)
            return { found: false, message: `migrations table ${expectation.table} not found` };
        candidates = [table];
    }
    else {
        const known = await findKnownTables(db);
        if (known.length === 0) {
            return { found: false, message: `no migrations table found (looked for ${KNOWN_TABLES.join(', ')})` };
        }
        // Tables on the connection's search path are the application's; other schemas are looked at only when
        // none is (a tool configured with its own schema, say).
        const visible = known.filter((table) => table.visible);
        const pool = visible.length > 0 ? visible : known;
        candidates = [];
        for (const name of KNOWN_TABLES) {
            const matches = pool.filter((table) => table.name === name);
            if (matches.length > 1) {
                throw new errors/* ConfigurationError */.j1(`${name} exists in several schemas (${matches.map((table) => table.schema).join(', ')}); ` +
                    'set migrations.table to the one to check');
            }
            if (matches[0])
                candidates.push(matches[0]);
        }
    }
    let usable;
    for (const table of candidates) {
        const columns = await tableColumns(db, table);
        let layout;
        if (expectation.column) {
            if (!columns.has(expectation.column)) {
                throw new errors/* ConfigurationError */.j1(`column ${expectation.column} not found in ${table.relation}`);
            }
            layout = 'custom';
        }
        else {
            layout = layoutFromColumns(columns);
            // An unrelated table that merely shares a known name is skipped; one the user named is worth stopping for.
            if (!layout && (expectation.table || candidates.length === 1)) {
                throw describeLayoutFailure(table.relation, columns);
            }
        }
        if (!layout)
            continue;
        const files = listMigrationFiles(dir, layout);
        // With several tools' tables present, the one whose files are in the directory is the one that matters.
        if (files.length > 0) {
            usable = { table, layout, files };
            break;
        }
        usable ??= { table, layout, files };
    }
    if (!usable) {
        return { found: false, message: `no usable migrations table found (looked for ${KNOWN_TABLES.join(', ')})` };
    }
    const { table, layout, files } = usable;
    if (files.length === 0) {
        throw new errors/* ConfigurationError */.j1(`no ${layout === 'custom' ? '' : `${frameworkName(layout, files)} `}migration files in ${expectation.dir} ` +
            `(expected names like ${EXAMPLE_NAMES[layout]}, for table ${table.relation})`);
    }
    const state = await readAppliedState(db, table.relation, layout, expectation.column);
    return {
        found: true,
        report: {
            framework: layout === 'custom' ? 'custom' : frameworkName(layout, files),
            table: table.relation,
            layout,
            ...compareMigrations(files, state)
        }
    };
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
;// CONCATENATED MODULE: ./actions/health-gate/src/checks/tcp.ts
// The `tcp` probe, and the socket helpers the redis and postgres probes share with it: opening a connection
// that gives up promptly when the attempt's signal fires, and turning network errors into short messages.




/** `host:port`, with brackets around an IPv6 literal so the port stays readable. */
function formatTarget(host, port) {
    return external_node_net_default().isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}
/** Milliseconds since `start` (a performance.now() value), to 0.1 ms: loopback connections take well under 1 ms. */
function elapsedMs(start) {
    return Math.round((performance.now() - start) * 10) / 10;
}
/** The system error code of a network error, looking inside the AggregateError of a dual-stack attempt. */
function errorCode(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const code = error.code;
    if (typeof code === 'string' && code !== '')
        return code;
    const inner = error.errors;
    if (Array.isArray(inner)) {
        for (const item of inner) {
            const innerCode = errorCode(item);
            if (innerCode)
                return innerCode;
        }
    }
    return undefined;
}
const TLS_CODE = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_OSSL/;
/** One line that says what went wrong on the network, without the raw error's noise. */
function describeNetworkError(error, host, port) {
    const target = formatTarget(host, port);
    const code = errorCode(error);
    const message = error instanceof Error && error.message !== '' ? error.message : String(error);
    switch (code) {
        case 'ECONNREFUSED':
            return `connection refused (${target})`;
        case 'ENOTFOUND':
            return `cannot resolve host "${host}" (ENOTFOUND)`;
        case 'EAI_AGAIN':
            return `DNS lookup of "${host}" failed temporarily (EAI_AGAIN)`;
        case 'ECONNRESET':
            return `connection reset by ${target}`;
        case 'EPIPE':
            return `connection closed by ${target} while sending (EPIPE)`;
        case 'ETIMEDOUT':
            return `connection to ${target} timed out (ETIMEDOUT)`;
        case 'EHOSTUNREACH':
            return `host unreachable (${target})`;
        case 'ENETUNREACH':
            return `network unreachable (${target})`;
        case 'EADDRNOTAVAIL':
            return `cannot connect to ${target} (EADDRNOTAVAIL)`;
        default:
            if (code && TLS_CODE.test(code))
                return `TLS error with ${target}: ${message} (${code})`;
            return code && !message.includes(code) ? `${message} (${code})` : message;
    }
}
/**
 * The message for an attempt its signal stopped. The signal fires at the attempt's timeout or when the gate
 * ends; in the second case the scheduler discards the attempt, so the timeout is the case worth describing.
 */
function abortedMessage(timeoutMs, doing) {
    return `timed out after ${timeoutMs} ms ${doing}`;
}
/** The attempt's signal fired; `doing` says what was going on ("connecting to db:5432"). */
class AbortedAttemptError extends Error {
    doing;
    name = 'AbortedAttemptError';
    constructor(doing) {
        super(`aborted while ${doing}`);
        this.doing = doing;
    }
}
/**
 * Opens a TCP (or TLS) connection. Resolves once it is usable (after the TLS handshake); rejects with the
 * socket's error, or as soon as the signal fires, and never leaves a half-open socket behind.
 */
function openSocket(options) {
    const { host, port, signal } = options;
    return new Promise((resolve, reject) => {
        if (signal.aborted) {
            reject(new AbortedAttemptError(`connecting to ${formatTarget(host, port)}`));
            return;
        }
        const socket = options.tls
            ? external_node_tls_default().connect({
                host,
                port,
                // SNI must not carry an IP address (RFC 6066); the certificate check still uses `host`.
                servername: external_node_net_default().isIP(host) ? undefined : host,
                ...options.tls
            })
            : external_node_net_default().connect({ host, port });
        const cleanup = () => {
            signal.removeEventListener('abort', onAbort);
            socket.removeListener('error', onError);
            socket.removeListener(options.tls ? 'secureConnect' : 'connect', onConnect);
        };
        const onConnect = () => {
            cleanup();
            resolve(socket);
        };
        const onError = (error) => {
            cleanup();
            socket.destroy();
            reject(error);
        };
        const onAbort = () => {
            cleanup();
            // A late error from the destroyed socket must not become an unhandled 'error' event.
            socket.on('error', () => undefined);
            socket.destroy();
            reject(new AbortedAttemptError(`connecting to ${formatTarget(host, port)}`));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        socket.once('error', onError);
        socket.once(options.tls ? 'secureConnect' : 'connect', onConnect);
    });
}
const probeTcp = async (check, context) => {
    const target = formatTarget(check.host, check.port);
    const start = performance.now();
    let socket;
    try {
        socket = await openSocket({ host: check.host, port: check.port, signal: context.signal });
    }
    catch (error) {
        const message = error instanceof AbortedAttemptError
            ? abortedMessage(context.timeoutMs, error.doing)
            : describeNetworkError(error, check.host, check.port);
        return { status: 'fail', message, observed: { latencyMs: elapsedMs(start) } };
    }
    const latencyMs = elapsedMs(start);
    socket.on('error', () => undefined);
    socket.destroy();
    return { status: 'pass', message: `connected to ${target} in ${latencyMs} ms`, observed: { latencyMs } };
};
const TCP_KEYS = {
    host: { kind: 'string', required: true, description: 'Host name or address.' },
    port: { kind: 'integer', required: true, min: 1, max: 65535, description: 'TCP port.' }
};
const tcpCheck = defineCheckKind({
    type: 'tcp',
    keys: TCP_KEYS,
    parse({ read: r, where, base }) {
        const port = r.integer('port', TCP_KEYS.port);
        if (port === undefined)
            throw new errors/* ConfigurationError */.j1(`${where}: "port" is required`);
        return { ...base, type: 'tcp', host: r.requiredString('host'), port };
    },
    target: (check) => `${check.host}:${check.port}`,
    probe: probeTcp
});

;// CONCATENATED MODULE: ./actions/health-gate/src/checks/postgres.ts
// The `postgres` probe: connect, SELECT 1, optionally run a query with an expected value and check that the
// migrations shipped with the deployment are applied.
//
// node-postgres fills every connection setting the caller leaves empty from PG* environment variables (and
// ~/.pgpass for the password). A gate must test exactly the connection string it was given (a PGPASSWORD on
// the runner must not make a password-less string pass), so the string is parsed here and every setting is
// handed to pg explicitly.











const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
function readPemFile(value, cwd, parameter) {
    const file = external_node_path_default().resolve(cwd, value);
    try {
        return external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`${parameter} file not found or unreadable: ${value}`);
    }
}
function decode(text, what, display) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`malformed percent-encoding in the ${what} of ${display}`);
    }
}
/** The OS user libpq would connect as when the string names none. */
function defaultUser() {
    try {
        return external_node_os_default().userInfo().username || 'postgres';
    }
    catch {
        return 'postgres';
    }
}
/**
 * Parses a libpq URL (postgres:// or postgresql://) with libpq's defaults: port 5432, the OS user, the
 * database named like the user, sslmode prefer. File parameters (sslrootcert...) resolve against `cwd`.
 */
function parsePostgresUrl(connectionString, cwd) {
    const text = connectionString.trim();
    const display = (0,redact/* redactConnectionString */.J0)(text);
    if (!/^postgres(?:ql)?:\/\//i.test(text)) {
        throw new errors/* ConfigurationError */.j1(`a PostgreSQL connection string starts with postgres:// or postgresql://: ${display}`);
    }
    const authority = /^[^:]+:\/\/([^/?#]*)/.exec(text)?.[1] ?? '';
    if (authority.slice(authority.lastIndexOf('@') + 1).includes(',')) {
        throw new errors/* ConfigurationError */.j1(`connection strings with several hosts are not supported: ${display}`);
    }
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`invalid PostgreSQL connection string: ${display}`);
    }
    const params = url.searchParams;
    const hostParam = params.get('host');
    const host = hostParam || decode(url.hostname, 'host', display).replace(/^\[(.*)\]$/, '$1') || 'localhost';
    const portText = params.get('port') || url.port || '5432';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
        throw new errors/* ConfigurationError */.j1(`invalid port "${portText}" in ${display}`);
    }
    const user = params.get('user') || decode(url.username, 'user name', display) || defaultUser();
    const passwordParam = params.get('password');
    const password = passwordParam ?? (url.password === '' ? undefined : decode(url.password, 'password', display));
    const database = params.get('dbname') || decode(url.pathname.replace(/^\//, ''), 'database name', display) || user;
    let sslMode;
    const sslModeParam = params.get('sslmode');
    const sslParam = params.get('ssl');
    if (sslModeParam !== null) {
        // node-postgres' own spelling of "encrypt, but do not verify".
        const mode = sslModeParam === 'no-verify' ? 'require' : sslModeParam;
        if (!SSL_MODES.includes(mode)) {
            throw new errors/* ConfigurationError */.j1(`invalid sslmode "${sslModeParam}" (expected one of ${SSL_MODES.join(', ')})`);
        }
        sslMode = mode;
    }
    else if (sslParam !== null) {
        // node-postgres' `ssl=true` verifies the certificate like sslmode=verify-full.
        sslMode = sslParam === 'true' || sslParam === '1' ? 'verify-full' : 'disable';
    }
    else {
        sslMode = 'prefer';
    }
    const tlsFiles = {};
    const rootCert = params.get('sslrootcert');
    if (rootCert && rootCert !== 'system') {
        tlsFiles.ca = readPemFile(rootCert, cwd, 'sslrootcert');
        // libpq: with a root certificate, require behaves like verify-ca.
        if (sslMode === 'require')
            sslMode = 'verify-ca';
    }
    const cert = params.get('sslcert');
    if (cert)
        tlsFiles.cert = readPemFile(cert, cwd, 'sslcert');
    const key = params.get('sslkey');
    if (key)
        tlsFiles.key = readPemFile(key, cwd, 'sslkey');
    return {
        host,
        port,
        user,
        password,
        database,
        sslMode,
        tls: tlsFiles,
        applicationName: params.get('application_name') || 'ubos-health-gate',
        options: params.get('options') || undefined,
        display
    };
}
/**
 * The values derived from a connection string's password that travel to the server: the password itself
 * (cleartext auth), decoded, and md5(password + user), which md5 authentication accepts in place of the
 * password (its salted digest is computed from it). SCRAM's proofs are per session and never printed.
 * Without a parsable URL there is nothing more than the string-level credentials.
 */
function postgresDerivedSecrets(connectionString) {
    let url;
    try {
        url = new URL(connectionString.trim());
    }
    catch {
        return [];
    }
    const safe = (text) => {
        try {
            return decodeURIComponent(text);
        }
        catch {
            return text;
        }
    };
    const params = url.searchParams;
    const password = params.get('password') ?? (url.password === '' ? undefined : safe(url.password));
    if (password === undefined || password === '')
        return [];
    const user = params.get('user') || safe(url.username) || defaultUser();
    const hash = (0,external_node_crypto_.createHash)('md5')
        .update(password + user, 'utf8')
        .digest('hex');
    return [password, hash, `md5${hash}`];
}
/** What to try, in order: libpq's `prefer` is TLS first, then plain when the server has no TLS. */
function sslAttempts(target) {
    switch (target.sslMode) {
        case 'disable':
        case 'allow':
            return [false];
        case 'prefer':
            return [{ ...target.tls, rejectUnauthorized: false }, false];
        case 'require':
            return [{ ...target.tls, rejectUnauthorized: false }];
        case 'verify-ca':
            return [{ ...target.tls, rejectUnauthorized: true, checkServerIdentity: () => undefined }];
        case 'verify-full':
            return [{ ...target.tls, rejectUnauthorized: true }];
    }
}
class PasswordMissingError extends Error {
    name = 'PasswordMissingError';
}
function createClient(target, ssl, timeoutMs) {
    const config = {
        host: target.host,
        port: target.port,
        user: target.user,
        database: target.database,
        // A function, so that pg never falls back to PGPASSWORD or ~/.pgpass.
        password: () => {
            if (target.password === undefined) {
                throw new PasswordMissingError(`the server asks for a password for user "${target.user}" and the connection string has none`);
            }
            return target.password;
        },
        ssl,
        sslnegotiation: 'postgres',
        application_name: target.applicationName,
        client_encoding: 'utf8',
        connectionTimeoutMillis: Math.max(1, Math.ceil(timeoutMs)),
        keepAlive: false
    };
    const client = new esm/* default.Client */.Ay.Client(config);
    const parameters = client.connectionParameters;
    parameters.options = target.options;
    parameters.replication = undefined;
    parameters.binary = false;
    // A server-side termination after the attempt must not surface as an unhandled 'error' event.
    client.on('error', () => undefined);
    return client;
}
/** Drops the connection at once: pg's end() waits for the server, which may be the thing that hangs. */
function destroyClient(client) {
    client.connection?.stream?.destroy();
}
/** Resolves or rejects with `work`, or rejects with AbortedAttemptError (after `onAbort`) when the signal fires. */
function untilAborted(work, signal, doing, onAbort) {
    return new Promise((resolve, reject) => {
        const abort = () => {
            onAbort();
            reject(new AbortedAttemptError(doing));
        };
        if (signal.aborted) {
            work.catch(() => undefined);
            abort();
            return;
        }
        signal.addEventListener('abort', abort, { once: true });
        work.then((value) => {
            signal.removeEventListener('abort', abort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', abort);
            reject((0,errors/* asError */.zR)(error));
        });
    });
}
function isNoTlsError(error) {
    return error instanceof Error && /does not support SSL/i.test(error.message);
}
async function connect(target, context) {
    const where = target.host.startsWith('/') ? target.host : formatTarget(target.host, target.port);
    const attempts = sslAttempts(target);
    for (let i = 0;; i++) {
        const client = createClient(target, attempts[i], context.timeoutMs);
        try {
            await untilAborted(client.connect(), context.signal, `connecting to ${where}`, () => destroyClient(client));
            return client;
        }
        catch (error) {
            destroyClient(client);
            if (i + 1 < attempts.length && isNoTlsError(error))
                continue;
            throw error;
        }
    }
}
async function postgres_close(client, signal) {
    try {
        await untilAborted(client.end(), signal, 'closing the connection', () => destroyClient(client));
    }
    catch {
        destroyClient(client);
    }
}
// pg's DatabaseError carries the SQLSTATE in `code`, where Node's system errors carry ECONNREFUSED and such.
function isDatabaseError(error) {
    if (!(error instanceof Error) || !('severity' in error))
        return false;
    const code = error.code;
    return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}
function describeError(error, target, timeoutMs, stage) {
    const where = target.host.startsWith('/') ? target.host : formatTarget(target.host, target.port);
    if (error instanceof AbortedAttemptError)
        return abortedMessage(timeoutMs, error.doing);
    if (error instanceof PasswordMissingError)
        return error.message;
    if (isDatabaseError(error)) {
        switch (error.code) {
            case '28P01':
                return `password authentication failed for user "${target.user}"`;
            case '3D000':
                return `database "${target.database}" does not exist`;
            case '57P03':
                return `the server is not accepting connections: ${error.message}`;
            case '53300':
                return `too many connections: ${error.message}`;
            case '57014':
                if (/statement timeout/i.test(error.message))
                    return `statement timed out after ${timeoutMs} ms`;
                break;
        }
        const prefix = stage === 'query' ? 'query failed: ' : stage === 'migrations' ? 'reading the migrations failed: ' : '';
        return `${prefix}${error.message} (SQLSTATE ${error.code})`;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (isNoTlsError(error))
        return `the server at ${where} does not support TLS (sslmode=${target.sslMode})`;
    if (/timeout expired|connection timeout/i.test(message))
        return `timed out after ${timeoutMs} ms connecting to ${where}`;
    if (/Connection terminated/i.test(message)) {
        return stage === 'connect'
            ? `the server at ${where} closed the connection during the handshake`
            : `the server at ${where} closed the connection`;
    }
    if (errorCode(error) !== undefined)
        return describeNetworkError(error, target.host, target.port);
    return message;
}
// Values exactly as the server prints them: "compared as text" means what psql would show.
const RAW_TEXT = { getTypeParser: () => (value) => value };
const BOOL_OID = 16;
function listNames(names, max = 5) {
    if (names.length <= max)
        return names.join(', ');
    return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
function quoteValue(value) {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value);
}
async function runUserQuery(client, query, run) {
    const results = (await run(client.query({ text: query, rowMode: 'array', types: RAW_TEXT })));
    // With several statements pg returns one result each; the last is the one that answers.
    const result = Array.isArray(results) ? results[results.length - 1] : results;
    const row = result?.rows[0];
    if (!result || !row || row.length === 0)
        return { rows: result?.rows.length ?? 0 };
    const raw = row[0];
    if (raw === null || raw === undefined)
        return { rows: result.rows.length, value: null };
    let value = String(raw);
    if (result.fields[0]?.dataTypeID === BOOL_OID)
        value = value === 't' ? 'true' : value === 'f' ? 'false' : value;
    return { rows: result.rows.length, value };
}
function matchesExpected(value, expected) {
    if (value === expected)
        return true;
    // Booleans print as t/f; both spellings are accepted.
    return (value === 'true' && expected === 't') || (value === 'false' && expected === 'f');
}
function migrationsFailure(report) {
    const parts = [];
    if (report.missing.length > 0)
        parts.push(`${report.missing.length} missing (${listNames(report.missing)})`);
    if (report.failed.length > 0)
        parts.push(`${report.failed.length} failed (${listNames(report.failed)})`);
    return `${report.framework} migrations not applied in ${report.table}: ${parts.join(', ')}`;
}
const probePostgres = async (check, context) => {
    if (check.expect !== undefined && check.query === undefined) {
        throw new errors/* ConfigurationError */.j1('"expect" needs a "query" whose first value is compared with it');
    }
    const target = parsePostgresUrl(check.connectionString, context.cwd);
    // A wrong directory is reported as such even while the database is down.
    if (check.migrations)
        resolveMigrationsDir(check.migrations.dir, context.cwd);
    const secrets = [
        target.password ?? '',
        check.connectionString,
        ...postgresDerivedSecrets(check.connectionString),
        ...(context.secrets ?? [])
    ].filter((value) => value !== '');
    const observed = {};
    const start = performance.now();
    let client;
    let stage = 'connect';
    try {
        client = await connect(target, context);
        const connected = client;
        const run = (work) => untilAborted(work, context.signal, 'waiting for the server', () => destroyClient(connected));
        // One round trip: the statement timeout is local to a transaction so that it cannot leak into other
        // sessions through a transaction-pooling PgBouncer.
        stage = 'check';
        const timeout = Math.max(1, Math.ceil(context.timeoutMs));
        const results = (await run(client.query(`BEGIN; SET LOCAL statement_timeout = ${timeout}; ` +
            `SELECT 1 AS one, current_setting('server_version') AS server_version`)));
        const first = results[results.length - 1]?.rows[0];
        const latencyMs = elapsedMs(start);
        observed.latencyMs = latencyMs;
        observed.serverVersion = first?.server_version;
        if (first?.one !== 1) {
            return { status: 'fail', message: 'SELECT 1 did not return 1', observed };
        }
        const version = String(first.server_version ?? '').split(' ')[0];
        const notes = [];
        if (check.query !== undefined) {
            stage = 'query';
            const answer = await runUserQuery(client, check.query, run);
            observed.value = answer.value;
            if (check.expect !== undefined) {
                if (answer.value === undefined) {
                    return { status: 'fail', message: `query returned no rows, expected ${quoteValue(check.expect)}`, observed };
                }
                if (answer.value === null) {
                    return { status: 'fail', message: `query returned NULL, expected ${quoteValue(check.expect)}`, observed };
                }
                if (!matchesExpected(answer.value, check.expect)) {
                    return {
                        status: 'fail',
                        message: `query returned ${quoteValue(answer.value)}, expected ${quoteValue(check.expect)}`,
                        observed
                    };
                }
            }
            notes.push(answer.value === undefined
                ? `query returned ${answer.rows} rows`
                : `query returned ${answer.value === null ? 'NULL' : quoteValue(answer.value)}`);
        }
        if (check.migrations) {
            stage = 'migrations';
            const result = await run(checkMigrations(client, check.migrations, context.cwd));
            if (!result.found)
                return { status: 'fail', message: result.message, observed };
            const { report } = result;
            observed.migrationsTable = report.table;
            observed.migrationsFramework = report.framework;
            observed.missing = report.missing;
            observed.failed = report.failed;
            observed.unknown = report.unknown;
            if (report.missing.length > 0 || report.failed.length > 0) {
                return { status: 'fail', message: migrationsFailure(report), observed };
            }
            const unknown = report.unknown.length > 0 ? ` (${report.unknown.length} recorded without a file)` : '';
            notes.push(`${report.applied} ${report.framework} migrations applied${unknown}`);
        }
        await run(client.query('COMMIT'));
        const suffix = notes.length > 0 ? `; ${notes.join('; ')}` : '';
        return {
            status: 'pass',
            message: `SELECT 1 in ${latencyMs} ms (PostgreSQL ${version})${suffix}`,
            observed
        };
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j1)
            throw error;
        if (observed.latencyMs === undefined)
            observed.latencyMs = elapsedMs(start);
        return {
            status: 'fail',
            message: (0,redact/* redact */.E$)(describeError(error, target, context.timeoutMs, stage), secrets),
            observed
        };
    }
    finally {
        if (client)
            await postgres_close(client, context.signal);
    }
};
const postgresCheck = defineCheckKind({
    type: 'postgres',
    keys: {
        'connection-string': { kind: 'string', required: true, description: 'postgres://user:password@host:port/db URL.' },
        query: { kind: 'string', description: 'A query to run after SELECT 1.' },
        expect: { kind: 'string', description: 'Expected first column of the first row of query, as text.' },
        migrations: {
            kind: 'migrations',
            description: 'Check that the migration files in dir are applied: dir, and optionally table and column (auto-detected).'
        }
    },
    parse({ read: r, where, base, url, secret }) {
        const connectionString = url('connection-string');
        if (!/^postgres(ql)?:\/\//.test(connectionString)) {
            throw new errors/* ConfigurationError */.j1(`${where}: "connection-string" must be a postgres:// or postgresql:// URL`);
        }
        let migrations;
        if (r.has('migrations')) {
            const m = r.value('migrations');
            if (!(0,config_reader/* isMapping */.pi)(m) || typeof m.dir !== 'string' || m.dir.trim() === '') {
                throw new errors/* ConfigurationError */.j1(`${where}: "migrations" must be a mapping with at least "dir"`);
            }
            const unknown = Object.keys(m).filter((k) => !['dir', 'table', 'column'].includes(k));
            if (unknown.length > 0)
                throw new errors/* ConfigurationError */.j1(`${where}: unknown key "migrations.${unknown[0]}"`);
            migrations = {
                dir: m.dir,
                table: typeof m.table === 'string' ? m.table : undefined,
                column: typeof m.column === 'string' ? m.column : undefined
            };
        }
        const query = r.string('query');
        const expect = r.string('expect');
        if (expect !== undefined && query === undefined) {
            throw new errors/* ConfigurationError */.j1(`${where}: "expect" needs a "query"`);
        }
        secret(...postgresDerivedSecrets(connectionString));
        return { ...base, type: 'postgres', connectionString, query, expect, migrations };
    },
    target: (check) => check.connectionString,
    probe: probePostgres
});

;// CONCATENATED MODULE: ./actions/health-gate/src/checks/prometheus.ts
// The prometheus check: one instant query through the HTTP API (/api/v1/query), whose single value must stay
// within min/max, e.g. a 5xx ratio or a p95 latency from histogram_quantile.





/** The instant-query URL for a Prometheus base URL (which may itself sit under a path prefix). */
function queryUrl(base, query) {
    let url;
    try {
        url = new URL(base);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`invalid Prometheus URL "${(0,redact/* redactUrl */.BO)(base)}"`);
    }
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/v1/query`;
    url.searchParams.set('query', query);
    return url.href;
}
/** Prometheus encodes sample values as strings so that NaN and ±Inf survive JSON. */
function parseSampleValue(text) {
    if (typeof text !== 'string')
        return undefined;
    const trimmed = text.trim();
    if (/^[+-]?inf$/i.test(trimmed))
        return trimmed.startsWith('-') ? -Infinity : Infinity;
    if (/^nan$/i.test(trimmed))
        return Number.NaN;
    if (trimmed === '')
        return undefined;
    const value = Number(trimmed);
    return Number.isNaN(value) ? undefined : value;
}
function prometheus_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function formatValue(value) {
    if (Number.isNaN(value))
        return 'NaN';
    if (!Number.isFinite(value))
        return value > 0 ? '+Inf' : '-Inf';
    return String(+value.toPrecision(6));
}
function labels(sample) {
    const metric = prometheus_isRecord(sample) && prometheus_isRecord(sample['metric']) ? sample['metric'] : {};
    const pairs = Object.entries(metric).map(([key, value]) => `${key}=${JSON.stringify(String(value))}`);
    return `{${pairs.join(', ')}}`;
}
function readResult(document) {
    if (!prometheus_isRecord(document))
        return { kind: 'error', message: 'response is not a Prometheus API object' };
    if (document['status'] === 'error') {
        const type = typeof document['errorType'] === 'string' ? document['errorType'] : 'error';
        const error = typeof document['error'] === 'string' ? document['error'] : 'no details';
        return { kind: 'error', message: `query failed: ${type}: ${error}` };
    }
    if (document['status'] !== 'success' || !prometheus_isRecord(document['data'])) {
        return { kind: 'error', message: 'response is not a Prometheus API answer (no status "success" with data)' };
    }
    const { resultType, result } = document['data'];
    if (resultType === 'scalar') {
        const value = Array.isArray(result) ? parseSampleValue(result[1]) : undefined;
        if (value === undefined)
            return { kind: 'error', message: 'scalar result without a readable value' };
        return { kind: 'value', value, resultType };
    }
    if (resultType === 'vector') {
        if (!Array.isArray(result))
            return { kind: 'error', message: 'vector result is not a list' };
        if (result.length === 0)
            return { kind: 'empty', resultType };
        if (result.length > 1) {
            const shown = result.slice(0, 3).map(labels).join(', ');
            const more = result.length > 3 ? ', …' : '';
            return {
                kind: 'error',
                message: `query returned ${result.length} samples, expected exactly 1 (aggregate it, e.g. with sum() or max()): ${shown}${more}`
            };
        }
        const sample = result[0];
        const pair = prometheus_isRecord(sample) ? sample['value'] : undefined;
        const value = Array.isArray(pair) ? parseSampleValue(pair[1]) : undefined;
        if (value === undefined)
            return { kind: 'error', message: 'vector sample without a readable value' };
        return { kind: 'value', value, resultType };
    }
    return {
        kind: 'error',
        message: `result type ${JSON.stringify(resultType)} is not supported; write an instant query that returns a scalar or a single sample`
    };
}
const probePrometheus = async (check, context) => {
    const response = await (0,http_transport/* sendRequest */.w$)({
        url: queryUrl(check.url, check.query),
        method: 'GET',
        headers: { accept: 'application/json', ...check.headers },
        tls: check.tls,
        signal: context.signal,
        ...(check.secretHeaders ? { secretHeaders: check.secretHeaders } : {}),
        ...(context.secrets ? { secrets: context.secrets } : {})
    });
    const latencyMs = Math.round(response.latencyMs);
    const secrets = [...(0,redact/* urlSecrets */.Fn)(check.url), ...(context.secrets ?? [])];
    const safe = (outcome) => ({
        ...outcome,
        message: (0,redact/* redact */.E$)(outcome.message, secrets)
    });
    let document;
    try {
        document = JSON.parse(response.body);
    }
    catch {
        const contentType = response.headers['content-type'] ?? 'no content-type';
        return safe({
            status: 'fail',
            message: `HTTP ${response.status} from the Prometheus API; body is not JSON (content-type ${contentType})`,
            observed: { httpStatus: response.status, latencyMs }
        });
    }
    const reading = readResult(document);
    const observedBase = { httpStatus: response.status, latencyMs };
    if (reading.kind === 'error') {
        return safe({
            status: 'fail',
            message: response.status >= 400 ? `HTTP ${response.status}; ${reading.message}` : reading.message,
            observed: observedBase
        });
    }
    // NaN is what a ratio over zero requests gives (0/0): there is no data, not a good or bad value.
    if (reading.kind === 'empty' || Number.isNaN(reading.value)) {
        const what = reading.kind === 'empty' ? 'no data (empty vector)' : 'NaN (no data, e.g. a ratio over zero requests)';
        return safe({
            status: check.emptyAs,
            message: `query returned ${what}; counted as ${check.emptyAs}`,
            observed: { ...observedBase, resultType: reading.resultType, value: null }
        });
    }
    const { value } = reading;
    const shown = formatValue(value);
    const problems = [];
    if (check.max !== undefined && value > check.max)
        problems.push(`${shown} > max ${check.max}`);
    if (check.min !== undefined && value < check.min)
        problems.push(`${shown} < min ${check.min}`);
    const bounds = [
        ...(check.min === undefined ? [] : [`min ${check.min}`]),
        ...(check.max === undefined ? [] : [`max ${check.max}`])
    ].join(', ');
    const observed = {
        ...observedBase,
        resultType: reading.resultType,
        // JSON has no Infinity; the report keeps Prometheus's own spelling.
        value: Number.isFinite(value) ? value : shown
    };
    if (problems.length > 0) {
        return safe({ status: 'fail', message: `value ${problems.join(', ')}`, observed });
    }
    return safe({ status: 'pass', message: `value ${shown}${bounds ? ` (${bounds})` : ''}`, observed });
};
const prometheusCheck = defineCheckKind({
    type: 'prometheus',
    keys: {
        url: { kind: 'string', required: true, description: 'Prometheus base URL (before /api/v1/query).' },
        query: { kind: 'string', required: true, description: 'PromQL query returning a scalar or one sample.' },
        headers: config_keys/* HEADERS_KEY */.tS,
        'secret-headers': config_keys/* SECRET_HEADERS_KEY */.WI,
        max: { kind: 'number', description: 'Highest acceptable value.' },
        min: { kind: 'number', description: 'Lowest acceptable value.' },
        'empty-as': {
            kind: 'enum',
            values: ['pass', 'warn', 'fail'],
            description: 'How an empty result counts (default fail).'
        },
        tls: config_keys/* TLS_KEY */.Ms
    },
    parse({ read: r, where, base, url, secretHeaders }) {
        const headers = r.stringMap('headers');
        const secretHeaderList = secretHeaders(headers);
        const max = r.number('max');
        const min = r.number('min');
        if (max === undefined && min === undefined) {
            throw new errors/* ConfigurationError */.j1(`${where}: a prometheus check needs "max" or "min"`);
        }
        return {
            ...base,
            type: 'prometheus',
            url: url(),
            query: r.requiredString('query'),
            headers,
            secretHeaders: secretHeaderList,
            max,
            min,
            emptyAs: r.enumValue('empty-as', ['pass', 'warn', 'fail']) ?? 'fail',
            tls: r.tls('tls')
        };
    },
    target: (check) => check.url,
    probe: probePrometheus
});

;// CONCATENATED MODULE: ./actions/health-gate/src/checks/redis-client.ts




const DEFAULT_REDIS_PORT = 6379;
/** Parses redis://[user:pass@]host[:port][/db] (or rediss://); the error message never carries the password. */
function parseRedisUrl(url) {
    let parsed;
    try {
        parsed = new URL(url.trim());
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`invalid Redis URL: ${(0,redact/* redactUrl */.BO)(url)}`);
    }
    const scheme = parsed.protocol.toLowerCase();
    if (scheme !== 'redis:' && scheme !== 'rediss:') {
        throw new errors/* ConfigurationError */.j1(`a Redis URL starts with redis:// or rediss://, not ${scheme}// (${(0,redact/* redactUrl */.BO)(url)})`);
    }
    const host = decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1');
    if (host === '')
        throw new errors/* ConfigurationError */.j1(`the Redis URL has no host: ${(0,redact/* redactUrl */.BO)(url)}`);
    const port = parsed.port === '' ? DEFAULT_REDIS_PORT : Number(parsed.port);
    const dbText = parsed.pathname.replace(/^\//, '') || parsed.searchParams.get('db') || '0';
    if (!/^\d+$/.test(dbText)) {
        throw new errors/* ConfigurationError */.j1(`the Redis URL's database must be a number, not "${dbText}": ${(0,redact/* redactUrl */.BO)(url)}`);
    }
    const username = parsed.username === '' ? undefined : decodeURIComponent(parsed.username);
    const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
    return { host, port, tls: scheme === 'rediss:', username, password, db: Number(dbText) };
}
/** An error reply (`-ERR ...`, `-WRONGPASS ...`); `code` is its first word. */
class RedisReplyError extends Error {
    name = 'RedisReplyError';
    code;
    /** The command that got this reply, upper-cased (never its arguments, which may be a password). */
    command;
    constructor(message) {
        super(message);
        this.code = /^\S+/.exec(message)?.[0] ?? 'ERR';
    }
}
/** The wire form of one command: an array of bulk strings. */
function encodeCommand(args) {
    const parts = [Buffer.from(`*${args.length}\r\n`)];
    for (const arg of args) {
        const data = Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg), 'utf8');
        parts.push(Buffer.from(`$${data.length}\r\n`), data, Buffer.from('\r\n'));
    }
    return Buffer.concat(parts);
}
class RedisProtocolError extends Error {
    name = 'RedisProtocolError';
}
/** The start of what the server sent, its first line only, safe to print. */
function printable(buffer, start) {
    const firstLine = buffer.toString('latin1', start, Math.min(buffer.length, start + 40)).split(/[\r\n]/)[0];
    return firstLine.replace(/[^\x20-\x7e]/g, '.').trim();
}
/** Incremental RESP2 decoder: feed it chunks as they arrive, get back every reply completed so far. */
class RespParser {
    buffer = Buffer.alloc(0);
    feed(chunk) {
        this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
        const replies = [];
        let offset = 0;
        for (;;) {
            const parsed = this.parseAt(offset);
            if (!parsed)
                break;
            replies.push(parsed.value);
            offset = parsed.next;
        }
        this.buffer = this.buffer.subarray(offset);
        return replies;
    }
    parseAt(offset) {
        const buffer = this.buffer;
        if (offset >= buffer.length)
            return undefined;
        const lineEnd = buffer.indexOf('\r\n', offset);
        if (lineEnd < 0) {
            this.checkType(offset);
            return undefined;
        }
        const line = buffer.toString('utf8', offset + 1, lineEnd);
        const afterLine = lineEnd + 2;
        switch (this.checkType(offset)) {
            case '+':
                return { value: line, next: afterLine };
            case '-':
                return { value: new RedisReplyError(line), next: afterLine };
            case ':':
                return { value: this.integer(line), next: afterLine };
            case '$': {
                const length = this.integer(line);
                if (length < 0)
                    return { value: null, next: afterLine };
                if (buffer.length < afterLine + length + 2)
                    return undefined;
                return { value: buffer.toString('utf8', afterLine, afterLine + length), next: afterLine + length + 2 };
            }
            default: {
                const count = this.integer(line);
                if (count < 0)
                    return { value: null, next: afterLine };
                const items = [];
                let next = afterLine;
                for (let i = 0; i < count; i++) {
                    const item = this.parseAt(next);
                    if (!item)
                        return undefined;
                    items.push(item.value);
                    next = item.next;
                }
                return { value: items, next };
            }
        }
    }
    // Checked as soon as the first byte is in, so a non-Redis server (an HTTP port, say) is reported at once
    // instead of waiting for a line end that may never come.
    checkType(offset) {
        const type = String.fromCharCode(this.buffer[offset]);
        if (type === '+' || type === '-' || type === ':' || type === '$' || type === '*')
            return type;
        throw new RedisProtocolError(`not a Redis (RESP2) reply: "${printable(this.buffer, offset)}"`);
    }
    integer(text) {
        if (!/^-?\d+$/.test(text))
            throw new RedisProtocolError(`malformed RESP2 length or integer "${text}"`);
        return Number(text);
    }
}
/** tls.connect options for a TlsOptions: extra CA certificates are trusted on top of the system's. */
function tlsConnectOptions(options) {
    return {
        rejectUnauthorized: !options.insecure,
        ...(options.ca ? { ca: [...(external_node_tls_default()).rootCertificates, options.ca] } : {})
    };
}
class RedisClient {
    socket;
    signal;
    target;
    parser = new RespParser();
    pending = [];
    failure;
    constructor(socket, signal, 
    /** host:port, for messages. */
    target) {
        this.socket = socket;
        this.signal = signal;
        this.target = target;
        socket.on('data', (chunk) => this.onData(chunk));
        socket.on('error', (error) => this.fail(error));
        socket.on('close', () => this.fail(new Error(`connection closed by ${target}`)));
        signal.addEventListener('abort', this.onAbort, { once: true });
    }
    /** Connects, authenticates and selects the URL's database; rejects with the first thing that went wrong. */
    static async connect(options) {
        const endpoint = parseRedisUrl(options.url);
        const password = options.password ?? endpoint.password;
        const socket = await openSocket({
            host: endpoint.host,
            port: endpoint.port,
            signal: options.signal,
            tls: endpoint.tls ? tlsConnectOptions(options.tls) : undefined
        });
        const client = new RedisClient(socket, options.signal, formatTarget(endpoint.host, endpoint.port));
        try {
            if (password !== undefined) {
                const auth = endpoint.username === undefined ? ['AUTH', password] : ['AUTH', endpoint.username, password];
                await client.command(...auth);
            }
            if (endpoint.db !== 0)
                await client.command('SELECT', endpoint.db);
        }
        catch (error) {
            client.close();
            throw error;
        }
        return client;
    }
    /** Sends one command; resolves with its reply, rejects with RedisReplyError on an error reply. */
    command(...args) {
        const name = String(args[0] ?? '').toUpperCase();
        if (this.failure)
            return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            this.pending.push({ command: name, resolve, reject });
            this.socket.write(encodeCommand(args));
        });
    }
    /** Closes the connection at once (a probe has nothing left to say to the server); idempotent. */
    close() {
        this.fail(new Error('connection closed by the client'));
    }
    onAbort = () => {
        const waitingFor = this.pending[0]?.command ?? 'a reply';
        this.fail(new AbortedAttemptError(`waiting for ${waitingFor} from ${this.target}`));
    };
    onData(chunk) {
        let replies;
        try {
            replies = this.parser.feed(chunk);
        }
        catch (error) {
            this.fail(error);
            return;
        }
        for (const reply of replies) {
            const waiting = this.pending.shift();
            if (!waiting) {
                this.fail(new RedisProtocolError('the server sent a reply nobody asked for'));
                return;
            }
            if (reply instanceof RedisReplyError) {
                reply.command = waiting.command;
                waiting.reject(reply);
            }
            else {
                waiting.resolve(reply);
            }
        }
    }
    fail(error) {
        if (!this.failure) {
            this.failure = error;
            this.signal.removeEventListener('abort', this.onAbort);
            this.socket.destroy();
        }
        for (const waiting of this.pending.splice(0))
            waiting.reject(this.failure);
    }
}

;// CONCATENATED MODULE: ./actions/health-gate/src/checks/redis.ts
// The `redis` probe: connect (TLS for rediss://), authenticate, PING, and optionally check the replication role.






function showReply(reply) {
    if (reply === null)
        return 'nil';
    if (Array.isArray(reply))
        return `an array of ${reply.length}`;
    const text = String(reply);
    return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
}
/** ROLE names a replica `slave` (and some forks `replica`); the check speaks of replicas. */
function normaliseRole(role) {
    const lower = role.toLowerCase();
    return lower === 'slave' ? 'replica' : lower;
}
function describeReplyError(error, passwordGiven) {
    const command = error.command ?? 'command';
    switch (error.code) {
        case 'NOAUTH':
            return passwordGiven
                ? `authentication required (NOAUTH): ${command} was refused`
                : 'authentication required (NOAUTH): the server needs a password and none was given';
        case 'WRONGPASS':
            return 'authentication failed (WRONGPASS): wrong user name or password, or the user is disabled';
        case 'LOADING':
            return 'Redis is still loading its dataset (LOADING)';
        case 'MASTERDOWN':
            return 'the replica has lost its link to the master (MASTERDOWN)';
        default:
            // Redis before 6 answers a bad password with a plain ERR.
            if (command === 'AUTH')
                return `authentication failed: ${error.message}`;
            return `${command} failed: ${error.message}`;
    }
}
const probeRedis = async (check, context) => {
    const endpoint = parseRedisUrl(check.url);
    const password = check.password ?? endpoint.password;
    const secrets = [password, endpoint.password, ...(context.secrets ?? [])].filter((value) => !!value);
    const observed = {};
    const start = performance.now();
    let client;
    try {
        client = await RedisClient.connect({
            url: check.url,
            password: check.password,
            tls: check.tls,
            signal: context.signal
        });
        const pong = await client.command('PING');
        const latencyMs = elapsedMs(start);
        observed.latencyMs = latencyMs;
        if (pong !== 'PONG') {
            return { status: 'fail', message: `PING answered ${showReply(pong)}, expected PONG`, observed };
        }
        let roleNote = '';
        if (check.expectRole) {
            const reply = await client.command('ROLE');
            const first = Array.isArray(reply) ? reply[0] : undefined;
            if (typeof first !== 'string') {
                return { status: 'fail', message: `ROLE answered ${showReply(reply)}, expected a role name`, observed };
            }
            const role = normaliseRole(first);
            observed.role = role;
            if (role !== check.expectRole) {
                return { status: 'fail', message: `role is ${role}, expected ${check.expectRole}`, observed };
            }
            roleNote = `, role ${role}`;
        }
        return { status: 'pass', message: `PONG in ${latencyMs} ms${roleNote}`, observed };
    }
    catch (error) {
        let message;
        if (error instanceof AbortedAttemptError) {
            message = abortedMessage(context.timeoutMs, error.doing);
        }
        else if (error instanceof RedisReplyError) {
            message = describeReplyError(error, password !== undefined);
        }
        else if (error instanceof RedisProtocolError) {
            message = `${formatTarget(endpoint.host, endpoint.port)}: ${error.message}`;
        }
        else {
            message = describeNetworkError(error, endpoint.host, endpoint.port);
        }
        if (observed.latencyMs === undefined)
            observed.latencyMs = elapsedMs(start);
        return { status: 'fail', message: (0,redact/* redact */.E$)(message, secrets), observed };
    }
    finally {
        client?.close();
    }
};
const redisCheck = defineCheckKind({
    type: 'redis',
    keys: {
        url: { kind: 'string', required: true, description: 'redis://[user:password@]host:port[/db] or rediss:// (TLS).' },
        password: { kind: 'string', description: 'Password, overriding the one in the URL.' },
        tls: config_keys/* TLS_KEY */.Ms,
        'expect-role': { kind: 'enum', values: ['master', 'replica'], description: 'Expected replication role.' }
    },
    parse({ read: r, where, base, url, secret }) {
        const redisUrl = url();
        if (!/^rediss?:\/\//.test(redisUrl))
            throw new errors/* ConfigurationError */.j1(`${where}: "url" must be a redis:// or rediss:// URL`);
        const password = r.string('password');
        if (password)
            secret(password);
        return {
            ...base,
            type: 'redis',
            url: redisUrl,
            password,
            tls: r.tls('tls'),
            expectRole: r.enumValue('expect-role', ['master', 'replica'])
        };
    },
    target: (check) => check.url,
    probe: probeRedis
});

;// CONCATENATED MODULE: ./actions/health-gate/src/checks/index.ts






/** The kind of one check, typed for it (the registry's type says each entry is the kind of its key). */
function checks_kindOf(check) {
    return CHECK_KINDS[check.type];
}
const CHECK_KINDS = {
    http: httpCheck,
    postgres: postgresCheck,
    redis: redisCheck,
    tcp: tcpCheck,
    burst: burstCheck,
    prometheus: prometheusCheck
};


/***/ }),

/***/ 92575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ commonKeys),
/* harmony export */   IM: () => (/* binding */ DURATION_LIMITS),
/* harmony export */   Ms: () => (/* binding */ TLS_KEY),
/* harmony export */   Tv: () => (/* binding */ CHECK_TYPES),
/* harmony export */   Uw: () => (/* binding */ TOP_LEVEL_KEYS),
/* harmony export */   WI: () => (/* binding */ SECRET_HEADERS_KEY),
/* harmony export */   k3: () => (/* binding */ TIMING_KEYS),
/* harmony export */   tS: () => (/* binding */ HEADERS_KEY)
/* harmony export */ });
/* unused harmony export ROLES */
const ROLES = ['startup', 'liveness', 'readiness', 'smoke'];
const DAY_MS = 24 * 60 * 60_000;
/**
 * Bounds of every duration key (and of the timing inputs and flags). 24h is far past any job's time limit
 * and well under the 24.8 days Node's timers can hold (MAX_TIMER_MS), so no wait can overflow a timer; the
 * floors keep a gate from spinning (interval) or from failing every attempt at once (timeout).
 */
const DURATION_LIMITS = {
    default: { min: 0, max: DAY_MS },
    interval: { min: 100, max: DAY_MS },
    timeout: { min: 10, max: DAY_MS },
    'request-timeout': { min: 10, max: DAY_MS },
    'initial-delay': { min: 0, max: DAY_MS },
    deadline: { min: 100, max: DAY_MS }
};
const CHECK_TYPES = ['http', 'postgres', 'redis', 'tcp', 'burst', 'prometheus'];
const TIMING_KEYS = {
    interval: {
        kind: 'duration',
        description: 'Time between the starts of two attempts (default 5s; at least 100ms, at most 24h).'
    },
    timeout: {
        kind: 'duration',
        description: 'Budget of one attempt (default 5s; a burst check defaults to at least 60s; 10ms to 24h, not longer than the deadline).'
    },
    'initial-delay': { kind: 'duration', description: 'Wait before the first attempt (default 0s).' },
    'success-threshold': {
        kind: 'integer',
        min: 1,
        max: 1000,
        description: 'Consecutive passing attempts needed (default 1).'
    },
    'failure-threshold': {
        kind: 'integer',
        min: 0,
        max: 1000,
        description: 'Consecutive failures that fail the gate early; 0 waits for the deadline (default 0).'
    }
};
const COMMON_KEYS = {
    name: { kind: 'string', description: 'Unique name of the check (default: type and position).' },
    type: { kind: 'enum', values: CHECK_TYPES, required: true, description: 'What to check.' },
    role: {
        kind: 'enum',
        values: ROLES,
        description: 'startup checks gate all others; liveness, readiness (default) and smoke run after them.'
    },
    ...TIMING_KEYS
};
const TLS_KEY = {
    kind: 'tls',
    description: 'TLS options: ca (path to a PEM file, or PEM text) and insecure (skip verification).'
};
const HEADERS_KEY = { kind: 'string-map', description: 'Request headers.' };
const SECRET_HEADERS_KEY = {
    kind: 'string-list',
    description: 'Headers whose values are masked in the log (Authorization, Cookie, Proxy-Authorization and X-Api-Key always are).'
};
const TOP_LEVEL_KEYS = {
    deadline: { kind: 'duration', description: 'Overall budget of the gate (default 5m; 100ms to 24h).' },
    'public-env': {
        kind: 'string-list',
        description: 'Environment variables whose ${NAME} values are not secret, so they are not masked (the default masks every expanded value). ${NAME:public} marks one reference.'
    },
    defaults: {
        kind: 'string-map',
        description: 'Timing defaults for every check: ' + Object.keys(TIMING_KEYS).join(', ')
    },
    checks: { kind: 'string-list', required: true, description: 'The checks.' }
};
/** The keys every check has: name, type, role and timing. */
function commonKeys() {
    return COMMON_KEYS;
}


/***/ }),

/***/ 47276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d_: () => (/* binding */ validateStatus),
/* harmony export */   pi: () => (/* binding */ isMapping),
/* harmony export */   r_: () => (/* binding */ KeyReader)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_src_lib_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64363);
/* harmony import */ var _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76088);
/* harmony import */ var _config_keys_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92575);
/* harmony import */ var _status_match_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(42978);
// Reads the keys of one mapping of a gate config (a check, or `defaults:`) by kind, so that every mistake is one
// ConfigurationError naming the check and the key. The parser (config.ts) and each check type's own parse
// (checks/*.ts) read through it.





function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Reads one key's value by its spec; `where` names the check and source for the error. */
class KeyReader {
    raw;
    where;
    sources;
    constructor(raw, where, sources) {
        this.raw = raw;
        this.where = where;
        this.sources = sources;
    }
    fail(key, expected) {
        throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${this.where}: "${key}" must be ${expected}; got ${JSON.stringify(this.raw[key])}`);
    }
    has(key) {
        return this.raw[key] !== undefined && this.raw[key] !== null;
    }
    /** The value as written (after expansion), for a key whose shape its check type reads itself. */
    value(key) {
        return this.raw[key];
    }
    string(key) {
        if (!this.has(key))
            return undefined;
        const value = this.raw[key];
        if (typeof value === 'number' || typeof value === 'boolean')
            return String(value);
        if (typeof value !== 'string')
            this.fail(key, 'a string');
        return value;
    }
    requiredString(key) {
        const value = this.string(key);
        if (value === undefined || value.trim() === '')
            throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${this.where}: "${key}" is required`);
        return value.trim();
    }
    duration(key) {
        const value = this.string(key);
        if (value === undefined)
            return undefined;
        try {
            return (0,_shared_src_lib_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(value, _config_keys_js__WEBPACK_IMPORTED_MODULE_3__/* .DURATION_LIMITS */ .IM[key] ?? _config_keys_js__WEBPACK_IMPORTED_MODULE_3__/* .DURATION_LIMITS */ .IM.default);
        }
        catch (e) {
            throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${this.where}: "${key}": ${e.message}`);
        }
    }
    integer(key, spec) {
        if (!this.has(key))
            return undefined;
        const value = Number(this.raw[key]);
        const text = String(this.raw[key]).trim();
        if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(value))
            this.fail(key, 'a whole number');
        if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
            this.fail(key, `between ${spec.min} and ${spec.max}`);
        }
        return value;
    }
    number(key) {
        if (!this.has(key))
            return undefined;
        const value = typeof this.raw[key] === 'number' ? this.raw[key] : Number(String(this.raw[key]));
        if (String(this.raw[key]).trim() === '' || Number.isNaN(value))
            this.fail(key, 'a number');
        return value;
    }
    ratio(key) {
        if (!this.has(key))
            return undefined;
        const text = String(this.raw[key]).trim();
        const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
        const value = percent ? Number(percent[1]) / 100 : Number(text);
        if (text === '' || Number.isNaN(value) || value < 0 || value > 1)
            this.fail(key, 'a ratio like 0.001 or 0.1%');
        return value;
    }
    boolean(key) {
        if (!this.has(key))
            return undefined;
        const value = this.raw[key];
        if (value === true || value === 'true')
            return true;
        if (value === false || value === 'false')
            return false;
        this.fail(key, 'true or false');
    }
    enumValue(key, values) {
        const value = this.string(key);
        if (value === undefined)
            return undefined;
        if (!values.includes(value))
            this.fail(key, `one of ${values.join(', ')}`);
        return value;
    }
    stringList(key) {
        if (!this.has(key))
            return [];
        const value = this.raw[key];
        const list = typeof value === 'string' ? [value] : value;
        if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
            this.fail(key, 'a list of strings');
        }
        return list.map(String);
    }
    stringMap(key) {
        if (!this.has(key))
            return {};
        const value = this.raw[key];
        if (!isMapping(value))
            this.fail(key, 'a mapping of names to strings');
        const entries = Object.entries(value);
        for (const [k, v] of entries) {
            if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
                throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${this.where}: "${key}.${k}" must be a string`);
            }
        }
        return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
    }
    tls(key) {
        if (!this.has(key))
            return { insecure: false };
        const value = this.raw[key];
        if (!isMapping(value))
            this.fail(key, 'a mapping with ca and/or insecure');
        const unknown = Object.keys(value).filter((k) => k !== 'ca' && k !== 'insecure');
        if (unknown.length > 0)
            throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${this.where}: unknown key "${key}.${unknown[0]}"`);
        const insecure = value.insecure === true || value.insecure === 'true';
        let ca;
        if (typeof value.ca === 'string' && value.ca.trim() !== '') {
            if (value.ca.includes('-----BEGIN'))
                ca = value.ca;
            else {
                const path = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(value.ca) ? value.ca : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(this.sources.cwd, value.ca);
                try {
                    ca = this.sources.readFile(path);
                }
                catch {
                    throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${this.where}: "${key}.ca" file ${value.ca} cannot be read`);
                }
            }
        }
        return { ca, insecure };
    }
}
/** An `expect-status` matcher, refused with the check's name when it does not parse. */
function validateStatus(text, where) {
    try {
        (0,_status_match_js__WEBPACK_IMPORTED_MODULE_4__/* .parseStatusMatcher */ .W)(text);
    }
    catch (e) {
        throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${where}: "expect-status": ${e.message}`);
    }
    return text;
}


/***/ }),

/***/ 49020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yj: () => (/* binding */ loadGateConfig)
});

// UNUSED EXPORTS: BUILT_IN_TIMING, DEFAULT_DEADLINE_MS, parseYamlText

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./shared/src/lib/duration.ts
var duration = __webpack_require__(64363);
// EXTERNAL MODULE: ./shared/src/lib/errors.ts
var errors = __webpack_require__(76088);
// EXTERNAL MODULE: ./shared/src/lib/redact.ts
var redact = __webpack_require__(53570);
// EXTERNAL MODULE: ./shared/src/lib/yaml.ts
var yaml = __webpack_require__(88164);
// EXTERNAL MODULE: ./actions/health-gate/src/checks/index.ts + 10 modules
var checks = __webpack_require__(59513);
// EXTERNAL MODULE: ./actions/health-gate/src/config-keys.ts
var config_keys = __webpack_require__(92575);
// EXTERNAL MODULE: ./actions/health-gate/src/config-reader.ts
var config_reader = __webpack_require__(47276);
// EXTERNAL MODULE: ./shared/src/lib/runner-env.ts
var runner_env = __webpack_require__(17515);
;// CONCATENATED MODULE: ./actions/health-gate/src/env-policy.ts
// The gate's ${NAME} policy is the family's: shared/src/lib/runner-env.ts.


;// CONCATENATED MODULE: ./actions/health-gate/src/config.ts
// Turns the action inputs / CLI flags and an optional YAML config into validated, typed checks. Every mistake
// is one ConfigurationError naming the check and the key, so a user never has to read a stack trace. What every
// check has (name, type, role, timing) is read here; each check type reads its own keys (checks/*.ts).









const BUILT_IN_TIMING = {
    interval: 5_000,
    timeout: 5_000,
    initialDelay: 0,
    successThreshold: 1,
    failureThreshold: 0
};
const DEFAULT_DEADLINE_MS = 5 * 60_000;
const ALWAYS_SECRET_HEADERS = ['authorization', 'cookie', 'proxy-authorization', 'x-api-key'];
// The same names the request code treats as sensitive, so what is redacted there is masked here.
const SENSITIVE_HEADER = /auth|token|key|secret|cookie|password|session/i;
/** Levenshtein distance, for "did you mean" on misspelt keys. */
function distance(a, b) {
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
function suggestion(key, known) {
    const best = known.map((k) => ({ k, d: distance(key, k) })).sort((x, y) => x.d - y.d)[0];
    return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best.k}"?)` : '';
}
/** Parses YAML with the line of any syntax error; alias expansion is capped against "billion laughs" input. */
function parseYamlText(text, source) {
    const { doc, lineCounter, value } = (0,yaml.parseYamlDocument)(text, source);
    const list = (0,dist.isSeq)(doc.contents) ? doc.contents : (0,dist.isMap)(doc.contents) ? doc.contents.get('checks', true) : undefined;
    const checkLines = (0,dist.isSeq)(list)
        ? list.items.map((item) => lineCounter.linePos((0,dist.isNode)(item) ? (item.range?.[0] ?? 0) : 0).line)
        : [];
    const references = [];
    (0,dist.visit)(doc, {
        Scalar(key, node) {
            if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('${'))
                return;
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
    env;
    publicNames;
    references;
    secrets;
    constructor(env, publicNames, references, secrets) {
        this.env = env;
        this.publicNames = publicNames;
        this.references = references;
        this.secrets = secrets;
    }
    at(where, token) {
        const line = this.references.find((r) => r.text.includes(token))?.line;
        return line === undefined ? where : `${where}, line ${line}`;
    }
    string(value, where) {
        return value.replace(/\$\$\{|\$\{([^}]*)\}|\$\{/g, (match, inner) => {
            if (match === '$${')
                return '${';
            if (inner === undefined) {
                throw new errors/* ConfigurationError */.j1(`${this.at(where, match)}: unclosed "\${"; write \${NAME}, or $\${ for a literal "\${"`);
            }
            const reference = /^([A-Za-z_][A-Za-z0-9_]*)(:public)?$/.exec(inner);
            if (!reference) {
                throw new errors/* ConfigurationError */.j1(`${this.at(where, match)}: "${match}" is not a variable reference; write \${NAME} or \${NAME:public}, or $\${ for a literal "\${"`);
            }
            const [, name, inlinePublic] = reference;
            if ((0,runner_env/* isRunnerVariable */.R)(name)) {
                throw new errors/* ConfigurationError */.j1(`${this.at(where, match)}: \${${name}} is a runner variable and is never expanded (it may hold a token); ` +
                    'pass the value the check needs through env: under a name of your own');
            }
            const found = this.env[name];
            if (found === undefined) {
                throw new errors/* ConfigurationError */.j1(`${this.at(where, match)}: environment variable ${name} is not set`);
            }
            const isPublic = inlinePublic !== undefined || this.publicNames.has(name) || (0,runner_env/* isPublicRunVariable */.T)(name);
            if (!isPublic && found.trim() !== '')
                this.secrets.push(found);
            return found;
        });
    }
    all(value, where) {
        if (typeof value === 'string')
            return this.string(value, where);
        if (Array.isArray(value))
            return value.map((v) => this.all(v, where));
        if ((0,config_reader/* isMapping */.pi)(value))
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.all(v, where)]));
        return value;
    }
}
function checkKeysFor(type) {
    return { ...(0,config_keys/* commonKeys */.GO)(), ...checks/* CHECK_KINDS */.F[type].keys };
}
function readTiming(reader, defaults) {
    return {
        interval: reader.duration('interval') ?? defaults.interval,
        timeout: reader.duration('timeout') ?? defaults.timeout,
        initialDelay: reader.duration('initial-delay') ?? defaults.initialDelay,
        successThreshold: reader.integer('success-threshold', config_keys/* TIMING_KEYS */.k3['success-threshold']) ?? defaults.successThreshold,
        failureThreshold: reader.integer('failure-threshold', config_keys/* TIMING_KEYS */.k3['failure-threshold']) ?? defaults.failureThreshold
    };
}
/** The names of the headers treated as secret: always-secret ones, the config's list, and sensitive-looking names. */
function secretHeaderNames(headers, extra) {
    const listed = new Set([...ALWAYS_SECRET_HEADERS, ...extra.map((h) => h.trim().toLowerCase())]);
    const names = Object.keys(headers)
        .map((name) => name.toLowerCase())
        .filter((name) => listed.has(name) || SENSITIVE_HEADER.test(name));
    return [...new Set([...names, ...extra.map((h) => h.trim().toLowerCase()).filter((h) => h !== '')])];
}
function secretHeaderValues(headers, names) {
    const values = [];
    for (const [name, value] of Object.entries(headers)) {
        // "Bearer abc" may later be printed as just "abc"; "Basic xyz" as the user:password it decodes to.
        if (names.includes(name.toLowerCase()))
            values.push(...(0,redact/* headerValueSecrets */.CF)(value));
    }
    return values;
}
function parseCheck(raw, index, source, defaults, sources, secrets, expander) {
    const position = `checks[${index}]`;
    if (!(0,config_reader/* isMapping */.pi)(raw))
        throw new errors/* ConfigurationError */.j1(`${source}: ${position} must be a mapping with at least "type"`);
    const named = typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name.trim() : undefined;
    const label = named ? `check "${named}" (${position})` : position;
    const where = `${source}: ${label}`;
    const type = raw.type;
    if (typeof type !== 'string' || !config_keys/* CHECK_TYPES */.Tv.includes(type)) {
        throw new errors/* ConfigurationError */.j1(`${where}: "type" must be one of ${config_keys/* CHECK_TYPES */.Tv.join(', ')}; got ${JSON.stringify(type)}`);
    }
    const checkType = type;
    const known = Object.keys(checkKeysFor(checkType));
    for (const key of Object.keys(raw)) {
        if (!known.includes(key)) {
            throw new errors/* ConfigurationError */.j1(`${where}: unknown key "${key}" for a ${checkType} check${suggestion(key, known)}`);
        }
    }
    const expanded = expander.all(raw, where);
    const r = new config_reader/* KeyReader */.r_(expanded, where, sources);
    const base = {
        name: named ?? `${checkType}-${index + 1}`,
        role: r.enumValue('role', ['startup', 'liveness', 'readiness', 'smoke']) ?? 'readiness',
        ...readTiming(r, defaults)
    };
    return checks/* CHECK_KINDS */.F[checkType].parse({
        read: r,
        where,
        base,
        url: (key = 'url') => {
            const value = r.requiredString(key);
            secrets.push(...(0,redact/* urlSecrets */.Fn)(value));
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
function readPublicEnv(value, source) {
    if (value === undefined || value === null)
        return new Set();
    const list = typeof value === 'string' ? value.split(/[\s,]+/).filter((n) => n !== '') : value;
    if (!Array.isArray(list) || list.some((name) => typeof name !== 'string')) {
        throw new errors/* ConfigurationError */.j1(`${source}: "public-env" must be a list of environment variable names`);
    }
    for (const name of list) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            throw new errors/* ConfigurationError */.j1(`${source}: "public-env": ${JSON.stringify(name)} is not a variable name`);
        }
        if ((0,runner_env/* isRunnerVariable */.R)(name)) {
            throw new errors/* ConfigurationError */.j1(`${source}: "public-env": ${name} is a runner variable and is never expanded`);
        }
    }
    return new Set(list);
}
function readConfigDocument(parsed, source, sources, secrets) {
    const { value } = parsed;
    const plain = (checks) => {
        const publicNames = new Set();
        return {
            defaults: {},
            checks,
            publicNames,
            expander: new Expander(sources.env, publicNames, parsed.references, secrets)
        };
    };
    if (value === null || value === undefined)
        return plain([]);
    if (Array.isArray(value))
        return plain(value);
    if (!(0,config_reader/* isMapping */.pi)(value))
        throw new errors/* ConfigurationError */.j1(`${source}: must be a list of checks or a mapping with "checks"`);
    const known = Object.keys(config_keys/* TOP_LEVEL_KEYS */.Uw);
    for (const key of Object.keys(value)) {
        if (!known.includes(key))
            throw new errors/* ConfigurationError */.j1(`${source}: unknown key "${key}"${suggestion(key, known)}`);
    }
    if (!Array.isArray(value.checks))
        throw new errors/* ConfigurationError */.j1(`${source}: "checks" must be a list`);
    const publicNames = readPublicEnv(value['public-env'], source);
    const expander = new Expander(sources.env, publicNames, parsed.references, secrets);
    // The checks are expanded one by one (so an error names its check); the rest of the document here.
    const { checks: _checks, 'public-env': _public, ...rest } = value;
    const expanded = expander.all(rest, source);
    const top = new config_reader/* KeyReader */.r_(expanded, source, sources);
    let defaults = {};
    if (top.has('defaults')) {
        if (!(0,config_reader/* isMapping */.pi)(expanded.defaults))
            throw new errors/* ConfigurationError */.j1(`${source}: "defaults" must be a mapping`);
        const timingKeys = Object.keys(config_keys/* TIMING_KEYS */.k3);
        for (const key of Object.keys(expanded.defaults)) {
            if (!timingKeys.includes(key)) {
                throw new errors/* ConfigurationError */.j1(`${source}: unknown key "defaults.${key}"${suggestion(key, timingKeys)}`);
            }
        }
        const d = new config_reader/* KeyReader */.r_(expanded.defaults, `${source}: defaults`, sources);
        defaults = Object.fromEntries(Object.entries(readTiming(d, {})).filter(([, v]) => v !== undefined));
    }
    return { deadline: top.duration('deadline'), defaults, checks: value.checks, publicNames, expander };
}
/** Refuses timing from inputs or flags outside the bounds a config file gets (see DURATION_LIMITS). */
function checkTimingOverrides(timing) {
    const given = [
        ['interval', timing.interval],
        ['timeout', timing.timeout],
        ['initial-delay', timing.initialDelay],
        ['deadline', timing.deadline]
    ];
    for (const [key, value] of given) {
        if (value === undefined)
            continue;
        const limits = config_keys/* DURATION_LIMITS */.IM[key] ?? config_keys/* DURATION_LIMITS */.IM.default;
        if (!Number.isFinite(value) || (limits.min !== undefined && value < limits.min)) {
            throw new errors/* ConfigurationError */.j1(`"${key}" is ${(0,duration/* formatDuration */.a3)(value)}; the shortest ${key} is ${(0,duration/* formatDuration */.a3)(limits.min ?? 0)}`);
        }
        if (limits.max !== undefined && value > limits.max) {
            throw new errors/* ConfigurationError */.j1(`"${key}" is ${(0,duration/* formatDuration */.a3)(value)}; the longest ${key} is ${(0,duration/* formatDuration */.a3)(limits.max)}`);
        }
    }
}
/**
 * What only the whole config can tell: a check that cannot pass before the deadline, or whose attempt budget
 * outlasts it. A timeout nobody wrote for this gate (the built-in 5s, a burst's implied 60s) is shortened to
 * the deadline instead.
 */
function fitToDeadline(check, explicitTimeout, deadlineMs, where) {
    const deadline = (0,duration/* formatDuration */.a3)(deadlineMs);
    if (check.timeout > deadlineMs) {
        if (explicitTimeout) {
            throw new errors/* ConfigurationError */.j1(`${where}: "timeout" ${(0,duration/* formatDuration */.a3)(check.timeout)} is longer than the deadline ${deadline}`);
        }
        check = { ...check, timeout: deadlineMs };
    }
    if (check.initialDelay >= deadlineMs) {
        throw new errors/* ConfigurationError */.j1(`${where}: "initial-delay" ${(0,duration/* formatDuration */.a3)(check.initialDelay)} is not shorter than the deadline ${deadline}`);
    }
    const earliest = check.initialDelay + (check.successThreshold - 1) * check.interval;
    if (earliest >= deadlineMs) {
        throw new errors/* ConfigurationError */.j1(`${where}: ${check.successThreshold} passing attempts ${(0,duration/* formatDuration */.a3)(check.interval)} apart` +
            `${check.initialDelay > 0 ? ` after an initial delay of ${(0,duration/* formatDuration */.a3)(check.initialDelay)}` : ''}` +
            ` take at least ${(0,duration/* formatDuration */.a3)(earliest)}, not shorter than the deadline ${deadline}`);
    }
    return check;
}
/** Builds the gate's checks from every source; names must be unique across them. */
function loadGateConfig(sources) {
    const secrets = [];
    try {
        return buildGateConfig(sources, secrets);
    }
    catch (error) {
        // A message may quote a value after expansion ("got ..."): it must not carry what is masked.
        if ((0,errors/* isConfigurationError */.p0)(error) && secrets.length > 0) {
            throw new errors/* ConfigurationError */.j1((0,redact/* redact */.E$)(error.message, secrets));
        }
        throw error;
    }
}
function buildGateConfig(sources, secrets) {
    const { timing } = sources;
    checkTimingOverrides(timing);
    const inputTiming = {
        interval: timing.interval ?? BUILT_IN_TIMING.interval,
        timeout: timing.timeout ?? BUILT_IN_TIMING.timeout,
        initialDelay: timing.initialDelay ?? BUILT_IN_TIMING.initialDelay,
        successThreshold: timing.successThreshold ?? BUILT_IN_TIMING.successThreshold,
        failureThreshold: timing.failureThreshold ?? BUILT_IN_TIMING.failureThreshold
    };
    // The action input always carries its default (5s): only another value counts as written.
    const inputTimeoutWritten = timing.timeout !== undefined && timing.timeout !== BUILT_IN_TIMING.timeout;
    const checks = [];
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
    const documents = [];
    if (sources.checksText !== undefined) {
        documents.push({ source: 'input "checks"', parsed: parseYamlText(sources.checksText, 'input "checks"') });
    }
    if (sources.configFile) {
        const source = sources.configFile.path;
        documents.push({ source, parsed: parseYamlText(sources.configFile.text, source), file: source });
    }
    for (const { source, parsed, file } of documents) {
        const doc = readConfigDocument(parsed, source, sources, secrets);
        if (doc.deadline !== undefined && deadlineMs === undefined)
            deadlineMs = doc.deadline;
        const defaults = { ...inputTiming, ...doc.defaults };
        doc.checks.forEach((raw, index) => {
            const check = parseCheck(raw, index, source, defaults, sources, secrets, doc.expander);
            const line = parsed.checkLines[index];
            const ownTimeout = (0,config_reader/* isMapping */.pi)(raw) && raw.timeout !== undefined && raw.timeout !== null;
            checks.push({
                check: file && line ? { ...check, origin: { file, line } } : check,
                explicitTimeout: ownTimeout ||
                    ((doc.defaults.timeout !== undefined || inputTimeoutWritten) && check.timeout === defaults.timeout),
                where: `${file && line ? `${file}:${line}` : source}: check "${check.name}"`
            });
        });
    }
    if (checks.length === 0) {
        throw new errors/* ConfigurationError */.j1('no checks: set "url" for a single HTTP check, or "checks" / "config" for several');
    }
    const seen = new Set();
    for (const { check } of checks) {
        if (seen.has(check.name))
            throw new errors/* ConfigurationError */.j1(`two checks are named "${check.name}"; names must be unique`);
        seen.add(check.name);
    }
    const deadline = deadlineMs ?? DEFAULT_DEADLINE_MS;
    return {
        deadlineMs: deadline,
        checks: checks.map(({ check, explicitTimeout, where }) => fitToDeadline(check, explicitTimeout, deadline, where)),
        secrets: [...new Set(secrets)].filter((s) => s.trim() !== '')
    };
}


/***/ }),

/***/ 66127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rg: () => (/* binding */ runGate),
/* harmony export */   eB: () => (/* binding */ HISTORY_HEAD)
/* harmony export */ });
/* unused harmony exports HISTORY_TAIL, MAX_RECORDED_TEXT */
/* harmony import */ var _shared_src_lib_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64363);
/* harmony import */ var _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76088);
/* harmony import */ var _shared_src_lib_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53570);
// The scheduler: runs every check concurrently with its own interval, timeout and thresholds under one overall
// deadline. It passes when every check has met its success threshold and fails as soon as one cannot: its
// failure threshold was reached, a startup check failed, or the deadline passed. It never outlives the deadline
// by more than one attempt's timeout, because every attempt races its own timer and the gate's abort signal.



class GateStopped extends Error {
}
class AttemptTimedOut extends Error {
}
/** Attempts kept in a check's history: the first ones (how it started) and the last ones (how it ended). */
const HISTORY_HEAD = 10;
const HISTORY_TAIL = 50;
/**
 * How long an attempt cut short (timeout or the gate's end) may take to hand over what it found; a probe
 * that ignores its abort signal costs at most this much more.
 */
const CUT_GRACE_MS = 150;
/**
 * setTimeout for any duration: Node's timers fire after 1 ms when given more than 2^31-1 ms, which would
 * make a long deadline end the gate at once and a long interval spin, so a long wait is chained in steps.
 */
function setLongTimeout(callback, ms) {
    let remaining = Number.isFinite(ms) ? Math.max(0, ms) : _shared_src_lib_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_TIMER_MS */ ._o;
    let handle;
    const arm = () => {
        const step = Math.min(remaining, _shared_src_lib_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_TIMER_MS */ ._o);
        remaining -= step;
        handle = setTimeout(() => (remaining > 0 ? arm() : callback()), step);
    };
    arm();
    return () => clearTimeout(handle);
}
/** Resolves after ms, or rejects with GateStopped as soon as the signal aborts. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(new GateStopped());
        const cancel = setLongTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            cancel();
            reject(new GateStopped());
        };
        signal.addEventListener('abort', onAbort, { once: true });
    });
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message.split('\n')[0] || error.name;
    return String(error);
}
/**
 * One attempt: the probe raced against its timeout and the gate's end; never throws but for a user mistake.
 * When either cuts the attempt, the probe gets a short grace to return a conclusive outcome (a burst already
 * past its error budget); anything else it returns then is discarded for the timeout or "stopped" outcome.
 */
async function attempt(check, probe, gateSignal, cwd, secrets) {
    const controller = new AbortController();
    const onGateAbort = () => controller.abort(new GateStopped());
    gateSignal.addEventListener('abort', onGateAbort, { once: true });
    const timedOut = {
        status: 'fail',
        message: `no answer within ${(0,_shared_src_lib_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(check.timeout)} (timeout)`
    };
    const stopped = { status: 'fail', message: 'stopped: the gate ended' };
    const context = { signal: controller.signal, timeoutMs: check.timeout, cwd, secrets };
    let cancelTimer;
    let cancelGrace;
    let onCut;
    try {
        // A user mistake found only when probing (a missing migrations dir) ends the gate with that one line;
        // anything else the probe throws is the service's failure.
        const probed = Promise.resolve()
            .then(() => probe(check, context))
            .catch((error) => {
            if ((0,_shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isConfigurationError */ .p0)(error))
                throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1((0,_shared_src_lib_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(error.message, secrets));
            return { status: 'fail', message: errorMessage(error) };
        });
        return await new Promise((resolve, reject) => {
            let settled = false;
            const finish = (outcome) => {
                if (settled)
                    return;
                settled = true;
                resolve(outcome);
            };
            probed.then((outcome) => {
                if (!controller.signal.aborted)
                    finish(outcome);
            }, (error) => {
                settled = true;
                reject((0,_shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .asError */ .zR)(error));
            });
            onCut = () => {
                // Settled already (the attempt finished, then the finally below aborts its controller): no grace timer,
                // or the process would wait CUT_GRACE_MS for nothing at the end of every gate.
                if (settled)
                    return;
                const fallback = controller.signal.reason instanceof GateStopped ? stopped : timedOut;
                cancelGrace = setLongTimeout(() => finish(fallback), CUT_GRACE_MS);
                probed.then((outcome) => finish(outcome.conclusive ? outcome : fallback), () => finish(fallback));
            };
            if (controller.signal.aborted)
                onCut();
            else
                controller.signal.addEventListener('abort', onCut, { once: true });
            cancelTimer = setLongTimeout(() => controller.abort(new AttemptTimedOut()), check.timeout);
        });
    }
    finally {
        cancelTimer?.();
        cancelGrace?.();
        gateSignal.removeEventListener('abort', onGateAbort);
        if (onCut)
            controller.signal.removeEventListener('abort', onCut);
        if (!controller.signal.aborted)
            controller.abort(new GateStopped());
    }
}
/**
 * Longest message or observed string kept per attempt: a service decides how much text a probe reports (a
 * health document with thousands of failing entries, a huge query result), and the report must stay small.
 */
const MAX_RECORDED_TEXT = 1_000;
function clipText(text) {
    return text.length > MAX_RECORDED_TEXT ? `${text.slice(0, MAX_RECORDED_TEXT - 1)}…` : text;
}
function clipDeep(value, depth = 0) {
    if (typeof value === 'string')
        return clipText(value);
    if (depth > 20 || value === null || typeof value !== 'object')
        return value;
    if (Array.isArray(value)) {
        const items = value.slice(0, 100).map((item) => clipDeep(item, depth + 1));
        return value.length > 100 ? [...items, `… ${value.length - 100} more`] : items;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [clipText(k), clipDeep(v, depth + 1)]));
}
/** Keeps the first HISTORY_HEAD and the last HISTORY_TAIL attempts, counting the ones dropped in between. */
function remember(report, record) {
    report.history.push(record);
    if (report.history.length > HISTORY_HEAD + HISTORY_TAIL) {
        report.history.splice(HISTORY_HEAD, 1);
        report.omittedAttempts++;
    }
}
async function runGate(options) {
    if (!Number.isFinite(options.deadlineMs) || options.deadlineMs < 0) {
        throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the deadline must be a duration, not ${String(options.deadlineMs)} ms`);
    }
    const start = performance.now();
    const elapsed = () => Math.round(performance.now() - start);
    const secrets = (options.secrets ?? []).filter((s) => s !== '');
    const gate = new AbortController();
    const onOuterAbort = () => gate.abort();
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    let endReason;
    const cancelDeadline = setLongTimeout(() => {
        endReason = `deadline ${(0,_shared_src_lib_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(options.deadlineMs)} passed`;
        gate.abort();
    }, options.deadlineMs);
    const states = new Map(options.checks.map((check) => [
        check,
        {
            report: {
                name: check.name,
                type: check.type,
                role: check.role,
                verdict: 'pending',
                attempts: 0,
                history: [],
                omittedAttempts: 0
            },
            successes: 0,
            failures: 0,
            started: false
        }
    ]));
    const runCheck = async (check) => {
        const state = states.get(check);
        const { report } = state;
        state.started = true;
        const probe = options.probes[check.type];
        await sleep(check.initialDelay, gate.signal);
        for (;;) {
            const startedAt = elapsed();
            state.inFlightSince = startedAt;
            const outcome = await attempt(check, probe, gate.signal, options.cwd, secrets);
            // An attempt cut short by the gate's end says nothing about the service, unless the probe says its
            // evidence already decides it.
            if (gate.signal.aborted && !outcome.conclusive)
                return;
            state.inFlightSince = undefined;
            // A service may echo what it was sent (a header, the URL): nothing masked stays in the report. Redacted
            // before clipped, so a cut never leaves part of a secret.
            const { conclusive: _conclusive, ...found } = outcome;
            const record = {
                ...found,
                message: clipText((0,_shared_src_lib_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(String(found.message), secrets)),
                ...(found.observed === undefined
                    ? {}
                    : { observed: clipDeep((0,_shared_src_lib_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactDeep */ .KL)(found.observed, secrets)) }),
                startedAt,
                durationMs: elapsed() - startedAt
            };
            remember(report, record);
            report.attempts++;
            report.lastMessage = record.message;
            state.lastStatus = record.status;
            options.onAttempt?.(check, record);
            if (record.status === 'fail') {
                state.failures++;
                state.successes = 0;
                report.lastError = record.message;
                if (gate.signal.aborted)
                    return;
                if (check.failureThreshold > 0 && state.failures >= check.failureThreshold) {
                    report.verdict = 'fail';
                    report.reason = `failure threshold reached: ${state.failures} consecutive failed attempts`;
                    endReason ??= `check "${check.name}" failed`;
                    gate.abort();
                    return;
                }
            }
            else {
                state.successes++;
                state.failures = 0;
                if (state.successes >= check.successThreshold) {
                    report.verdict = record.status === 'warn' ? 'warn' : 'pass';
                    report.timeToGreenMs = elapsed();
                    return;
                }
                if (gate.signal.aborted)
                    return;
            }
            await sleep(Math.max(0, startedAt + check.interval - elapsed()), gate.signal);
        }
    };
    const settle = (promise) => promise.catch((error) => {
        if (error instanceof GateStopped)
            return;
        gate.abort();
        throw error;
    });
    const startup = options.checks.filter((c) => c.role === 'startup');
    const others = options.checks.filter((c) => c.role !== 'startup');
    try {
        await Promise.all(startup.map((c) => settle(runCheck(c))));
        const startupPassed = startup.every((c) => ['pass', 'warn'].includes(states.get(c).report.verdict));
        if (startupPassed)
            await Promise.all(others.map((c) => settle(runCheck(c))));
    }
    finally {
        cancelDeadline();
        options.signal?.removeEventListener('abort', onOuterAbort);
    }
    if (options.signal?.aborted && !endReason)
        endReason = 'the gate was cancelled';
    const timedOut = endReason?.startsWith('deadline') || endReason === 'the gate was cancelled';
    for (const [check, state] of states) {
        const { report } = state;
        if (report.verdict !== 'pending')
            continue;
        if (!state.started) {
            report.verdict = 'cancelled';
            report.reason = 'not started: the startup checks did not pass';
        }
        else if (timedOut) {
            report.verdict = 'fail';
            report.reason = `${endReason} before ${check.successThreshold} consecutive passing attempt(s)`;
            if (report.lastError === undefined && state.inFlightSince !== undefined) {
                // Nothing completed: say what the gate was waiting for, so the failure has an error to show.
                report.lastError = `no attempt completed: the one started at +${(0,_shared_src_lib_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(state.inFlightSince)} had no answer when the gate ended`;
            }
        }
        else if (state.lastStatus === 'fail') {
            // The gate stopped for another check, but this one was failing too: it is a failed check, not a
            // cancelled one, so failed-checks and the annotations name it.
            report.verdict = 'fail';
            report.reason = `failing when the gate stopped (${state.failures} consecutive failed attempt(s)); ${endReason ?? 'the gate ended'}`;
        }
        else {
            report.verdict = 'cancelled';
            report.reason =
                state.lastStatus === undefined
                    ? `stopped before an attempt completed: ${endReason ?? 'the gate ended'}`
                    : `stopped while passing (${state.successes} of ${check.successThreshold} consecutive passing attempt(s)): ${endReason ?? 'the gate ended'}`;
        }
    }
    const checks = options.checks.map((c) => states.get(c).report);
    const failedChecks = checks.filter((c) => c.verdict === 'fail').map((c) => c.name);
    let verdict = 'pass';
    if (checks.some((c) => c.verdict !== 'pass' && c.verdict !== 'warn'))
        verdict = 'fail';
    else if (checks.some((c) => c.verdict === 'warn'))
        verdict = 'warn';
    return { verdict, durationMs: elapsed(), deadlineMs: options.deadlineMs, checks, failedChecks };
}


/***/ }),

/***/ 85579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ probes)
/* harmony export */ });
/* harmony import */ var _checks_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59513);
/* harmony import */ var _config_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92575);


/** The real probe of each check type; tests of the scheduler inject their own table instead. */
const probes = Object.fromEntries(_config_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .CHECK_TYPES */ .Tv.map((type) => [type, _checks_index_js__WEBPACK_IMPORTED_MODULE_0__/* .CHECK_KINDS */ .F[type].probe]));


/***/ }),

/***/ 42978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ parseStatusMatcher),
/* harmony export */   c: () => (/* binding */ describeStatusMatcher)
/* harmony export */ });
/* harmony import */ var _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76088);
// Expected HTTP statuses, written the way people say them: `2xx`, `200`, `200-299`, or a list `200,204,3xx`.

const HINT = 'write a status (200), a class (2xx), a range (200-299) or a list of them (200,204,3xx)';
const MIN_STATUS = 100;
const MAX_STATUS = 599;
function parseToken(token, text) {
    const klass = /^([1-5])xx$/i.exec(token);
    if (klass) {
        const hundred = Number(klass[1]) * 100;
        return { low: hundred, high: hundred + 99, label: `${klass[1]}xx` };
    }
    const range = /^(\d{3})\s*-\s*(\d{3})$/.exec(token);
    if (range) {
        const low = Number(range[1]);
        const high = Number(range[2]);
        checkBounds(low, token, text);
        checkBounds(high, token, text);
        if (low > high) {
            throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid status "${text}": range ${token} goes from high to low`);
        }
        return { low, high, label: `${low}-${high}` };
    }
    if (/^\d{3}$/.test(token)) {
        const status = Number(token);
        checkBounds(status, token, text);
        return { low: status, high: status, label: token };
    }
    throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid status "${text}": cannot read "${token}"; ${HINT}`);
}
function checkBounds(status, token, text) {
    if (status < MIN_STATUS || status > MAX_STATUS) {
        throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid status "${text}": ${token} is outside the HTTP status range ${MIN_STATUS}-${MAX_STATUS}`);
    }
}
function parseRanges(text) {
    // Spaces around the dash of a range are allowed ("200 - 299"), so they are glued before splitting the list.
    const tokens = text
        .trim()
        .replace(/\s*-\s*/g, '-')
        .split(/[\s,]+/)
        .filter((token) => token !== '');
    if (tokens.length === 0) {
        throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid status "${text}": it is empty; ${HINT}`);
    }
    return tokens.map((token) => parseToken(token, text));
}
/** Compiles status matcher text; throws ConfigurationError naming the text when it cannot be read. */
function parseStatusMatcher(text) {
    const ranges = parseRanges(text);
    return (status) => ranges.some((range) => status >= range.low && status <= range.high);
}
/** The matcher in words for messages: "2xx", "200 or 204", "200, 204 or 3xx". */
function describeStatusMatcher(text) {
    const labels = parseRanges(text).map((range) => range.label);
    if (labels.length === 1)
        return labels[0];
    return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}


/***/ }),

/***/ 4597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ isDownFile),
/* harmony export */   _5: () => (/* binding */ versionKey),
/* harmony export */   f8: () => (/* binding */ flywayFile),
/* harmony export */   oz: () => (/* binding */ compareVersionKeys)
/* harmony export */ });
// What the migration tools agree on about file names and versions, known once: migration-safety uses it to tell
// which files deploy and in what order, health-gate to tell which files a tool's table must list as applied.
const VERSION_TEXT = /^\d+(?:[._]\d+)*$/;
/**
 * The comparable form of a numeric or dotted version: `000001` -> `1`, `1_2` -> `1.2`, `1.0` -> `1`,
 * `1.01` -> `1.1` (Flyway compares each part as a number and ignores trailing zero parts); any other text is
 * returned unchanged.
 */
function versionKey(text) {
    if (!VERSION_TEXT.test(text))
        return text;
    const parts = text.split(/[._]/).map((part) => BigInt(part).toString());
    while (parts.length > 1 && parts[parts.length - 1] === '0')
        parts.pop();
    return parts.join('.');
}
/** Orders two versionKey() results part by part; non-version text sorts after versions, by code point. */
function compareVersionKeys(a, b) {
    const aIsVersion = VERSION_TEXT.test(a);
    const bIsVersion = VERSION_TEXT.test(b);
    if (!aIsVersion || !bIsVersion) {
        if (aIsVersion !== bIsVersion)
            return aIsVersion ? -1 : 1;
        return a < b ? -1 : a > b ? 1 : 0;
    }
    const aParts = a.split('.').map(BigInt);
    const bParts = b.split('.').map(BigInt);
    for (let i = 0; i < Math.max(aParts.length, bParts.length); i++) {
        const x = aParts[i] ?? 0n;
        const y = bParts[i] ?? 0n;
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}
// Flyway's default prefixes (V, U, B, R) and separator (__), matched case-sensitively as Flyway does.
const FLYWAY_FILE = /^(?:([VUB])(\d+(?:[._]\d+)*)|R)__(.*)\.(?:sql|sh|bash|ps1|cmd|bat|py)$/;
/** What a Flyway file name declares (its version is versionKey-normalised), or undefined for any other file. */
function flywayFile(fileName) {
    const match = FLYWAY_FILE.exec(fileName);
    if (!match)
        return undefined;
    const [, prefix, version, description] = match;
    if (prefix === undefined)
        return { kind: 'repeatable', description };
    const kind = prefix === 'V' ? 'versioned' : prefix === 'U' ? 'undo' : 'baseline';
    return { kind, version: versionKey(version) };
}
/** A rollback twin (`.down.sql`, `.down.go`...) of golang-migrate, sqlx, dbmate-style layouts: never deployed. */
function isDownFile(fileName) {
    return /\.down\.[^./]+$/i.test(fileName);
}


/***/ }),

/***/ 17515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ isRunnerVariable),
/* harmony export */   T: () => (/* binding */ isPublicRunVariable)
/* harmony export */ });
// Which of the step's environment variables repository-written config may read. A config (a gate file, a router
// file) is repository content: in a pull request it is written by whoever opened it, and its URLs can point
// anywhere. The runner's own variables hold tokens (ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN),
// service URLs, the step's inputs (INPUT_GITHUB-TOKEN) and saved state (STATE_*), so none of them is ever
// expanded; a workflow that wants a value in a config passes it through `env:` under a name of its own, which is
// an explicit decision.
//
// Names are compared upper-cased: Windows runners resolve environment names case-insensitively, so
// ${Actions_Runtime_Token} would otherwise read the token.
const REFUSED_PREFIXES = ['ACTIONS_', 'RUNNER_', 'INPUT_', 'STATE_', 'GITHUB_'];
/**
 * GitHub's default variables that describe the run and are shown in its UI anyway: readable, and public (not
 * masked: masking a run number or a commit SHA would hide it in every later log line of the job).
 */
const PUBLIC_RUN_VARIABLES = new Set([
    'GITHUB_SHA',
    'GITHUB_REF',
    'GITHUB_REF_NAME',
    'GITHUB_REF_TYPE',
    'GITHUB_HEAD_REF',
    'GITHUB_BASE_REF',
    'GITHUB_REPOSITORY',
    'GITHUB_REPOSITORY_ID',
    'GITHUB_REPOSITORY_OWNER',
    'GITHUB_REPOSITORY_OWNER_ID',
    'GITHUB_RUN_ID',
    'GITHUB_RUN_NUMBER',
    'GITHUB_RUN_ATTEMPT',
    'GITHUB_JOB',
    'GITHUB_WORKFLOW',
    'GITHUB_EVENT_NAME',
    'GITHUB_ACTOR',
    'GITHUB_ACTOR_ID',
    'GITHUB_TRIGGERING_ACTOR',
    'GITHUB_SERVER_URL',
    'GITHUB_API_URL',
    'GITHUB_GRAPHQL_URL',
    'GITHUB_WORKSPACE'
]);
/** The run's metadata (GITHUB_SHA, GITHUB_RUN_ID, ...): readable by a config, and not a secret. */
function isPublicRunVariable(name) {
    return PUBLIC_RUN_VARIABLES.has(name.toUpperCase());
}
/** True for the runner's own variables, which ${NAME} in repository content never expands. */
function isRunnerVariable(name) {
    const upper = name.toUpperCase();
    if (PUBLIC_RUN_VARIABLES.has(upper))
        return false;
    return REFUSED_PREFIXES.some((prefix) => upper.startsWith(prefix));
}


/***/ })

};
