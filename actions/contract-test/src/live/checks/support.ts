// Matching a response to what the operation documents: its status key and its media type.
import type { Operation, ResponseModel } from '../model.js';

/** The documented response a status falls under: the exact code, then a range such as 2XX, then default. */
export function matchResponse(op: Operation, status: number): ResponseModel | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  return (
    op.responses.find((r) => r.key === code) ??
    op.responses.find((r) => r.key.toUpperCase() === range) ??
    op.responses.find((r) => r.key === 'default')
  );
}

export function isDocumented(keys: readonly string[], status: number): boolean {
  const code = String(status);
  return keys.some((key) => key === code || key.toUpperCase() === `${code[0]}XX` || key === 'default');
}

/** `application/json; charset=utf-8` -> `application/json`; undefined for something that is not type/subtype. */
export function mediaBase(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const base = contentType.split(';')[0].trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+*-]+$/.test(base) ? base : undefined;
}

/** The documented media type an actual one satisfies: the same type, then `type/*`, then `*\/*`. */
export function matchMedia(documented: readonly string[], actual: string): string | undefined {
  const [type] = actual.split('/');
  const bases = documented.map((d) => [d, mediaBase(d) ?? d.toLowerCase()] as const);
  return (
    bases.find(([, base]) => base === actual)?.[0] ??
    bases.find(([, base]) => base === `${type}/*`)?.[0] ??
    bases.find(([, base]) => base === '*/*')?.[0]
  );
}
