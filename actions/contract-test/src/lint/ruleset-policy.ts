// What a Spectral ruleset from the repository may do before Spectral loads it. Loading a ruleset can run
// JavaScript in the step, next to the token in its environment:
// - a ruleset that is not YAML or JSON (.spectral.js, .mjs, .cjs, or any other extension) is a JavaScript module;
// - `functions:` imports custom functions (`<functionsDir or functions>/<name>.js`);
// - `extends:` (also in `overrides`) of a JavaScript ruleset, of a package (npm packages are JavaScript), or of a
//   URL (a remote ruleset can be any of these, and is fetched);
// - a JSONPath with a filter or script expression (`$[?(...)]`, `$[(...)]`) in `given`, an alias or `field`:
//   Spectral compiles those into JavaScript, and a filter can reach `constructor` and call anything.
// Unless the caller opts in, each of these is refused with one line that names the ruleset file and the code in
// it. The same walk keeps every ruleset file the chain reads inside the root (symlinks included), as for $refs.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as parsersModule from '@stoplight/spectral-parsers';
import { cjsExports } from '../../../../shared/src/lib/cjs-interop.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';

const Parsers = cjsExports<typeof parsersModule>(parsersModule, 'Yaml');

export interface RulesetPolicy {
  /** Run what is code in a ruleset (default false: refused). */
  allowCode: boolean;
  /** Ruleset files the chain extends may be outside the root (allow-external-refs: files). */
  allowExternalFiles: boolean;
  /** The folder every ruleset file of the chain must really be inside. */
  root: string;
}

/** What Spectral's bundler reads as data (it bundles anything else as a JavaScript module). */
const BASIC_ENTRY = /\.(json|ya?ml)$/;
/** What its migrator reads as data when a ruleset extends it (case-insensitive, unlike the entry test). */
const BASIC_EXTENDED = /\.(json|ya?ml)$/i;
/** Rulesets shipped inside Spectral: its own code, not the repository's. */
const BUILT_IN = new Set(['spectral:oas', 'spectral:asyncapi', 'spectral:arazzo']);
/** npm's rule for package names, which is what the migrator tries to resolve as a package first. */
const PACKAGE_SEGMENT = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

const OPT_IN = 'refused (allow-ruleset-code: true runs ruleset code; never in pull_request_target runs)';

function display(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function inside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Strips quoted names (`$['a(b)']`), so only parentheses that belong to the path's own syntax remain. */
function hasScript(jsonPath: string): boolean {
  const bare = jsonPath.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return /[()]/.test(bare);
}

function isUrl(id: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(id);
}

/** What the migrator's isPackageImport accepts: every segment a valid npm package name (scope kept together). */
function isPackageImport(id: string): boolean {
  const parts = id.split('/');
  if (id.startsWith('@') && parts.length >= 2) parts.splice(0, 2, `${parts[0]}/${parts[1]}`);
  return parts.every((part) => PACKAGE_SEGMENT.test(part) && !/^[._]/.test(part));
}

type Extended =
  { kind: 'built-in' } | { kind: 'url' } | { kind: 'package'; file?: string } | { kind: 'file'; file: string };

/** Where an `extends` entry of `from` points, the way Spectral's ruleset migrator resolves it. */
function resolveExtended(id: string, from: string): Extended {
  if (BUILT_IN.has(id)) return { kind: 'built-in' };
  if (isUrl(id)) return { kind: 'url' };
  if (path.isAbsolute(id)) return { kind: 'file', file: id };
  const dir = path.dirname(from);
  if (isPackageImport(id)) {
    try {
      return { kind: 'package', file: createRequire(path.join(dir, 'noop.js')).resolve(id, { paths: [dir] }) };
    } catch {
      // Not a package after all: the migrator then takes it as a path next to the ruleset.
      return { kind: 'file', file: path.join(dir, id) };
    }
  }
  return { kind: 'file', file: path.join(dir, id) };
}

function parseRuleset(file: string, shown: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`ruleset ${shown}: cannot read the file: ${(error as Error).message}`);
  }
  // The same parsers (and merge-key handling) Spectral's migrator reads rulesets with, so nothing it would see is
  // hidden from this walk.
  const parsed = path.extname(file) === '.json' ? Parsers.Json.parse(text) : Parsers.Yaml.parse(text);
  return parsed.data;
}

/** Every string in a ruleset with its path, for the JSONPath check (Spectral evaluates paths in several places). */
function* strings(value: unknown, at: string[] = [], seen = new Set<object>()): Generator<[string[], string]> {
  if (typeof value === 'string') {
    yield [at, value];
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const [key, child] of Object.entries(value)) yield* strings(child, [...at, key], seen);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The extends entries of a ruleset or an override: a name, a list of names, or [name, severity] pairs. */
function extendsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .map((entry: unknown): unknown => (Array.isArray(entry) ? entry[0] : entry))
    .filter((id): id is string => typeof id === 'string');
}

/**
 * Walks a ruleset and everything it extends; throws ConfigurationError naming the file and what in it is code
 * (unless policy.allowCode), or a ruleset file whose real path leaves policy.root (unless allowExternalFiles).
 */
export function checkRuleset(rulesetPath: string, policy: RulesetPolicy): void {
  const realRoot = fs.realpathSync(policy.root);
  const visited = new Set<string>();
  const refuse = (what: string) => {
    throw new ConfigurationError(`${what}; ${OPT_IN}`);
  };

  const visit = (file: string, via: string | undefined): void => {
    const shown = display(policy.root, file);
    const named = via === undefined ? `ruleset ${shown}` : `ruleset ${shown} (extended by ${via})`;
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      throw new ConfigurationError(`${named}: file not found`);
    }
    if (!policy.allowExternalFiles && !inside(realRoot, real)) {
      const how = real === file ? 'is' : `resolves (through a symlink) to ${real}, which is`;
      throw new ConfigurationError(
        `${named} ${how} outside ${policy.root}; refused${via === undefined ? '' : ' (allow-external-refs: files allows it)'}`
      );
    }
    if (visited.has(real)) return;
    visited.add(real);
    const basic = via === undefined ? BASIC_ENTRY.test(path.extname(file)) : BASIC_EXTENDED.test(path.extname(file));
    if (!basic) {
      if (policy.allowCode) return;
      refuse(
        `${named} is a JavaScript ruleset (${path.extname(file) || 'no .yaml/.json extension'}): loading it runs its code`
      );
    }
    const ruleset = parseRuleset(real, shown);
    if (!isObject(ruleset)) return;
    if (!policy.allowCode) {
      const functions = Array.isArray(ruleset.functions) ? ruleset.functions.map(String) : [];
      if (functions.length > 0) {
        const dir = typeof ruleset.functionsDir === 'string' ? ruleset.functionsDir : 'functions';
        refuse(`${named} declares functions (${functions.join(', ')}), JavaScript loaded from ${dir}/`);
      }
      for (const [at, value] of strings(ruleset)) {
        const trimmed = value.trim();
        if ((trimmed.startsWith('$') || trimmed.startsWith('#')) && hasScript(trimmed))
          refuse(
            `${named} has a JSONPath with a script or filter expression at ${at.join('.')} ("${trimmed.length > 80 ? `${trimmed.slice(0, 77)}...` : trimmed}"): Spectral runs those as JavaScript`
          );
      }
    }
    const overrides = Array.isArray(ruleset.overrides) ? ruleset.overrides.filter(isObject) : [];
    for (const id of [ruleset.extends, ...overrides.map((o) => o.extends)].flatMap(extendsOf)) {
      const target = resolveExtended(id, real);
      if (target.kind === 'built-in') continue;
      if (target.kind === 'url') {
        if (policy.allowCode) continue;
        refuse(`${named} extends ${id}, a remote ruleset (it is fetched and can carry code)`);
      }
      if (target.kind === 'package') {
        // A package file that is YAML or JSON is read as data, like any other extended ruleset.
        if (target.file && BASIC_EXTENDED.test(path.extname(target.file))) {
          visit(target.file, shown);
          continue;
        }
        if (policy.allowCode) continue;
        refuse(
          `${named} extends the package ${id} (${target.file ? display(policy.root, target.file) : 'from node_modules'}): packages are JavaScript`
        );
      }
      if (target.kind === 'file') visit(target.file, shown);
    }
  };

  visit(path.resolve(policy.root, rulesetPath), undefined);
}
