import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkActionMetadata, listImplementations, listPublicActions } from './harness/metadata.js';
import { repoRoot } from './harness/runner.js';

describe('action metadata contract', () => {
  it('publishes every implementation at the root and implements every published action', () => {
    expect(listPublicActions(repoRoot)).toEqual(listImplementations(repoRoot));
  });

  for (const action of listPublicActions(repoRoot)) {
    it(`${action}/action.yml matches actions/${action}/src/main.ts`, () => {
      expect(checkActionMetadata(repoRoot, action)).toEqual([]);
    });
  }
});

// The checker itself, on an action that breaks each rule once.
describe('the metadata checker', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ubos-metadata-'));
    mkdirSync(join(root, 'broken'));
    mkdirSync(join(root, 'actions', 'broken', 'src'), { recursive: true });
    writeFileSync(
      join(root, 'broken', 'action.yml'),
      [
        'name: broken',
        'description: breaks every rule',
        'inputs:',
        '  dry-run:',
        '    description: a boolean without a default',
        '  unused:',
        '    description: never read',
        'outputs:',
        '  verdict:',
        '    description: never set',
        'runs:',
        '  using: node20',
        '  main: ../dist/broken/index.js',
        ''
      ].join('\n')
    );
    writeFileSync(
      join(root, 'actions', 'broken', 'src', 'main.ts'),
      "getBooleanInput('dry-run', false); getRequiredInput('undeclared'); core.setOutput('secret-output', 'x');\n"
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports each breach', () => {
    const problems = checkActionMetadata(root, 'broken');
    expect(problems).toEqual(
      expect.arrayContaining([
        'runs.using is node20, expected node24',
        'branding.icon and branding.color are required',
        'input "undeclared" is read in main.ts but not declared',
        'input "unused" is declared but main.ts never reads it',
        'boolean input "dry-run" has no default',
        'output "secret-output" is set in main.ts but not declared',
        'output "verdict" is declared but main.ts never sets it'
      ])
    );
  });

  it('reports a schema error from GitHub’s action parser', () => {
    writeFileSync(
      join(root, 'broken', 'action.yml'),
      'name: broken\ndescription: x\nruns:\n  using: node24\n  mian: typo.js\n'
    );
    expect(checkActionMetadata(root, 'broken').join('\n')).toMatch(/broken\/action\.yml:\d+:\d+: .*mian/);
  });
});
