// Masking: registers values with the runner (core.setSecret) so it hides them wherever they are printed later,
// by anyone. The pure redaction helpers are in shared/src/lib/redact.ts.
import * as core from '@actions/core';
import { analyseConnectionString, analyseUrl } from '../lib/redact.js';

/** Registers a secret with the runner: the whole value and, for multi-line values, every line on its own. */
export function maskSecret(value: string | undefined | null): void {
  if (!value || value.trim() === '') return;
  core.setSecret(value);
  // The runner matches masks line by line, so a multi-line secret (a PEM key, a JSON credential) is only
  // hidden if each line is registered separately.
  if (/[\r\n]/.test(value)) {
    for (const line of value.split(/\r?\n|\r/)) {
      if (line.trim() !== '') core.setSecret(line);
    }
  }
}

/** Masks the credentials found in a URL and returns its redacted display form. */
export function maskUrlCredentials(url: string): string {
  const { redacted, secrets } = analyseUrl(url);
  for (const secret of secrets) maskSecret(secret);
  return redacted;
}
/** Masks the password in a connection string (either form) and returns the redacted display form. */
export function maskConnectionString(text: string): string {
  const { redacted, secrets } = analyseConnectionString(text);
  for (const secret of secrets) maskSecret(secret);
  return redacted;
}
