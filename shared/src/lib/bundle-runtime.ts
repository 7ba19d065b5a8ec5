// Runtime fixes for ESM bundles that carry CommonJS dependencies. Import this module first in such an entry
// point (it has side effects only).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// Some dependencies read the __dirname free variable (Spectral's ruleset bundler; libpg-query's wasm loader),
// which an ESM bundle does not define: point it at the bundle's own folder, where ncc puts their assets.
const scope = globalThis as { __dirname?: string };
scope.__dirname ??= dirname(fileURLToPath(import.meta.url));

// Spectral's URI library loads Node's deprecated punycode module, and Node 24 prints DEP0040 on every run:
// noise a user can do nothing about. Only that one warning is dropped.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
  const code = typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as { code?: string }).code : rest[1];
  if (code === 'DEP0040') return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
};
