#!/usr/bin/env node
// Adds a health-gate check type from action-templates/health-gate-check: npm run new-check-type -- <type>
// Writes the check module (its interface, keys, parse and probe behind one CheckKind), adds the type to the
// CheckType and Check unions (types.ts) and to CHECK_TYPES (config-keys.ts), registers it last in checks/index.ts
// (so the JSON schema lists it last), and writes its test.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const template = join(root, 'action-templates', 'health-gate-check');
const src = join(root, 'actions', 'health-gate', 'src');
const paths = {
  types: join(src, 'types.ts'),
  keys: join(src, 'config-keys.ts'),
  registry: join(src, 'checks', 'index.ts')
};

function fail(message) {
  console.error(`new-check-type: ${message}`);
  process.exit(2);
}

const type = process.argv[2];
if (!type) fail('usage: npm run new-check-type -- <kebab-case-type>');
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(type)) fail(`"${type}" is not a kebab-case check type like "dns"`);

const pascal = type.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const camel = pascal[0].toLowerCase() + pascal.slice(1);
const fill = (text) =>
  text
    .replace(/__TYPE__/g, type)
    .replace(/__PASCAL__/g, pascal)
    .replace(/__CAMEL__/g, camel);

const files = [
  ['check.ts', join(src, 'checks', `${type}.ts`)],
  ['check.test.ts', join(root, '__tests__', 'health-gate', `${type}-check.test.ts`)]
];
for (const [, target] of files) if (existsSync(target)) fail(`${target.slice(root.length + 1)} already exists`);

const text = Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, readFileSync(p, 'utf8')]));
const shape = (file, what) => fail(`${file} does not have the expected shape (${what})`);
if (new RegExp(`'${type}'`).test(text.types)) fail(`types.ts already has the check type ${type}`);

/** Inserts an import after the last one. */
function withImport(source, line) {
  const imports = [...source.matchAll(/^import [\s\S]*?;$/gm)];
  if (imports.length === 0) return undefined;
  const last = imports[imports.length - 1];
  const end = last.index + last[0].length;
  return `${source.slice(0, end)}\n${line}${source.slice(end)}`;
}

// types.ts: the type in both unions; the check interface lives in its module (import it from there).
const typeUnion = /^export type CheckType = ([^;]+);$/m;
const checkUnion = /^export type Check = ([^;]+);$/m;
if (!typeUnion.test(text.types) || !checkUnion.test(text.types)) shape('types.ts', 'CheckType and Check unions');
let types = text.types
  .replace(typeUnion, (_, list) => `export type CheckType = ${list} | '${type}';`)
  .replace(checkUnion, (_, list) => `export type Check = ${list} | ${pascal}Check;`);
types = withImport(types, `import type { ${pascal}Check } from './checks/${type}.js';`);
if (!types) shape('types.ts', 'imports');

const typeList = /^export const CHECK_TYPES: readonly CheckType\[\] = \[([^\]]*)\];$/m;
if (!typeList.test(text.keys)) shape('config-keys.ts', 'CHECK_TYPES');
const keys = text.keys.replace(
  typeList,
  (_, list) => `export const CHECK_TYPES: readonly CheckType[] = [${list}, '${type}'];`
);

const kinds = /^export const CHECK_KINDS: CheckKinds = \{([\s\S]*?)\n\};$/m;
let registry = withImport(text.registry, `import { ${camel}Check } from './${type}.js';`);
if (!registry || !kinds.test(registry)) shape('checks/index.ts', 'imports, then CHECK_KINDS = {...}');
const key = type.includes('-') ? `'${type}'` : type;
registry = registry.replace(
  kinds,
  (_, list) => `export const CHECK_KINDS: CheckKinds = {${list},\n  ${key}: ${camel}Check\n};`
);

// Formatted as the repository formats them, when Prettier is installed (it is a dev dependency).
async function formatted(source, file) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(source, { ...options, filepath: file });
  } catch {
    return source;
  }
}

const written = [];
for (const [source, target] of files) {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, await formatted(fill(readFileSync(join(template, source), 'utf8')), target));
  written.push(target.slice(root.length + 1));
}
for (const [file, content] of [
  [paths.types, types],
  [paths.keys, keys],
  [paths.registry, registry]
]) {
  writeFileSync(file, await formatted(content, file));
  written.push(file.slice(root.length + 1));
}
console.log(
  `created ${written.join(', ')}\nnext: replace the example check, then npm test -- __tests__/health-gate/${type}-check.test.ts;` +
    ' npm run build && node bin/ubos-actions.js health-gate --print-schema > health-gate/config.schema.json'
);
