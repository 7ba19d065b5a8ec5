// jest project: integration (the engine runs Dredd as a child process)
// engine: dredd — Dredd 14.1.0 run with a team's dredd.yml (its code-running keys dropped unless hooks are opted
// into), its xunit results mapped to our checks, operations and spec lines.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDredd, runDredd } from '../../../actions/contract-test/src/live/index.js';
import { repoRoot } from '../../harness/runner.js';
import { startDefectServer, type DefectServer } from './harness/defect-server.mjs';
import { HARNESS, harnessSpec, SECRETS } from './helpers.js';

let server: DefectServer;
let work: string;
let dredd: string[];
beforeAll(async () => {
  const found = findDredd(repoRoot, '');
  if (!found) throw new Error('node_modules/.bin/dredd is missing: npm ci (devDependency dredd@14.1.0)');
  dredd = found;
  server = await startDefectServer({ defects: ['missing-required-property', 'undocumented-status'] });
  work = mkdtempSync(join(tmpdir(), 'ubos-live-dredd-'));
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function config(extra: string): string {
  const file = join(work, `dredd-${Math.random().toString(36).slice(2)}.yml`);
  const marker = join(work, 'hook-ran');
  writeFileSync(
    join(work, 'hooks.js'),
    `const hooks = require('hooks');\nhooks.beforeAll((transactions, done) => { require('fs').writeFileSync(${JSON.stringify(marker)}, 'yes'); done(); });\n`
  );
  writeFileSync(file, `language: nodejs\nserver: touch ${join(work, 'server-ran')}\nhookfiles: ./hooks.js\n${extra}`);
  return file;
}

describe('engine: dredd', () => {
  it('maps Dredd failures to our checks, operations and spec lines; drops the keys that run code', async () => {
    const spec = await harnessSpec('30');
    const result = await runDredd({
      spec,
      specPath: join(HARNESS, 'defects.openapi30.yaml'),
      baseUrl: server.url,
      configFile: config('only:\n  - "/profile > GET > 200 > application/json"\n'),
      command: dredd,
      auth: SECRETS,
      cwd: work,
      timeoutMs: 60_000
    });
    expect(result.engine).toBe('dredd');
    const profile = result.failures.filter((f) => f.operation.path === '/profile');
    expect(profile.map((f) => f.id)).toEqual(['response-schema-conformance']);
    expect(profile[0]!.message).toMatch(/email/);
    expect(profile[0]!.location?.file).toBe('defects.openapi30.yaml');
    expect(profile[0]!.exchange.response?.status).toBe(200);
    expect(result.requests).toBe(1);
    expect(result.notes.join('\n')).toMatch(/dredd.yml keys not used .*language, server, hookfiles/);
    expect(existsSync(join(work, 'server-ran'))).toBe(false);
    expect(existsSync(join(work, 'hook-ran'))).toBe(false);
  });

  it('runs the whole spec, status codes included, and runs hooks only when a hooks file is named', async () => {
    const result = await runDredd({
      spec: await harnessSpec('30'),
      specPath: join(HARNESS, 'defects.openapi30.yaml'),
      baseUrl: server.url,
      configFile: config(''),
      hooksFile: join(work, 'hooks.js'),
      command: dredd,
      auth: SECRETS,
      cwd: work,
      timeoutMs: 60_000
    });
    expect(existsSync(join(work, 'hook-ran'))).toBe(true);
    expect(
      result.failures.some(
        (f) => f.id === 'status-code-conformance' && f.operation.path === '/jobs' && /202/.test(f.message)
      )
    ).toBe(true);
    expect(result.coverage.operations.covered).toBeGreaterThan(25);
    expect(JSON.stringify(result)).not.toContain('tok-123');
  });

  it('a spec Dredd cannot test is one clear line', async () => {
    writeFileSync(
      join(work, 'empty.yaml'),
      'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /x/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n      responses: {"200": {description: ok}}\n'
    );
    const { loadLiveSpec } = await import('../../../actions/contract-test/src/live/index.js');
    const spec = await loadLiveSpec('empty.yaml', { workspace: work });
    await expect(
      runDredd({
        spec,
        specPath: join(work, 'empty.yaml'),
        baseUrl: server.url,
        command: dredd,
        cwd: work,
        timeoutMs: 60_000
      })
    ).rejects.toThrow(/dredd ran no test: .*id/);
  });
});
