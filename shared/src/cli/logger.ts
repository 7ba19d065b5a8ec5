// The Logger port for the CLI: progress and warnings go to stderr, so stdout stays the report alone.
import type { Logger } from '../lib/logger.js';
import type { CliIo } from './command.js';

export function stderrLogger(io: Pick<CliIo, 'stderr'>, verbose = false): Logger {
  return {
    debug: (message) => {
      if (verbose) io.stderr(`debug: ${message}\n`);
    },
    info: (message) => io.stderr(`${message}\n`),
    warning: (message) => io.stderr(`warning: ${message}\n`)
  };
}
