// Bundled and run by bench/json-readers.mjs: reads the JSON files named on the command line with contract-test's
// own reader the way the loader does (the values, and the offset of every object, array and key for the source
// map), then prints how long that took.
import { readFileSync } from 'node:fs';
import { parseJsonSource } from '../actions/contract-test/src/spec/json-source.js';

const started = performance.now();
for (const file of process.argv.slice(2)) {
  const offsets = new Map<object, { offset: number; keys: Map<string, number> }>();
  const value = parseJsonSource(readFileSync(file, 'utf8'), {
    container: (node, offset, keys) => void offsets.set(node, { offset, keys }),
    duplicateKey: (key) => {
      throw new Error(`${file}: duplicate key ${key}`);
    },
    setKey: (target, key, item) =>
      void Object.defineProperty(target, key, { value: item, enumerable: true, writable: true, configurable: true })
  });
  if (value === undefined) throw new Error(`${file}: not read as JSON`);
}
console.log(JSON.stringify({ ms: performance.now() - started }));
