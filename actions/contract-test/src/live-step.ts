// The live part of a contract check for one spec: the engine (ours or Dredd) against the server, the operations
// the diff marks as changed first, and optionally the base version of the spec against the same server. Pure of
// @actions/*: the adapters hand in secrets, hooks and Dredd's environment.
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import type { ReportedChange } from './accept.js';
import { normalisePath } from './diff/index.js';
import {
  renderReplay,
  runDredd,
  runLive,
  type AuthSecrets,
  type LiveHooks,
  type LiveResult,
  type OperationRef
} from './live/index.js';
import type { JsonValue, LoadedSpec, SourceLocation } from './spec/types.js';

export type LiveEngine = 'ubos' | 'dredd';

export interface LiveStepOptions {
  /** Where the server under test listens; the spec's server path is appended. */
  baseUrl: string;
  engine: LiveEngine;
  /** Check ids (default: all). */
  checks?: readonly string[];
  seed?: number;
  budget?: number;
  maxResponseTimeMs?: number;
  /** Per request. */
  timeoutMs?: number;
  concurrency?: number;
  auth?: AuthSecrets;
  /** Loaded only from the file the workflow named (the opt-in); engine ubos. */
  hooks?: LiveHooks;
  /** The same file, for engine dredd (Dredd runs it itself). */
  hooksFile?: string;
  /** Also run the base version of the spec against the server (it catches breaks a diff cannot see). */
  againstBase?: boolean;
  /** Operations to test first besides those the diff marks (`--changed`). */
  changedOperations?: readonly OperationRef[];
  dredd?: { command: string[]; configFile?: string; env: Record<string, string | undefined> };
  onProgress?: (line: string) => void;
}

export interface LiveOutcome {
  result: LiveResult;
  /** NDJSON for the replay file (engine ubos). */
  replay?: string;
  /** Why something asked for did not happen (one line each). */
  notes: string[];
}

/** The operations a diff names (method and path template), once each; document-level changes name none. */
export function changedOperations(changes: readonly ReportedChange[]): OperationRef[] {
  const out = new Map<string, OperationRef>();
  for (const change of changes) {
    if (!change.method || !change.path?.startsWith('/')) continue;
    const key = `${change.method.toLowerCase()} ${normalisePath(change.path)}`;
    if (!out.has(key)) out.set(key, { method: change.method.toLowerCase(), path: change.path });
  }
  return [...out.values()];
}

function asObject(value: JsonValue | undefined): Record<string, JsonValue> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/**
 * Where an operation is in the head spec: a base-spec failure is annotated there (the base's own line numbers
 * mean nothing in the head file), or at `paths` when the head no longer has it.
 */
export function headLocation(head: LoadedSpec, method: string, path: string): SourceLocation | undefined {
  const paths = asObject(head.document.paths);
  if (!paths) return undefined;
  const wanted = normalisePath(path);
  const key = Object.keys(paths).find((p) => normalisePath(p) === wanted);
  const item = key === undefined ? undefined : asObject(paths[key]);
  const operation = item ? asObject(item[method.toLowerCase()]) : undefined;
  if (operation) return head.locate(operation) ?? head.locate(item!);
  return head.locate(paths) ?? undefined;
}

export async function runLiveStep(input: {
  head: LoadedSpec;
  /** The head spec's file on disk (Dredd reads it). */
  specPath: string;
  root: string;
  base?: LoadedSpec;
  /** The diff's changes, when a diff ran: their operations go first. */
  changes?: readonly ReportedChange[];
  options: LiveStepOptions;
}): Promise<LiveOutcome> {
  const { head, options } = input;
  const notes: string[] = [];
  const fromDiff = input.changes ? changedOperations(input.changes) : undefined;
  const changed =
    fromDiff || options.changedOperations ? [...(fromDiff ?? []), ...(options.changedOperations ?? [])] : undefined;
  if (options.engine === 'dredd') {
    if (!options.dredd)
      throw new ConfigurationError(
        'engine dredd needs Dredd: npm install --save-dev dredd@14.1.0 (looked in node_modules/.bin and PATH)'
      );
    if (changed) notes.push('engine dredd runs the operations in its own order (no diff-aware ordering)');
    if (options.againstBase) notes.push('engine dredd does not run the base spec (live-against-base)');
    const result = await runDredd({
      spec: head,
      specPath: input.specPath,
      baseUrl: options.baseUrl,
      configFile: options.dredd.configFile,
      hooksFile: options.hooksFile,
      command: options.dredd.command,
      auth: options.auth,
      cwd: input.root,
      env: options.dredd.env
    });
    return { result, notes };
  }
  if (options.againstBase && !input.base)
    notes.push('live-against-base: there is no base spec to run (no base-spec, base-ref or pull request base)');
  const run = await runLive({
    spec: head,
    baseUrl: options.baseUrl,
    checks: options.checks,
    seed: options.seed,
    budget: options.budget,
    maxResponseTimeMs: options.maxResponseTimeMs,
    timeoutMs: options.timeoutMs,
    concurrency: options.concurrency,
    auth: options.auth,
    hooks: options.hooks,
    changedOperations: changed,
    baseSpec: options.againstBase ? input.base : undefined,
    onProgress: options.onProgress
  });
  const result = run.result;
  if (result.base)
    for (const failure of result.base.failures)
      failure.location = headLocation(head, failure.operation.method, failure.operation.path);
  return { result, replay: renderReplay(run), notes };
}
