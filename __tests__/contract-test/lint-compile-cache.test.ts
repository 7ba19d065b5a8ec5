// jest project: integration (runs Spectral's own CLI beside our lint on a cut of the GitHub REST description)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileCacheCounters } from '../../actions/contract-test/src/lint/compile-cache.js';
import { lintSpec, type LintFinding } from '../../actions/contract-test/src/lint/lint.js';
import { repoRoot } from '../harness/runner.js';

const spectralCli = join(repoRoot, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const HEAD = join(repoRoot, 'node_modules/octokit-openapi-23/generated/api.github.com.json');

interface SpectralResult {
  code: string;
  path: string[];
  message: string;
  range: { start: { line: number; character: number } };
}

/** Spectral's CLI on a file, with the ruleset contract-test uses by default. */
async function spectralLint(dir: string, file: string): Promise<string[]> {
  const ruleset = join(dir, '.spectral.yaml');
  writeFileSync(ruleset, "extends: [['spectral:oas', 'recommended']]\n");
  const child = spawn(
    process.execPath,
    [spectralCli, 'lint', file, '--ruleset', ruleset, '--format', 'json', '--quiet'],
    {
      cwd: dir
    }
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.on('close', resolve));
  const results = JSON.parse(out) as SpectralResult[];
  return results
    .map((r) => `${r.range.start.line + 1}:${r.range.start.character + 1} ${r.code} ${r.path.join('.')} ${r.message}`)
    .sort();
}

const ours = (findings: LintFinding[]) =>
  findings.map((f) => `${f.location.line}:${f.location.column} ${f.code} ${f.path} ${f.message}`).sort();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ubos-compile-cache-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the content-keyed cache of ajv's compiles under Spectral's example rules", () => {
  it('gives exactly the findings of Spectral itself on 40 paths of the GitHub REST description, compiling far less', async () => {
    const spec = JSON.parse(readFileSync(HEAD, 'utf8')) as { paths: Record<string, unknown> };
    spec.paths = Object.fromEntries(Object.entries(spec.paths).slice(0, 40));
    const file = join(dir, 'github-cut.json');
    const text = JSON.stringify(spec, null, 2);
    writeFileSync(file, text);

    compileCacheCounters(true);
    const findings = await lintSpec({ text, file: 'github-cut.json', root: dir, maxSpecBytes: 100 * 1024 * 1024 });
    const counters = compileCacheCounters(true);
    const theirs = await spectralLint(dir, file);

    expect(theirs.length).toBeGreaterThan(100);
    expect(ours(findings)).toEqual(theirs);
    // Most compiles repeat a schema already compiled (one per example, not one per schema).
    expect(counters.compiles).toBeGreaterThan(1000);
    expect(counters.reused / counters.compiles).toBeGreaterThan(0.9);
  }, 300_000);

  it('compiles again, as ajv without the cache would, a schema whose ids ajv registers (the same finding twice)', async () => {
    // The same schema with an id (draft 4, as Spectral reads OpenAPI 3.0 schemas) beside two examples: ajv
    // registers the id, refuses the second compile ("already exists"), and Spectral reports that refusal; with
    // the cache serving the second compile, that finding would be lost.
    const schema = { id: 'https://example.com/thing', type: 'object', properties: { n: { type: 'integer' } } };
    const plain = { type: 'object', properties: { n: { type: 'integer' } } };
    const response = (example: unknown, s: unknown) => ({
      description: 'ok',
      content: { 'application/json': { schema: s, example } }
    });
    const doc = {
      openapi: '3.0.3',
      info: { title: 't', version: '1', description: 'd', contact: { name: 'c' } },
      servers: [{ url: 'https://api.example.com' }],
      tags: [{ name: 't', description: 'd' }],
      paths: Object.fromEntries(
        ['/a', '/b', '/c', '/d', '/e'].map((p, i) => [
          p,
          {
            get: {
              operationId: `op${i}`,
              description: 'd',
              tags: ['t'],
              responses: { 200: response({ n: 'not an integer' }, i < 2 ? schema : plain) }
            }
          }
        ])
      )
    };
    const file = join(dir, 'ids.json');
    const text = JSON.stringify(doc, null, 2);
    writeFileSync(file, text);
    compileCacheCounters(true);
    const findings = await lintSpec({ text, file: 'ids.json', root: dir });
    const counters = compileCacheCounters(true);
    expect(ours(findings)).toEqual(await spectralLint(dir, file));
    expect(findings.filter((f) => f.code === 'oas3-valid-media-example')).toHaveLength(5);
    expect(findings.filter((f) => f.message.includes('already exists'))).toHaveLength(1);
    // /c, /d and /e share their schema's content: after the first (whose compile makes ajv note its first
    // schema without an id), the others are served from the cache.
    expect(counters.reused).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
