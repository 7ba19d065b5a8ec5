// Some CommonJS dependencies read the __dirname free variable (Spectral's ruleset bundler; libpg-query's wasm
// loader), which an ESM bundle does not define. Import this module first in an entry point that bundles them:
// it points __dirname at the bundle's own folder, where ncc puts their assets.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const scope = globalThis as { __dirname?: string };
scope.__dirname ??= dirname(fileURLToPath(import.meta.url));
