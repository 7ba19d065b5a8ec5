// The breaking-change diff between two loaded specs: runs every check and returns one ordered, de-duplicated
// list so that renderers, annotations and the exit status all see the same changes in the same order.
import type { Change, ChangeLevel, LoadedSpec } from '../spec/types.js';
import { mergeRepeats } from './group.js';
import { diffOperations, type OperationDiffOptions, type SchemaComparator } from './operations.js';
import { compareSchemas } from './schema/index.js';

export { groupChanges, groupedCounts, operationName, type ChangeGroup, type GroupedCounts } from './group.js';
export { normalisePath } from './operations.js';
export {
  ALL_CHECKS,
  CHECK_FAMILIES,
  OPERATION_CHECKS,
  OUTGOING_CHECKS,
  SCHEMA_CHECKS,
  type CheckFamily,
  type CheckId
} from './registry.js';
export type { SchemaComparator, SchemaCompareContext, OperationDiffOptions } from './operations.js';

export interface DiffOptions extends OperationDiffOptions {
  /** Compares two schemas and emits changes inside them (default: the schema comparator of schema/index.ts). */
  compare?: SchemaComparator;
  /** The team's level for a check (the config file's `checks:`); `off` drops its changes. */
  levels?: ReadonlyMap<string, ChangeLevel | 'off'>;
}

const LEVEL_ORDER: Record<ChangeLevel, number> = { error: 0, warning: 1, info: 2 };

function byKey(a: string | undefined, b: string | undefined): number {
  // Document-level changes (no path or method) come before the endpoints they affect.
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

export function diffSpecs(base: LoadedSpec, head: LoadedSpec, options: DiffOptions = {}): Change[] {
  const changes: Change[] = [];
  const seen = new Set<string>();
  // Shared (cyclic or $ref-reused) schemas reach the comparator through several routes; report each once.
  const emit = (found: Change) => {
    const level = options.levels?.get(found.id);
    if (level === 'off') return;
    const change = level === undefined || level === found.level ? found : { ...found, level };
    const key = JSON.stringify([change.id, change.level, change.path, change.method, change.message]);
    if (seen.has(key)) return;
    seen.add(key);
    changes.push(change);
  };
  const compare = options.compare ?? compareSchemas;
  // Schema changes are tagged with their owner's label, so that their repeats can be folded (group.ts).
  const tagged: SchemaComparator = (b, h, ctx) =>
    compare(b, h, {
      ...ctx,
      emit: (change) => ctx.emit(change.message.startsWith(ctx.where) ? { ...change, owner: ctx.where } : change)
    });
  diffOperations(base, head, tagged, emit, { now: options.now });
  // Array.prototype.sort is stable, so ties keep emission order (which follows the spec's own order).
  return mergeRepeats(changes).sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      byKey(a.path, b.path) ||
      byKey(a.method, b.method) ||
      byKey(a.id, b.id)
  );
}

export interface ChangeSummary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarizeChanges(changes: readonly Change[]): ChangeSummary {
  const summary: ChangeSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const change of changes) {
    if (change.level === 'error') summary.errors++;
    else if (change.level === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}
