// Options and result of the live engine: a running server tested against its OpenAPI description. Pure data
// (JSON-serialisable), so the action, the CLI and the renderers share one shape.
import type { JsonObject, JsonValue, LoadedSpec, SourceLocation } from '../spec/types.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
export const HTTP_METHODS: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace'
];

export type FailureLevel = 'error' | 'warning';

/** How a test case came about; checks say which kinds they judge. */
export type CaseKind =
  /** A value written in the spec (parameter, media or schema example, x-example). */
  | 'example'
  /** Generated valid data, boundary values included. */
  | 'positive'
  /** Generated data that breaks exactly one constraint. */
  | 'negative'
  /** A secured operation called without credentials. */
  | 'unauthenticated'
  /** A method the path does not document. */
  | 'unsupported-method'
  /** OPTIONS on a path, to compare its Allow header with the documented methods. */
  | 'options'
  /** A required header left out. */
  | 'missing-header'
  /** One step of a stateful sequence (create, read, delete, read again). */
  | 'stateful';

export interface OperationRef {
  /** Lower-case. */
  method: string;
  /** The path template as written in the spec, e.g. /items/{id}. */
  path: string;
}

export interface AuthSecrets {
  /** Bearer token for http bearer, oauth2 and openIdConnect schemes. */
  bearer?: string;
  /** `user:password` for http basic schemes. */
  basic?: string;
  /** Value for apiKey schemes (header, query or cookie, as the scheme says). */
  apiKey?: string;
  /** Per scheme name, overriding the above (for specs with several API keys). */
  schemes?: Record<string, string>;
}

/** What the engine tells a hooks file about one request; hooks may change `request`, set `skip` or `fail`. */
export interface HookTransaction {
  /** `GET /items/{id}`: what `before`/`after` hooks are registered under, besides the operationId. */
  name: string;
  operationId?: string;
  method: string;
  path: string;
  kind: CaseKind;
  /** What this case is for, e.g. "negative: body.name shorter than minLength 2". */
  description: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  /** Set after the response arrived (after/afterEach hooks). */
  real?: { statusCode: number; headers: Record<string, string>; body: string };
  /** Setting this in a before hook skips the request. */
  skip: boolean;
  /** Setting this to a message in any hook fails the transaction (check hook-assertion). */
  fail?: string;
}

export type HookFunction = (transaction: HookTransaction) => void | Promise<void>;
export type HookAllFunction = (transactions: HookTransaction[]) => void | Promise<void>;

/** Hooks in Dredd's vocabulary, already loaded (see hooks.ts: only from a file the caller names). */
export interface LiveHooks {
  beforeAll: HookAllFunction[];
  beforeEach: HookFunction[];
  before: Map<string, HookFunction[]>;
  after: Map<string, HookFunction[]>;
  afterEach: HookFunction[];
  afterAll: HookAllFunction[];
  /** Where they came from, for messages. */
  file: string;
}

export interface LiveOptions {
  spec: LoadedSpec;
  /** Where the server under test listens, e.g. http://127.0.0.1:8080 (the spec's server path is appended). */
  baseUrl: string;
  /** Check ids to run (default: all). */
  checks?: readonly string[];
  /** Default 1. */
  seed?: number;
  /** Most requests to send in all (default 1000). */
  budget?: number;
  /** p95 above this fails max-response-time; the check is off when unset. */
  maxResponseTimeMs?: number;
  /** Per request: connection, headers and body (default 10 s). */
  timeoutMs?: number;
  /** Response bodies are read up to this many bytes, the rest dropped (default 1 MiB). */
  maxBodyBytes?: number;
  /** Requests in flight at once (default 4; stateful sequences always run one step at a time). */
  concurrency?: number;
  /** Generated cases per operation and phase (default 40). */
  maxCasesPerOperation?: number;
  auth?: AuthSecrets;
  hooks?: LiveHooks;
  /** Operations a diff marked as changed: tested first, reported apart. */
  changedOperations?: readonly OperationRef[];
  /** Extra headers for every request (not secrets: they are shown in reports). */
  headers?: Record<string, string>;
  /** Values to redact besides the auth secrets. */
  secrets?: readonly string[];
  signal?: AbortSignal;
  /** Progress lines (one per phase), for a logger. */
  onProgress?(message: string): void;
}

export interface RecordedRequest {
  method: string;
  /** Full URL, secrets redacted. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** True when the body was cut to the report limit. */
  bodyTruncated?: boolean;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
  bodyTruncated?: boolean;
  timeMs: number;
}

/** One request and what came back, redacted and with bodies capped: safe to print. */
export interface RecordedExchange {
  request: RecordedRequest;
  response?: RecordedResponse;
  /** Why no response arrived (timeout, connection refused, ...). */
  error?: string;
}

export interface OperationInfo {
  method: string;
  path: string;
  operationId?: string;
}

export interface LiveFailure {
  /** Check id, e.g. response-schema-conformance. */
  id: string;
  level: FailureLevel;
  operation: OperationInfo;
  /** The operation's line in the spec. */
  location?: SourceLocation;
  message: string;
  /** What the request was for, e.g. "positive: query.q at maxLength 10". */
  case: string;
  kind: CaseKind;
  /** How many exchanges failed this check with this message at this operation. */
  occurrences: number;
  /** The operation is among the changed ones. */
  changed: boolean;
  /** The first exchange that failed. */
  exchange: RecordedExchange;
  /** For stateful failures: the steps that led there, in order (the failing one last). */
  sequence?: RecordedExchange[];
}

export interface CheckSummary {
  id: string;
  title: string;
  /** Exchanges (or operations, for max-response-time) this check judged. */
  evaluated: number;
  failed: number;
}

export interface CoverageCount {
  covered: number;
  total: number;
}

export interface OperationCoverage extends OperationInfo {
  requests: number;
  /** Documented status keys (200, 2XX, default) seen at least once. */
  statuses: { documented: string[]; seen: string[] };
  parameters: { documented: string[]; sent: string[] };
  /** Check ids that judged at least one exchange of this operation. */
  checks: string[];
}

export interface UndocumentedResponse extends OperationInfo {
  status: number;
  count: number;
  /** `status`: a status the operation does not document; `method`: the path answered 2xx to a method it does not document. */
  reason: 'status' | 'method';
}

export interface LiveCoverage {
  operations: CoverageCount;
  statuses: CoverageCount;
  parameters: CoverageCount;
  perOperation: OperationCoverage[];
  undocumented: UndocumentedResponse[];
}

export interface LiveResult {
  engine: 'ubos' | 'dredd';
  verdict: 'pass' | 'warn' | 'fail';
  spec: { file: string; version: string; title?: string };
  /** Redacted. */
  baseUrl: string;
  seed: number;
  budget: number;
  /** Requests actually sent. */
  requests: number;
  /** The budget ran out before every planned case was sent. */
  budgetExhausted: boolean;
  durationMs: number;
  checks: CheckSummary[];
  /** Errors first, then warnings; changed operations first within each. */
  failures: LiveFailure[];
  changed?: { operations: OperationInfo[]; notInSpec: OperationRef[]; failures: number };
  coverage: LiveCoverage;
  /** Operations or cases the engine could not test, and why (one line each). */
  notes: string[];
  /** The base version of the spec run against the same server, when asked for. */
  base?: LiveResult;
}

/** A JSON Schema the validator can compile: acyclic, $defs inside, with the dialect it is written in. */
export interface PortableSchema {
  dialect: 'draft-07' | '2020-12';
  schema: JsonObject;
}

export type { JsonObject, JsonValue, LoadedSpec, SourceLocation };
