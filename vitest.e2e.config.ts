import { defineConfig } from 'vitest/config';

/**
 * Browser flows: each file starts the app in-process and drives Chromium through
 * playwright-core. Run by `npm run test:e2e`, which builds dist/web first when stale.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    // A story across several roles takes 25–45 s on an idle machine and has passed a
    // minute under CI's load (two files, two apps, two browsers on two cores); each step
    // still fails after 30 s without its result, so a stall is caught early anyway.
    testTimeout: 180_000,
    // On CI a failed browser test runs once more (as playwright's own runner does there);
    // the first failure still prints its report (fixture.ts). A test that changed the
    // app's data before failing usually fails its retry too. A second failure fails CI.
    // Found and fixed: under load a click on a Select option that was still sliding in
    // with its dialog picked nothing; the browsers now ask for reduced motion (fixture.ts).
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
