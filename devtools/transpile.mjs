// Runs TypeScript modules of this repository under plain Node, outside Jest and without a build: the entry and
// every module it reaches by a relative import are transpiled (TypeScript's transpileModule: no type check, a few
// milliseconds a file) into a folder that mirrors the repository layout, then imported from there. Plain JS so
// that it needs nothing transpiled itself. Used by the Jest global setup (the PostgreSQL cluster) and by
// scripts/demo.mjs (the whole demo pipeline).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Transpiles `entry` and its relative imports (all inside `root`) into `outDir`, keeping their paths relative to
 * `root`, and imports the entry. Bare imports (`yaml`, `pg`) resolve from wherever `outDir` is: put it inside the
 * repository (`.tmp/`) when the modules use packages, anywhere for modules that use only `node:` builtins.
 * @param {string} entry absolute path of a .ts file
 * @param {{ root: string, outDir: string }} options
 * @returns {Promise<unknown>} the entry's module namespace
 */
export async function importTranspiled(entry, { root, outDir }) {
  const ts = (await import('typescript')).default;
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'package.json'), '{"type":"module"}\n');
  const pending = [path.resolve(entry)];
  const done = new Set();
  while (pending.length > 0) {
    const file = pending.pop();
    if (done.has(file)) continue;
    done.add(file);
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative))
      throw new Error(`transpile: ${file} is outside ${root}`);
    const target = path.join(outDir, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith('.json')) {
      fs.copyFileSync(file, target);
      continue;
    }
    const source = fs.readFileSync(file, 'utf8');
    for (const imported of ts.preProcessFile(source, true, true).importedFiles) {
      const name = imported.fileName;
      if (!name.startsWith('.')) continue;
      const resolved = path.resolve(path.dirname(file), name);
      pending.push(resolved.endsWith('.js') && !fs.existsSync(resolved) ? resolved.replace(/\.js$/, '.ts') : resolved);
    }
    if (!file.endsWith('.ts')) {
      fs.copyFileSync(file, target);
      continue;
    }
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false }
    });
    fs.writeFileSync(target.replace(/\.ts$/, '.js'), outputText);
  }
  return import(pathToFileURL(path.join(outDir, path.relative(root, entry).replace(/\.ts$/, '.js'))).href);
}
