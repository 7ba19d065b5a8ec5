// contract-test's inputs and outputs, declared once: main.ts reads them through this, and the metadata test
// holds action.yml to it.
import { COMMON_INPUTS, defineInputs, defineOutputs } from '../../../shared/src/lib/action-inputs.js';

export const INPUTS = defineInputs({
  spec: {
    kind: 'string',
    required: true,
    description: 'Path of the OpenAPI description (YAML or JSON), relative to the workspace.'
  },
  'base-spec': { kind: 'string', description: 'Path of the spec to compare with. Overrides base-ref.' },
  'base-ref': {
    kind: 'string',
    description:
      'Git ref whose version of spec is the base (fetched when the clone lacks it). Default: the pull request base branch.'
  },
  ruleset: {
    kind: 'string',
    description: 'Spectral ruleset file (YAML/JSON, may extend spectral:oas). Default: spectral:oas recommended.'
  },
  'allow-external-refs': {
    kind: 'list',
    default: 'none',
    description:
      'Which $refs that leave the workspace are followed: none (refuse them), files (file $refs anywhere on disk, e.g. ../shared/schemas.yaml), urls (fetch http/https $refs; 10 s timeout, 50 MiB in all, $refs inside a fetched document may only be URLs) or all. Comma-separated to combine ("files, urls").'
  },
  'allow-ruleset-code': {
    kind: 'boolean',
    default: false,
    description:
      "Run code the ruleset brings: a JavaScript ruleset (.js/.mjs/.cjs), custom functions, extends of JavaScript rulesets, packages or URLs, JSONPath filter and script expressions. It runs with the step's environment (the token included), so only for rulesets you trust; never honoured in pull_request_target runs."
  },
  'max-spec-size': {
    kind: 'string',
    default: '13MiB',
    description:
      'Refuse a spec (all its files together) larger than this, e.g. 13MiB or 20MB; YAML counts four times its size.'
  },
  lint: { kind: 'boolean', default: true, description: 'Lint the spec with Spectral.' },
  ...COMMON_INPUTS
});

export const OUTPUTS = defineOutputs({
  'breaking-changes': 'Number of error-level (breaking) changes.',
  warnings: 'Number of warning-level changes.',
  'lint-errors': 'Number of Spectral errors.'
});
