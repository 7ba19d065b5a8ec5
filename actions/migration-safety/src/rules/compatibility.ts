// Rules about changes that break the running release, and schema hygiene.
import type { Rule } from '../engine/rule.js';

export const COMPATIBILITY_RULES: readonly Rule[] = [];
