// A full garbage collection between the phases of a large check. V8 collects its old generation only when the
// heap reaches a limit it derives from the previous collection, so what one phase leaves behind (the YAML parser's
// document model, Spectral's resolved copy of the spec) is still counted when the next phase builds its own: a
// lint followed by loading two 12.9 MiB JSON specs peaked at 1,097 MiB, and at 849 MiB with a collection between
// the phases (a 3.25 MiB YAML pair: 978 and 615 MiB). Node has no API for it, but V8 exposes `gc` to new contexts
// once the flag is set.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Below this many bytes a phase leaves too little behind to be worth a collection. */
export const COLLECT_AFTER_BYTES = 256 * 1024;

let collect: (() => void) | null | undefined;

/** Runs a full collection (once the flag can be set; otherwise nothing). */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('typeof gc === "function" ? gc : undefined');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
