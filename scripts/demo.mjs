#!/usr/bin/env node
// The suite's main job on the sample service, from a clean clone: start examples/service, gate it with
// health-gate (examples/gate.yml), lint its migrations and its OpenAPI spec, validate its pipeline, stop it.
// Exits non-zero when a step fails. Grows into the full demo pipeline (blue-green switch) as actions land.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'ubos-actions.js');

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

function step(title, args, env = {}) {
  console.log(`\n$ ubos-actions ${args.join(' ')}    # ${title}`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env }
    });
    child.on('error', fail);
    child.on('exit', (code) => done(code ?? 1));
  });
}

const port = await freePort();
const service = spawn(process.execPath, [join(root, 'examples/service/server.mjs')], {
  env: { ...process.env, PORT: String(port), STARTUP_DELAY_MS: '1500', APP_VERSION: 'demo' },
  stdio: 'inherit'
});
let failed = 0;
try {
  failed ||= await step('what the suite offers', ['--help']);
  failed ||= await step('gate the freshly started sample service', ['health-gate', '--config', 'examples/gate.yml'], {
    SERVICE_URL: `http://127.0.0.1:${port}`
  });
  failed ||= await step("lint the sample service's migrations", [
    'migration-safety',
    '--framework',
    'plain',
    'examples/service/migrations'
  ]);
  failed ||= await step("lint the sample service's OpenAPI spec", [
    'contract-test',
    'lint',
    'examples/service/openapi.yaml'
  ]);
  failed ||= await step("check the sample service's pipeline", ['validate-workflows', 'examples/.github/workflows']);
} finally {
  service.kill('SIGTERM');
}
console.log(failed ? '\ndemo: a step failed' : '\ndemo: every step passed');
process.exitCode = failed;
