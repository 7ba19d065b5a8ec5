// The live engine: plans requests from the spec (seeded), sends them within the budget, runs every selected
// check on every exchange, and returns failures, coverage and the data a replay file needs.
//
// Order: operations a diff marked as changed first, then the rest; within each group the phases run in
// turn (examples, stateful sequences, probes, boundary positives, negatives), each phase round-robin over the
// operations so that a small budget still reaches every operation's first requests.
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { redactUrl } from '../../../../shared/src/lib/redact.js';
import type { JsonValue } from '../spec/types.js';
import { credentialSlots, Credentials, type SchemeShape } from './auth.js';
import {
  CasePlanner,
  createPortableCache,
  hasExamples,
  type CaseInput,
  type PlannedCase,
  type PortableCache
} from './cases.js';
import type { ExpectContext, Finding, LiveCheck, Observed } from './checks/check.js';
import { selectChecks } from './checks/index.js';
import { matchResponse } from './checks/support.js';
import { HttpClient, TransportError, type WireResponse } from './client.js';
import { CoverageTracker } from './coverage.js';
import { namedHooks, runHook } from './hooks.js';
import { buildModel, type ApiModel, type Operation } from './model.js';
import { createRng, type Rng } from './prng.js';
import { Redactor } from './record.js';
import { REPLAY_REQUEST_BODY_LIMIT, type ReplayEntry, type ReplayStep } from './replay-types.js';
import { apiRoot, buildRequest, type BuiltRequest } from './request.js';
import { SchemaValidator } from './schema/validate.js';
import { bindRead, planSequences, type Capture, type CreateExchange, type ReadTarget } from './stateful.js';
import type {
  CheckSummary,
  HookTransaction,
  LiveFailure,
  LiveOptions,
  LiveResult,
  LoadedSpec,
  OperationInfo,
  OperationRef,
  RecordedExchange
} from './types.js';

export const DEFAULTS = {
  seed: 1,
  budget: 1000,
  timeoutMs: 10_000,
  maxBodyBytes: 1024 * 1024,
  concurrency: 4,
  maxCasesPerOperation: 40
} as const;

export interface LiveRun {
  result: LiveResult;
  /** One entry per failure, for the replay file (renderReplay). */
  replay: ReplayEntry[];
}

export interface RunLiveOptions extends LiveOptions {
  /** The base version of the spec: run against the same server too, reported as result.base. */
  baseSpec?: LoadedSpec;
}

interface Executed {
  kase: PlannedCase;
  observed: Observed;
  built: BuiltRequest;
  response?: WireResponse;
}

interface SequenceState {
  steps: { executed: Executed; capture?: Capture }[];
}

interface FailureRecord {
  failure: LiveFailure;
  replay: ReplayEntry;
  order: number;
}

function positiveInteger(
  value: number | undefined,
  fallback: number,
  what: string,
  max = Number.MAX_SAFE_INTEGER
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new ConfigurationError(`${what} must be a whole number from 1 to ${max}; got ${value}`);
  return value;
}

function operationInfo(op: Operation): OperationInfo {
  return { method: op.method.toUpperCase(), path: op.path, ...(op.operationId ? { operationId: op.operationId } : {}) };
}

function samePath(a: string, b: string): boolean {
  const shape = (p: string) => p.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');
  return shape(a) === shape(b);
}

/** Takes the i-th item of every list in turn. */
function roundRobin<T>(lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

const UNREACHABLE = /^(connection refused|host not found|DNS lookup failed|host unreachable|network unreachable)$/;
const UNREACHABLE_LIMIT = 5;

const SUCCESS = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

class Session {
  readonly model: ApiModel;
  private readonly checks: LiveCheck<unknown>[];
  private readonly validator = new SchemaValidator();
  private readonly portables: PortableCache;
  private readonly planner: CasePlanner;
  private readonly credentials: Credentials;
  private readonly redactor: Redactor;
  private readonly client: HttpClient;
  private readonly root: string;
  private readonly budget: number;
  private readonly seed: number;
  private readonly concurrency: number;
  private readonly changed = new Set<Operation>();
  private readonly notInSpec: OperationRef[] = [];
  private readonly coverage = new CoverageTracker();
  private readonly summaries = new Map<string, CheckSummary>();
  private readonly failures = new Map<string, FailureRecord>();
  private readonly timings = new Map<Operation, { times: number[]; slowest?: Executed; slowestTime: number }>();
  private readonly baselines = new Map<Operation, CaseInput | undefined>();
  private readonly rngs = new Map<Operation, Rng>();
  private readonly notes: string[] = [];
  private readonly warmed = new Set<Operation>();
  private requests = 0;
  private skippedByHooks = 0;
  private exhausted = false;
  private boundary = 0;
  private answered = false;
  private unreachable = 0;
  private fatal: ConfigurationError | undefined;

  constructor(private readonly options: LiveOptions) {
    this.model = buildModel(options.spec);
    this.checks = selectChecks(options.checks);
    this.portables = createPortableCache(this.model);
    this.seed = options.seed ?? DEFAULTS.seed;
    if (!Number.isInteger(this.seed)) throw new ConfigurationError(`seed must be a whole number; got ${this.seed}`);
    this.budget = positiveInteger(options.budget, DEFAULTS.budget, 'budget');
    this.concurrency = positiveInteger(options.concurrency, DEFAULTS.concurrency, 'concurrency', 64);
    const maxCases = positiveInteger(
      options.maxCasesPerOperation,
      DEFAULTS.maxCasesPerOperation,
      'max cases per operation'
    );
    const timeoutMs = positiveInteger(options.timeoutMs, DEFAULTS.timeoutMs, 'request timeout (ms)');
    const maxBodyBytes = positiveInteger(options.maxBodyBytes, DEFAULTS.maxBodyBytes, 'max body bytes');
    if (options.maxResponseTimeMs !== undefined && !(options.maxResponseTimeMs > 0))
      throw new ConfigurationError('max-response-time must be above zero');
    this.planner = new CasePlanner(this.model, this.portables, this.validator, maxCases);
    this.credentials = new Credentials(options.auth);
    this.redactor = new Redactor([...this.credentials.secrets, ...(options.secrets ?? [])]);
    this.root = apiRoot(options.baseUrl, this.model);
    this.client = new HttpClient({ timeoutMs, maxBodyBytes, maxSockets: this.concurrency });
    for (const check of this.checks)
      this.summaries.set(check.id, { id: check.id, title: check.title, evaluated: 0, failed: 0 });
    for (const ref of options.changedOperations ?? []) {
      const op = this.model.operations.find((o) => o.method === ref.method.toLowerCase() && samePath(o.path, ref.path));
      if (op) this.changed.add(op);
      else this.notInSpec.push(ref);
    }
  }

  private stopped(): boolean {
    return this.options.signal?.aborted === true || this.fatal !== undefined;
  }

  private rngFor(op: Operation): Rng {
    let rng = this.rngs.get(op);
    if (!rng) {
      rng = createRng(this.seed).fork(op.key);
      this.rngs.set(op, rng);
    }
    return rng;
  }

  private baseline(op: Operation): CaseInput | undefined {
    if (!this.baselines.has(op)) this.baselines.set(op, this.planner.baseline(op, this.rngFor(op).fork('baseline')));
    return this.baselines.get(op);
  }

  async run(): Promise<LiveRun> {
    const started = performance.now();
    const hooks = this.options.hooks;
    try {
      const ordered = [
        ...this.model.operations.filter((o) => this.changed.has(o)),
        ...this.model.operations.filter((o) => !this.changed.has(o))
      ];
      const groups = [ordered.filter((o) => this.changed.has(o)), ordered.filter((o) => !this.changed.has(o))].filter(
        (g) => g.length > 0
      );
      if (hooks) {
        const all = ordered.flatMap((op) => {
          const base = this.baseline(op);
          return base
            ? [
                this.transaction(
                  this.planner.make(op, 'example', 'baseline', base),
                  this.build(this.planner.make(op, 'example', 'baseline', base))
                )
              ]
            : [];
        });
        for (const fn of hooks.beforeAll) await runHook(fn, all, 'beforeAll', hooks.file);
      }
      const sequences = planSequences(this.model);
      const firstOfPath = new Set<Operation>();
      for (const path of this.model.methodsByPath.keys()) {
        const first = this.model.operations.find((o) => o.path === path);
        if (first) firstOfPath.add(first);
      }
      for (const group of groups) {
        const testable = group.filter((op) => this.baseline(op) !== undefined);
        const label = groups.length > 1 && group === groups[0] && this.changed.size > 0 ? 'changed operations: ' : '';
        await this.phase(`${label}examples`, () =>
          roundRobin(testable.map((op) => this.planner.exampleCases(op, this.baseline(op)!, hasExamples(op))))
        );
        for (const plan of sequences) {
          if (!group.includes(plan.create)) continue;
          for (const target of plan.targets) {
            if (this.exhausted || this.stopped()) break;
            await this.sequence(plan.create, target);
          }
          if (this.fatal) throw this.fatal;
        }
        const probes = () =>
          testable.map((op) =>
            this.checks.flatMap((check) =>
              check.plan
                ? check.plan({
                    op,
                    model: this.model,
                    base: this.baseline(op)!,
                    planner: this.planner,
                    firstOfPath: firstOfPath.has(op)
                  })
                : []
            )
          );
        await this.phase(`${label}probes`, () => roundRobin(probes()));
        await this.phase(`${label}positive`, () =>
          roundRobin(
            testable.map((op) => this.planner.positiveCases(op, this.baseline(op)!, this.rngFor(op).fork('positive')))
          )
        );
        await this.phase(`${label}negative`, () =>
          roundRobin(
            testable.map((op) => this.planner.negativeCases(op, this.baseline(op)!, this.rngFor(op).fork('negative')))
          )
        );
      }
      if (hooks) for (const fn of hooks.afterAll) await runHook(fn, [], 'afterAll', hooks.file);
      this.aggregate();
    } finally {
      this.client.close();
    }
    return this.finish(performance.now() - started);
  }

  /** Plans lazily: once the budget is spent, later phases cost nothing to skip. */
  private async phase(name: string, plan: () => PlannedCase[]): Promise<void> {
    if (this.exhausted || this.stopped()) return;
    const cases = plan();
    if (cases.length === 0) return;
    this.warm(cases.map((c) => c.op));
    const before = this.requests;
    let index = 0;
    const worker = async () => {
      while (index < cases.length && !this.exhausted && !this.stopped()) await this.execute(cases[index++]);
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, cases.length) }, worker));
    if (this.fatal) throw this.fatal;
    this.options.onProgress?.(`${name}: ${this.requests - before} requests`);
  }

  /**
   * Compiles the response validators of these operations before their requests go out: compiling while other
   * requests are in flight would add its time to theirs. Only when response times are judged; otherwise each
   * validator is compiled when a response first needs it (many documented responses never come).
   */
  private warm(ops: Operation[]): void {
    if (this.options.maxResponseTimeMs === undefined) return;
    for (const op of new Set(ops)) {
      if (this.warmed.has(op)) continue;
      this.warmed.add(op);
      for (const response of op.responses) {
        for (const media of response.content)
          if (media.schema) this.validator.warm(this.portables.get(media.schema, 'response'));
        for (const header of response.headers)
          if (Object.keys(header.schema).length > 0)
            this.validator.warm(this.portables.get(header.schema, 'response'), { coerce: true });
      }
    }
  }

  private build(kase: PlannedCase): BuiltRequest {
    return buildRequest(
      kase,
      this.root,
      this.credentials,
      this.options.headers ?? {},
      String(this.boundary++).padStart(6, '0')
    );
  }

  private transaction(kase: PlannedCase, built: BuiltRequest): HookTransaction {
    const { op } = kase;
    return {
      name: `${kase.method.toUpperCase()} ${op.path}`,
      operationId: kase.method === op.method ? op.operationId : undefined,
      method: kase.method.toUpperCase(),
      path: op.path,
      kind: kase.kind,
      description: kase.description,
      request: { ...built.request, headers: { ...built.request.headers } },
      skip: false
    };
  }

  /** Sends one case through the hooks and the checks; undefined when the budget ran out or a hook skipped it. */
  private async execute(kase: PlannedCase, sequence?: SequenceState): Promise<Executed | undefined> {
    if (this.requests >= this.budget) {
      this.exhausted = true;
      return undefined;
    }
    const built = this.build(kase);
    const hooks = this.options.hooks;
    const tx = this.transaction(kase, built);
    if (hooks) {
      for (const fn of hooks.beforeEach) await runHook(fn, tx, `beforeEach (${tx.name})`, hooks.file);
      for (const fn of namedHooks(hooks.before, tx)) await runHook(fn, tx, `before ${tx.name}`, hooks.file);
      if (tx.skip) {
        this.skippedByHooks++;
        return undefined;
      }
    }
    const request = {
      method: String(tx.request.method).toUpperCase(),
      url: String(tx.request.url),
      headers: { ...tx.request.headers },
      body: tx.request.body
    };
    // A probe is defined by what it leaves out: a hook must not put it back.
    if (kase.auth === 'none') stripCredentials(request, kase.op);
    if (kase.omitHeader !== undefined)
      for (const name of Object.keys(request.headers))
        if (name.toLowerCase() === kase.omitHeader.toLowerCase()) delete request.headers[name];
    // Counted before sending, so concurrent workers never overshoot the budget.
    this.requests++;
    let response: WireResponse | undefined;
    let error: string | undefined;
    try {
      response = await this.client.send(request, this.options.signal);
    } catch (caught) {
      if (!(caught instanceof TransportError)) throw caught;
      error = caught.message;
    }
    if (response) this.answered = true;
    else if (!this.answered && UNREACHABLE.test(error ?? '') && ++this.unreachable >= UNREACHABLE_LIMIT) {
      // Nothing ever answered: a wrong base URL or a server that is not up, not a contract failure per request.
      this.fatal ??= new ConfigurationError(
        `cannot reach ${redactUrl(this.root)}: ${error} (${this.unreachable} requests, none answered)`
      );
      return undefined;
    }
    if (hooks) {
      if (response) tx.real = { statusCode: response.status, headers: { ...response.headers }, body: response.body };
      for (const fn of namedHooks(hooks.after, tx)) await runHook(fn, tx, `after ${tx.name}`, hooks.file);
      for (const fn of hooks.afterEach) await runHook(fn, tx, `afterEach (${tx.name})`, hooks.file);
    }
    const observed: Observed = {
      request: { method: request.method, url: request.url, headers: request.headers },
      ...(response ? { response } : {}),
      ...(error !== undefined ? { error } : {}),
      ...(typeof tx.fail === 'string' && tx.fail !== '' ? { hookFailure: tx.fail } : {})
    };
    const executed: Executed = { kase, observed, built: { ...built, request: { ...request } }, response };
    sequence?.steps.push({ executed });
    this.coverage.record(kase, built.sentParams, response?.status);
    if (response && kase.kind !== 'unsupported-method' && kase.kind !== 'options') {
      let timing = this.timings.get(kase.op);
      if (!timing) {
        timing = { times: [], slowestTime: -1 };
        this.timings.set(kase.op, timing);
      }
      timing.times.push(response.timeMs);
      if (response.timeMs > timing.slowestTime) {
        timing.slowestTime = response.timeMs;
        timing.slowest = executed;
      }
    }
    this.judge(executed, sequence);
    return executed;
  }

  private judge(executed: Executed, sequence: SequenceState | undefined): void {
    const { kase, observed, built, response } = executed;
    const serverError = !response || response.status >= 500;
    const probe = kase.kind === 'unsupported-method' || kase.kind === 'options';
    const context: ExpectContext = {
      model: this.model,
      kase,
      response,
      responseDef: response && !probe ? matchResponse(kase.op, response.status) : undefined,
      credentialsApplied: built.schemes.length > 0,
      portables: this.portables,
      options: { maxResponseTimeMs: this.options.maxResponseTimeMs, hooks: this.options.hooks !== undefined }
    };
    for (const check of this.checks) {
      if (check.aggregate) continue;
      if (!check.appliesTo(kase)) continue;
      if (serverError && !check.judgesServerErrors) continue;
      const expected = check.expect(context);
      if (expected === undefined) continue;
      this.summaries.get(check.id)!.evaluated++;
      this.coverage.judgedBy(kase.attributeTo ?? kase.op, check.id);
      const finding = check.evaluate(observed, expected, { validator: this.validator });
      if (finding) this.fail(check, executed, finding, expected, sequence);
    }
  }

  private fail(
    check: LiveCheck<unknown>,
    executed: Executed,
    finding: Finding,
    expected: unknown,
    sequence: SequenceState | undefined
  ): void {
    const { kase } = executed;
    const op = kase.attributeTo ?? kase.op;
    const level = finding.level ?? 'error';
    const key = [check.id, op.key, level, finding.message.replace(/\/\d+(?=[/:]|$)/g, '/*')].join('\u0000');
    const existing = this.failures.get(key);
    if (existing) {
      existing.failure.occurrences++;
      return;
    }
    this.summaries.get(check.id)!.failed++;
    const steps = sequence && kase.role ? sequence.steps : [{ executed }];
    const recorded = this.record(executed);
    const failure: LiveFailure = {
      id: check.id,
      level,
      operation: operationInfo(op),
      ...(op.location ? { location: op.location } : {}),
      message: this.redactor.text(finding.message),
      case: this.redactor.text(kase.description),
      kind: kase.kind,
      occurrences: 1,
      changed: this.changed.has(op),
      exchange: recorded,
      ...(sequence && kase.role ? { sequence: sequence.steps.map((s) => this.record(s.executed)) } : {})
    };
    const replay: ReplayEntry = {
      type: 'failure',
      check: check.id,
      level,
      operation: failure.operation,
      message: failure.message,
      case: failure.case,
      steps: steps.map((s) => this.replayStep(s.executed, 'capture' in s ? s.capture : undefined)),
      expected,
      recorded
    };
    this.failures.set(key, { failure, replay, order: this.failures.size });
  }

  private record(executed: Executed): RecordedExchange {
    return this.redactor.exchange(executed.observed, executed.built.request.body);
  }

  private replayStep(executed: Executed, capture: Capture | undefined): ReplayStep {
    const { observed, built, kase } = executed;
    const url = new URL(observed.request.url);
    const rootPath = new URL(this.root).pathname.replace(/\/+$/, '');
    const path = `${url.pathname.startsWith(rootPath) ? url.pathname.slice(rootPath.length) : url.pathname}${url.search}`;
    const body =
      built.request.body === undefined
        ? undefined
        : this.redactor.text(built.request.body).slice(0, REPLAY_REQUEST_BODY_LIMIT);
    const schemes: SchemeShape[] =
      kase.auth === 'credentials'
        ? (kase.schemes ?? this.credentials.choose(kase.op) ?? []).filter((s) => built.schemes.includes(s.name))
        : [];
    return {
      request: {
        method: observed.request.method,
        path: redactUrl(this.redactor.text(path)),
        headers: this.redactor.headers(observed.request.headers),
        ...(body !== undefined ? { body } : {})
      },
      auth: schemes,
      ...(kase.auth === 'none' ? { strip: credentialSlots(kase.op) } : {}),
      ...(capture ? { capture: { ...capture, value: this.redactor.text(capture.value) } } : {})
    };
  }

  private async sequence(create: Operation, target: ReadTarget): Promise<void> {
    const base = this.baseline(create);
    if (!base) return;
    this.warm([create, target.read, ...(target.remove ? [target.remove] : [])]);
    const state: SequenceState = { steps: [] };
    const createCase = this.planner.make(create, 'stateful', `create with ${create.key}`, base, { role: 'create' });
    const created = await this.execute(createCase, state);
    if (!created?.response || !SUCCESS(created.response.status)) return;
    const requestParams = new Map<string, JsonValue>();
    for (const [param, value] of base.params) requestParams.set(`${param.in}.${param.name}`, value);
    const exchange: CreateExchange = {
      requestUrl: created.observed.request.url,
      requestBody: base.body?.value,
      requestParams,
      status: created.response.status,
      headers: created.response.headers,
      body: created.response.body
    };
    const binding = bindRead(this.model, target, exchange);
    if (!binding) {
      this.note(
        `${create.key}: the ${created.response.status} response names no resource to read back (${target.binding.kind === 'location' ? 'no usable Location header' : `no value for ${target.read.key}`}); stateful checks skipped there`
      );
      return;
    }
    state.steps[0].capture = binding.capture;
    const read = 'read' in binding ? binding.read : target.read;
    const readBase = this.baseline(read);
    if (!readBase) return;
    const withPath = (op: Operation, from: CaseInput): CaseInput => {
      const params = new Map(from.params);
      if ('params' in binding)
        for (const param of op.parameters)
          if (binding.params[param.name] !== undefined && param.in === 'path')
            params.set(param, binding.params[param.name]);
      return { ...from, params };
    };
    const readInput = withPath(read, readBase);
    const concretePath = 'concretePath' in binding ? binding.concretePath : undefined;
    const common = { concretePath };
    const readCase = this.planner.make(
      read,
      'stateful',
      `read ${read.key} after ${create.key} answered ${created.response.status}`,
      readInput,
      {
        role: 'read-after-create',
        attributeTo: create,
        ...common
      }
    );
    const readBack = await this.execute(readCase, state);
    if (!readBack?.response || !SUCCESS(readBack.response.status)) return;
    const remove = target.remove ?? this.model.operations.find((o) => o.method === 'delete' && o.path === read.path);
    if (!remove) return;
    const removeBase = this.baseline(remove);
    if (!removeBase) return;
    const deleteCase = this.planner.make(
      remove,
      'stateful',
      `delete what ${create.key} created`,
      withPath(remove, removeBase),
      { role: 'delete', ...common }
    );
    const deleted = await this.execute(deleteCase, state);
    if (!deleted?.response || !SUCCESS(deleted.response.status)) return;
    const againCase = this.planner.make(
      read,
      'stateful',
      `read ${read.key} after ${remove.key} answered ${deleted.response.status}`,
      readInput,
      {
        role: 'read-after-delete',
        attributeTo: remove,
        ...common
      }
    );
    await this.execute(againCase, state);
  }

  private aggregate(): void {
    for (const check of this.checks) {
      if (!check.aggregate) continue;
      const summary = this.summaries.get(check.id)!;
      for (const [op, timing] of this.timings) {
        if (this.options.maxResponseTimeMs === undefined) continue;
        summary.evaluated++;
        this.coverage.judgedBy(op, check.id);
        const finding = check.aggregate(
          { op, timesMs: timing.times, slowest: 0 },
          { maxResponseTimeMs: this.options.maxResponseTimeMs }
        );
        if (finding && timing.slowest)
          this.fail(check, timing.slowest, finding, { thresholdMs: this.options.maxResponseTimeMs }, undefined);
      }
    }
  }

  private note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  private finish(durationMs: number): LiveRun {
    const opIndex = new Map(this.model.operations.map((op, i) => [op.key, i]));
    const checkIndex = new Map(this.checks.map((c, i) => [c.id, i]));
    const records = [...this.failures.values()].sort(
      (a, b) =>
        (a.failure.level === b.failure.level ? 0 : a.failure.level === 'error' ? -1 : 1) ||
        Number(b.failure.changed) - Number(a.failure.changed) ||
        (opIndex.get(`${a.failure.operation.method} ${a.failure.operation.path}`) ?? 0) -
          (opIndex.get(`${b.failure.operation.method} ${b.failure.operation.path}`) ?? 0) ||
        (checkIndex.get(a.failure.id) ?? 0) - (checkIndex.get(b.failure.id) ?? 0) ||
        a.order - b.order
    );
    const failures = records.map((r) => r.failure);
    const errors = failures.filter((f) => f.level === 'error').length;
    const warnings = failures.length - errors;
    const notes = [...this.model.notes, ...this.planner.notes, ...this.notes];
    if (this.exhausted)
      notes.push(
        `the request budget (${this.budget}) ran out before every planned request was sent; raise budget to test more`
      );
    if (this.skippedByHooks > 0)
      notes.push(`${this.skippedByHooks} request${this.skippedByHooks > 1 ? 's' : ''} skipped by hooks`);
    const result: LiveResult = {
      engine: 'ubos',
      verdict: errors > 0 ? 'fail' : warnings > 0 ? 'warn' : 'pass',
      spec: {
        file: this.model.spec.file,
        version: this.model.version,
        ...(this.model.title ? { title: this.model.title } : {})
      },
      baseUrl: redactUrl(this.root),
      seed: this.seed,
      budget: this.budget,
      requests: this.requests,
      budgetExhausted: this.exhausted,
      durationMs: Math.round(durationMs),
      checks: [...this.summaries.values()],
      failures,
      ...(this.options.changedOperations
        ? {
            changed: {
              operations: this.model.operations.filter((o) => this.changed.has(o)).map(operationInfo),
              notInSpec: this.notInSpec,
              failures: failures.filter((f) => f.changed).length
            }
          }
        : {}),
      coverage: this.coverage.finish(this.model),
      notes
    };
    return { result, replay: records.map((r) => r.replay) };
  }
}

/** Removes every credential a scheme of the operation could carry (a hook may have added one). */
function stripCredentials(request: { url: string; headers: Record<string, string> }, op: Operation): void {
  const slots = credentialSlots(op);
  for (const name of Object.keys(request.headers))
    if (slots.headers.includes(name.toLowerCase())) delete request.headers[name];
  const question = request.url.indexOf('?');
  if (slots.query.length > 0 && question >= 0) {
    // Filtered by hand: URLSearchParams would re-encode the other parameters (%20 becomes +).
    const kept = request.url
      .slice(question + 1)
      .split('&')
      .filter((pair) => !slots.query.includes(decodeURIComponent(pair.split('=')[0])));
    request.url = `${request.url.slice(0, question)}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
  }
  if (slots.cookies.length > 0 && request.headers['cookie'] !== undefined) {
    const kept = request.headers['cookie']
      .split(';')
      .map((c) => c.trim())
      .filter((c) => c !== '' && !slots.cookies.includes(c.split('=')[0].trim()));
    if (kept.length > 0) request.headers['cookie'] = kept.join('; ');
    else delete request.headers['cookie'];
  }
}

/** Runs the live test (and, given baseSpec, the same against the base version of the spec). */
export async function runLive(options: RunLiveOptions): Promise<LiveRun> {
  const run = await new Session(options).run();
  if (!options.baseSpec) return run;
  const base = await new Session({ ...options, spec: options.baseSpec, changedOperations: undefined }).run();
  const result: LiveResult = { ...run.result, base: base.result };
  const worst = [run.result.verdict, base.result.verdict];
  result.verdict = worst.includes('fail') ? 'fail' : worst.includes('warn') ? 'warn' : 'pass';
  return { result, replay: run.replay };
}
