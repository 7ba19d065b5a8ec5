// Hooks in Dredd's vocabulary (beforeAll, beforeEach, before, after, afterEach, afterAll) from a JavaScript
// file. Loading one runs repository code, so the engine never looks for a hooks file: only a path the caller
// passes (the workflow's `hooks` input, the CLI's --hooks) is imported.
//
// The file is an ES module (or CommonJS) that either
//   - exports a function (default export or `register`) called with a hooks object:
//       export default (hooks) => { hooks.before('createItem', (tx) => { ... }); hooks.beforeAll(async () => {}) }
//   - or exports the hooks by name: beforeAll, beforeEach, afterEach, afterAll (functions) and before, after
//     (objects from a transaction name to a function).
// Transaction names are an operationId or "METHOD /path" (e.g. "GET /items/{id}"). A hook may be async, or take
// Dredd's (transaction, done) callback form.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { asError, ConfigurationError } from '../../../../shared/src/lib/errors.js';
import type { HookAllFunction, HookFunction, HookTransaction, LiveHooks } from './types.js';

export const DEFAULT_HOOK_TIMEOUT_MS = 30_000;

type AnyHook = (...args: unknown[]) => unknown;

function emptyHooks(file: string): LiveHooks {
  return { beforeAll: [], beforeEach: [], before: new Map(), after: new Map(), afterEach: [], afterAll: [], file };
}

/** The registration object a hooks module's function receives (Dredd's `hooks` API). */
export function hooksApi(hooks: LiveHooks) {
  const named = (map: Map<string, HookFunction[]>) => (name: string, fn: HookFunction) => {
    if (typeof name !== 'string' || typeof fn !== 'function')
      throw new ConfigurationError(`hooks ${hooks.file}: before/after take a transaction name and a function`);
    map.set(name, [...(map.get(name) ?? []), fn]);
  };
  const each =
    <F>(list: F[]) =>
    (fn: F) => {
      if (typeof fn !== 'function') throw new ConfigurationError(`hooks ${hooks.file}: a hook must be a function`);
      list.push(fn);
    };
  return {
    before: named(hooks.before),
    after: named(hooks.after),
    beforeEach: each(hooks.beforeEach),
    afterEach: each(hooks.afterEach),
    beforeAll: each(hooks.beforeAll),
    afterAll: each(hooks.afterAll),
    // Dredd names kept for files written for it: validation hooks run where `after` does here.
    beforeValidation: named(hooks.after),
    beforeEachValidation: each(hooks.afterEach),
    log: () => undefined
  };
}

/** Imports the hooks file the caller named. Throws ConfigurationError if it is missing or exports no hooks. */
export async function loadHooksFile(file: string, cwd: string): Promise<LiveHooks> {
  const absolute = resolve(cwd, file);
  if (!existsSync(absolute)) throw new ConfigurationError(`hooks file ${file} does not exist`);
  let module: Record<string, unknown>;
  try {
    // webpackIgnore: the bundle must import the user's file at run time, not try to bundle it.
    module = (await import(/* webpackIgnore: true */ pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigurationError(`hooks file ${file} could not be loaded: ${(error as Error).message}`);
  }
  const hooks = emptyHooks(file);
  const api = hooksApi(hooks);
  const register = typeof module.default === 'function' ? module.default : module.register;
  if (typeof register === 'function') {
    try {
      await (register as AnyHook)(api);
    } catch (error) {
      throw new ConfigurationError(`hooks file ${file}: registering hooks failed: ${(error as Error).message}`);
    }
  }
  const source = (typeof module.default === 'object' && module.default !== null ? module.default : module) as Record<
    string,
    unknown
  >;
  for (const name of ['beforeAll', 'beforeEach', 'afterEach', 'afterAll'] as const) {
    const fn = source[name];
    if (typeof fn === 'function') (api[name] as (f: unknown) => void)(fn);
  }
  for (const name of ['before', 'after'] as const) {
    const map = source[name];
    if (map && typeof map === 'object') {
      for (const [transaction, fn] of Object.entries(map as Record<string, unknown>)) {
        if (typeof fn === 'function') api[name](transaction, fn as HookFunction);
      }
    }
  }
  const count =
    hooks.beforeAll.length +
    hooks.beforeEach.length +
    hooks.afterEach.length +
    hooks.afterAll.length +
    hooks.before.size +
    hooks.after.size;
  if (count === 0)
    throw new ConfigurationError(
      `hooks file ${file} registers no hooks (export a function taking the hooks object, or beforeAll/beforeEach/before/after/afterEach/afterAll)`
    );
  return hooks;
}

/** Runs one hook with a time limit; Dredd-style (transaction, done) hooks are awaited through `done`. */
export async function runHook(
  fn: HookFunction | HookAllFunction,
  argument: HookTransaction | HookTransaction[],
  label: string,
  file: string,
  timeoutMs = DEFAULT_HOOK_TIMEOUT_MS
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const call = new Promise<void>((resolvePromise, reject) => {
    try {
      if (fn.length >= 2) {
        (fn as unknown as AnyHook)(argument, (error?: unknown) => (error ? reject(asError(error)) : resolvePromise()));
        return;
      }
      Promise.resolve((fn as AnyHook)(argument)).then(
        () => resolvePromise(),
        (error: unknown) => reject(asError(error))
      );
    } catch (error) {
      reject(asError(error));
    }
  });
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs}ms`)), timeoutMs);
  });
  try {
    await Promise.race([call, timeout]);
  } catch (error) {
    throw new ConfigurationError(
      `hooks file ${file}: ${label} failed: ${error instanceof Error ? error.message : String(error)}`
    );
  } finally {
    clearTimeout(timer);
  }
}

/** The before/after hooks registered for a transaction: by operationId and by "METHOD /path". */
export function namedHooks(map: Map<string, HookFunction[]>, transaction: HookTransaction): HookFunction[] {
  const found: HookFunction[] = [];
  for (const [name, fns] of map) {
    const normalized = name.trim().replace(/^([a-z]+)\s+/i, (_, m: string) => `${m.toUpperCase()} `);
    if ((transaction.operationId !== undefined && name === transaction.operationId) || normalized === transaction.name)
      found.push(...fns);
  }
  return found;
}
