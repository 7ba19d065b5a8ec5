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
  lint: { kind: 'boolean', default: true, description: 'Lint the spec with Spectral.' },
  ...COMMON_INPUTS
});

export const OUTPUTS = defineOutputs({
  'breaking-changes': 'Number of error-level (breaking) changes.',
  warnings: 'Number of warning-level changes.',
  'lint-errors': 'Number of Spectral errors.'
});
