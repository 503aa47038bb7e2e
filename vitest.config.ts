import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm test`: every unit and database test on the embedded database.
// `npm run test:pg` runs the same files with DATABASE_URL set (test/helpers/db.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // test:pg: the migrated and the seeded template databases, made once per run.
    globalSetup: ['test/helpers/pg-templates.ts'],
    pool: 'forks',
    // Files share their worker's modules, so the migrated and seeded database templates
    // (test/helpers/db.ts, app.ts) are built once per worker instead of once per file:
    // about 10 s a file. Every file makes its own database and app from them; no test
    // mocks modules, timers or globals, which shared modules would carry to the next file.
    isolate: false,
    // vitest's default is one worker on a two-core machine; PGlite's work is in the worker.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
