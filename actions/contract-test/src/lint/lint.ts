// Lints an OpenAPI description with Spectral (spectral:oas recommended, or the user's ruleset file) and maps its
// results onto the project's finding shape and SARIF.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as spectralCoreModule from '@stoplight/spectral-core';
import * as parsersModule from '@stoplight/spectral-parsers';
import * as rulesetsModule from '@stoplight/spectral-rulesets';
import * as bundlerModule from '@stoplight/spectral-ruleset-bundler/with-loader';
// The only way to give Spectral a resolver that refuses the network.
import * as resolverModule from '@stoplight/spectral-ref-resolver';
import { cjsExports } from '../../../../shared/src/cjs-interop.js';
import { ConfigurationError } from '../../../../shared/src/errors.js';
import { buildSarif, type SarifLevel, type SarifLog, type SarifRuleInput } from '../../../../shared/src/sarif.js';
import { DEFAULT_MAX_FILE_BYTES } from '../spec/load.js';
import type { SourceLocation } from '../spec/types.js';

// Spectral ships CommonJS: read its exports the same way under Node's ESM and inside the ncc bundle.
const { Spectral, Document } = cjsExports<typeof spectralCoreModule>(spectralCoreModule, 'Spectral');
const Parsers = cjsExports<typeof parsersModule>(parsersModule, 'Yaml');
const { oas } = cjsExports<typeof rulesetsModule>(rulesetsModule, 'oas');
const { bundleAndLoadRuleset } = cjsExports<typeof bundlerModule>(bundlerModule, 'bundleAndLoadRuleset');
const { Resolver } = cjsExports<typeof resolverModule>(resolverModule, 'Resolver');

type RulesetLoader = (
  file: string,
  io: { fs: typeof fs; fetch: (url: unknown) => Promise<never> }
) => Promise<Parameters<InstanceType<typeof Spectral>['setRuleset']>[0]>;

function rulesetLoader(): RulesetLoader {
  return bundleAndLoadRuleset as unknown as RulesetLoader;
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
  /** Directory external $refs must stay inside. */
  root: string;
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

/** External refs resolve like the loader's: local files inside the root only, never a URL. */
function createResolver(root: string): InstanceType<typeof Resolver> {
  const realRoot = fs.realpathSync(root);
  const remote = {
    resolve: (uri: { toString(): string }) =>
      Promise.reject(new Error(`remote $ref refused (${uri.toString()}): URLs are not fetched`))
  };
  return new Resolver({
    resolvers: {
      http: remote,
      https: remote,
      file: {
        async resolve(uri: { path(): string }) {
          const target = decodeURIComponent(uri.path());
          if (!inside(root, target)) throw new Error(`$ref to ${target} is outside the root ${root}; refused`);
          const real = await fs.promises.realpath(target).catch(() => {
            throw new Error(`file ${path.relative(root, target).split(path.sep).join('/')} not found`);
          });
          if (!inside(realRoot, real)) throw new Error(`$ref to ${target} is outside the root ${root}; refused`);
          const { size } = await fs.promises.stat(real);
          if (size > DEFAULT_MAX_FILE_BYTES)
            throw new Error(`${target} is larger than ${DEFAULT_MAX_FILE_BYTES} bytes`);
          return fs.promises.readFile(real, 'utf8');
        }
      }
    }
  });
}

async function loadRuleset(rulesetPath: string | undefined, root: string) {
  if (rulesetPath === undefined) return { extends: [[oas, 'recommended']] } as const;
  const absolute = path.resolve(root, rulesetPath);
  if (!fs.existsSync(absolute)) throw new ConfigurationError(`ruleset ${rulesetPath}: file not found`);
  try {
    return await rulesetLoader()(absolute, { fs, fetch: refuseNetwork });
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
  const spectral = new Spectral({ resolver: createResolver(root) });
  const ruleset = await loadRuleset(options.rulesetPath, root);
  try {
    spectral.setRuleset(ruleset as Parameters<typeof spectral.setRuleset>[0]);
  } catch (error) {
    throw new ConfigurationError(
      `ruleset ${options.rulesetPath ?? 'spectral:oas'} is invalid: ${(error as Error).message}`
    );
  }
  // The source must be the absolute path: Spectral resolves relative $refs against it.
  const results = await spectral.run(new Document(options.text, Parsers.Yaml, absolute));

  const relative = (source: string | undefined) => {
    if (source === undefined || source === absolute) return options.file;
    return path.relative(root, source).split(path.sep).join('/');
  };
  const findings = results.map((result): LintFinding => ({
    code: String(result.code),
    severity: SEVERITIES[result.severity] ?? 'error',
    message: result.message,
    path: result.path.map(String).join('.'),
    location: {
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
