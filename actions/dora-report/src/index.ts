import '../../../shared/src/lib/bundle-runtime.js';
import { runAction } from '../../../shared/src/actions/run-action.js';
import { run } from './main.js';

await runAction(run);
