/**
 * The one way actions build an Octokit: `@actions/github`'s GitHub class (REST endpoint methods + paginate)
 * with the retry and throttling plugins, a configurable base URL (GHES, or a local emulator in tests), logging
 * through an injected logger (never @actions/core, so engines and the CLI can use it), and errors that never
 * carry the token.
 */
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../lib/logger.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

type OctokitPlugin = Parameters<typeof GitHub.plugin>[number];

/**
 * Logs each retry attempt. Plugins' hooks nest in registration order, so this one (first) runs inside the
 * retry and throttling plugins and sees every attempt; a hook added after construction would see only the
 * first.
 */
const attemptLogging: OctokitPlugin = (octokit, options) => {
  const logger = options.ubosLogger as OctokitLogger | undefined;
  const timeoutMs = (options.ubosRequestTimeoutMs as number | undefined) ?? DEFAULT_REQUEST_TIMEOUT_MS;
  octokit.hook.wrap('request', (request, requestOptions) => {
    const retryCount = (requestOptions.request as { retryCount?: number } | undefined)?.retryCount;
    if (retryCount) logger?.info(`retrying ${describeRequest(requestOptions)} (retry ${retryCount})`);
    // A fresh signal per attempt (this hook runs inside the retry plugin), so a retry gets its own budget.
    const signal = AbortSignal.timeout(timeoutMs);
    requestOptions.request = { ...requestOptions.request, signal };
    return Promise.resolve(request(requestOptions)).catch((error: unknown) => {
      if (signal.aborted)
        throw new Error(`${describeRequest(requestOptions)} did not answer within ${Math.round(timeoutMs / 1000)} s`);
      throw error;
    });
  });
};

const GitHubWithPlugins = GitHub.plugin(attemptLogging, retry, throttling);

/** The Octokit instance type createOctokit returns (rest.*, paginate, graphql, request). */
export type GitHubClient = InstanceType<typeof GitHubWithPlugins>;

export type OctokitLogger = Logger;

/** One request's budget: a GitHub API that accepts and never answers must not hold the step until the job times out. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface CreateOctokitOptions {
  token: string;
  /** REST base URL; pass githubApiUrlFromEnv() in an action. Default https://api.github.com. */
  baseUrl?: string;
  userAgent?: string;
  /**
   * How many times to retry a request that hit a primary or secondary rate limit, and (separately) a 5xx or
   * network failure. Default 2.
   */
  retries?: number;
  /** Give up instead of waiting longer than this for a rate limit to lift. Default 60 s. */
  maxRateLimitWaitSeconds?: number;
  /**
   * Milliseconds per second of `retry-after` and of the 5xx backoff (1 s, 4 s, 9 s, ...). Default 1000; tests
   * lower it to run fast.
   */
  retryAfterBaseValue?: number;
  /**
   * Keep the throttling plugin's minimum spacing between writes (1 s), notification-triggering writes such as
   * new comments (3 s) and searches (2 s). Default true, as GitHub asks; tests against a local emulator turn it
   * off. Rate-limit retries apply either way.
   */
  requestSpacing?: boolean;
  logger?: OctokitLogger;
  /** Budget of one request attempt. Default 30 s. */
  requestTimeoutMs?: number;
}

/** GITHUB_API_URL (set by the runner; differs on GHES), or https://api.github.com. */
export function githubApiUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.GITHUB_API_URL?.trim();
  return value ? value.replace(/\/+$/, '') : DEFAULT_GITHUB_API_URL;
}

/** GITHUB_GRAPHQL_URL, or the GraphQL URL GitHub uses for a given REST base URL. */
export function githubGraphqlUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.GITHUB_GRAPHQL_URL?.trim();
  if (value) return value;
  const api = githubApiUrlFromEnv(env);
  return api.endsWith('/api/v3') ? `${api.slice(0, -'/v3'.length)}/graphql` : `${api}/graphql`;
}

const defaultLogger: OctokitLogger = {
  debug: () => undefined,
  info: () => undefined,
  warning: (message) => process.stderr.write(`warning: ${message}\n`)
};

function isLoopback(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

/**
 * `GET /repos/acme/shop` from endpoint options whose url may still hold `{owner}`-style placeholders or be absolute
 * (pagination follows absolute Link URLs).
 */
function describeRequest(options: { method?: string; url?: string; [key: string]: unknown }): string {
  const url = String(options.url ?? '').replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = options[name];
    return typeof value === 'string' || typeof value === 'number' ? encodeURIComponent(String(value)) : placeholder;
  });
  const baseUrl = typeof options.baseUrl === 'string' ? options.baseUrl : '';
  const path = baseUrl !== '' && url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
  return `${options.method ?? 'GET'} ${path}`;
}

/**
 * Stands in for a Bottleneck.Group of the throttling plugin when requestSpacing is off: `key(id)` gives a
 * limiter whose `schedule([jobOptions], fn, ...args)` runs fn at once (the subset of Bottleneck the plugin uses).
 */
const immediateGroup = {
  key: () => ({
    schedule: (...args: unknown[]): Promise<unknown> => {
      const [first, ...rest] = args;
      if (typeof first === 'function')
        return Promise.resolve().then(() => (first as (...a: unknown[]) => unknown)(...rest));
      const [fn, ...fnArgs] = rest as [(...a: unknown[]) => unknown, ...unknown[]];
      return Promise.resolve().then(() => fn(...fnArgs));
    }
  })
};

/** Replaces every occurrence of the secret in a string. */
function scrub(text: string, secret: string): string {
  return secret.length === 0 ? text : text.split(secret).join('***');
}

function scrubDeep(value: unknown, secret: string, depth: number): unknown {
  if (typeof value === 'string') return scrub(value, secret);
  if (depth > 20 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, secret, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = scrubDeep(item, secret, depth + 1);
  return copy;
}

/** Removes the token from an error's message, stack, response data and request headers (in place) and returns it. */
export function redactToken<E>(error: E, token: string): E {
  if (typeof error !== 'object' || error === null || token === '') return error;
  const e = error as { message?: unknown; stack?: unknown; request?: { headers?: Record<string, unknown> } };
  try {
    if (typeof e.message === 'string') e.message = scrub(e.message, token);
    if (typeof e.stack === 'string') e.stack = scrub(e.stack, token);
    const response = (e as { response?: { data?: unknown } }).response;
    if (response && typeof response === 'object' && 'data' in response)
      response.data = scrubDeep(response.data, token, 0);
    const headers = e.request?.headers;
    if (headers && typeof headers === 'object') {
      for (const [name, value] of Object.entries(headers)) {
        if (name.toLowerCase() === 'authorization') headers[name] = '[REDACTED]';
        else if (typeof value === 'string') headers[name] = scrub(value, token);
      }
    }
  } catch {
    // a frozen error: leave it
  }
  return error;
}

/** Builds the Octokit every action uses. */
export function createOctokit(options: CreateOctokitOptions): GitHubClient {
  const token = options.token;
  if (!token) throw new Error('createOctokit: a token is required');
  const logger = options.logger ?? defaultLogger;
  const retries = options.retries ?? 2;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const baseUrl = (options.baseUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
  const retryAfterBaseValue = options.retryAfterBaseValue ?? 1000;

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = describeRequest(request);
      if (retryCount >= retries) {
        logger.warning(`GitHub ${kind} rate limit for ${what}; giving up after ${retries} retries`);
        return false;
      }
      if (retryAfter > maxWait) {
        logger.warning(
          `GitHub ${kind} rate limit for ${what}; it lifts in ${retryAfter} s, longer than ${maxWait} s: giving up`
        );
        return false;
      }
      logger.warning(
        `GitHub ${kind} rate limit for ${what}; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${retries})`
      );
      return true;
    };

  const octokitOptions = getOctokitOptions(token, {
    baseUrl,
    userAgent: options.userAgent ?? 'ubos-actions',
    ubosLogger: logger,
    ubosRequestTimeoutMs: options.requestTimeoutMs,
    log: {
      debug: (message: string) => logger.debug(scrub(message, token)),
      info: (message: string) => logger.info(scrub(message, token)),
      warn: (message: string) => logger.warning(scrub(message, token)),
      error: (message: string) => logger.warning(scrub(message, token))
    },
    retry: {
      retries,
      retryAfterBaseValue,
      // 403 and 429 are rate limits: the throttling plugin decides on those, so they are not retried twice.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
    },
    throttle: {
      retryAfterBaseValue,
      ...(options.requestSpacing === false
        ? { write: immediateGroup as never, notifications: immediateGroup as never, search: immediateGroup as never }
        : {}),
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary')
    },
    // @actions/github routes requests through a proxy-aware fetch built for GITHUB_API_URL at import time; a
    // loopback server (the emulator in tests, a local GHES tunnel) must never go through a proxy.
    ...(isLoopback(baseUrl)
      ? { request: { fetch: (url: string, init: RequestInit) => globalThis.fetch(url, init) } }
      : {})
  });

  const octokit = new GitHubWithPlugins(octokitOptions);
  // Registered last, so it wraps the plugins' hooks and sees the final error after all retries.
  octokit.hook.error('request', (error) => {
    throw redactToken(error, token);
  });
  return octokit;
}
