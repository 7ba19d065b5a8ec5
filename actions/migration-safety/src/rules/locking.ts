// Rules about locks and table rewrites of schema changes on tables in use.
import type { Rule } from '../engine/rule.js';
import { requireConcurrentIndexCreation } from './require-concurrent-index-creation.js';

export const LOCKING_RULES: readonly Rule[] = [requireConcurrentIndexCreation];
