// What a check type is: its own config keys, how it reads them into its typed check, and its probe. Each type
// is one module in checks/ that exports one CheckKind; checks/index.ts is the registry, and neither the parser
// (config.ts) nor the scheduler (gate.ts) knows one type from another.
import type { KeySpec } from '../config-keys.js';
import type { KeyReader } from '../config-reader.js';
import type { BaseCheck, Check, Probe } from '../types.js';

/** The fields every check has, read before its type's own keys. */
export type BaseFields = Omit<BaseCheck, 'type'>;

/** What a check type's parse gets: its keys (after ${NAME} expansion) and the secrets they hold. */
export interface ParseContext {
  /** Reads the check's keys; every error names the check and the key. */
  read: KeyReader;
  /** How errors name the check: `<source>: check "name" (checks[i])`. */
  where: string;
  /** name, role and timing, already read. */
  base: BaseFields;
  /** A required URL key (default `url`); the credentials it holds become secrets. */
  url: (key?: string) => string;
  /** The names of the secret headers among these (see `secret-headers`); their values become secrets. */
  secretHeaders: (headers: Record<string, string>) => string[];
  /** Values the adapter must mask and the report must never show. */
  secret: (...values: string[]) => void;
}

export interface CheckKind<C extends Check> {
  type: C['type'];
  /** The keys of this type beside the common ones (config-keys.ts): the parser refuses any other. */
  keys: Record<string, KeySpec>;
  parse(context: ParseContext): C;
  /** What the check is aimed at, for a log line (a URL or connection string is redacted by the caller). */
  target(check: C): string;
  probe: Probe<C>;
}

/** Declares a check type; the type parameter ties its parse and probe to its check interface (types.ts). */
export function defineCheckKind<C extends Check>(kind: CheckKind<C>): CheckKind<C> {
  return kind;
}
