import { describe, expect, it } from '@jest/globals';
import { CHECK_KINDS } from '../../actions/health-gate/src/checks/index.js';
import { probe__PASCAL__, type __PASCAL__Check } from '../../actions/health-gate/src/checks/__TYPE__.js';
import { loadGateConfig } from '../../actions/health-gate/src/config.js';
import { probeContext } from './probe-fixtures.js';

// The `__TYPE__` check type: how the config reads it, and its probe against the machine's own resolver
// (`localhost` comes from the hosts file, so no network is needed).
const load = (checks: string) =>
  loadGateConfig({ checksText: checks, timing: {}, env: {}, cwd: process.cwd(), readFile: () => '' }).checks;

describe('__TYPE__ check', () => {
  it('is registered under its type', () => {
    expect(CHECK_KINDS['__TYPE__'].type).toBe('__TYPE__');
  });

  it('reads its keys', () => {
    const [check] = load('- type: __TYPE__\n  host: localhost\n  expect-address: 127.0.0.1\n');
    expect(check).toMatchObject({ type: '__TYPE__', name: '__TYPE__-1', host: 'localhost', expectAddress: '127.0.0.1' });
  });

  it('refuses a missing host and an unknown key in one line each', () => {
    expect(() => load('- type: __TYPE__\n')).toThrow('"host" is required');
    expect(() => load('- type: __TYPE__\n  host: localhost\n  hots: x\n')).toThrow('unknown key "hots"');
  });

  it('passes when the name resolves to the expected address, and fails when it does not', async () => {
    const [check] = load('- type: __TYPE__\n  host: localhost\n') as __PASCAL__Check[];
    const resolved = await probe__PASCAL__(check, probeContext(2000));
    expect(resolved.status).toBe('pass');
    const addresses = resolved.observed?.addresses as string[];
    expect(addresses.length).toBeGreaterThan(0);
    const expectOne = await probe__PASCAL__({ ...check, expectAddress: addresses[0] }, probeContext(2000));
    expect(expectOne.status).toBe('pass');
    const wrong = await probe__PASCAL__({ ...check, expectAddress: '192.0.2.1' }, probeContext(2000));
    expect(wrong).toMatchObject({ status: 'fail', message: expect.stringContaining('not 192.0.2.1') });
  });
});
