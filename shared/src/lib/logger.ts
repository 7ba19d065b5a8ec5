// The one port through which engines report progress: the action adapter logs through the runner
// (shared/src/actions/logger.ts), the CLI writes to stderr (shared/src/cli/logger.ts), tests collect.

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined
};
