/**
 * An action's inputs and outputs as data. Each action declares them once in its `inputs.ts`; `main.ts` reads
 * through the declaration (shared/src/actions/inputs.ts readInputs), and the metadata test compares it with
 * action.yml, so a name, default or description cannot drift between the two. The inputs every action shares
 * (fail-on, comment, comment-key, sarif-file, github-token) are declared here once, with one wording.
 */

interface InputBase {
  description: string;
  /** Shown by the runner when the input is set (action.yml `deprecationMessage`). */
  deprecationMessage?: string;
}

export interface StringInput extends InputBase {
  kind: 'string';
  required?: boolean;
  default?: string;
  /** Masked as soon as it is read (tokens, passwords, connection strings). */
  secret?: boolean;
}
export interface BooleanInput extends InputBase {
  kind: 'boolean';
  default: boolean;
}
export interface IntegerInput extends InputBase {
  kind: 'integer';
  default?: number;
  min?: number;
  max?: number;
}
export interface DurationInput extends InputBase {
  kind: 'duration';
  /** A duration string such as `5s`; without one the value is undefined when the input is empty. */
  default?: string;
}
export interface ListInput extends InputBase {
  kind: 'list';
  /** Comma- or newline-separated. */
  default?: string;
}
export interface ChoiceInput<V extends string = string> extends InputBase {
  kind: 'choice';
  values: readonly V[];
  default?: V;
}
export interface YamlInput extends InputBase {
  kind: 'yaml';
}

export type InputSpec = StringInput | BooleanInput | IntegerInput | DurationInput | ListInput | ChoiceInput | YamlInput;
export type InputSpecs = Record<string, InputSpec>;

/** The type main.ts gets for one input. */
export type InputValue<S extends InputSpec> = S extends BooleanInput
  ? boolean
  : S extends ChoiceInput<infer V>
    ? S extends { default: string } | { required: true }
      ? V
      : V | undefined
    : S extends IntegerInput | DurationInput
      ? S extends { default: number | string }
        ? number
        : number | undefined
      : S extends ListInput
        ? string[]
        : S extends YamlInput
          ? unknown
          : S extends { required: true } | { default: string }
            ? string
            : string | undefined;

export type InputValues<T extends InputSpecs> = { -readonly [K in keyof T]: InputValue<T[K]> };

export function defineInputs<const T extends InputSpecs>(inputs: T): T {
  return inputs;
}

/** Output name → description. Every action also has the common outputs below. */
export type OutputSpecs = Record<string, string>;

export function defineOutputs<const T extends OutputSpecs>(outputs: T): T & typeof COMMON_OUTPUTS {
  return { ...COMMON_OUTPUTS, ...outputs };
}

/** The default as action.yml writes it (a string), or undefined. */
export function actionYmlDefault(spec: InputSpec): string | undefined {
  if (spec.kind === 'yaml' || spec.default === undefined) return undefined;
  return String(spec.default);
}

export const COMMON_OUTPUTS = {
  verdict: 'pass, warn or fail: what the step found (fail-on decides whether the step fails).',
  'result-json':
    'The JSON report (tool, version, verdict, counts, then the findings) as text, for fromJSON(); when over 512 KiB, the same without its lists and with "truncated": true (the file in report-file is always whole).',
  'report-file': 'Path of the whole JSON report, written under RUNNER_TEMP.'
} as const;

/** The inputs every action that reports findings shares, worded once. */
export const COMMON_INPUTS = {
  'fail-on': {
    kind: 'choice',
    values: ['error', 'warning', 'never'],
    default: 'error',
    description: 'Fail the step on errors (error), also on warnings (warning), or never (report only).'
  },
  comment: {
    kind: 'boolean',
    default: true,
    description:
      'On pull requests, keep one sticky comment with the results up to date (created only when there is something to report; needs pull-requests: write).'
  },
  'comment-key': {
    kind: 'string',
    description:
      'Tells apart the sticky comments of several steps of this action in one pull request. Default: what the step reports on (e.g. the spec path).'
  },
  'sarif-file': {
    kind: 'string',
    description: 'Write the findings as SARIF 2.1.0 to this path (for github/codeql-action/upload-sarif).'
  },
  'github-token': {
    kind: 'string',
    default: '${{ github.token }}',
    secret: true,
    description: 'Token for the pull request comment and other GitHub API calls.'
  }
} as const satisfies InputSpecs;
