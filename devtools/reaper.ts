/**
 * Cleans up after harness runs that died without stopping their services (Ctrl-C, a killed Jest worker):
 * every temp dir the harness makes carries an `.owner` file with the pid of the process that made it; global
 * setup removes dirs whose owner is gone, after killing any process still working in them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allPids, isProcessAlive, realProcess } from './exec.js';

export const HARNESS_DIR_PREFIXES = ['ubos-pg-', 'ubos-redis-', 'ubos-nginx-', 'ubos-haproxy-', 'ubos-demo-'] as const;

/** Marks a harness temp dir as belonging to this process. */
export function writeOwner(dir: string): void {
  fs.writeFileSync(path.join(dir, '.owner'), `${realProcess().pid}\n`);
}

/** Pids of processes whose working directory or command line lies inside `dir` (Linux /proc). */
export function processesUsing(dir: string): number[] {
  const inside = (p: string): boolean => p === dir || p.startsWith(`${dir}/`);
  return allPids().filter((pid) => {
    if (pid === process.pid) return false;
    try {
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return inside(cwd) || cmdline.includes(`${dir}/`) || cmdline.split('\0').includes(dir);
    } catch {
      return false; // gone, or not ours to read
    }
  });
}

/**
 * Removes harness temp dirs in os.tmpdir() whose owner process has exited, killing what still runs in them.
 * Dirs without an owner file, or whose owner lives (a concurrent run), are left alone. Returns what it removed.
 */
export function reapStaleHarnessDirs(tmpdir = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(tmpdir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!HARNESS_DIR_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    const dir = path.join(tmpdir, name);
    let owner: number;
    try {
      owner = Number(fs.readFileSync(path.join(dir, '.owner'), 'utf8').trim());
    } catch {
      continue;
    }
    if (!Number.isInteger(owner) || owner <= 0 || isProcessAlive(owner)) continue;
    for (const pid of processesUsing(dir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
