/**
 * HTTP over the global fetch with what the actions need and fetch lacks: a per-attempt timeout, retries with
 * capped exponential backoff and Retry-After, a response size cap, and error messages that say what went
 * wrong in plain words without ever containing a credential.
 */
import { basicCredentials, credentialsInUrl, headerValueSecrets, redact, redactUrl, urlSecrets } from './redact.js';

export interface HttpRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Per attempt, covering the connection, the headers and the body. Default 10 s. */
  timeoutMs?: number;
  /** Attempts after the first one. Default 0. */
  retries?: number;
  /** First backoff delay; it doubles per attempt, with jitter. Default 200 ms. */
  backoffMs?: number;
  /** Cap for the backoff and for a server's Retry-After. Default 30 s. */
  maxBackoffMs?: number;
  /** Which statuses are worth another attempt. Default: 429 and 5xx. */
  retryOn?: (status: number) => boolean;
  /** Values to keep out of error messages, besides the URL's credentials and auth headers found here. */
  secrets?: readonly string[];
  /** Cancels the request and any retries; the error then says "aborted". */
  signal?: AbortSignal;
  /** Larger bodies are refused (and not retried). Default 10 MiB. */
  maxBodyBytes?: number;
  /** Redirects followed (each hop within the attempt's timeout). Default 5; 0 returns the 3xx response. */
  maxRedirects?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON; throws HttpError if it is not JSON. */
  json(): unknown;
  /** Duration of the attempt that produced this response, in milliseconds. */
  timeMs: number;
  attempts: number;
}

export interface HttpErrorDetails {
  method: string;
  /** The URL with its credentials redacted. */
  url: string;
  attempts: number;
  /** The system or undici error code when there was one, e.g. ECONNREFUSED. */
  code?: string;
  /** Set when the failure concerns a response that arrived (body too large, not JSON). */
  status?: number;
}

/**
 * A request that could not produce a usable response. The message is safe to print: the original error is
 * deliberately not attached as `cause`, since its text may quote the URL with its credentials.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    message: string,
    readonly details: HttpErrorDetails
  ) {
    super(message);
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

export function defaultRetryOn(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * The delay before retry number `retry` (1-based): base * 2^(retry-1), capped, then "equal jitter" (half
 * fixed, half random) so that many clients retrying together spread out but none retries immediately.
 */
export function backoffDelay(retry: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Retry-After as milliseconds from now: either delta-seconds or an HTTP date; undefined if unusable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const SENSITIVE_HEADER = /auth|token|key|secret|cookie|password|session/i;

interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  secrets: string[];
}

/**
 * fetch refuses URLs with user:password@ (and its error quotes the URL), so credentials move to a Basic
 * Authorization header; everything secret found on the way is collected for redaction.
 */
function prepare(url: URL, options: HttpRequestOptions): PreparedRequest {
  const secrets = [...(options.secrets ?? []), ...urlSecrets(url.href)];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    headers[name] = value;
    // "Bearer abc": the token alone may be echoed somewhere without its scheme; "Basic x" as user:password.
    if (SENSITIVE_HEADER.test(name) && value.trim() !== '') secrets.push(...headerValueSecrets(value));
  }
  moveCredentials(url, headers, secrets);
  return { url: url.href, headers, secrets: secrets.filter((secret) => secret !== '') };
}

/** user:password@ moves into a Basic Authorization header (unless one is set); its forms become secrets. */
function moveCredentials(url: URL, headers: Record<string, string>, secrets: string[]): void {
  const credentials = basicCredentials(url);
  if (!credentials) return;
  const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  if (!hasAuthorization) headers['authorization'] = `Basic ${credentials.encoded}`;
  secrets.push(credentials.encoded, `Basic ${credentials.encoded}`);
  url.username = '';
  url.password = '';
}

/**
 * Every secret a request with these options sends, in every form (URL credentials raw, decoded and as the Basic
 * header's base64, sensitive header values and their tokens), for an adapter to mask before anything is logged.
 */
export function httpRequestSecrets(
  url: string,
  options: Pick<HttpRequestOptions, 'headers' | 'secrets'> = {}
): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [...(options.secrets ?? []), ...credentialsInUrl(url)].filter((secret) => secret !== '');
  }
  return [...new Set(prepare(parsed, options).secrets)];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ORIGIN_BOUND = new Set(['authorization', 'cookie', 'proxy-authorization']);

class RedirectError extends Error {}

function holdsSecret(value: string, secrets: readonly string[]): boolean {
  return secrets.some(
    (secret) => secret !== '' && (value.includes(secret) || value.includes(encodeURIComponent(secret)))
  );
}

/**
 * fetch with redirects followed here rather than by fetch, which forwards every header but Authorization
 * (and Cookie) to another origin: on a change of scheme, host or port, every sensitive-looking header and
 * every header holding a secret is dropped, and a body holding one is not sent again.
 */
async function fetchFollowing(
  request: PreparedRequest,
  method: string,
  body: BodyInit | undefined,
  signal: AbortSignal,
  maxRedirects: number
): Promise<Response> {
  let url = new URL(request.url);
  let headers = { ...request.headers };
  let currentMethod = method;
  let currentBody = body;
  for (let hops = 0; ; hops++) {
    const response = await fetch(url.href, {
      method: currentMethod,
      headers,
      body: currentBody,
      signal,
      redirect: 'manual'
    });
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || !location || maxRedirects <= 0) return response;
    await response.body?.cancel().catch(() => undefined);
    if (hops >= maxRedirects) throw new RedirectError(`too many redirects (more than ${maxRedirects})`);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new RedirectError(`redirect to an invalid URL ${redactUrl(location)}`);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new RedirectError(`redirect to an unsupported URL scheme ${next.protocol}`);
    }
    request.secrets.push(...urlSecrets(next.href));
    const toGet =
      response.status === 303
        ? currentMethod !== 'HEAD'
        : (response.status === 301 || response.status === 302) && currentMethod === 'POST';
    if (next.origin !== url.origin) {
      headers = Object.fromEntries(
        Object.entries(headers).filter(([name, value]) => {
          const lower = name.toLowerCase();
          return !ORIGIN_BOUND.has(lower) && !SENSITIVE_HEADER.test(lower) && !holdsSecret(value, request.secrets);
        })
      );
      if (!toGet && typeof currentBody === 'string' && holdsSecret(currentBody, request.secrets)) {
        throw new RedirectError(
          `not following the ${response.status} redirect to another origin: the request body holds a secret`
        );
      }
    }
    if (toGet) {
      currentMethod = 'GET';
      currentBody = undefined;
      headers = Object.fromEntries(
        Object.entries(headers).filter(([name]) => !['content-type', 'content-length'].includes(name.toLowerCase()))
      );
    }
    moveCredentials(next, headers, request.secrets);
    url = next;
  }
}

/** The first system/undici error code in the cause chain (fetch wraps them as TypeError('fetch failed')). */
function findErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || error === null || typeof error !== 'object') return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = findErrorCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return findErrorCode(cause, depth + 1);
}

function innermostMessage(error: unknown): string {
  let current: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause !== undefined; depth++) {
    current = current.cause;
    if (current instanceof Error && current.message) message = current.message;
  }
  return message;
}

const CODE_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  UND_ERR_SOCKET: 'connection closed by the server',
  ENOTFOUND: 'host not found (DNS lookup failed)',
  EAI_AGAIN: 'DNS lookup failed (temporary failure)',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for response headers',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response body'
};

function describeFailure(error: unknown, code: string | undefined): string {
  if (code && Object.hasOwn(CODE_REASONS, code)) return CODE_REASONS[code]!;
  if (code && (/^(CERT_|ERR_TLS_|ERR_SSL_)/.test(code) || /CERT|SIGNATURE/.test(code))) {
    return `TLS error: ${innermostMessage(error)}`;
  }
  return innermostMessage(error);
}

class BodyTooLargeError extends Error {}

async function readBody(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError();
  }
  if (!response.body) return '';

  // Read the stream ourselves: response.text() would buffer whatever a hostile server sends.
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

function formatMegabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(2)} MiB` : `${bytes} bytes`;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends a request, retrying as configured; resolves with the last response, whatever its status. */
export async function httpRequest(url: string, options: HttpRequestOptions = {}): Promise<HttpResponse> {
  const method = (options.method ?? 'GET').toUpperCase();
  const displayUrl = redactUrl(url);
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxAttempts = 1 + Math.max(0, Math.floor(options.retries ?? DEFAULTS.retries));
  const backoffMs = options.backoffMs ?? DEFAULTS.backoffMs;
  const maxBackoffMs = options.maxBackoffMs ?? DEFAULTS.maxBackoffMs;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const retryOn = options.retryOn ?? defaultRetryOn;

  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    const secrets = [...(options.secrets ?? []), ...credentialsInUrl(url)];
    throw new HttpError(redact(`${method} ${displayUrl} failed: not a valid http(s) URL`, secrets), {
      method,
      url: redact(displayUrl, secrets),
      attempts: 0
    });
  }

  const request = prepare(parsed, options);
  const safe = (text: string) => redact(text, request.secrets);
  const fail = (message: string, details: Omit<HttpErrorDetails, 'method' | 'url'>): HttpError =>
    new HttpError(safe(message), { method, url: safe(displayUrl), ...details });
  const attemptsText = (n: number) => `after ${n} attempt${n === 1 ? '' : 's'}`;

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) {
      throw fail(`${method} ${displayUrl} was aborted`, { attempts: attempt - 1 });
    }

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    const started = performance.now();

    let raw: RawResponse;
    try {
      // Typed through BodyInit so this compiles both with Node's fetch types and with the DOM lib that
      // some dependencies' declarations pull into the program.
      const response = await fetchFollowing(
        request,
        method,
        options.body as BodyInit | undefined,
        signal,
        options.maxRedirects ?? DEFAULTS.maxRedirects
      );
      raw = {
        status: response.status,
        headers: headersToRecord(response.headers),
        body: await readBody(response, maxBodyBytes)
      };
    } catch (error) {
      if (options.signal?.aborted && !timedOut) {
        throw fail(`${method} ${displayUrl} was aborted`, { attempts: attempt });
      }
      if (error instanceof RedirectError) {
        throw fail(`${method} ${displayUrl} failed: ${error.message}`, { attempts: attempt });
      }
      if (error instanceof BodyTooLargeError) {
        controller.abort();
        throw fail(`${method} ${displayUrl} returned a response body larger than ${formatMegabytes(maxBodyBytes)}`, {
          attempts: attempt
        });
      }
      const code = timedOut ? 'ETIMEDOUT' : findErrorCode(error);
      const reason = timedOut ? `timed out after ${timeoutMs}ms` : describeFailure(error, code);
      // A TypeError without a cause is fetch rejecting the request itself (a bad header value, say):
      // sending it again cannot help.
      const transient = timedOut || code !== undefined || (error instanceof TypeError && error.cause !== undefined);
      if (!transient) {
        throw fail(`${method} ${displayUrl} failed: ${reason}`, { attempts: attempt, ...(code ? { code } : {}) });
      }
      if (attempt >= maxAttempts) {
        throw fail(`${method} ${displayUrl} failed ${attemptsText(attempt)}: ${reason}`, {
          attempts: attempt,
          ...(code ? { code } : {})
        });
      }
      await waitOrAbort(backoffDelay(attempt, backoffMs, maxBackoffMs), attempt);
      continue;
    } finally {
      clearTimeout(timer);
    }
    const timeMs = performance.now() - started;

    if (attempt < maxAttempts && retryOn(raw.status)) {
      const retryAfter =
        raw.status === 429 || raw.status === 503 ? parseRetryAfter(raw.headers['retry-after']) : undefined;
      const delay =
        retryAfter !== undefined ? Math.min(retryAfter, maxBackoffMs) : backoffDelay(attempt, backoffMs, maxBackoffMs);
      await waitOrAbort(delay, attempt);
      continue;
    }
    return toResponse(raw, timeMs, attempt);
  }

  async function waitOrAbort(ms: number, attempt: number): Promise<void> {
    try {
      await sleep(ms, options.signal);
    } catch {
      throw fail(`${method} ${displayUrl} was aborted`, { attempts: attempt });
    }
  }

  function toResponse(raw: RawResponse, timeMs: number, attempts: number): HttpResponse {
    return {
      ...raw,
      timeMs,
      attempts,
      json(): unknown {
        try {
          return JSON.parse(raw.body) as unknown;
        } catch (error) {
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

function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => (record[name] = value));
  return record;
}
