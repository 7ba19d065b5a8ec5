import { defineRule } from '../engine/rule.js';

// Emitted by the driver (engine/lint.ts) from engine/suppress.ts; declared here for the catalogue and config.
export const unknownSuppression = defineRule({
  id: 'unknown-suppression',
  severity: 'warning',
  message: 'An ignore comment that is not valid: it suppresses nothing',
  help: "Ignore comments have an exact form: `-- ubos-ignore` or `-- ubos-ignore: rule-a, rule-b` on the line before a statement, `-- ubos-ignore-file` or `-- ubos-ignore-file: rule-a` anywhere in the file (and squawk's `-- squawk-ignore rule-a`). A marker with other letters glued to it (`-- ubos-ignore-filex`), a rule id that does not exist (a typo, or a rule of another tool), a rule that cannot be ignored (`syntax-error`) or a marker in a block comment makes the comment suppress nothing, and this finding says so instead of letting it silently ignore all rules or none. Fix the comment; `--list-rules` prints the ids. This finding itself can only be turned off in the config file.",
  // squawk reports an unknown rule name in its ignore comments as unused-ignore.
  equivalents: { squawk: ['unused-ignore'] }
});
