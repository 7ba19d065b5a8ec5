import '../../../shared/src/bundle-runtime.js';
import { runAction } from '../../../shared/src/run-action.js';
import { run } from './main.js';

await runAction(run);
