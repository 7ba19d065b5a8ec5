// The engine's HTTP client, over node:http rather than fetch: a contract test must see redirects as they are
// (fetch follows them), send any method and header, keep the status and headers of a response whose body is too
// large (fetch-based helpers drop it), and bound every exchange in time and size.
import http from 'node:http';
import https from 'node:https';

export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface WireResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", " (set-cookie with "; "). */
  headers: Record<string, string>;
  body: string;
  /** The body went past the size limit; `body` holds what came before it. */
  truncated: boolean;
  timeMs: number;
}

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    readonly timeMs: number
  ) {
    super(message);
  }
}

export interface ClientOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  /** Sockets kept open per origin; also the most requests in flight. */
  maxSockets: number;
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  HPE_INVALID_CONSTANT: 'the response is not valid HTTP',
  HPE_INVALID_HEADER_TOKEN: 'the response has an invalid header'
};

export class HttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly options: ClientOptions) {
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: options.maxSockets });
  }

  send(request: WireRequest, signal?: AbortSignal): Promise<WireResponse> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    return new Promise((resolve, reject) => {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        reject(new TransportError('not a valid URL', 0));
        return;
      }
      const secure = url.protocol === 'https:';
      if (!secure && url.protocol !== 'http:') {
        reject(new TransportError(`unsupported protocol ${url.protocol}`, 0));
        return;
      }
      const headers: Record<string, string> = { ...request.headers };
      if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
      let settled = false;
      const finish = (error: TransportError | undefined, response?: WireResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(response!);
      };
      let outgoing: http.ClientRequest;
      try {
        outgoing = (secure ? https : http).request(url, {
          method: request.method,
          headers,
          agent: secure ? this.httpsAgent : this.httpAgent
        });
      } catch (error) {
        // A header value node refuses (control characters) is the engine's own input: say which.
        reject(new TransportError(`request not sent: ${(error as Error).message}`, 0));
        return;
      }
      const timer = setTimeout(() => {
        outgoing.destroy();
        finish(new TransportError(`no complete response within ${this.options.timeoutMs}ms`, elapsed()));
      }, this.options.timeoutMs);
      const onAbort = () => {
        outgoing.destroy();
        finish(new TransportError('aborted', elapsed()));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        const reason = (error.code && REASONS[error.code]) ?? error.message;
        finish(new TransportError(reason, elapsed()));
      });
      outgoing.on('response', (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const done = () => {
          const responseHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value === undefined) continue;
            responseHeaders[name] = Array.isArray(value) ? value.join(name === 'set-cookie' ? '; ' : ', ') : value;
          }
          finish(undefined, {
            status: incoming.statusCode ?? 0,
            headers: responseHeaders,
            body: Buffer.concat(chunks).toString('utf8'),
            truncated,
            timeMs: elapsed()
          });
        };
        incoming.on('data', (chunk: Buffer) => {
          if (truncated) return;
          size += chunk.length;
          if (size > this.options.maxBodyBytes) {
            chunks.push(chunk.subarray(0, chunk.length - (size - this.options.maxBodyBytes)));
            truncated = true;
            // What arrived is enough to judge; the rest is not read (the socket is not reused).
            incoming.destroy();
            done();
            return;
          }
          chunks.push(chunk);
        });
        incoming.on('end', done);
        incoming.on('error', (error) => {
          if (!truncated) finish(new TransportError(`response cut short: ${error.message}`, elapsed()));
        });
        incoming.on('close', () => {
          if (!truncated && !incoming.complete)
            finish(new TransportError('response cut short by the server', elapsed()));
        });
      });
      if (request.body !== undefined) outgoing.end(request.body);
      else outgoing.end();
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
