// jest project: integration (lints and diffs the GitHub REST description)
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { diffSpecs, summarizeChanges } from '../../actions/contract-test/src/diff/index.js';
import { loadSpec } from '../../actions/contract-test/src/spec/load.js';
import { repoRoot } from '../harness/runner.js';

// A large real spec: the GitHub REST API description as published in two versions of @octokit/openapi
// (devDependencies octokit-openapi-22 and octokit-openapi-23, ~13 MB of JSON each).
describe('the GitHub REST API description, v22 -> v23', () => {
  it('loads and diffs without error, with every change located in one of the two files', () => {
    const root = join(repoRoot, 'node_modules');
    const started = performance.now();
    const base = loadSpec(join(root, 'octokit-openapi-22/generated/api.github.com.json'), { root });
    const head = loadSpec(join(root, 'octokit-openapi-23/generated/api.github.com.json'), { root });
    const loaded = performance.now();
    const changes = diffSpecs(base, head);
    const diffed = performance.now();
    const counts = summarizeChanges(changes);
    console.log(
      `GitHub REST API v22 -> v23: load ${Math.round(loaded - started)} ms, diff ${Math.round(diffed - loaded)} ms, ` +
        `${changes.length} changes (${counts.errors} error, ${counts.warnings} warning, ${counts.infos} info)`
    );
    expect(base.version).toBe('3.0');
    expect(head.version).toBe('3.0');
    expect(changes.length).toBeGreaterThan(0);
    expect(counts.errors + counts.warnings + counts.infos).toBe(changes.length);
    for (const change of changes) {
      expect(change.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(change.message).not.toBe('');
      if (change.location)
        expect(change.location.file).toMatch(/octokit-openapi-2[23]\/generated\/api\.github\.com\.json$/);
    }
  }, 300_000);
});
