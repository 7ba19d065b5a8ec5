// Which of the step's environment variables reach repository-written config and the user's commands. The
// router config is repository content and its URLs can point anywhere, so ${NAME} never expands the runner's
// own variables (ACTIONS_* tokens, INPUT_* such as the github-token input, STATE_* the post step reads,
// RUNNER_*, GITHUB_TOKEN); a workflow that wants a value in the config passes it through `env:` under a
// name of its own. The command router's commands get what a `run:` step of the same job would see: the
// step's env without the action's inputs, its saved state and the runtime tokens.
//
// Names are compared upper-cased: Windows runners resolve environment names case-insensitively.

const REFUSED_PREFIXES = ['ACTIONS_', 'RUNNER_', 'INPUT_', 'STATE_', 'GITHUB_'];

/** The run's metadata, shown in GitHub's UI anyway: a config may read these. */
const PUBLIC_RUN_VARIABLES = new Set([
  'GITHUB_SHA',
  'GITHUB_REF',
  'GITHUB_REF_NAME',
  'GITHUB_REF_TYPE',
  'GITHUB_HEAD_REF',
  'GITHUB_BASE_REF',
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_OWNER',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_JOB',
  'GITHUB_WORKFLOW',
  'GITHUB_EVENT_NAME',
  'GITHUB_ACTOR',
  'GITHUB_SERVER_URL',
  'GITHUB_WORKSPACE'
]);

/** True for the runner's variables, which ${NAME} in a router config never expands. */
export function isRunnerVariable(name: string): boolean {
  const upper = name.toUpperCase();
  if (PUBLIC_RUN_VARIABLES.has(upper)) return false;
  return REFUSED_PREFIXES.some((prefix) => upper.startsWith(prefix));
}

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
