// The gate's ${NAME} policy is the family's: shared/src/lib/runner-env.ts.
export { isPublicRunVariable, isRunnerVariable as isRefusedEnvName } from '../../../shared/src/lib/runner-env.js';
