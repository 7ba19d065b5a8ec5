// The demo's moving parts that are not harness services: the sample service's colours (real `node server.mjs`
// processes, as the deploy command would start them), the CLI runs, and the users whose traffic the canary
// judge reads. Every process is tracked so that a Ctrl-C or a failure still stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { detachFromEventLoop, onProcessExit, stopChild } from '../exec.js';
import { waitForPort } from '../ports.js';

export interface ServiceProcess {
  color: string;
  version: string;
  port: number;
  url: string;
  stop(): Promise<void>;
}

export async function startService(options: {
  repoDir: string;
  port: number;
  color: string;
  version: string;
  env?: Record<string, string>;
}): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [path.join(options.repoDir, 'examples/service/server.mjs')], {
    cwd: options.repoDir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      PORT: String(options.port),
      APP_COLOR: options.color,
      APP_VERSION: options.version,
      STARTUP_DELAY_MS: '300',
      ...options.env
    },
    stdio: 'ignore'
  });
  const cancelHook = onProcessExit(() => child.kill('SIGKILL'));
  detachFromEventLoop(child);
  await waitForPort(options.port, 10_000);
  return {
    color: options.color,
    version: options.version,
    port: options.port,
    url: `http://127.0.0.1:${options.port}`,
    async stop() {
      await stopChild(child, 'SIGTERM', 3000);
      cancelHook();
    }
  };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

const running = new Set<ChildProcess>();

/** Runs a command to completion (async: the GitHub API emulator answers from this process meanwhile). */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number }
): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
}

/** Kills whatever command is still running (Ctrl-C). */
export function killRunning(): void {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * Users of the production router: `concurrency` keep-alive loops of GET requests until stopped, bounded in time
 * and count so they end by themselves whatever happens.
 */
export function startUsers(url: string, concurrency = 2, maxMs = 90_000, maxRequests = 100_000, pauseMs = 4) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const deadline = Date.now() + maxMs;
  let running = true;
  let sent = 0;
  let failed = 0;
  const once = () =>
    new Promise<void>((resolve) => {
      const req = http.get(url, { agent, timeout: 5000 }, (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 0) >= 500) failed++;
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        failed++;
        resolve();
      });
    });
  const loops = Array.from({ length: concurrency }, async () => {
    while (running && Date.now() < deadline && sent < maxRequests) {
      sent++;
      await once();
      // Users think between requests; a tight loop would only load the machine.
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return { sent, failed };
    }
  };
}
