/**
 * A private redis-server on a free port with a temp working dir, no persistence, bound to 127.0.0.1, plus a
 * raw RESP client (there is no redis npm client in this repo) for tests.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findBinary } from './binaries.js';
import { detachFromEventLoop, onProcessExit, stopChild } from './exec.js';
import { freePort, sleep } from './ports.js';
import { writeOwner } from './reaper.js';

export interface RedisServer {
  port: number;
  /** `redis://127.0.0.1:<port>` or `redis://:<password>@127.0.0.1:<port>` */
  url: string;
  password?: string;
  /** The temp working dir (removed by stop()). */
  dir: string;
  pid: number;
  /** What the server printed so far (for diagnostics). */
  output(): string;
  /** SIGTERM (SIGKILL after 5 s), waits for the exit, removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartRedisOptions {
  password?: string;
  /** A fixed port (for "down, then up on the same port" tests); a free one otherwise. */
  port?: number;
  /** Extra `--name value` arguments for redis-server. */
  args?: readonly string[];
  startTimeoutMs?: number;
}

/** A reply decoded from RESP2. Error replies are RedisError instances. */
export type RedisReply = string | number | null | RedisReply[] | RedisError;

export class RedisError extends Error {
  override readonly name = 'RedisError';
}

function encodeCommand(args: readonly (string | number | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const data = Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg));
    parts.push(Buffer.from(`$${data.length}\r\n`), data, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Parses one reply at `offset`; undefined when the buffer does not hold a complete reply yet. */
function parseReply(buffer: Buffer, offset: number): { value: RedisReply; next: number } | undefined {
  const lineEnd = buffer.indexOf('\r\n', offset);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buffer[offset]!);
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const afterLine = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, next: afterLine };
    case '-':
      return { value: new RedisError(line), next: afterLine };
    case ':':
      return { value: Number(line), next: afterLine };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, next: afterLine };
      if (buffer.length < afterLine + length + 2) return undefined;
      return { value: buffer.toString('utf8', afterLine, afterLine + length), next: afterLine + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, next: afterLine };
      const items: RedisReply[] = [];
      let next = afterLine;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buffer, next);
        if (!item) return undefined;
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    default:
      throw new Error(`unexpected RESP reply type ${JSON.stringify(type)}`);
  }
}

export interface RedisPipelineOptions {
  host?: string;
  timeoutMs?: number;
}

/**
 * Sends several commands on one connection and resolves with one reply per command (error replies come back
 * as RedisError values, not rejections).
 */
export function redisPipeline(
  port: number,
  commands: readonly (readonly (string | number | Buffer)[])[],
  options: RedisPipelineOptions = {}
): Promise<RedisReply[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: options.host ?? '127.0.0.1' });
    let buffer = Buffer.alloc(0);
    const replies: RedisReply[] = [];
    const timeoutMs = options.timeoutMs ?? 5000;
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      if (error) reject(error);
      else resolve(replies);
    };
    const timer = setTimeout(
      () => finish(new Error(`redis on port ${port}: no reply within ${timeoutMs} ms`)),
      timeoutMs
    );
    socket.on('connect', () => socket.write(Buffer.concat(commands.map((command) => encodeCommand(command)))));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      try {
        for (;;) {
          const parsed = parseReply(buffer, 0);
          if (!parsed) break;
          replies.push(parsed.value);
          buffer = buffer.subarray(parsed.next);
          if (replies.length === commands.length) {
            finish();
            return;
          }
        }
      } catch (error) {
        finish(error as Error);
      }
    });
    socket.on('error', (error) => finish(error));
    socket.on('close', () => {
      if (replies.length < commands.length) finish(new Error(`redis on port ${port} closed the connection`));
    });
  });
}

export interface RedisCommandOptions extends RedisPipelineOptions {
  /** Sent as AUTH before the command. */
  password?: string;
}

async function command(
  port: number,
  args: readonly (string | number | Buffer)[],
  options: RedisCommandOptions
): Promise<RedisReply> {
  const commands = options.password === undefined ? [args] : [['AUTH', options.password], args];
  const replies = await redisPipeline(port, commands, options);
  for (const reply of replies) {
    if (reply instanceof RedisError) throw reply;
  }
  return replies[replies.length - 1]!;
}

/** One command on a fresh connection; rejects with RedisError on an error reply. `redisCommand(port, 'SET', 'k', 'v')` */
export function redisCommand(port: number, ...args: (string | number | Buffer)[]): Promise<RedisReply> {
  return command(port, args, {});
}

/** redisCommand with AUTH first (and other connection options). */
export function redisCommandWith(
  port: number,
  options: RedisCommandOptions,
  ...args: (string | number | Buffer)[]
): Promise<RedisReply> {
  return command(port, args, options);
}

/** Starts redis-server: free port, `--save ''`, `--appendonly no`, temp `--dir`, `--bind 127.0.0.1`; waits for PONG. */
export async function startRedis(options: StartRedisOptions = {}): Promise<RedisServer> {
  const binary = findBinary('redis-server');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-redis-'));
  writeOwner(dir);
  const timeoutMs = options.startTimeoutMs ?? 15_000;
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port ?? (await freePort());
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
      '--logfile',
      '',
      '--protected-mode',
      'yes',
      ...(options.password === undefined ? [] : ['--requirepass', options.password]),
      ...(options.args ?? [])
    ];
    const child = spawn(binary, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    let spawnError: Error | undefined;
    child.once('error', (error) => (spawnError = error));

    const deadline = Date.now() + timeoutMs;
    let ready = false;
    while (Date.now() < deadline && !spawnError && child.exitCode === null && child.signalCode === null) {
      try {
        const reply = await redisPipeline(
          port,
          options.password === undefined ? [['PING']] : [['AUTH', options.password], ['PING']],
          {
            timeoutMs: 1000
          }
        );
        if (reply[reply.length - 1] === 'PONG') {
          ready = true;
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(25);
    }
    if (ready) {
      let stopped = false;
      // A test file that forgets stop() must neither hang Jest nor leave redis behind.
      detachFromEventLoop(child);
      const cancelExitHook = onProcessExit(() => {
        child.kill('SIGKILL');
        fs.rmSync(dir, { recursive: true, force: true });
      });
      const password = options.password;
      const auth = password === undefined ? '' : `:${encodeURIComponent(password)}@`;
      return {
        port,
        url: `redis://${auth}127.0.0.1:${port}`,
        password,
        dir,
        pid: child.pid!,
        output: () => output,
        async stop() {
          if (stopped) return;
          stopped = true;
          await stopChild(child, 'SIGTERM', 5000);
          fs.rmSync(dir, { recursive: true, force: true });
          cancelExitHook();
        }
      };
    }
    await stopChild(child, 'SIGKILL', 5000);
    lastError =
      spawnError ?? new Error(`redis-server did not answer PING on port ${port} within ${timeoutMs} ms:\n${output}`);
    if (spawnError || !/address already in use/i.test(output)) break;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  throw lastError ?? new Error('redis-server did not start');
}
