// What the operation and schema diffs share: how a check is declared, and the JSON shape test they both need.
import type { ChangeLevel, CheckInfo, JsonObject, JsonValue } from '../spec/types.js';

export const defineCheck = (id: string, level: ChangeLevel, description: string): CheckInfo => ({
  id,
  level,
  description
});

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
