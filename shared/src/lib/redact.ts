/**
 * Keeping secrets out of logs, the pure half: redaction produces a safe display form now (masking, which makes
 * the runner hide a value wherever it is printed later, is the adapter in shared/src/actions/mask.ts). Text is treated as untrusted: the URL helpers work on strings rather than WHATWG URL, which
 * rejects valid connection strings such as multi-host postgres:// URLs and would then leave them unredacted.
 */
export const REDACTED = '***';

/**
 * The forms in which a secret can reach a log line besides itself: percent-encoded (a URL, a form body), with
 * + for spaces, and escaped inside a JSON string (a JSON report quotes `"`, `\` and control characters).
 */
export function secretForms(secret: string): string[] {
  if (!secret) return [];
  const forms = new Set<string>([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+')]);
  const json = JSON.stringify(secret).slice(1, -1);
  forms.add(json);
  // JSON.stringify keeps non-ASCII as is; some encoders escape it as \uXXXX.
  forms.add(json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return [...forms].filter((form) => form !== '');
}

/** Replaces every occurrence of each secret in text with ***, including its encoded forms (secretForms). */
export function redact(text: string, secrets: readonly string[]): string {
  if (text === '' || secrets.length === 0) return text;
  const needles = new Set<string>();
  for (const secret of secrets) {
    for (const form of secretForms(secret)) needles.add(form);
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

/** Deep copy of a JSON-like value with every string (and object key) redacted; for reports built from probes. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redact(v, secrets);
    if (depth > 20 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, item]) => [redact(k, secrets), walk(item, depth + 1)]));
  };
  return walk(value, 0) as T;
}

function safeUriDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The user and password of an http(s) URL as they are sent in a Basic Authorization header (WHATWG URL
 * parsing, then percent-decoding, exactly what an HTTP client does), or undefined without userinfo.
 */
export function basicCredentials(url: URL): { user: string; password: string; encoded: string } | undefined {
  if (url.username === '' && url.password === '') return undefined;
  const user = safeUriDecode(url.username);
  const password = safeUriDecode(url.password);
  return { user, password, encoded: Buffer.from(`${user}:${password}`, 'utf8').toString('base64') };
}

/**
 * Every value derived from a URL's credentials that a client sends: the Basic header's base64 (and the header
 * value itself), besides the raw and decoded credentials of credentialsInUrl. Works on any URL text; one that
 * WHATWG URL cannot parse yields only the string-level credentials.
 */
export function urlSecrets(text: string): string[] {
  const secrets = credentialsInUrl(text);
  let url: URL | undefined;
  try {
    url = new URL(text.trim());
  } catch {
    url = undefined;
  }
  const basic = url ? basicCredentials(url) : undefined;
  if (basic) {
    secrets.push(basic.encoded, `Basic ${basic.encoded}`);
    if (basic.password !== '') secrets.push(basic.password, `${basic.user}:${basic.password}`);
    else if (basic.user !== '') secrets.push(basic.user);
  }
  return [...new Set(secrets)].filter((s) => s !== '');
}

/**
 * The secrets in one header value: the value, its credentials after the scheme ("Bearer abc" -> abc), and for
 * Basic the decoded user:password and password, which a server that decodes the header may echo.
 */
export function headerValueSecrets(value: string): string[] {
  const secrets = [value.trim()];
  const credentials = /^\s*(\S+)\s+(\S+)\s*$/.exec(value);
  if (credentials) {
    const [, scheme, token] = credentials as unknown as [string, string, string];
    secrets.push(token);
    if (scheme.toLowerCase() === 'basic' && /^[A-Za-z0-9+/]+={0,2}$/.test(token)) {
      const decoded = Buffer.from(token, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0 && !decoded.includes('\ufffd')) {
        secrets.push(decoded);
        if (colon < decoded.length - 1) secrets.push(decoded.slice(colon + 1));
      }
    }
  }
  return [...new Set(secrets)].filter((s) => s !== '');
}
