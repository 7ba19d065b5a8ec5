import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError } from '../lib/errors.js';

/** Where a command writes; injected so tests can capture output without spawning a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** One `ubos-actions <name> ...` subcommand: each action's cli.ts exports one as `command`. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code: 0 ok, 1 findings or failed checks, 2 bad usage. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A subcommand the CLI registry loads only when it is run (or listed), so one action never pays for another. */
export interface LazyCliCommand {
  name: string;
  load(): Promise<CliCommand>;
}

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** util.parseArgs with unknown flags and bad values reported as a user mistake instead of a bug. */
export function parseCliArgs<T extends CliOptions>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new ConfigurationError(error instanceof Error ? error.message : String(error));
  }
}

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Validates a --format value against what the command supports. */
export function parseFormat(value: string | undefined, allowed: readonly OutputFormat[], fallback: OutputFormat) {
  const format = (value ?? fallback) as OutputFormat;
  if (!allowed.includes(format)) {
    throw new ConfigurationError(`--format must be one of ${allowed.join(', ')}; got "${value}"`);
  }
  return format;
}
