/**
 * The HTTP client of the actions: the transport (http-transport.ts: TLS options, redirects that drop secrets
 * across origins, size caps, timing) with what a client needs on top: a per-attempt timeout, retries with capped
 * exponential backoff and Retry-After, JSON, and error messages that say what went wrong in plain words without
 * ever containing a credential.
 */
import { ConfigurationError } from './errors.js';
import {
  RequestError,
  requestSecrets,
  sendRequest,
  type RequestErrorKind,
  type SentResponse,
  type TlsOptions
} from './http-transport.js';
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
  /** Redirects followed (each hop within the attempt's timeout). Default 5; 0 returns the 3xx response. */
  maxRedirects?: number;
  /** Extra CAs, or insecure TLS when the user asked for it. */
  tls?: TlsOptions;
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

/**
 * Every secret a request with these options sends, in every form (URL credentials raw, decoded and as the Basic
 * header's base64, sensitive header values and their tokens), for an adapter to mask before anything is logged.
 */
export function httpRequestSecrets(
  url: string,
  options: Pick<HttpRequestOptions, 'headers' | 'secrets'> = {}
): string[] {
  return [...new Set(requestSecrets(url, options.headers, options.secrets))];
}

/** The abort reason as an Error (AbortController.abort() gives a DOMException; abort('x') a string). */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error(String(reason));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      if (signal) reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function formatMegabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(2)} MiB` : `${bytes} bytes`;
}

// What a failed exchange says, in the words of this client's messages ("... failed after 2 attempts: <why>").
const REASONS: Partial<Record<RequestErrorKind, string>> = {
  refused: 'connection refused',
  reset: 'connection reset by the server'
};

// Failures that another attempt cannot fix.
const FINAL: ReadonlySet<RequestErrorKind> = new Set(['invalid', 'redirect', 'too-large', 'aborted']);

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

  const request = { secrets: requestSecrets(url, options.headers, options.secrets) };
  const safe = (text: string) => redact(text, request.secrets);
  const fail = (message: string, details: Omit<HttpErrorDetails, 'method' | 'url'>): HttpError =>
    new HttpError(safe(message), { method, url: safe(displayUrl), ...details });
  const attemptsText = (n: number) => `after ${n} attempt${n === 1 ? '' : 's'}`;

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) {
      throw fail(`${method} ${displayUrl} was aborted`, { attempts: attempt - 1 });
    }

    let raw: SentResponse;
    try {
      raw = await sendRequest({
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
    } catch (error) {
      if (error instanceof ConfigurationError)
        throw fail(`${method} ${displayUrl} failed: ${error.message}`, { attempts: attempt });
      if (!(error instanceof RequestError)) throw error;
      const code = error.kind === 'timeout' ? 'ETIMEDOUT' : error.code;
      const details = { attempts: attempt, ...(code ? { code } : {}) };
      if (error.kind === 'aborted') throw fail(`${method} ${displayUrl} was aborted`, details);
      if (error.kind === 'too-large')
        throw fail(
          `${method} ${displayUrl} returned a response body larger than ${formatMegabytes(maxBodyBytes)}`,
          details
        );
      const reason =
        error.kind === 'timeout' ? `timed out after ${timeoutMs}ms` : (REASONS[error.kind] ?? error.message);
      if (FINAL.has(error.kind)) throw fail(`${method} ${displayUrl} failed: ${reason}`, details);
      if (attempt >= maxAttempts)
        throw fail(`${method} ${displayUrl} failed ${attemptsText(attempt)}: ${reason}`, details);
      await waitOrAbort(backoffDelay(attempt, backoffMs, maxBackoffMs), attempt);
      continue;
    }
    const timeMs = raw.latencyMs;

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

  function toResponse(raw: SentResponse, timeMs: number, attempts: number): HttpResponse {
    return {
      status: raw.status,
      headers: raw.headers,
      body: raw.body,
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
