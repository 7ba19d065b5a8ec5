#!/usr/bin/env node
// Adds a contract-test diff family from action-templates/contract-diff-check: npm run new-diff-check -- <family>
// Writes the family module (its checks declared as const beside the code that emits them), registers its checks
// last in diff/registry.ts (so `contract-test checks` lists them last among the operation checks), calls it at
// the end of diffOperations (diff/operations.ts), adds it to CHECK_FAMILIES (the families of the checks page,
// contract-test/CHECKS.md), and writes its table (diff-tables/<family>.ts, which diff-tables.test.ts runs with the
// others and checks every catalogued check against).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const template = join(root, 'action-templates', 'contract-diff-check');
const diff = join(root, 'actions', 'contract-test', 'src', 'diff');
const registry = join(diff, 'registry.ts');
const operations = join(diff, 'operations.ts');

function fail(message) {
  console.error(`new-diff-check: ${message}`);
  process.exit(2);
}

const family = process.argv[2];
if (!family) fail('usage: npm run new-diff-check -- <kebab-case-family>');
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(family)) fail(`"${family}" is not a kebab-case family name like "tags"`);

const camel = family.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const constant = family.replace(/-/g, '_').toUpperCase();
const fill = (text) =>
  text
    .replace(/__FAMILY__/g, family)
    .replace(/__CAMEL__/g, camel)
    .replace(/__CONST__/g, constant);

const files = [
  ['family.ts', join(diff, `${family}.ts`)],
  ['family-table.ts', join(root, '__tests__', 'contract-test', 'diff-tables', `${family}.ts`)]
];
for (const [, target] of files) if (existsSync(target)) fail(`${target.slice(root.length + 1)} already exists`);
if (existsSync(join(diff, family))) fail(`actions/contract-test/src/diff/${family}/ already exists`);

/** Inserts an import after the last one. */
function withImport(text, line) {
  const imports = [...text.matchAll(/^import [\s\S]*?;$/gm)];
  if (imports.length === 0) return undefined;
  const last = imports[imports.length - 1];
  const end = last.index + last[0].length;
  return `${text.slice(0, end)}\n${line}${text.slice(end)}`;
}

const index = readFileSync(registry, 'utf8');
if (index.includes(`'./${family}.js'`) || new RegExp(`\\b${constant}_CHECKS\\b`).test(index))
  fail(`diff/registry.ts already registers ${family}`);
const list = /export const OPERATION_CHECKS = \[([\s\S]*?)\n\] as const;/.exec(index);
let registered = withImport(index, `import { ${constant}_CHECKS } from './${family}.js';`);
if (!list || !registered) fail('diff/registry.ts does not have the expected shape (imports, then OPERATION_CHECKS)');
registered = registered.replace(
  list[0],
  `export const OPERATION_CHECKS = [${list[1]},\n  ...${constant}_CHECKS\n] as const;`
);
// The checks reference page (contract-test/CHECKS.md) groups the checks by CHECK_FAMILIES: the new family goes
// after the last operation family, as in OPERATION_CHECKS.
const familyEntry = /\n( {2}\{ title: '[^']*', checks: LINK_CHECKS \},)\n/;
if (!familyEntry.test(registered))
  fail('diff/registry.ts does not have the expected shape (CHECK_FAMILIES with LINK_CHECKS)');
const title = family.charAt(0).toUpperCase() + family.slice(1).replace(/-/g, ' ');
registered = registered.replace(
  familyEntry,
  (_, links) => `\n${links}\n  { title: '${title}', checks: ${constant}_CHECKS },\n`
);

const ops = readFileSync(operations, 'utf8');
const call = /\n {2}diffWebhooks\(e, compare\);\n\}/;
let called = withImport(ops, `import { diff${camel} } from './${family}.js';`);
if (!call.test(ops) || !called)
  fail('diff/operations.ts does not have the expected shape (diffOperations ending in diffWebhooks)');
called = called.replace(call, `\n  diffWebhooks(e, compare);\n  diff${camel}(e);\n}`);

// Formatted as the repository formats them, when Prettier is installed (it is a dev dependency).
async function formatted(text, file) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...options, filepath: file });
  } catch {
    return text;
  }
}

const written = [];
for (const [source, target] of files) {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, await formatted(fill(readFileSync(join(template, source), 'utf8')), target));
  written.push(target.slice(root.length + 1));
}
writeFileSync(registry, await formatted(registered, registry));
writeFileSync(operations, await formatted(called, operations));
written.push(registry.slice(root.length + 1), operations.slice(root.length + 1));
console.log(
  `created ${written.join(', ')}\nnext: replace the example checks and their table rows, then npm test -- __tests__/contract-test/diff-tables.test.ts, and npm run docs:checks`
);
