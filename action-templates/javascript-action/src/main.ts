import * as core from '@actions/core';
import { readInputs } from '../../../shared/src/actions/inputs.js';
import { fromInputs, publishReport } from '../../../shared/src/actions/publish.js';
import { run__PASCAL__ } from './engine/index.js';
import { INPUTS, OUTPUTS } from './inputs.js';
import { __NAME_CAMEL__Report } from './report.js';

/** Inputs -> engine -> the shared report pipeline (outputs, annotations, summary, verdict). */
export async function run(): Promise<void> {
  const inputs = readInputs(INPUTS);
  const result = run__PASCAL__({ who: inputs.who, shout: inputs.shout });
  // What the post step needs is passed through the runner's state, never a file.
  core.saveState('greeting', result.greeting);
  await publishReport(__NAME_CAMEL__Report(result), fromInputs(inputs, OUTPUTS, process.env.GITHUB_WORKSPACE ?? process.cwd()));
}
