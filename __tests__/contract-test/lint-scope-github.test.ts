// jest project: integration (lints the whole GitHub REST description once: about 30 s and 1.1 GB)
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSpecs } from '../../actions/contract-test/src/diff/index.js';
import { lintSpec, type LintFinding } from '../../actions/contract-test/src/lint/lint.js';
import { documentAsWritten, scopeDocument, type ScopedDocument } from '../../actions/contract-test/src/lint/scope.js';
import { runContractCheck } from '../../actions/contract-test/src/run-contract.js';
import { loadSpec } from '../../actions/contract-test/src/spec/load.js';
import type { JsonValue } from '../../actions/contract-test/src/spec/types.js';
import { repoRoot } from '../harness/runner.js';

const root = join(repoRoot, 'node_modules');
const BASE = 'octokit-openapi-22/generated/api.github.com.json';
const HEAD = 'octokit-openapi-23/generated/api.github.com.json';
// The whole description is past the lint's node cap at the default size; the comparison needs the full lint.
const maxSpecBytes = 100 * 1024 * 1024;

/** Whether a finding's path is in the cut: its operation, its component, or its document-level object. */
function inCut(cut: ScopedDocument, finding: LintFinding): boolean {
  const steps = finding.path.length === 0 ? [] : finding.path.split('.');
  const depth = steps[0] === 'paths' || steps[0] === 'components' ? 3 : Math.min(1, steps.length);
  let node: JsonValue | undefined = cut.document;
  for (const step of steps.slice(0, depth)) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, step)) return false;
    node = node[step];
  }
  return true;
}

const key = (f: LintFinding) =>
  `${f.location.file}:${f.location.line}:${f.location.column} ${f.code} ${f.path} ${f.message}`;

describe('lint-scope: changed on the GitHub REST description (v22 -> v23)', () => {
  it('finds for the operations it lints exactly what a full lint finds there, at the same positions', async () => {
    const text = readFileSync(join(root, HEAD), 'utf8');
    const full = await lintSpec({ text, file: HEAD, root, maxSpecBytes });
    const changes = diffSpecs(loadSpec(join(root, BASE), { root }), loadSpec(join(root, HEAD), { root }));
    const cut = scopeDocument(documentAsWritten(text)!, '3.0', changes) as ScopedDocument;

    const started = performance.now();
    const scoped = await runContractCheck({
      root,
      spec: HEAD,
      baseSpec: BASE,
      lint: true,
      lintScope: 'changed',
      maxSpecBytes
    });
    const seconds = (performance.now() - started) / 1000;
    expect(scoped.lintScope).toEqual({ operations: cut.operations.length, totalOperations: 1223 });
    // A year of changes: a third of the operations, so the comparison covers many rules and components.
    expect(cut.operations.length).toBeGreaterThan(400);
    const expected = full.filter((f) => inCut(cut, f)).map(key);
    const got = scoped.lint.map(key);
    expect(new Set(expected).size).toBeGreaterThan(100);
    expect(got.filter((k) => !expected.includes(k))).toEqual([]);
    expect(expected.filter((k) => !got.includes(k))).toEqual([]);
    console.log(
      `full lint: ${full.length} findings; changed scope: ${cut.operations.length} of 1223 operations, ${got.length} findings, ${seconds.toFixed(1)} s`
    );
  }, 600_000);
});
