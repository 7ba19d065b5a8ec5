import { describe, expect, it } from '@jest/globals';
import { cjsExports } from '../../shared/src/lib/cjs-interop.js';

describe('cjsExports', () => {
  const exportsObject = { Spectral: class {}, Document: class {} };

  it('takes the namespace itself when it carries the export (a bundle)', () => {
    expect(cjsExports<typeof exportsObject>(exportsObject, 'Spectral')).toBe(exportsObject);
  });

  it('takes the default when only it carries the export (Node ESM without detected named exports)', () => {
    expect(cjsExports<typeof exportsObject>({ default: exportsObject }, 'Spectral')).toBe(exportsObject);
  });

  it('fails loudly when neither has it', () => {
    expect(() => cjsExports({ default: {} }, 'Spectral')).toThrow('export "Spectral" not found');
  });
});
