// The `__TYPE__` check type, written by `npm run new-check-type`. Its example (a host name must resolve, to an
// expected address when one is given) shows the parts of a check type: its check interface, its keys (the
// parser refuses any other), how it reads them, what it is aimed at, and its probe, all behind one CheckKind
// (checks/kind.ts) that checks/index.ts registers. Replace the example with what the type checks, then its test
// (__tests__/health-gate/__TYPE__-check.test.ts) and its row in health-gate/README.md.
import { lookup } from 'node:dns/promises';
import type { KeySpec } from '../config-keys.js';
import type { BaseCheck, Probe } from '../types.js';
import { defineCheckKind } from './kind.js';
import { abortedMessage, AbortedAttemptError, elapsedMs, errorCode } from './tcp.js';

export interface __PASCAL__Check extends BaseCheck {
  type: '__TYPE__';
  host: string;
  /** An address the name must resolve to (among others). */
  expectAddress?: string;
}

const KEYS = {
  host: { kind: 'string', required: true, description: 'Host name to resolve.' },
  'expect-address': { kind: 'string', description: 'An address the name must resolve to.' }
} satisfies Record<string, KeySpec>;

/** Waits for `work` until the attempt's signal fires; a lookup cannot be cancelled, so it is left to finish. */
async function untilAborted<T>(work: Promise<T>, signal: AbortSignal, doing: string): Promise<T> {
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new AbortedAttemptError(doing));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

export const probe__PASCAL__: Probe<__PASCAL__Check> = async (check, context) => {
  const start = performance.now();
  let addresses: string[];
  try {
    const found = await untilAborted(lookup(check.host, { all: true }), context.signal, `resolving ${check.host}`);
    addresses = found.map((entry) => entry.address);
  } catch (error) {
    const message =
      error instanceof AbortedAttemptError
        ? abortedMessage(context.timeoutMs, error.doing)
        : `cannot resolve ${check.host} (${errorCode(error) ?? 'lookup failed'})`;
    return { status: 'fail', message, observed: { latencyMs: elapsedMs(start) } };
  }
  const latencyMs = elapsedMs(start);
  const observed = { latencyMs, addresses };
  const shown = addresses.join(', ');
  if (check.expectAddress !== undefined && !addresses.includes(check.expectAddress)) {
    return { status: 'fail', message: `${check.host} resolves to ${shown}, not ${check.expectAddress}`, observed };
  }
  return { status: 'pass', message: `${check.host} resolves to ${shown} in ${latencyMs} ms`, observed };
};

export const __CAMEL__Check = defineCheckKind<__PASCAL__Check>({
  type: '__TYPE__',
  keys: KEYS,
  parse({ read, base }) {
    return {
      ...base,
      type: '__TYPE__',
      host: read.requiredString('host'),
      expectAddress: read.string('expect-address')
    };
  },
  target: (check) => check.host,
  probe: probe__PASCAL__
});
