// How each migration tool runs a file: which files it deploys and in what order, which part of a file is the
// "up" migration, and whether it wraps it in a transaction. Each tool is one module in frameworks/ behind the
// MigrationFramework interface (frameworks/types.ts); this module is the entry the rest of the engine uses.
// Sources: each tool's documentation and code (see docs/frameworks.md and each module's `source`).
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { FRAMEWORK_MODULES, FRAMEWORKS, type Framework } from './frameworks/index.js';
import { compareMigrationPaths } from './frameworks/support.js';
import type { FileHints, FrameworkPlan, MigrationFramework, PreparedFile, ProjectReader } from './frameworks/types.js';

export { FRAMEWORKS, compareMigrationPaths };
export type { FileHints, Framework, FrameworkPlan, MigrationFramework, PreparedFile, ProjectReader };

export function parseFramework(value: string | undefined): Framework {
  const framework = (value === undefined || value === '' ? 'plain' : value) as Framework;
  if (!FRAMEWORKS.includes(framework)) {
    throw new ConfigurationError(`framework must be one of ${FRAMEWORKS.join(', ')}; got "${value}"`);
  }
  return framework;
}

export function frameworkModule(framework: Framework): MigrationFramework {
  return FRAMEWORK_MODULES[framework];
}

/** The file is a down (rollback) migration that must not be linted as if it were deployed. */
export function isDownMigration(path: string, framework: Framework): boolean {
  return FRAMEWORK_MODULES[framework].isDown(path);
}

export function prepareFile(
  text: string,
  framework: Framework,
  assumeInTransaction?: boolean,
  context: { path?: string; hints?: FileHints } = {}
): PreparedFile {
  const prepared = FRAMEWORK_MODULES[framework].prepare(text, {
    path: context.path ?? 'migration',
    hints: context.hints
  });
  if (assumeInTransaction !== undefined) {
    prepared.loneStatementOutsideTransaction = false;
    prepared.implicitTransaction = assumeInTransaction;
    prepared.transactionReason = `assume-in-transaction: ${assumeInTransaction}`;
    if (prepared.units)
      prepared.units = prepared.units.map((unit) => ({
        ...unit,
        implicitTransaction: assumeInTransaction,
        reason: prepared.transactionReason
      }));
  }
  return prepared;
}

/**
 * The order the tool applies the files in, by their names alone (Flyway: versions across locations, then
 * repeatables; the others by path with numbers compared as numbers). Tools that keep the order in a project file
 * (a journal, a plan, a sum file) need planMigrations.
 */
export function orderMigrations(paths: readonly string[], framework: Framework): string[] {
  return FRAMEWORK_MODULES[framework].plan(paths, NO_PROJECT).files;
}

/** A reader for when no project file may be read: every one is absent. */
const NO_PROJECT: ProjectReader = { read: () => undefined, exists: () => false };

/** The files the tool deploys, in its order, with what its project files say about each (down files dropped). */
export function planMigrations(paths: readonly string[], framework: Framework, project: ProjectReader): FrameworkPlan {
  const module = FRAMEWORK_MODULES[framework];
  return module.plan(
    paths.filter((path) => !module.isDown(path)),
    project
  );
}

/** Under `framework: plain`, the tool these files look like they belong to, and why (for a notice). */
export function detectFramework(
  paths: readonly string[],
  project: ProjectReader
): { framework: Framework; reason: string } | undefined {
  for (const framework of FRAMEWORKS) {
    const reason = FRAMEWORK_MODULES[framework].detect?.(paths, project);
    if (reason !== undefined) return { framework, reason };
  }
  return undefined;
}

/** Where the tool keeps its migrations when no paths are named (undefined: the common default folders). */
export function defaultPathsOf(framework: Framework): readonly string[] | undefined {
  return FRAMEWORK_MODULES[framework].defaultPaths;
}
