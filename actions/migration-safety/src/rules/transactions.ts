// Rules about transactions, timeouts and statement robustness.
import type { Rule } from '../engine/rule.js';

export const TRANSACTION_RULES: readonly Rule[] = [];
