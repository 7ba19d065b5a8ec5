// The one HTTP(S) transport of the actions: one exchange on node:http/https rather than fetch, because a probe or
// a deploy step needs a per-request CA and opt-in insecure TLS, redirects it can refuse to follow (and that drop
// every secret header when they leave the origin), a fresh connection per attempt (a pooled keep-alive socket
// would hide a server that restarted), a body size cap enforced while it streams in, and timing that covers the
// whole body. httpRequest (http.ts) adds retries on top.
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { ConfigurationError } from './errors.js';
import { basicCredentials, headerValueSecrets, redact, redactUrl, secretForms, urlSecrets } from './redact.js';

export interface TlsOptions {
  /** PEM text of extra CA certificates to trust, on top of the public ones. */
  ca?: string;
  /** Skip certificate verification; only ever true when the user asked for it. */
  insecure: boolean;
}

export interface SendRequestOptions {
  url: string;
  /** Default GET. */
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  tls?: TlsOptions;
  /** Sent unless the headers name one. Default `ubos-actions`. */
  userAgent?: string;
  /** Off by default: a gate should see the redirect a client would get, not where it leads. */
  followRedirects?: boolean;
  /** Default 5. */
  maxRedirects?: number;
  /** Aborts the exchange; the error then says "aborted". */
  signal?: AbortSignal;
  /** A deadline of its own for the whole exchange (redirects included); the error says "timed out after N ms". */
  timeoutMs?: number;
  /** Larger bodies are refused. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Names of headers that are secret besides the sensitive-looking ones: never sent to another origin. */
  secretHeaders?: readonly string[];
  /**
   * Values that must stay secret (credentials, masked values): redacted from errors; a header holding one is
   * not sent to another origin, nor a body holding one.
   */
  secrets?: readonly string[];
}

export interface SentResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** From the start of the call to the last byte of the final response's body, redirects included. */
  latencyMs: number;
  /** The redirect targets followed, in order, redacted. */
  redirects: string[];
}

export type RequestErrorKind =
  | 'refused'
  | 'reset'
  | 'dns'
  | 'tls'
  | 'timeout'
  | 'aborted'
  | 'too-large'
  | 'redirect'
  | 'network'
  /** The request itself is malformed (a control character in a header): sending it again cannot help. */
  | 'invalid';

/** A request that produced no usable response. The message is short and never holds a credential. */
export class RequestError extends Error {
  override readonly name = 'RequestError';

  constructor(
    message: string,
    readonly kind: RequestErrorKind,
    /** The system error code when there was one, e.g. ECONNREFUSED. */
    readonly code?: string
  ) {
    super(message);
  }
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'ubos-actions';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Dropped when a redirect leaves the origin (scheme, host or port), so a credential meant for one host never
// reaches another: these, every sensitive-looking name, the check's secret-headers and any header whose value
// holds a secret.
const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie', 'proxy-authorization', 'x-api-key'];
const SENSITIVE_HEADER = /auth|token|key|secret|cookie|password|session/i;

type Phase = 'connecting' | 'TLS handshake' | 'waiting for response headers' | 'reading the body';

interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface HopContext {
  tls: TlsOptions;
  maxBodyBytes: number;
  signal: AbortSignal;
  timeoutMs?: number;
  isTimeout: (reason: unknown) => boolean;
}

/** Marks the abort caused by sendRequest's own timer, to tell it apart from the caller's signal. */
class OwnTimeout {}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(2)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function withoutHeaders(headers: Record<string, string>, names: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => !names.has(key.toLowerCase())));
}

function bodyText(body: string | Uint8Array): string {
  return typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
}

function holdsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => secret !== '' && secretForms(secret).some((form) => text.includes(form)));
}

/** The headers that may go to another origin: none that is secret by name, by the config, or by value. */
function crossOriginHeaders(
  headers: Record<string, string>,
  secretHeaders: ReadonlySet<string>,
  secrets: readonly string[]
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name, value]) => {
      const lower = name.toLowerCase();
      // Host names the first origin: sent to another one it would at best be wrong.
      if (lower === 'host') return false;
      return !secretHeaders.has(lower) && !SENSITIVE_HEADER.test(lower) && !holdsSecret(value, secrets);
    })
  );
}

/** Moves user:password@ from the URL into a Basic Authorization header (unless one was given). */
function takeCredentials(url: URL, headers: Record<string, string>, secrets: string[]): Record<string, string> {
  const credentials = basicCredentials(url);
  if (!credentials) return headers;
  url.username = '';
  url.password = '';
  if (hasHeader(headers, 'authorization')) return headers;
  secrets.push(credentials.encoded, `Basic ${credentials.encoded}`);
  return { ...headers, authorization: `Basic ${credentials.encoded}` };
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = base ? new URL(text, base) : new URL(text);
  } catch {
    throw new ConfigurationError(`invalid URL "${redactUrl(text)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`unsupported URL scheme ${url.protocol} in "${redactUrl(text)}" (use http or https)`);
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
function tlsHint(phase: Phase): string {
  return phase === 'TLS handshake' ? '; is the port serving TLS?' : '';
}

function describeError(error: unknown, phase: Phase, url: URL): RequestError {
  const described = describeErrorText(error, phase, url);
  const code = (error as NodeJS.ErrnoException).code;
  return new RequestError(described.message, described.kind, typeof code === 'string' ? code : undefined);
}

function describeErrorText(error: unknown, phase: Phase, url: URL): RequestError {
  const { code, message } = error as NodeJS.ErrnoException;
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
    const what =
      code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ? 'self-signed certificate' : 'certificate signed by unknown authority';
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

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function exchange(hop: Hop, context: HopContext): Promise<RawResponse> {
  const { signal, maxBodyBytes } = context;
  return new Promise<RawResponse>((resolve, reject) => {
    const isHttps = hop.url.protocol === 'https:';
    let phase: Phase = 'connecting';
    let settled = false;
    let request: http.ClientRequest | undefined;

    const onAbort = (): void => {
      const timedOut = context.isTimeout(signal.reason);
      const text = timedOut ? `timed out after ${context.timeoutMs} ms` : 'aborted';
      const during = phase === 'reading the body' ? 'while reading the body' : `(${phase})`;
      finish(new RequestError(`${text} ${during}`, timedOut ? 'timeout' : 'aborted'));
    };
    const finish = (error: Error | undefined, response?: RawResponse): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (error) {
        request?.destroy();
        reject(error);
      } else {
        resolve(response!);
      }
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });

    const tooLarge = () => new RequestError(`response body larger than ${formatBytes(maxBodyBytes)}`, 'too-large');

    const options: https.RequestOptions = {
      method: hop.method,
      headers: hop.headers,
      agent: false
    };
    if (isHttps) {
      // Extra CAs are added to the public ones rather than replacing them, so a redirect to a public host
      // still verifies.
      if (context.tls.ca) options.ca = [...rootCertificates, context.tls.ca];
      options.rejectUnauthorized = !context.tls.insecure;
    }

    try {
      request = (isHttps ? https : http).request(hop.url, options, (response) => {
        phase = 'reading the body';
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBodyBytes) return finish(tooLarge());
        const chunks: Buffer[] = [];
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBodyBytes) finish(tooLarge());
          else chunks.push(chunk);
        });
        response.on('end', () =>
          finish(undefined, {
            status: response.statusCode ?? 0,
            headers: flattenHeaders(response.headers),
            body: Buffer.concat(chunks).toString('utf8')
          })
        );
        response.on('error', (error) => finish(describeError(error, phase, hop.url)));
        response.on('close', () => {
          if (!response.complete) {
            finish(
              new RequestError(
                `connection reset by the server while reading the body (${formatBytes(received)} received)`,
                'reset'
              )
            );
          }
        });
      });
    } catch (error) {
      // http.request validates headers and options synchronously (e.g. a control character in a value): the
      // request cannot be sent as it is, and its message may quote the value, so it is not repeated.
      const code = (error as NodeJS.ErrnoException).code;
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
function nextHop(
  hop: Hop,
  status: number,
  location: URL,
  secrets: string[],
  secretHeaders: ReadonlySet<string>,
  shownTarget: string
): Hop {
  const toGet = status === 303 ? hop.method !== 'HEAD' : (status === 301 || status === 302) && hop.method === 'POST';
  let headers = hop.headers;
  // URL.origin compares scheme, host and port (with default ports normalised); an opaque origin ("null",
  // which is never equal to anything) counts as another origin.
  const crossOrigin = location.origin !== hop.url.origin || location.origin === 'null';
  if (crossOrigin) {
    headers = crossOriginHeaders(headers, secretHeaders, secrets);
    if (!toGet && hop.body !== undefined && holdsSecret(bodyText(hop.body), secrets)) {
      throw new RequestError(
        `not following the ${status} redirect to another origin (${shownTarget}): the request body holds a secret`,
        'redirect'
      );
    }
  }
  if (toGet) headers = withoutHeaders(headers, new Set(['content-type', 'content-length']));
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
export function requestSecrets(
  url: string,
  headers: Record<string, string> = {},
  extra: readonly string[] = [],
  secretHeaders: ReadonlySet<string> = new Set(ORIGIN_BOUND_HEADERS)
): string[] {
  const secrets = [...extra, ...urlSecrets(url)];
  for (const [name, value] of Object.entries(headers)) {
    if ((SENSITIVE_HEADER.test(name) || secretHeaders.has(name.toLowerCase())) && value.trim() !== '') {
      secrets.push(...headerValueSecrets(value));
    }
  }
  return secrets.filter((secret) => secret !== '');
}

/**
 * Sends one request (following redirects only when asked) and reads the whole body. Resolves with any status;
 * rejects with a RequestError for connection, DNS, TLS, timeout, abort, size and redirect failures.
 */
export async function sendRequest(options: SendRequestOptions): Promise<SentResponse> {
  const started = performance.now();
  const secretHeaders = new Set([
    ...ORIGIN_BOUND_HEADERS,
    ...(options.secretHeaders ?? []).map((h) => h.toLowerCase())
  ]);
  const secrets = requestSecrets(options.url, options.headers, options.secrets, secretHeaders);

  const url = parseUrl(options.url);
  let headers: Record<string, string> = { ...options.headers };
  if (!hasHeader(headers, 'user-agent')) headers['user-agent'] = options.userAgent ?? USER_AGENT;
  headers = takeCredentials(url, headers, secrets);
  let hop: Hop = {
    url,
    method: (options.method ?? 'GET').toUpperCase(),
    headers,
    ...(options.body === undefined ? {} : { body: options.body })
  };

  const controller = new AbortController();
  const forward = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  else options.signal?.addEventListener('abort', forward, { once: true });
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => controller.abort(new OwnTimeout()), options.timeoutMs);
  const context: HopContext = {
    tls: options.tls ?? { insecure: false },
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    signal: controller.signal,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    isTimeout: (reason) => reason instanceof OwnTimeout
  };
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const redirects: string[] = [];

  try {
    for (;;) {
      let raw: RawResponse;
      try {
        raw = await exchange(hop, context);
      } catch (error) {
        if (!(error instanceof RequestError) || redirects.length === 0) throw error;
        throw new RequestError(
          `${error.message} (after redirect to ${redirects[redirects.length - 1]})`,
          error.kind,
          error.code
        );
      }
      const location = raw.headers['location'];
      if (!options.followRedirects || !REDIRECT_STATUSES.has(raw.status) || !location) {
        return { ...raw, latencyMs: performance.now() - started, redirects };
      }
      if (redirects.length >= maxRedirects) {
        throw new RequestError(`too many redirects (more than ${maxRedirects})`, 'redirect');
      }
      let target: URL;
      try {
        target = parseUrl(location, hop.url);
      } catch (error) {
        throw new RequestError(`cannot follow redirect: ${(error as Error).message}`, 'redirect');
      }
      secrets.push(...urlSecrets(target.href));
      const shown = redact(redactUrl(target.href), secrets);
      redirects.push(shown);
      hop = nextHop(hop, raw.status, target, secrets, secretHeaders, shown);
    }
  } catch (error) {
    if (error instanceof RequestError) throw new RequestError(redact(error.message, secrets), error.kind, error.code);
    if (error instanceof ConfigurationError) throw new ConfigurationError(redact(error.message, secrets));
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', forward);
  }
}
