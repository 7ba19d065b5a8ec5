// Loading a spec for live testing: the shared loader (part 1) as it is, with the root rule the CLI and the action
// both follow (a spec named by the user is read wherever it is; what it references stays inside its root).
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { loadSpecAsync } from '../spec/load.js';
import type { LoadedSpec } from '../spec/types.js';

export interface LiveSpecOptions {
  /** The workspace; the spec's $refs must stay inside it (or inside the spec's folder when the spec is outside). */
  workspace: string;
  allowExternalFiles?: boolean;
  allowRemoteRefs?: boolean;
  remoteTimeoutMs?: number;
}

export async function loadLiveSpec(specPath: string, options: LiveSpecOptions): Promise<LoadedSpec> {
  const absolute = isAbsolute(specPath) ? specPath : resolve(options.workspace, specPath);
  if (!existsSync(absolute)) throw new ConfigurationError(`spec ${specPath} does not exist`);
  const inside =
    !relative(options.workspace, absolute).startsWith('..') && !isAbsolute(relative(options.workspace, absolute));
  const root = inside ? options.workspace : dirname(absolute);
  return loadSpecAsync(relative(root, absolute), {
    root,
    allowExternalFiles: options.allowExternalFiles,
    allowRemoteRefs: options.allowRemoteRefs,
    remoteTimeoutMs: options.remoteTimeoutMs
  });
}

/** "GET /items/{id}" entries (comma or newline separated) as operation references. */
export function parseOperationList(values: readonly string[], what: string): { method: string; path: string }[] {
  return values
    .flatMap((value) => value.split(/[\r\n,]/))
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const match = /^([A-Za-z]+)\s+(\/\S*)$/.exec(item);
      if (!match) throw new ConfigurationError(`${what}: "${item}" is not "METHOD /path"`);
      return { method: match[1].toLowerCase(), path: match[2] };
    });
}
