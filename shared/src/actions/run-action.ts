import * as core from '@actions/core';
import { isConfigurationError } from '../lib/errors.js';

/**
 * Runs an action's main function and turns a thrown error into a failed step. A ConfigurationError is the
 * user's to fix and becomes one line; anything else is a bug, so the log gets the full stack (with causes)
 * and the failure annotation says it is unexpected. Never rejects: an unhandled rejection would print a
 * Node crash dump instead of a readable failure.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    try {
      reportFailure(error);
    } catch {
      // Reporting itself failed (stdout closed?): the exit code is the last signal left.
      process.exitCode = 1;
    }
  }
}

function reportFailure(error: unknown): void {
  if (isConfigurationError(error)) {
    core.setFailed(error.message);
    return;
  }
  // core.info rather than core.error: the stack belongs in the log, not in a second annotation beside
  // the one setFailed creates.
  core.info(describeBug(error));
  core.setFailed(`Unexpected error: ${messageOf(error)} (this is a bug in the action; the log has the details)`);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

const MAX_CAUSE_DEPTH = 5;

function describeBug(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return `Thrown value: ${String(error)}`;
  // The stack normally starts with "Name: message"; fall back to both when a library built a bare stack.
  let text = error.stack?.includes(error.message)
    ? error.stack
    : `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  if (error instanceof AggregateError) {
    error.errors.forEach((inner, index) => {
      text += `\n[${index + 1}/${error.errors.length}] ${indent(describeBug(inner, depth + 1))}`;
    });
  }
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    text += `\nCaused by: ${describeBug(error.cause, depth + 1)}`;
  }
  return text.trimEnd();
}

function indent(text: string): string {
  return text.replace(/\n/g, '\n  ');
}
