// The contract check both adapters run: load the head spec, lint it, load the base (a file or the same path
// at a git ref) and diff. Pure of @actions/core; the adapters render and report.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { relativeToWorkspace } from '../../../shared/src/lib/annotations.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { diffSpecs } from './diff/index.js';
import { fileReaderAt, resolveBaseRef } from './git-base.js';
import { lintSpec } from './lint/lint.js';
import type { ContractReport } from './render.js';
import { NO_EXTERNAL_REFS, type ExternalRefPolicy } from './spec/external-refs.js';
import { loadSpecAsync } from './spec/load.js';

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
}

/**
 * A file the user named may be anywhere: the boundary is for what it pulls in. Its $refs stay inside the root
 * when the file is inside the root, else inside the file's own folder.
 */
function named(root: string, path: string): { path: string; root: string } {
  const absolute = isAbsolute(path) ? path : resolve(root, path);
  const rel = relative(root, absolute);
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return { path: absolute, root: outside ? dirname(absolute) : root };
}

export type ContractRun = ContractReport;

export async function runContractCheck(options: ContractOptions): Promise<ContractRun> {
  const { path: specPath, root: specRoot } = named(options.root, options.spec);
  if (!existsSync(specPath)) throw new ConfigurationError(`spec ${options.spec} does not exist`);
  const policy = options.externalRefs ?? NO_EXTERNAL_REFS;
  const refOptions = {
    allowExternalFiles: policy.files,
    allowRemoteRefs: policy.urls,
    remoteTimeoutMs: options.remoteTimeoutMs
  };
  const head = await loadSpecAsync(specPath, { root: specRoot, ...refOptions });
  const linted = options.lint;
  const lint = linted
    ? await lintSpec({
        text: readFileSync(specPath, 'utf8'),
        file: relativeToWorkspace(specPath, specRoot),
        rulesetPath: options.ruleset ? named(options.root, options.ruleset).path : undefined,
        root: specRoot,
        ...refOptions
      })
    : [];

  if (options.baseSpec) {
    const { path: basePath, root: baseRoot } = named(options.root, options.baseSpec);
    if (!existsSync(basePath)) throw new ConfigurationError(`base-spec ${options.baseSpec} does not exist`);
    const base = await loadSpecAsync(basePath, { root: baseRoot, ...refOptions });
    return { spec: options.spec, base: options.baseSpec, linted, lint, changes: diffSpecs(base, head) };
  }
  if (options.baseRef) {
    const commit = resolveBaseRef(options.root, options.baseRef);
    const readFile = fileReaderAt(options.root, commit);
    try {
      readFile(specPath);
    } catch {
      return {
        spec: options.spec,
        linted,
        lint,
        changes: [],
        diffSkipped: `${options.spec} does not exist at ${options.baseRef}: nothing to compare`
      };
    }
    const base = await loadSpecAsync(specPath, { root: options.root, readFile, ...refOptions });
    return {
      spec: options.spec,
      base: `${options.baseRef}:${options.spec}`,
      linted,
      lint,
      changes: diffSpecs(base, head)
    };
  }
  return {
    spec: options.spec,
    linted,
    lint,
    changes: [],
    diffSkipped: 'no base-spec or base-ref given (and not a pull request)'
  };
}
