/**
 * Typed readers for action inputs. An action declares its inputs as data (shared/src/lib/action-inputs.ts) and
 * reads them all with readInputs; the single-input readers below are what it uses underneath.
 *
 * Every failure is a ConfigurationError naming the input, so the user sees one line saying what to fix.
 */
import * as core from '@actions/core';
import type { InputSpec, InputSpecs, InputValues } from '../lib/action-inputs.js';
import { closestName } from '../lib/suggest.js';
import { ConfigurationError, isConfigurationError } from '../lib/errors.js';
import { parseDuration } from '../lib/duration.js';
import { parseYamlDocument } from '../lib/yaml.js';
import { maskSecret } from './mask.js';

/**
 * Reads every declared input. An `INPUT_*` variable that matches no declaration is a misspelt input (the
 * runner passes every `with:` key): it is named with the closest declared one, so the typo is not silent.
 */
export function readInputs<T extends InputSpecs>(specs: T, env: NodeJS.ProcessEnv = process.env): InputValues<T> {
  const names = Object.keys(specs);
  const known = new Set(names.map((n) => `INPUT_${n.replace(/ /g, '_').toUpperCase()}`));
  for (const key of Object.keys(env)) {
    if (!key.startsWith('INPUT_') || known.has(key)) continue;
    const given = key.slice('INPUT_'.length).toLowerCase();
    const guess = closestName(given.replace(/_/g, '-'), names);
    core.warning(`Unexpected input "${given}"${guess ? `; did you mean "${guess}"?` : ''} It is ignored.`);
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) values[name] = readInput(name, spec);
  return values as InputValues<T>;
}

function readInput(name: string, spec: InputSpec): unknown {
  switch (spec.kind) {
    case 'string': {
      // The runner fills in action.yml's defaults; a default that is an expression means nothing elsewhere.
      const fallback = spec.default?.includes('${{') ? undefined : spec.default;
      const value = spec.required ? getRequiredInput(name) : (getOptionalInput(name) ?? fallback);
      if (spec.secret) maskSecret(value);
      return value;
    }
    case 'boolean':
      return getBooleanInput(name, spec.default);
    case 'integer':
      if (core.getInput(name) === '' && spec.default === undefined) return undefined;
      return getIntegerInput(name, { default: spec.default, min: spec.min, max: spec.max });
    case 'duration':
      return spec.default === undefined ? getOptionalDurationInput(name) : getDurationInput(name, spec.default);
    case 'list': {
      const list = getListInput(name);
      return list.length > 0 || spec.default === undefined ? list : splitList(spec.default);
    }
    case 'choice': {
      const value = getOptionalInput(name) ?? spec.default;
      if (value === undefined || spec.values.includes(value)) return value;
      const guess = closestName(value, spec.values);
      throw new ConfigurationError(
        `Input "${name}" must be one of ${spec.values.join(', ')}; got "${value}"${guess ? ` (did you mean "${guess}"?)` : ''}`
      );
    }
    case 'yaml':
      return getStructuredInput(name);
  }
}

function splitList(text: string): string[] {
  return text
    .split(/[\r\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

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
  return splitList(core.getInput(name));
}

/**
 * A YAML or JSON value (JSON is read as YAML 1.2, of which it is a subset); undefined when empty. Read with the
 * family's YAML settings (shared/src/lib/yaml.ts): duplicate keys are an error, aliases capped.
 */
export function getStructuredInput(name: string): unknown {
  const value = core.getInput(name);
  if (value === '') return undefined;
  return parseYamlDocument(value, `Input "${name}"`).value;
}
