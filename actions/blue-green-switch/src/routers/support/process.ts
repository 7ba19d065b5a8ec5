// Running the router's programs (nginx -t, the command router's commands) with a timeout and bounded output;
// a program that cannot be started is reported, never thrown as a bare spawn error.
import { spawn } from 'node:child_process';
import { formatDuration } from '../../../../../shared/src/lib/duration.js';

const MAX_OUTPUT = 4 * 1024 * 1024;

export interface ProcessResult {
  /** null when killed (timeout) or never started. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the program could not be started (ENOENT, EACCES). */
  startError?: NodeJS.ErrnoException;
  durationMs: number;
}

export interface RunOptions {
  timeoutMs: number;
  cwd?: string;
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

export function runProgram(file: string, args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: false
    });
    const done = (result: Omit<ProcessResult, 'durationMs' | 'stdout' | 'stderr' | 'timedOut'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...result, stdout, stderr, timedOut, durationMs: performance.now() - started });
    };
    const kill = (): void => {
      try {
        child.kill('SIGKILL');
      } catch {
        // gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    const onAbort = (): void => kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk;
    });
    child.once('error', (error: NodeJS.ErrnoException) => done({ code: null, startError: error }));
    child.once('close', (code) => done({ code }));
  });
}

/** `sh -c command`: for commands the workflow author wrote in the router config. */
export function runShell(command: string, options: RunOptions): Promise<ProcessResult> {
  return runProgram('/bin/sh', ['-c', command], options);
}

/** One line on why a program failed: its first meaningful output line, or how it ended. */
export function failureLine(what: string, result: ProcessResult, timeoutMs: number): string {
  if (result.startError) return `${what} could not be started: ${result.startError.code ?? result.startError.message}`;
  if (result.timedOut) return `${what} did not finish within ${formatDuration(timeoutMs)}`;
  const text = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const found = text.find((l) => /\[emerg\]|error/i.test(l)) ?? text[0];
  // nginx writes "2026/12/02 08:00:08 [emerg] 123#123: msg" to a configured error log, "nginx: [emerg] msg" else.
  const line = found
    ?.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d (\[\w+\]) \d+#\d+: /, '$1 ')
    .replace(/^nginx: (\[\w+\])/, '$1');
  return `${what} exited with ${result.code}${line ? `: ${line}` : ''}`;
}
