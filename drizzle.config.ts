import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the tables (`npm run db:generate`), never written by
// hand with a number; custom SQL (triggers) goes through `drizzle-kit generate --custom`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './src/server/db/migrations',
});
