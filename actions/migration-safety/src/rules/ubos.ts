// Rules no other linter has: they need the replayed schema or expand-migrate-contract awareness.
import type { Rule } from '../engine/rule.js';
import { expandContractSameChangeSet } from './expand-contract-same-change-set.js';
import { foreignKeyWithoutIndex } from './foreign-key-without-index.js';
import { multipleAlterTable } from './multiple-alter-table.js';
import { pkUsingIndexNullable } from './pk-using-index-nullable.js';

export const UBOS_RULES: readonly Rule[] = [
  foreignKeyWithoutIndex,
  pkUsingIndexNullable,
  expandContractSameChangeSet,
  multipleAlterTable
];
