#!/usr/bin/env node
// Launches the committed CLI bundle, so the command works from a plain checkout without a build.
import module from 'node:module';

// Node 22.1+ can keep V8's compiled code of the bundle on disk (in the temporary folder) for the next run;
// older Node has no such call. The bundle is imported after it, so its own code is what gets cached.
module.enableCompileCache?.();
await import('../dist/cli/index.js');
