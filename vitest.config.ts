import { defineConfig } from 'vitest/config';

// `npm test`: every unit and database test on the embedded database.
// `npm run test:pg` runs the same files with DATABASE_URL set (test/helpers/db.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
