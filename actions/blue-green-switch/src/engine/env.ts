// Which of the step's environment variables reach repository-written config and the user's commands. ${NAME}
// in a router config follows the family's policy (shared/src/lib/runner-env.ts). The command router's commands
// get what a `run:` step of the same job would see: the step's env without the action's inputs, its saved state
// and the runtime tokens.

export { isRunnerVariable } from '../../../../shared/src/lib/runner-env.js';

/** What only the action (not a `run:` step) sees: its inputs, its saved state, the runtime's tokens. */
const ACTION_ONLY_PREFIXES = [
  'INPUT_',
  'STATE_',
  'ACTIONS_RUNTIME_',
  'ACTIONS_ID_TOKEN_',
  'ACTIONS_CACHE_',
  'ACTIONS_RESULTS_'
];

/** The environment of the command router's commands: the step's, less what only the action itself sees. */
export function commandEnvironment(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !ACTION_ONLY_PREFIXES.some((p) => name.toUpperCase().startsWith(p)))
  );
}
