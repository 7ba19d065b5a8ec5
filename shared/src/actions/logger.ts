// The Logger port over the runner's log: debug lines only with ACTIONS_STEP_DEBUG, warnings as annotations.
import * as core from '@actions/core';
import type { Logger } from '../lib/logger.js';

export const runnerLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message)
};
