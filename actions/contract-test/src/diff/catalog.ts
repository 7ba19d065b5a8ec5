// How a diff check is declared, and what every diff family shares. Each family declares its checks next to the
// code that emits them, as a `const` list, so the union of its ids is a type and emitting an undeclared id (a
// typo) fails the type-check; registry.ts puts the families together in the order `contract-test checks` lists.
import type { ChangeLevel, CheckInfo, JsonObject, JsonValue, SourceLocation } from '../spec/types.js';

/** One check of a family's `as const` list; `const Id` keeps the literal id in the type. */
export const defineCheck = <const Id extends string>(
  id: Id,
  level: ChangeLevel,
  description: string
): CheckInfo<Id> => ({ id, level, description });

/** The ids of a list of checks, as a union type. */
export type IdsOf<List extends readonly CheckInfo[]> = List[number]['id'];

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The message suffix of a removal: where the removed thing was in the base spec. Changes are located in the
 * head spec only, so this is the one place a base line number appears.
 */
export function wasAt(location: SourceLocation | undefined): string {
  return location ? ` (was at ${location.file}:${location.line} in the base spec)` : '';
}
