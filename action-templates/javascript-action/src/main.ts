import * as core from '@actions/core';
import { getBooleanInput, getRequiredInput } from '../../../shared/src/actions/inputs.js';
import { writeSummary } from '../../../shared/src/actions/summary.js';
import { SummaryBuilder } from '../../../shared/src/lib/markdown.js';
import { run__PASCAL__ } from './engine.js';

/** Inputs -> engine -> outputs and job summary. The only module of this action that knows @actions/core. */
export async function run(): Promise<void> {
  const result = run__PASCAL__({
    who: getRequiredInput('who'),
    shout: getBooleanInput('shout', false)
  });
  core.setOutput('greeting', result.greeting);
  core.setOutput('result-json', JSON.stringify(result));
  core.info(result.greeting);
  await writeSummary(new SummaryBuilder().heading('__TITLE__').verdict('success', result.greeting).toString());
}
