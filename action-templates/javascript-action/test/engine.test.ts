import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { run__PASCAL__ } from '../../actions/__NAME__/src/engine/index.js';

describe('__NAME__ engine', () => {
  it('greets', () => {
    expect(run__PASCAL__({ who: 'team', shout: false })).toEqual({ greeting: 'Hello, team!', warnings: [] });
    expect(run__PASCAL__({ who: 'team', shout: true })).toEqual({ greeting: 'HELLO, TEAM!', warnings: [] });
  });

  it('warns about a long name', () => {
    expect(run__PASCAL__({ who: 'x'.repeat(41), shout: false }).warnings).toHaveLength(1);
  });

  it('rejects an empty name as a user mistake', () => {
    expect(() => run__PASCAL__({ who: ' ', shout: false })).toThrow(ConfigurationError);
  });
});
