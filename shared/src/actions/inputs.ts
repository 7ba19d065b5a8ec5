/**
 * Typed readers for action inputs. Each reader takes the kebab-case input name as its first argument, written
 * as a string literal at the call site: a metadata test finds the inputs an action reads by grepping for these
 * calls and compares them with action.yml.
 *
 * Every failure is a ConfigurationError naming the input, so the user sees one line saying what to fix.
 */
import * as core from '@actions/core';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigurationError, isConfigurationError } from '../lib/errors.js';
import { parseDuration } from '../lib/duration.js';

/** The trimmed value; an empty or missing input is a user mistake. */
export function getRequiredInput(name: string): string {
  const value = core.getInput(name);
  if (value === '') {
    throw new ConfigurationError(`Input "${name}" is required`);
  }
  return value;
}

/** The trimmed value, or undefined when the input is empty or missing. */
export function getOptionalInput(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

// The YAML 1.2 core-schema spellings, the same set core.getBooleanInput accepts; "yes"/"on" are refused
// because YAML 1.2 no longer treats them as booleans and users would be surprised either way.
const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);

/** A boolean input; empty means the default (core.getBooleanInput would throw instead). */
export function getBooleanInput(name: string, defaultValue: boolean): boolean {
  const value = core.getInput(name);
  if (value === '') return defaultValue;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  throw new ConfigurationError(`Input "${name}" must be true or false; got "${value}"`);
}

export interface IntegerInputOptions {
  default?: number;
  min?: number;
  max?: number;
}

/** A whole number within optional inclusive bounds; empty means the default, or an error without one. */
export function getIntegerInput(name: string, options: IntegerInputOptions = {}): number {
  const value = core.getInput(name);
  if (value === '') {
    if (options.default === undefined) {
      throw new ConfigurationError(`Input "${name}" is required`);
    }
    return options.default;
  }

  const expected = describeIntegerRange(options.min, options.max);
  // A strict pattern rather than Number(): Number('1e3'), Number('0x10') and Number(' ') all "succeed".
  if (!/^[+-]?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new ConfigurationError(`Input "${name}" must be ${expected}; got "${value}"`);
  }
  const parsed = Number(value);
  if ((options.min !== undefined && parsed < options.min) || (options.max !== undefined && parsed > options.max)) {
    throw new ConfigurationError(`Input "${name}" must be ${expected}; got ${parsed}`);
  }
  return parsed;
}

function describeIntegerRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `an integer between ${min} and ${max}`;
  if (min !== undefined) return `an integer of at least ${min}`;
  if (max !== undefined) return `an integer of at most ${max}`;
  return 'an integer';
}

/** A duration such as 30s, 5m or 1h, in milliseconds; empty means the default, or an error without one. */
export function getDurationInput(name: string, defaultValue?: string): number {
  const value = core.getInput(name);
  if (value === '') {
    if (defaultValue === undefined) {
      throw new ConfigurationError(`Input "${name}" is required`);
    }
    return parseDuration(defaultValue);
  }
  try {
    return parseDuration(value);
  } catch (error) {
    if (!isConfigurationError(error)) throw error;
    const hint = /^\d+(?:\.\d+)?$/.test(value) ? ` (a bare number is ambiguous; add a unit, e.g. ${value}s)` : '';
    throw new ConfigurationError(`Input "${name}" must be a duration like 30s, 5m or 1h; got "${value}"${hint}`);
  }
}

/** Like getDurationInput, but undefined when the input is empty (for settings that another source may give). */
export function getOptionalDurationInput(name: string): number | undefined {
  return core.getInput(name) === '' ? undefined : getDurationInput(name);
}

/** Values separated by newlines or commas, trimmed, with empty entries dropped. */
export function getListInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\r\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

// Far above what a hand-written config uses, far below what a "billion laughs" document needs.
const MAX_ALIAS_COUNT = 100;

/**
 * A YAML or JSON value (JSON is read as YAML 1.2, of which it is a subset); undefined when empty.
 * Duplicate keys are an error rather than "last one wins", since that is almost always a paste mistake.
 */
export function getStructuredInput(name: string): unknown {
  const value = core.getInput(name);
  if (value === '') return undefined;

  const lineCounter = new LineCounter();
  const document = parseDocument(value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [firstError] = document.errors;
  if (firstError) {
    const { line } = lineCounter.linePos(firstError.pos[0]);
    throw new ConfigurationError(
      `Input "${name}" is not valid YAML or JSON (line ${line}): ${firstError.message.split('\n')[0]}`
    );
  }
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(`Input "${name}" could not be read as YAML or JSON: ${reason}`);
  }
}
