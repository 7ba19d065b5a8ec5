import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkActionMetadata, listImplementations, listPublicActions, type Declarations } from './harness/metadata.js';
import { repoRoot } from './harness/runner.js';

describe('action metadata contract', () => {
  it('publishes every implementation at the root and implements every published action', () => {
    expect(listPublicActions(repoRoot)).toEqual(listImplementations(repoRoot));
  });

  for (const action of listPublicActions(repoRoot)) {
    it(`${action}/action.yml matches actions/${action}/src/inputs.ts`, async () => {
      const declared = (await import(`../actions/${action}/src/inputs.js`)) as Declarations;
      expect(checkActionMetadata(repoRoot, action, declared)).toEqual([]);
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
        '    description: never declared',
        'outputs:',
        '  verdict:',
        '    description: worded differently',
        'runs:',
        '  using: node20',
        '  main: ../dist/broken/index.js',
        ''
      ].join('\n')
    );
    writeFileSync(join(root, 'actions', 'broken', 'src', 'post.ts'), '');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const declared: Declarations = {
    INPUTS: {
      'dry-run': { kind: 'boolean', default: false, description: 'a boolean without a default' },
      undeclared: { kind: 'string', description: 'in inputs.ts only' }
    },
    OUTPUTS: { verdict: 'pass, warn or fail', 'secret-output': 'in inputs.ts only' }
  };

  it('reports each breach', () => {
    const problems = checkActionMetadata(root, 'broken', declared);
    expect(problems).toEqual(
      expect.arrayContaining([
        'runs.using is node20, expected node24',
        'branding.icon and branding.color are required',
        'runs.post is undefined, expected ../dist/broken/post/index.js (actions/broken/src/post.ts exists)',
        'input "undeclared" is declared in inputs.ts but not in action.yml',
        'input "unused" is in action.yml but not declared in inputs.ts',
        'input "dry-run": default is unset in action.yml, false in inputs.ts',
        'output "secret-output" is declared in inputs.ts but not in action.yml',
        'output "verdict": description differs from inputs.ts'
      ])
    );
  });

  it('reports a schema error from GitHub’s action parser', () => {
    writeFileSync(
      join(root, 'broken', 'action.yml'),
      'name: broken\ndescription: x\nruns:\n  using: node24\n  mian: typo.js\n'
    );
    expect(checkActionMetadata(root, 'broken', declared).join('\n')).toMatch(/broken\/action\.yml:\d+:\d+: .*mian/);
  });
});
