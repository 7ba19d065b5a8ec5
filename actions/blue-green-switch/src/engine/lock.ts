// One run at a time per router: a lock file created with O_EXCL next to the state, holding its owner (pid,
// host, run id). A second run waits up to its lock timeout, then fails in one line naming the holder; 0 means
// fail at once. A lock whose owner process is gone (same host) or that is older than staleAfter is taken over,
// so a runner killed mid-switch does not block the next deploy forever.
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { formatDuration } from '../../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { processAlive } from '../routers/support/proc.js';
import { sleep } from './time.js';

export interface LockOwner {
  pid: number;
  host: string;
  runId: string;
  startedAt: string;
  token: string;
}

export interface LockOptions {
  runId: string;
  /** How long to wait for another run's lock; 0 = fail at once. */
  waitMs: number;
  /** A lock older than this is taken over whatever its owner. */
  staleAfterMs: number;
  signal?: AbortSignal;
  log?(message: string): void;
}

export interface HeldLock {
  file: string;
  owner: LockOwner;
  release(): void;
}

const POLL_MS = 100;

/** The current holder of a lock file, or undefined when there is none (or it cannot be read). */
export function readLock(file: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function staleReason(file: string, staleAfterMs: number): string | undefined {
  let age: number;
  try {
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return undefined; // gone already: not stale, just free
  }
  const owner = readLock(file);
  if (!owner) return age > 5_000 ? 'unreadable and older than 5s' : undefined;
  if (owner.host === hostname() && Number.isInteger(owner.pid) && !processAlive(owner.pid)) {
    return `its process ${owner.pid} (run ${owner.runId}) is gone`;
  }
  if (age > staleAfterMs) return `older than ${formatDuration(staleAfterMs)}`;
  return undefined;
}

export async function acquireLock(file: string, options: LockOptions): Promise<HeldLock> {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    runId: options.runId,
    startedAt: new Date().toISOString(),
    token: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`
  };
  const started = performance.now();
  for (;;) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify(owner));
      } finally {
        closeSync(fd);
      }
      return {
        file,
        owner,
        release() {
          if (readLock(file)?.token === owner.token) {
            try {
              unlinkSync(file);
            } catch {
              // already gone
            }
          }
        }
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new ConfigurationError(`cannot create lock file ${file}: ${code ?? String(error)}`);
    }
    const stale = staleReason(file, options.staleAfterMs);
    if (stale) {
      // Rename first: of two runs taking over the same stale lock, only one rename succeeds.
      const aside = `${file}.stale-${process.pid}`;
      try {
        renameSync(file, aside);
        unlinkSync(aside);
        options.log?.(`took over a stale lock ${file}: ${stale}`);
      } catch {
        // someone else took it over first
      }
      continue;
    }
    const waited = performance.now() - started;
    if (waited >= options.waitMs) {
      const holder = readLock(file);
      const who = holder
        ? `run ${holder.runId} (pid ${holder.pid} on ${holder.host}) since ${holder.startedAt}`
        : 'another run';
      throw new ConfigurationError(
        `${who} is switching this router (lock ${file}); ${options.waitMs > 0 ? `waited ${formatDuration(options.waitMs)}` : 'not waiting (lock-timeout 0)'}`
      );
    }
    await sleep(Math.min(POLL_MS, options.waitMs - waited), options.signal);
  }
}
