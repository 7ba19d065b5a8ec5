// Rules no other linter has: they need the replayed schema or expand-migrate-contract awareness.
import type { Rule } from '../engine/rule.js';

export const UBOS_RULES: readonly Rule[] = [];
