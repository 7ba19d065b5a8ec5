import { defineRule } from '../engine/rule.js';

// Emitted by the driver (engine/lint.ts) when a rule throws; declared here for the catalogue and config.
export const internalError = defineRule({
  id: 'internal-error',
  severity: 'error',
  message: 'A rule failed on this statement (a bug in migration-safety); the other rules still ran',
  help: 'One rule threw an exception while checking this statement, so the hazard it looks for was not checked here. The finding names the rule and the error. Please report it with the statement; to get past it meanwhile, suppress the failing rule for this statement with `-- ubos-ignore: <rule>`.',
  equivalents: {}
});
