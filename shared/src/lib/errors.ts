import { types } from 'node:util';

/**
 * A mistake the user can fix (bad input, unreadable config, unreachable host they named).
 * runAction() prints it as one line without a stack; any other error is treated as a bug.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/**
 * A thrown or rejected value as an Error: itself when it is one (from any realm: Node's own errors are not
 * `instanceof Error` inside a vm context), else an Error whose message is its text.
 */
export function asError(error: unknown): Error {
  return error instanceof Error || types.isNativeError(error) ? error : new Error(String(error));
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}
