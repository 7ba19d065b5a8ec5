import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import { ROUTERS } from '../../actions/blue-green-switch/src/routers/index.js';

describe('blue-green-switch docs', () => {
  it.each(Object.keys(ROUTERS))('router %s has its page, linked from the README', (type) => {
    const page = `actions/blue-green-switch/docs/routers/${type}.md`;
    expect(fs.readFileSync(page, 'utf8')).toMatch(/^# Router: /);
    expect(fs.readFileSync('actions/blue-green-switch/docs/README.md', 'utf8')).toContain(`(routers/${type}.md)`);
  });
});
