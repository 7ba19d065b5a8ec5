// Rules about changes that break the running release, and schema hygiene.
import type { Rule } from '../engine/rule.js';
import { addingRequiredField } from './adding-required-field.js';
import { banCharField } from './ban-char-field.js';
import { banDropColumn } from './ban-drop-column.js';
import { banDropDatabase } from './ban-drop-database.js';
import { banDropNotNull } from './ban-drop-not-null.js';
import { banDropTable } from './ban-drop-table.js';
import { banDuplicateColumnAssignments } from './ban-duplicate-column-assignments.js';
import { banTruncateCascade } from './ban-truncate-cascade.js';
import { exclusionConstraint } from './exclusion-constraint.js';
import { identifierTooLong } from './identifier-too-long.js';
import { preferBigintOverInt } from './prefer-bigint-over-int.js';
import { preferBigintOverSmallint } from './prefer-bigint-over-smallint.js';
import { preferIdentity } from './prefer-identity.js';
import { preferJsonb } from './prefer-jsonb.js';
import { preferTextField } from './prefer-text-field.js';
import { preferTimestamptz } from './prefer-timestamptz.js';
import { renamingColumn } from './renaming-column.js';
import { renamingTable } from './renaming-table.js';
import { requireEnumValueOrdering } from './require-enum-value-ordering.js';
import { requireTableSchema } from './require-table-schema.js';

export const COMPATIBILITY_RULES: readonly Rule[] = [
  // Changes that break the running release or lose data.
  addingRequiredField,
  banDropColumn,
  banDropTable,
  banDropDatabase,
  banDropNotNull,
  banTruncateCascade,
  renamingColumn,
  renamingTable,
  banDuplicateColumnAssignments,
  exclusionConstraint,
  // Hygiene: choices that are cheap now and expensive to change later.
  banCharField,
  preferTextField,
  preferBigintOverInt,
  preferBigintOverSmallint,
  preferIdentity,
  preferTimestamptz,
  preferJsonb,
  requireEnumValueOrdering,
  identifierTooLong,
  requireTableSchema
];
