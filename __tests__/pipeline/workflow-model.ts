// The repository's workflow files as data, for the security and wiring checks of __tests__/pipeline: every
// workflow we ship (reusable ones, the repository's own, the starters adopters copy, the sample service's).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../harness/runner.js';

export const WORKFLOW_DIRS = ['.github/workflows', 'workflows', 'examples/.github/workflows'];

export type Mapping = Record<string, unknown>;

export interface Step extends Mapping {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Mapping;
  env?: Mapping;
  if?: string;
}

export interface Job extends Mapping {
  uses?: string;
  with?: Mapping;
  secrets?: Mapping | string;
  needs?: string | string[];
  permissions?: Mapping | string;
  environment?: unknown;
  concurrency?: unknown;
  outputs?: Record<string, string>;
  steps?: Step[];
}

export interface Workflow {
  /** Repository-relative path. */
  file: string;
  text: string;
  doc: Mapping & { on?: unknown; permissions?: unknown; jobs?: Record<string, Job>; concurrency?: unknown };
}

export function parseWorkflow(file: string, text: string): Workflow {
  return { file, text, doc: (parseYaml(text) ?? {}) as Workflow['doc'] };
}

export function loadWorkflows(root = repoRoot): Workflow[] {
  return WORKFLOW_DIRS.filter((dir) => existsSync(join(root, dir))).flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => parseWorkflow(`${dir}/${name}`, readFileSync(join(root, dir, name), 'utf8')))
  );
}

/** The trigger names of `on:` (a string, a list or a mapping). */
export function triggers(workflow: Workflow): string[] {
  const on = workflow.doc.on;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return on && typeof on === 'object' ? Object.keys(on) : [];
}

export function callInterface(workflow: Workflow): {
  inputs: Record<string, { type?: string; required?: boolean; default?: unknown }>;
  secrets: Record<string, { required?: boolean }>;
  outputs: Record<string, { value?: string }>;
} {
  const on = workflow.doc.on as Mapping | undefined;
  const call = (on && typeof on === 'object' && !Array.isArray(on) ? on.workflow_call : undefined) as
    Mapping | undefined;
  return {
    inputs: (call?.inputs ?? {}) as never,
    secrets: (call?.secrets ?? {}) as never,
    outputs: (call?.outputs ?? {}) as never
  };
}

export function jobsOf(workflow: Workflow): [string, Job][] {
  return Object.entries(workflow.doc.jobs ?? {});
}

export function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** The line of the first occurrence of `needle` in the file (1-based), for messages. */
export function lineOf(workflow: Workflow, needle: string): number {
  const index = workflow.text.indexOf(needle);
  return index < 0 ? 1 : workflow.text.slice(0, index).split('\n').length;
}

/** Every string value under `value`, with the key it sits under; `skip` keys are not descended into. */
export function strings(value: unknown, skip: ReadonlySet<string> = new Set(), key = ''): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, skip, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (skip.has(k) ? [] : strings(v, skip, k)));
  return [];
}

/** The action.yml of one of our actions (`ubos/actions/<name>@ref`), or undefined for anything else. */
export function ourAction(
  uses: string | undefined,
  root = repoRoot
):
  | {
      name: string;
      inputs: Record<string, { required?: boolean; default?: unknown }>;
      outputs: Record<string, unknown>;
    }
  | undefined {
  const match = /^ubos\/actions\/([a-z0-9-]+)@/.exec(uses ?? '');
  if (!match || match[1] === '.github') return undefined;
  const file = join(root, match[1]!, 'action.yml');
  if (!existsSync(file)) return { name: match[1]!, inputs: {}, outputs: {} };
  const meta = parseYaml(readFileSync(file, 'utf8')) as { inputs?: Mapping; outputs?: Mapping };
  return { name: match[1]!, inputs: (meta.inputs ?? {}) as never, outputs: (meta.outputs ?? {}) as never };
}

/** The reusable workflow of this repository a job calls (`ubos/actions/.github/workflows/x.yml@ref` or `./...`). */
export function calledWorkflow(uses: string | undefined): string | undefined {
  const match = /^(?:ubos\/actions\/|\.\/)(\.github\/workflows\/[\w.-]+\.ya?ml)(?:@.+)?$/.exec(uses ?? '');
  return match?.[1];
}
