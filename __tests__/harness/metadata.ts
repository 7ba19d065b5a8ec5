// The contract between an action's public action.yml and its main.ts: what one declares the other uses.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { validateActionMetadata } from '../../shared/src/lib/workflow-validate.js';

const INPUT_READERS =
  /\b(getRequiredInput|getOptionalInput|getBooleanInput|getIntegerInput|getDurationInput|getOptionalDurationInput|getListInput|getStructuredInput|core\.getInput|core\.getBooleanInput|core\.getMultilineInput)\(\s*['"]([^'"]+)['"]/g;
const OUTPUT_WRITERS = /\bcore\.setOutput\(\s*['"]([^'"]+)['"]/g;

interface Metadata {
  name?: string;
  description?: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string; main?: string };
}

/** Root folders that publish an action (`<name>/action.yml`), i.e. what `uses: ubos/actions/<name>@v1` finds. */
export function listPublicActions(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter(
      (e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && e.name !== 'action-templates'
    )
    .filter((e) => existsSync(join(root, e.name, 'action.yml')))
    .map((e) => e.name)
    .sort();
}

/** Implementations under actions/<name>/src. */
export function listImplementations(root: string): string[] {
  const dir = join(root, 'actions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => existsSync(join(dir, n, 'src', 'index.ts')))
    .sort();
}

function matches(text: string, pattern: RegExp, group: number): Set<string> {
  return new Set([...text.matchAll(pattern)].map((m) => m[group]));
}

/** Returns every breach of the metadata contract for one action; empty when it is sound. */
export function checkActionMetadata(root: string, action: string): string[] {
  const problems: string[] = [];
  const file = join(root, action, 'action.yml');
  const text = readFileSync(file, 'utf8');
  for (const f of validateActionMetadata({ path: `${action}/action.yml`, content: text })) {
    problems.push(`${f.file}:${f.line}:${f.column}: ${f.message}`);
  }
  const meta = parseYaml(text) as Metadata;
  if (!meta.name || !meta.description) problems.push('name and description are required');
  if (meta.runs?.using !== 'node24') problems.push(`runs.using is ${meta.runs?.using}, expected node24`);
  if (meta.runs?.main !== `../dist/${action}/index.js`)
    problems.push(`runs.main is ${meta.runs?.main}, expected ../dist/${action}/index.js`);
  else if (!existsSync(resolve(root, action, meta.runs.main))) problems.push(`${meta.runs.main} is not built`);
  if (!meta.branding?.icon || !meta.branding?.color) problems.push('branding.icon and branding.color are required');

  const mainFile = join(root, 'actions', action, 'src', 'main.ts');
  if (!existsSync(mainFile)) return [...problems, `actions/${action}/src/main.ts is missing`];
  const main = readFileSync(mainFile, 'utf8');
  const read = matches(main, INPUT_READERS, 2);
  const booleans = matches(main, /\b(?:getBooleanInput|core\.getBooleanInput)\(\s*['"]([^'"]+)['"]/g, 1);
  const set = matches(main, OUTPUT_WRITERS, 1);
  const inputs = meta.inputs ?? {};
  const outputs = meta.outputs ?? {};

  for (const name of read) if (!(name in inputs)) problems.push(`input "${name}" is read in main.ts but not declared`);
  for (const [name, spec] of Object.entries(inputs)) {
    if (!read.has(name)) problems.push(`input "${name}" is declared but main.ts never reads it`);
    if (!spec?.description) problems.push(`input "${name}" has no description`);
    if (name !== name.toLowerCase() || /[_\s]/.test(name)) problems.push(`input "${name}" is not kebab-case`);
  }
  for (const name of booleans) {
    if (inputs[name] && inputs[name].default === undefined) problems.push(`boolean input "${name}" has no default`);
  }
  for (const name of set) if (!(name in outputs)) problems.push(`output "${name}" is set in main.ts but not declared`);
  for (const [name, spec] of Object.entries(outputs)) {
    if (!set.has(name)) problems.push(`output "${name}" is declared but main.ts never sets it`);
    if (!spec?.description) problems.push(`output "${name}" has no description`);
  }
  return problems;
}
