/**
 * Annotations, the pure half: a formatter/parser pair for the `::error file=...::message` workflow commands,
 * used by the CLI and by the runner emulator in the tests. The adapter is shared/src/actions/annotate.ts.
 */
import * as path from 'node:path';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** Where an annotation points, as GitHub takes it (the shape of @actions/core's AnnotationProperties). */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/**
 * GitHub ignores columns on an annotation that spans several lines, and columns without a line mean nothing;
 * dropping them here keeps what we print equal to what GitHub shows.
 */
export function effectiveLocation(a: Annotation): AnnotationProperties {
  const spansLines = a.endLine !== undefined && a.startLine !== undefined && a.endLine !== a.startLine;
  const keepColumns = a.startLine !== undefined && !spansLines;
  return {
    title: a.title,
    file: a.file,
    startLine: a.startLine,
    endLine: a.endLine,
    startColumn: keepColumns ? a.startColumn : undefined,
    endColumn: keepColumns ? a.endColumn : undefined
  };
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// One pass, so "%253A" decodes to "%3A" and not to ":".
function unescape(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/gi, (_match, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/** The workflow command line for an annotation, e.g. `::warning file=a.sql,line=3,col=5::message`. */
export function formatAnnotationCommand(a: Annotation): string {
  const location = effectiveLocation(a);
  const properties: [string, string | number | undefined][] = [
    ['file', location.file],
    ['line', location.startLine],
    ['endLine', location.endLine],
    ['col', location.startColumn],
    ['endColumn', location.endColumn],
    ['title', location.title]
  ];
  const rendered = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${a.level}${rendered ? ` ${rendered}` : ''}::${escapeData(a.message)}`;
}

const COMMAND_LINE = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/;

type NumericKey = 'startLine' | 'endLine' | 'startColumn' | 'endColumn';

// A Map, not an object literal: a property named "constructor" must not find Object.prototype.
const NUMERIC_KEYS = new Map<string, NumericKey>([
  ['line', 'startLine'],
  ['endLine', 'endLine'],
  ['col', 'startColumn'],
  ['endColumn', 'endColumn']
]);

/** Reads the error/warning/notice commands out of an action's stdout (the inverse of formatAnnotationCommand). */
export function parseAnnotationCommands(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const rawLine of stdout.split('\n')) {
    const match = COMMAND_LINE.exec(rawLine.replace(/\r$/, '').trimStart());
    if (!match) continue;
    const [, level, propertyText, message] = match as unknown as [string, AnnotationLevel, string | undefined, string];
    const annotation: Annotation = { level, message: unescape(message) };
    for (const pair of (propertyText ?? '').split(',')) {
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const key = pair.slice(0, equals).trim();
      const value = unescape(pair.slice(equals + 1));
      if (key === 'file') annotation.file = value;
      else if (key === 'title') annotation.title = value;
      else {
        const numericKey = NUMERIC_KEYS.get(key);
        const number = Number(value);
        if (numericKey && value !== '' && Number.isInteger(number)) annotation[numericKey] = number;
      }
    }
    annotations.push(annotation);
  }
  return annotations;
}

/**
 * A path for an annotation or report: relative to the workspace with forward slashes, because GitHub only
 * links annotations to files given relative to the repository root. Paths outside the workspace are kept.
 */
export function relativeToWorkspace(file: string, workspace: string): string {
  const normalized = file.replace(/\\/g, '/');
  if (!path.posix.isAbsolute(normalized)) {
    return path.posix.normalize(normalized).replace(/^\.\//, '');
  }
  const root = workspace.replace(/\\/g, '/');
  const relative = path.posix.relative(root, normalized);
  if (relative === '' || relative.startsWith('../') || relative === '..' || path.posix.isAbsolute(relative)) {
    return normalized;
  }
  return relative;
}
