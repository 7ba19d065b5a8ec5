// Verification by probing: after every change, requests through the router until the share of responses from
// each colour over the last `window` responses matches the weights (a colour at 0 % must not answer at all,
// the others within the tolerance), or the time or request budget runs out. Routers are never trusted to
// have done what they said: this is what makes "switched" mean switched.
import { formatDuration } from '../../../../shared/src/lib/duration.js';
import { httpRequest, type HttpResponse } from '../../../../shared/src/lib/http.js';
import { redact } from '../../../../shared/src/lib/redact.js';
import { Cancelled } from './time.js';
import type { Color, ColorSpec, VerifyResult, VerifySpec, Weights } from './types.js';

const UNKNOWN = 'unknown';
const MAX_BODY = 1024 * 1024;

/** The colour a response names (by header or JSON field), or undefined. */
export function identify(
  response: Pick<HttpResponse, 'headers' | 'body'>,
  spec: VerifySpec,
  colors: readonly ColorSpec[]
): Color | undefined {
  let value: unknown;
  if (spec.header) {
    value = response.headers[spec.header];
  } else if (spec.jsonField) {
    try {
      value = spec.jsonField
        .split('.')
        .reduce<unknown>(
          (node, key) =>
            typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
          JSON.parse(response.body)
        );
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return colors.find((c) => c.id === text || c.id.toLowerCase() === text.toLowerCase())?.name;
}

function describeShares(shares: Record<string, number>): string {
  return Object.entries(shares)
    .filter(([name, share]) => name !== UNKNOWN || share > 0)
    .map(([name, share]) => `${name} ${(share * 100).toFixed(0)}%`)
    .join(', ');
}

export function sharesMatch(shares: Record<string, number>, weights: Weights, tolerance: number): boolean {
  for (const [color, weight] of Object.entries(weights)) {
    const share = shares[color] ?? 0;
    if (weight === 0 ? share > 0 : Math.abs(share - weight / 100) > tolerance + 1e-9) return false;
  }
  return (shares[UNKNOWN] ?? 0) <= tolerance;
}

export interface VerifyOptions {
  spec: VerifySpec;
  colors: readonly ColorSpec[];
  weights: Weights;
  signal?: AbortSignal;
  secrets?: readonly string[];
}

export async function verifyWeights(options: VerifyOptions): Promise<VerifyResult> {
  const { spec, colors, weights } = options;
  const started = performance.now();
  const deadline = started + spec.timeoutMs;
  const window: string[] = [];
  let sent = 0;
  let done = false;
  let lastError: string | undefined;
  const shares = (): Record<string, number> => {
    const counts: Record<string, number> = Object.fromEntries(
      [...colors.map((c) => c.name), UNKNOWN].map((n) => [n, 0])
    );
    for (const entry of window) counts[entry] = (counts[entry] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).map(([n, c]) => [n, window.length ? c / window.length : 0]));
  };
  const timer = new AbortController();
  const stop = setTimeout(() => timer.abort(), spec.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;

  const worker = async (): Promise<void> => {
    while (!done && sent < spec.maxRequests && performance.now() < deadline && !signal.aborted) {
      sent++;
      let entry = UNKNOWN;
      try {
        const response = await httpRequest(spec.url, {
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
        if (entry === UNKNOWN) lastError = `status ${response.status} without a colour`;
      } catch (error) {
        if (signal.aborted) break;
        lastError = (error as Error).message;
      }
      if (done) break;
      window.push(entry);
      if (window.length > spec.window) window.shift();
      if (window.length >= spec.window && sharesMatch(shares(), weights, spec.tolerance)) done = true;
    }
  };
  try {
    await Promise.all(Array.from({ length: spec.concurrency }, worker));
  } finally {
    clearTimeout(stop);
  }
  if (options.signal?.aborted) throw new Cancelled();
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
      message: `verified ${describeShares(observed)} over the last ${window.length} of ${sent} requests in ${formatDuration(durationMs)}`
    };
  }
  const why =
    sent >= spec.maxRequests
      ? `${sent} requests (verify.max-requests)`
      : `${formatDuration(spec.timeoutMs)} (verify.timeout)`;
  const error = lastError ? `; last problem: ${redact(lastError, options.secrets ?? [])}` : '';
  return {
    ok: false,
    requests: sent,
    shares: observed,
    durationMs,
    message: `traffic did not match ${want} (±${(spec.tolerance * 100).toFixed(0)}%) after ${why}: saw ${describeShares(observed) || 'no responses'}${error}`
  };
}

/** The verify URL's path and query on another origin (a colour's direct URL). */
export function directUrl(base: string, verifyUrl: string): string {
  const target = new URL(verifyUrl);
  const origin = new URL(base);
  const basePath = origin.pathname.replace(/\/+$/, '');
  return `${origin.origin}${basePath}${target.pathname}${target.search}`;
}

export interface DirectProbeResult {
  ok: boolean;
  message: string;
}

/** One request to each of a colour's servers directly: it must answer below 400 and name that colour. */
export async function probeColorDirectly(
  color: ColorSpec,
  urls: readonly string[],
  spec: VerifySpec,
  colors: readonly ColorSpec[],
  signal?: AbortSignal,
  secrets: readonly string[] = []
): Promise<DirectProbeResult> {
  const failures: string[] = [];
  for (const base of urls) {
    const url = directUrl(base, spec.url);
    try {
      const response = await httpRequest(url, {
        headers: spec.headers,
        timeoutMs: spec.requestTimeoutMs,
        retries: 2,
        backoffMs: 100,
        maxBodyBytes: MAX_BODY,
        secrets,
        signal
      });
      const named = identify(response, spec, colors);
      if (response.status >= 400) failures.push(`${url} answered ${response.status}`);
      else if (named !== color.name)
        failures.push(`${url} says it is ${named ?? 'no known colour'}, not ${color.name}`);
    } catch (error) {
      if (signal?.aborted) throw new Cancelled();
      failures.push(redact((error as Error).message, secrets));
    }
  }
  return failures.length === 0
    ? { ok: true, message: `${color.name}: ${urls.length} server(s) answer directly and name ${color.name}` }
    : { ok: false, message: failures.join('; ') };
}
