#!/usr/bin/env node
// Writes contract-test/CHECKS.md, the checks reference page, from the diff checks' catalogue:
//   npm run docs:checks            write the page
//   npm run docs:checks -- --check exit 1 (naming the first differing check) when the page is out of date
// __tests__/contract-test/checks-page.test.ts makes the same comparison, so CI fails on a stale page.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
register('./ts-hooks.mjs', import.meta.url);
const page = await import(pathToFileURL(join(root, 'actions', 'contract-test', 'src', 'checks-page.ts')).href);

const file = join(root, page.CHECKS_PAGE);
const mismatch = page.familyMismatch();
if (mismatch) {
  console.error(`docs:checks: the check families in diff/registry.ts do not list ALL_CHECKS in order at ${mismatch}`);
  process.exit(2);
}
const text = page.checksPage();
const committed = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
if (process.argv.includes('--check')) {
  const difference = page.checksPageDifference(committed, text);
  if (difference) {
    console.error(difference);
    process.exit(1);
  }
  console.log(`${page.CHECKS_PAGE} is up to date`);
} else if (committed === text) {
  console.log(`${page.CHECKS_PAGE} is up to date`);
} else {
  writeFileSync(file, text);
  console.log(`wrote ${page.CHECKS_PAGE}`);
}
