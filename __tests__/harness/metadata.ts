// The contract between an action's public action.yml and its main.ts: what one declares the other uses.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { actionYmlDefault, type InputSpecs, type OutputSpecs } from '../../shared/src/lib/action-inputs.js';
import { validateActionMetadata } from '../../shared/src/lib/workflow-validate.js';

/** What an action's inputs.ts declares. */
export interface Declarations {
  INPUTS: InputSpecs;
  OUTPUTS: OutputSpecs;
}

interface Metadata {
  name?: string;
  description?: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown; deprecationMessage?: string }>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string; main?: string; post?: string; 'post-if'?: string };
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

/** Returns every breach of the metadata contract for one action; empty when it is sound. */
export function checkActionMetadata(root: string, action: string, declared: Declarations): string[] {
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

  const hasPost = existsSync(join(root, 'actions', action, 'src', 'post.ts'));
  const expectedPost = hasPost ? `../dist/${action}/post/index.js` : undefined;
  if (meta.runs?.post !== expectedPost)
    problems.push(
      hasPost
        ? `runs.post is ${meta.runs?.post}, expected ${expectedPost} (actions/${action}/src/post.ts exists)`
        : `runs.post is set but actions/${action}/src/post.ts does not exist`
    );
  else if (expectedPost && !existsSync(resolve(root, action, expectedPost)))
    problems.push(`${expectedPost} is not built`);
  if (meta.runs?.['post-if'] !== undefined && !hasPost) problems.push('runs.post-if is set without runs.post');

  const inputs = meta.inputs ?? {};
  const outputs = meta.outputs ?? {};
  for (const [name, spec] of Object.entries(declared.INPUTS)) {
    const yml = inputs[name];
    if (!yml) {
      problems.push(`input "${name}" is declared in inputs.ts but not in action.yml`);
      continue;
    }
    if (yml.description !== spec.description) problems.push(`input "${name}": description differs from inputs.ts`);
    const expectedDefault = actionYmlDefault(spec);
    const ymlDefault = yml.default === undefined ? undefined : String(yml.default);
    if (ymlDefault !== expectedDefault)
      problems.push(
        `input "${name}": default is ${ymlDefault ?? 'unset'} in action.yml, ${expectedDefault ?? 'unset'} in inputs.ts`
      );
    if ((yml.required === true) !== (spec.kind === 'string' && spec.required === true))
      problems.push(`input "${name}": required differs from inputs.ts`);
    if (yml.deprecationMessage !== spec.deprecationMessage)
      problems.push(`input "${name}": deprecationMessage differs from inputs.ts`);
  }
  for (const [name, spec] of Object.entries(inputs)) {
    if (!(name in declared.INPUTS)) problems.push(`input "${name}" is in action.yml but not declared in inputs.ts`);
    if (!spec?.description) problems.push(`input "${name}" has no description`);
    if (name !== name.toLowerCase() || /[_\s]/.test(name)) problems.push(`input "${name}" is not kebab-case`);
  }
  for (const [name, description] of Object.entries(declared.OUTPUTS)) {
    if (!outputs[name]) problems.push(`output "${name}" is declared in inputs.ts but not in action.yml`);
    else if (outputs[name].description !== description)
      problems.push(`output "${name}": description differs from inputs.ts`);
  }
  for (const name of Object.keys(outputs))
    if (!(name in declared.OUTPUTS)) problems.push(`output "${name}" is in action.yml but not declared in inputs.ts`);
  return problems;
}
