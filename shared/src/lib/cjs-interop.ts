/**
 * The exports of a CommonJS package imported with `import * as ns`, the same under Node's native ESM and in an
 * ncc (webpack) bundle. Node exposes module.exports as `ns.default` (named exports only when its lexer can see
 * them); webpack exposes the exports object itself and, for packages compiled with __esModule, an undefined
 * default. `probe` is an export name that must be present.
 */
export function cjsExports<T>(namespace: unknown, probe: string): T {
  const ns = namespace as Record<string, unknown>;
  if (ns && ns[probe] !== undefined) return ns as T;
  const fallback = ns?.default as Record<string, unknown> | undefined;
  if (fallback && fallback[probe] !== undefined) return fallback as T;
  throw new Error(`CommonJS interop: export "${probe}" not found`);
}
