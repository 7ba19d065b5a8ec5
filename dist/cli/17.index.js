export const id = 17;
export const ids = [17,164];
export const modules = {

/***/ 64363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   _o: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76088);

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
// Largest unit first: this order is also the order components must appear in ("1h30m", not "30m1h"),
// so a typo such as "5m5m" is caught instead of silently summed.
const UNIT_ORDER = ['h', 'm', 's', 'ms'];
// `ms` must be tried before `m` and `s`, otherwise "250ms" would read as 250 minutes plus a stray "s". No space
// between a number and its unit: "5 m" next to "1m 30s" reads as two values more often than as one.
const COMPONENT = /(\d+(?:\.\d+)?)(ms|h|m|s)/y;
/**
 * Node's timers hold a signed 32-bit millisecond count: a longer setTimeout fires after 1 ms (with a warning),
 * so a waiting loop given a longer duration spins. Callers that hand a duration to a timer either refuse
 * values above this (parseDuration's `max`) or split the wait.
 */
const MAX_TIMER_MS = 2_147_483_647;
const EXAMPLES = 'like 250ms, 30s, 5m, 1h or 1m30s';
/**
 * Parses a human duration ("30s", "5m", "1h", "1m30s", "1.5s", "250ms") into milliseconds, optionally within
 * bounds; every refusal is one ConfigurationError line naming the text.
 */
function parseDuration(text, bounds = {}) {
    const ms = parseUnbounded(text);
    if (bounds.min !== undefined && ms < bounds.min) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Duration "${text}" is shorter than the minimum of ${formatDuration(bounds.min)}`);
    }
    if (bounds.max !== undefined && ms > bounds.max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Duration "${text}" is longer than the maximum of ${formatDuration(bounds.max)}`);
    }
    return ms;
}
function parseUnbounded(text) {
    const source = text.trim();
    if (source === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Duration is empty; write one ${EXAMPLES}`);
    }
    // A bare number is refused rather than guessed: "30" means seconds to some people and milliseconds to others.
    if (/^\d+(?:\.\d+)?$/.test(source)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Duration "${text}" has no unit; write it ${EXAMPLES} (e.g. "${source}s")`);
    }
    let total = 0;
    let position = 0;
    let lastUnitRank = -1;
    while (position < source.length) {
        COMPONENT.lastIndex = position;
        const match = COMPONENT.exec(source);
        if (!match) {
            const spaced = /^(\d+(?:\.\d+)?)\s+(ms|h|m|s)\b/.exec(source.slice(position));
            if (spaced) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid duration "${text}": no space between a number and its unit; write "${spaced[1]}${spaced[2]}"`);
            }
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid duration "${text}"; write it ${EXAMPLES}`);
        }
        const unit = match[2];
        const rank = UNIT_ORDER.indexOf(unit);
        if (rank <= lastUnitRank) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid duration "${text}": units must go from largest to smallest, each at most once (e.g. 1h30m)`);
        }
        lastUnitRank = rank;
        total += Number(match[1]) * UNIT_MS[unit];
        position = COMPONENT.lastIndex;
        // Allow "1m 30s" as well as "1m30s".
        while (source[position] === ' ')
            position++;
    }
    const ms = Math.round(total);
    if (!Number.isSafeInteger(ms)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Duration "${text}" is too large`);
    }
    return ms;
}
/**
 * Formats milliseconds for people: "250ms", "1.5s", "1m30s", "2h5m". The output is accepted by
 * parseDuration, so a value echoed in a log can be pasted back into an input.
 */
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return String(ms);
    if (ms < 0)
        return `-${formatDuration(-ms)}`;
    if (ms < 1_000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000) {
        // Two decimals are enough to tell 1.05s from 1.5s; trailing zeros are noise.
        const seconds = (Math.round(ms / 10) / 100).toFixed(2).replace(/\.?0+$/, '');
        return seconds === '60' ? '1m' : `${seconds}s`;
    }
    let remaining = Math.round(ms / 1_000);
    const hours = Math.floor(remaining / 3_600);
    remaining -= hours * 3_600;
    const minutes = Math.floor(remaining / 60);
    const seconds = remaining - minutes * 60;
    const parts = [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds ? `${seconds}s` : ''];
    return parts.join('');
}


/***/ }),

/***/ 6191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GI: () => (/* binding */ RequestError),
/* harmony export */   pN: () => (/* binding */ requestSecrets),
/* harmony export */   w$: () => (/* binding */ sendRequest)
/* harmony export */ });
/* unused harmony export DEFAULT_MAX_BODY_BYTES */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76088);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53570);
// The one HTTP(S) transport of the actions: one exchange on node:http/https rather than fetch, because a probe or
// a deploy step needs a per-request CA and opt-in insecure TLS, redirects it can refuse to follow (and that drop
// every secret header when they leave the origin), a fresh connection per attempt (a pooled keep-alive socket
// would hide a server that restarted), a body size cap enforced while it streams in, and timing that covers the
// whole body. httpRequest (http.ts) adds retries on top.





/** A request that produced no usable response. The message is short and never holds a credential. */
class RequestError extends Error {
    kind;
    code;
    name = 'RequestError';
    constructor(message, kind, 
    /** The system error code when there was one, e.g. ECONNREFUSED. */
    code) {
        super(message);
        this.kind = kind;
        this.code = code;
    }
}
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'ubos-actions';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Dropped when a redirect leaves the origin (scheme, host or port), so a credential meant for one host never
// reaches another: these, every sensitive-looking name, the check's secret-headers and any header whose value
// holds a secret.
const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie', 'proxy-authorization', 'x-api-key'];
const SENSITIVE_HEADER = /auth|token|key|secret|cookie|password|session/i;
/** Marks the abort caused by sendRequest's own timer, to tell it apart from the caller's signal. */
class OwnTimeout {
}
function formatBytes(bytes) {
    if (bytes >= 1024 * 1024)
        return `${+(bytes / (1024 * 1024)).toFixed(2)} MiB`;
    if (bytes >= 1024)
        return `${+(bytes / 1024).toFixed(1)} KiB`;
    return `${bytes} bytes`;
}
function hasHeader(headers, name) {
    return Object.keys(headers).some((key) => key.toLowerCase() === name);
}
function withoutHeaders(headers, names) {
    return Object.fromEntries(Object.entries(headers).filter(([key]) => !names.has(key.toLowerCase())));
}
function bodyText(body) {
    return typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
}
function holdsSecret(text, secrets) {
    return secrets.some((secret) => secret !== '' && (0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .secretForms */ .eo)(secret).some((form) => text.includes(form)));
}
/** The headers that may go to another origin: none that is secret by name, by the config, or by value. */
function crossOriginHeaders(headers, secretHeaders, secrets) {
    return Object.fromEntries(Object.entries(headers).filter(([name, value]) => {
        const lower = name.toLowerCase();
        // Host names the first origin: sent to another one it would at best be wrong.
        if (lower === 'host')
            return false;
        return !secretHeaders.has(lower) && !SENSITIVE_HEADER.test(lower) && !holdsSecret(value, secrets);
    }));
}
/** Moves user:password@ from the URL into a Basic Authorization header (unless one was given). */
function takeCredentials(url, headers, secrets) {
    const credentials = (0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .basicCredentials */ .BG)(url);
    if (!credentials)
        return headers;
    url.username = '';
    url.password = '';
    if (hasHeader(headers, 'authorization'))
        return headers;
    secrets.push(credentials.encoded, `Basic ${credentials.encoded}`);
    return { ...headers, authorization: `Basic ${credentials.encoded}` };
}
function parseUrl(text, base) {
    let url;
    try {
        url = base ? new URL(text, base) : new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`invalid URL "${(0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrl */ .BO)(text)}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`unsupported URL scheme ${url.protocol} in "${(0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrl */ .BO)(text)}" (use http or https)`);
    }
    return url;
}
const UNKNOWN_AUTHORITY = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_UNTRUSTED'
]);
// A plain-HTTP server usually drops a TLS ClientHello, which the client only sees as a reset.
function tlsHint(phase) {
    return phase === 'TLS handshake' ? '; is the port serving TLS?' : '';
}
function describeError(error, phase, url) {
    const described = describeErrorText(error, phase, url);
    const code = error.code;
    return new RequestError(described.message, described.kind, typeof code === 'string' ? code : undefined);
}
function describeErrorText(error, phase, url) {
    const { code, message } = error;
    const host = url.hostname;
    const during = phase === 'reading the body' ? 'while reading the body' : `(${phase})`;
    switch (code) {
        case 'ECONNREFUSED':
            return new RequestError(`connection refused by ${url.host}`, 'refused');
        case 'ECONNRESET':
        case 'EPIPE':
            return new RequestError(`connection reset by the server ${during}${tlsHint(phase)}`, 'reset');
        case 'ENOTFOUND':
            return new RequestError(`DNS lookup failed: host ${host} not found`, 'dns');
        case 'EAI_AGAIN':
            return new RequestError(`DNS lookup of ${host} failed (temporary failure)`, 'dns');
        case 'ETIMEDOUT':
            return new RequestError(`connection to ${url.host} timed out`, 'network');
        case 'EHOSTUNREACH':
            return new RequestError(`host ${host} unreachable`, 'network');
        case 'ENETUNREACH':
            return new RequestError(`network unreachable for ${host}`, 'network');
        case 'CERT_HAS_EXPIRED':
            return new RequestError(`TLS: the certificate of ${host} has expired`, 'tls');
        case 'CERT_NOT_YET_VALID':
            return new RequestError(`TLS: the certificate of ${host} is not valid yet`, 'tls');
        case 'ERR_TLS_CERT_ALTNAME_INVALID':
            return new RequestError(`TLS: the certificate is not valid for ${host} (name mismatch)`, 'tls');
    }
    if (code && UNKNOWN_AUTHORITY.has(code)) {
        const what = code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ? 'self-signed certificate' : 'certificate signed by unknown authority';
        return new RequestError(`TLS: ${what} (${code}); trust its CA with the tls ca option`, 'tls');
    }
    if (/wrong version number|packet length too long/i.test(message)) {
        return new RequestError(`TLS handshake failed: the server does not speak TLS on ${url.host}`, 'tls');
    }
    if (code && (/^(ERR_TLS_|ERR_SSL_|CERT_)/.test(code) || code === 'EPROTO')) {
        return new RequestError(`TLS: ${message}`, 'tls');
    }
    // Node's wording for a socket closed (FIN rather than RST) before any response. Same meaning for a gate, and
    // one wording keeps a burst's error counts from splitting one fault in two depending on timing.
    if (message === 'socket hang up') {
        return new RequestError(`connection reset by the server ${during}${tlsHint(phase)}`, 'reset');
    }
    return new RequestError(message || String(error), 'network');
}
function flattenHeaders(headers) {
    const flat = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}
function exchange(hop, context) {
    const { signal, maxBodyBytes } = context;
    return new Promise((resolve, reject) => {
        const isHttps = hop.url.protocol === 'https:';
        let phase = 'connecting';
        let settled = false;
        let request;
        const onAbort = () => {
            const timedOut = context.isTimeout(signal.reason);
            const text = timedOut ? `timed out after ${context.timeoutMs} ms` : 'aborted';
            const during = phase === 'reading the body' ? 'while reading the body' : `(${phase})`;
            finish(new RequestError(`${text} ${during}`, timedOut ? 'timeout' : 'aborted'));
        };
        const finish = (error, response) => {
            if (settled)
                return;
            settled = true;
            signal.removeEventListener('abort', onAbort);
            if (error) {
                request?.destroy();
                reject(error);
            }
            else {
                resolve(response);
            }
        };
        if (signal.aborted)
            return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        const tooLarge = () => new RequestError(`response body larger than ${formatBytes(maxBodyBytes)}`, 'too-large');
        const options = {
            method: hop.method,
            headers: hop.headers,
            agent: false
        };
        if (isHttps) {
            // Extra CAs are added to the public ones rather than replacing them, so a redirect to a public host
            // still verifies.
            if (context.tls.ca)
                options.ca = [...node_tls__WEBPACK_IMPORTED_MODULE_2__.rootCertificates, context.tls.ca];
            options.rejectUnauthorized = !context.tls.insecure;
        }
        try {
            request = (isHttps ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default())).request(hop.url, options, (response) => {
                phase = 'reading the body';
                const declared = Number(response.headers['content-length']);
                if (Number.isFinite(declared) && declared > maxBodyBytes)
                    return finish(tooLarge());
                const chunks = [];
                let received = 0;
                response.on('data', (chunk) => {
                    received += chunk.length;
                    if (received > maxBodyBytes)
                        finish(tooLarge());
                    else
                        chunks.push(chunk);
                });
                response.on('end', () => finish(undefined, {
                    status: response.statusCode ?? 0,
                    headers: flattenHeaders(response.headers),
                    body: Buffer.concat(chunks).toString('utf8')
                }));
                response.on('error', (error) => finish(describeError(error, phase, hop.url)));
                response.on('close', () => {
                    if (!response.complete) {
                        finish(new RequestError(`connection reset by the server while reading the body (${formatBytes(received)} received)`, 'reset'));
                    }
                });
            });
        }
        catch (error) {
            // http.request validates headers and options synchronously (e.g. a control character in a value): the
            // request cannot be sent as it is, and its message may quote the value, so it is not repeated.
            const code = error.code;
            return finish(new RequestError('the request is malformed (an invalid header name or value)', 'invalid', code));
        }
        request.on('socket', (socket) => {
            socket.once('connect', () => {
                phase = isHttps ? 'TLS handshake' : 'waiting for response headers';
            });
            socket.once('secureConnect', () => {
                phase = 'waiting for response headers';
            });
        });
        request.on('error', (error) => finish(describeError(error, phase, hop.url)));
        request.end(hop.body);
    });
}
/** Where a redirect leads and with which method, body and headers (RFC 9110 §15.4, as browsers do it). */
function nextHop(hop, status, location, secrets, secretHeaders, shownTarget) {
    const toGet = status === 303 ? hop.method !== 'HEAD' : (status === 301 || status === 302) && hop.method === 'POST';
    let headers = hop.headers;
    // URL.origin compares scheme, host and port (with default ports normalised); an opaque origin ("null",
    // which is never equal to anything) counts as another origin.
    const crossOrigin = location.origin !== hop.url.origin || location.origin === 'null';
    if (crossOrigin) {
        headers = crossOriginHeaders(headers, secretHeaders, secrets);
        if (!toGet && hop.body !== undefined && holdsSecret(bodyText(hop.body), secrets)) {
            throw new RequestError(`not following the ${status} redirect to another origin (${shownTarget}): the request body holds a secret`, 'redirect');
        }
    }
    if (toGet)
        headers = withoutHeaders(headers, new Set(['content-type', 'content-length']));
    headers = takeCredentials(location, headers, secrets);
    return {
        url: location,
        method: toGet ? 'GET' : hop.method,
        headers,
        ...(toGet || hop.body === undefined ? {} : { body: hop.body })
    };
}
/**
 * Every secret a request sends, in every form (URL credentials raw, decoded and as the Basic header's base64;
 * the values of sensitive-looking and named secret headers and their tokens): for redaction, and for an adapter
 * to mask before anything is logged.
 */
function requestSecrets(url, headers = {}, extra = [], secretHeaders = new Set(ORIGIN_BOUND_HEADERS)) {
    const secrets = [...extra, ...(0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .urlSecrets */ .Fn)(url)];
    for (const [name, value] of Object.entries(headers)) {
        if ((SENSITIVE_HEADER.test(name) || secretHeaders.has(name.toLowerCase())) && value.trim() !== '') {
            secrets.push(...(0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .headerValueSecrets */ .CF)(value));
        }
    }
    return secrets.filter((secret) => secret !== '');
}
/**
 * Sends one request (following redirects only when asked) and reads the whole body. Resolves with any status;
 * rejects with a RequestError for connection, DNS, TLS, timeout, abort, size and redirect failures.
 */
async function sendRequest(options) {
    const started = performance.now();
    const secretHeaders = new Set([
        ...ORIGIN_BOUND_HEADERS,
        ...(options.secretHeaders ?? []).map((h) => h.toLowerCase())
    ]);
    const secrets = requestSecrets(options.url, options.headers, options.secrets, secretHeaders);
    const url = parseUrl(options.url);
    let headers = { ...options.headers };
    if (!hasHeader(headers, 'user-agent'))
        headers['user-agent'] = options.userAgent ?? USER_AGENT;
    headers = takeCredentials(url, headers, secrets);
    let hop = {
        url,
        method: (options.method ?? 'GET').toUpperCase(),
        headers,
        ...(options.body === undefined ? {} : { body: options.body })
    };
    const controller = new AbortController();
    const forward = () => controller.abort(options.signal?.reason);
    if (options.signal?.aborted)
        forward();
    else
        options.signal?.addEventListener('abort', forward, { once: true });
    const timer = options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => controller.abort(new OwnTimeout()), options.timeoutMs);
    const context = {
        tls: options.tls ?? { insecure: false },
        maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        signal: controller.signal,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        isTimeout: (reason) => reason instanceof OwnTimeout
    };
    const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    const redirects = [];
    try {
        for (;;) {
            let raw;
            try {
                raw = await exchange(hop, context);
            }
            catch (error) {
                if (!(error instanceof RequestError) || redirects.length === 0)
                    throw error;
                throw new RequestError(`${error.message} (after redirect to ${redirects[redirects.length - 1]})`, error.kind, error.code);
            }
            const location = raw.headers['location'];
            if (!options.followRedirects || !REDIRECT_STATUSES.has(raw.status) || !location) {
                return { ...raw, latencyMs: performance.now() - started, redirects };
            }
            if (redirects.length >= maxRedirects) {
                throw new RequestError(`too many redirects (more than ${maxRedirects})`, 'redirect');
            }
            let target;
            try {
                target = parseUrl(location, hop.url);
            }
            catch (error) {
                throw new RequestError(`cannot follow redirect: ${error.message}`, 'redirect');
            }
            secrets.push(...(0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .urlSecrets */ .Fn)(target.href));
            const shown = (0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrl */ .BO)(target.href), secrets);
            redirects.push(shown);
            hop = nextHop(hop, raw.status, target, secrets, secretHeaders, shown);
        }
    }
    catch (error) {
        if (error instanceof RequestError)
            throw new RequestError((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(error.message, secrets), error.kind, error.code);
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(error.message, secrets));
        throw error;
    }
    finally {
        if (timer)
            clearTimeout(timer);
        options.signal?.removeEventListener('abort', forward);
    }
}


/***/ }),

/***/ 53570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BG: () => (/* binding */ basicCredentials),
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   CF: () => (/* binding */ headerValueSecrets),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   FB: () => (/* binding */ credentialsInUrl),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   J0: () => (/* binding */ redactConnectionString),
/* harmony export */   KL: () => (/* binding */ redactDeep),
/* harmony export */   XF: () => (/* binding */ REDACTED),
/* harmony export */   Zr: () => (/* binding */ analyseConnectionString),
/* harmony export */   eo: () => (/* binding */ secretForms)
/* harmony export */ });
/* unused harmony export analyseUrl */
/**
 * Keeping secrets out of logs, the pure half: redaction produces a safe display form now (masking, which makes
 * the runner hide a value wherever it is printed later, is the adapter in shared/src/actions/mask.ts). Text is treated as untrusted: the URL helpers work on strings rather than WHATWG URL, which
 * rejects valid connection strings such as multi-host postgres:// URLs and would then leave them unredacted.
 */
const REDACTED = '***';
/**
 * The forms in which a secret can reach a log line besides itself: percent-encoded (a URL, a form body), with
 * + for spaces, and escaped inside a JSON string (a JSON report quotes `"`, `\` and control characters).
 */
function secretForms(secret) {
    if (!secret)
        return [];
    const forms = new Set([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+')]);
    const json = JSON.stringify(secret).slice(1, -1);
    forms.add(json);
    // JSON.stringify keeps non-ASCII as is; some encoders escape it as \uXXXX.
    forms.add(json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    return [...forms].filter((form) => form !== '');
}
/** Replaces every occurrence of each secret in text with ***, including its encoded forms (secretForms). */
function redact(text, secrets) {
    if (text === '' || secrets.length === 0)
        return text;
    const needles = new Set();
    for (const secret of secrets) {
        for (const form of secretForms(secret))
            needles.add(form);
    }
    // Longest first, so a secret that contains another is replaced whole rather than leaving a fragment.
    let result = text;
    for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
        result = result.split(needle).join(REDACTED);
    }
    return result;
}
// scheme "://" userinfo "@": userinfo ends at the last "@" before the host's "/", "?" or "#" (RFC 3986), which
// also keeps an unencoded "@" in a password inside the redacted part.
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i;
const SECRET_PARAM_NAMES = new Set([
    'token',
    'access_token',
    'refresh_token',
    'id_token',
    'password',
    'passwd',
    'pwd',
    'sslpassword',
    'apikey',
    'api_key',
    'key',
    'secret',
    'client_secret',
    'sig',
    'signature',
    'auth',
    'x_amz_signature',
    'x_amz_security_token',
    'x_amz_credential',
    'x_goog_signature',
    'x_goog_credential'
]);
function isSecretParamName(name) {
    let normalized;
    try {
        normalized = decodeURIComponent(name);
    }
    catch {
        normalized = name;
    }
    normalized = normalized.toLowerCase().replace(/-/g, '_');
    // Suffixes catch the many vendor spellings (github_token, private_token, app_secret) without matching
    // ordinary names like sort_key, whose values masking would then hide everywhere in the log.
    return SECRET_PARAM_NAMES.has(normalized) || /_(token|secret|password)$/.test(normalized);
}
// A parameter in the query or the fragment (OAuth implicit flows put access_token after "#").
const PARAM = /([?&#;])([^=&#;]+)=([^&#;]*)/g;
function analyseUrl(url) {
    const secrets = [];
    let redacted = url;
    const userinfo = USERINFO.exec(url);
    if (userinfo) {
        const [whole, scheme, info] = userinfo;
        const colon = info.indexOf(':');
        let safeInfo;
        if (colon >= 0) {
            const password = info.slice(colon + 1);
            if (password !== '')
                secrets.push(password);
            safeInfo = `${info.slice(0, colon)}:${REDACTED}`;
        }
        else {
            // A lone user name in an http(s) URL is usually a token (https://TOKEN@github.com/...), so it is
            // treated as one; losing a harmless user name from a log line is the cheaper mistake.
            if (info !== '')
                secrets.push(info);
            safeInfo = REDACTED;
        }
        redacted = `${scheme}${safeInfo}@${url.slice(whole.length)}`;
    }
    redacted = redacted.replace(PARAM, (match, separator, name, value) => {
        if (!isSecretParamName(name) || value === '')
            return match;
        secrets.push(value);
        return `${separator}${name}=${REDACTED}`;
    });
    // The runner sees whatever form gets printed later, so the decoded form is a secret too.
    for (const secret of [...secrets]) {
        const decoded = safeDecode(secret);
        if (decoded !== secret)
            secrets.push(decoded);
    }
    return { redacted, secrets };
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text.replace(/\+/g, ' '));
    }
    catch {
        return text;
    }
}
/** The credential values in a URL (password or token user name, token-like parameters), raw and decoded. */
function credentialsInUrl(url) {
    return analyseUrl(url).secrets;
}
/** The URL with its password (or token user name) and token-like query parameters replaced by ***. */
function redactUrl(url) {
    return analyseUrl(url).redacted;
}
const URL_FORM = /^[a-z][a-z0-9+.-]*:\/\//i;
// libpq keyword/value form: `host=db password='it''s \' secret' user=app`. Quoted values may hold spaces
// and backslash escapes; unquoted ones end at whitespace (or ";" in ADO-style strings).
const KEYWORD_SECRET = /(\b(?:password|sslpassword|pwd)\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s;]*)/gi;
function analyseConnectionString(text) {
    if (URL_FORM.test(text.trim()))
        return analyseUrl(text.trim());
    const secrets = [];
    const redacted = text.replace(KEYWORD_SECRET, (match, prefix, value) => {
        if (value === '')
            return match;
        secrets.push(value);
        if (value.startsWith("'")) {
            const unquoted = value.replace(/^'|'$/g, '').replace(/\\(.)/g, '$1');
            if (unquoted !== '')
                secrets.push(unquoted);
        }
        return `${prefix}${REDACTED}`;
    });
    return { redacted, secrets };
}
/** A connection string (URL form or libpq keyword form) with its password replaced by ***. */
function redactConnectionString(text) {
    return analyseConnectionString(text).redacted;
}
/** Deep copy of a JSON-like value with every string (and object key) redacted; for reports built from probes. */
function redactDeep(value, secrets) {
    if (secrets.length === 0)
        return value;
    const walk = (v, depth) => {
        if (typeof v === 'string')
            return redact(v, secrets);
        if (depth > 20 || v === null || typeof v !== 'object')
            return v;
        if (Array.isArray(v))
            return v.map((item) => walk(item, depth + 1));
        return Object.fromEntries(Object.entries(v).map(([k, item]) => [redact(k, secrets), walk(item, depth + 1)]));
    };
    return walk(value, 0);
}
function safeUriDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/**
 * The user and password of an http(s) URL as they are sent in a Basic Authorization header (WHATWG URL
 * parsing, then percent-decoding, exactly what an HTTP client does), or undefined without userinfo.
 */
function basicCredentials(url) {
    if (url.username === '' && url.password === '')
        return undefined;
    const user = safeUriDecode(url.username);
    const password = safeUriDecode(url.password);
    return { user, password, encoded: Buffer.from(`${user}:${password}`, 'utf8').toString('base64') };
}
/**
 * Every value derived from a URL's credentials that a client sends: the Basic header's base64 (and the header
 * value itself), besides the raw and decoded credentials of credentialsInUrl. Works on any URL text; one that
 * WHATWG URL cannot parse yields only the string-level credentials.
 */
function urlSecrets(text) {
    const secrets = credentialsInUrl(text);
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        url = undefined;
    }
    const basic = url ? basicCredentials(url) : undefined;
    if (basic) {
        secrets.push(basic.encoded, `Basic ${basic.encoded}`);
        if (basic.password !== '')
            secrets.push(basic.password, `${basic.user}:${basic.password}`);
        else if (basic.user !== '')
            secrets.push(basic.user);
    }
    return [...new Set(secrets)].filter((s) => s !== '');
}
/**
 * The secrets in one header value: the value, its credentials after the scheme ("Bearer abc" -> abc), and for
 * Basic the decoded user:password and password, which a server that decodes the header may echo.
 */
function headerValueSecrets(value) {
    const secrets = [value.trim()];
    const credentials = /^\s*(\S+)\s+(\S+)\s*$/.exec(value);
    if (credentials) {
        const [, scheme, token] = credentials;
        secrets.push(token);
        if (scheme.toLowerCase() === 'basic' && /^[A-Za-z0-9+/]+={0,2}$/.test(token)) {
            const decoded = Buffer.from(token, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon > 0 && !decoded.includes('\ufffd')) {
                secrets.push(decoded);
                if (colon < decoded.length - 1)
                    secrets.push(decoded.slice(colon + 1));
            }
        }
    }
    return [...new Set(secrets)].filter((s) => s !== '');
}


/***/ }),

/***/ 33588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ textOf)
/* harmony export */ });
// A value of unknown type as text, for messages and for comparing what a user wrote.
/**
 * What String() gives for primitives, lists, dates and errors; JSON for any other object, whose String() is
 * "[object Object]" and tells nobody what was written.
 */
function textOf(value) {
    switch (typeof value) {
        case 'string':
            return value;
        case 'number':
        case 'boolean':
        case 'bigint':
        case 'symbol':
        case 'undefined':
        case 'function':
            return String(value);
    }
    if (value === null || Array.isArray(value) || value instanceof Date || value instanceof Error)
        return String(value);
    try {
        return JSON.stringify(value) ?? Object.prototype.toString.call(value);
    }
    catch {
        // A cycle, or a BigInt inside.
        return Object.prototype.toString.call(value);
    }
}


/***/ }),

/***/ 88164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_YAML_ALIAS_COUNT: () => (/* binding */ MAX_YAML_ALIAS_COUNT),
/* harmony export */   parsePositionedYaml: () => (/* binding */ parsePositionedYaml),
/* harmony export */   parseYamlDocument: () => (/* binding */ parseYamlDocument)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76088);
/**
 * YAML with the line of every value, so a config mistake is one line that says where it is:
 * `router.yml:7: colors.green.servers must be a list`. One set of parser settings for every config an action
 * reads: duplicate keys are an error (a paste mistake, not "last one wins"), and alias expansion is capped, so a
 * "billion laughs" document is refused instead of filling the memory.
 */


/** Far above what a hand-written config uses, far below what a "billion laughs" document needs. */
const MAX_YAML_ALIAS_COUNT = 100;
/**
 * Parses one YAML document with the family's settings; a syntax error or an alias bomb is one ConfigurationError
 * naming the source. For readers that walk the document themselves; parsePositionedYaml is the usual entry.
 */
function parseYamlDocument(text, source, options = {}) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__.LineCounter();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${source}: invalid YAML at line ${line}, column ${col}: ${error.message.split('\n')[0]}`);
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: options.maxAliasCount ?? MAX_YAML_ALIAS_COUNT });
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${source}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { doc, lineCounter, value };
}
/** Parses one YAML document and tells the line of any value in it. */
function parsePositionedYaml(text, source, options = {}) {
    const lineNumbers = options.lineNumbers ?? true;
    const { doc, lineCounter, value } = parseYamlDocument(text, source, options);
    // The line of a mapping entry is its key's line (where the user looks), of a list item the item's.
    const lineOf = (path) => {
        if (!lineNumbers)
            return undefined;
        for (let depth = path.length; depth > 0; depth--) {
            const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
            const key = path[depth - 1];
            let node;
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isMap)(parent))
                node = parent.items.find((pair) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isScalar)(pair.key) && pair.key.value === key)?.key;
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isSeq)(parent) && typeof key === 'number')
                node = parent.items[key];
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isNode)(node) && node.range)
                return lineCounter.linePos(node.range[0]).line;
        }
        return (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isNode)(doc.contents) && doc.contents.range ? lineCounter.linePos(doc.contents.range[0]).line : undefined;
    };
    return {
        value,
        lineOf,
        where(path) {
            const line = lineOf(path);
            return line === undefined ? `${source}: ` : `${source}:${line}: `;
        }
    };
}


/***/ })

};
