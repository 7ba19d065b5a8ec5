// Rules about locks and table rewrites of schema changes on tables in use.
import type { Rule } from '../engine/rule.js';
import { addingFieldWithDefault } from './adding-field-with-default.js';
import { addingForeignKeyConstraint } from './adding-foreign-key-constraint.js';
import { addingNotNullableField } from './adding-not-nullable-field.js';
import { addingSerialPrimaryKeyField } from './adding-serial-primary-key-field.js';
import { changingColumnType } from './changing-column-type.js';
import { constraintMissingNotValid } from './constraint-missing-not-valid.js';
import { disallowedUniqueConstraint } from './disallowed-unique-constraint.js';
import { preferRepack } from './prefer-repack.js';
import { requireConcurrentIndexCreation } from './require-concurrent-index-creation.js';
import { requireConcurrentIndexDeletion } from './require-concurrent-index-deletion.js';
import { requireConcurrentPartitionDetach } from './require-concurrent-partition-detach.js';
import { requireConcurrentReindex } from './require-concurrent-reindex.js';

export const LOCKING_RULES: readonly Rule[] = [
  requireConcurrentIndexCreation,
  requireConcurrentIndexDeletion,
  requireConcurrentReindex,
  requireConcurrentPartitionDetach,
  addingFieldWithDefault,
  addingNotNullableField,
  addingSerialPrimaryKeyField,
  addingForeignKeyConstraint,
  constraintMissingNotValid,
  disallowedUniqueConstraint,
  changingColumnType,
  preferRepack
];
