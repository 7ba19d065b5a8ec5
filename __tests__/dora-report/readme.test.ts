// Every YAML snippet of dora-report/README.md is a workflow GitHub accepts (a complete workflow, or a steps list
// checked inside one), its inputs are the action's, and the README names every input and output.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUTS, OUTPUTS } from '../../actions/dora-report/src/inputs.js';
import { validateWorkflow } from '../../shared/src/lib/workflow-validate.js';
import { repoRoot } from '../harness/runner.js';

const readme = readFileSync(join(repoRoot, 'dora-report/README.md'), 'utf8');
const snippets = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

function asWorkflow(snippet: string): string {
  const value = parse(snippet) as unknown;
  if (Array.isArray(value)) {
    const steps = snippet.replace(/^/gm, '      ').trimEnd();
    return `on: push\njobs:\n  readme:\n    runs-on: ubuntu-latest\n    steps:\n${steps}\n`;
  }
  return snippet;
}

describe('dora-report README', () => {
  it('has a scheduled workflow among its snippets, and the validator catches a broken one', async () => {
    const broken = asWorkflow('- uses: ubos/actions/dora-report@v1\n  wiht:\n    period: 30d\n');
    expect(await validateWorkflow({ path: '.github/workflows/readme.yml', content: broken })).not.toEqual([]);
    expect(snippets.length).toBeGreaterThanOrEqual(3);
    expect(snippets.some((s) => (parse(s) as { on?: { schedule?: unknown } }).on?.schedule)).toBe(true);
  });

  it.each(snippets.map((s, i) => [i + 1, s] as const))('snippet %i validates', async (_n, snippet) => {
    const findings = await validateWorkflow({ path: '.github/workflows/readme.yml', content: asWorkflow(snippet) });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
    const steps = (
      parse(asWorkflow(snippet)) as { jobs: Record<string, { steps: { uses?: string; with?: object }[] }> }
    ).jobs;
    for (const job of Object.values(steps))
      for (const step of job.steps.filter((s) => s.uses?.startsWith('ubos/actions/dora-report@')))
        for (const name of Object.keys(step.with ?? {})) expect(Object.keys(INPUTS)).toContain(name);
  });

  it('names every input and output', () => {
    for (const name of [...Object.keys(INPUTS), ...Object.keys(OUTPUTS)]) expect(readme).toContain(`\`${name}\``);
  });
});
