import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The repository root, so the build works from any working directory (scripts/ensure-web-build.mjs). */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  server: {
    // `npm run dev` serves the API on port 3000; the dev server forwards to it.
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // The app runs on intranets with older managed browsers; ES2020 keeps Chrome 80+ working.
    target: 'es2020',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React and the router change rarely: one long-cached chunk that every page needs.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
});
