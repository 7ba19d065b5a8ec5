import { ConfigurationError } from '../../../shared/src/lib/errors.js';

// The engine is pure: no @actions/core and no environment, so main.ts, cli.ts and tests share it.

export interface __PASCAL__Options {
  who: string;
  shout: boolean;
}

export interface __PASCAL__Result {
  greeting: string;
}

export function run__PASCAL__(options: __PASCAL__Options): __PASCAL__Result {
  if (options.who.trim() === '') throw new ConfigurationError('who must not be empty');
  const greeting = `Hello, ${options.who.trim()}!`;
  return { greeting: options.shout ? greeting.toUpperCase() : greeting };
}
