// Jest runs the TypeScript sources as ESM (see DESIGN.md §2): ts-jest only transpiles here,
// type errors are caught by `tsc --noEmit` in `npm run build`.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    '@actions/workflow-parser/dist/.+\\.js$': '<rootDir>/__tests__/harness/json-import-attribute.cjs'
  },
  transformIgnorePatterns: ['/node_modules/(?!@actions/workflow-parser/)'],
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  globalSetup: '<rootDir>/__tests__/harness/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/harness/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2
};
