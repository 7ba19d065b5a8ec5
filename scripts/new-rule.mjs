#!/usr/bin/env node
// Adds a migration-safety rule from action-templates/migration-rule: npm run new-rule -- <rule-id>
// Writes the rule module, its registry entry (last in rules/index.ts, so --list-rules shows it last), its docs
// page, its table test and its row in the action README's rule list; the rule is opt-in until its author removes
// `optIn`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const template = join(root, 'action-templates', 'migration-rule');
const action = join(root, 'actions', 'migration-safety');
const registry = join(action, 'src', 'rules', 'index.ts');
const readme = join(root, 'migration-safety', 'README.md');

function fail(message) {
  console.error(`new-rule: ${message}`);
  process.exit(2);
}

const id = process.argv[2];
if (!id) fail('usage: npm run new-rule -- <kebab-case-rule-id>');
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(id)) fail(`"${id}" is not a kebab-case rule id like "ban-set-tablespace"`);

const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const fill = (text) => text.replace(/__ID__/g, id).replace(/__CAMEL__/g, camel);

const files = [
  ['rule.ts', join(action, 'src', 'rules', `${id}.ts`)],
  ['docs.md', join(action, 'docs', 'rules', `${id}.md`)],
  ['rule.test.ts', join(root, '__tests__', 'migration-safety', 'rules', `${id}.test.ts`)]
];
for (const [, target] of files) if (existsSync(target)) fail(`${target.slice(root.length + 1)} already exists`);

// The registry: an import after the last one, and the rule at the end of ALL_RULES.
const index = readFileSync(registry, 'utf8');
if (new RegExp(`from '\\./${id}\\.js'`).test(index) || new RegExp(`\\b${camel}\\b`).test(index))
  fail(`rules/index.ts already registers ${id}`);
const imports = [...index.matchAll(/^import .*;$/gm)];
const list = /export const ALL_RULES: readonly Rule\[\] = \[([\s\S]*?)\n\];/.exec(index);
if (imports.length === 0 || !list)
  fail('rules/index.ts does not have the expected shape (imports, then ALL_RULES = [...])');
const lastImport = imports[imports.length - 1];
const afterImport = lastImport.index + lastImport[0].length;
let registered = `${index.slice(0, afterImport)}\nimport { ${camel} } from './${id}.js';${index.slice(afterImport)}`;
registered = registered.replace(list[0], `export const ALL_RULES: readonly Rule[] = [${list[1]},\n  ${camel}\n];`);

// The README's rule list (`| \`id\` | level | squawk ids |` rows): a row after the last one, as the template's rule is.
const readmeText = readFileSync(readme, 'utf8');
const rows = [...readmeText.matchAll(/^\| `[a-z0-9-]+` .*\|$/gm)];
if (rows.length === 0) fail('migration-safety/README.md has no rule list (rows like | `rule-id` | level | squawk |)');
const lastRow = rows[rows.length - 1];
const afterRow = lastRow.index + lastRow[0].length;
const listed = `${readmeText.slice(0, afterRow)}\n| \`${id}\` | warning, opt-in | - |${readmeText.slice(afterRow)}`;

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
written.push(registry.slice(root.length + 1));
writeFileSync(readme, await formatted(listed, readme));
written.push(readme.slice(root.length + 1));
console.log(
  `created ${written.join(', ')}\nnext: replace the example check, then npm test -- __tests__/migration-safety/rules/${id}.test.ts`
);
