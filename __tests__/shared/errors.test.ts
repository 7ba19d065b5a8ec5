import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, isConfigurationError } from '../../shared/src/lib/errors.js';

describe('ConfigurationError', () => {
  it('is recognised as a user mistake and keeps its message', () => {
    const error = new ConfigurationError('input "url" is required');
    expect(isConfigurationError(error)).toBe(true);
    expect(error.message).toBe('input "url" is required');
    expect(error.name).toBe('ConfigurationError');
  });

  it('does not classify other errors as user mistakes', () => {
    expect(isConfigurationError(new TypeError('x'))).toBe(false);
    expect(isConfigurationError('a string')).toBe(false);
  });
});
