// `npm run test:corpora`: the suites that read the workspace's shared reference corpora (../shared beside the
// repository; absent on a GitHub clone, so not part of `npm test`). scripts/check-corpora.mjs runs first and
// fails in one line when they are missing.
import { base, testTimeout } from './jest.config.js';

export default {
  ...base,
  displayName: 'corpora',
  testMatch: ['<rootDir>/__tests__/corpora/**/*.test.ts'],
  maxWorkers: 2,
  testTimeout
};
