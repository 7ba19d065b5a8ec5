/**
 * Keeping secrets out of logs, the pure half: redaction produces a safe display form now (masking, which makes
 * the runner hide a value wherever it is printed later, is the adapter in shared/src/actions/mask.ts). Text is treated as untrusted: the URL helpers work on strings rather than WHATWG URL, which
 * rejects valid connection strings such as multi-host postgres:// URLs and would then leave them unredacted.
 */
export const REDACTED = '***';

/** Replaces every occurrence of each secret in text with ***, including its percent-encoded form. */
export function redact(text: string, secrets: readonly string[]): string {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    needles.add(secret);
    needles.add(encodeURIComponent(secret));
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

function isSecretParamName(name: string): boolean {
  let normalized: string;
  try {
    normalized = decodeURIComponent(name);
  } catch {
    normalized = name;
  }
  normalized = normalized.toLowerCase().replace(/-/g, '_');
  // Suffixes catch the many vendor spellings (github_token, private_token, app_secret) without matching
  // ordinary names like sort_key, whose values masking would then hide everywhere in the log.
  return SECRET_PARAM_NAMES.has(normalized) || /_(token|secret|password)$/.test(normalized);
}

// A parameter in the query or the fragment (OAuth implicit flows put access_token after "#").
const PARAM = /([?&#;])([^=&#;]+)=([^&#;]*)/g;

export interface UrlParts {
  redacted: string;
  secrets: string[];
}

export function analyseUrl(url: string): UrlParts {
  const secrets: string[] = [];
  let redacted = url;

  const userinfo = USERINFO.exec(url);
  if (userinfo) {
    const [whole, scheme, info] = userinfo as unknown as [string, string, string];
    const colon = info.indexOf(':');
    let safeInfo: string;
    if (colon >= 0) {
      const password = info.slice(colon + 1);
      if (password !== '') secrets.push(password);
      safeInfo = `${info.slice(0, colon)}:${REDACTED}`;
    } else {
      // A lone user name in an http(s) URL is usually a token (https://TOKEN@github.com/...), so it is
      // treated as one; losing a harmless user name from a log line is the cheaper mistake.
      if (info !== '') secrets.push(info);
      safeInfo = REDACTED;
    }
    redacted = `${scheme}${safeInfo}@${url.slice(whole.length)}`;
  }

  redacted = redacted.replace(PARAM, (match: string, separator: string, name: string, value: string) => {
    if (!isSecretParamName(name) || value === '') return match;
    secrets.push(value);
    return `${separator}${name}=${REDACTED}`;
  });

  // The runner sees whatever form gets printed later, so the decoded form is a secret too.
  for (const secret of [...secrets]) {
    const decoded = safeDecode(secret);
    if (decoded !== secret) secrets.push(decoded);
  }
  return { redacted, secrets };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The credential values in a URL (password or token user name, token-like parameters), raw and decoded. */
export function credentialsInUrl(url: string): string[] {
  return analyseUrl(url).secrets;
}

/** The URL with its password (or token user name) and token-like query parameters replaced by ***. */
export function redactUrl(url: string): string {
  return analyseUrl(url).redacted;
}

const URL_FORM = /^[a-z][a-z0-9+.-]*:\/\//i;

// libpq keyword/value form: `host=db password='it''s \' secret' user=app`. Quoted values may hold spaces
// and backslash escapes; unquoted ones end at whitespace (or ";" in ADO-style strings).
const KEYWORD_SECRET = /(\b(?:password|sslpassword|pwd)\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s;]*)/gi;

export function analyseConnectionString(text: string): UrlParts {
  if (URL_FORM.test(text.trim())) return analyseUrl(text.trim());
  const secrets: string[] = [];
  const redacted = text.replace(KEYWORD_SECRET, (match: string, prefix: string, value: string) => {
    if (value === '') return match;
    secrets.push(value);
    if (value.startsWith("'")) {
      const unquoted = value.replace(/^'|'$/g, '').replace(/\\(.)/g, '$1');
      if (unquoted !== '') secrets.push(unquoted);
    }
    return `${prefix}${REDACTED}`;
  });
  return { redacted, secrets };
}

/** A connection string (URL form or libpq keyword form) with its password replaced by ***. */
export function redactConnectionString(text: string): string {
  return analyseConnectionString(text).redacted;
}
