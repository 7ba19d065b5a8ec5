// The schema comparator's checks, family by family, in the order `contract-test checks` lists them. Each family
// declares its checks beside the code that emits them; SchemaCheckId is the union of their ids.
import type { ChangeLevel, CheckInfo } from '../../spec/types.js';
import type { IdsOf } from '../catalog.js';
import { ACCESS_CHECKS } from './access.js';
import { ADDITIONAL_CHECKS } from './additional.js';
import { BOUND_CHECKS } from './bounds.js';
import { DEFAULT_CHECKS } from './default.js';
import { FORMAT_CHECKS } from './format.js';
import { NULLABLE_CHECKS } from './nullable.js';
import { PROPERTY_CHECKS } from './properties.js';
import { RENAME_CHECKS } from './renames.js';
import { TYPE_CHECKS } from './type.js';
import { VALUE_CHECKS } from './values.js';
import { VARIANT_CHECKS } from './variants.js';

export const SCHEMA_CHECKS = [
  ...PROPERTY_CHECKS,
  ...RENAME_CHECKS,
  ...TYPE_CHECKS,
  ...FORMAT_CHECKS,
  ...NULLABLE_CHECKS,
  ...VALUE_CHECKS,
  ...BOUND_CHECKS,
  ...DEFAULT_CHECKS,
  ...ACCESS_CHECKS,
  ...ADDITIONAL_CHECKS,
  ...VARIANT_CHECKS
] as const;

/** The same checks with a title per family, for the checks reference page (contract-test/CHECKS.md). */
export const SCHEMA_FAMILIES: readonly { title: string; checks: readonly CheckInfo[] }[] = [
  { title: 'properties', checks: PROPERTY_CHECKS },
  { title: 'renamed properties', checks: RENAME_CHECKS },
  { title: 'types', checks: TYPE_CHECKS },
  { title: 'formats', checks: FORMAT_CHECKS },
  { title: 'nullable', checks: NULLABLE_CHECKS },
  { title: 'enums and constants', checks: VALUE_CHECKS },
  { title: 'bounds', checks: BOUND_CHECKS },
  { title: 'defaults', checks: DEFAULT_CHECKS },
  { title: 'read-only and write-only', checks: ACCESS_CHECKS },
  { title: 'additional properties', checks: ADDITIONAL_CHECKS },
  { title: 'oneOf and anyOf variants', checks: VARIANT_CHECKS }
];

export type SchemaCheckId = IdsOf<typeof SCHEMA_CHECKS>;

export const SCHEMA_LEVELS: ReadonlyMap<string, ChangeLevel> = new Map(SCHEMA_CHECKS.map((c) => [c.id, c.level]));
