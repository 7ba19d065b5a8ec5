/**
 * HTTP over the global fetch with what the actions need and fetch lacks: a per-attempt timeout, retries with
 * capped exponential backoff and Retry-After, a response size cap, and error messages that say what went
 * wrong in plain words without ever containing a credential.
 */
import { credentialsInUrl, redact, redactUrl } from './redact.js';

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
  maxBodyBytes: 10 * 1024 * 1024
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
  const secrets = [...(options.secrets ?? []), ...credentialsInUrl(url.href)];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    headers[name] = value;
    if (SENSITIVE_HEADER.test(name)) {
      secrets.push(value);
      // "Bearer abc": the token alone may be echoed somewhere without its scheme.
      const credentials = /^\s*\S+\s+(\S+)\s*$/.exec(value)?.[1];
      if (credentials) secrets.push(credentials);
    }
  }

  if (url.username !== '' || url.password !== '') {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
    if (!hasAuthorization) {
      const encoded = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
      headers['authorization'] = `Basic ${encoded}`;
      secrets.push(encoded);
    }
    url.username = '';
    url.password = '';
  }
  return { url: url.href, headers, secrets: secrets.filter((secret) => secret !== '') };
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
      const response = await fetch(request.url, {
        method,
        headers: request.headers,
        // Typed through BodyInit so this compiles both with Node's fetch types and with the DOM lib that
        // some dependencies' declarations pull into the program.
        body: options.body as BodyInit | undefined,
        signal
      });
      raw = {
        status: response.status,
        headers: headersToRecord(response.headers),
        body: await readBody(response, maxBodyBytes)
      };
    } catch (error) {
      if (options.signal?.aborted && !timedOut) {
        throw fail(`${method} ${displayUrl} was aborted`, { attempts: attempt });
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
