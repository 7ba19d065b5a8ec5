// Wiring of our workflows: what one file passes or reads must be what the other side declares. GitHub finds most
// of these only when the run reaches them (an undeclared `with:` key of a reusable workflow fails the whole run
// at start; an output nobody produces is an empty string, silently), actionlint only inside one file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  callInterface,
  calledWorkflow,
  jobsOf,
  lineOf,
  needsOf,
  ourAction,
  parseWorkflow,
  strings,
  type Job,
  type Mapping,
  type Step,
  type Workflow
} from './workflow-model.js';
import { repoRoot } from '../harness/runner.js';

export interface WiringFinding {
  file: string;
  line: number;
  message: string;
}

/** What a job produces for `needs.<job>.outputs` and `jobs.<job>.outputs`. */
type Outputs = Set<string>;

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

/** The expression text of a value: inside `${{ }}`, or all of it for `if:` (which may omit the braces). */
function expressions(key: string, value: string): string[] {
  if (key === 'if') return [value];
  return [...value.matchAll(EXPRESSION)].map((m) => m[1]!);
}

function references(text: string, kind: 'steps' | 'needs' | 'jobs'): { name: string; output?: string }[] {
  const pattern = new RegExp(`\\b${kind}\\.([\\w-]+)(?:\\.outputs\\.([\\w-]+))?`, 'g');
  return [...text.matchAll(pattern)].map((m) => ({ name: m[1]!, output: m[2] }));
}

function contextNames(text: string, context: 'inputs' | 'secrets'): string[] {
  // `github.event.inputs.x` and `vars.inputs` are other contexts.
  return [...text.matchAll(new RegExp(`(?<![\\w.-])${context}\\.([\\w-]+)`, 'g'))].map((m) => m[1]!);
}

function load(file: string, root: string): Workflow | undefined {
  const full = join(root, file);
  return existsSync(full) ? parseWorkflow(file, readFileSync(full, 'utf8')) : undefined;
}

/** What a step writes to GITHUB_OUTPUT, or what its action declares; undefined when we cannot know. */
function stepOutputs(step: Step, root: string): Outputs | undefined {
  const action = ourAction(step.uses, root);
  if (action) return new Set(Object.keys(action.outputs));
  if (typeof step.run === 'string') {
    if (!/GITHUB_OUTPUT/.test(step.run)) return new Set();
    return new Set([...step.run.matchAll(/(?:^|[\s"'`;]|\\n)([A-Za-z][\w-]*)=/g)].map((m) => m[1]!));
  }
  return undefined;
}

function jobOutputs(job: Job, root: string): Outputs {
  const called = calledWorkflow(job.uses);
  if (called) {
    const workflow = load(called, root);
    return new Set(workflow ? Object.keys(callInterface(workflow).outputs) : []);
  }
  return new Set(Object.keys(job.outputs ?? {}));
}

function typeOf(value: unknown): string {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
}

export function checkWiring(workflow: Workflow, root = repoRoot): WiringFinding[] {
  const found: WiringFinding[] = [];
  const report = (needle: string, message: string) =>
    found.push({ file: workflow.file, line: lineOf(workflow, needle), message });
  const own = callInterface(workflow);
  const on = workflow.doc.on as Mapping | undefined;
  const dispatch = (on && typeof on === 'object' && !Array.isArray(on) ? on.workflow_dispatch : undefined) as
    Mapping | undefined;
  const declaredInputs = new Set([...Object.keys(own.inputs), ...Object.keys((dispatch?.inputs ?? {}) as Mapping)]);
  const reusable = on !== undefined && typeof on === 'object' && !Array.isArray(on) && 'workflow_call' in on;
  const jobs = new Map(jobsOf(workflow));

  // Contexts every expression of the file may use.
  const checkContexts = (where: string, key: string, value: string) => {
    for (const text of expressions(key, value)) {
      for (const name of contextNames(text, 'inputs'))
        if (!declaredInputs.has(name)) report(`inputs.${name}`, `${where}: inputs.${name} is not a declared input`);
      if (reusable)
        for (const name of contextNames(text, 'secrets'))
          if (name !== 'GITHUB_TOKEN' && !(name in own.secrets))
            report(`secrets.${name}`, `${where}: secrets.${name} is not a declared secret of workflow_call`);
    }
  };
  for (const [key, value] of strings(workflow.doc.on ?? {})) checkContexts('on', key, value);

  for (const [output, { value }] of Object.entries(own.outputs))
    for (const text of expressions('value', String(value ?? '')))
      for (const ref of references(text, 'jobs')) {
        const job = jobs.get(ref.name);
        if (!job) report(`jobs.${ref.name}`, `output "${output}" reads job "${ref.name}", which does not exist`);
        else if (ref.output && !jobOutputs(job, root).has(ref.output))
          report(
            `jobs.${ref.name}.outputs.${ref.output}`,
            `output "${output}" reads jobs.${ref.name}.outputs.${ref.output}, which job "${ref.name}" does not produce`
          );
      }

  for (const [name, job] of jobs) {
    const needs = needsOf(job);
    for (const need of needs)
      if (!jobs.has(need)) report(`${name}:`, `job "${name}" needs "${need}", which does not exist`);
    const steps = job.steps ?? [];
    const stepIds = steps.map((s) => s.id);

    const checkExpressions = (where: string, value: unknown, stepIndex: number) => {
      for (const [key, text] of strings(value, new Set(['run']))) {
        checkContexts(where, key, text);
        for (const expr of expressions(key, text)) {
          for (const ref of references(expr, 'needs')) {
            if (!needs.includes(ref.name))
              report(`needs.${ref.name}`, `${where}: needs.${ref.name} is not in the needs of job "${name}"`);
            else if (ref.output && !jobOutputs(jobs.get(ref.name) ?? {}, root).has(ref.output))
              report(
                `needs.${ref.name}.outputs.${ref.output}`,
                `${where}: needs.${ref.name}.outputs.${ref.output} is not an output of job "${ref.name}"`
              );
          }
          for (const ref of references(expr, 'steps')) {
            const index = stepIds.indexOf(ref.name);
            if (index < 0 || index >= stepIndex) {
              report(
                `steps.${ref.name}`,
                `${where}: steps.${ref.name} is not ${index < 0 ? 'a step id of' : 'an earlier step of'} job "${name}"`
              );
              continue;
            }
            const produced = ref.output ? stepOutputs(steps[index]!, root) : undefined;
            if (ref.output && produced && !produced.has(ref.output))
              report(
                `steps.${ref.name}.outputs.${ref.output}`,
                `${where}: step "${ref.name}" does not produce output "${ref.output}"`
              );
          }
        }
      }
    };

    const { steps: _steps, outputs, ...rest } = job;
    checkExpressions(`job "${name}"`, rest, 0);
    checkExpressions(`job "${name}" outputs`, outputs ?? {}, steps.length);
    steps.forEach((step, i) => {
      const where = `job "${name}" step "${step.name ?? step.id ?? step.uses ?? i + 1}"`;
      checkExpressions(where, step, i);
      const action = ourAction(step.uses, root);
      if (!action) return;
      if (Object.keys(action.inputs).length === 0 && !existsSync(join(root, action.name, 'action.yml')))
        report(step.uses!, `${where}: ${step.uses} is not an action of this repository (no ${action.name}/action.yml)`);
      const passed = step.with ?? {};
      for (const key of Object.keys(passed))
        if (!(key in action.inputs))
          report(`${key}:`, `${where}: "${key}" is not an input of ${action.name} (its action.yml)`);
      for (const [input, spec] of Object.entries(action.inputs))
        if (spec.required && spec.default === undefined && !(input in passed))
          report(step.uses!, `${where}: ${action.name} requires input "${input}"`);
    });

    // A call of one of our reusable workflows: what is passed must be what it declares.
    const called = calledWorkflow(job.uses);
    if (!called) continue;
    const target = load(called, root);
    if (!target) {
      report(job.uses!, `job "${name}" calls ${called}, which is not in this repository`);
      continue;
    }
    const callee = callInterface(target);
    const passed = job.with ?? {};
    for (const [key, value] of Object.entries(passed)) {
      const declared = callee.inputs[key];
      if (!declared) report(`${key}:`, `job "${name}": "${key}" is not an input of ${called}`);
      else if (!(typeof value === 'string' && value.includes('${{')) && typeOf(value) !== (declared.type ?? 'string'))
        report(
          `${key}:`,
          `job "${name}": input "${key}" of ${called} is a ${declared.type}; ${JSON.stringify(value)} is a ${typeOf(value)}`
        );
    }
    for (const [input, spec] of Object.entries(callee.inputs))
      if (spec.required && !(input in passed)) report(job.uses!, `job "${name}": ${called} requires input "${input}"`);
    if (job.secrets !== 'inherit') {
      const secrets = (job.secrets ?? {}) as Mapping;
      for (const key of Object.keys(secrets))
        if (!(key in callee.secrets)) report(`${key}:`, `job "${name}": secret "${key}" is not declared by ${called}`);
      for (const [secret, spec] of Object.entries(callee.secrets))
        if (spec?.required && !(secret in secrets))
          report(job.uses!, `job "${name}": ${called} requires secret "${secret}"`);
    }
  }
  return found;
}
