// dora-report's inputs and outputs, declared once: main.ts reads them through this, and the metadata test holds
// action.yml to it.
import { COMMON_INPUTS, defineInputs, defineOutputs } from '../../../shared/src/lib/action-inputs.js';

export const LEVEL_NAMES = ['elite', 'high', 'medium', 'low'] as const;

export const INPUTS = defineInputs({
  environment: {
    kind: 'string',
    default: 'production',
    description:
      'Deployment environment whose deployments are counted (source deployments): the name a job gives in environment:.'
  },
  period: {
    kind: 'string',
    default: '30d',
    description:
      'Period reported on, compared with the one before it: 30d, 12w, month, quarter or year (ending now), or a calendar 2026-Q1, 2026-03 or 2026.'
  },
  repositories: {
    kind: 'list',
    description:
      'Repositories (owner/name), separated by newlines or commas; with several, each is reported and then all together. Default: the repository the workflow runs in.'
  },
  source: {
    kind: 'choice',
    values: ['deployments', 'workflow-runs', 'releases', 'tags'],
    default: 'deployments',
    description:
      'What counts as a deployment: GitHub deployments to the environment, runs of the deploy workflow (workflow-runs, needs workflow), published releases, or tags.'
  },
  workflow: {
    kind: 'string',
    description: 'The deploy workflow for source workflow-runs: its file name (deploy.yml) or id.'
  },
  'incident-label': {
    kind: 'list',
    default: 'incident',
    description:
      'Issues with this label (or any of several, comma-separated) are incidents: a change failure of the deployment they name or follow within the window.'
  },
  'hotfix-window': {
    kind: 'string',
    default: '24h',
    description:
      'A hotfix, revert or incident this soon after a deployment counts it as a change failure: 30m, 24h, 2d.'
  },
  benchmarks: {
    kind: 'choice',
    values: ['2023', '2024', '2025'],
    default: '2024',
    description:
      'Which DORA report the levels come from: 2023 or 2024 (elite, high, medium, low), or 2025 (no levels; a 0-10 score per metric, and min-level judged by the 2024 levels).'
  },
  'min-level': {
    kind: 'choice',
    values: LEVEL_NAMES,
    default: 'medium',
    description:
      'A metric below this level is a warning (verdict warn); too little data to judge is only a notice. With fail-on: warning the step then fails.'
  },
  'database-url': {
    kind: 'string',
    secret: true,
    description:
      'PostgreSQL connection string: when set, the deployments, changes and incidents are synced into its dora schema (created on first use). Masked.'
  },
  'csv-file': {
    kind: 'string',
    description:
      'Where to write the CSV of every metric, deployment, change and incident (relative to the workspace). Default: a file under RUNNER_TEMP.'
  },
  'fail-on': {
    ...COMMON_INPUTS['fail-on'],
    description:
      'Fail the step on errors (error: a repository could not be read), also on warnings (warning: a metric below min-level, or no deployments found), or never.'
  },
  'github-token': {
    ...COMMON_INPUTS['github-token'],
    description:
      'Token that reads the repositories: contents, deployments, pull-requests, issues and actions (for workflow-runs) read. Masked.'
  }
});

export const OUTPUTS = defineOutputs({
  'deployment-frequency': 'Deployments per day in the period (all repositories together when several).',
  'deployment-frequency-level':
    'elite, high, medium or low; empty when not judged (too little data, or benchmarks 2025).',
  'change-lead-time-hours':
    'Median change lead time in hours, first commit to running in production; empty when no change shipped.',
  'change-lead-time-level': 'elite, high, medium or low; empty when not judged.',
  'change-fail-rate':
    'Change fail rate in percent (0-100) of the deployments that finished in the period; empty when none.',
  'change-fail-rate-level': 'elite, high, medium or low; empty when not judged.',
  'recovery-time-hours':
    'Median failed deployment recovery time in hours; empty when nothing failed (or nothing recovered).',
  'recovery-time-level': 'elite, high, medium or low; empty when not judged.',
  'rework-rate':
    'Deployment rework rate in percent: unplanned deployments made because of a production problem; empty when none.',
  'successful-deploys': 'Percent of finished deployment attempts whose last status is success; empty when none.',
  deployments: 'Deployments that shipped something new in the period (what deployment frequency counts).',
  'csv-file': 'Path of the CSV file written.',
  'api-calls': 'GitHub API calls the report took (REST and GraphQL).'
});
