#!/usr/bin/env node
// Scaffolds a new action from action-templates/javascript-action: npm run new-action -- <name>
// The build discovers actions by folder, so nothing else needs editing afterwards.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const template = join(root, 'action-templates', 'javascript-action');

function fail(message) {
  console.error(`new-action: ${message}`);
  process.exit(2);
}

const name = process.argv[2];
if (!name) fail('usage: npm run new-action -- <kebab-case-name>');
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) fail(`"${name}" is not a kebab-case name like "my-action"`);
const reserved = [
  'actions',
  'shared',
  'dist',
  'cli',
  'bin',
  'scripts',
  'bench',
  'examples',
  'workflows',
  'node_modules'
];
if (reserved.includes(name)) fail(`"${name}" is a folder of the repository, pick another name`);

const words = name.split('-');
const vars = {
  __NAME__: name,
  __TITLE__: words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' '),
  __PASCAL__: words.map((w) => w[0].toUpperCase() + w.slice(1)).join(''),
  __NAME_CAMEL__: words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('')
};

// Template folder -> where it lands in the repository.
const destinations = {
  'action.yml': join(root, name, 'action.yml'),
  'README.md': join(root, name, 'README.md'),
  src: join(root, 'actions', name, 'src'),
  test: join(root, '__tests__', name)
};

for (const target of [join(root, name), join(root, 'actions', name)]) {
  if (existsSync(target)) fail(`${target} already exists`);
}

const fill = (text) => text.replace(/__NAME_CAMEL__|__NAME__|__TITLE__|__PASCAL__/g, (key) => vars[key]);
const written = [];
function copy(from, to) {
  if (statSync(from).isDirectory()) {
    for (const entry of readdirSync(from).sort()) copy(join(from, entry), join(to, entry));
    return;
  }
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, fill(readFileSync(from, 'utf8')));
  written.push(to.slice(root.length + 1));
}
for (const [entry, destination] of Object.entries(destinations)) copy(join(template, entry), destination);
console.log(`created ${written.join(', ')}\nnext: npm run build, then uses: ubos/actions/${name}@v1`);
