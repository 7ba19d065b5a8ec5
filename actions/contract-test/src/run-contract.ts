// The contract check both adapters run: load the head spec, lint it, load the base (a file or the same path
// at a git ref) and diff. Pure of @actions/core; the adapters render and report.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { diffSpecs } from './diff/index.js';
import { fileReaderAt, resolveBaseRef } from './git-base.js';
import { checkLintable, lintSpec, type LintFinding } from './lint/lint.js';
import type { ContractReport } from './render.js';
import { NO_EXTERNAL_REFS, type ExternalRefPolicy } from './spec/external-refs.js';
import { loadSpecAsync } from './spec/load.js';
import type { LoadedSpec } from './spec/types.js';

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
   * followed, and that what it pulls in ($refs, symlinks, ruleset extends) must stay inside. Default: root for
   * every file.
   */
  rootOf?(absolutePath: string): string;
}

function inside(root: string, path: string, what: string): string {
  const absolute = isAbsolute(path) ? path : resolve(root, path);
  if (relative(root, absolute).startsWith('..')) throw new ConfigurationError(`${what} ${path} is outside ${root}`);
  return absolute;
}

/** Past this (the entry file's length), the loaded head is dropped while Spectral runs and read again after. */
const RELOAD_AFTER_LINT_CHARS = 1024 * 1024;

export interface ContractRun extends ContractReport {
  /** Why no diff ran, when none did (no base given, or the spec is new at the base ref). */
  diffSkipped?: string;
}

export async function runContractCheck(options: ContractOptions): Promise<ContractRun> {
  const specPath = inside(options.root, options.spec, 'spec');
  if (!existsSync(specPath)) throw new ConfigurationError(`spec ${options.spec} does not exist`);
  const policy = options.externalRefs ?? NO_EXTERNAL_REFS;
  const refOptions = {
    allowExternalFiles: policy.files,
    allowRemoteRefs: policy.urls,
    remoteTimeoutMs: options.remoteTimeoutMs,
    maxSpecBytes: options.maxSpecBytes
  };
  const rootOf = options.rootOf ?? (() => options.root);
  const specRoot = rootOf(specPath);
  const loadHead = () => loadSpecAsync(specPath, { root: specRoot, ...refOptions });
  // Loaded first in any case: the loader's checks (size, $ref policy, symlinks, alias bombs) run before Spectral.
  let loaded: LoadedSpec | undefined = await loadHead();
  const rulesetPath = options.ruleset ? inside(options.root, options.ruleset, 'ruleset') : undefined;
  let lint: LintFinding[] = [];
  if (options.lint) {
    checkLintable(loaded);
    const text = readFileSync(specPath, 'utf8');
    // Spectral needs the memory more than a large loaded spec does, which is cheaper to read again afterwards.
    if (text.length > RELOAD_AFTER_LINT_CHARS) loaded = undefined;
    lint = await lintSpec({
      text,
      file: relative(specRoot, specPath),
      rulesetPath,
      rulesetRoot: rulesetPath === undefined ? undefined : rootOf(rulesetPath),
      allowRulesetCode: options.allowRulesetCode === true,
      root: specRoot,
      ...refOptions
    });
  }
  const noBase = (): ContractRun => ({
    spec: options.spec,
    lint,
    changes: [],
    diffSkipped: 'no base-spec or base-ref given (and not a pull request)'
  });
  if (!options.baseSpec && !options.baseRef) return noBase();
  const head = loaded ?? (await loadHead());

  if (options.baseSpec) {
    const basePath = inside(options.root, options.baseSpec, 'base-spec');
    if (!existsSync(basePath)) throw new ConfigurationError(`base-spec ${options.baseSpec} does not exist`);
    const base = await loadSpecAsync(basePath, { root: rootOf(basePath), ...refOptions });
    return { spec: options.spec, base: options.baseSpec, lint, changes: diffSpecs(base, head) };
  }
  if (options.baseRef) {
    const commit = resolveBaseRef(options.root, options.baseRef);
    const readFile = fileReaderAt(options.root, commit);
    try {
      readFile(specPath);
    } catch {
      return {
        spec: options.spec,
        lint,
        changes: [],
        diffSkipped: `${options.spec} does not exist at ${options.baseRef}: nothing to compare`
      };
    }
    const base = await loadSpecAsync(specPath, { root: options.root, readFile, ...refOptions });
    return { spec: options.spec, base: `${options.baseRef}:${options.spec}`, lint, changes: diffSpecs(base, head) };
  }
  return noBase();
}
