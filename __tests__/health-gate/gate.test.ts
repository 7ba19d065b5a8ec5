import { describe, expect, it } from '@jest/globals';
import { runGate, type ProbeTable } from '../../actions/health-gate/src/gate.js';
import type { AttemptOutcome, Check, ProbeContext } from '../../actions/health-gate/src/types.js';
import type { TcpCheck } from '../../actions/health-gate/src/checks/tcp.js';

// The scheduler with scripted probes: what each attempt returns is decided by the test, timing is real.
type Script = (attempt: number, context: ProbeContext) => Promise<AttemptOutcome> | AttemptOutcome;

function tcp(name: string, overrides: Partial<TcpCheck> = {}): TcpCheck {
  return {
    name,
    type: 'tcp',
    role: 'readiness',
    host: 'localhost',
    port: 1,
    interval: 20,
    timeout: 200,
    initialDelay: 0,
    successThreshold: 1,
    failureThreshold: 0,
    ...overrides
  };
}

function scripted(scripts: Record<string, Script>): { probes: ProbeTable; calls: Record<string, number[]> } {
  const counts: Record<string, number> = {};
  const calls: Record<string, number[]> = {};
  const started = performance.now();
  const probe = async (check: Check, context: ProbeContext) => {
    counts[check.name] = (counts[check.name] ?? 0) + 1;
    (calls[check.name] ??= []).push(performance.now() - started);
    return scripts[check.name](counts[check.name], context);
  };
  const probes = {
    http: probe,
    postgres: probe,
    redis: probe,
    tcp: probe,
    burst: probe,
    prometheus: probe
  } as ProbeTable;
  return { probes, calls };
}

const pass = (message = 'ok'): AttemptOutcome => ({ status: 'pass', message });
const fail = (message = 'down'): AttemptOutcome => ({ status: 'fail', message });

describe('runGate', () => {
  it('passes once a check turns healthy, counting attempts and time to green', async () => {
    const { probes } = scripted({ api: (n) => (n < 4 ? fail('connection refused') : pass('200 in 1 ms')) });
    const report = await runGate({ checks: [tcp('api')], deadlineMs: 5_000, probes, cwd: '.' });
    expect(report.verdict).toBe('pass');
    expect(report.failedChecks).toEqual([]);
    const [api] = report.checks;
    expect(api).toMatchObject({
      verdict: 'pass',
      attempts: 4,
      lastError: 'connection refused',
      lastMessage: '200 in 1 ms'
    });
    expect(api.timeToGreenMs).toBeGreaterThanOrEqual(60);
    expect(api.history.map((a) => a.status)).toEqual(['fail', 'fail', 'fail', 'pass']);
  });

  it('leaves no timer running once it has decided (the process exits at once after the verdict)', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const { probes } = scripted({ api: (n) => (n < 3 ? fail() : pass()), db: () => pass() });
    const report = await runGate({ checks: [tcp('api'), tcp('db')], deadlineMs: 5_000, probes, cwd: '.' });
    expect(report.verdict).toBe('pass');
    // A grace timer armed by the attempt's own clean-up used to keep the process alive 150 ms after every gate.
    expect(timers()).toBe(before);
  });

  it('needs success-threshold consecutive passes, so a flapping check starts over', async () => {
    const sequence = ['pass', 'fail', 'pass', 'fail', 'pass', 'pass', 'pass'] as const;
    const { probes } = scripted({ flappy: (n) => ({ status: sequence[n - 1], message: sequence[n - 1] }) });
    const report = await runGate({
      checks: [tcp('flappy', { successThreshold: 3 })],
      deadlineMs: 5_000,
      probes,
      cwd: '.'
    });
    expect(report.verdict).toBe('pass');
    expect(report.checks[0].attempts).toBe(7);
  });

  it('fails early at the failure threshold and cancels the other checks that were not failing', async () => {
    const { probes } = scripted({ broken: () => fail('500'), slow: () => pass('not yet green') });
    const report = await runGate({
      checks: [tcp('broken', { failureThreshold: 3 }), tcp('slow', { interval: 1_000, successThreshold: 3 })],
      deadlineMs: 10_000,
      probes,
      cwd: '.'
    });
    expect(report.verdict).toBe('fail');
    expect(report.durationMs).toBeLessThan(1_000);
    expect(report.failedChecks).toEqual(['broken']);
    expect(report.checks[0]).toMatchObject({ verdict: 'fail', attempts: 3 });
    expect(report.checks[0].reason).toMatch(/failure threshold/);
    expect(report.checks[1].verdict).toBe('cancelled');
    expect(report.checks[1].reason).toMatch(/stopped while passing \(1 of 3/);
  });

  it('respects the deadline within one timeout even when a probe ignores its abort signal', async () => {
    const { probes } = scripted({ hung: () => new Promise<AttemptOutcome>(() => undefined) });
    const report = await runGate({ checks: [tcp('hung', { timeout: 300 })], deadlineMs: 500, probes, cwd: '.' });
    expect(report.verdict).toBe('fail');
    expect(report.durationMs).toBeGreaterThanOrEqual(480);
    expect(report.durationMs).toBeLessThan(500 + 300 + 100);
    expect(report.checks[0].reason).toMatch(/deadline 500ms passed/);
    expect(report.checks[0].lastError).toMatch(/timeout/);
  });

  it('aborts the signal of an attempt that runs past its timeout', async () => {
    let aborted = false;
    const { probes } = scripted({
      slow: (n, context) =>
        n === 1
          ? new Promise<AttemptOutcome>((resolve) =>
              context.signal.addEventListener('abort', () => {
                aborted = true;
                resolve(fail('aborted'));
              })
            )
          : pass()
    });
    const report = await runGate({ checks: [tcp('slow', { timeout: 100 })], deadlineMs: 5_000, probes, cwd: '.' });
    expect(aborted).toBe(true);
    expect(report.checks[0].history[0].message).toMatch(/no answer within 100ms/);
    expect(report.verdict).toBe('pass');
  });

  it('starts other checks only after the startup checks pass', async () => {
    const { probes, calls } = scripted({ boot: (n) => (n < 3 ? fail() : pass()), ready: () => pass() });
    const report = await runGate({
      checks: [tcp('ready'), tcp('boot', { role: 'startup', interval: 50 })],
      deadlineMs: 5_000,
      probes,
      cwd: '.'
    });
    expect(report.verdict).toBe('pass');
    expect(calls.ready[0]).toBeGreaterThan(calls.boot[2]);
  });

  it('does not start other checks when a startup check fails', async () => {
    const { probes, calls } = scripted({ boot: () => fail(), ready: () => pass() });
    const report = await runGate({
      checks: [tcp('boot', { role: 'startup', failureThreshold: 2 }), tcp('ready')],
      deadlineMs: 5_000,
      probes,
      cwd: '.'
    });
    expect(report.verdict).toBe('fail');
    expect(calls.ready).toBeUndefined();
    expect(report.checks[1]).toMatchObject({ verdict: 'cancelled', attempts: 0 });
  });

  it('waits the initial delay and keeps the interval between attempt starts', async () => {
    const { probes, calls } = scripted({ api: (n) => (n < 3 ? fail() : pass()) });
    await runGate({ checks: [tcp('api', { initialDelay: 150, interval: 100 })], deadlineMs: 5_000, probes, cwd: '.' });
    expect(calls.api[0]).toBeGreaterThanOrEqual(140);
    expect(calls.api[1] - calls.api[0]).toBeGreaterThanOrEqual(95);
    expect(calls.api[2] - calls.api[1]).toBeGreaterThanOrEqual(95);
  });

  it('gives the verdict warn when a check passes with a warning', async () => {
    const { probes } = scripted({
      api: () => ({ status: 'warn', message: 'health+json warn: db slow' }),
      db: () => pass()
    });
    const report = await runGate({ checks: [tcp('api'), tcp('db')], deadlineMs: 5_000, probes, cwd: '.' });
    expect(report.verdict).toBe('warn');
    expect(report.checks.map((c) => c.verdict)).toEqual(['warn', 'pass']);
  });

  it('turns a thrown error into a failed attempt and redacts secrets from every message', async () => {
    const { probes } = scripted({
      db: (n) => {
        if (n === 1) throw new Error('password authentication failed for hunter2');
        return pass('connected with hunter2');
      }
    });
    const report = await runGate({ checks: [tcp('db')], deadlineMs: 5_000, probes, cwd: '.', secrets: ['hunter2'] });
    expect(report.verdict).toBe('pass');
    expect(JSON.stringify(report)).not.toContain('hunter2');
    expect(report.checks[0].lastError).toBe('password authentication failed for ***');
  });

  it('stops when cancelled from outside and fails the unfinished checks', async () => {
    const { probes } = scripted({ api: () => fail() });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 150);
    const report = await runGate({ checks: [tcp('api')], deadlineMs: 60_000, probes, cwd: '.', signal: stop.signal });
    expect(report.verdict).toBe('fail');
    expect(report.durationMs).toBeLessThan(1_000);
    expect(report.checks[0].reason).toMatch(/cancelled/);
  });
});

describe('runGate on a user mistake found while probing', () => {
  it('rejects with the ConfigurationError and stops the other checks', async () => {
    const { ConfigurationError } = await import('../../shared/src/lib/errors.js');
    const { probes, calls } = scripted({
      db: () => {
        throw new ConfigurationError('migrations dir db/migrations does not exist');
      },
      api: () => fail()
    });
    const started = performance.now();
    await expect(
      runGate({ checks: [tcp('db'), tcp('api', { interval: 50 })], deadlineMs: 5_000, probes, cwd: '.' })
    ).rejects.toThrow('migrations dir db/migrations does not exist');
    const apiCalls = calls.api?.length ?? 0;
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.api?.length ?? 0).toBe(apiCalls);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('runGate when it stops early: checks that were failing are failed checks', () => {
  it('fails a check whose last completed attempt failed, with its last error, and lists it', async () => {
    const { probes } = scripted({ broken: () => fail('500'), other: () => fail('connection refused') });
    const report = await runGate({
      checks: [tcp('broken', { failureThreshold: 3, interval: 50 }), tcp('other', { interval: 1_000 })],
      deadlineMs: 10_000,
      probes,
      cwd: '.'
    });
    expect(report.failedChecks).toEqual(['broken', 'other']);
    expect(report.checks[1]).toMatchObject({ verdict: 'fail', attempts: 1, lastError: 'connection refused' });
    expect(report.checks[1].reason).toMatch(
      /failing when the gate stopped \(1 consecutive failed attempt\(s\)\); check "broken" failed/
    );
  });

  it('fails a check that passed once but failed last, and cancels one that failed but passed last', async () => {
    const { probes } = scripted({
      broken: () => fail('500'),
      relapsed: (n) => (n === 1 ? pass() : fail('503 again')),
      recovering: (n) => (n === 1 ? fail('starting') : pass())
    });
    const report = await runGate({
      checks: [
        tcp('broken', { failureThreshold: 2, interval: 150 }),
        tcp('relapsed', { successThreshold: 10, interval: 40 }),
        tcp('recovering', { successThreshold: 10, interval: 40 })
      ],
      deadlineMs: 10_000,
      probes,
      cwd: '.'
    });
    expect(report.failedChecks).toEqual(['broken', 'relapsed']);
    expect(report.checks[1]).toMatchObject({ verdict: 'fail', lastError: '503 again' });
    expect(report.checks[2]).toMatchObject({ verdict: 'cancelled', lastError: 'starting' });
  });

  it('records an attempt cut by the gate when the probe calls its evidence conclusive (a burst past its budget)', async () => {
    const { probes } = scripted({
      broken: () => fail('500'),
      load: (_n, context) =>
        new Promise<AttemptOutcome>((resolve) =>
          context.signal.addEventListener('abort', () =>
            resolve({
              status: 'fail',
              conclusive: true,
              message: 'stopped after 40 of 100 requests, already 20 errors'
            })
          )
        ),
      undecided: (_n, context) =>
        new Promise<AttemptOutcome>((resolve) =>
          context.signal.addEventListener('abort', () => resolve({ status: 'fail', message: 'stopped after 3 of 100' }))
        )
    });
    const report = await runGate({
      checks: [
        tcp('broken', { failureThreshold: 2, interval: 50 }),
        tcp('load', { timeout: 60_000 }),
        tcp('undecided', { timeout: 60_000 })
      ],
      deadlineMs: 10_000,
      probes,
      cwd: '.'
    });
    expect(report.failedChecks).toEqual(['broken', 'load']);
    expect(report.checks[1]).toMatchObject({
      verdict: 'fail',
      attempts: 1,
      lastError: expect.stringMatching(/already 20 errors/)
    });
    expect(report.checks[1].history[0]).not.toHaveProperty('conclusive');
    expect(report.checks[2]).toMatchObject({ verdict: 'cancelled', attempts: 0 });
    expect(report.checks[2].reason).toMatch(/stopped before an attempt completed/);
  });

  it('at the deadline gives a check with no completed attempt an error saying so', async () => {
    const { probes } = scripted({ hung: () => new Promise<AttemptOutcome>(() => undefined) });
    const report = await runGate({ checks: [tcp('hung', { timeout: 5_000 })], deadlineMs: 300, probes, cwd: '.' });
    expect(report.failedChecks).toEqual(['hung']);
    expect(report.checks[0].lastError).toMatch(/no attempt completed: the one started at \+\d+ms had no answer/);
  });

  it('keeps the first 10 and the last 50 attempts and counts the ones left out', async () => {
    const { probes } = scripted({ api: (n) => (n < 200 ? fail(`attempt ${n}`) : pass(`attempt ${n}`)) });
    const report = await runGate({ checks: [tcp('api', { interval: 0 })], deadlineMs: 20_000, probes, cwd: '.' });
    const [api] = report.checks;
    expect(api).toMatchObject({ verdict: 'pass', attempts: 200, omittedAttempts: 140 });
    expect(api.history).toHaveLength(60);
    expect(api.history.slice(0, 10).map((a) => a.message)).toEqual(
      Array.from({ length: 10 }, (_, i) => `attempt ${i + 1}`)
    );
    expect(api.history[10].message).toBe('attempt 151');
    expect(api.history[59].message).toBe('attempt 200');
  });

  it('waits correctly for durations past the 2^31-1 ms a Node timer can hold', async () => {
    const { probes, calls } = scripted({
      api: (n) => (n < 3 ? fail() : pass()),
      slow: (n) =>
        n === 1 ? new Promise<AttemptOutcome>((resolve) => setTimeout(() => resolve(pass('late')), 150)) : pass()
    });
    const report = await runGate({
      checks: [tcp('api', { interval: 30 }), tcp('slow', { timeout: 3_000_000_000 })],
      deadlineMs: 3_000_000_000,
      probes,
      cwd: '.'
    });
    expect(report.verdict).toBe('pass');
    expect(calls.api).toHaveLength(3);
    expect(report.checks[1]).toMatchObject({ verdict: 'pass', lastMessage: 'late' });
  });

  it('redacts secrets from what probes observed, not only from their messages', async () => {
    const { probes } = scripted({
      db: () => ({ status: 'pass', message: 'ok', observed: { value: 'row hunter2', nested: { list: ['hunter2'] } } })
    });
    const report = await runGate({ checks: [tcp('db')], deadlineMs: 5_000, probes, cwd: '.', secrets: ['hunter2'] });
    expect(JSON.stringify(report)).not.toContain('hunter2');
    expect(report.checks[0].history[0].observed).toEqual({ value: 'row ***', nested: { list: ['***'] } });
  });

  it('clips what a service makes a probe report, after redacting it', async () => {
    const huge = `${'x'.repeat(990)}hunter2${'y'.repeat(5_000)}`;
    const { probes } = scripted({
      api: () => ({
        status: 'fail',
        message: huge,
        observed: { value: huge, rows: Array.from({ length: 500 }, (_, i) => i) }
      })
    });
    const report = await runGate({
      checks: [tcp('api', { failureThreshold: 1 })],
      deadlineMs: 5_000,
      probes,
      cwd: '.',
      secrets: ['hunter2']
    });
    const [attempt] = report.checks[0].history;
    expect(attempt.message).toHaveLength(1_000);
    expect(attempt.message).toContain('***');
    expect(attempt.message).not.toMatch(/hunt/);
    expect((attempt.observed!.value as string).length).toBe(1_000);
    expect(attempt.observed!.rows as unknown[]).toHaveLength(101);
  });
});
