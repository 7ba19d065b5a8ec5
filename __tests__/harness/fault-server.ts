/**
 * A programmable HTTP server for testing clients against misbehaving services: fixed responses, status
 * sequences (flapping), delays, connection resets (before or in the middle of a response), wrong content types,
 * computed responses and requests that never get an answer. Every request is logged.
 */
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import http from 'node:http';
import type { Socket } from 'node:net';

export type HeaderMap = Record<string, string | number | readonly string[]>;

/** A plain response; `body` objects are sent as JSON (content-type application/json unless given). */
export interface ResponseSpec {
  status?: number;
  headers?: HeaderMap;
  body?: string | Buffer | object | null;
  /** Wait this long before answering. */
  delayMs?: number;
}

export type FaultBehaviour =
  | ({ type?: 'respond' } & ResponseSpec)
  /** Request n takes step n (1-based); the last step repeats. */
  | { type: 'sequence'; steps: readonly FaultBehaviour[] }
  /** Shorthand: request n gets statuses[n-1] (last repeats) with the same body/headers. */
  | ({ type: 'statuses'; statuses: readonly number[] } & Omit<ResponseSpec, 'status'>)
  /** Destroy the socket without answering (ECONNRESET / "socket hang up" at the client). */
  | { type: 'reset'; delayMs?: number }
  /** Send the status line, headers and part of the body, then destroy the socket. */
  | {
      type: 'reset-mid-response';
      status?: number;
      headers?: HeaderMap;
      partialBody?: string;
      declaredLength?: number;
      delayMs?: number;
    }
  /** 200 with an HTML page where the client expects JSON. */
  | { type: 'wrong-content-type'; status?: number; body?: string; contentType?: string; delayMs?: number }
  /** Computed per request; n counts requests to this route from 1. */
  | { type: 'function'; respond: (request: LoggedRequest, n: number) => ResponseSpec | Promise<ResponseSpec> }
  /** Never answer; the socket stays open until the client gives up or stop() runs. */
  | { type: 'hang' };

export interface LoggedRequest {
  method: string;
  /** Path with query string, as sent. */
  url: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** 1-based count of requests this route had, including this one. */
  n: number;
  receivedAt: number;
}

export interface FaultServer {
  url: string;
  port: number;
  /** Sets the behaviour for a path (exact match, query ignored; `*` is the fallback) and resets its counter. */
  setRoute(path: string, behaviour: FaultBehaviour): void;
  /** Every request so far, oldest first. */
  readonly requests: LoggedRequest[];
  /** Requests to one path. */
  requestsTo(path: string): LoggedRequest[];
  /** Forgets logged requests and route counters (routes stay). */
  clearRequests(): void;
  /** Requests that are still waiting for an answer (hang/delay). */
  pendingCount(): number;
  /** Closes the listener and destroys every socket, including hanging ones. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartFaultServerOptions {
  port?: number;
  host?: string;
  /** Routes to install before listening. */
  routes?: Record<string, FaultBehaviour>;
}

const NOT_FOUND: FaultBehaviour = { status: 404, body: { message: 'no route configured' } };

function pick<T>(list: readonly T[], n: number): T {
  if (list.length === 0) throw new Error('fault server: empty sequence');
  return list[Math.min(n, list.length) - 1]!;
}

function encodeBody(spec: ResponseSpec): { data: Buffer; contentType?: string } {
  const { body } = spec;
  if (body === undefined || body === null) return { data: Buffer.alloc(0) };
  if (Buffer.isBuffer(body)) return { data: body, contentType: 'application/octet-stream' };
  if (typeof body === 'string') return { data: Buffer.from(body), contentType: 'text/plain; charset=utf-8' };
  return { data: Buffer.from(JSON.stringify(body)), contentType: 'application/json; charset=utf-8' };
}

function hasHeader(headers: HeaderMap | undefined, name: string): boolean {
  return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === name);
}

export async function startFaultServer(options: StartFaultServerOptions = {}): Promise<FaultServer> {
  const routes = new Map<string, FaultBehaviour>(Object.entries(options.routes ?? {}));
  const counters = new Map<string, number>();
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const pending = new Set<http.ServerResponse>();
  let stopping = false;

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const send = (res: http.ServerResponse, spec: ResponseSpec): void => {
    const { data, contentType } = encodeBody(spec);
    const headers: HeaderMap = { ...spec.headers };
    if (contentType && !hasHeader(headers, 'content-type')) headers['content-type'] = contentType;
    if (!hasHeader(headers, 'content-length')) headers['content-length'] = data.length;
    res.writeHead(spec.status ?? 200, headers as http.OutgoingHttpHeaders);
    res.end(data);
  };

  const behave = async (
    behaviour: FaultBehaviour,
    request: LoggedRequest,
    req: http.IncomingMessage,
    res: http.ServerResponse
  ): Promise<void> => {
    const n = request.n;
    switch (behaviour.type) {
      case undefined:
      case 'respond':
        await wait(behaviour.delayMs ?? 0);
        if (!stopping) send(res, behaviour);
        return;
      case 'sequence':
        return behave(pick(behaviour.steps, n), request, req, res);
      case 'statuses': {
        const { statuses, type: _type, ...rest } = behaviour;
        await wait(rest.delayMs ?? 0);
        if (!stopping) send(res, { ...rest, status: pick(statuses, n) });
        return;
      }
      case 'reset':
        await wait(behaviour.delayMs ?? 0);
        req.socket.destroy();
        return;
      case 'reset-mid-response': {
        await wait(behaviour.delayMs ?? 0);
        if (stopping) return;
        const partial = Buffer.from(behaviour.partialBody ?? '{"items":[{"id":1},');
        const declared = behaviour.declaredLength ?? partial.length * 4 + 64;
        res.writeHead(behaviour.status ?? 200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': declared,
          ...behaviour.headers
        } as http.OutgoingHttpHeaders);
        res.write(partial, () => {
          // Give the bytes a moment to leave before the reset so the client sees headers + partial body.
          const timer = setTimeout(() => {
            timers.delete(timer);
            req.socket.destroy();
          }, 20);
          timers.add(timer);
        });
        return;
      }
      case 'wrong-content-type':
        await wait(behaviour.delayMs ?? 0);
        if (!stopping) {
          send(res, {
            status: behaviour.status ?? 200,
            headers: { 'content-type': behaviour.contentType ?? 'text/html; charset=utf-8' },
            body:
              behaviour.body ??
              '<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>'
          });
        }
        return;
      case 'function': {
        const spec = await behaviour.respond(request, n);
        await wait(spec.delayMs ?? 0);
        if (!stopping) send(res, spec);
        return;
      }
      case 'hang':
        return; // the response stays open; stop() destroys the socket
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => undefined);
    req.on('end', () => {
      const parsed = new URL(req.url ?? '/', 'http://fault.local');
      const routeKey = routes.has(parsed.pathname) ? parsed.pathname : routes.has('*') ? '*' : parsed.pathname;
      const n = (counters.get(routeKey) ?? 0) + 1;
      counters.set(routeKey, n);
      const request: LoggedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: parsed.pathname,
        query: Object.fromEntries(parsed.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        n,
        receivedAt: Date.now()
      };
      requests.push(request);
      pending.add(res);
      res.on('close', () => pending.delete(res));
      behave(routes.get(routeKey) ?? NOT_FOUND, request, req, res).catch((error: unknown) => {
        if (!res.headersSent && !stopping) {
          send(res, { status: 500, body: { message: `fault server behaviour threw: ${String(error)}` } });
        } else {
          req.socket.destroy();
        }
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A forgotten stop() must not keep the Jest worker alive (its open sockets still do while in use).
  server.unref();
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault server: no address');
  const port = address.port;

  let stopPromise: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    setRoute(path, behaviour) {
      routes.set(path, behaviour);
      counters.delete(path);
    },
    requests,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    clearRequests() {
      requests.length = 0;
      counters.clear();
    },
    pendingCount: () => pending.size,
    stop() {
      stopPromise ??= new Promise<void>((resolve) => {
        stopping = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return stopPromise;
    }
  };
}

/**
 * One fault server for a whole test file: started before the first test, its request log cleared before each,
 * stopped after the last. Read `.server` inside tests (it exists only once beforeAll has run).
 */
export function useFaultServer(options: StartFaultServerOptions = {}): { readonly server: FaultServer } {
  let server: FaultServer | undefined;
  beforeAll(async () => {
    server = await startFaultServer(options);
  });
  beforeEach(() => server?.clearRequests());
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get server(): FaultServer {
      if (!server) throw new Error('useFaultServer: the server is only there inside tests');
      return server;
    }
  };
}
