// Lints an OpenAPI description with Spectral (spectral:oas recommended, or the user's ruleset file) and maps its
// results onto the project's finding shape and SARIF.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as spectralCoreModule from '@stoplight/spectral-core';
import * as parsersModule from '@stoplight/spectral-parsers';
import * as rulesetsModule from '@stoplight/spectral-rulesets';
import * as bundlerModule from '@stoplight/spectral-ruleset-bundler/with-loader';
// The only way to give Spectral a resolver that follows our $ref policy (no network, no files outside the root,
// unless allowed).
import * as resolverModule from '@stoplight/spectral-ref-resolver';
import { cjsExports } from '../../../../shared/src/lib/cjs-interop.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { buildSarif, type SarifLevel, type SarifLog, type SarifRuleInput } from '../../../../shared/src/lib/sarif.js';
import { redactUrl } from '../../../../shared/src/lib/redact.js';
import { HttpError, httpRequest } from '../../../../shared/src/lib/http.js';
import { DEFAULT_REMOTE_TIMEOUT_MS, fetchRemoteText } from '../spec/external-refs.js';
import {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_SPEC_BYTES,
  expandedNodeCount,
  looksLikeJson,
  SpecSizeBudget
} from '../spec/load.js';
import { COLLECT_AFTER_BYTES, collectGarbage } from '../spec/memory.js';
import { installCompileCache } from './compile-cache.js';
import { applyYaml11Merges } from './merge-keys.js';
import { checkRuleset } from './ruleset-policy.js';
import type { JsonObject, LoadedSpec, SourceLocation } from '../spec/types.js';

// Spectral ships CommonJS: read its exports the same way under Node's ESM and inside the ncc bundle.
const { Spectral, Document } = cjsExports<typeof spectralCoreModule>(spectralCoreModule, 'Spectral');
const Parsers = cjsExports<typeof parsersModule>(parsersModule, 'Yaml');
const { oas } = cjsExports<typeof rulesetsModule>(rulesetsModule, 'oas');
const { bundleAndLoadRuleset } = cjsExports<typeof bundlerModule>(bundlerModule, 'bundleAndLoadRuleset');
const { Resolver } = cjsExports<typeof resolverModule>(resolverModule, 'Resolver');

type RulesetLoader = (
  file: string,
  io: { fs: typeof fs; fetch: (url: unknown) => Promise<unknown> }
) => Promise<Parameters<InstanceType<typeof Spectral>['setRuleset']>[0]>;

function rulesetLoader(): RulesetLoader {
  return bundleAndLoadRuleset;
}

export type LintSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface LintFinding {
  /** The Spectral rule name, e.g. `info-contact`. */
  code: string;
  severity: LintSeverity;
  message: string;
  /** JSON path of the offending node, joined by '.' (e.g. `paths./pets.get`). */
  path: string;
  location: SourceLocation;
}

export interface LintOptions {
  /** The entry file's text. */
  text: string;
  /** The entry file, relative to root (used in results and to resolve external $refs). */
  file: string;
  /** A Spectral ruleset file (YAML, JSON or JS), relative to root or absolute; default spectral:oas recommended. */
  rulesetPath?: string;
  /** Directory external $refs must stay inside (unless allowExternalFiles). */
  root: string;
  /** Follow file $refs outside the root (the loader's allowExternalFiles). */
  allowExternalFiles?: boolean;
  /** Fetch http(s) $refs (the loader's allowRemoteRefs). */
  allowRemoteRefs?: boolean;
  /** Per-request timeout for URL documents (default 10 s). */
  remoteTimeoutMs?: number;
  /**
   * Run code a ruleset brings (a JavaScript ruleset, `functions`, extends of JavaScript, packages or URLs, JSONPath
   * script and filter expressions). Default false: such a ruleset is refused with one line naming what is code.
   */
  allowRulesetCode?: boolean;
  /**
   * The folder the ruleset and every ruleset file it extends must really be inside (symlinks included). Default:
   * root when the ruleset is inside it, else the ruleset's own folder.
   */
  rulesetRoot?: string;
  /** The size limit of the spec text (see LoadOptions.maxSpecBytes; default 13 MiB, YAML counting 4 times). */
  maxSpecBytes?: number;
  /**
   * lint-scope: changed: lint this cut-down head (lint/scope.ts) instead of the text, and place each finding by
   * its JSON path, which is the same in the head.
   */
  scoped?: { document: JsonObject; locate(path: readonly string[]): SourceLocation | undefined };
}

export interface RuleMeta {
  description?: string;
  documentationUrl?: string;
}

const SEVERITIES: readonly LintSeverity[] = ['error', 'warning', 'info', 'hint'];

function inside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function refuseNetwork(url: unknown): Promise<never> {
  return Promise.reject(new ConfigurationError(`network access refused while loading the ruleset (${String(url)})`));
}

/** The fetch Spectral's ruleset loader gets once ruleset code is allowed: remote rulesets, with a timeout and a cap. */
function rulesetFetch(timeoutMs: number) {
  return async (url: unknown) => {
    const href = String(url);
    if (!/^https?:\/\//i.test(href))
      throw new ConfigurationError(`ruleset URL ${redactUrl(href)}: only http and https are fetched`);
    let response;
    try {
      response = await httpRequest(href, { timeoutMs, maxBodyBytes: DEFAULT_MAX_FILE_BYTES, retries: 0 });
    } catch (error) {
      if (error instanceof HttpError) throw new ConfigurationError(`ruleset URL ${redactUrl(href)}: ${error.message}`);
      throw error;
    }
    const { status, body, headers } = response;
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: String(status),
      headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
      text: () => Promise.resolve(body),
      // Inside the executor, so that a parse error rejects the promise as the async function did.
      json: () => new Promise<unknown>((resolveJson) => resolveJson(JSON.parse(body)))
    };
  };
}

/** The part of urijs's URI the resolver hooks use. */
interface RefUri {
  scheme(): string;
  scheme(value: string): RefUri;
  path(): string;
  fragment(value: string): RefUri;
  clone(): RefUri;
  toString(): string;
}

// A $ref the policy refuses before any resolver runs is rewritten to this scheme, whose resolver rejects it.
const REFUSED_SCHEME = 'x-ubos-refused';

/**
 * External refs resolve like the loader's (see spec/load.ts): files inside the root, or anywhere with
 * allowExternalFiles; http(s) URLs only with allowRemoteRefs, fetched with the same timeout and size cap; and a
 * URL document may reference other URLs, never a local file.
 */
function createResolver(root: string, options: LintOptions): InstanceType<typeof Resolver> {
  const realRoot = fs.realpathSync(root);
  const allowFiles = options.allowExternalFiles === true;
  const allowUrls = options.allowRemoteRefs === true;
  let budget = DEFAULT_MAX_FILE_BYTES;
  const remote = {
    async resolve(uri: RefUri) {
      const url = uri.clone().fragment('').toString();
      if (!allowUrls)
        throw new Error(
          `remote $ref refused (${redactUrl(url)}): URLs are fetched only when allow-external-refs includes "urls"`
        );
      try {
        const text = await fetchRemoteText(url, { maxBytes: budget, timeoutMs: options.remoteTimeoutMs });
        budget -= Buffer.byteLength(text, 'utf8');
        return text;
      } catch (error) {
        // Spectral prefixes the error's name ("ConfigurationError: ...") in the invalid-ref finding.
        throw new Error((error as Error).message, { cause: error });
      }
    }
  };
  const outside = (target: string) =>
    new Error(`$ref to ${target} is outside the root ${root}; refused (allow-external-refs: files allows it)`);
  return new Resolver({
    // Where a $ref points, computed from the $ref as written, as the loader does: Spectral would read "/x.yaml" or
    // "file:///x" in a URL document as a local path, and joins an absolute path in a file onto the file's folder.
    transformRef({ ref, uri, val }: { ref?: RefUri; uri: RefUri; val?: unknown }) {
      const raw = (val as { $ref?: unknown } | undefined)?.$ref;
      if (ref === undefined || typeof raw !== 'string' || raw.startsWith('#')) return ref;
      const make = (text: string) => new (ref.constructor as new (value: string) => RefUri)(text);
      if (!/^https?$/i.test(uri.scheme())) {
        const hash = raw.indexOf('#');
        const filePart = hash < 0 ? raw : raw.slice(0, hash);
        const fragment = hash < 0 ? '' : raw.slice(hash);
        return path.posix.isAbsolute(filePart) && ref.path() !== filePart ? make(`${filePart}${fragment}`) : ref;
      }
      let target: URL | undefined;
      try {
        target = new URL(raw, uri.clone().fragment('').toString());
      } catch {
        target = undefined;
      }
      if (target && (target.protocol === 'http:' || target.protocol === 'https:')) return make(target.href);
      return make(`${REFUSED_SCHEME}:${encodeURIComponent(raw)}`);
    },
    resolvers: {
      http: remote,
      https: remote,
      [REFUSED_SCHEME]: {
        resolve: (uri: RefUri) =>
          Promise.reject(
            new Error(
              `$ref "${redactUrl(decodeURIComponent(uri.path()))}" refused: a remote document may only reference http(s) URLs`
            )
          )
      },
      file: {
        async resolve(uri: RefUri) {
          // Spectral hands every scheme it has no resolver for to the file resolver.
          if (uri.scheme() !== '' && uri.scheme() !== 'file')
            throw new Error(`unsupported URI scheme "${uri.scheme()}:" in $ref ${redactUrl(uri.toString())}`);
          const target = decodeURIComponent(uri.path());
          if (!allowFiles && !inside(root, target)) throw outside(target);
          const real = await fs.promises.realpath(target).catch(() => {
            throw new Error(`file ${path.relative(root, target).split(path.sep).join('/')} not found`);
          });
          if (!allowFiles && !inside(realRoot, real)) throw outside(target);
          const { size } = await fs.promises.stat(real);
          if (size > DEFAULT_MAX_FILE_BYTES)
            throw new Error(`${target} is larger than ${DEFAULT_MAX_FILE_BYTES} bytes`);
          return fs.promises.readFile(real, 'utf8');
        }
      }
    }
  } as ConstructorParameters<typeof Resolver>[0]);
}

async function loadRuleset(rulesetPath: string | undefined, root: string, options: LintOptions) {
  if (rulesetPath === undefined) return { extends: [[oas, 'recommended']] } as const;
  const absolute = path.resolve(root, rulesetPath);
  if (!fs.existsSync(absolute)) throw new ConfigurationError(`ruleset ${rulesetPath}: file not found`);
  const allowCode = options.allowRulesetCode === true;
  checkRuleset(absolute, {
    allowCode,
    allowExternalFiles: options.allowExternalFiles === true,
    root: options.rulesetRoot ?? (inside(root, absolute) ? root : path.dirname(absolute))
  });
  const fetch = allowCode ? rulesetFetch(options.remoteTimeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS) : refuseNetwork;
  try {
    return await rulesetLoader()(absolute, { fs, fetch });
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    // Spectral's validation errors are aggregates whose own message is empty; the parts name the rule.
    const parts = error instanceof AggregateError ? error.errors : [error];
    const reason = parts
      .map((part) => {
        const rulePath = (part as { path?: unknown[] }).path;
        const where = Array.isArray(rulePath) && rulePath.length > 0 ? `${rulePath.join('.')}: ` : '';
        return `${where}${String((part as Error).message ?? part)
          .replace(/\s+/g, ' ')
          .trim()}`;
      })
      .join('; ');
    throw new ConfigurationError(`ruleset ${rulesetPath} is invalid: ${reason}`);
  }
}

/**
 * Spectral walks a spec with every $ref expanded in place, and its memory follows the nodes it walks: on cuts of
 * the GitHub REST description (lint-scope changed), 90,000 expanded nodes took 318 MB, 270,000 took 568 MB, 430,000
 * 816 MB and the whole description (1,980,000) 2.6 GB, Spectral alone. The step also holds the loaded spec (a
 * changed-scope lint of 410 operations, under a cap that counted only the operations, peaked at 1.35 GB), so a lint
 * is refused past this many nodes at the default max-spec-size (246 changed operations of GitHub's: 855 MB for the
 * whole step), and the cap grows with max-spec-size. It also stops $ref bombs: a 3 KB spec whose $refs fan out ten
 * ways on six levels expands to 49 million nodes.
 */
export const MAX_LINT_EXPANDED_NODES = 250_000;

/** The cap for a size limit: MAX_LINT_EXPANDED_NODES at the default, in proportion above and below. */
export function lintNodeCap(maxSpecBytes: number | undefined): number {
  if (maxSpecBytes === undefined) return MAX_LINT_EXPANDED_NODES;
  return Math.max(1, Math.round((MAX_LINT_EXPANDED_NODES * maxSpecBytes) / DEFAULT_MAX_SPEC_BYTES));
}

/** Refuses to lint a document whose $refs expand past the cap, with one line saying what to do instead. */
export function checkLintable(
  spec: Pick<LoadedSpec, 'file' | 'document'>,
  cap = MAX_LINT_EXPANDED_NODES,
  what = 'a full lint'
): void {
  const nodes = expandedNodeCount(spec.document, cap);
  if (nodes <= cap) return;
  const count = Number.isFinite(nodes) ? `more than ${cap.toLocaleString('en-US')}` : 'too many to count';
  throw new ConfigurationError(
    `${spec.file}: ${what} would walk ${count} nodes with its $refs expanded (about 1 GB of memory for Spectral at the default max-spec-size): ${what === 'a full lint' ? 'lint only what a pull request changes (lint-scope: changed), ' : ''}raise max-spec-size, or leave lint out of mode`
  );
}

/** Runs Spectral on the entry file; findings are sorted by file, line and column. */
export async function lintSpec(options: LintOptions): Promise<LintFinding[]> {
  return (await lintSpecWithRules(options)).findings;
}

/** Like lintSpec, plus the description of every rule that reported, for SARIF and summaries. */
export async function lintSpecWithRules(
  options: LintOptions
): Promise<{ findings: LintFinding[]; rules: Record<string, RuleMeta> }> {
  const root = path.resolve(options.root);
  const absolute = path.resolve(root, options.file);
  const scoped = options.scoped;
  const text = scoped ? JSON.stringify(scoped.document) : options.text;
  if (!scoped)
    new SpecSizeBudget(options.maxSpecBytes).charge(
      options.file,
      Buffer.byteLength(text, 'utf8'),
      looksLikeJson(text) ? 'json' : 'yaml'
    );
  installCompileCache();
  const spectral = new Spectral({ resolver: createResolver(root, options) });
  const ruleset = await loadRuleset(options.rulesetPath, root, options);
  try {
    spectral.setRuleset(ruleset as Parameters<typeof spectral.setRuleset>[0]);
  } catch (error) {
    throw new ConfigurationError(
      `ruleset ${options.rulesetPath ?? 'spectral:oas'} is invalid: ${(error as Error).message}`
    );
  }
  // The source must be the absolute path: Spectral resolves relative $refs against it.
  const parser = {
    ...Parsers.Yaml,
    parse(input: string) {
      const parsed = Parsers.Yaml.parse(input);
      applyYaml11Merges(input, options.file, parsed);
      return parsed;
    }
  };
  const results = await spectral.run(
    scoped ? new Document(text, Parsers.Json, absolute) : new Document(text, parser, absolute)
  );
  // Spectral's resolved copy of a large spec is garbage now; the diff that follows needs the memory.
  if (text.length > COLLECT_AFTER_BYTES) collectGarbage();

  const relative = (source: string | undefined) => {
    if (source === undefined || source === absolute) return options.file;
    // A finding in a fetched document: its "file" is the URL, as in the loader's source map.
    if (/^https?:\/\//i.test(source)) return redactUrl(source);
    return path.relative(root, source).split(path.sep).join('/');
  };
  const findings = results.map((result): LintFinding => ({
    code: String(result.code),
    severity: SEVERITIES[result.severity] ?? 'error',
    message: result.message,
    path: result.path.map(String).join('.'),
    location: (scoped ? scoped.locate(result.path.map(String)) : undefined) ?? {
      file: relative(result.source),
      line: result.range.start.line + 1,
      column: result.range.start.character + 1
    }
  }));
  findings.sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      a.code.localeCompare(b.code)
  );

  const rules: Record<string, RuleMeta> = {};
  const known = spectral.ruleset?.rules ?? {};
  for (const finding of findings) {
    const rule = known[finding.code];
    if (!rule || rules[finding.code]) continue;
    const meta: RuleMeta = {};
    if (rule.description) meta.description = rule.description;
    if (rule.documentationUrl) meta.documentationUrl = rule.documentationUrl;
    rules[finding.code] = meta;
  }
  return { findings, rules };
}

function sarifLevel(severity: LintSeverity): SarifLevel {
  if (severity === 'error') return 'error';
  if (severity === 'warning') return 'warning';
  return 'note';
}

export function lintToSarif(
  findings: readonly LintFinding[],
  rulesMeta: Record<string, RuleMeta> = {},
  toolVersion = '1.0.0'
): SarifLog {
  const rules = new Map<string, SarifRuleInput>();
  for (const finding of findings) {
    if (rules.has(finding.code)) continue;
    const meta = rulesMeta[finding.code];
    const rule: SarifRuleInput = {
      id: finding.code,
      name: finding.code,
      shortDescription: meta?.description ?? finding.code,
      defaultLevel: sarifLevel(finding.severity)
    };
    if (meta?.documentationUrl) rule.helpUri = meta.documentationUrl;
    rules.set(finding.code, rule);
  }
  return buildSarif({
    toolName: 'spectral (via ubos contract-test)',
    toolVersion,
    informationUri: 'https://github.com/stoplightio/spectral',
    rules: [...rules.values()],
    results: findings.map((finding) => ({
      ruleId: finding.code,
      level: sarifLevel(finding.severity),
      message: finding.message,
      file: finding.location.file,
      startLine: finding.location.line,
      startColumn: finding.location.column
    }))
  });
}
