import { runAction } from '../../../shared/src/actions/run-action.js';
import { run } from './main.js';

await runAction(run);
