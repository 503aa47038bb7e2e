import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serviceWorkerPlugin } from './build/sw-plugin.ts';

/** The repository root, so the build works from any working directory (scripts/ensure-web-build.mjs). */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // The service worker keeps the call page usable offline (C1); build/sw-plugin.ts.
  plugins: [react(), serviceWorkerPlugin({ root, entry: 'src/web/sw/sw.ts' })],
  server: {
    // `npm run dev` serves the API on port 3000; the dev server forwards to it.
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // .vite/manifest.json: the module graph the service worker and `npm run bench web` read.
    manifest: true,
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
