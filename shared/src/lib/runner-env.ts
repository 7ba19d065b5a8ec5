// Which of the step's environment variables repository-written config may read. A config (a gate file, a router
// file) is repository content: in a pull request it is written by whoever opened it, and its URLs can point
// anywhere. The runner's own variables hold tokens (ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN),
// service URLs, the step's inputs (INPUT_GITHUB-TOKEN) and saved state (STATE_*), so none of them is ever
// expanded; a workflow that wants a value in a config passes it through `env:` under a name of its own, which is
// an explicit decision.
//
// Names are compared upper-cased: Windows runners resolve environment names case-insensitively, so
// ${Actions_Runtime_Token} would otherwise read the token.

const REFUSED_PREFIXES = ['ACTIONS_', 'RUNNER_', 'INPUT_', 'STATE_', 'GITHUB_'];

/**
 * GitHub's default variables that describe the run and are shown in its UI anyway: readable, and public (not
 * masked: masking a run number or a commit SHA would hide it in every later log line of the job).
 */
const PUBLIC_RUN_VARIABLES = new Set([
  'GITHUB_SHA',
  'GITHUB_REF',
  'GITHUB_REF_NAME',
  'GITHUB_REF_TYPE',
  'GITHUB_HEAD_REF',
  'GITHUB_BASE_REF',
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_ID',
  'GITHUB_REPOSITORY_OWNER',
  'GITHUB_REPOSITORY_OWNER_ID',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_JOB',
  'GITHUB_WORKFLOW',
  'GITHUB_EVENT_NAME',
  'GITHUB_ACTOR',
  'GITHUB_ACTOR_ID',
  'GITHUB_TRIGGERING_ACTOR',
  'GITHUB_SERVER_URL',
  'GITHUB_API_URL',
  'GITHUB_GRAPHQL_URL',
  'GITHUB_WORKSPACE'
]);

/** The run's metadata (GITHUB_SHA, GITHUB_RUN_ID, ...): readable by a config, and not a secret. */
export function isPublicRunVariable(name: string): boolean {
  return PUBLIC_RUN_VARIABLES.has(name.toUpperCase());
}

/** True for the runner's own variables, which ${NAME} in repository content never expands. */
export function isRunnerVariable(name: string): boolean {
  const upper = name.toUpperCase();
  if (PUBLIC_RUN_VARIABLES.has(upper)) return false;
  return REFUSED_PREFIXES.some((prefix) => upper.startsWith(prefix));
}
