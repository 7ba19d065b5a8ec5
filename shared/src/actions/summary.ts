// Writes the job summary through @actions/core, cut to GitHub's per-step limit.
import * as core from '@actions/core';
import { fitToLimit } from '../lib/markdown.js';

/**
 * Appends markdown to the step's job summary, cut to fit. Returns false (and writes nothing) outside a runner,
 * where there is no summary file. The limit applies to everything a step writes, so call this once per step.
 */
export async function writeSummary(markdown: string): Promise<boolean> {
  if (!process.env['GITHUB_STEP_SUMMARY']) {
    core.debug('GITHUB_STEP_SUMMARY is not set; skipping the job summary');
    return false;
  }
  await core.summary.addRaw(fitToLimit(markdown), true).write();
  return true;
}
