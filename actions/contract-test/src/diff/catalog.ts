// What the operation and schema diffs share: how a check is declared, and the JSON shape test they both need.
import type { ChangeLevel, CheckInfo, JsonObject, JsonValue, SourceLocation } from '../spec/types.js';

export const defineCheck = (id: string, level: ChangeLevel, description: string): CheckInfo => ({
  id,
  level,
  description
});

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
