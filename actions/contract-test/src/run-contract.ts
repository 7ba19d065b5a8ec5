// The contract check both adapters run, per spec: load the head spec, lint it, load the base (a file or the same
// path at a git ref) and diff, accept the intended breaks, then test the running server (the diff's operations
// first). Pure of @actions/core; the adapters render and report. Spectral is loaded only when a lint runs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { relativeToWorkspace } from '../../../shared/src/lib/annotations.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { acceptChanges, type AcceptEntry, type AcceptPolicy } from './accept.js';
import { diffSpecs } from './diff/index.js';
import { fileReaderAt, resolveBaseRef } from './git-base.js';
import type { LintFinding, LintOptions } from './lint/lint.js';
import { documentAsWritten, resolvedParts, scopeDocument, spectralLocator, type LintScopeName } from './lint/scope.js';
import { runLiveStep, type LiveStepOptions } from './live-step.js';
import type { ContractReport } from './render.js';
import { NO_EXTERNAL_REFS, type ExternalRefPolicy } from './spec/external-refs.js';
import { loadSpecAsync } from './spec/load.js';
import { collectGarbage } from './spec/memory.js';
import type { Change, ChangeLevel, JsonObject, LoadedSpec } from './spec/types.js';
import { validateSpec } from './spec/validate.js';

export interface ContractOptions {
  /** Directory paths resolve against and $refs must stay inside (unless externalRefs allows files). */
  root: string;
  spec: string;
  baseSpec?: string;
  baseRef?: string;
  ruleset?: string;
  lint: boolean;
  /** $refs that leave the root: files elsewhere on disk, http(s) URLs (default: neither). */
  externalRefs?: ExternalRefPolicy;
  /** Per-request timeout for URL $refs (default 10 s). */
  remoteTimeoutMs?: number;
  /**
   * Run code the ruleset brings (JavaScript rulesets, `functions`, extends of JavaScript, packages or URLs, JSONPath
   * script and filter expressions). Default false: refused with one line. Never set it for pull_request_target.
   */
  allowRulesetCode?: boolean;
  /** Refuse a spec (all its files together) larger than this; default 13 MiB, YAML counting 4 times (README). */
  maxSpecBytes?: number;
  /**
   * The folder a named file (spec, base-spec, ruleset; absolute path given) must really be inside, symlinks
   * followed, and that what it pulls in ($refs, symlinks, ruleset extends) must stay inside. Default:
   * rootOfNamedFile.
   */
  rootOf?: (absolutePath: string) => string;
  /** Report the breaking-change diff (default true). Without it a given base still orders the live test. */
  diff?: boolean;
  /**
   * all (the default): lint the whole spec; changed: only the operations the diff against the base reports and
   * what they reference, plus the document-level objects (lint/scope.ts); the whole spec when there is no base.
   */
  lintScope?: LintScopeName;
  /** The ruleset was found at the workspace root (.spectral.yaml ...) rather than named. */
  rulesetFound?: boolean;
  /** The team's level for a check (config file); `off` drops its changes. */
  levels?: ReadonlyMap<string, ChangeLevel | 'off'>;
  /** Which breaking changes are accepted (ignore file, pull request label). */
  accept?: AcceptPolicy;
  /** Collects the ignore-file entries that matched a change, across the specs of a step. */
  acceptUsed?: Set<AcceptEntry>;
  /** Test the running server against the spec. */
  live?: LiveStepOptions;
}

function absolute(root: string, path: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

/**
 * A file the user named may be anywhere: the boundary is for what it pulls in. That stays inside the root when
 * the file is inside the root, else inside the file's own folder.
 */
export function rootOfNamedFile(root: string, path: string): string {
  const rel = relative(root, path);
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return outside ? dirname(path) : root;
}

/** Past this (the entry file's length), the loaded head is dropped while Spectral runs and read again after. */
const RELOAD_AFTER_LINT_CHARS = 1024 * 1024;

export type ContractRun = ContractReport;

interface BaseSide {
  spec: LoadedSpec;
  /** How the report names it: a path or `<ref>:<path>`. */
  name: string;
}

export async function runContractCheck(options: ContractOptions): Promise<ContractRun> {
  const specPath = absolute(options.root, options.spec);
  if (!existsSync(specPath)) throw new ConfigurationError(`spec ${options.spec} does not exist`);
  const policy = options.externalRefs ?? NO_EXTERNAL_REFS;
  const refOptions = {
    allowExternalFiles: policy.files,
    allowRemoteRefs: policy.urls,
    remoteTimeoutMs: options.remoteTimeoutMs,
    maxSpecBytes: options.maxSpecBytes
  };
  const rootOf = options.rootOf ?? ((path: string) => rootOfNamedFile(options.root, path));
  const specRoot = rootOf(specPath);
  const loadHead = () => loadSpecAsync(specPath, { root: specRoot, ...refOptions });
  // Loaded first in any case: the loader's checks (size, $ref policy, symlinks, alias bombs) run before Spectral.
  let loaded: LoadedSpec | undefined = await loadHead();
  const rulesetPath = options.ruleset ? absolute(options.root, options.ruleset) : undefined;
  const hasBase = Boolean(options.baseSpec || options.baseRef);
  const scoped = options.lint && options.lintScope === 'changed' && hasBase;
  const lintWith = async (text: string, extra: Partial<LintOptions> = {}) => {
    const { lintSpec } = await import('./lint/lint.js');
    return lintSpec({
      text,
      file: relativeToWorkspace(specPath, specRoot),
      rulesetPath,
      rulesetRoot: rulesetPath === undefined ? undefined : rootOf(rulesetPath),
      allowRulesetCode: options.allowRulesetCode === true,
      root: specRoot,
      ...refOptions,
      ...extra
    });
  };
  const lintAll = async (spec: LoadedSpec) => {
    const { checkLintable, lintNodeCap } = await import('./lint/lint.js');
    checkLintable(spec, lintNodeCap(options.maxSpecBytes));
    return lintWith(readFileSync(specPath, 'utf8'));
  };
  let lint: LintFinding[] = [];
  const unscoped =
    options.lint && options.lintScope === 'changed' && !hasBase
      ? { fullBecause: 'no base-spec or base-ref given (and not a pull request)' }
      : undefined;
  if (options.lint && !scoped) {
    const { checkLintable, lintNodeCap } = await import('./lint/lint.js');
    checkLintable(loaded, lintNodeCap(options.maxSpecBytes));
    const text = readFileSync(specPath, 'utf8');
    // Spectral needs the memory more than a large loaded spec does, which is cheaper to read again afterwards.
    if (text.length > RELOAD_AFTER_LINT_CHARS) loaded = undefined;
    lint = await lintWith(text);
  }
  const report: ContractRun = {
    spec: options.spec,
    linted: options.lint,
    lint,
    changes: [],
    ...(unscoped ? { lintScope: unscoped } : {}),
    ...(options.lint && options.ruleset
      ? { ruleset: { file: options.ruleset, found: options.rulesetFound === true } }
      : {})
  };
  const wantDiff = options.diff !== false;
  const wantBase = wantDiff || scoped || (options.live !== undefined && hasBase);
  let base: BaseSide | undefined;
  let noBase = 'no base-spec or base-ref given (and not a pull request)';
  if (!hasBase) {
    if (wantDiff) report.diffSkipped = noBase;
  } else if (wantBase) {
    const found = await loadBase(options, specPath, rootOf, refOptions);
    if (typeof found === 'string') {
      noBase = found;
      if (wantDiff) report.diffSkipped = found;
    } else base = found;
  }
  const head = loaded ?? (await loadHead());
  let changes: ContractRun['changes'] | undefined;
  let diffed: Change[] | undefined;
  if (base) {
    diffed = diffSpecs(base.spec, head, { levels: options.levels });
    changes = acceptChanges(diffed, options.spec, options.accept, options.acceptUsed ?? new Set());
    if (wantDiff) {
      report.base = base.name;
      report.changes = changes;
      // A document that is not valid OpenAPI is still diffed, with a warning that says why changes may be odd.
      const invalid = [
        { side: 'base' as const, name: base.name, spec: base.spec },
        { side: 'head' as const, name: options.spec, spec: head }
      ].flatMap(({ side, name, spec }) => {
        const { problems, total, version } = validateSpec(spec);
        return total === 0 ? [] : [{ side, spec: name, version, problems, total }];
      });
      if (invalid.length > 0) report.invalid = invalid;
    }
  }
  if (scoped) {
    // The base is only needed again by a live run; Spectral needs the memory more.
    if (!options.live) base = undefined;
    const outcome = await lintChanged(head, diffed, noBase, readFileSync(specPath, 'utf8'));
    collectGarbage();
    report.lintScope = outcome.scope;
    if ('document' in outcome) {
      const { checkLintable, lintNodeCap } = await import('./lint/lint.js');
      checkLintable(
        { file: head.file, document: outcome.resolved },
        lintNodeCap(options.maxSpecBytes),
        'the lint of what changed'
      );
      report.lint = await lintWith('', { scoped: outcome });
    } else report.lint = await lintAll(head);
  }
  if (options.live) {
    const outcome = await runLiveStep({
      head,
      specPath,
      root: options.root,
      base: base?.spec,
      changes,
      options: options.live
    });
    report.live = outcome.result;
    if (outcome.replay !== undefined) report.replay = outcome.replay;
    if (outcome.notes.length > 0) report.liveNotes = outcome.notes;
  }
  return report;
}

/**
 * What lint-scope: changed lints: the cut-down head and where its paths are, or why the whole spec is linted
 * (no base to compare with, or a spec that cannot be cut). The cut is held to the same node cap as a full lint.
 */
async function lintChanged(
  head: LoadedSpec,
  changes: Change[] | undefined,
  noBase: string,
  text: string
): Promise<
  | { scope: { fullBecause: string } }
  | {
      scope: { operations: number; totalOperations: number };
      document: JsonObject;
      /** The same parts of the loaded head, $refs resolved: what Spectral will walk. */
      resolved: JsonObject;
      locate: (path: readonly string[]) => ReturnType<LoadedSpec['locate']>;
    }
> {
  if (changes === undefined) return { scope: { fullBecause: noBase } };
  if (head.files.length > 1) return { scope: { fullBecause: `it spans ${head.files.length} files` } };
  const raw = documentAsWritten(text);
  if (raw === undefined) return { scope: { fullBecause: 'its top level is not an object' } };
  const cut = scopeDocument(raw, head.version, changes);
  if ('reason' in cut) return { scope: { fullBecause: cut.reason } };
  return {
    scope: { operations: cut.operations.length, totalOperations: cut.totalOperations },
    document: cut.document,
    resolved: resolvedParts(head.document, cut.document),
    locate: spectralLocator(head, text)
  };
}

/** The base version of the spec, or why there is none (the spec is new at the base ref). */
async function loadBase(
  options: ContractOptions,
  specPath: string,
  rootOf: (path: string) => string,
  refOptions: Omit<Parameters<typeof loadSpecAsync>[1], 'root'>
): Promise<BaseSide | string> {
  if (options.baseSpec) {
    const basePath = absolute(options.root, options.baseSpec);
    if (!existsSync(basePath)) throw new ConfigurationError(`base-spec ${options.baseSpec} does not exist`);
    return { spec: await loadSpecAsync(basePath, { root: rootOf(basePath), ...refOptions }), name: options.baseSpec };
  }
  const ref = options.baseRef!;
  const commit = resolveBaseRef(options.root, ref);
  const readFile = fileReaderAt(options.root, commit);
  try {
    readFile(specPath);
  } catch {
    return `${options.spec} does not exist at ${ref}: nothing to compare`;
  }
  return {
    spec: await loadSpecAsync(specPath, { root: options.root, readFile, ...refOptions }),
    name: `${ref}:${options.spec}`
  };
}
