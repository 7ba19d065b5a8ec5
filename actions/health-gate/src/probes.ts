import { CHECK_KINDS } from './checks/index.js';
import { CHECK_TYPES } from './config-keys.js';
import type { ProbeTable } from './gate.js';

/** The real probe of each check type; tests of the scheduler inject their own table instead. */
export const probes = Object.fromEntries(CHECK_TYPES.map((type) => [type, CHECK_KINDS[type].probe])) as ProbeTable;
