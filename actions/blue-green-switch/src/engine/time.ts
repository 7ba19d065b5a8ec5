// Waiting that a cancelled run can interrupt: every wait in the engine and the routers goes through here.

export class Cancelled extends Error {
  override readonly name = 'Cancelled';
  constructor() {
    super('cancelled');
  }
}

/** Resolves after ms; rejects with Cancelled as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Polls `done` every intervalMs until it returns true (resolves true) or timeoutMs passes (resolves false). */
export async function pollUntil(
  done: () => Promise<boolean> | boolean,
  timeoutMs: number,
  intervalMs: number,
  signal?: AbortSignal
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    const left = deadline - performance.now();
    if (left <= 0) return false;
    await sleep(Math.min(intervalMs, left), signal);
  }
}
