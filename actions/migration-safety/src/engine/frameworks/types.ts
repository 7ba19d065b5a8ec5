// The one interface every migration tool implements (one module per tool, registered in index.ts): which files
// it deploys and in what order, which part of a file is the up migration, and whether the tool wraps it in a
// transaction. Modules are pure: what a tool reads beside the migrations (a journal, a plan, a sum file,
// per-migration metadata) comes through the ProjectReader port, which files.ts implements with the file system.

export interface TransactionUnit {
  /** Index (UTF-16, in the file's text) where the unit starts; statements from here on belong to it. */
  start: number;
  /** The tool runs this unit inside one transaction it opens itself. */
  implicitTransaction: boolean;
  /** Why, for the report. */
  reason: string;
}

export interface PreparedFile {
  /** The text to parse: sections that are not the up migration blanked out, lines and columns unchanged. */
  text: string;
  /** The tool runs the file inside one transaction it opens itself. */
  implicitTransaction: boolean;
  /** Why, for the report (e.g. "goose: -- +goose NO TRANSACTION"). */
  transactionReason: string;
  /**
   * The tool sends the whole file as one simple query: PostgreSQL wraps several statements in one implicit
   * transaction, but runs a lone statement outside any (so a lone CREATE INDEX CONCURRENTLY works).
   */
  loneStatementOutsideTransaction?: boolean;
  /**
   * The tool runs the file in several units, each committed before the next starts (Liquibase changesets).
   * The first unit's mode is `implicitTransaction`; at each later unit's start the open transaction ends.
   */
  units?: TransactionUnit[];
}

/** What the planning step learnt about one file from the tool's project files (diesel's metadata.toml). */
export interface FileHints {
  transaction?: { implicit: boolean; reason: string };
}

export interface FrameworkContext {
  /** The file's display path, for messages. */
  path: string;
  hints?: FileHints;
}

/** Read access to the files a tool keeps beside the migrations. Paths are display paths (relative to cwd). */
export interface ProjectReader {
  /** The file's text, or undefined when there is no such file. Refusals (a link out) throw one line. */
  read(path: string): string | undefined;
  exists(path: string): boolean;
}

export interface FrameworkPlan {
  /** The files the tool deploys, in its order. */
  files: string[];
  /** Per-file facts for prepare(). */
  hints: Map<string, FileHints>;
  /** One line each, for the log and the report (a file the tool will not run, ...). */
  notices: string[];
}

export interface MigrationFramework {
  /** The value of the `framework` input and flag. */
  readonly name: string;
  /** Where its file order and transaction behaviour were checked (docs/frameworks.md repeats it). */
  readonly source: string;
  /** Folders searched when no paths are named (the default folders of every tool when absent). */
  readonly defaultPaths?: readonly string[];
  /** A rollback (or verify) file that a deploy never runs. */
  isDown(path: string): boolean;
  /**
   * The files the tool deploys, in its order, from the up files found (down files already removed). May read
   * the tool's project files; a project file the tool would refuse throws a ConfigurationError (one line).
   */
  plan(paths: readonly string[], project: ProjectReader): FrameworkPlan;
  /** Why these files look like this tool's (for a notice under `framework: plain`), or undefined. */
  detect?(paths: readonly string[], project: ProjectReader): string | undefined;
  /** The file as the tool runs it. Throws a ConfigurationError (one line) for a file the tool would refuse. */
  prepare(text: string, context: FrameworkContext): PreparedFile;
}
