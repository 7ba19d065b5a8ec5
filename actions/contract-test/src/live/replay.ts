// Writing the replay file of a run, and replaying one: every failing exchange (with the steps of its sequence)
// is sent again to a base URL and re-judged by the same check with the expectation stored in the file.
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { redactUrl, REDACTED } from '../../../../shared/src/lib/redact.js';
import { Credentials } from './auth.js';
import type { Observed } from './checks/check.js';
import { liveCheck } from './checks/index.js';
import { HttpClient, TransportError, type WireResponse } from './client.js';
import type { LiveRun } from './engine.js';
import { Redactor } from './record.js';
import { REPLAY_FORMAT, REPLAY_VERSION, type ReplayEntry, type ReplayHeader, type ReplayStep } from './replay-types.js';
import { SchemaValidator } from './schema/validate.js';
import type { AuthSecrets, FailureLevel, OperationInfo, RecordedExchange } from './types.js';

/** The replay file of a run: NDJSON, one header line then one line per failure. */
export function renderReplay(run: LiveRun): string {
  const header: ReplayHeader = {
    type: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    spec: run.result.spec.file,
    seed: run.result.seed,
    engine: 'ubos',
    baseUrl: run.result.baseUrl
  };
  return [header, ...run.replay].map((line) => JSON.stringify(line)).join('\n') + '\n';
}

const MAX_REPLAY_BYTES = 50 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function validStep(step: unknown): step is ReplayStep {
  if (!isRecord(step) || !isRecord(step.request) || !Array.isArray(step.auth)) return false;
  const request = step.request;
  return (
    typeof request.method === 'string' &&
    /^[A-Z]+$/.test(request.method) &&
    typeof request.path === 'string' &&
    request.path.startsWith('/') &&
    isRecord(request.headers) &&
    Object.values(request.headers).every((v) => typeof v === 'string') &&
    (request.body === undefined || typeof request.body === 'string')
  );
}

/** Reads a replay file; a malformed one is a ConfigurationError naming the line. */
export interface ReplaySection {
  header: ReplayHeader;
  entries: ReplayEntry[];
}

/**
 * A replay file: a header line, then its failures; a step that tested several specs writes one such section per
 * spec, one after the other (each header names its spec and the server path its requests are relative to).
 */
export function parseReplay(
  text: string,
  file: string
): { header: ReplayHeader; entries: ReplayEntry[]; sections: ReplaySection[] } {
  if (Buffer.byteLength(text) > MAX_REPLAY_BYTES)
    throw new ConfigurationError(`${file}: larger than ${MAX_REPLAY_BYTES} bytes`);
  const lines = text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() !== '');
  if (lines.length === 0) throw new ConfigurationError(`${file}: empty replay file`);
  const parse = (line: string, n: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new ConfigurationError(`${file}:${n}: not JSON`);
    }
  };
  const sections: ReplaySection[] = [];
  for (const { line, n } of lines) {
    const value = parse(line, n);
    if (isRecord(value) && value.type === REPLAY_FORMAT) {
      if (value.version !== REPLAY_VERSION)
        throw new ConfigurationError(
          `${file}:${n}: replay format version ${String(value.version)} is not supported (this version reads ${REPLAY_VERSION})`
        );
      sections.push({ header: value as unknown as ReplayHeader, entries: [] });
      continue;
    }
    if (sections.length === 0)
      throw new ConfigurationError(`${file}: not a contract-test replay file (the first line is not its header)`);
    const entry = value;
    if (
      !isRecord(entry) ||
      entry.type !== 'failure' ||
      typeof entry.check !== 'string' ||
      !isRecord(entry.operation) ||
      !Array.isArray(entry.steps) ||
      entry.steps.length === 0 ||
      !entry.steps.every(validStep)
    )
      throw new ConfigurationError(`${file}:${n}: not a replay entry`);
    if (!liveCheck(entry.check)) throw new ConfigurationError(`${file}:${n}: unknown check "${entry.check}"`);
    sections.at(-1)!.entries.push(entry as unknown as ReplayEntry);
  }
  return { header: sections[0].header, entries: sections.flatMap((s) => s.entries), sections };
}

export interface ReplayOptions {
  text: string;
  file: string;
  baseUrl: string;
  auth?: AuthSecrets;
  timeoutMs?: number;
  maxBodyBytes?: number;
  signal?: AbortSignal;
}

export interface ReplayOutcome {
  check: string;
  level: FailureLevel;
  operation: OperationInfo;
  /** What the recorded run said. */
  recorded: string;
  /** `failing`: the check fails again; `passing`: it no longer does; `error`: the replay could not get that far. */
  status: 'failing' | 'passing' | 'error';
  /** The new failure message, or why the replay stopped. */
  detail?: string;
  exchange?: RecordedExchange;
}

export interface ReplayResult {
  verdict: 'pass' | 'warn' | 'fail';
  baseUrl: string;
  spec: string;
  outcomes: ReplayOutcome[];
  counts: { failing: number; passing: number; error: number };
}

function replaceSegment(path: string, from: string, to: string): string {
  const encodedFrom = encodeURIComponent(from);
  const encodedTo = encodeURIComponent(to);
  return path
    .split(/(?=[/?&;,.=])/)
    .map((part) => {
      const lead = part[0] ?? '';
      const rest = part.slice(1);
      return rest === encodedFrom || rest === from ? `${lead}${encodedTo}` : part;
    })
    .join('');
}

/** Location values become paths relative to the API root, as the engine recorded them. */
function locationPath(location: string, root: string): string | undefined {
  try {
    const url = new URL(location, root);
    const rootPath = new URL(root).pathname.replace(/\/+$/, '');
    const path = url.pathname.startsWith(`${rootPath}/`) ? url.pathname.slice(rootPath.length) : url.pathname;
    return `${path}${url.search}`;
  } catch {
    return undefined;
  }
}

function pointer(text: string, at: string): string | undefined {
  let node: unknown;
  try {
    node = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const raw of at.replace(/^\//, '').split('/')) {
    if (raw === '') continue;
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isRecord(node) ? node[token] : Array.isArray(node) ? node[Number(token)] : undefined;
  }
  return typeof node === 'string' || typeof node === 'number' ? String(node) : undefined;
}

export async function replayFailures(options: ReplayOptions): Promise<ReplayResult> {
  const { sections } = parseReplay(options.text, options.file);
  let given: string;
  try {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    given = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    throw new ConfigurationError(`base URL "${options.baseUrl}" is not an http(s) URL`);
  }
  const rootFor = (header: ReplayHeader): string => {
    // The recorded base URL carried the spec's server path; a bare origin gets the same path again.
    if (new URL(given).pathname !== '/' && new URL(given).pathname !== '') return given;
    try {
      return `${new URL(given).origin}${new URL(header.baseUrl).pathname.replace(/\/+$/, '')}`;
    } catch {
      // a header without a usable URL leaves the root as given
      return given;
    }
  };
  const credentials = new Credentials(options.auth);
  const redactor = new Redactor(credentials.secrets);
  const client = new HttpClient({
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    maxSockets: 1
  });
  const validator = new SchemaValidator();
  const outcomes: ReplayOutcome[] = [];
  try {
    for (const { header, entry } of sections.flatMap((s) => s.entries.map((entry) => ({ header: s.header, entry })))) {
      const root = rootFor(header);
      const check = liveCheck(entry.check)!;
      const replacements: [string, string][] = [];
      let outcome: ReplayOutcome | undefined;
      for (const [index, step] of entry.steps.entries()) {
        let path = step.request.path;
        for (const [from, to] of replacements)
          path = from.startsWith('/')
            ? path.startsWith(from)
              ? to + path.slice(from.length)
              : path
            : replaceSegment(path, from, to);
        const [pathname, search] = path.split('?', 2) as [string, string | undefined];
        const query = (search ?? '').split('&').filter((pair) => pair !== '' && !/=(\*\*\*|%2A%2A%2A)$/i.test(pair));
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(step.request.headers)) {
          if (value === REDACTED || name === 'content-length' || name === 'host') continue;
          headers[name] = value;
        }
        const applied = credentials.apply(step.auth);
        Object.assign(headers, applied.headers);
        query.push(...applied.query);
        const cookieParts = [...(headers['cookie'] ? [headers['cookie']] : []), ...applied.cookies];
        if (cookieParts.length > 0) headers['cookie'] = cookieParts.join('; ');
        if (step.strip) for (const name of step.strip.headers) delete headers[name];
        const url = `${root}${pathname}${query.length > 0 ? `?${query.join('&')}` : ''}`;
        const request = { method: step.request.method, url, headers, body: step.request.body };
        let response: WireResponse | undefined;
        let error: string | undefined;
        try {
          response = await client.send(request, options.signal);
        } catch (caught) {
          if (!(caught instanceof TransportError)) throw caught;
          error = caught.message;
        }
        const observed: Observed = {
          request: { method: request.method, url, headers },
          ...(response ? { response } : {}),
          ...(error ? { error } : {})
        };
        const last = index === entry.steps.length - 1;
        if (!last) {
          if (!response || response.status >= 300) {
            outcome = {
              check: entry.check,
              level: entry.level,
              operation: entry.operation,
              recorded: entry.message,
              status: 'error',
              detail: `step ${index + 1} (${request.method} ${pathname}) ${response ? `answered ${response.status}` : `failed: ${error}`}; the sequence stops there`,
              exchange: redactor.exchange(observed, request.body)
            };
            break;
          }
          if (step.capture) {
            const now =
              step.capture.from === 'header'
                ? response.headers[step.capture.at]
                : pointer(response.body, step.capture.at);
            if (now !== undefined) {
              if (step.capture.from === 'header') {
                const before = locationPath(step.capture.value, root);
                const after = locationPath(now, root);
                if (before && after) replacements.push([before, after]);
              } else replacements.push([step.capture.value, now]);
            }
          }
          continue;
        }
        const finding = check.evaluate(observed, entry.expected, { validator });
        outcome = {
          check: entry.check,
          level: entry.level,
          operation: entry.operation,
          recorded: entry.message,
          status: finding ? 'failing' : 'passing',
          ...(finding ? { detail: redactor.text(finding.message) } : {}),
          exchange: redactor.exchange(observed, request.body)
        };
      }
      outcomes.push(outcome!);
    }
  } finally {
    client.close();
  }
  const counts = {
    failing: outcomes.filter((o) => o.status === 'failing').length,
    passing: outcomes.filter((o) => o.status === 'passing').length,
    error: outcomes.filter((o) => o.status === 'error').length
  };
  const failingErrors = outcomes.some((o) => o.status !== 'passing' && o.level === 'error');
  const failingWarnings = outcomes.some((o) => o.status !== 'passing');
  return {
    verdict: failingErrors ? 'fail' : failingWarnings ? 'warn' : 'pass',
    baseUrl: redactUrl(sections.length === 1 ? rootFor(sections[0].header) : given),
    spec: sections.map((s) => s.header.spec).join(', '),
    outcomes,
    counts
  };
}
