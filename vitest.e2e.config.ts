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
    // On CI a failed browser test runs once more (as playwright's own runner does there).
    // Known: under load a step's result has twice not appeared within 30 s (a rule dialog
    // that stayed open, a fixed offline call that did not open its case) in about five
    // full runs, with no server error logged; not found yet. A second failure fails CI.
    retry: process.env.CI ? 1 : 0,
    // A page waits on its server and, the first time, on its code: poll like playwright's
    // own waits (30 s), not vitest's default second, which a busy machine overruns.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    hookTimeout: 120_000,
    // Two files at a time, each with its own app and Chromium: a browser test waits on
    // pages more than it computes, so two of them keep a two-core machine busy
    // (about 7 minutes instead of 10 for the whole suite).
    fileParallelism: true,
    maxWorkers: 2,
  },
});
