#!/usr/bin/env node
// `npm run demo`: the sample service (examples/) through the whole pipeline on this machine: CI, staging on
// nginx, a smoke test, a production canary on HAProxy, a second release whose fault the canary catches and rolls
// back, Deployment records in the GitHub API emulator and a DORA report over them. The pipeline itself is
// devtools/demo/main.ts (it reuses the test harness's starters in devtools/); this launcher runs it under plain
// Node through a transpiled copy in .tmp/, prints the one-screen report, cleans up, and exits 0 only when every
// stage did what it should. Needs no network; scripts/install-system-packages.sh installs PostgreSQL, nginx and
// HAProxy when missing.
import { rmdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importTranspiled } from '../devtools/transpile.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the repository so that the transpiled modules resolve their packages from node_modules.
const outDir = join(root, '.tmp', `demo-${process.pid}`);
const cleanUp = () => {
  rmSync(outDir, { recursive: true, force: true });
  // .tmp/ itself too, unless another run (or the test harness) still has something in it.
  try {
    rmdirSync(dirname(outDir));
  } catch {
    // not empty, or already gone
  }
};

// Ctrl-C: the exit hooks of the demo's services stop them (nginx, HAProxy, PostgreSQL, the colours).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\ndemo: ${signal}, stopping everything`);
    cleanUp();
    process.exit(130);
  });
}

let code = 1;
try {
  const { runDemo } = await importTranspiled(join(root, 'devtools', 'demo', 'main.ts'), { root, outDir });
  const { finalReport } = await import(pathToFileURL(join(outDir, 'devtools', 'demo', 'report.js')).href);
  const summary = await runDemo({ root });
  console.log(finalReport(summary));
  console.log(summary.ok ? '\ndemo: every stage did what it should' : '\ndemo: a stage did not do what it should');
  code = summary.ok ? 0 : 1;
} catch (error) {
  // A missing system package is the reader's to fix: one line that says how. Anything else is a bug: its stack.
  const missing = error instanceof Error && error.name === 'MissingBinaryError';
  console.error(
    missing
      ? `demo: ${error.message}; bash scripts/install-system-packages.sh installs what is missing`
      : `demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
  );
} finally {
  cleanUp();
}
process.exit(code);
