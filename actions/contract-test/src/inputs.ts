// contract-test's inputs and outputs, declared once: main.ts reads them through this, and the metadata test
// holds action.yml to it.
import { COMMON_INPUTS, defineInputs, defineOutputs } from '../../../shared/src/lib/action-inputs.js';

export const INPUTS = defineInputs({
  spec: {
    kind: 'string',
    required: true,
    description:
      'Path of the OpenAPI description (YAML or JSON), relative to the workspace; several paths or globs (api/*.yaml), comma- or newline-separated, are checked one by one in one report.'
  },
  mode: {
    kind: 'list',
    default: 'lint,diff',
    description:
      'What to do, as a list of lint (Spectral), diff (breaking changes against the base) and live (test the server at base-url against the spec).'
  },
  'base-spec': { kind: 'string', description: 'Path of the spec to compare with. Overrides base-ref.' },
  'base-ref': {
    kind: 'string',
    description:
      'Git ref whose version of spec is the base (fetched when the clone lacks it). Default: the pull request base branch.'
  },
  ruleset: {
    kind: 'string',
    description:
      'Spectral ruleset file (YAML/JSON, may extend spectral:oas). Default: .spectral.yaml, .spectral.yml or .spectral.json at the workspace root, else spectral:oas recommended.'
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
  'lint-scope': {
    kind: 'choice',
    values: ['changed', 'all'],
    default: 'changed',
    description:
      'What lint covers: changed lints only the operations the diff against the base reports, the components they reference and the document-level objects (info, tags, servers, security schemes), the whole spec when there is no base (not a pull request, or a new spec); all lints the whole spec every time.'
  },
  'max-spec-size': {
    kind: 'string',
    default: '13MiB',
    description:
      'Refuse a spec (all its files together) larger than this, e.g. 13MiB or 20MB; YAML counts four times its size.'
  },
  lint: {
    kind: 'boolean',
    default: true,
    description: 'Deprecated: use mode. false takes lint out of mode (lint: false is mode: diff).',
    deprecationMessage: 'Use mode instead (for example mode: diff); lint: false still takes lint out of mode.'
  },
  'ignore-file': {
    kind: 'string',
    default: '.github/contract-test-ignore.yml',
    description:
      'Breaking changes accepted on purpose: entries of check id, path and method with a reason and an optional expiry date. Read when it exists.'
  },
  config: {
    kind: 'string',
    default: '.github/contract-test.yml',
    description:
      'Settings of the diff: checks maps a check id to the level its changes get (error, warning, info, or off to drop them). Read when it exists.'
  },
  'accept-label': {
    kind: 'string',
    description:
      'A pull request label (e.g. breaking-change-approved) that accepts every breaking change of the pull request: they are still listed, marked accepted, and do not fail the step.'
  },
  'base-url': {
    kind: 'string',
    description:
      'Where the server under test listens (http or https), for mode live; the path of the first server in the spec is appended.'
  },
  checks: {
    kind: 'list',
    default: 'all',
    description:
      'Live checks to run: all, or a list of check ids (not-a-server-error, response-schema-conformance, ...; see the README).'
  },
  budget: { kind: 'integer', default: 1000, min: 1, description: 'Most requests a live run sends (per spec).' },
  seed: {
    kind: 'integer',
    default: 1,
    description: 'Seed of the generated requests: the same seed sends the same requests.'
  },
  'max-response-time': {
    kind: 'duration',
    description:
      'Fail max-response-time when the 95th percentile response time of an operation is above this (e.g. 500ms); off when empty.'
  },
  'request-timeout': {
    kind: 'duration',
    default: '10s',
    description: 'Per live request: connection, headers and body.'
  },
  'auth-bearer': {
    kind: 'string',
    secret: true,
    description: 'Token for the http bearer, oauth2 and openIdConnect security schemes of the spec (masked).'
  },
  'auth-basic': {
    kind: 'string',
    secret: true,
    description: 'user:password for the http basic security schemes of the spec (masked).'
  },
  'auth-api-key': {
    kind: 'string',
    secret: true,
    description:
      'Value for the apiKey security schemes of the spec, sent in the header, query or cookie they name (masked).'
  },
  'auth-schemes': {
    kind: 'string',
    secret: true,
    description:
      'A JSON object of security scheme name to secret, for specs with several schemes, e.g. {"adminKey": "..."}; overrides the other auth inputs for those schemes (masked).'
  },
  hooks: {
    kind: 'string',
    description:
      'A JavaScript hooks file (the names Dredd uses: beforeAll, before, after, ...) to prepare data for the live test. Naming it is the opt-in to run its code in the step, with the environment of the step; refused in pull_request_target runs.'
  },
  engine: {
    kind: 'choice',
    values: ['ubos', 'dredd'],
    default: 'ubos',
    description:
      'The live engine: ubos, or dredd (Dredd 14.1.0 from node_modules in the workspace, for teams migrating from it).'
  },
  'dredd-config': {
    kind: 'string',
    description: 'Your dredd.yml, for engine dredd (keys that run code or fetch are dropped unless hooks is set).'
  },
  'live-against-base': {
    kind: 'boolean',
    default: false,
    description:
      'Also run the base version of the spec against the server: it catches breaks of old clients the diff cannot see.'
  },
  'junit-file': {
    kind: 'string',
    description: 'Write JUnit XML to this path: a suite per spec for lint and diff, and one per live run.'
  },
  'replay-file': {
    kind: 'string',
    description:
      'Write the failing live exchanges as NDJSON to this path; ubos-actions contract-test replay <file> --base-url <url> sends them again.'
  },
  ...COMMON_INPUTS
});

export const OUTPUTS = defineOutputs({
  'breaking-changes': 'Number of error-level (breaking) changes, accepted ones left out.',
  warnings: 'Number of warning-level changes, accepted ones left out.',
  'lint-errors': 'Number of Spectral errors.',
  'live-failures': 'Number of live test failures (errors and warnings, the base spec run included); 0 without live.',
  coverage:
    'Live coverage as JSON: operations, statuses and parameters ({covered, total}), undocumented answers, then the same per spec; {} without live.'
});
