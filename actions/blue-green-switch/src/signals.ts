// A cancelled job (the runner sends SIGINT, then SIGTERM 7.5 s later, then kills) or Ctrl-C becomes an
// AbortSignal: the engine stops waiting and puts traffic back before it returns. Later signals do not stop
// that restore (the post step covers a step that is killed anyway), except in a terminal when asked to.
export interface Cancellation {
  signal: AbortSignal;
  dispose(): void;
}

export function cancelOnSignals(
  onSignal: (signal: NodeJS.Signals, first: boolean) => void,
  options: { exitOnSecond?: boolean } = {}
): Cancellation {
  const controller = new AbortController();
  const handler = (signal: NodeJS.Signals): void => {
    const first = !controller.signal.aborted;
    onSignal(signal, first);
    if (first) controller.abort();
    else if (options.exitOnSecond) process.exit(130);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    }
  };
}
