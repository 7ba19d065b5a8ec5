// A settings file the step reads from the repository (the ignore file, the config file): repository content, so
// it is read as data only, from inside the workspace, and a default that is absent simply means no settings.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { isInside } from '../../../shared/src/lib/glob.js';

/** A hand-written file; far past this it is a generated file or a mistake. */
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

/**
 * The text of `named` (resolved against root), or undefined when it is the default and does not exist; `what`
 * names the file in every error ("ignore file", "config file").
 */
export function readSettingsFile(root: string, named: string, defaultName: string, what: string): string | undefined {
  const path = isAbsolute(named) ? named : resolve(root, named);
  if (!existsSync(path)) {
    if (named === defaultName) return undefined;
    throw new ConfigurationError(`${what} ${named} does not exist`);
  }
  // A file in the workspace is repository content: a symlink must not make it read (and quote) a file elsewhere.
  if (isInside(root, path) && !isInside(realpathSync(root), realpathSync(path)))
    throw new ConfigurationError(`${what} ${named} resolves (through a symlink) outside the workspace; refused`);
  const stats = statSync(path);
  if (!stats.isFile()) throw new ConfigurationError(`${what} ${named} is not a regular file`);
  if (stats.size > MAX_SETTINGS_FILE_BYTES)
    throw new ConfigurationError(`${what} ${named} is larger than ${MAX_SETTINGS_FILE_BYTES} bytes`);
  return readFileSync(path, 'utf8');
}
