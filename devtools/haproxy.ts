/**
 * A private HAProxy: its own directory (config, admin socket, pid file, server-state file), started in
 * master-worker mode in the foreground (`-W -db`) as a process we own, so a test can talk to its runtime API
 * over `stats socket <dir>/admin.sock level admin`, reload it (SIGUSR2 to the master) and stop it.
 * The frontend logs every request to a ring (`ring bgs`) in the format blue-green-switch's judge reads.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findBinary } from './binaries.js';
import {
  childPids,
  detachFromEventLoop,
  isProcessAlive,
  onProcessExit,
  runProcess,
  stopChild,
  waitForExit
} from './exec.js';
import { freePort, sleep, waitForPort } from './ports.js';
import { writeOwner } from './reaper.js';

export interface HaproxyServerSpec {
  name: string;
  /** host:port or a port on 127.0.0.1. */
  address: string | number;
  weight?: number;
  /** Extra server keywords, e.g. `check inter 200ms`. */
  options?: string;
}

export interface HaproxyConfigContext {
  port: number;
  dir: string;
  socket: string;
}

export interface StartHaproxyOptions {
  /** Backend `app` servers behind a frontend on a free port, or a full config of the context. */
  servers?: HaproxyServerSpec[];
  backend?: string;
  config?: (context: HaproxyConfigContext) => string;
  /** Extra lines in the backend (e.g. `option httpchk GET /health`). */
  backendExtra?: string;
  startTimeoutMs?: number;
}

export interface HaproxyServer {
  port: number;
  url: string;
  dir: string;
  /** The admin socket (level admin). */
  socket: string;
  /** The master's pid. */
  pid: number;
  configFile: string;
  /** Pids of the workers (children of the master). */
  workerPids(): number[];
  /** Sends one runtime API command and resolves with the answer. */
  command(line: string): Promise<string>;
  /** Rewrites the config and reloads (SIGUSR2 to the master); resolves when a new worker serves. */
  reload(config?: string): Promise<void>;
  /** SIGKILLs master and workers without cleaning up (leaves a stale admin socket: "router not running"). */
  crash(): Promise<void>;
  /** SIGUSR1 (soft stop), then SIGTERM, SIGKILL; removes the directory. Safe twice. */
  stop(): Promise<void>;
}

export const HAPROXY_LOG_FORMAT = 'ubos-bgs %Ts.%ms %b %s %ST %Ta';

function address(spec: HaproxyServerSpec): string {
  return typeof spec.address === 'number' ? `127.0.0.1:${spec.address}` : spec.address;
}

/** The config the harness writes: admin socket, ring log in the judge's format, one frontend and backend. */
export function renderHaproxyConfig(context: HaproxyConfigContext, options: StartHaproxyOptions): string {
  const backend = options.backend ?? 'app';
  const servers = (options.servers ?? [])
    .map((s) => `    server ${s.name} ${address(s)} weight ${s.weight ?? 100}${s.options ? ` ${s.options}` : ''}`)
    .join('\n');
  return `# written by devtools/haproxy.ts
global
    stats socket ${context.socket} mode 600 level admin
    stats timeout 30s
    pidfile ${path.join(context.dir, 'haproxy.pid')}
    server-state-file ${path.join(context.dir, 'server-state')}

ring bgs
    format rfc5424
    maxlen 512
    size 4194304

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout http-keep-alive 10s
    load-server-state-from-file global

frontend fe
    bind 127.0.0.1:${context.port}
    log ring@bgs local0
    log-format "${HAPROXY_LOG_FORMAT}"
    default_backend ${backend}

backend ${backend}
    balance roundrobin
${options.backendExtra ?? ''}
${servers}
`;
}

/** One runtime API command over a unix socket; the answer is whatever HAProxy writes before closing. */
export function haproxyCommand(socket: string, line: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = net.connect(socket);
    let answer = '';
    const timer = setTimeout(() => {
      connection.destroy();
      reject(new Error(`HAProxy did not answer "${line}" within ${timeoutMs} ms`));
    }, timeoutMs);
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => (answer += chunk));
    connection.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    connection.on('end', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    connection.write(`${line}\n`);
  });
}

/** Starts HAProxy in a fresh `ubos-haproxy-*` directory and waits until the frontend listens. */
export async function startHaproxy(options: StartHaproxyOptions): Promise<HaproxyServer> {
  const binary = findBinary('haproxy', {
    extraDirs: ['/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin'],
    aptPackage: 'haproxy'
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-haproxy-'));
  const removeDir = (): void => fs.rmSync(dir, { recursive: true, force: true });
  try {
    writeOwner(dir);
    const port = await freePort();
    const context: HaproxyConfigContext = { port, dir, socket: path.join(dir, 'admin.sock') };
    const configFile = path.join(dir, 'haproxy.cfg');
    const render = (): string => (options.config ? options.config(context) : renderHaproxyConfig(context, options));
    const check = async (): Promise<void> => {
      const result = await runProcess(binary, ['-c', '-q', '-f', configFile], { timeoutMs: 30_000 });
      if (result.code !== 0)
        throw new Error(`haproxy -c rejected the config: ${(result.stderr + result.stdout).trim()}`);
    };
    fs.writeFileSync(configFile, render());
    await check();

    const child = spawn(binary, ['-W', '-db', '-f', configFile], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    let spawnError: Error | undefined;
    child.once('error', (error) => (spawnError = error));
    const exited = waitForExit(child);
    try {
      await Promise.race([
        (async () => {
          await waitForPort(port, options.startTimeoutMs ?? 15_000);
          const deadline = Date.now() + 10_000;
          while (!fs.existsSync(context.socket) && Date.now() < deadline) await sleep(20);
          await haproxyCommand(context.socket, 'show info');
        })(),
        exited.then(() => {
          throw new Error(`haproxy exited during start (${child.exitCode ?? child.signalCode})`);
        })
      ]);
    } catch (error) {
      await stopChild(child, 'SIGKILL', 5000);
      removeDir();
      throw new Error(`${(spawnError ?? (error as Error)).message}\n${output}`.trim(), { cause: error });
    }
    const pid = child.pid!;
    const workerPids = (): number[] => childPids(pid);
    detachFromEventLoop(child);
    const cancelExitHook = onProcessExit(() => {
      for (const target of [pid, ...childPids(pid)]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      removeDir();
    });
    const killAll = (): void => {
      for (const target of [...childPids(pid), pid]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // gone
        }
      }
    };

    let stopPromise: Promise<void> | undefined;
    return {
      port,
      url: `http://127.0.0.1:${port}`,
      dir,
      socket: context.socket,
      pid,
      configFile,
      workerPids,
      command: (line) => haproxyCommand(context.socket, line),
      async reload(config?: string) {
        const previous = fs.readFileSync(configFile, 'utf8');
        if (config !== undefined) fs.writeFileSync(configFile, config);
        try {
          await check();
        } catch (error) {
          fs.writeFileSync(configFile, previous);
          throw error;
        }
        const before = new Set(workerPids());
        process.kill(pid, 'SIGUSR2');
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline) {
          if (workerPids().some((p) => !before.has(p))) {
            await haproxyCommand(context.socket, 'show info');
            return;
          }
          await sleep(20);
        }
        throw new Error(`haproxy did not start a new worker within 15 s:\n${output}`);
      },
      async crash() {
        killAll();
        await exited;
        const deadline = Date.now() + 5000;
        while (workerPids().some(isProcessAlive) && Date.now() < deadline) await sleep(20);
      },
      stop() {
        stopPromise ??= (async () => {
          const workers = workerPids();
          child.kill('SIGUSR1');
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 3000)))]);
          clearTimeout(timer);
          await stopChild(child, 'SIGTERM', 5000);
          for (const worker of workers) {
            if (isProcessAlive(worker)) {
              try {
                process.kill(worker, 'SIGKILL');
              } catch {
                // gone
              }
            }
          }
          removeDir();
          cancelExitHook();
        })();
        return stopPromise;
      }
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}
