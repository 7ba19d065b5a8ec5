// The loaded form of an OpenAPI description that lint, diff and (later) live testing share: the resolved
// document plus a way back from any node to the file, line and column it came from.

export type OpenApiVersion = '2.0' | '3.0' | '3.1';

export interface SourceLocation {
  /** Path relative to the root the spec was loaded from (what annotations need). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** A JSON value as parsed from YAML/JSON; objects may be shared and cyclic after $ref resolution. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface LoadedSpec {
  version: OpenApiVersion;
  /** The entry file, relative to the root. */
  file: string;
  /**
   * The document with every $ref replaced by the object it points to (the same object instance wherever it is
   * referenced, so cycles become cyclic object graphs: walkers must track visited nodes). A $ref with sibling
   * keys (OAS 3.1) becomes an object merging the target and the siblings.
   */
  document: JsonObject;
  /** Every file read, relative to the root, entry first. */
  files: string[];
  /**
   * Where a node (or one of its keys) was written. For a node reached through a $ref this is the target's
   * location in the file that defines it.
   */
  locate(node: JsonValue, key?: string): SourceLocation | undefined;
  /** The name a resolved node had under components/schemas (or definitions), for messages; renames differ. */
  componentName(node: JsonValue): string | undefined;
}

export interface LoadOptions {
  /** Directory external $refs must stay inside (unless allowExternalFiles) and relative paths start from. */
  root: string;
  /** Follow file $refs outside the root too (default false: refused with a clear error). */
  allowExternalFiles?: boolean;
  /**
   * Fetch $refs to http(s) URLs (default false: refused with a clear error). Only loadSpecAsync fetches. A URL
   * document may reference other URLs, never local files; its source-map "file" is its (redacted) URL.
   */
  allowRemoteRefs?: boolean;
  /** Per-request timeout for URL documents (default 10 s). */
  remoteTimeoutMs?: number;
  /**
   * Reject files larger than this many bytes (default 50 MiB). URL documents together share one such budget,
   * enforced while they stream in.
   */
  maxFileBytes?: number;
  /**
   * Refuse a spec whose files together are larger than this (default DEFAULT_MAX_SPEC_BYTES, 13 MiB), YAML
   * counting YAML_SIZE_WEIGHT times its size; checked before each file is parsed, so memory stays bounded.
   */
  maxSpecBytes?: number;
  /**
   * Read a file inside the root: injected so a spec can be loaded from `git show` output. Path is absolute.
   * Files outside the root (allowExternalFiles) are not versioned with the spec and are read from disk.
   */
  readFile?: (path: string) => string;
}

export type ChangeLevel = 'error' | 'warning' | 'info';

/** One difference between the base and head spec, as the diff engine reports it. */
export interface Change {
  /** Stable check id, kebab-case, e.g. `request-parameter-became-required`. */
  id: string;
  level: ChangeLevel;
  /** The API path (`/items/{id}`), when the change is about an operation or below. */
  path?: string;
  /** Lower-case HTTP method. */
  method?: string;
  /** One line that names what changed: the path, method, parameter or property, and from/to values. */
  message: string;
  /**
   * Always in the head spec (`file` names which of its files): what changed, or for something removed the head's
   * nearest object that still exists (the path item of a removed operation, the `properties` of a removed
   * property). Absent only when the head has no position for it.
   */
  location?: SourceLocation;
  /** For a removal: where the removed thing was in the base spec (also named in the message). */
  baseLocation?: SourceLocation;
  /**
   * A change inside a schema: the label of the schema's owner its message starts with (`response 200
   * (application/json)`, `query parameter "limit"`), so that repeats of one schema change can be folded
   * (diff/group.ts). Not part of the JSON report.
   */
  owner?: string;
}

/**
 * The description of one diff check, for the catalogue (`contract-test checks`) and docs. `Id` is the literal id
 * where the check is declared (each diff family, through diff/catalog.ts), so the emitters accept only declared ids.
 */
export interface CheckInfo<Id extends string = string> {
  readonly id: Id;
  /** The level of the changes this check reports. */
  readonly level: ChangeLevel;
  readonly description: string;
}
