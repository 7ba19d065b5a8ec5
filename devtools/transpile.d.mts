/** See transpile.mjs. */
export function importTranspiled(entry: string, options: { root: string; outDir: string }): Promise<unknown>;
