// Which files a step works on: the specs the `spec` input names (paths or globs, several allowed) and the
// Spectral ruleset at the workspace root when none is named (as Spectral's own CLI finds one).
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { displayPath, isGlob, isInside, planGlobWalk, toPosix, walkFiles } from '../../../shared/src/lib/glob.js';

const SPEC_EXTENSION = /\.(ya?ml|json)$/i;

/** Comma- or newline-separated entries, trimmed. */
export function splitList(text: string): string[] {
  return text
    .split(/[\r\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * The specs to check, in the order given, each once. A path is taken as written (it may be anywhere, and a
 * missing one is reported where it is loaded); a glob matches YAML and JSON files inside the workspace, sorted,
 * and must match at least one.
 */
export function expandSpecs(entries: readonly string[], root: string, label: string): string[] {
  if (entries.length === 0) throw new ConfigurationError(`${label} is required`);
  const out: string[] = [];
  const add = (path: string) => {
    if (!out.includes(path)) out.push(path);
  };
  for (const entry of entries) {
    if (!isGlob(entry)) {
      add(toPosix(entry).replace(/^\.\//, ''));
      continue;
    }
    const absolute = resolve(root, entry);
    // A glob picks files for you: what it picks stays inside the workspace, like everything the repository names.
    if (isAbsolute(entry) || !isInside(root, absolute) || entry.split(/[\\/]/).includes('..'))
      throw new ConfigurationError(`${label}: the glob "${entry}" leaves the workspace; globs are relative to it`);
    const plan = planGlobWalk(entry, root);
    const matched: string[] = [];
    walkFiles(plan.base, plan.depth, (path) => {
      if (plan.test.test(path) && SPEC_EXTENSION.test(path)) matched.push(displayPath(path, root));
    });
    if (matched.length === 0) throw new ConfigurationError(`${label}: no YAML or JSON file matches "${entry}"`);
    for (const path of matched.sort()) add(path);
  }
  return out;
}

/** What Spectral's CLI looks for in its working directory, data formats first (ours prefers them). */
export const WORKSPACE_RULESETS = [
  '.spectral.yaml',
  '.spectral.yml',
  '.spectral.json',
  '.spectral.js',
  '.spectral.mjs',
  '.spectral.cjs'
] as const;

export interface FoundRuleset {
  /** Relative to the workspace. */
  file: string;
  /** Other ruleset files at the root that were not used. */
  ignored: string[];
}

/**
 * The ruleset file at the workspace root, when the step names none. A JavaScript one is returned like the
 * others: the ruleset policy refuses it unless allow-ruleset-code, with the same line as a named one.
 */
export function findWorkspaceRuleset(root: string): FoundRuleset | undefined {
  const present = WORKSPACE_RULESETS.filter((name) => {
    const path = join(root, name);
    try {
      return existsSync(path) && statSync(path).isFile();
    } catch {
      return false;
    }
  });
  if (present.length === 0) return undefined;
  return { file: toPosix(relative(root, join(root, present[0]))), ignored: present.slice(1) };
}
