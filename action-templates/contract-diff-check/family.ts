// The diff family __FAMILY__, written by `npm run new-diff-check`. Its example checks (tags of the document: one
// removed, one added) show the parts of a family: the checks, declared `as const` beside the code that emits
// them (diff/registry.ts lists them for `contract-test checks`), and the function diffOperations calls. Replace
// them with what the family compares, then its table (__tests__/contract-test/diff-tables/__FAMILY__.ts).
import type { JsonObject, JsonValue } from '../spec/types.js';
import { defineCheck as check } from './catalog.js';
import { arr, isObject, str, type Emitter } from './emitter.js';

export const __CONST___CHECKS = [
  check(
    '__FAMILY__-removed',
    'info',
    'A tag was removed from the document: generated clients that group operations by tag regroup them'
  ),
  check('__FAMILY__-added', 'info', 'A tag was added to the document')
] as const;

/** The named entries of the document's `tags`, by name. */
function tagsOf(value: JsonValue | undefined): Map<string, JsonObject> {
  const tags = new Map<string, JsonObject>();
  for (const tag of arr(value)) {
    const name = isObject(tag) ? str(tag.name) : undefined;
    if (isObject(tag) && name !== undefined) tags.set(name, tag);
  }
  return tags;
}

export function diff__CAMEL__(e: Emitter): void {
  const base = tagsOf(e.base.document.tags);
  const head = tagsOf(e.head.document.tags);
  // A removal is located at head's nearest surviving parent (its tags list, else the document), and its message
  // names where it was in the base spec; everything else is located in the head spec.
  for (const [name, tag] of base) {
    if (head.has(name)) continue;
    e.removed(
      '__FAMILY__-removed',
      {},
      `tag "${name}" was removed`,
      [[tag]],
      [[e.head.document, 'tags'], [e.head.document]]
    );
  }
  for (const [name, tag] of head) {
    if (!base.has(name)) e.emit('__FAMILY__-added', {}, `tag "${name}" was added`, [tag]);
  }
}
