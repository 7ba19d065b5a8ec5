// A value of unknown type as text, for messages and for comparing what a user wrote.

/**
 * What String() gives for primitives, lists, dates and errors; JSON for any other object, whose String() is
 * "[object Object]" and tells nobody what was written.
 */
export function textOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
    case 'undefined':
    case 'function':
      return String(value);
  }
  if (value === null || Array.isArray(value) || value instanceof Date || value instanceof Error) return String(value);
  try {
    return JSON.stringify(value) ?? Object.prototype.toString.call(value);
  } catch {
    // A cycle, or a BigInt inside.
    return Object.prototype.toString.call(value);
  }
}
