// The policy for $refs that leave the workspace (files elsewhere on disk, http(s) URLs) and the one way both the
// loader and Spectral's resolver fetch a URL: a timeout, a size cap enforced while the body streams in, and
// messages that never carry a credential from the URL.
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { HttpError, httpRequest } from '../../../../shared/src/lib/http.js';
import { redactUrl } from '../../../../shared/src/lib/redact.js';

/** What may be followed besides files inside the root. Both false by default. */
export interface ExternalRefPolicy {
  /** File $refs anywhere on disk (absolute paths, `../` out of the workspace, symlinks that point out). */
  files: boolean;
  /** http:// and https:// $refs, fetched (and the $refs inside them, which may only be URLs). */
  urls: boolean;
}

export const NO_EXTERNAL_REFS: ExternalRefPolicy = Object.freeze({ files: false, urls: false });

export const EXTERNAL_REF_VALUES = ['none', 'files', 'urls', 'all'] as const;

/**
 * Parses the `allow-external-refs` input / `--allow-external-refs` flag: a comma- or newline-separated list of
 * none, files, urls, all. Empty means none; `none` cannot be combined with anything else.
 */
export function parseExternalRefPolicy(values: readonly string[], what = 'allow-external-refs'): ExternalRefPolicy {
  const items = values
    .flatMap((value) => value.split(/[\r\n,]/))
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
  const policy: ExternalRefPolicy = { files: false, urls: false };
  for (const item of items) {
    if (item === 'files' || item === 'all') policy.files = true;
    if (item === 'urls' || item === 'all') policy.urls = true;
    if (!(EXTERNAL_REF_VALUES as readonly string[]).includes(item))
      throw new ConfigurationError(`${what} must be none, files, urls or all (or "files, urls"); got "${item}"`);
  }
  if (items.includes('none') && (policy.files || policy.urls))
    throw new ConfigurationError(`${what}: "none" cannot be combined with other values`);
  return policy;
}

export const DEFAULT_REMOTE_TIMEOUT_MS = 10_000;

export interface FetchRemoteOptions {
  /** Larger bodies are refused while they stream in. */
  maxBytes: number;
  /** Per attempt: connection, headers and body. */
  timeoutMs?: number;
}

/**
 * GETs a remote $ref target and returns its text. Throws ConfigurationError with one line that names the
 * (redacted) URL: not http(s), a timeout, a refused connection, a non-2xx status, a body over the cap, too many
 * redirects. Redirects are followed by fetch, which gives up after 20.
 */
export async function fetchRemoteText(url: string, options: FetchRemoteOptions): Promise<string> {
  const shown = redactUrl(url);
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new ConfigurationError(`${shown} is not a valid URL`);
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    throw new ConfigurationError(`${shown}: only http and https URLs are fetched`);
  let response;
  try {
    response = await httpRequest(url, {
      headers: { accept: 'application/yaml, application/json;q=0.9, text/yaml;q=0.8, */*;q=0.5' },
      timeoutMs: options.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS,
      maxBodyBytes: options.maxBytes,
      retries: 0
    });
  } catch (error) {
    if (error instanceof HttpError) {
      const reason = error.message.includes('larger than')
        ? `${shown}: the response is larger than the limit of ${options.maxBytes} bytes`
        : error.message;
      throw new ConfigurationError(reason);
    }
    throw error;
  }
  if (response.status < 200 || response.status > 299)
    throw new ConfigurationError(`GET ${shown} returned HTTP ${response.status}`);
  return response.body;
}
