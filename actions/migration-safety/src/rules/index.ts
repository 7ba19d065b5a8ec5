// The rule catalogue, one module per rule, grouped. Order here is the order of `--list-rules`.
import type { Rule } from '../engine/rule.js';
import { COMPATIBILITY_RULES } from './compatibility.js';
import { internalError } from './internal-error.js';
import { LOCKING_RULES } from './locking.js';
import { missingObject } from './missing-object.js';
import { syntaxError } from './syntax-error.js';
import { TRANSACTION_RULES } from './transactions.js';
import { UBOS_RULES } from './ubos.js';
import { dynamicSql } from './dynamic-sql.js';
import { unknownSuppression } from './unknown-suppression.js';
import { unsupportedSyntax } from './unsupported-syntax.js';

export const ALL_RULES: readonly Rule[] = [
  syntaxError,
  missingObject,
  internalError,
  unknownSuppression,
  unsupportedSyntax,
  dynamicSql,
  ...LOCKING_RULES,
  ...TRANSACTION_RULES,
  ...COMPATIBILITY_RULES,
  ...UBOS_RULES
];
