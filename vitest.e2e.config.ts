import { defineConfig } from 'vitest/config';

/**
 * Browser flows: each file starts the app in-process and drives Chromium through
 * playwright-core. Run by `npm run test:e2e`, which builds dist/web first when stale.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium and one app at a time: the machine has 2 cores.
    fileParallelism: false,
  },
});
