#!/usr/bin/env node
// Rebuilds into a temporary directory and compares byte for byte with dist/, so a stale or hand-edited bundle
// fails. On a clean clone (CI) dist/ is what is committed; locally, uncommitted changes under dist/ are reported
// too. It never touches the working tree.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'ubos-check-dist-'));

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

try {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--out', out], {
    cwd: root,
    stdio: 'inherit'
  });
  if (build.status !== 0) throw new Error('build failed');
  const built = new Map(listFiles(out).map((f) => [relative(out, f), readFileSync(f)]));
  const distDir = join(root, 'dist');
  const present = existsSync(distDir) ? listFiles(distDir).map((f) => relative(distDir, f)) : [];
  const problems = [];
  for (const file of present) {
    const rebuilt = built.get(file);
    if (!rebuilt) problems.push(`dist/${file}: present but no longer built`);
    else if (!rebuilt.equals(readFileSync(join(distDir, file))))
      problems.push(`dist/${file}: differs from a fresh build`);
  }
  for (const file of built.keys()) if (!present.includes(file)) problems.push(`dist/${file}: built but missing`);
  const uncommitted = execFileSync('git', ['status', '--porcelain', '--', 'dist'], {
    cwd: root,
    encoding: 'utf8'
  }).trim();
  if (uncommitted) problems.push(`dist/ has uncommitted changes:\n    ${uncommitted.split('\n').join('\n    ')}`);
  if (problems.length > 0) {
    console.error(
      `dist/ is out of sync with the sources (run npm run build and commit dist/):\n  ${problems.join('\n  ')}`
    );
    process.exitCode = 1;
  } else {
    console.log(`dist/ matches a fresh build (${present.length} files)`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
