import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../fixtures/core.js';

jest.unstable_mockModule('@actions/core', () => core);

const { runAction } = await import('../../shared/src/actions/run-action.js');
const { ConfigurationError } = await import('../../shared/src/lib/errors.js');

beforeEach(() => {
  jest.clearAllMocks();
});

describe('runAction', () => {
  it('does nothing visible when main succeeds', async () => {
    const main = jest.fn(async () => {});
    await runAction(main);
    expect(main).toHaveBeenCalledTimes(1);
    expect(core.setFailed).not.toHaveBeenCalled();
    expect(core.info).not.toHaveBeenCalled();
  });

  it('reports a configuration error as one line, without a stack', async () => {
    await runAction(async () => {
      throw new ConfigurationError('Input "timeout" must be a duration like 30s, 5m or 1h; got "abc"');
    });
    expect(core.setFailed).toHaveBeenCalledWith('Input "timeout" must be a duration like 30s, 5m or 1h; got "abc"');
    expect(core.info).not.toHaveBeenCalled();
    expect(core.error).not.toHaveBeenCalled();
  });

  it('logs the stack of a bug and fails with a short message that calls it unexpected', async () => {
    await runAction(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'rows')");
    });
    expect(core.info).toHaveBeenCalledTimes(1);
    const logged = core.info.mock.calls[0]![0];
    expect(logged).toContain("TypeError: Cannot read properties of undefined (reading 'rows')");
    expect(logged).toMatch(/\n\s+at /);
    expect(core.setFailed).toHaveBeenCalledTimes(1);
    const failure = String(core.setFailed.mock.calls[0]![0]);
    expect(failure).toMatch(/^Unexpected error: Cannot read properties of undefined \(reading 'rows'\)/);
    expect(failure).not.toContain('\n');
  });

  it('includes the cause chain and the parts of an AggregateError in the log', async () => {
    await runAction(async () => {
      const root = new AggregateError(
        [new Error('first address refused'), new Error('second address refused')],
        'all failed'
      );
      throw new Error('could not connect', { cause: root });
    });
    const logged = core.info.mock.calls[0]![0];
    expect(logged).toContain('Error: could not connect');
    expect(logged).toContain('Caused by: AggregateError: all failed');
    expect(logged).toContain('[1/2] Error: first address refused');
    expect(logged).toContain('[2/2] Error: second address refused');
  });

  it('copes with thrown values that are not errors', async () => {
    await runAction(() => Promise.reject('plain string'));
    expect(core.info).toHaveBeenCalledWith('Thrown value: plain string');
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/^Unexpected error: plain string/));
  });

  it('handles main throwing synchronously', async () => {
    const main = (() => {
      throw new ConfigurationError('bad');
    }) as unknown as () => Promise<void>;
    await expect(runAction(main)).resolves.toBeUndefined();
    expect(core.setFailed).toHaveBeenCalledWith('bad');
  });

  it('never rejects, even when reporting the failure fails', async () => {
    core.setFailed.mockImplementationOnce(() => {
      throw new Error('stdout closed');
    });
    const previousExitCode = process.exitCode;
    try {
      await expect(
        runAction(async () => {
          throw new ConfigurationError('bad input');
        })
      ).resolves.toBeUndefined();
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = previousExitCode;
    }
  });
});
