// The post step: runs after the job's other steps (runs.post, post-if in action.yml), also when the job failed
// or was cancelled. Delete this file (and runs.post) if the action leaves nothing to undo or clean up.
import '../../../shared/src/lib/bundle-runtime.js';
import * as core from '@actions/core';
import { runAction } from '../../../shared/src/actions/run-action.js';

await runAction(async () => {
  const greeting = core.getState('greeting');
  core.info(greeting ? `post: the main step said "${greeting}"` : 'post: the main step did not get as far as greeting');
});
