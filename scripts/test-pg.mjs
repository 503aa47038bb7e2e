#!/usr/bin/env node
// `npm run test:pg`: the database tests (files named *.db.test.ts) against the
// PostgreSQL server of DATABASE_URL. Each test file creates and drops its own
// database there (test/helpers/db.ts), so the URL's database is only used to
// connect; the role needs CREATEDB.
import { spawnSync } from 'node:child_process';

if (!process.env.DATABASE_URL) {
  console.error(
    'test:pg needs DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:pg',
  );
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--config',
    'vitest.config.ts',
    '.db.test.ts',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: process.env },
);
process.exit(result.status ?? 1);
