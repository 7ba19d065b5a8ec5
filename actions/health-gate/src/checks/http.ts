// The http check: one request, then everything that makes a response healthy: the status, JSON assertions on
// the body, a body regex, a latency ceiling, and the application/health+json verdict with its warn policy.
import { redact, redactUrl, urlSecrets } from '../../../../shared/src/lib/redact.js';
import { evaluate, parseJsonAssertion, type JsonAssertion } from '../json-assert.js';
import { describeStatusMatcher, parseStatusMatcher, type StatusMatcher } from '../status-match.js';
import type { AttemptStatus, BaseCheck, Probe, TlsOptions } from '../types.js';
import { sendRequest } from '../../../../shared/src/lib/http-transport.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { HEADERS_KEY, SECRET_HEADERS_KEY, TLS_KEY } from '../config-keys.js';
import { validateStatus } from '../config-reader.js';
import { defineCheckKind } from './kind.js';

/** The request an HTTP check sends and the status it expects (the burst check sends the same). */
export interface HttpRequestFields {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Lower-cased names of the headers that are secret: dropped on a redirect to another origin. */
  secretHeaders?: string[];
  body?: string;
  /** Status matcher text: `2xx`, `200`, `200-299`, `200,204,3xx`. */
  expectStatus: string;
}

export interface HttpCheck extends BaseCheck, HttpRequestFields {
  type: 'http';
  /** JSON assertions such as `$.status == "pass"`, `$.checks.db[0].observedValue < 100`, `$.version =~ /^v2/`. */
  json: string[];
  /** A regular expression the body must match (JavaScript syntax, no slashes). */
  bodyRegex?: string;
  /** Fail the attempt when the response took longer (ms). */
  maxLatency?: number;
  tls: TlsOptions;
  followRedirects: boolean;
  /** How an application/health+json `warn` status counts: as a pass, as a warn (default), or as a failure. */
  warnAs: AttemptStatus;
}

interface Compiled {
  matchesStatus: StatusMatcher;
  expected: string;
  assertions: JsonAssertion[];
  bodyRegex?: RegExp;
}

// Checks are immutable once configured and probed every interval; compiling once per check object is enough.
const compiled = new WeakMap<HttpCheck, Compiled>();

function compile(check: HttpCheck): Compiled {
  let entry = compiled.get(check);
  if (!entry) {
    entry = {
      matchesStatus: parseStatusMatcher(check.expectStatus),
      expected: describeStatusMatcher(check.expectStatus),
      assertions: check.json.map(parseJsonAssertion),
      ...(check.bodyRegex === undefined ? {} : { bodyRegex: new RegExp(check.bodyRegex) })
    };
    compiled.set(check, entry);
  }
  return entry;
}

export const HEALTH_JSON = 'application/health+json';

const HEALTH_STATUSES: Record<string, AttemptStatus> = {
  pass: 'pass',
  ok: 'pass',
  up: 'pass',
  warn: 'warn',
  fail: 'fail',
  error: 'fail',
  down: 'fail'
};

export interface HealthReading {
  /** undefined when the document has no status, or one outside the draft's vocabulary. */
  status?: AttemptStatus;
  /** The status as the service wrote it. */
  reported?: string;
  /** The entries of `checks` that did not pass: `key: status (output)`. */
  details: string[];
}

const MAX_OUTPUT = 100;

function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an application/health+json document (draft-inadarei-api-health-check). */
export function readHealth(document: unknown): HealthReading {
  if (!isRecord(document)) return { details: [] };
  const reported = typeof document['status'] === 'string' ? document['status'] : undefined;
  const status = reported === undefined ? undefined : HEALTH_STATUSES[reported.trim().toLowerCase()];
  const details: string[] = [];
  if (isRecord(document['checks'])) {
    for (const [key, value] of Object.entries(document['checks'])) {
      // The draft says arrays; some services send a single object, which is read the same way.
      const entries = Array.isArray(value) ? value : [value];
      for (const entry of entries) {
        if (!isRecord(entry) || typeof entry['status'] !== 'string') continue;
        const entryStatus = HEALTH_STATUSES[entry['status'].trim().toLowerCase()];
        if (entryStatus === 'pass') continue;
        const id = entries.length > 1 && typeof entry['componentId'] === 'string' ? `[${entry['componentId']}]` : '';
        const output =
          typeof entry['output'] === 'string' && entry['output'] !== ''
            ? ` (${clip(entry['output'], MAX_OUTPUT)})`
            : '';
        details.push(`${key}${id}: ${entry['status']}${output}`);
      }
    }
  }
  return { ...(status ? { status } : {}), ...(reported === undefined ? {} : { reported }), details };
}

function mediaType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === '' ? undefined : type;
}

type ParsedBody = { ok: true; value: unknown } | { ok: false; reason: string };

function parseBody(body: string, contentType: string | undefined): ParsedBody {
  const shown = contentType ? `content-type ${contentType}` : 'no content-type';
  if (body.trim() === '') return { ok: false, reason: `body is empty (${shown})` };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, reason: `body is not JSON (${shown})` };
  }
}

export const probeHttp: Probe<HttpCheck> = async (check, context) => {
  const { matchesStatus, expected, assertions, bodyRegex } = compile(check);
  const response = await sendRequest({
    url: check.url,
    method: check.method,
    headers: check.headers,
    ...(check.body === undefined ? {} : { body: check.body }),
    tls: check.tls,
    followRedirects: check.followRedirects,
    signal: context.signal,
    ...(check.secretHeaders ? { secretHeaders: check.secretHeaders } : {}),
    ...(context.secrets ? { secrets: context.secrets } : {})
  });

  const latencyMs = Math.round(response.latencyMs);
  const contentType = mediaType(response.headers['content-type']);
  const failures: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];

  if (!matchesStatus(response.status)) {
    const location = response.headers['location'];
    const redirect =
      location && response.status >= 300 && response.status < 400 && !check.followRedirects
        ? ` (redirect to ${redactUrl(location)}, not followed)`
        : '';
    failures.push(`status ${response.status}, expected ${expected}${redirect}`);
  }

  const isHealth = contentType === HEALTH_JSON;
  const parsed = assertions.length > 0 || isHealth ? parseBody(response.body, contentType) : undefined;

  let healthStatus: AttemptStatus | undefined;
  if (isHealth && parsed) {
    if (!parsed.ok) {
      failures.push(`health: ${parsed.reason}`);
    } else {
      const health = readHealth(parsed.value);
      healthStatus = health.status;
      const details = health.details.length > 0 ? `: ${health.details.join(', ')}` : '';
      if (health.status === undefined) {
        failures.push(
          health.reported === undefined
            ? 'health: the document has no status'
            : `health: unknown status ${JSON.stringify(health.reported)}`
        );
      } else if (health.status === 'fail') {
        failures.push(`health ${health.reported}${details}`);
      } else if (health.status === 'warn') {
        const text = `health ${health.reported}${details}`;
        if (check.warnAs === 'fail') failures.push(`${text} (warn counts as fail)`);
        else if (check.warnAs === 'warn') warnings.push(text);
        else notes.push(`${text} (warn counts as pass)`);
      } else {
        notes.push(`health ${health.reported}`);
      }
    }
  }

  if (assertions.length > 0 && parsed) {
    // One line for all assertions: repeating "not JSON" per assertion would only bury the other findings.
    if (!parsed.ok) failures.push(parsed.reason);
    else {
      for (const assertion of assertions) {
        const result = evaluate(assertion, parsed.value);
        if (!result.ok) failures.push(result.message);
      }
    }
  }

  if (bodyRegex && !bodyRegex.test(response.body)) {
    failures.push(`body does not match /${check.bodyRegex}/`);
  }
  if (check.maxLatency !== undefined && response.latencyMs > check.maxLatency) {
    failures.push(`latency ${latencyMs} ms over ${check.maxLatency} ms`);
  }

  const status: AttemptStatus = failures.length > 0 ? 'fail' : warnings.length > 0 ? 'warn' : 'pass';
  const redirects = response.redirects.length;
  const head = `HTTP ${response.status} in ${latencyMs} ms${redirects > 0 ? ` after ${redirects} redirect${redirects === 1 ? '' : 's'}` : ''}`;
  const message = [head, ...failures, ...warnings, ...notes].join('; ');
  return {
    status,
    // A service may echo the request (URL, headers) in its body or Location; its credentials stay out.
    message: redact(message, [...urlSecrets(check.url), ...(context.secrets ?? [])]),
    observed: {
      status: response.status,
      latencyMs,
      ...(healthStatus ? { healthStatus } : {}),
      ...(redirects > 0 ? { redirects: response.redirects } : {})
    }
  };
};

export const httpCheck = defineCheckKind<HttpCheck>({
  type: 'http',
  keys: {
    url: { kind: 'string', required: true, description: 'URL to request.' },
    method: { kind: 'string', description: 'HTTP method (default GET).' },
    headers: HEADERS_KEY,
    'secret-headers': SECRET_HEADERS_KEY,
    body: { kind: 'string', description: 'Request body.' },
    'expect-status': { kind: 'string', description: 'Accepted statuses: 2xx, 200, 200-299, 200,204 (default 2xx).' },
    json: {
      kind: 'string-list',
      description: 'JSON assertions on the body, e.g. $.status == "pass", $.items.length > 0, $.version =~ /^v2/.'
    },
    'body-regex': { kind: 'string', description: 'Regular expression the body must match.' },
    'max-latency': { kind: 'duration', description: 'Slowest acceptable response.' },
    tls: TLS_KEY,
    'follow-redirects': { kind: 'boolean', description: 'Follow redirects (default false).' },
    'warn-as': {
      kind: 'enum',
      values: ['pass', 'warn', 'fail'],
      description: 'How an application/health+json "warn" counts (default warn).'
    }
  },
  parse({ read: r, where, base, url, secretHeaders }) {
    const headers = r.stringMap('headers');
    const secretHeaderList = secretHeaders(headers);
    const json = r.stringList('json');
    for (const assertion of json) {
      try {
        parseJsonAssertion(assertion);
      } catch (e) {
        throw new ConfigurationError(`${where}: "json": ${(e as Error).message}`);
      }
    }
    const bodyRegex = r.string('body-regex');
    if (bodyRegex !== undefined) {
      try {
        new RegExp(bodyRegex);
      } catch (e) {
        throw new ConfigurationError(`${where}: "body-regex": ${(e as Error).message}`);
      }
    }
    return {
      ...base,
      type: 'http',
      url: url(),
      method: (r.string('method') ?? 'GET').toUpperCase(),
      headers,
      secretHeaders: secretHeaderList,
      body: r.string('body'),
      expectStatus: validateStatus(r.string('expect-status') ?? '2xx', where),
      json,
      bodyRegex,
      maxLatency: r.duration('max-latency'),
      tls: r.tls('tls'),
      followRedirects: r.boolean('follow-redirects') ?? false,
      warnAs: r.enumValue<AttemptStatus>('warn-as', ['pass', 'warn', 'fail']) ?? 'warn'
    };
  },
  target: (check) => check.url,
  probe: probeHttp
});
