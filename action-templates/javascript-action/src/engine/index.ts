// The engine is pure: no @actions/*, no environment, no I/O of its own, so main.ts, cli.ts, another action
// (through this file only) and tests all share it. Replace the example with the action's domain code.
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';

export interface __PASCAL__Options {
  who: string;
  shout: boolean;
}

export interface __PASCAL__Result {
  greeting: string;
  /** Something worth a warning, to show how findings flow into annotations and the summary. */
  warnings: string[];
}

export function run__PASCAL__(options: __PASCAL__Options): __PASCAL__Result {
  const who = options.who.trim();
  if (who === '') throw new ConfigurationError('who must not be empty');
  const greeting = `Hello, ${who}!`;
  return {
    greeting: options.shout ? greeting.toUpperCase() : greeting,
    warnings: who.length > 40 ? [`the name is ${who.length} characters long; greetings read best under 40`] : []
  };
}
