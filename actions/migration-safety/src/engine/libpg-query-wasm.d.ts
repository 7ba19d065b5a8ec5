// The Emscripten factory inside libpg-query, loaded directly by pg-parser.ts (the package ships no types for it).
declare module 'libpg-query/wasm/libpg-query.js' {
  const createModule: (options?: Record<string, unknown>) => Promise<unknown>;
  export default createModule;
}
