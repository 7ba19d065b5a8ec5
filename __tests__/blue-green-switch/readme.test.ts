import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadGateConfig } from '../../actions/health-gate/src/engine/index.js';
import { parseRouterConfig } from '../../actions/blue-green-switch/src/engine/config.js';
import { INPUTS, OUTPUTS } from '../../actions/blue-green-switch/src/inputs.js';
import { validateWorkflow } from '../../shared/src/lib/workflow-validate.js';
import { repoRoot } from '../harness/runner.js';

// Every ```yaml block of blue-green-switch/README.md is a complete workflow, a jobs: or steps: excerpt, or a
// config named by its first-line comment; each is checked by what reads it.
const README = fs.readFileSync(path.join(repoRoot, 'blue-green-switch', 'README.md'), 'utf8');
const blocks = [...README.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

function asWorkflow(block: string): string {
  if (/^# \.github\/workflows\//.test(block)) return block;
  const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);
  if (block.startsWith('jobs:')) return `name: excerpt\non: workflow_dispatch\n${block}`;
  const steps = block.startsWith('steps:') ? block : `steps:\n${indent(block, '  ')}`;
  return `name: excerpt\non: workflow_dispatch\njobs:\n  job:\n    runs-on: ubuntu-latest\n${indent(steps, '    ')}`;
}

function inlineRouters(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { router?: unknown }).router;
  const found = typeof own === 'string' && own.includes('\n') ? [own] : [];
  return [...found, ...Object.values(node).flatMap(inlineRouters)];
}

describe('blue-green-switch README', () => {
  it('lists every input with its default, and every output', () => {
    for (const [name, spec] of Object.entries(INPUTS)) {
      const shown =
        'required' in spec && spec.required ? 'required' : 'default' in spec ? `\`${String(spec.default)}\`` : '';
      expect(README).toMatch(
        new RegExp(`^\\| \`${name}\` +\\| ${shown.replace(/[$.*+?^{}()|[\]\\]/g, '\\$&')} +\\| `, 'm')
      );
    }
    for (const name of Object.keys(OUTPUTS)) expect(README).toMatch(new RegExp(`^\\| \`${name}\` +\\| `, 'm'));
  });

  it('has yaml blocks, one with a router config written inline', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    expect(blocks.flatMap((b) => inlineRouters(parse(b)))).toHaveLength(1);
  });

  it.each(blocks.map((b, i) => [i + 1, b.split('\n')[0], b] as const))(
    'block %i (%s) is valid',
    async (_n, first, block) => {
      const named = /^# (\S+)/.exec(first)?.[1];
      if (named && /router\.yml$/.test(named)) {
        expect(() => parseRouterConfig({ text: block, path: `/repo/${named}`, cwd: '/repo', env: {} })).not.toThrow();
      } else if (named && /gate\.yml$/.test(named)) {
        const config = loadGateConfig({
          configFile: { path: named, text: block },
          timing: {},
          env: { BGS_TARGET_URL: 'http://127.0.0.1:8080', BGS_TARGET_COLOR: 'green', BGS_PHASE: 'direct' },
          cwd: '/repo',
          readFile: () => ''
        });
        expect(config.checks.length).toBeGreaterThan(0);
      } else {
        const findings = await validateWorkflow({ path: '.github/workflows/readme.yml', content: asWorkflow(block) });
        expect(findings).toEqual([]);
        // Inline router configs in the examples parse too.
        for (const text of inlineRouters(parse(block))) {
          expect(() =>
            parseRouterConfig({ text, name: 'input "router"', cwd: '/repo', env: { LB_TOKEN: 't' } })
          ).not.toThrow();
        }
      }
    }
  );
});
