import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import {
  describeNetworkError,
  errorCode,
  formatTarget,
  openSocket,
  probeTcp,
  type TcpCheck
} from '../../actions/health-gate/src/checks/tcp.js';
import { freePort } from '../harness/ports.js';
import { testTiming, probeContext } from './probe-fixtures.js';

function tcpCheck(overrides: Partial<TcpCheck> = {}): TcpCheck {
  return {
    name: 'port',
    type: 'tcp',
    role: 'readiness',
    ...testTiming({ timeout: 2000, failureThreshold: 3 }),
    host: '127.0.0.1',
    port: 1,
    ...overrides
  };
}

const context = (timeoutMs = 2000, signal?: AbortSignal) => probeContext(timeoutMs, signal);

let server: net.Server;
let port: number;
let accepted = 0;

beforeAll(async () => {
  server = net.createServer((socket) => {
    accepted++;
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('tcp check', () => {
  it('passes when the port accepts a connection, and reports the connect time', async () => {
    const before = accepted;
    const outcome = await probeTcp(tcpCheck({ port }), context());
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toMatch(new RegExp(`^connected to 127\\.0\\.0\\.1:${port} in [\\d.]+ ms$`));
    expect(typeof outcome.observed?.latencyMs).toBe('number');
    // The server saw the connection: the probe really connected rather than guessing.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(accepted).toBe(before + 1);
  });

  it('fails with "connection refused" on a closed port', async () => {
    const closed = await freePort();
    const outcome = await probeTcp(tcpCheck({ port: closed }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(`connection refused (127.0.0.1:${closed})`);
  });

  it('names the host when it cannot be resolved', async () => {
    const outcome = await probeTcp(tcpCheck({ host: 'no-such-host.invalid', port: 80 }), context(5000));
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/"no-such-host\.invalid"/);
    expect(outcome.message).toMatch(/resolve|DNS/);
  });

  it('gives up at once when the signal has already fired', async () => {
    const controller = new AbortController();
    controller.abort();
    const started = performance.now();
    const outcome = await probeTcp(tcpCheck({ port }), context(750, controller.signal));
    expect(performance.now() - started).toBeLessThan(100);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(`timed out after 750 ms connecting to 127.0.0.1:${port}`);
  });
});

describe('socket helpers', () => {
  it('brackets IPv6 literals in host:port', () => {
    expect(formatTarget('::1', 5432)).toBe('[::1]:5432');
    expect(formatTarget('db.internal', 5432)).toBe('db.internal:5432');
  });

  it('finds the code inside the AggregateError of a dual-stack attempt', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    const aggregate = new AggregateError([inner], '');
    expect(errorCode(aggregate)).toBe('ECONNREFUSED');
    expect(describeNetworkError(aggregate, 'localhost', 5432)).toBe('connection refused (localhost:5432)');
  });

  it('describes TLS and unknown errors without losing the code', () => {
    const tlsError = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(describeNetworkError(tlsError, 'h', 1)).toBe(
      'TLS error with h:1: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)'
    );
    expect(describeNetworkError(Object.assign(new Error('odd'), { code: 'EODD' }), 'h', 1)).toBe('odd (EODD)');
  });

  it('openSocket rejects promptly when the signal fires during the TLS handshake', async () => {
    // A plain TCP server that never speaks TLS: the handshake waits forever unless the signal stops it.
    const silent = net.createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as net.AddressInfo).port;
    try {
      const started = performance.now();
      await expect(
        openSocket({ host: '127.0.0.1', port: silentPort, signal: AbortSignal.timeout(150), tls: {} })
      ).rejects.toThrow(`aborted while connecting to 127.0.0.1:${silentPort}`);
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      silent.close();
    }
  });
});
