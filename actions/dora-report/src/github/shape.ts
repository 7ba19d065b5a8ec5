// Reading GitHub's answers without trusting their shape: a wrong type is a clear one-line error, not a crash.
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';

export type Json = Record<string, unknown>;

function unexpected(what: string, expected: string): ConfigurationError {
  return new ConfigurationError(`GitHub answered ${what} with an unexpected shape (expected ${expected})`);
}

export function obj(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw unexpected(what, 'an object');
  return value as Json;
}

export function arr(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw unexpected(what, 'a list');
  return value;
}

export function str(value: unknown, what: string): string {
  if (typeof value !== 'string') throw unexpected(what, 'a string');
  return value;
}

export function strOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function num(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw unexpected(what, 'a number');
  return value;
}

export function bool(value: unknown): boolean {
  return value === true;
}
