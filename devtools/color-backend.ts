/**
 * A "colour" backend for blue-green tests: a small HTTP server that says which colour it is on every response
 * (an `x-color` header, and `GET /version` answers `{"color": ..., "version": ...}`), with a programmable error
 * rate and latency drawn from a seeded generator, so a run is repeatable: request n of a backend with seed s
 * always gets the same fate. No Jest import, so benchmarks can use it too.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ColorBehaviour {
  /** Share of requests answered 500, 0..1. Default 0. */
  errorRate?: number;
  /** Fixed part of each response's delay in ms. Default 0. */
  latencyMs?: number;
  /** Random extra delay, uniform in [0, jitterMs). Default 0. */
  jitterMs?: number;
  /** When false, /health answers 503 (the rest still works). Default true. */
  healthy?: boolean;
}

export interface StartColorBackendOptions extends ColorBehaviour {
  color: string;
  version?: string;
  seed?: number;
  port?: number;
  host?: string;
}

export interface ColorBackend {
  color: string;
  port: number;
  /** http://127.0.0.1:port */
  url: string;
  address: string;
  /** Requests answered so far (all paths). */
  requests(): number;
  /** Requests answered with an injected error so far. */
  errors(): number;
  inFlight(): number;
  /** Changes the behaviour from now on (the seeded sequence goes on). */
  set(behaviour: ColorBehaviour): void;
  /** Closes the listener and every connection. Safe twice. */
  stop(): Promise<void>;
}

/** mulberry32: a tiny, well-mixed 32-bit generator; enough for test fates. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startColorBackend(options: StartColorBackendOptions): Promise<ColorBackend> {
  const behaviour: Required<ColorBehaviour> = {
    errorRate: options.errorRate ?? 0,
    latencyMs: options.latencyMs ?? 0,
    jitterMs: options.jitterMs ?? 0,
    healthy: options.healthy ?? true
  };
  // Two streams, so changing the latency never changes which requests fail.
  const errorRandom = seededRandom((options.seed ?? 1) * 2 + 1);
  const latencyRandom = seededRandom((options.seed ?? 1) * 2 + 2);
  const version = options.version ?? `${options.color}-1`;
  let answered = 0;
  let failed = 0;
  let inFlight = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    inFlight++;
    const fail = req.url !== '/health' && errorRandom() < behaviour.errorRate;
    const delay = behaviour.latencyMs + latencyRandom() * behaviour.jitterMs;
    const respond = (): void => {
      inFlight--;
      answered++;
      const headers = { 'x-color': options.color, 'x-version': version, 'content-type': 'application/json' };
      if (req.url === '/health') {
        res.writeHead(behaviour.healthy ? 200 : 503, headers);
        res.end(JSON.stringify({ status: behaviour.healthy ? 'pass' : 'fail', color: options.color }));
      } else if (fail) {
        failed++;
        res.writeHead(500, headers);
        res.end(JSON.stringify({ error: 'injected', color: options.color }));
      } else {
        res.writeHead(200, headers);
        res.end(JSON.stringify({ color: options.color, version }));
      }
    };
    req.resume();
    if (delay <= 0) {
      respond();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      respond();
    }, delay);
    timers.add(timer);
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let stopped: Promise<void> | undefined;
  return {
    color: options.color,
    port,
    url: `http://127.0.0.1:${port}`,
    address: `127.0.0.1:${port}`,
    requests: () => answered,
    errors: () => failed,
    inFlight: () => inFlight,
    set(next) {
      Object.assign(behaviour, Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)));
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
      return stopped;
    }
  };
}
