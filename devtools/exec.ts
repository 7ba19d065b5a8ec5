/** Small child-process helpers shared by the harness modules. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import vm from 'node:vm';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
  /** Kill the process (SIGKILL) and reject after this long. */
  timeoutMs?: number;
  input?: string;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and collects its output; never rejects on a non-zero exit (see runChecked). */
export function runProcess(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      uid: options.uid,
      gid: options.gid,
      stdio: ['pipe', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms\n${stderr}`));
        return;
      }
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** runProcess, rejecting with the command's stderr when it exits non-zero. */
export async function runChecked(
  command: string,
  args: readonly string[],
  options: RunOptions = {}
): Promise<RunResult> {
  const result = await runProcess(command, args, options);
  if (result.code !== 0) {
    const output = `${result.stderr}${result.stdout}`.trim();
    throw new Error(`${command} ${args.join(' ')} exited with ${result.code ?? result.signal}: ${output}`);
  }
  return result;
}

/** Resolves when the child has exited (immediately when it already has). */
export function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Sends `signal`, waits up to graceMs for the exit, then SIGKILLs and waits again. Resolves once the child
 * has exited.
 */
export async function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 5000
): Promise<void> {
  if (child.pid === undefined) return; // never started (spawn error)
  const exited = waitForExit(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)))
  ]);
  clearTimeout(timer);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** True while a process with this pid exists (a zombie counts as gone). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

/** Every pid in /proc; empty where /proc cannot be read. */
export function allPids(): number[] {
  try {
    return fs
      .readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number);
  } catch {
    return [];
  }
}

/** Pids of the direct children of `pid` (Linux /proc). */
export function childPids(pid: number): number[] {
  return allPids().filter((candidate) => {
    try {
      const stat = fs.readFileSync(`/proc/${candidate}/stat`, 'utf8');
      // Fields after the ")" of the command name: state ppid ...
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(rest[1]) === pid;
    } catch {
      return false; // the process exited while we looked
    }
  });
}

/** The command line of a process as one string (argv joined by spaces), or undefined when it is gone. */
export function processCommandLine(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/** uid/gid to run a service as: the `postgres`-style user when we are root, otherwise ourselves (undefined). */
export function serviceUser(userName: string): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  let passwd: string;
  try {
    passwd = fs.readFileSync('/etc/passwd', 'utf8');
  } catch {
    throw new Error(`running as root and cannot read /etc/passwd to find the ${userName} user`);
  }
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === userName && uid !== undefined && gid !== undefined) {
      return { uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error(
    `running as root but there is no "${userName}" OS user to run the server as ` +
      `(apt-get install postgresql creates it, or: useradd --system ${userName})`
  );
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Runs `cleanup` synchronously if this process exits while the returned `cancel` has not been called: the
 * safety net that ends servers a test file forgot to stop (or could not stop because the worker was exiting).
 */
export function onProcessExit(cleanup: () => void): () => void {
  const target = realProcess();
  const listener = (): void => {
    try {
      cleanup();
    } catch {
      // exiting anyway
    }
  };
  target.once('exit', listener);
  return () => target.removeListener('exit', listener);
}

/**
 * The real `process` object. Inside a Jest test, `process` (and `import process from 'node:process'`) is a copy
 * with its own event listeners that the real process never emits, so `process.on('exit')` there never fires.
 * vm.runInThisContext evaluates in the worker's main context, where `process` is the real one; outside Jest
 * it is simply the same object.
 */
export function realProcess(): NodeJS.Process {
  return vm.runInThisContext('process') as NodeJS.Process;
}

/**
 * Lets this process exit while the child runs (its pipes no longer hold the event loop), so a forgotten server
 * cannot hang Jest; pair it with onProcessExit() so the child is ended then.
 */
export function detachFromEventLoop(child: ChildProcess): void {
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as { unref?: () => void } | null)?.unref?.();
  }
}
