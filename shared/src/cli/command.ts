/**
 * The CLI half of the action family: a command declares its flags as data (so `--help` lists exactly what it
 * takes), parses them strictly, and prints its ActionReport in the format asked for with the exit status that
 * `--fail-on` gives, the same way in every command.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError } from '../lib/errors.js';
import {
  defaultText,
  FAIL_ON_VALUES,
  failsStep,
  parseFailOn,
  reportEnvelope,
  type ActionReport,
  type FailOn
} from '../lib/report.js';
import { renderReportMarkdown } from '../lib/report-markdown.js';
import { closestName } from '../lib/suggest.js';

/** Where a command writes; injected so tests can capture output without spawning a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** The environment the command may read (tokens, URLs); engines never read it themselves. */
  env?: NodeJS.ProcessEnv;
}

export interface FlagSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Placeholder in the help: `<file>`, `<error|warning|never>`. */
  value?: string;
  multiple?: boolean;
  default?: string;
}
export type FlagSpecs = Record<string, FlagSpec>;

export interface CliUsage {
  name: string;
  summary: string;
  /** Synopsis lines after `ubos-actions `. */
  usage: string[];
  flags: FlagSpecs;
}

/** One `ubos-actions <name> ...` subcommand: each action's cli.ts exports one as `command`. */
export interface CliCommand extends CliUsage {
  /** Commands with their own verbs (`contract-test lint|diff|...`): `<name> <verb> --help` shows one. */
  subcommands?: CliUsage[];
  /** Resolves to the process exit code: 0 ok, 1 findings or failed checks, 2 bad usage. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A subcommand the CLI registry loads only when it is run (or listed), so one action never pays for another. */
export interface LazyCliCommand {
  name: string;
  load(): Promise<CliCommand>;
}

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function formatFlag(allowed: readonly OutputFormat[]): FlagSpec {
  return { type: 'string', value: `<${allowed.join('|')}>`, description: 'Output format', default: allowed[0] };
}

export const FAIL_ON_FLAG: FlagSpec = {
  type: 'string',
  value: `<${FAIL_ON_VALUES.join('|')}>`,
  description: 'Exit 1 on errors (error), also on warnings (warning), or never',
  default: 'error'
};

function helpBlock(usage: CliUsage): string[] {
  const flags = Object.entries(usage.flags).map(([name, spec]) => {
    const left = `--${name}${spec.value ? ` ${spec.value}` : ''}`;
    const right = `${spec.description}${spec.multiple ? ' (repeatable)' : ''}${spec.default !== undefined ? ` (default: ${spec.default})` : ''}`;
    return [left, right] as const;
  });
  flags.push(['-h, --help', 'Show this help']);
  const width = Math.min(44, Math.max(...flags.map(([left]) => left.length)));
  return [
    `Usage: ${usage.usage.map((line, i) => (i === 0 ? `ubos-actions ${line}` : `       ubos-actions ${line}`)).join('\n')}`,
    '',
    'Options:',
    ...flags.map(([left, right]) =>
      left.length > width ? `  ${left}\n  ${' '.repeat(width)}  ${right}` : `  ${left.padEnd(width)}  ${right}`
    )
  ];
}

/** `ubos-actions <command> [<verb>] --help`: the summary, synopsis and every flag of that command (or verb). */
export function commandHelp(command: CliCommand, verb?: string): string {
  const sub = command.subcommands?.find((s) => s.name === verb);
  if (sub) return [`ubos-actions ${command.name} ${sub.name}: ${sub.summary}`, '', ...helpBlock(sub), ''].join('\n');
  if (command.subcommands) {
    const blocks = command.subcommands.flatMap((s) => ['', `${s.name}: ${s.summary}`, ...helpBlock(s)]);
    return [`ubos-actions ${command.name}: ${command.summary}`, ...blocks, ''].join('\n');
  }
  return [`ubos-actions ${command.name}: ${command.summary}`, '', ...helpBlock(command), ''].join('\n');
}

/** util.parseArgs over declared flags, with unknown flags (and their likely spelling) reported as a user mistake. */
export function parseFlags<T extends FlagSpecs>(argv: string[], flags: T, allowPositionals = true) {
  const options: CliOptions = {};
  for (const [name, spec] of Object.entries(flags))
    options[name] = spec.multiple ? { type: spec.type, multiple: true } : { type: spec.type };
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals, strict: true });
    return parsed as {
      values: {
        [K in keyof T]?: T[K]['multiple'] extends true ? string[] : T[K]['type'] extends 'boolean' ? boolean : string;
      };
      positionals: string[];
    };
  } catch (error) {
    // Only parseArgs's own complaints are the user's; anything else is a bug and keeps its stack.
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '--([^']+)'/.exec(message)?.[1];
    const guess = unknown ? closestName(unknown, Object.keys(flags)) : undefined;
    throw new ConfigurationError(`${message.split('\n')[0]}${guess ? ` (did you mean --${guess}?)` : ''}`);
  }
}

/** Validates a --format value against what the command supports. */
export function parseFormat(value: string | undefined, allowed: readonly OutputFormat[], fallback: OutputFormat) {
  const format = (value ?? fallback) as OutputFormat;
  if (!allowed.includes(format)) {
    throw new ConfigurationError(`--format must be one of ${allowed.join(', ')}; got "${value}"`);
  }
  return format;
}

export function parseFailOnFlag(value: string | undefined): FailOn {
  return parseFailOn(value ?? 'error', '--fail-on');
}

/** The flags every report command takes: --format (the formats it offers, the first the default) and --fail-on. */
export function reportFlags<const F extends readonly OutputFormat[]>(formats: F) {
  return { format: formatFlag(formats), 'fail-on': FAIL_ON_FLAG } satisfies FlagSpecs;
}

/** parseFlags, then --format and --fail-on checked: what every report command starts with. */
export function parseReportArgs<T extends FlagSpecs>(
  argv: string[],
  flags: T,
  formats: readonly OutputFormat[],
  allowPositionals = true
) {
  const parsed = parseFlags(argv, flags, allowPositionals);
  const values = parsed.values as Record<string, unknown>;
  return {
    ...parsed,
    format: parseFormat(values.format as string | undefined, formats, formats[0]),
    failOn: parseFailOnFlag(values['fail-on'] as string | undefined)
  };
}

/** Prints the report in the chosen format and returns the exit status --fail-on gives it. */
export function printReport(report: ActionReport, format: OutputFormat, failOn: FailOn, io: CliIo): number {
  // A history's JSON runs to megabytes: written in pieces it is never one string (and one buffer) in memory.
  if (format === 'json') writeJson(reportEnvelope(report), (text) => io.stdout(text));
  else io.stdout(renderFormat(report, format));
  return failsStep(report.verdict, failOn) ? 1 : 0;
}

export function renderFormat(report: ActionReport, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(reportEnvelope(report), null, 2) + '\n';
    case 'markdown':
      return renderReportMarkdown(report);
    case 'sarif':
      if (!report.sarif) throw new ConfigurationError('--format sarif is not available for this command');
      return report.sarif();
    case 'junit':
      if (!report.junit) throw new ConfigurationError('--format junit is not available for this command');
      return report.junit();
    case 'text':
      return report.text ? report.text() : defaultText(report);
  }
}

/** Pieces of about this many characters are handed to the writer. */
const JSON_PIECE = 64 * 1024;

/**
 * Writes exactly `JSON.stringify(value, null, 2) + '\n'`, in pieces: the top-level object and its arrays are
 * laid out here, each of their elements by JSON.stringify (its lines indented to where it sits).
 */
export function writeJson(value: unknown, write: (text: string) => void): void {
  let pending: string[] = [];
  let size = 0;
  const out = (text: string) => {
    pending.push(text);
    size += text.length;
    if (size >= JSON_PIECE) {
      write(pending.join(''));
      pending = [];
      size = 0;
    }
  };
  layOut(value, '', 2, out);
  out('\n');
  if (pending.length > 0) write(pending.join(''));
}

/** JSON.stringify's form of `value` at `indent`, with `levels` levels of objects and arrays laid out here. */
function layOut(value: unknown, indent: string, levels: number, out: (text: string) => void): void {
  if (levels === 0 || value === null || typeof value !== 'object' || 'toJSON' in value) {
    const text = JSON.stringify(value, null, 2);
    // Inside a JSON text a newline is only ever layout (strings escape theirs).
    out(text === undefined ? 'null' : indent === '' ? text : text.replaceAll('\n', `\n${indent}`));
    return;
  }
  const inner = `${indent}  `;
  // What JSON.stringify leaves out of an object, or writes as null in an array.
  const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
  let first = true;
  const next = () => {
    out(first ? `\n${inner}` : `,\n${inner}`);
    first = false;
  };
  if (Array.isArray(value)) {
    out('[');
    for (const item of value as unknown[]) {
      next();
      if (skipped(item)) out('null');
      else layOut(item, inner, levels - 1, out);
    }
    out(first ? ']' : `\n${indent}]`);
    return;
  }
  out('{');
  for (const [key, item] of Object.entries(value)) {
    if (skipped(item)) continue;
    next();
    out(`${JSON.stringify(key)}: `);
    layOut(item, inner, levels - 1, out);
  }
  out(first ? '}' : `\n${indent}}`);
}

/** util.parseArgs with raw options, for commands not yet declared as FlagSpecs. */
export function parseCliArgs<T extends CliOptions>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new ConfigurationError(error instanceof Error ? error.message : String(error));
  }
}
