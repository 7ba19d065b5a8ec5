// blue-green-switch's inputs and outputs, declared once: main.ts reads them through this, and the metadata test
// holds action.yml to it (edit both together).
import { COMMON_INPUTS, defineInputs, defineOutputs } from '../../../shared/src/lib/action-inputs.js';
import { OPERATIONS } from './engine/types.js';

export const INPUTS = defineInputs({
  router: {
    kind: 'string',
    required: true,
    description:
      'The router config: a path to a YAML file (relative to the workspace), or the YAML itself (type nginx, haproxy or command, colors, verify, and the router section). See blue-green-switch/README.md.'
  },
  operation: {
    kind: 'choice',
    values: OPERATIONS,
    default: 'switch',
    description:
      'status, switch (all traffic to the new colour at once), canary (by steps), rollback (back to the saved previous state), promote (finish a paused canary) or abort (put a canary back where it started).'
  },
  to: {
    kind: 'string',
    default: 'other',
    description:
      'The colour switch and canary move traffic to: a colour of the router config, or other for the one that is not live.'
  },
  steps: {
    kind: 'string',
    default: '10,50,100',
    description:
      "Canary: the new colour's share at each step, in whole percent, increasing. A schedule that ends below 100 pauses the canary there (promote or abort it later)."
  },
  'step-wait': {
    kind: 'duration',
    default: '30s',
    description: 'Canary: how long each step below 100 % takes traffic before it is judged and gated.'
  },
  gate: {
    kind: 'string',
    description:
      "health-gate checks run against the new colour directly before traffic moves, then through the router after each step: a path to a YAML file, or the YAML itself, in health-gate's schema. ${BGS_TARGET_URL} is the URL to check."
  },
  judge: {
    kind: 'boolean',
    default: true,
    description:
      "Canary: compare the new colour's errors and latencies with the old one's at each step, from the router's own numbers (HAProxy stats and log ring, nginx's JSON access log)."
  },
  'judge-min-requests': {
    kind: 'integer',
    default: 50,
    min: 1,
    max: 1_000_000,
    description: 'Requests each colour needs in a step before the judge decides; fewer is inconclusive.'
  },
  'judge-max-error-increase': {
    kind: 'string',
    default: '1%',
    description:
      "Largest accepted rise of the new colour's error rate over the old one's, in percentage points (1% or 0.01); a larger, significant rise fails the step."
  },
  'judge-max-latency-increase': {
    kind: 'string',
    default: '25%',
    description:
      "Largest accepted rise of the new colour's median latency, relative to the old one's (25% or 0.25); a larger, significant rise fails the step."
  },
  'judge-on-inconclusive': {
    kind: 'choice',
    values: ['continue', 'fail'],
    default: 'continue',
    description:
      'What a step the judge cannot decide (too few requests, a rise that is not significant) does: continue with a warning, or fail.'
  },
  'on-failure': {
    kind: 'choice',
    values: ['rollback', 'stop'],
    default: 'rollback',
    description:
      'When a check fails after traffic moved: put traffic back on the old colour and verify it (rollback), or leave it where it is for a person to look at (stop).'
  },
  'lock-timeout': {
    kind: 'duration',
    default: '5m',
    description:
      'How long to wait while another run is switching the same router; 0s fails at once. A lock whose process is gone is taken over.'
  },
  'rollback-on-cancel': {
    kind: 'boolean',
    default: true,
    description:
      'When the job is cancelled (or the step is killed) while traffic is moving, put it back on the old colour and verify it, in the step or in the post step. false leaves it where it is.'
  },
  deployment: {
    kind: 'boolean',
    default: false,
    description:
      'Record the change as a GitHub Deployment of environment (statuses in_progress, then success or failure; the replaced deployment inactive). Needs deployments: write.'
  },
  environment: {
    kind: 'string',
    default: 'production',
    description: 'The GitHub environment the deployment is recorded for.'
  },
  'fail-on': COMMON_INPUTS['fail-on'],
  'github-token': COMMON_INPUTS['github-token']
});

export const OUTPUTS = defineOutputs({
  'live-color': 'The colour with all the traffic after the step, or empty when traffic is split (a paused canary).',
  'previous-color': 'The colour that was live before, as the state file records it (what rollback goes back to).',
  weights: 'The share of traffic per colour after the step, as JSON: {"blue":0,"green":100}.',
  'rolled-back': 'true when the step put traffic back (a failed check, a cancel, rollback or abort).',
  'deployment-id': 'The id of the GitHub Deployment recorded (empty without deployment: true or when recording failed).'
});
