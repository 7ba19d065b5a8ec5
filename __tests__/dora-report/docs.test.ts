// Every metric in the registry has its docs page, and the docs link only to pages that exist.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { METRICS } from '../../actions/dora-report/src/metrics/index.js';

const docs = join(process.cwd(), 'actions/dora-report/docs');

describe('dora-report docs', () => {
  it.each(METRICS.map((m) => [m.id, m.title]))('has a page for %s', (id, title) => {
    const page = join(docs, 'metrics', `${id}.md`);
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8').split('\n')[0]).toBe(`# ${title}`);
  });

  it('has no page for a metric that does not exist, and no broken relative links', () => {
    const pages = readdirSync(join(docs, 'metrics')).map((f) => f.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual(METRICS.map((m) => m.id).sort());
    const files = ['index.md', 'levels.md', 'charts.md', 'store.md', ...pages.map((p) => `metrics/${p}.md`)];
    for (const file of files) {
      const text = readFileSync(join(docs, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#:]+\.md)\)/g)) {
        expect(existsSync(resolve(dirname(join(docs, file)), target!))).toBe(true);
      }
    }
  });
});
