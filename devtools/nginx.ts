/**
 * A private nginx: its own prefix dir (config, pid file, logs, temp paths), started as a foreground master
 * process we own (`daemon off; master_process on;`), reloaded with SIGHUP, stopped with SIGQUIT/SIGTERM.
 *
 * As root, nginx's workers would run as `nobody` and could not enter the 0700 temp prefix, so the config says
 * `user root;` only when we are root (as any other user nginx ignores the directive with a warning).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBinary, findNginxModule } from './binaries.js';
import {
  childPids,
  detachFromEventLoop,
  isProcessAlive,
  isRoot,
  onProcessExit,
  processCommandLine,
  runProcess,
  stopChild,
  waitForExit
} from './exec.js';
import { freePort, sleep, waitForPort } from './ports.js';
import { writeOwner } from './reaper.js';

export interface NginxConfigContext {
  /** The main port nginx should listen on (127.0.0.1). */
  port: number;
  /** All ports reserved for this nginx: [port, ...extra]. */
  ports: number[];
  prefix: string;
}

/**
 * The content of the `http { }` block: server blocks, upstreams, maps. The harness writes everything else
 * (pid file, logs, temp paths, events) around it. A string, a function of the ports, or a list of upstream
 * ports to reverse-proxy to.
 */
export type NginxConfig =
  string | ((context: NginxConfigContext) => string) | { upstreams: readonly (number | string)[] };

export interface StartNginxOptions {
  config: NginxConfig;
  /** Reserve this many extra free ports (ctx.ports[1..]). Default 0. */
  extraPorts?: number;
  workerProcesses?: number;
  startTimeoutMs?: number;
  /**
   * Dynamic modules to load (`load_module`), by name: `['ngx_http_js_module']` for njs. A module that is not
   * installed fails the start with the apt-get line that brings it.
   */
  modules?: readonly string[];
}

export interface NginxServer {
  port: number;
  ports: number[];
  prefix: string;
  url: string;
  /** The master's pid. */
  pid: number;
  /** Pids of the current worker processes (not those shutting down). */
  workerPids(): number[];
  /** The full nginx.conf currently on disk. */
  configText(): string;
  /** The error log so far. */
  errorLog(): string;
  /**
   * Validates the new config (nginx -t; throws with nginx's message and keeps the old one when invalid), writes
   * it, sends SIGHUP and resolves once every serving worker was started with the new config.
   */
  reload(config: NginxConfig): Promise<void>;
  /** SIGQUIT (graceful), then SIGTERM, then SIGKILL; waits for the exit and removes the prefix. Safe twice. */
  stop(): Promise<void>;
}

/** Renders an upstream + server block that proxies every request on `port` to the given upstreams (round robin). */
export function reverseProxyConfig(options: {
  port: number;
  upstreams: readonly (number | string)[];
  upstreamName?: string;
  /** Extra directives inside `location / { }`. */
  locationExtra?: string;
}): string {
  const name = options.upstreamName ?? 'backend';
  if (options.upstreams.length === 0) throw new Error('reverseProxyConfig: at least one upstream is needed');
  const servers = options.upstreams
    .map((upstream) => `    server ${typeof upstream === 'number' ? `127.0.0.1:${upstream}` : upstream} max_fails=0;`)
    .join('\n');
  return `upstream ${name} {
${servers}
}
server {
    listen 127.0.0.1:${options.port};
    server_name _;
    location / {
        proxy_pass http://${name};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_connect_timeout 5s;
        proxy_read_timeout 30s;
${options.locationExtra ?? ''}
    }
}
`;
}

function renderHttpBlock(config: NginxConfig, context: NginxConfigContext): string {
  if (typeof config === 'string') return config;
  if (typeof config === 'function') return config(context);
  return reverseProxyConfig({ port: context.port, upstreams: config.upstreams });
}

/** The complete nginx.conf: everything under the prefix, foreground master, our `http { }` content inside. */
export function renderNginxConf(
  httpBlock: string,
  prefix: string,
  workerProcesses = 1,
  modules: readonly string[] = []
): string {
  const p = (name: string): string => path.join(prefix, name);
  const loads = modules.map((file) => `load_module ${file};\n`).join('');
  return `# written by devtools/nginx.ts
${loads}${isRoot() ? 'user root;\n' : ''}daemon off;
master_process on;
worker_processes ${workerProcesses};
pid ${p('nginx.pid')};
error_log ${p('logs/error.log')} notice;

events {
    worker_connections 256;
}

http {
    access_log ${p('logs/access.log')};
    client_body_temp_path ${p('temp/client_body')};
    proxy_temp_path ${p('temp/proxy')};
    fastcgi_temp_path ${p('temp/fastcgi')};
    uwsgi_temp_path ${p('temp/uwsgi')};
    scgi_temp_path ${p('temp/scgi')};
    default_type application/octet-stream;
    sendfile off;
    keepalive_timeout 5s;

${httpBlock}
}
`;
}

/** Starts nginx in a fresh `ubos-nginx-*` prefix and waits until it listens on ctx.port. */
export async function startNginx(options: StartNginxOptions): Promise<NginxServer> {
  const binary = findBinary('nginx');
  const modules = (options.modules ?? []).map((name) => findNginxModule(name));
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-nginx-'));
  const removePrefix = (): void => fs.rmSync(prefix, { recursive: true, force: true });
  try {
    writeOwner(prefix);
    for (const dir of ['logs', 'temp', 'conf']) fs.mkdirSync(path.join(prefix, dir));
    const ports = [await freePort()];
    for (let i = 0; i < (options.extraPorts ?? 0); i++) {
      let port = await freePort();
      while (ports.includes(port)) port = await freePort();
      ports.push(port);
    }
    const context: NginxConfigContext = { port: ports[0]!, ports, prefix };
    const workerProcesses = options.workerProcesses ?? 1;
    const confFile = path.join(prefix, 'conf', 'nginx.conf');
    const errorLogFile = path.join(prefix, 'logs', 'error.log');
    const baseArgs = ['-p', `${prefix}/`, '-c', confFile, '-e', errorLogFile];
    const readErrorLog = (): string => (fs.existsSync(errorLogFile) ? fs.readFileSync(errorLogFile, 'utf8') : '');

    const test = async (): Promise<void> => {
      const result = await runProcess(binary, ['-t', '-q', ...baseArgs], { timeoutMs: 30_000 });
      if (result.code !== 0) throw new Error(`nginx -t rejected the config: ${(result.stderr + result.stdout).trim()}`);
    };
    fs.writeFileSync(
      confFile,
      renderNginxConf(renderHttpBlock(options.config, context), prefix, workerProcesses, modules)
    );
    await test();

    const child = spawn(binary, baseArgs, { cwd: prefix, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    let spawnError: Error | undefined;
    child.once('error', (error) => (spawnError = error));
    const exited = waitForExit(child);

    try {
      await Promise.race([
        waitForPort(context.port, options.startTimeoutMs ?? 15_000),
        exited.then(() => {
          throw new Error(`nginx exited during start (${child.exitCode ?? child.signalCode})`);
        })
      ]);
    } catch (error) {
      await stopChild(child, 'SIGKILL', 5000);
      const log = readErrorLog();
      removePrefix();
      throw new Error(`${(spawnError ?? (error as Error)).message}\n${output}${log}`.trim(), { cause: error });
    }
    const pid = child.pid!;

    const workerPids = (): number[] =>
      childPids(pid).filter((worker) => (processCommandLine(worker) ?? '').trim() === 'nginx: worker process');

    // Workers start a moment after the port opens.
    const deadline = Date.now() + 10_000;
    while (workerPids().length < workerProcesses && Date.now() < deadline) await sleep(20);

    // A test file that forgets stop() must neither hang Jest nor leave nginx behind: when this process exits,
    // the master and its workers are killed and the prefix removed (synchronously: 'exit' allows nothing else).
    detachFromEventLoop(child);
    const cancelExitHook = onProcessExit(() => {
      for (const target of [pid, ...childPids(pid)]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      removePrefix();
    });

    let stopPromise: Promise<void> | undefined;
    return {
      port: context.port,
      ports,
      prefix,
      url: `http://127.0.0.1:${context.port}`,
      pid,
      workerPids,
      configText: () => fs.readFileSync(confFile, 'utf8'),
      errorLog: readErrorLog,
      async reload(config: NginxConfig) {
        if (stopPromise) throw new Error('nginx: reload after stop');
        const previous = fs.readFileSync(confFile, 'utf8');
        fs.writeFileSync(confFile, renderNginxConf(renderHttpBlock(config, context), prefix, workerProcesses, modules));
        try {
          await test();
        } catch (error) {
          fs.writeFileSync(confFile, previous);
          throw error;
        }
        const before = new Set(workerPids());
        const logOffset = readErrorLog().length;
        process.kill(pid, 'SIGHUP');
        const reloadDeadline = Date.now() + 15_000;
        for (;;) {
          const current = workerPids();
          const fresh = current.filter((worker) => !before.has(worker));
          // Old workers either exited or renamed themselves "worker process is shutting down".
          if (fresh.length >= workerProcesses && current.every((worker) => !before.has(worker))) return;
          if (!isProcessAlive(pid)) throw new Error(`nginx master exited during reload:\n${readErrorLog()}`);
          // The master keeps the old config when the new one fails to apply (say, a port it cannot bind).
          const newLog = readErrorLog().slice(logOffset);
          if (/\[emerg\]/.test(newLog)) {
            fs.writeFileSync(confFile, previous);
            throw new Error(`nginx could not apply the new config:\n${newLog.trim()}`);
          }
          if (Date.now() > reloadDeadline) {
            throw new Error(`nginx did not reload within 15 s:\n${readErrorLog()}`);
          }
          await sleep(20);
        }
      },
      stop() {
        stopPromise ??= (async () => {
          const workers = childPids(pid);
          // Graceful first (SIGQUIT), fast (SIGTERM) if requests keep it busy, then SIGKILL.
          child.kill('SIGQUIT');
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
          removePrefix();
          cancelExitHook();
        })();
        return stopPromise;
      }
    };
  } catch (error) {
    removePrefix();
    throw error;
  }
}
