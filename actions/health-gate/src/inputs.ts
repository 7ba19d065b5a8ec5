// health-gate's inputs and outputs, declared once: main.ts reads them through this, and the metadata test holds
// action.yml to it.
import { COMMON_INPUTS, defineInputs, defineOutputs } from '../../../shared/src/lib/action-inputs.js';

export const INPUTS = defineInputs({
  url: {
    kind: 'string',
    description:
      'Simple mode: one URL that must answer with expect-status (a readiness check). Credentials in it are masked.'
  },
  'expect-status': {
    kind: 'string',
    default: '2xx',
    description: 'Simple mode: accepted statuses, e.g. 2xx, 200, 200-299, 200,204.'
  },
  checks: {
    kind: 'string',
    description:
      'Full mode: YAML list of checks ({ name, type, role, ... }) or a mapping with deadline, defaults and checks. See health-gate/README.md.'
  },
  config: {
    kind: 'string',
    description:
      "Full mode: path to a YAML file with the same content as checks (JSON schema: health-gate/config.schema.json). ${NAME} expands an environment variable passed with env: (masked unless listed in public-env or written ${NAME:public}); the runner's own variables (ACTIONS_*, RUNNER_*, INPUT_*, STATE_*, GITHUB_* but the run metadata) are never expanded."
  },
  interval: {
    kind: 'duration',
    default: '5s',
    description: 'Time between the starts of two attempts of a check (default for every check); 100ms to 24h.'
  },
  timeout: {
    kind: 'duration',
    default: '5s',
    description:
      'Budget of one attempt (default for every check); 10ms to 24h, and not longer than the deadline unless left at 5s.'
  },
  deadline: {
    kind: 'duration',
    description: 'Overall budget of the gate; the config file may set it instead. Defaults to 5m; 100ms to 24h.'
  },
  'success-threshold': {
    kind: 'integer',
    default: 1,
    min: 1,
    max: 1000,
    description: 'Consecutive passing attempts a check needs (default for every check).'
  },
  'failure-threshold': {
    kind: 'integer',
    default: 0,
    min: 0,
    max: 1000,
    description:
      'Consecutive failed attempts that fail the gate early; 0 waits for the deadline (default for every check).'
  },
  'fail-on': COMMON_INPUTS['fail-on'],
  'fail-on-warn': {
    kind: 'boolean',
    default: false,
    description: 'Deprecated: use fail-on: warning. Fail the step when the verdict is warn.',
    deprecationMessage: 'fail-on-warn is deprecated; use fail-on: warning'
  }
});

export const OUTPUTS = defineOutputs({
  'failed-checks':
    'Comma-separated names of the checks that failed, including every check that was failing when the gate stopped.'
});
