import '../../shared/src/lib/bundle-runtime.js';
import { runCli } from './main.js';

// `ubos-actions ... | head`: the reader has gone, so the rest of the output has nowhere to go; stop quietly, as
// command-line tools do, instead of dying on an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd()
});
process.exitCode = code;
