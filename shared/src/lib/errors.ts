/**
 * A mistake the user can fix (bad input, unreadable config, unreachable host they named).
 * runAction() prints it as one line without a stack; any other error is treated as a bug.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}
