import { defineConfig } from 'vitest/config';

// One API suite, run once per database; pure unit tests and browser tests run once.
const apiTests = ['server/**/*.test.ts', 'test/**/*.test.ts'];
const notApi = ['**/*.unit.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['server/**/*.unit.test.ts', 'test/**/*.unit.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'sqlite', include: apiTests, exclude: notApi, env: { TEST_DIALECT: 'sqlite' } },
      },
      {
        extends: true,
        test: { name: 'postgres', include: apiTests, exclude: notApi, env: { TEST_DIALECT: 'postgres' } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
