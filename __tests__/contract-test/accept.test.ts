// What an ignore-file entry accepts: exactly its check, path template (parameter names aside), method and spec,
// nothing broader; expired entries and compatible changes accept nothing; the label accepts the rest.
import { describe, expect, it } from '@jest/globals';
import { acceptChanges, isExpired, parseIgnoreFile, type AcceptEntry } from '../../actions/contract-test/src/accept.js';
import { ALL_CHECKS } from '../../actions/contract-test/src/diff/index.js';
import type { Change } from '../../actions/contract-test/src/spec/types.js';

const IDS = ALL_CHECKS.map((c) => c.id);
const file = parseIgnoreFile(
  [
    'accept:',
    '  - id: api-removed-without-deprecation',
    '    path: /items/{itemId}',
    '    method: DELETE',
    '    reason: soft delete only',
    '  - id: security-requirement-added',
    '    reason: the whole API needs a token now',
    '  - id: api-path-removed-without-deprecation',
    '    path: /legacy',
    '    spec: api/v1.yaml',
    '    reason: v1 is gone',
    '  - id: new-required-request-parameter',
    '    path: /orders',
    '    method: post',
    '    reason: tenants',
    '    expires: 2026-06-30',
    ''
  ].join('\n'),
  '.github/contract-test-ignore.yml',
  IDS
);

const change = (id: string, path?: string, method?: string, level: Change['level'] = 'error'): Change => ({
  id,
  level,
  message: `${id} ${path ?? ''}`,
  ...(path ? { path } : {}),
  ...(method ? { method } : {})
});

function accepted(changes: Change[], spec = 'api/v2.yaml', today = '2026-06-30', label?: boolean) {
  const used = new Set<AcceptEntry>();
  const out = acceptChanges(
    changes,
    spec,
    { ignore: file, today, ...(label !== undefined ? { label: { name: 'ok', present: label } } : {}) },
    used
  );
  return { out: out.map((c) => c.accepted?.by ?? '-'), used: [...used].map((e) => e.location.line) };
}

describe('accept entries', () => {
  it('are read with their lines, methods lower-cased', () => {
    expect(file.entries.map((e) => [e.location.line, e.id, e.method ?? '', e.expires ?? ''])).toEqual([
      [2, 'api-removed-without-deprecation', 'delete', ''],
      [6, 'security-requirement-added', '', ''],
      [8, 'api-path-removed-without-deprecation', '', ''],
      [12, 'new-required-request-parameter', 'post', '2026-06-30']
    ]);
  });

  it('match their check, path template and method exactly', () => {
    expect(
      accepted([
        change('api-removed-without-deprecation', '/items/{id}', 'delete'),
        change('api-removed-without-deprecation', '/items/{id}', 'get'),
        change('api-removed-without-deprecation', '/items', 'delete'),
        change('response-property-removed', '/items/{id}', 'delete')
      ])
    ).toEqual({ out: ['ignore-file', '-', '-', '-'], used: [2] });
  });

  it('without a path match only API-wide changes; with a spec, only that spec', () => {
    expect(
      accepted([
        change('security-requirement-added'),
        change('security-requirement-added', '/orders', 'get'),
        change('api-path-removed-without-deprecation', '/legacy')
      ]).out
    ).toEqual(['ignore-file', '-', '-']);
    expect(accepted([change('api-path-removed-without-deprecation', '/legacy')], 'api/v1.yaml').out).toEqual([
      'ignore-file'
    ]);
  });

  it('apply through their expiry day and not after it', () => {
    const c = [change('new-required-request-parameter', '/orders', 'post')];
    expect(accepted(c, 'api/v2.yaml', '2026-06-30').out).toEqual(['ignore-file']);
    expect(accepted(c, 'api/v2.yaml', '2026-07-01').out).toEqual(['-']);
    expect(isExpired(file.entries[3]!, '2026-07-01')).toBe(true);
  });

  it('leave compatible changes alone; the label accepts what no entry does', () => {
    expect(
      accepted(
        [change('api-removed-without-deprecation', '/items/{id}', 'delete', 'info'), change('x-unknown', '/a', 'get')],
        'api/v2.yaml',
        '2026-01-01',
        true
      ).out
    ).toEqual(['-', 'label']);
  });
});
